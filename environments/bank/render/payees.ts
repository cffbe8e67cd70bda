import { html, quoted } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { PAYEE_CATEGORY_LABELS } from '../model.js';
import { paymentsTo } from '../queries.js';
import type { BankStore } from '../store.js';
import { confirmDialog, emptyState, initialsAvatar, pageHeader, pager } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { payeeFields, type PayeeFormState } from './payee-form.js';

const PAGE_SIZE = 15;

export function renderPayees(store: BankStore, requestedPage: number, form: PayeeFormState, flash: string | undefined): string {
  const payees = [...store.payees].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const pageCount = Math.max(1, Math.ceil(payees.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const visible = payees.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const here = page > 1 ? `/payees?page=${page}` : '/payees';

  const rows = visible.map((payee) => {
    const last = paymentsTo(store, payee.id)[0];
    const scheduled = store.scheduledPayments.filter((payment) => payment.payeeId === payee.id).length;
    return html`<tr>
      <td><span class="account-cell">${initialsAvatar(payee.name, payee.id)}<span><a class="row-link" href="/payees/${payee.id}">${payee.name}</a><span class="sub">${payee.email}</span></span></span></td>
      <td class="nowrap">${PAYEE_CATEGORY_LABELS[payee.category]}</td>
      <td class="nowrap">${last ? formatDate(last.date) : html`<span class="muted">Never</span>`}</td>
      <td>${scheduled === 0 ? html`<span class="muted">None</span>` : html`<span class="badge badge-scheduled">${scheduled} scheduled</span>`}</td>
      <td class="col-actions">
        <a class="button small" href="/payments?payee=${payee.id}" aria-label="Pay ${quoted(payee.name)}">Pay</a>
        <button type="button" class="button small ghost danger-text" data-open-dialog="remove-payee-${payee.id}" aria-label="Remove ${quoted(payee.name)}">${icon('trash')}Remove</button>
      </td>
    </tr>`;
  });

  const dialogs = visible.map((payee) => {
    const scheduled = store.scheduledPayments.filter((payment) => payment.payeeId === payee.id).length;
    return confirmDialog({
      id: `remove-payee-${payee.id}`,
      title: 'Remove this payee?',
      text: `${quoted(payee.name)} will be removed from your payees${scheduled > 0 ? ` and its ${scheduled} scheduled payment${scheduled === 1 ? '' : 's'} will be cancelled` : ''}. Past payments stay in your history.`,
      action: `/payees/${payee.id}/remove`,
      confirm: 'Remove',
      returnTo: here,
    });
  });

  const table =
    visible.length === 0
      ? emptyState('No payees yet', 'Add a company or person you pay with the form on the right.')
      : html`<table class="table">
        <caption class="visually-hidden">Payees</caption>
        <thead><tr><th scope="col">Payee</th><th scope="col">Category</th><th scope="col">Last paid</th><th scope="col">Scheduled</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${rows}</tbody>
      </table>`;

  const body = html`
    ${pageHeader('Payees', 'Companies and people you pay from your accounts.', html`<a class="button" href="/payments">${icon('bill')}Pay bills</a>`)}
    <section class="card quick-add" aria-labelledby="new-payee-heading">
      <div class="quick-add-head"><h2 id="new-payee-heading" class="card-title">${icon('plus')}New payee</h2><p class="meta">Add a company or person you pay, then schedule payments to them.</p></div>
      <form method="post" action="/payees" aria-label="New payee" class="inline-form" novalidate>
        ${payeeFields('new-payee', form, 'new-payee-errors', true)}
        <button type="submit" class="button primary">${icon('plus')}Add payee</button>
      </form>
    </section>
    <section class="card table-card" aria-labelledby="payees-heading">
      <div class="card-header"><h2 id="payees-heading">All payees <span class="count">${payees.length}</span></h2><span class="meta">Sorted by name</span></div>
      ${table}
      ${pager({ page, pageCount, total: payees.length, pageSize: PAGE_SIZE, noun: 'payees', hrefFor: (target) => (target > 1 ? `/payees?page=${target}` : '/payees') })}
    </section>
    ${dialogs}`;
  return layout(store, { title: 'Payees', section: 'payees', flash, body });
}
