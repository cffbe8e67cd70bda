import { html } from '../../kit/html.js';
import { formatDate, formatMonth, monthRange } from '../clock.js';
import { CATEGORY_LABELS, DELIVERY_LABELS } from '../model.js';
import { formatMoney, roundCents } from '../money.js';
import { STATEMENT_MONTHS, maskedNumber, spendingByCategory, statementLines } from '../queries.js';
import type { BankStore } from '../store.js';
import { CATEGORY_COLORS, accountGlyph, pageHeader } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export function renderStatements(store: BankStore, month: string, flash: string | undefined): string {
  const { start, end } = monthRange(month);
  const lines = statementLines(store, month);
  const spending = spendingByCategory(store, start, end);
  const totalSpent = roundCents(spending.reduce((sum, entry) => sum + entry.total, 0));

  const tabs = html`<nav class="tabs" aria-label="Statement months">${STATEMENT_MONTHS.map(
    (key) =>
      html`<a class="tab" href="/statements/${key}"${key === month ? html` aria-current="page"` : ''}>${icon('file')}${formatMonth(key)}</a>`,
  )}</nav>`;

  const summary = html`<table class="table statement-table">
    <caption class="visually-hidden">Statement summary for ${formatMonth(month)}</caption>
    <thead><tr><th scope="col">Account</th><th scope="col" class="num">Opening balance</th><th scope="col" class="num">Money in</th><th scope="col" class="num">Money out</th><th scope="col" class="num">Closing balance</th><th scope="col" class="num">Transactions</th></tr></thead>
    <tbody>${lines.map(
      (line) => html`<tr>
      <td><span class="account-cell">${accountGlyph(line.account)}<span><a class="row-link" href="/accounts/${line.account.id}?from=${start}&amp;to=${end}">${line.account.name}</a><span class="sub">${maskedNumber(line.account.last4)} · ${DELIVERY_LABELS[line.account.statementDelivery]}</span></span></span></td>
      <td class="num">${formatMoney(line.opening)}</td>
      <td class="num amount-in">${formatMoney(line.moneyIn)}</td>
      <td class="num">${formatMoney(line.moneyOut)}</td>
      <td class="num strong">${formatMoney(line.closing)}</td>
      <td class="num">${line.count}</td>
    </tr>`,
    )}</tbody>
  </table>`;

  const categories = html`<table class="table compact">
    <caption class="visually-hidden">Spending by category in ${formatMonth(month)}</caption>
    <thead><tr><th scope="col">Category</th><th scope="col" class="num">Transactions</th><th scope="col" class="num">Spent</th><th scope="col">Share</th></tr></thead>
    <tbody>${spending.map((entry) => {
      const share = totalSpent === 0 ? 0 : Math.round((entry.total / totalSpent) * 100);
      return html`<tr>
        <td><span class="category"><span class="category-dot" style="background:${CATEGORY_COLORS[entry.category]}" aria-hidden="true"></span>${CATEGORY_LABELS[entry.category]}</span></td>
        <td class="num">${entry.count}</td>
        <td class="num">${formatMoney(entry.total)}</td>
        <td><span class="share"><span class="bar small-bar" aria-hidden="true"><span style="width:${Math.max(3, share)}%;background:${CATEGORY_COLORS[entry.category]}"></span></span>${share}%</span></td>
      </tr>`;
    })}</tbody>
  </table>`;

  const body = html`
    ${pageHeader('Statements', 'Monthly statements for every account. Pick a month to see its balances and spending.')}
    ${tabs}
    <section class="card" aria-labelledby="statement-heading">
      <div class="card-header"><h2 id="statement-heading">Statement for ${formatMonth(month)}</h2><span class="meta">${icon('calendar')}${formatDate(start)} – ${formatDate(end)}</span></div>
      ${summary}
    </section>
    <section class="card" aria-labelledby="category-heading">
      <div class="card-header"><h2 id="category-heading">Spending by category</h2><span class="meta">${formatMoney(totalSpent)} spent in ${formatMonth(month)}, transfers excluded</span></div>
      ${categories}
    </section>`;
  return layout(store, { title: `Statements · ${formatMonth(month)}`, section: 'statements', flash, body });
}
