import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { isValidIsoDate } from './clock.js';
import { isCategory, type AccountView } from './model.js';
import { DEFAULT_QUERY, STATEMENT_MONTHS, SORT_KEYS, type SortKey, type TransactionQuery } from './queries.js';
import { renderAccount } from './render/account.js';
import { renderAccountDetails } from './render/account-details.js';
import { renderCard, renderCards } from './render/cards.js';
import { renderOverview } from './render/overview.js';
import { renderPayee } from './render/payee.js';
import { EMPTY_PAYEE_FORM } from './render/payee-form.js';
import { renderPayees } from './render/payees.js';
import { emptyPaymentForm, renderPayments } from './render/payments.js';
import { renderNotFound, renderSearch } from './render/search.js';
import { renderStatements } from './render/statements.js';
import { renderTransaction } from './render/transaction.js';
import { emptyTransferForm, renderTransfer } from './render/transfer.js';
import type { BankStore } from './store.js';

export function notFound(store: BankStore, what = 'Page'): AppResponse {
  return htmlResponse(renderNotFound(store, what), 404);
}

function pageNumber(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

function optionalId(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Reads ?q=&category=&from=&to=&sort=&dir= leniently: unknown values fall back to defaults. Without
 * category/from/to in the URL, the account's saved filters apply.
 */
export function parseTransactionQuery(params: URLSearchParams, view: AccountView): TransactionQuery {
  const urlFilters = params.has('category') || params.has('from') || params.has('to');
  const category = (urlFilters ? params.get('category') : view.category) ?? '';
  const from = ((urlFilters ? params.get('from') : view.from) ?? '').trim();
  const to = ((urlFilters ? params.get('to') : view.to) ?? '').trim();
  const sort = params.get('sort') ?? DEFAULT_QUERY.sort;
  const dir = params.get('dir');
  return {
    q: (params.get('q') ?? '').trim(),
    category: isCategory(category) ? category : undefined,
    from: isValidIsoDate(from) ? from : undefined,
    to: isValidIsoDate(to) ? to : undefined,
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : DEFAULT_QUERY.sort,
    direction: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_QUERY.direction,
    urlFilters,
  };
}

export function overviewPage(store: BankStore, request: AppRequest): AppResponse {
  return htmlResponse(renderOverview(store, request.flash));
}

export function accountPage(store: BankStore, request: AppRequest, id: string): AppResponse {
  const account = store.account(Number(id));
  if (account === undefined) return notFound(store, 'Account');
  const params = request.url.searchParams;
  return htmlResponse(renderAccount(store, account, parseTransactionQuery(params, account.view), pageNumber(params), request.flash));
}

export function accountDetailsPage(store: BankStore, request: AppRequest, id: string): AppResponse {
  const account = store.account(Number(id));
  if (account === undefined) return notFound(store, 'Account');
  return htmlResponse(renderAccountDetails(store, account, request.flash));
}

export function transactionPage(store: BankStore, request: AppRequest, id: string): AppResponse {
  const transaction = store.transaction(Number(id));
  if (transaction === undefined) return notFound(store, 'Transaction');
  return htmlResponse(renderTransaction(store, transaction, request.flash));
}

export function transferPage(store: BankStore, request: AppRequest): AppResponse {
  const params = request.url.searchParams;
  return htmlResponse(
    renderTransfer(store, emptyTransferForm(store, optionalId(params.get('from')), optionalId(params.get('to'))), request.flash),
  );
}

export function payeesPage(store: BankStore, request: AppRequest): AppResponse {
  return htmlResponse(renderPayees(store, pageNumber(request.url.searchParams), EMPTY_PAYEE_FORM, request.flash));
}

export function payeePage(store: BankStore, request: AppRequest, id: string): AppResponse {
  const payee = store.payee(Number(id));
  if (payee === undefined) return notFound(store, 'Payee');
  return htmlResponse(renderPayee(store, payee, request.flash));
}

export function paymentsPage(store: BankStore, request: AppRequest): AppResponse {
  const payeeId = optionalId(request.url.searchParams.get('payee'));
  const known = payeeId !== undefined && store.payee(payeeId) !== undefined ? payeeId : undefined;
  return htmlResponse(renderPayments(store, emptyPaymentForm(known), request.flash));
}

export function statementsIndex(store: BankStore, request: AppRequest): AppResponse {
  return htmlResponse(renderStatements(store, STATEMENT_MONTHS[0], request.flash));
}

export function statementPage(store: BankStore, request: AppRequest, month: string): AppResponse {
  if (!(STATEMENT_MONTHS as readonly string[]).includes(month)) return notFound(store, 'Statement');
  return htmlResponse(renderStatements(store, month, request.flash));
}

export function cardsPage(store: BankStore, request: AppRequest): AppResponse {
  return htmlResponse(renderCards(store, request.flash));
}

export function cardPage(store: BankStore, request: AppRequest, id: string): AppResponse {
  const card = store.card(Number(id));
  if (card === undefined) return notFound(store, 'Card');
  return htmlResponse(renderCard(store, card, request.flash));
}

export function searchPage(store: BankStore, request: AppRequest): AppResponse {
  const params = request.url.searchParams;
  return htmlResponse(renderSearch(store, params.get('q') ?? '', pageNumber(params), request.flash));
}

export function accountsIndex(): AppResponse {
  return redirect('/');
}
