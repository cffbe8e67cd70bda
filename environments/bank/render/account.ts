import { html, type SafeHtml } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { CATEGORY_LABELS, type Account } from '../model.js';
import { formatMoney } from '../money.js';
import { DEFAULT_QUERY, filterAndSort, isPending, ledger, type LedgerRow, type SortKey, type TransactionQuery } from '../queries.js';
import type { BankStore } from '../store.js';
import {
  CATEGORY_OPTIONS,
  amountText,
  categoryChip,
  dateField,
  emptyState,
  formErrors,
  pager,
  pendingBadge,
  selectField,
} from './components.js';
import { accountHeader } from './account-header.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export const PAGE_SIZE = 15;

const COLUMNS: ReadonlyArray<readonly [SortKey | null, string, string]> = [
  ['date', 'Date', ''],
  ['description', 'Description', 'col-description'],
  ['category', 'Category', ''],
  ['amount', 'Amount', 'num'],
  [null, 'Balance', 'num'],
];

/** The query string for this view with some parameters replaced; defaults and saved filters are left out. */
export function listHref(account: Account, query: TransactionQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.urlFilters) {
    if (query.category) params.set('category', query.category);
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
  }
  if (query.sort !== DEFAULT_QUERY.sort || query.direction !== DEFAULT_QUERY.direction) {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/accounts/${account.id}${search ? `?${search}` : ''}`;
}

export interface FilterFormState {
  values: { category: string; from: string; to: string };
  errors: { category?: string; from?: string; to?: string };
}

function hidden(name: string, value: string | undefined): SafeHtml {
  return value ? html`<input type="hidden" name="${name}" value="${value}">` : html``;
}

export function renderAccount(
  store: BankStore,
  account: Account,
  query: TransactionQuery,
  requestedPage: number,
  flash: string | undefined,
  filters?: FilterFormState,
): string {
  const rows = filterAndSort(ledger(store, account), query);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const filtered = query.q !== '' || query.category !== undefined || query.from !== undefined || query.to !== undefined;
  const sortInputs =
    query.sort !== DEFAULT_QUERY.sort || query.direction !== DEFAULT_QUERY.direction
      ? html`${hidden('sort', query.sort)}${hidden('dir', query.direction)}`
      : '';

  const header = ([key, label, className]: readonly [SortKey | null, string, string]): SafeHtml => {
    if (key === null) return html`<th scope="col" class="${className}">${label}</th>`;
    const active = query.sort === key;
    const nextDirection = active ? (query.direction === 'asc' ? 'desc' : 'asc') : key === 'date' || key === 'amount' ? 'desc' : 'asc';
    const ariaSort = active ? html` aria-sort="${query.direction === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = active ? (query.direction === 'asc' ? '↑' : '↓') : '↕';
    return html`<th scope="col" class="${className}"${ariaSort}><a class="sort-link${active ? ' active' : ''}" href="${listHref(account, { ...query, sort: key, direction: nextDirection }, 1)}">${label}<span class="sort-arrow" aria-hidden="true">${arrow}</span></a></th>`;
  };

  const searchForm = html`<form role="search" method="get" action="/accounts/${account.id}" aria-label="Search transactions" class="table-search">
    ${query.urlFilters ? html`${hidden('category', query.category)}${hidden('from', query.from)}${hidden('to', query.to)}` : ''}${sortInputs}
    <label for="transaction-search" class="visually-hidden">Search transactions</label>
    ${icon('search', 'icon search-icon')}
    <input type="search" id="transaction-search" name="q" value="${query.q}" placeholder="Search description, note or amount" autocomplete="off">
    <button type="submit" class="button">Search</button>
  </form>`;

  const saved = account.view.category !== null || account.view.from !== null || account.view.to !== null;
  const state = filters ?? { values: { category: query.category ?? '', from: query.from ?? '', to: query.to ?? '' }, errors: {} };
  const errorId = 'filter-errors';
  const filterForm = html`<div class="filter-bar">
    <form method="post" action="/accounts/${account.id}/filters" aria-label="Filter transactions" class="filter-form" novalidate>
      ${selectField({ id: 'filter-category', name: 'category', label: 'Category', options: [{ value: '', label: 'All categories' }, ...CATEGORY_OPTIONS], selected: state.values.category, errorId: state.errors.category ? errorId : undefined })}
      ${dateField({ id: 'filter-from', name: 'from', label: 'Date from', value: state.values.from, errorId: state.errors.from ? errorId : undefined })}
      ${dateField({ id: 'filter-to', name: 'to', label: 'Date to', value: state.values.to, errorId: state.errors.to ? errorId : undefined })}
      <button type="submit" class="button">${icon('filter')}Apply filters</button>
    </form>
    ${saved ? html`<form method="post" action="/accounts/${account.id}/filters" class="clear-form"><input type="hidden" name="clear" value="1"><button type="submit" class="button ghost">Clear filters</button></form>` : ''}
  </div>
  ${formErrors(errorId, [state.errors.category, state.errors.from, state.errors.to])}`;

  const summary = filtered
    ? html`<p class="filter-summary">${rows.length} matching transaction${rows.length === 1 ? '' : 's'}${query.q ? html` for <strong>“${query.q}”</strong>` : ''}${query.category ? html` in <strong>${CATEGORY_LABELS[query.category]}</strong>` : ''}${query.from ? html` from <strong>${formatDate(query.from)}</strong>` : ''}${query.to ? html` to <strong>${formatDate(query.to)}</strong>` : ''}${saved && !query.urlFilters ? html`<span class="muted"> · filters are remembered for this account</span>` : ''}</p>`
    : '';

  const table =
    visible.length === 0
      ? emptyState(
          filtered ? 'No transactions match' : 'No transactions yet',
          filtered ? 'Try another search, category or date range.' : 'Transactions on this account will appear here.',
        )
      : html`<table class="table transactions-table">
        <caption class="visually-hidden">Transactions in ${account.name}</caption>
        <thead><tr>${COLUMNS.map(header)}</tr></thead>
        <tbody>${visible.map((row) => transactionRow(row))}</tbody>
      </table>`;

  const body = html`
    ${accountHeader(store, account, 'transactions')}
    <section class="card table-card" aria-labelledby="transactions-heading">
      <div class="card-header"><h2 id="transactions-heading">Transactions</h2>${searchForm}</div>
      ${filterForm}
      ${summary}
      ${table}
      ${pager({ page, pageCount, total: rows.length, pageSize: PAGE_SIZE, noun: 'transactions', hrefFor: (target) => listHref(account, query, target) })}
    </section>`;
  return layout(store, { title: account.name, section: 'account', accountId: account.id, flash, body });
}

function transactionRow({ transaction, balance }: LedgerRow): SafeHtml {
  return html`<tr>
    <td class="nowrap"><time datetime="${transaction.date}">${formatDate(transaction.date)}</time></td>
    <td class="col-description"><a class="row-link" href="/transactions/${transaction.id}">${transaction.description}</a>${isPending(transaction) ? html` ${pendingBadge()}` : ''}${transaction.note ? html`<span class="sub note-line">${icon('pencil')}${transaction.note}</span>` : ''}</td>
    <td>${categoryChip(transaction.category)}</td>
    <td class="num">${amountText(transaction.amount)}</td>
    <td class="num muted-money">${formatMoney(balance)}</td>
  </tr>`;
}
