import { html } from '../../kit/html.js';
import { TODAY, formatDate } from '../clock.js';
import { formatMoney } from '../money.js';
import { fundingAccounts, maskedNumber } from '../queries.js';
import type { BankStore } from '../store.js';
import { accountGlyph, dateField, emptyState, formErrors, pageHeader, selectField, textField, type Option } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const RECENT_LIMIT = 10;

export interface TransferFormState {
  values: { fromAccountId: string; toAccountId: string; amount: string; date: string; memo: string };
  errors: { fromAccountId?: string; toAccountId?: string; amount?: string; date?: string; memo?: string };
}

/** An empty form; From defaults to `from` (or the first funding account), To to another account. */
export function emptyTransferForm(store: BankStore, from?: number, to?: number): TransferFormState {
  const funding = fundingAccounts(store);
  const source =
    funding.find((account) => account.id === from) ??
    (to !== undefined ? funding.find((account) => account.id !== to) : undefined) ??
    funding[0];
  const target =
    store.accounts.find((account) => account.id === to && account.id !== source?.id) ??
    store.accounts.find((account) => account.id !== source?.id);
  return {
    values: {
      fromAccountId: source ? String(source.id) : '',
      toAccountId: target ? String(target.id) : '',
      amount: '',
      date: '',
      memo: '',
    },
    errors: {},
  };
}

export function renderTransfer(store: BankStore, form: TransferFormState, flash: string | undefined): string {
  const errorId = 'transfer-errors';
  const e = form.errors;
  const ref = (error: string | undefined) => (error ? errorId : undefined);
  const accountOption = (account: { id: number; name: string; last4: string }): Option => ({
    value: String(account.id),
    label: `${account.name} ${maskedNumber(account.last4)}`,
  });

  const transferForm = html`<form method="post" action="/transfer" aria-label="Transfer money" class="stack card-body" novalidate>
    ${formErrors(errorId, [e.fromAccountId, e.toAccountId, e.memo, e.amount, e.date])}
    <div class="field-pair">
      ${selectField({ id: 'transfer-from', name: 'fromAccountId', label: 'From account', options: fundingAccounts(store).map(accountOption), selected: form.values.fromAccountId, errorId: ref(e.fromAccountId) })}
      <span class="pair-arrow" aria-hidden="true">${icon('chevronRight')}</span>
      ${selectField({ id: 'transfer-to', name: 'toAccountId', label: 'To account', options: store.accounts.map(accountOption), selected: form.values.toAccountId, errorId: ref(e.toAccountId) })}
    </div>
    ${textField({ id: 'transfer-memo', name: 'memo', label: 'Memo', value: form.values.memo, maxLength: 140, placeholder: 'What is it for? e.g. Vacation fund', errorId: ref(e.memo) })}
    <div class="field-pair">
      ${textField({ id: 'transfer-amount', name: 'amount', label: 'Amount', value: form.values.amount, inputMode: 'decimal', prefix: '$', placeholder: '0.00', errorId: ref(e.amount) })}
      ${dateField({ id: 'transfer-date', name: 'date', label: 'Date', value: form.values.date, min: TODAY, hint: 'Leave blank to send today.', errorId: ref(e.date) })}
    </div>
    <div class="form-actions"><button type="submit" class="button primary">${icon('transfer')}Transfer</button></div>
  </form>`;

  const balances = html`<ul class="balance-list">${store.accounts.map((account) => html`<li>${accountGlyph(account)}<div><a href="/accounts/${account.id}" class="strong">${account.name}</a><p class="meta">${account.type === 'credit' ? 'Owed' : 'Available'} · ${maskedNumber(account.last4)}</p></div><span class="money strong">${formatMoney(account.type === 'credit' ? store.balance(account) : store.available(account))}</span></li>`)}</ul>`;

  const recent = [...store.transfers].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id)).slice(0, RECENT_LIMIT);
  const linkFor = (transferId: number) => store.transactions.find((entry) => entry.transferId === transferId && entry.amount < 0)?.id;
  const recentTable =
    recent.length === 0
      ? emptyState('No transfers yet', 'Transfers you make show up here.')
      : html`<table class="table compact">
        <caption class="visually-hidden">Recent transfers</caption>
        <thead><tr><th scope="col">Transfer</th><th scope="col">From</th><th scope="col">Date</th><th scope="col">Memo</th><th scope="col">Status</th></tr></thead>
        <tbody>${recent.map((transfer) => {
          const label = `${formatMoney(transfer.amount)} to ${store.account(transfer.toAccountId)?.name ?? 'account'}`;
          const link = linkFor(transfer.id);
          return html`<tr>
            <td>${link === undefined ? label : html`<a class="row-link" href="/transactions/${link}">${label}</a>`}</td>
            <td>${store.account(transfer.fromAccountId)?.name ?? '—'}</td>
            <td class="nowrap">${formatDate(transfer.date)}</td>
            <td>${transfer.memo || html`<span class="muted">—</span>`}</td>
            <td>${transfer.date >= TODAY ? html`<span class="badge badge-pending">Pending</span>` : html`<span class="badge badge-posted">Completed</span>`}</td>
          </tr>`;
        })}</tbody>
      </table>`;

  const body = html`
    ${pageHeader('Transfer money', 'Move money between your accounts or pay down your credit card.')}
    <div class="detail-grid">
      <section class="card" aria-labelledby="transfer-heading">
        <div class="card-header"><h2 id="transfer-heading">New transfer</h2><span class="meta">${icon('lock')}Transfers between your own accounts are free</span></div>
        ${transferForm}
      </section>
      <section class="card" aria-labelledby="balances-heading">
        <div class="card-header"><h2 id="balances-heading">Your balances</h2></div>
        ${balances}
      </section>
    </div>
    <section class="card" aria-labelledby="recent-transfers-heading">
      <div class="card-header"><h2 id="recent-transfers-heading">Recent transfers</h2><span class="meta">${store.transfers.length} total</span></div>
      ${recentTable}
    </section>`;
  return layout(store, { title: 'Transfer money', section: 'transfer', flash, body });
}
