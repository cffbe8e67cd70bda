import { html } from '../../kit/html.js';
import { TODAY, addDays, formatDate, formatLongDate, formatShortDate } from '../clock.js';
import { ACCOUNT_TYPE_LABELS, CATEGORY_LABELS, REPEATS_LABELS, type Account } from '../model.js';
import { formatMoney, formatWholeMoney, roundCents } from '../money.js';
import { isPending, maskedNumber, spendingByCategory, upcomingPayments } from '../queries.js';
import type { BankStore } from '../store.js';
import {
  CATEGORY_COLORS,
  accountGlyph,
  amountText,
  categoryChip,
  emptyState,
  initialsAvatar,
  pageHeader,
  pendingBadge,
} from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const RECENT_LIMIT = 8;

function accountDetail(store: BankStore, account: Account): string {
  if (account.type === 'savings') return `${account.rate.toFixed(2)}% APY`;
  if (account.type === 'credit')
    return `Payment due ${account.paymentDueDate ? formatShortDate(account.paymentDueDate) : '—'} · ${formatWholeMoney(account.creditLimit ?? 0)} limit`;
  const pending = store.transactions.filter((entry) => entry.accountId === account.id && isPending(entry)).length;
  return pending === 0 ? 'No pending transactions' : `${pending} pending`;
}

export function renderOverview(store: BankStore, flash: string | undefined): string {
  const firstName = store.customer.name.split(' ')[0];
  const cash = roundCents(
    store.accounts.filter((account) => account.type !== 'credit').reduce((sum, account) => sum + store.balance(account), 0),
  );
  const owed = roundCents(
    store.accounts.filter((account) => account.type === 'credit').reduce((sum, account) => sum + store.balance(account), 0),
  );
  const monthStart = `${TODAY.slice(0, 7)}-01`;
  const spending = spendingByCategory(store, monthStart, TODAY);
  const spent = roundCents(spending.reduce((sum, entry) => sum + entry.total, 0));
  const upcoming = upcomingPayments(store);
  const soon = upcoming.filter((payment) => payment.date <= addDays(TODAY, 30));
  const soonTotal = roundCents(soon.reduce((sum, payment) => sum + payment.amount, 0));
  const stat = (label: string, value: string, hint: string, tone: string) =>
    html`<div class="stat stat-${tone}"><dt>${label}</dt><dd><span class="stat-value">${value}</span><span class="stat-hint">${hint}</span></dd></div>`;

  const accountsTable = html`<table class="table accounts-table">
    <caption class="visually-hidden">Your accounts</caption>
    <thead><tr><th scope="col">Account</th><th scope="col">Type</th><th scope="col" class="num">Balance</th><th scope="col" class="num">Available</th><th scope="col">Details</th></tr></thead>
    <tbody>${store.accounts.map(
      (account) => html`<tr>
      <td><span class="account-cell">${accountGlyph(account)}<span><a class="row-link" href="/accounts/${account.id}">${account.name}</a><span class="sub">${maskedNumber(account.last4)}</span></span></span></td>
      <td>${ACCOUNT_TYPE_LABELS[account.type]}</td>
      <td class="num"><span class="balance-big">${formatMoney(store.balance(account))}</span>${account.type === 'credit' ? html`<span class="sub">owed</span>` : ''}</td>
      <td class="num">${formatMoney(store.available(account))}</td>
      <td class="muted">${accountDetail(store, account)}</td>
    </tr>`,
    )}</tbody>
  </table>`;

  const recent = [...store.transactions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id)).slice(0, RECENT_LIMIT);
  const recentTable = html`<table class="table compact">
    <caption class="visually-hidden">Recent transactions</caption>
    <thead><tr><th scope="col">Description</th><th scope="col">Date</th><th scope="col">Category</th><th scope="col" class="num">Amount</th></tr></thead>
    <tbody>${recent.map(
      (entry) => html`<tr>
      <td><a class="row-link" href="/transactions/${entry.id}">${entry.description}</a><span class="sub">${store.account(entry.accountId)?.name ?? ''}</span></td>
      <td class="nowrap">${formatShortDate(entry.date)}${isPending(entry) ? html` ${pendingBadge()}` : ''}</td>
      <td>${categoryChip(entry.category)}</td>
      <td class="num">${amountText(entry.amount)}</td>
    </tr>`,
    )}</tbody>
  </table>`;

  const upcomingList =
    upcoming.length === 0
      ? emptyState('No scheduled payments', 'Schedule a bill payment and it shows up here.')
      : html`<ul class="upcoming">${upcoming.slice(0, 5).map((payment) => {
          const payee = store.payee(payment.payeeId)!;
          return html`<li>${initialsAvatar(payee.name, payee.id)}<div class="upcoming-text"><a href="/payees/${payee.id}" class="strong">${payee.name}</a><p class="meta">${formatDate(payment.date)} · ${REPEATS_LABELS[payment.repeats]}</p></div><span class="money strong">${formatMoney(payment.amount)}</span></li>`;
        })}</ul>`;

  const top = spending.slice(0, 5);
  const max = Math.max(1, ...top.map((entry) => entry.total));
  const spendingBars =
    top.length === 0
      ? emptyState('No spending yet this month', 'Card and account spending shows up here.')
      : html`<ul class="bars">${top.map(
          (entry) => html`<li>
        <div class="bar-head"><span>${CATEGORY_LABELS[entry.category]}</span><span class="money">${formatMoney(entry.total)}</span></div>
        <div class="bar" aria-hidden="true"><span style="width:${Math.max(4, Math.round((entry.total / max) * 100))}%;background:${CATEGORY_COLORS[entry.category]}"></span></div>
      </li>`,
        )}</ul>`;

  const body = html`
    ${pageHeader('Accounts overview', `${formatLongDate(TODAY)} · Good morning, ${firstName}`, html`<a class="button" href="/payments">${icon('bill')}Pay a bill</a><a class="button primary" href="/transfer">${icon('transfer')}Transfer money</a>`)}
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="visually-hidden">Summary</h2>
      <dl class="stats">
        ${stat('Total cash', formatMoney(cash), 'checking and savings', 'green')}
        ${stat('Card balance', formatMoney(owed), 'owed on credit cards', 'blue')}
        ${stat('Spent in June', formatMoney(spent), `across ${spending.reduce((sum, entry) => sum + entry.count, 0)} purchases and bills`, 'amber')}
        ${stat('Upcoming payments', formatMoney(soonTotal), `${soon.length} in the next 30 days`, 'violet')}
      </dl>
    </section>
    <section class="card" aria-labelledby="accounts-heading">
      <div class="card-header"><h2 id="accounts-heading">Your accounts</h2><a class="meta-link" href="/statements">View statements</a></div>
      ${accountsTable}
    </section>
    <div class="overview-grid">
      <section class="card" aria-labelledby="recent-heading">
        <div class="card-header"><h2 id="recent-heading">Recent transactions</h2><a class="meta-link" href="/accounts/${store.accounts[0]?.id ?? 1}">All transactions</a></div>
        ${recentTable}
      </section>
      <div class="stack-col">
        <section class="card" aria-labelledby="upcoming-heading">
          <div class="card-header"><h2 id="upcoming-heading">Upcoming payments</h2><a class="meta-link" href="/payments">Manage</a></div>
          ${upcomingList}
        </section>
        <section class="card" aria-labelledby="spending-heading">
          <div class="card-header"><h2 id="spending-heading">Spending in June</h2><span class="meta">to date</span></div>
          ${spendingBars}
        </section>
      </div>
    </div>`;
  return layout(store, { title: 'Overview', section: 'overview', flash, body });
}
