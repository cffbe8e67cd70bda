import { routeRequest, type AppRoute } from '../kit/app-router.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { type AppRequest, type AppResponse } from '../kit/http-types.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { TrackerStore } from './store.js';
import { STYLES } from './styles.js';

type Route = AppRoute<TrackerStore, number>;

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
  return routeRequest(store, request, ROUTES, {
    state: buildState,
    reset: (current, seed) => current.reset(seed),
    styles: STYLES,
    script: CLIENT_SCRIPT,
    notFound: pages.notFound,
    param: (match) => (match[1] === undefined ? 0 : Number(match[1])),
  });
}
