import { html } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { ACCOUNT_TYPE_LABELS, DELIVERY_LABELS, type Account } from '../model.js';
import { formatMoney, formatWholeMoney } from '../money.js';
import { ROUTING_NUMBER, maskedNumber } from '../queries.js';
import type { BankStore } from '../store.js';
import { formErrors, selectField, textField } from './components.js';
import { accountHeader } from './account-header.js';
import { layout } from './layout.js';

export interface AccountFormState {
  values: { name: string; statementDelivery: string };
  errors: { name?: string; statementDelivery?: string };
}

export function renderAccountDetails(store: BankStore, account: Account, flash: string | undefined, form?: AccountFormState): string {
  const state = form ?? { values: { name: account.name, statementDelivery: account.statementDelivery }, errors: {} };
  const errorId = 'account-settings-errors';
  const card = store.cards.find((candidate) => candidate.accountId === account.id);
  const facts: Array<[string, string]> = [
    ['Account type', ACCOUNT_TYPE_LABELS[account.type]],
    ['Account number', `${maskedNumber(account.last4)} (full number hidden)`],
    ['Routing number', account.type === 'credit' ? 'Not applicable' : ROUTING_NUMBER],
    ['Opened', formatDate(account.openedOn)],
    ['Current balance', formatMoney(store.balance(account))],
    ...(account.type === 'savings' ? [['Interest rate', `${account.rate.toFixed(2)}% APY`] as [string, string]] : []),
    ...(account.type === 'credit'
      ? [
          ['Purchase APR', `${account.rate.toFixed(2)}%`] as [string, string],
          ['Credit limit', formatWholeMoney(account.creditLimit ?? 0)] as [string, string],
          ['Payment due', account.paymentDueDate ? formatDate(account.paymentDueDate) : '—'] as [string, string],
        ]
      : []),
    ['Statements', DELIVERY_LABELS[account.statementDelivery]],
    ['Linked card', card ? card.name : 'None'],
  ];

  const body = html`
    ${accountHeader(store, account, 'details')}
    <div class="detail-grid">
      <section class="card" aria-labelledby="settings-heading">
        <div class="card-header"><h2 id="settings-heading">Account settings</h2></div>
        <form method="post" action="/accounts/${account.id}" aria-label="Account settings" class="stack card-body" novalidate>
          ${formErrors(errorId, [state.errors.name, state.errors.statementDelivery])}
          ${textField({ id: 'account-name', name: 'name', label: 'Account name', value: state.values.name, maxLength: 60, hint: 'Shown in your account list and on transfers.', errorId: state.errors.name ? errorId : undefined })}
          ${selectField({ id: 'account-delivery', name: 'statementDelivery', label: 'Statement delivery', options: Object.entries(DELIVERY_LABELS).map(([value, label]) => ({ value, label })), selected: state.values.statementDelivery, errorId: state.errors.statementDelivery ? errorId : undefined })}
          <div class="form-actions"><button type="submit" class="button primary">Save changes</button></div>
        </form>
      </section>
      <section class="card" aria-labelledby="facts-heading">
        <div class="card-header"><h2 id="facts-heading">About this account</h2></div>
        <dl class="facts">${facts.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
      </section>
    </div>`;
  return layout(store, { title: `${account.name} details`, section: 'account', accountId: account.id, flash, body });
}
