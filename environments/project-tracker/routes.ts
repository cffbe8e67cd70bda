import { z } from 'zod';
import { CLIENT_SCRIPT } from './client-script.js';
import { jsonResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { TrackerStore } from './store.js';
import { STYLES } from './styles.js';

export const STATE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';

const ResetBodySchema = z.object({ seed: z.number().int() });

type Handler = (store: TrackerStore, request: AppRequest, id: number) => AppResponse;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/$/, handler: pages.dashboardPage },
  { method: 'GET', pattern: /^\/projects$/, handler: pages.projectsPage },
  { method: 'POST', pattern: /^\/projects$/, handler: actions.createProject },
  { method: 'GET', pattern: /^\/projects\/(\d+)$/, handler: pages.projectPage },
  { method: 'GET', pattern: /^\/projects\/(\d+)\/board$/, handler: pages.boardPage },
  { method: 'POST', pattern: /^\/projects\/(\d+)\/tasks$/, handler: actions.createTask },
  { method: 'GET', pattern: /^\/tasks\/(\d+)$/, handler: pages.taskPage },
  { method: 'POST', pattern: /^\/tasks\/(\d+)$/, handler: actions.updateTask },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/complete$/, handler: actions.completeTask },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/status$/, handler: actions.moveTask },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/archive$/, handler: (store, request, id) => actions.archiveTask(store, request, id, true) },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/restore$/, handler: (store, request, id) => actions.archiveTask(store, request, id, false) },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/delete$/, handler: (store, _request, id) => actions.deleteTask(store, id) },
  { method: 'POST', pattern: /^\/tasks\/(\d+)\/comments$/, handler: actions.addComment },
  { method: 'GET', pattern: /^\/search$/, handler: pages.searchPage },
  { method: 'GET', pattern: /^\/people$/, handler: pages.peoplePage },
  { method: 'GET', pattern: /^\/people\/(\d+)$/, handler: pages.personPage },
];

export function handle(store: TrackerStore, request: AppRequest): AppResponse {
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
    return route.handler(store, request, match[1] === undefined ? 0 : Number(match[1]));
  }
  if (pathMatched) return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return pages.notFound(store);
}

function reset(store: TrackerStore, body: string): AppResponse {
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
