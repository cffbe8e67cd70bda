import { html, quoted } from '../../kit/html.js';
import { TODAY, formatDate } from '../clock.js';
import { REPEATS_LABELS } from '../model.js';
import { formatMoney } from '../money.js';
import { maskedNumber, paymentName, upcomingPayments } from '../queries.js';
import type { BankStore } from '../store.js';
import {
  amountText,
  confirmDialog,
  dateField,
  emptyState,
  formErrors,
  initialsAvatar,
  pageHeader,
  selectField,
  textField,
} from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const HISTORY_LIMIT = 8;

export interface PaymentFormState {
  values: { payeeId: string; memo: string; amount: string; date: string; repeats: string };
  errors: { payeeId?: string; memo?: string; amount?: string; date?: string; repeats?: string };
}

export function emptyPaymentForm(payeeId?: number): PaymentFormState {
  return { values: { payeeId: payeeId === undefined ? '' : String(payeeId), memo: '', amount: '', date: '', repeats: 'once' }, errors: {} };
}

export function renderPayments(store: BankStore, form: PaymentFormState, flash: string | undefined): string {
  const payments = upcomingPayments(store);
  const checking = store.accounts.find((account) => account.type === 'checking')!;
  const errorId = 'payment-errors';
  const e = form.errors;
  const ref = (error: string | undefined) => (error ? errorId : undefined);
  const payees = [...store.payees].sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const rows = payments.map((payment) => {
    const payee = store.payee(payment.payeeId)!;
    const name = paymentName(store, payment);
    return html`<tr>
      <td class="col-payee"><span class="account-cell">${initialsAvatar(payee.name, payee.id, 'sm')}<span><a class="row-link" href="/payees/${payee.id}">${payee.name}</a>${payment.memo ? html`<span class="sub">${payment.memo}</span>` : ''}</span></span></td>
      <td class="nowrap">${formatDate(payment.date)}</td>
      <td class="num">${formatMoney(payment.amount)}</td>
      <td class="nowrap"><span class="repeat">${payment.repeats === 'once' ? '' : icon('repeat')}${REPEATS_LABELS[payment.repeats]}</span></td>
      <td class="col-actions"><button type="button" class="button small ghost danger-text icon-button" data-open-dialog="delete-payment-${payment.id}" aria-label="Delete ${quoted(name)}" title="Delete payment">${icon('trash')}</button></td>
    </tr>`;
  });
  const dialogs = payments.map((payment) =>
    confirmDialog({
      id: `delete-payment-${payment.id}`,
      title: 'Delete this scheduled payment?',
      text: `The ${formatMoney(payment.amount)} payment ${quoted(paymentName(store, payment))}${payment.repeats === 'once' ? '' : ` and its ${REPEATS_LABELS[payment.repeats].toLowerCase()} repeats`} will not be sent.`,
      action: `/payments/${payment.id}/delete`,
      confirm: 'Delete payment',
    }),
  );

  const table =
    payments.length === 0
      ? emptyState('No scheduled payments', 'Use the Pay a bill form to schedule one.')
      : html`<table class="table">
        <caption class="visually-hidden">Scheduled payments</caption>
        <thead><tr><th scope="col">Payee</th><th scope="col">Date</th><th scope="col" class="num">Amount</th><th scope="col">Repeats</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${rows}</tbody>
      </table>`;

  const history = store.transactions
    .filter((entry) => entry.payeeId !== null)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id))
    .slice(0, HISTORY_LIMIT);
  const historyTable = html`<table class="table compact">
    <caption class="visually-hidden">Recent bill payments</caption>
    <thead><tr><th scope="col">Description</th><th scope="col">Date</th><th scope="col" class="num">Amount</th></tr></thead>
    <tbody>${history.map((entry) => html`<tr><td><a class="row-link" href="/transactions/${entry.id}">${entry.description}</a></td><td class="nowrap">${formatDate(entry.date)}</td><td class="num">${amountText(entry.amount)}</td></tr>`)}</tbody>
  </table>`;

  const payForm = html`<form method="post" action="/payments" aria-label="Pay a bill" class="stack" novalidate>
    ${formErrors(errorId, [e.payeeId, e.memo, e.amount, e.date, e.repeats])}
    ${selectField({ id: 'payment-payee', name: 'payeeId', label: 'Payee', options: [{ value: '', label: 'Choose a payee…' }, ...payees.map((payee) => ({ value: String(payee.id), label: payee.name }))], selected: form.values.payeeId, errorId: ref(e.payeeId) })}
    ${textField({ id: 'payment-memo', name: 'memo', label: 'Memo', value: form.values.memo, maxLength: 140, placeholder: 'Optional, e.g. Rent for July', errorId: ref(e.memo) })}
    ${textField({ id: 'payment-amount', name: 'amount', label: 'Amount', value: form.values.amount, inputMode: 'decimal', prefix: '$', placeholder: '0.00', errorId: ref(e.amount) })}
    ${dateField({ id: 'payment-date', name: 'date', label: 'Date', value: form.values.date, min: TODAY, hint: 'Leave blank to pay today.', errorId: ref(e.date) })}
    ${selectField({ id: 'payment-repeats', name: 'repeats', label: 'Repeats', options: Object.entries(REPEATS_LABELS).map(([value, label]) => ({ value, label })), selected: form.values.repeats, errorId: ref(e.repeats) })}
    <p class="meta">${icon('wallet')} Paid from ${checking.name} ${maskedNumber(checking.last4)}</p>
    <button type="submit" class="button primary">Schedule payment</button>
  </form>`;

  const body = html`
    ${pageHeader('Pay bills', 'Schedule one-time or repeating payments to your payees.', html`<a class="button" href="/payees">${icon('users')}Manage payees</a>`)}
    <div class="side-layout">
      <div class="stack-col">
        <section class="card table-card" aria-labelledby="scheduled-heading">
          <div class="card-header"><h2 id="scheduled-heading">Scheduled payments <span class="count">${payments.length}</span></h2></div>
          ${table}
        </section>
        <section class="card table-card" aria-labelledby="bill-history-heading">
          <div class="card-header"><h2 id="bill-history-heading">Recent bill payments</h2></div>
          ${historyTable}
        </section>
      </div>
      <section class="card form-card" aria-labelledby="pay-heading">
        <h2 id="pay-heading" class="card-title">${icon('bill')}Pay a bill</h2>
        <p class="meta">Payments sent before 8 PM ET arrive the next business day.</p>
        ${payForm}
      </section>
    </div>
    ${dialogs}`;
  return layout(store, { title: 'Pay bills', section: 'payments', flash, body });
}
