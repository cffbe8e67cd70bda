import { z } from 'zod';
import { RESET_PATH, RESTORE_PATH, SNAPSHOT_PATH, STATE_PROBE_PATH } from '../../src/core/environment.js';
import { jsonResponse, type AppRequest, type AppResponse } from './http-types.js';

const ResetBodySchema = z.object({ seed: z.number().int() });
const RestoreBodySchema = z.object({ snapshot: z.string() });

export interface AppRoute<Store, Param> {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: (store: Store, request: AppRequest, param: Param) => AppResponse;
}

export interface AppRouterOptions<Store, Param> {
  /** The state probe's JSON. */
  state(store: Store): unknown;
  reset(store: Store, seed: number): void;
  styles: string;
  script: string;
  notFound(store: Store): AppResponse;
  /** What a route's handler receives from its pattern's match (an id, a slug, all groups). */
  param(match: RegExpExecArray): Param;
}

/**
 * Serves one request of a bundled app: the harness's probe and reset (which no page links to, and
 * which the app server lets through only with its secret), the app's stylesheet and
 * script, then the first route whose pattern matches (405 when only another method does), else the
 * app's not-found page.
 */
export function routeRequest<Store, Param>(
  store: Store,
  request: AppRequest,
  routes: readonly AppRoute<Store, Param>[],
  options: AppRouterOptions<Store, Param>,
): AppResponse {
  const path = request.url.pathname.length > 1 ? request.url.pathname.replace(/\/+$/, '') : '/';
  const method = request.method === 'HEAD' ? 'GET' : request.method;

  if (path === STATE_PROBE_PATH && method === 'GET') return jsonResponse(options.state(store));
  if (path === RESET_PATH && method === 'POST') return reset(store, request.body, options);
  // A store is plain data in its own fields (records, counters): its JSON is the whole state.
  if (path === SNAPSHOT_PATH && method === 'POST') return jsonResponse({ snapshot: JSON.stringify(store) });
  if (path === RESTORE_PATH && method === 'POST') return restore(store, request.body);
  if (path === '/assets/app.css' && method === 'GET') return { status: 200, body: options.styles, contentType: 'text/css; charset=utf-8' };
  if (path === '/assets/app.js' && method === 'GET')
    return { status: 200, body: options.script, contentType: 'text/javascript; charset=utf-8' };
  if (path === '/favicon.ico') return { status: 204, body: '' };

  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return route.handler(store, request, options.param(match));
  }
  if (pathMatched)
    return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return options.notFound(store);
}

function reset<Store>(store: Store, body: string, options: Pick<AppRouterOptions<Store, unknown>, 'reset'>): AppResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === '' ? '{}' : body);
  } catch {
    return jsonResponse({ ok: false, error: 'Expected a JSON body like {"seed": 1}, got invalid JSON' }, 400);
  }
  const result = ResetBodySchema.safeParse(parsed);
  if (!result.success) return jsonResponse({ ok: false, error: `Expected {"seed": <integer>}, got ${body.slice(0, 100)}` }, 400);
  options.reset(store, result.data.seed);
  return jsonResponse({ ok: true });
}

function restore<Store>(store: Store, body: string): AppResponse {
  let parsed: unknown;
  try {
    parsed = RestoreBodySchema.parse(JSON.parse(body));
    const fields: unknown = JSON.parse((parsed as { snapshot: string }).snapshot);
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new Error('not an object');
    Object.assign(store as object, fields);
  } catch (error) {
    return jsonResponse(
      {
        ok: false,
        error: `Expected {"snapshot": "<a snapshot this app gave>"}, got ${error instanceof Error ? error.message : 'invalid JSON'}`,
      },
      400,
    );
  }
  return jsonResponse({ ok: true });
}
