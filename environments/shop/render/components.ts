import { html, type SafeHtml } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import { ORDER_STATUS_LABELS, type Category, type OrderStatus, type Product } from '../model.js';
import { stockLabel, stockStatus, type Rating } from '../queries.js';
import { icon, stars } from './icons.js';

export { fieldId, formErrors, selectField, textField, textareaField, dateField, options, returnInput, type Option } from './fields.js';

/** Soft backgrounds for product art, keyed by the product's color name. */
const SWATCHES: Record<string, readonly [string, string]> = {
  Natural: ['#f4ede2', '#a8875a'],
  Charcoal: ['#e9eaee', '#3f4350'],
  'Sage green': ['#e6efe6', '#5b7f5e'],
  Terracotta: ['#f8e6dd', '#b5573a'],
  Ivory: ['#f7f3ea', '#9b8d6d'],
  Navy: ['#e3e8f4', '#2c3e73'],
  Mustard: ['#f8efd3', '#b88a16'],
  'Slate blue': ['#e4ebf3', '#4a6689'],
  Blush: ['#f9e6e8', '#c0607a'],
  Black: ['#e7e7ea', '#1f2330'],
  Oat: ['#f3eee5', '#94805f'],
};

/** A decorative product "photo": the department's glyph on a tile tinted by the product's color. */
export function productArt(product: Product, category: Category, size: 'sm' | 'md' | 'lg' = 'md'): SafeHtml {
  const [background, ink] = SWATCHES[product.color] ?? [category.tint, category.accent];
  const tilt = ((product.id * 37) % 21) - 10;
  return html`<span class="art art-${size}" style="--art-bg:${background};--art-ink:${ink}" aria-hidden="true"><span class="art-blob" style="transform:rotate(${tilt}deg)"></span>${icon(category.icon, 'art-icon')}</span>`;
}

export function price(product: Product): SafeHtml {
  return html`<span class="price"><span class="price-now${product.compareAtPrice !== null ? ' price-sale' : ''}">${formatMoney(product.price)}</span>${
    product.compareAtPrice !== null
      ? html`<s class="price-was"><span class="visually-hidden">was </span>${formatMoney(product.compareAtPrice)}</s>`
      : ''
  }</span>`;
}

export function ratingSummary(rating: Rating, compact = false): SafeHtml {
  if (rating.count === 0) return html`<span class="rating muted">No reviews yet</span>`;
  return html`<span class="rating">${stars(rating.average)}<span class="rating-value">${rating.average.toFixed(1)}</span><span class="rating-count">(${rating.count}${compact ? '' : rating.count === 1 ? ' review' : ' reviews'})</span></span>`;
}

export function stockBadge(product: Product): SafeHtml {
  return html`<span class="stock stock-${stockStatus(product).replaceAll('_', '-')}"><span class="dot" aria-hidden="true"></span>${stockLabel(product)}</span>`;
}

export function orderStatusBadge(status: OrderStatus): SafeHtml {
  return html`<span class="badge order-${status.replaceAll('_', '-')}"><span class="dot" aria-hidden="true"></span>${ORDER_STATUS_LABELS[status]}</span>`;
}

export function pageHeader(title: string, subtitle: SafeHtml | string, actions: SafeHtml | string = ''): SafeHtml {
  return html`<div class="page-header"><div><h1>${title}</h1>${subtitle ? html`<p class="subtitle">${subtitle}</p>` : ''}</div>${actions ? html`<div class="page-actions">${actions}</div>` : ''}</div>`;
}

export function breadcrumb(trail: ReadonlyArray<readonly [string, string | undefined]>): SafeHtml {
  return html`<nav aria-label="Breadcrumb" class="breadcrumb"><ol>${trail.map(([label, href]) =>
    href === undefined ? html`<li aria-current="page">${label}</li>` : html`<li><a href="${href}">${label}</a></li>`,
  )}</ol></nav>`;
}

export function emptyState(title: string, body: SafeHtml | string, action: SafeHtml | string = ''): SafeHtml {
  return html`<div class="empty"><p class="empty-title">${title}</p><p class="muted">${body}</p>${action}</div>`;
}

/** "Previous page" / "Next page" links around "Page n of m". */
export function pager(
  page: number,
  pageCount: number,
  total: number,
  pageSize: number,
  noun: string,
  href: (page: number) => string,
): SafeHtml {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return html`<nav aria-label="Pagination" class="pagination">
    <p class="meta">Showing ${first}–${last} of ${total} ${noun}</p>
    <div class="pager">
      ${page > 1 ? html`<a class="button small" href="${href(page - 1)}">${icon('chevronLeft')}Previous page</a>` : html`<span class="button small disabled" aria-hidden="true">${icon('chevronLeft')}Previous</span>`}
      <span class="page-of">Page ${page} of ${pageCount}</span>
      ${page < pageCount ? html`<a class="button small" href="${href(page + 1)}">Next page${icon('chevronRight')}</a>` : html`<span class="button small disabled" aria-hidden="true">Next${icon('chevronRight')}</span>`}
    </div>
  </nav>`;
}

/** A sortable column header: a link that toggles direction, with aria-sort on the active column. */
export function sortHeader(label: string, active: boolean, direction: 'asc' | 'desc', href: string, className = ''): SafeHtml {
  const ariaSort = active ? html` aria-sort="${direction === 'asc' ? 'ascending' : 'descending'}"` : '';
  const arrow = active ? (direction === 'asc' ? '↑' : '↓') : '↕';
  return html`<th scope="col"${ariaSort}${className ? html` class="${className}"` : ''}><a class="sort-link${active ? ' active' : ''}" href="${href}">${label}<span class="sort-arrow" aria-hidden="true">${arrow}</span></a></th>`;
}

/** A summary row list: label on the left, amount on the right. */
export function totals(rows: ReadonlyArray<readonly [string, string, boolean?]>): SafeHtml {
  return html`<dl class="totals">${rows.map(([label, value, strong]) => html`<div${strong ? html` class="total-row"` : ''}><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}
