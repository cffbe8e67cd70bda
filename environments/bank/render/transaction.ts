import { html } from '../../kit/html.js';
import { formatDate, formatDateTime } from '../clock.js';
import type { Transaction } from '../model.js';
import { formatMoney } from '../money.js';
import { isPending, runningBalances } from '../queries.js';
import type { BankStore } from '../store.js';
import { CATEGORY_OPTIONS, amountText, categoryChip, formErrors, pendingBadge, selectField, textareaField } from './components.js';
import { layout } from './layout.js';

export interface TransactionFormState {
  values: { category: string; note: string };
  errors: { category?: string; note?: string };
}

export function renderTransaction(
  store: BankStore,
  transaction: Transaction,
  flash: string | undefined,
  form?: TransactionFormState,
): string {
  const account = store.account(transaction.accountId)!;
  const state = form ?? { values: { category: transaction.category, note: transaction.note }, errors: {} };
  const errorId = 'edit-transaction-errors';
  const balance = runningBalances(store).get(transaction.id) ?? 0;
  const transfer = transaction.transferId === null ? undefined : store.transfer(transaction.transferId);
  const counterpart = transfer
    ? store.account(transfer.fromAccountId === account.id ? transfer.toAccountId : transfer.fromAccountId)
    : undefined;
  const payee = transaction.payeeId === null ? undefined : store.payee(transaction.payeeId);
  const reference = `TW${transaction.date.replaceAll('-', '').slice(2)}${String(transaction.id).padStart(5, '0')}`;

  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/">Accounts</a></li><li><a href="/accounts/${account.id}">${account.name}</a></li><li aria-current="page">Transaction</li></ol></nav>
    <div class="page-header">
      <div>
        <h1>${transaction.description}</h1>
        <p class="subtitle task-meta">${formatDate(transaction.date)} · ${account.name} ${isPending(transaction) ? pendingBadge() : html`<span class="badge badge-posted">Posted</span>`}</p>
      </div>
      <p class="hero-amount">${amountText(transaction.amount)}</p>
    </div>
    <div class="detail-grid">
      <section class="card" aria-labelledby="edit-heading">
        <div class="card-header"><h2 id="edit-heading">Category and note</h2><span class="meta">Only you can see notes</span></div>
        <form method="post" action="/transactions/${transaction.id}" aria-label="Edit transaction" class="stack card-body" novalidate>
          ${formErrors(errorId, [state.errors.category, state.errors.note])}
          ${selectField({ id: 'transaction-category', name: 'category', label: 'Category', options: CATEGORY_OPTIONS, selected: state.values.category, errorId: state.errors.category ? errorId : undefined })}
          ${textareaField({ id: 'transaction-note', name: 'note', label: 'Note', value: state.values.note, rows: 3, placeholder: 'Add a note to remember what this was for', errorId: state.errors.note ? errorId : undefined })}
          <div class="form-actions"><a class="button ghost" href="/accounts/${account.id}">Back to ${account.name}</a><button type="submit" class="button primary">Save changes</button></div>
        </form>
      </section>
      <section class="card" aria-labelledby="about-heading">
        <div class="card-header"><h2 id="about-heading">Details</h2></div>
        <dl class="facts">
          <div><dt>Amount</dt><dd>${amountText(transaction.amount)}</dd></div>
          <div><dt>Date</dt><dd>${formatDate(transaction.date)}</dd></div>
          <div><dt>Status</dt><dd>${isPending(transaction) ? 'Pending' : 'Posted'}</dd></div>
          <div><dt>Account</dt><dd><a href="/accounts/${account.id}">${account.name}</a></dd></div>
          <div><dt>Balance after</dt><dd>${formatMoney(balance)}</dd></div>
          <div><dt>Category</dt><dd>${categoryChip(transaction.category)}</dd></div>
          ${counterpart ? html`<div><dt>${transaction.amount < 0 ? 'Sent to' : 'Received from'}</dt><dd><a href="/accounts/${counterpart.id}">${counterpart.name}</a></dd></div>` : ''}
          ${transfer && transfer.memo ? html`<div><dt>Memo</dt><dd>${transfer.memo}</dd></div>` : ''}
          ${payee ? html`<div><dt>Payee</dt><dd><a href="/payees/${payee.id}">${payee.name}</a></dd></div>` : ''}
          <div><dt>Reference</dt><dd class="mono">${reference}</dd></div>
          <div><dt>Recorded</dt><dd>${formatDateTime(transaction.createdAt)}</dd></div>
        </dl>
      </section>
    </div>`;
  return layout(store, { title: transaction.description, section: 'account', accountId: account.id, flash, body });
}
