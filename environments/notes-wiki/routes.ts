import { z } from 'zod';
import { jsonResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { WikiStore } from './store.js';
import { STYLES } from './styles.js';

export const STATE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';

const ResetBodySchema = z.object({ seed: z.number().int() });

/** `params` are the pattern's capture groups: numeric ids or a tag slug. */
type Handler = (store: WikiStore, request: AppRequest, params: string[]) => AppResponse;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/$/, handler: pages.homePage },
  { method: 'GET', pattern: /^\/pages$/, handler: pages.allPagesPage },
  { method: 'POST', pattern: /^\/pages$/, handler: actions.createPage },
  { method: 'GET', pattern: /^\/pages\/new$/, handler: pages.newPagePage },
  { method: 'GET', pattern: /^\/pages\/(\d+)$/, handler: pages.pageView },
  { method: 'POST', pattern: /^\/pages\/(\d+)$/, handler: actions.updatePage },
  { method: 'GET', pattern: /^\/pages\/(\d+)\/edit$/, handler: pages.editPage },
  { method: 'GET', pattern: /^\/pages\/(\d+)\/history$/, handler: pages.historyPage },
  { method: 'GET', pattern: /^\/pages\/(\d+)\/versions\/(\d+)$/, handler: pages.versionPage },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/restore$/, handler: actions.restoreVersion },
  { method: 'GET', pattern: /^\/pages\/(\d+)\/move$/, handler: pages.movePage },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/move$/, handler: actions.movePage },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/star$/, handler: actions.starPage },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/archive$/, handler: (store, request, params) => actions.archivePage(store, request, params, true) },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/unarchive$/, handler: (store, request, params) => actions.archivePage(store, request, params, false) },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/delete$/, handler: actions.deletePage },
  { method: 'GET', pattern: /^\/starred$/, handler: pages.starredPage },
  { method: 'GET', pattern: /^\/tags$/, handler: pages.tagsPage },
  { method: 'GET', pattern: /^\/tags\/([a-z0-9-]+)$/, handler: pages.tagPage },
  { method: 'GET', pattern: /^\/changes$/, handler: pages.changesPage },
  { method: 'GET', pattern: /^\/search$/, handler: pages.searchPage },
];

export function handle(store: WikiStore, request: AppRequest): AppResponse {
  const path = request.url.pathname.length > 1 ? request.url.pathname.replace(/\/+$/, '') : '/';
  const method = request.method === 'HEAD' ? 'GET' : request.method;

  if (path === STATE_PATH && method === 'GET') return jsonResponse(buildState(store));
  if (path === RESET_PATH && method === 'POST') return reset(store, request.body);
  if (path === '/assets/app.css' && method === 'GET') return { status: 200, body: STYLES, contentType: 'text/css; charset=utf-8' };
  if (path === '/assets/app.js' && method === 'GET') return { status: 200, body: CLIENT_SCRIPT, contentType: 'text/javascript; charset=utf-8' };
  if (path === '/favicon.ico') return { status: 204, body: '' };

  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return route.handler(store, request, match.slice(1));
  }
  if (pathMatched) return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return pages.notFound(store, 'Page');
}

function reset(store: WikiStore, body: string): AppResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === '' ? '{}' : body);
  } catch {
    return jsonResponse({ ok: false, error: 'Expected a JSON body like {"seed": 1}, got invalid JSON' }, 400);
  }
  const result = ResetBodySchema.safeParse(parsed);
  if (!result.success) return jsonResponse({ ok: false, error: `Expected {"seed": <integer>}, got ${body.slice(0, 100)}` }, 400);
  store.reset(result.data.seed);
  return jsonResponse({ ok: true });
}
