import { html } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { PAYEE_CATEGORY_LABELS } from '../model.js';
import { isPending, searchPayees, searchTransactions } from '../queries.js';
import type { BankStore } from '../store.js';
import { amountText, categoryChip, emptyState, initialsAvatar, pageHeader, pager, pendingBadge } from './components.js';
import { layout } from './layout.js';

const PAGE_SIZE = 15;

export function renderSearch(store: BankStore, query: string, requestedPage: number, flash: string | undefined): string {
  const trimmed = query.trim();
  const transactions = searchTransactions(store, trimmed);
  const payees = searchPayees(store, trimmed);
  const pageCount = Math.max(1, Math.ceil(transactions.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const visible = transactions.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const hrefFor = (target: number) => `/search?q=${encodeURIComponent(trimmed)}${target > 1 ? `&page=${target}` : ''}`;

  const transactionSection = html`<section class="card table-card" aria-labelledby="transaction-results-heading">
    <div class="card-header"><h2 id="transaction-results-heading">Transactions <span class="count">${transactions.length}</span></h2></div>
    ${
      visible.length === 0
        ? html`<p class="muted card-body">No matching transactions.</p>`
        : html`<table class="table compact">
          <caption class="visually-hidden">Matching transactions</caption>
          <thead><tr><th scope="col">Description</th><th scope="col">Date</th><th scope="col">Account</th><th scope="col">Category</th><th scope="col" class="num">Amount</th></tr></thead>
          <tbody>${visible.map(
            (entry) => html`<tr>
            <td><a class="row-link" href="/transactions/${entry.id}">${entry.description}</a>${isPending(entry) ? html` ${pendingBadge()}` : ''}${entry.note ? html`<span class="sub">${entry.note}</span>` : ''}</td>
            <td class="nowrap">${formatDate(entry.date)}</td>
            <td>${store.account(entry.accountId)?.name ?? '—'}</td>
            <td>${categoryChip(entry.category)}</td>
            <td class="num">${amountText(entry.amount)}</td>
          </tr>`,
          )}</tbody>
        </table>
        ${pageCount > 1 ? pager({ page, pageCount, total: transactions.length, pageSize: PAGE_SIZE, noun: 'transactions', hrefFor }) : ''}`
    }
  </section>`;

  const payeeSection = html`<section class="card" aria-labelledby="payee-results-heading">
    <div class="card-header"><h2 id="payee-results-heading">Payees <span class="count">${payees.length}</span></h2></div>
    ${
      payees.length === 0
        ? html`<p class="muted card-body">No matching payees.</p>`
        : html`<ul class="result-list">${payees.map((payee) => html`<li>${initialsAvatar(payee.name, payee.id)}<div><a href="/payees/${payee.id}" class="strong">${payee.name}</a><p class="meta">${PAYEE_CATEGORY_LABELS[payee.category]} · ${payee.email}</p></div></li>`)}</ul>`
    }
  </section>`;

  const body =
    trimmed === ''
      ? html`${pageHeader('Search', 'Find transactions by description, note, category or amount, and payees by name or email.')}<div class="card">${emptyState('Type something to search', 'Use the search box at the top of the page, e.g. “Payroll” or “Dining”.')}</div>`
      : html`${pageHeader(`Results for \u201c${trimmed}\u201d`, `${transactions.length + payees.length} result${transactions.length + payees.length === 1 ? '' : 's'} across transactions and payees`)}
      <div class="search-grid">${transactionSection}${payeeSection}</div>`;
  return layout(store, { title: trimmed === '' ? 'Search' : `Search: ${trimmed}`, section: 'search', flash, searchQuery: trimmed, body });
}

export function renderNotFound(store: BankStore, what: string): string {
  const body = html`${pageHeader(`${what} not found`, 'It may have been removed, or the link is out of date.')}<div class="card">${emptyState('Nothing here', 'Go back to your accounts overview to find what you were looking for.')}<p class="card-body center"><a class="button" href="/">Back to overview</a></p></div>`;
  return layout(store, { title: `${what} not found`, section: 'none', flash: undefined, body });
}
