import { html, quoted, type SafeHtml } from '../../kit/html.js';
import type { Card } from '../model.js';
import { formatWholeMoney } from '../money.js';
import type { BankStore } from '../store.js';
import { formErrors, pageHeader, returnInput, selectField, textField } from './components.js';
import { icon } from './icons.js';
import { PRODUCT_NAME, layout } from './layout.js';

export interface CardFormState {
  values: { dailyLimit: string; atmLimit: string; international: string };
  errors: { dailyLimit?: string; atmLimit?: string; international?: string };
}

function cardVisual(store: BankStore, card: Card): SafeHtml {
  const account = store.account(card.accountId);
  const kind = account?.type === 'credit' ? 'credit' : 'debit';
  return html`<div class="bank-card bank-card-${kind}${card.frozen ? ' is-frozen' : ''}" aria-hidden="true">
    <div class="bank-card-top"><span class="bank-card-brand">${PRODUCT_NAME}</span><span class="bank-card-kind">${kind === 'credit' ? 'Credit' : 'Debit'}</span></div>
    <div class="chip"></div>
    <p class="bank-card-number">•••• •••• •••• ${card.last4}</p>
    <div class="bank-card-bottom"><span>${card.expires}</span><span class="network">${card.network.toUpperCase()}</span></div>
    ${card.frozen ? html`<div class="frozen-overlay">${icon('snowflake')}Frozen</div>` : ''}
  </div>`;
}

/** The row control: a checkbox that freezes or unfreezes the card as soon as it changes. */
export function freezeToggle(card: Card, returnTo: string): SafeHtml {
  return html`<form method="post" action="/cards/${card.id}/freeze" class="toggle-form">
    ${returnInput(returnTo)}
    <label class="switch"><input type="checkbox" name="frozen" value="on" aria-label="Freeze ${quoted(card.name)}" data-autosubmit${card.frozen ? html` checked` : ''}><span class="switch-track" aria-hidden="true"></span><span class="switch-text">${card.frozen ? 'Card frozen' : 'Freeze card'}</span></label>
  </form>`;
}

function statusBadge(card: Card): SafeHtml {
  return card.frozen
    ? html`<span class="badge badge-frozen">${icon('snowflake')}Frozen</span>`
    : html`<span class="badge badge-posted">Active</span>`;
}

export function renderCards(store: BankStore, flash: string | undefined): string {
  const tiles = store.cards.map((card) => {
    const account = store.account(card.accountId);
    return html`<section class="card card-tile" aria-labelledby="card-${card.id}-heading">
      ${cardVisual(store, card)}
      <div class="card-tile-body">
        <div class="card-tile-head"><h2 id="card-${card.id}-heading"><a href="/cards/${card.id}">${card.name}</a></h2>${statusBadge(card)}</div>
        <p class="meta">Linked to ${account?.name ?? '—'} · Expires ${card.expires}</p>
        <dl class="limit-facts">
          <div><dt>Daily spending limit</dt><dd>${formatWholeMoney(card.dailyLimit)}</dd></div>
          <div><dt>ATM limit</dt><dd>${formatWholeMoney(card.atmLimit)}</dd></div>
          <div><dt>International</dt><dd>${card.international ? 'Allowed' : 'Blocked'}</dd></div>
        </dl>
        <div class="card-tile-actions">${freezeToggle(card, '/cards')}<a class="button small" href="/cards/${card.id}">${icon('pencil')}Edit limits<span class="visually-hidden"> for ${card.name}</span></a></div>
      </div>
    </section>`;
  });
  const body = html`
    ${pageHeader('Cards & limits', 'Freeze a card instantly if it goes missing, and set how much it can spend each day.')}
    <div class="card-grid">${tiles}</div>
    <p class="banner">${icon('shield')}<span>Freezing a card blocks new purchases and ATM withdrawals. Scheduled payments and refunds still go through.</span></p>`;
  return layout(store, { title: 'Cards & limits', section: 'cards', flash, body });
}

export function renderCard(store: BankStore, card: Card, flash: string | undefined, form?: CardFormState): string {
  const account = store.account(card.accountId);
  const state = form ?? {
    values: {
      dailyLimit: String(card.dailyLimit),
      atmLimit: String(card.atmLimit),
      international: card.international ? 'allowed' : 'blocked',
    },
    errors: {},
  };
  const errorId = 'card-limits-errors';
  const e = state.errors;
  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/cards">Cards &amp; limits</a></li><li aria-current="page">${card.name}</li></ol></nav>
    ${pageHeader(card.name, html`Linked to <a href="/accounts/${card.accountId}">${account?.name ?? '—'}</a> · Expires ${card.expires}`, statusBadge(card))}
    <div class="card-detail-grid">
      <section class="card card-side" aria-labelledby="card-status-heading">
        ${cardVisual(store, card)}
        <h2 id="card-status-heading" class="visually-hidden">Card status</h2>
        <div class="card-body">${freezeToggle(card, `/cards/${card.id}`)}<p class="meta freeze-hint">${card.frozen ? 'New purchases and withdrawals are blocked until you unfreeze the card.' : 'Freeze the card to block new purchases right away.'}</p></div>
      </section>
      <section class="card" aria-labelledby="limits-heading">
        <div class="card-header"><h2 id="limits-heading">Card limits</h2><span class="meta">Changes apply immediately</span></div>
        <form method="post" action="/cards/${card.id}" aria-label="Card limits" class="stack card-body" novalidate>
          ${formErrors(errorId, [e.dailyLimit, e.atmLimit, e.international])}
          <div class="field-pair">
            ${textField({ id: 'card-daily-limit', name: 'dailyLimit', label: 'Daily spending limit', type: 'number', value: state.values.dailyLimit, prefix: '$', hint: 'Purchases in stores and online, up to $25,000.', errorId: e.dailyLimit ? errorId : undefined })}
            ${textField({ id: 'card-atm-limit', name: 'atmLimit', label: 'ATM limit', type: 'number', value: state.values.atmLimit, prefix: '$', hint: 'Cash withdrawals per day, up to $5,000.', errorId: e.atmLimit ? errorId : undefined })}
          </div>
          ${selectField({
            id: 'card-international',
            name: 'international',
            label: 'International transactions',
            options: [
              { value: 'allowed', label: 'Allowed' },
              { value: 'blocked', label: 'Blocked' },
            ],
            selected: state.values.international,
            hint: 'Allow them before you travel abroad.',
            errorId: e.international ? errorId : undefined,
          })}
          <div class="form-actions"><button type="submit" class="button primary">Save limits</button></div>
        </form>
      </section>
    </div>`;
  return layout(store, { title: card.name, section: 'cards', flash, body });
}
