import { html, quoted } from '../../kit/html.js';
import { TODAY, addDays, formatDate } from '../clock.js';
import { PAYEE_CATEGORY_LABELS, REPEATS_LABELS, type Payee } from '../model.js';
import { formatMoney, roundCents } from '../money.js';
import { paymentsTo } from '../queries.js';
import type { BankStore } from '../store.js';
import { amountText, confirmDialog, emptyState, initialsAvatar } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { payeeFields, type PayeeFormState } from './payee-form.js';

const HISTORY_LIMIT = 10;

export function renderPayee(store: BankStore, payee: Payee, flash: string | undefined, form?: PayeeFormState): string {
  const state = form ?? { values: { name: payee.name, email: payee.email, category: payee.category }, errors: {} };
  const history = paymentsTo(store, payee.id);
  const scheduled = store.scheduledPayments.filter((payment) => payment.payeeId === payee.id).sort((a, b) => (a.date < b.date ? -1 : 1));
  const paid90 = roundCents(-history.filter((entry) => entry.date >= addDays(TODAY, -90)).reduce((sum, entry) => sum + entry.amount, 0));

  const historyTable =
    history.length === 0
      ? emptyState('No payments yet', 'Payments you make to this payee will be listed here.')
      : html`<table class="table compact">
        <caption class="visually-hidden">Payment history</caption>
        <thead><tr><th scope="col">Description</th><th scope="col">Date</th><th scope="col">Account</th><th scope="col" class="num">Amount</th></tr></thead>
        <tbody>${history.slice(0, HISTORY_LIMIT).map(
          (entry) => html`<tr>
          <td><a class="row-link" href="/transactions/${entry.id}">${entry.description}</a></td>
          <td class="nowrap">${formatDate(entry.date)}</td>
          <td>${store.account(entry.accountId)?.name ?? '—'}</td>
          <td class="num">${amountText(entry.amount)}</td>
        </tr>`,
        )}</tbody>
      </table>`;

  const scheduledList =
    scheduled.length === 0
      ? html`<p class="muted card-body">Nothing scheduled. <a href="/payments?payee=${payee.id}">Schedule a payment</a>.</p>`
      : html`<ul class="upcoming">${scheduled.map((payment) => html`<li><span class="upcoming-icon" aria-hidden="true">${icon('calendar')}</span><div class="upcoming-text"><p class="strong">${formatDate(payment.date)}</p><p class="meta">${REPEATS_LABELS[payment.repeats]} · from ${store.account(payment.accountId)?.name ?? '—'}</p></div><span class="money strong">${formatMoney(payment.amount)}</span></li>`)}</ul>`;

  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/payees">Payees</a></li><li aria-current="page">${payee.name}</li></ol></nav>
    <div class="profile card">
      ${initialsAvatar(payee.name, payee.id, 'lg')}
      <div class="profile-text">
        <h1>${payee.name}</h1>
        <p class="subtitle">${PAYEE_CATEGORY_LABELS[payee.category]} · ${payee.email}</p>
      </div>
      <dl class="profile-stats">
        <div><dt>Paid in last 90 days</dt><dd>${formatMoney(paid90)}</dd></div>
        <div><dt>Last payment</dt><dd>${history[0] ? formatDate(history[0].date) : 'Never'}</dd></div>
      </dl>
      <div class="page-actions">
        <button type="button" class="button danger-outline" data-open-dialog="remove-payee-dialog">${icon('trash')}Remove payee</button>
        <a class="button primary" href="/payments?payee=${payee.id}" aria-label="Pay ${quoted(payee.name)}">${icon('bill')}Pay</a>
      </div>
    </div>
    <div class="detail-grid">
      <section class="card" aria-labelledby="payee-details-heading">
        <div class="card-header"><h2 id="payee-details-heading">Payee details</h2></div>
        <form method="post" action="/payees/${payee.id}" aria-label="Payee details" class="stack card-body" novalidate>
          ${payeeFields('payee', state, 'payee-details-errors', false)}
          <div class="form-actions"><button type="submit" class="button primary">Save changes</button></div>
        </form>
      </section>
      <section class="card" aria-labelledby="payee-scheduled-heading">
        <div class="card-header"><h2 id="payee-scheduled-heading">Scheduled payments</h2><a class="meta-link" href="/payments">All payments</a></div>
        ${scheduledList}
      </section>
    </div>
    <section class="card" aria-labelledby="history-heading">
      <div class="card-header"><h2 id="history-heading">Payment history</h2><span class="meta">${history.length} payment${history.length === 1 ? '' : 's'}</span></div>
      ${historyTable}
    </section>
    ${confirmDialog({
      id: 'remove-payee-dialog',
      title: 'Remove this payee?',
      text: `${quoted(payee.name)} will be removed from your payees${scheduled.length > 0 ? ` and its ${scheduled.length} scheduled payment${scheduled.length === 1 ? '' : 's'} will be cancelled` : ''}. Past payments stay in your history.`,
      action: `/payees/${payee.id}/remove`,
      confirm: 'Remove',
    })}`;
  return layout(store, { title: payee.name, section: 'payees', flash, body });
}
