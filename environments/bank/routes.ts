import { z } from 'zod';
import { jsonResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { BankStore } from './store.js';
import { STYLES } from './styles.js';

export const STATE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';

const ResetBodySchema = z.object({ seed: z.number().int() });

/** `param` is the route's first capture group (an id or a month), or '' when it has none. */
type Handler = (store: BankStore, request: AppRequest, param: string) => AppResponse;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/$/, handler: pages.overviewPage },
  { method: 'GET', pattern: /^\/accounts$/, handler: pages.accountsIndex },
  { method: 'GET', pattern: /^\/accounts\/(\d+)$/, handler: pages.accountPage },
  { method: 'POST', pattern: /^\/accounts\/(\d+)$/, handler: actions.updateAccount },
  { method: 'GET', pattern: /^\/accounts\/(\d+)\/details$/, handler: pages.accountDetailsPage },
  { method: 'POST', pattern: /^\/accounts\/(\d+)\/filters$/, handler: actions.applyFilters },
  { method: 'GET', pattern: /^\/transactions\/(\d+)$/, handler: pages.transactionPage },
  { method: 'POST', pattern: /^\/transactions\/(\d+)$/, handler: actions.updateTransaction },
  { method: 'GET', pattern: /^\/transfer$/, handler: pages.transferPage },
  { method: 'POST', pattern: /^\/transfer$/, handler: actions.createTransfer },
  { method: 'GET', pattern: /^\/payees$/, handler: pages.payeesPage },
  { method: 'POST', pattern: /^\/payees$/, handler: actions.createPayee },
  { method: 'GET', pattern: /^\/payees\/(\d+)$/, handler: pages.payeePage },
  { method: 'POST', pattern: /^\/payees\/(\d+)$/, handler: actions.updatePayee },
  { method: 'POST', pattern: /^\/payees\/(\d+)\/remove$/, handler: actions.removePayee },
  { method: 'GET', pattern: /^\/payments$/, handler: pages.paymentsPage },
  { method: 'POST', pattern: /^\/payments$/, handler: actions.createPayment },
  { method: 'POST', pattern: /^\/payments\/(\d+)\/delete$/, handler: actions.deletePayment },
  { method: 'GET', pattern: /^\/statements$/, handler: pages.statementsIndex },
  { method: 'GET', pattern: /^\/statements\/(\d{4}-\d{2})$/, handler: pages.statementPage },
  { method: 'GET', pattern: /^\/cards$/, handler: pages.cardsPage },
  { method: 'GET', pattern: /^\/cards\/(\d+)$/, handler: pages.cardPage },
  { method: 'POST', pattern: /^\/cards\/(\d+)$/, handler: actions.updateCardLimits },
  { method: 'POST', pattern: /^\/cards\/(\d+)\/freeze$/, handler: actions.freezeCard },
  { method: 'GET', pattern: /^\/search$/, handler: pages.searchPage },
];

export function handle(store: BankStore, request: AppRequest): AppResponse {
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
    return route.handler(store, request, match[1] ?? '');
  }
  if (pathMatched) return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return pages.notFound(store);
}

function reset(store: BankStore, body: string): AppResponse {
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
