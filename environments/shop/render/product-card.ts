import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import type { Product } from '../model.js';
import { ratingOf, stockLabel } from '../queries.js';
import type { ShopStore } from '../store.js';
import { price, productArt, ratingSummary, returnInput, stockBadge } from './components.js';
import { icon } from './icons.js';

/** The heart checkbox that saves a product to the wishlist; it submits on change. */
export function saveToggle(store: ShopStore, product: Product, returnTo: string, className = 'heart'): SafeHtml {
  return html`<form method="post" action="/products/${product.id}/wishlist" class="save-form">${returnInput(returnTo)}<input type="hidden" name="toggle" value="1"><input type="checkbox" class="${className}" name="saved" value="on" aria-label="Save ${quoted(product.name)} to wishlist" title="Save to wishlist" data-autosubmit${store.isSaved(product.id) ? html` checked` : ''}></form>`;
}

/** A one-click "Add to cart" (quantity 1) for cards and wishlist rows. */
export function quickAdd(product: Product, returnTo: string, className = 'button small'): SafeHtml {
  if (product.stock === 0) return html`<button type="button" class="${className}" disabled>Sold out</button>`;
  return html`<form method="post" action="/products/${product.id}/cart" class="quick-add">${returnInput(returnTo)}<input type="hidden" name="quantity" value="1"><input type="hidden" name="mode" value="add"><button type="submit" class="${className}" aria-label="Add ${quoted(product.name)} to cart">${icon('cart')}Add to cart</button></form>`;
}

export function productCard(store: ShopStore, product: Product, returnTo: string): SafeHtml {
  const category = store.data.categories.find((candidate) => candidate.id === product.categoryId)!;
  return html`<article class="product-card">
    <div class="card-media">
      ${productArt(product, category)}
      ${product.compareAtPrice !== null ? html`<span class="sale-tag">Sale</span>` : ''}
      ${saveToggle(store, product, returnTo)}
    </div>
    <div class="card-info">
      <p class="brand-line">${product.brand}</p>
      <h3 class="product-title"><a href="/products/${product.id}">${product.name}</a></h3>
      ${ratingSummary(ratingOf(store, product.id), true)}
      <div class="card-bottom">${price(product)}${stockBadge(product)}</div>
      ${quickAdd(product, returnTo, 'button small block')}
    </div>
  </article>`;
}

/** A compact row for the list view's table. */
export function productRow(store: ShopStore, product: Product, returnTo: string): SafeHtml {
  const category = store.data.categories.find((candidate) => candidate.id === product.categoryId)!;
  const rating = ratingOf(store, product.id);
  return html`<tr>
    <td class="col-product"><span class="row-product">${productArt(product, category, 'sm')}<span><a class="row-link" href="/products/${product.id}">${product.name}</a><span class="meta row-sub">${product.brand} · ${product.sku}</span></span></span></td>
    <td>${category.name}</td>
    <td class="num">${formatMoney(product.price)}</td>
    <td>${rating.count === 0 ? 'No reviews' : `${rating.average.toFixed(1)} (${rating.count})`}</td>
    <td>${stockLabel(product)}${product.stock > 4 ? html`<span class="meta"> · ${product.stock}</span>` : ''}</td>
    <td class="col-save">${saveToggle(store, product, returnTo, 'heart heart-sm')}</td>
  </tr>`;
}
