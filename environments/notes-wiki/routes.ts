import { type AppRequest, type AppResponse } from '../kit/http-types.js';
import { routeRequest, type AppRoute } from '../kit/app-router.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { WikiStore } from './store.js';
import { STYLES } from './styles.js';

type Route = AppRoute<WikiStore, string[]>;

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
  {
    method: 'POST',
    pattern: /^\/pages\/(\d+)\/archive$/,
    handler: (store, request, params) => actions.archivePage(store, request, params, true),
  },
  {
    method: 'POST',
    pattern: /^\/pages\/(\d+)\/unarchive$/,
    handler: (store, request, params) => actions.archivePage(store, request, params, false),
  },
  { method: 'POST', pattern: /^\/pages\/(\d+)\/delete$/, handler: actions.deletePage },
  { method: 'GET', pattern: /^\/starred$/, handler: pages.starredPage },
  { method: 'GET', pattern: /^\/tags$/, handler: pages.tagsPage },
  { method: 'GET', pattern: /^\/tags\/([a-z0-9-]+)$/, handler: pages.tagPage },
  { method: 'GET', pattern: /^\/changes$/, handler: pages.changesPage },
  { method: 'GET', pattern: /^\/search$/, handler: pages.searchPage },
];

export function handle(store: WikiStore, request: AppRequest): AppResponse {
  return routeRequest(store, request, ROUTES, {
    state: buildState,
    reset: (current, seed) => current.reset(seed),
    styles: STYLES,
    script: CLIENT_SCRIPT,
    notFound: (current) => pages.notFound(current, 'Page'),
    param: (match) => match.slice(1),
  });
}
