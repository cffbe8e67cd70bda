import { type AppRequest, type AppResponse } from '../kit/http-types.js';
import { routeRequest, type AppRoute } from '../kit/app-router.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { BankStore } from './store.js';
import { STYLES } from './styles.js';

type Route = AppRoute<BankStore, string>;

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
  return routeRequest(store, request, ROUTES, {
    state: buildState,
    reset: (current, seed) => current.reset(seed),
    styles: STYLES,
    script: CLIENT_SCRIPT,
    notFound: pages.notFound,
    param: (match) => match[1] ?? '',
  });
}
