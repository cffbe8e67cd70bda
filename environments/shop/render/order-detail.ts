import { TODAY, daysBetween, formatDate, formatDateTime } from '../clock.js';
import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import { COUNTRIES, RETURN_REASONS, RETURN_STATUS_LABELS, SHIPPING_METHODS, orderTotal, type Order } from '../model.js';
import { cardLabel } from '../probe.js';
import { canCancel, returnDeadline, returnableItems } from '../queries.js';
import type { ShopStore } from '../store.js';
import { EMPTY_FORM, type FormState } from '../validation.js';
import { breadcrumb, fieldId, formErrors, orderStatusBadge, selectField, textareaField, totals } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const REASON_OPTIONS = [
  { value: '', label: 'Choose a reason…' },
  ...Object.entries(RETURN_REASONS).map(([value, label]) => ({ value, label })),
];

export function renderOrderDetail(
  store: ShopStore,
  order: Order,
  flash: string | undefined,
  returnForm: FormState = EMPTY_FORM,
  error?: string,
): string {
  const items = store.itemsOf(order.id);
  const returns = store.data.returns.filter((entry) => entry.orderId === order.id);
  const card = store.data.cards.find((candidate) => candidate.id === order.cardId);
  const returnFor = (itemId: number) => returns.find((entry) => entry.orderItemId === itemId);
  const actions = html`
    ${canCancel(order) ? html`<button type="button" class="button danger-outline" data-open-dialog="cancel-dialog">${icon('x')}Cancel order</button>` : ''}
    <details class="menu menu-right">
      <summary class="button">More actions${icon('chevronDown', 'icon caret')}</summary>
      <div class="menu-panel">
        <ul>
          <li><form method="post" action="/orders/${order.id}/buy-again"><button type="submit" class="menu-item">${icon('cart')}Buy again</button></form></li>
          <li><a href="/returns">${icon('undo')}View all returns</a></li>
          <li><a href="/orders">${icon('box')}Back to orders</a></li>
        </ul>
      </div>
    </details>`;
  const body = html`
    ${breadcrumb([
      ['Orders', '/orders'],
      [order.number, undefined],
    ])}
    ${error ? html`<div class="form-error page-error" role="alert">${icon('alert')}<div><p>${error}</p></div></div>` : ''}
    <div class="page-header">
      <div><h1>Order ${order.number}</h1><p class="subtitle task-meta">${orderStatusBadge(order.status)}<span>Placed ${formatDateTime(order.placedAt)}</span></p></div>
      <div class="page-actions">${actions}</div>
    </div>
    ${progress(order)}
    <div class="detail-grid">
      <div class="detail-main">
        <section class="card table-card" aria-labelledby="items-heading">
          <div class="card-header"><h2 id="items-heading">Items <span class="count">${items.length}</span></h2></div>
          <table class="table">
            <caption class="visually-hidden">Items in order ${order.number}</caption>
            <thead><tr><th scope="col">Product</th><th scope="col" class="num">Price</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Total</th><th scope="col">Return</th></tr></thead>
            <tbody>${items.map((item) => {
              const request = returnFor(item.id);
              return html`<tr><td><a class="row-link" href="/products/${item.productId}">${item.productName}</a></td><td class="num">${formatMoney(item.unitPrice)}</td><td class="num">${item.quantity}</td><td class="num strong">${formatMoney(item.unitPrice * item.quantity)}</td><td>${request ? html`<span class="badge return-${request.status}">${RETURN_STATUS_LABELS[request.status]}</span>` : html`<span class="muted">None</span>`}</td></tr>`;
            })}</tbody>
          </table>
        </section>
        ${returnSection(store, order, returnForm)}
      </div>
      <aside class="detail-side" aria-label="Order summary">
        <section class="card" aria-labelledby="payment-heading">
          <div class="card-header"><h2 id="payment-heading">Payment</h2></div>
          <div class="card-body">
            ${totals([
              ['Subtotal', formatMoney(order.subtotal)],
              [SHIPPING_METHODS[order.shippingMethod].label, order.shipping === 0 ? 'Free' : formatMoney(order.shipping)],
              ['Tax', formatMoney(order.tax)],
              ['Order total', formatMoney(orderTotal(order)), true],
            ])}
            <p class="pay-line">${icon('card')}${card ? cardLabel(card) : 'Card removed'}</p>
          </div>
        </section>
        <section class="card" aria-labelledby="ship-heading">
          <div class="card-header"><h2 id="ship-heading">Shipping</h2></div>
          <dl class="facts">
            <div><dt>Ship to</dt><dd class="address">${order.fullName}<br> ${order.street}<br> ${order.city} ${order.postalCode}<br> ${COUNTRIES[order.country]}</dd></div>
            <div><dt>Method</dt><dd>${SHIPPING_METHODS[order.shippingMethod].label}</dd></div>
            <div><dt>${order.deliveredOn ? 'Delivered' : 'Delivery date'}</dt><dd>${order.status === 'cancelled' ? 'Cancelled' : formatDate(order.deliveryDate)}</dd></div>
            <div><dt>Carrier</dt><dd>${order.carrier}</dd></div>
            ${order.deliveryNote ? html`<div><dt>Note</dt><dd>${order.deliveryNote}</dd></div>` : ''}
          </dl>
        </section>
      </aside>
    </div>
    ${
      canCancel(order)
        ? html`<dialog id="cancel-dialog" class="dialog" aria-labelledby="cancel-dialog-title" aria-describedby="cancel-dialog-text">
      <h2 id="cancel-dialog-title">Cancel order ${order.number}?</h2>
      <p id="cancel-dialog-text">The ${items.length} item${items.length === 1 ? '' : 's'} in this order will go back in stock and your ${card ? cardLabel(card) : 'card'} will not be charged. This cannot be undone.</p>
      <form method="post" action="/orders/${order.id}/cancel" class="dialog-actions">
        <button type="button" class="button" data-close-dialog>Keep order</button>
        <button type="submit" class="button danger">Confirm cancellation</button>
      </form>
    </dialog>`
        : ''
    }`;
  return layout(store, { title: `Order ${order.number}`, section: 'orders', flash, body });
}

function progress(order: Order): SafeHtml {
  if (order.status === 'cancelled') {
    return html`<div class="banner banner-muted">${icon('x')}<p>This order was cancelled on ${formatDateTime(order.cancelledAt ?? order.placedAt)}. Nothing was charged.</p></div>`;
  }
  const steps: Array<[string, string | null]> = [
    ['Ordered', formatDate(order.placedAt)],
    ['Shipped', order.shippedOn ? formatDate(order.shippedOn) : null],
    ['Delivered', order.deliveredOn ? formatDate(order.deliveredOn) : null],
  ];
  const expected =
    order.deliveredOn === null
      ? html`<p class="eta">${icon('truck')}Expected ${formatDate(order.deliveryDate)} with ${order.carrier}</p>`
      : '';
  return html`<div class="card progress-card"><ol class="steps">${steps.map(([label, date]) => html`<li class="${date ? 'done' : ''}"><span class="step-dot" aria-hidden="true">${date ? icon('check') : ''}</span><span class="step-label">${label}</span><span class="meta">${date ?? 'Pending'}</span></li>`)}</ol>${expected}</div>`;
}

function returnSection(store: ShopStore, order: Order, form: FormState): SafeHtml {
  const returnable = returnableItems(store, order);
  const returns = store.data.returns.filter((entry) => entry.orderId === order.id);
  const deadline = returnDeadline(order);
  const errorId = 'return-errors';
  const ref = (name: string) => (form.errors[name] ? errorId : undefined);
  const itemOptions = [
    { value: '', label: 'Choose an item…' },
    ...returnable.map((item) => ({
      value: String(item.id),
      label: `${item.productName} (${formatMoney(item.unitPrice * item.quantity)})`,
    })),
  ];
  const status =
    returnable.length > 0
      ? html`<p class="meta">Returns are free until ${formatDate(deadline!)} (${daysBetween(TODAY, deadline!)} days left).</p>`
      : order.deliveredOn === null
        ? html`<p class="muted">Returns open once the order is delivered.${order.status === 'processing' ? ' You can still cancel it.' : ''}</p>`
        : deadline !== null && daysBetween(TODAY, deadline) < 0
          ? html`<p class="muted">The return window closed on ${formatDate(deadline)}.</p>`
          : html`<p class="muted">Every item in this order already has a return.</p>`;
  const list = returns.map(
    (entry) =>
      html`<li><span class="mono strong">${entry.number}</span><span>${store.data.orderItems.find((item) => item.id === entry.orderItemId)?.productName ?? ''}</span><span class="meta">${RETURN_REASONS[entry.reason]} · ${formatDate(entry.requestedAt)}</span><span class="badge return-${entry.status}">${RETURN_STATUS_LABELS[entry.status]}</span></li>`,
  );
  return html`<section class="card" aria-labelledby="returns-heading">
    <div class="card-header"><h2 id="returns-heading">Returns</h2></div>
    <div class="card-body stack">
      ${returns.length > 0 ? html`<ul class="return-list">${list}</ul>` : ''}
      ${status}
      ${
        returnable.length > 0
          ? html`<form method="post" action="/orders/${order.id}/returns" aria-label="Request return" class="stack" novalidate>
        ${formErrors(errorId, form.errors)}
        <div class="field-grid two">
          ${selectField({ id: fieldId('return', 'itemId'), name: 'itemId', label: 'Item', options: itemOptions, selected: form.values.itemId ?? '', errorId: ref('itemId') })}
          ${selectField({ id: fieldId('return', 'reason'), name: 'reason', label: 'Reason', options: REASON_OPTIONS, selected: form.values.reason ?? '', errorId: ref('reason') })}
        </div>
        ${textareaField({ id: fieldId('return', 'note'), name: 'note', label: 'Note', value: form.values.note ?? '', rows: 3, placeholder: 'Anything we should know? (optional)', errorId: ref('note') })}
        <div class="form-actions"><button type="submit" class="button primary">${icon('undo')}Request return</button></div>
      </form>`
          : ''
      }
    </div>
  </section>`;
}

export function cancelledFlash(order: Order): string {
  return `Order ${order.number} cancelled`;
}

export function returnFlash(order: Order, productName: string): string {
  return `Return requested for ${quoted(productName)} from order ${order.number}`;
}
