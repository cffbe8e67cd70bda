import { formatDate } from '../clock.js';
import { html } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import { RETURN_REASONS, RETURN_STATUS_LABELS } from '../model.js';
import type { ShopStore } from '../store.js';
import { emptyState, pageHeader } from './components.js';
import { layout } from './layout.js';

export function renderReturns(store: ShopStore, flash: string | undefined): string {
  const entries = [...store.data.returns].sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : -1));
  const rows = entries.map((entry) => {
    const order = store.order(entry.orderId)!;
    const item = store.data.orderItems.find((candidate) => candidate.id === entry.orderItemId);
    return html`<tr>
      <td><a class="row-link" href="/orders/${order.id}">${item?.productName ?? entry.number}</a></td>
      <td class="mono">${entry.number}</td>
      <td class="mono">${order.number}</td>
      <td>${RETURN_REASONS[entry.reason]}</td>
      <td>${formatDate(entry.requestedAt)}</td>
      <td class="num">${formatMoney(entry.refundAmount)}</td>
      <td><span class="badge return-${entry.status}">${RETURN_STATUS_LABELS[entry.status]}</span></td>
    </tr>`;
  });
  const body = html`
    ${pageHeader('Returns', 'Return requests and refunds for your orders', html`<a class="button" href="/orders">Back to orders</a>`)}
    <div class="card table-card">${
      entries.length === 0
        ? emptyState('No returns yet', 'Request a return from a delivered order’s page.')
        : html`<table class="table"><caption class="visually-hidden">Return requests</caption>
          <thead><tr><th scope="col">Product</th><th scope="col">Return</th><th scope="col">Order</th><th scope="col">Reason</th><th scope="col">Requested</th><th scope="col" class="num">Refund</th><th scope="col">Status</th></tr></thead>
          <tbody>${rows}</tbody></table>`
    }</div>`;
  return layout(store, { title: 'Returns', section: 'account', flash, body });
}
