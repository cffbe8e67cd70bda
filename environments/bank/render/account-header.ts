import { html, type SafeHtml } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { ACCOUNT_TYPE_LABELS, type Account } from '../model.js';
import { formatMoney, formatWholeMoney } from '../money.js';
import { ROUTING_NUMBER, maskedNumber } from '../queries.js';
import type { BankStore } from '../store.js';
import { accountGlyph } from './components.js';
import { icon } from './icons.js';

/** The account's title block, key balances, actions menu and the Transactions / Account details tabs. */
export function accountHeader(store: BankStore, account: Account, tab: 'transactions' | 'details'): SafeHtml {
  const balance = store.balance(account);
  const facts: Array<[string, string]> =
    account.type === 'credit'
      ? [
          ['Current balance', formatMoney(balance)],
          ['Available credit', formatMoney(store.available(account))],
          ['Credit limit', formatWholeMoney(account.creditLimit ?? 0)],
          ['Payment due', account.paymentDueDate ? formatDate(account.paymentDueDate) : '—'],
        ]
      : account.type === 'savings'
        ? [
            ['Current balance', formatMoney(balance)],
            ['Available balance', formatMoney(store.available(account))],
            ['Interest rate', `${account.rate.toFixed(2)}% APY`],
          ]
        : [
            ['Current balance', formatMoney(balance)],
            ['Available balance', formatMoney(store.available(account))],
            ['Routing number', ROUTING_NUMBER],
          ];
  const tabLink = (href: string, label: string, active: boolean) =>
    html`<a class="tab" href="${href}"${active ? html` aria-current="page"` : ''}>${label}</a>`;
  const card = store.cards.find((candidate) => candidate.accountId === account.id);
  const menu = html`<details class="menu actions-menu">
      <summary class="button">More actions${icon('chevronDown')}</summary>
      <div class="menu-panel menu-right">
        <ul>
          ${account.type === 'credit' ? '' : html`<li><a href="/transfer?from=${account.id}">Transfer from this account</a></li>`}
          ${account.type === 'credit' ? html`<li><a href="/transfer?to=${account.id}">Make a card payment</a></li>` : html`<li><a href="/payments">Pay a bill</a></li>`}
          <li><a href="/statements">View statements</a></li>
          ${card ? html`<li><a href="/cards/${card.id}">Manage card limits</a></li>` : ''}
        </ul>
      </div>
    </details>`;
  return html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/">Accounts</a></li><li aria-current="page">${account.name}</li></ol></nav>
    <div class="account-hero card">
      <div class="account-hero-top">
        ${accountGlyph(account, 'lg')}
        <div class="account-hero-text">
          <h1>${account.name}</h1>
          <p class="subtitle">${ACCOUNT_TYPE_LABELS[account.type]} · ${maskedNumber(account.last4)} · Opened ${formatDate(account.openedOn)}</p>
        </div>
        <div class="page-actions">${menu}${account.type === 'credit' ? html`<a class="button primary" href="/transfer?to=${account.id}">${icon('transfer')}Pay card</a>` : html`<a class="button primary" href="/transfer?from=${account.id}">${icon('transfer')}Transfer</a>`}</div>
      </div>
      <dl class="hero-facts">${facts.map(([label, value], index) => html`<div${index === 0 ? html` class="hero-main"` : ''}><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
    </div>
    <nav class="tabs" aria-label="Account views">
      ${tabLink(`/accounts/${account.id}`, 'Transactions', tab === 'transactions')}
      ${tabLink(`/accounts/${account.id}/details`, 'Account details', tab === 'details')}
    </nav>`;
}
