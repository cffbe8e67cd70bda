import { formatDate } from '../clock.js';
import { html, type SafeHtml } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import { ORDER_STATUS_LABELS, orderTotal, type Order } from '../model.js';
import { ORDER_SORTS, ORDER_TABS, inTab, type OrderSort, type OrderTab } from '../queries.js';
import type { ShopStore } from '../store.js';
import { emptyState, orderStatusBadge, pageHeader, pager, sortHeader } from './components.js';
import { layout } from './layout.js';

export const ORDERS_PAGE_SIZE = 15;

export interface OrderListQuery {
  tab: OrderTab;
  sort: OrderSort;
  direction: 'asc' | 'desc';
  page: number;
}

export function parseOrderQuery(params: URLSearchParams): OrderListQuery {
  const tab = params.get('status') ?? 'all';
  const sortParam = params.get('sort') ?? 'date';
  const sort: OrderSort = (ORDER_SORTS as readonly string[]).includes(sortParam) ? (sortParam as OrderSort) : 'date';
  const dir = params.get('dir');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    tab: Object.prototype.hasOwnProperty.call(ORDER_TABS, tab) ? (tab as OrderTab) : 'all',
    sort,
    direction: dir === 'asc' || dir === 'desc' ? dir : sort === 'date' || sort === 'total' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function ordersHref(query: OrderListQuery, changes: Partial<OrderListQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.tab !== 'all') params.set('status', next.tab);
  if (next.sort !== 'date' || next.direction !== 'desc') {
    params.set('sort', next.sort);
    params.set('dir', next.direction);
  }
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return `/orders${search ? `?${search}` : ''}`;
}

function compare(sort: OrderSort): (a: Order, b: Order) => number {
  switch (sort) {
    case 'date':
      return (a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : a.id - b.id);
    case 'number':
      return (a, b) => a.number.localeCompare(b.number);
    case 'total':
      return (a, b) => orderTotal(a) - orderTotal(b) || a.id - b.id;
    case 'status':
      return (a, b) => ORDER_STATUS_LABELS[a.status].localeCompare(ORDER_STATUS_LABELS[b.status]) || (a.placedAt < b.placedAt ? 1 : -1);
  }
}

export function renderOrders(store: ShopStore, query: OrderListQuery, flash: string | undefined): string {
  const all = store.data.orders;
  const sorted = all.filter((order) => inTab(order.status, query.tab)).sort(compare(query.sort));
  if (query.direction === 'desc') sorted.reverse();
  const pageCount = Math.max(1, Math.ceil(sorted.length / ORDERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const visible = sorted.slice((page - 1) * ORDERS_PAGE_SIZE, page * ORDERS_PAGE_SIZE);
  const header = (key: OrderSort, label: string, className = '') => {
    const active = query.sort === key;
    const next = active ? (query.direction === 'asc' ? 'desc' : 'asc') : key === 'date' || key === 'total' ? 'desc' : 'asc';
    return sortHeader(label, active, query.direction, ordersHref(query, { sort: key, direction: next }), className);
  };
  const tabs = (Object.entries(ORDER_TABS) as Array<[OrderTab, string]>).map(([tab, label]) => {
    const count = all.filter((order) => inTab(order.status, tab)).length;
    return html`<a role="tab" class="tab" href="${ordersHref(query, { tab })}" aria-selected="${query.tab === tab}">${label}<span class="count">${count}</span></a>`;
  });
  const table =
    visible.length === 0
      ? emptyState('No orders here', 'Orders with this status will show up in this tab.')
      : html`<table class="table orders-table">
          <caption class="visually-hidden">Your orders</caption>
          <thead><tr>${header('number', 'Order')}${header('date', 'Date placed')}<th scope="col">Items</th>${header('total', 'Total', 'num')}${header('status', 'Status')}<th scope="col">Delivery</th></tr></thead>
          <tbody>${visible.map((order) => orderRow(store, order))}</tbody>
        </table>`;
  const body = html`
    ${pageHeader('Your orders', `${all.length} orders · customer since ${formatDate(store.data.customer.memberSince)}`, html`<a class="button" href="/returns">View returns</a>`)}
    <div role="tablist" aria-label="Order status" class="tabs">${tabs}</div>
    <div class="card table-card" role="tabpanel" aria-label="${ORDER_TABS[query.tab]}">
      ${table}
      ${pager(page, pageCount, sorted.length, ORDERS_PAGE_SIZE, 'orders', (target) => ordersHref(query, { page: target }))}
    </div>`;
  return layout(store, { title: 'Orders', section: 'orders', flash, body });
}

function deliveryText(order: Order): string {
  if (order.status === 'cancelled') return '—';
  if (order.deliveredOn !== null) return `Delivered ${formatDate(order.deliveredOn)}`;
  return `Arrives ${formatDate(order.deliveryDate)}`;
}

function orderRow(store: ShopStore, order: Order): SafeHtml {
  const items = store.itemsOf(order.id);
  const count = items.reduce((sum, item) => sum + item.quantity, 0);
  const first = items[0]?.productName ?? '';
  return html`<tr>
    <td><a class="row-link mono" href="/orders/${order.id}">${order.number}</a></td>
    <td>${formatDate(order.placedAt)}</td>
    <td><span class="items-cell">${count} item${count === 1 ? '' : 's'}<span class="meta"> · ${first}${items.length > 1 ? ` +${items.length - 1} more` : ''}</span></span></td>
    <td class="num strong">${formatMoney(orderTotal(order))}</td>
    <td>${orderStatusBadge(order.status)}</td>
    <td>${deliveryText(order)}</td>
  </tr>`;
}
