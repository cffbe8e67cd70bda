import { addDays, formatWeekdayDate, TODAY } from '../clock.js';
import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { MAX_LINE_QUANTITY, type Product } from '../model.js';
import { ratingOf } from '../queries.js';
import type { ShopStore } from '../store.js';
import type { FormState } from '../validation.js';
import { breadcrumb, price, productArt, ratingSummary, selectField, stockBadge } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { productCard, saveToggle } from './product-card.js';
import { reviewsSection } from './reviews.js';

export interface ProductView {
  flash: string | undefined;
  review?: FormState;
  cartError?: string;
}

export function renderProduct(store: ShopStore, product: Product, view: ProductView): string {
  const category = store.data.categories.find((candidate) => candidate.id === product.categoryId)!;
  const rating = ratingOf(store, product.id);
  const here = `/products/${product.id}`;
  const related = store.data.products
    .filter((candidate) => candidate.categoryId === product.categoryId && candidate.id !== product.id)
    .slice(0, 4);
  const specs: Array<readonly [string, string]> = [
    ['SKU', product.sku],
    ['Department', category.name],
    ['Material', product.material],
    ['Color', product.color],
    ['Dimensions', product.dimensions],
    ['Weight', product.weight],
  ];
  const body = html`
    ${breadcrumb([
      ['Home', '/'],
      [category.name, `/products?category=${category.slug}`],
      [product.name, undefined],
    ])}
    <div class="product-layout">
      <div class="product-media card">
        ${productArt(product, category, 'lg')}
        ${product.compareAtPrice !== null ? html`<span class="sale-tag sale-tag-lg">Sale</span>` : ''}
      </div>
      <div class="product-info">
        <p class="brand-line">${product.brand}</p>
        <h1>${product.name}</h1>
        <p class="product-rating"><a href="#reviews" class="muted-link">${ratingSummary(rating)}</a></p>
        <div class="product-price">${price(product)}${product.compareAtPrice !== null ? html`<span class="save-badge">Save ${Math.round((1 - product.price / product.compareAtPrice) * 100)}%</span>` : ''}</div>
        <p class="product-description">${product.description}</p>
        ${buyBox(store, product, here, view.cartError)}
        <dl class="specs">${specs.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
      </div>
    </div>
    ${reviewsSection(store, product, view.review)}
    <section class="related" aria-labelledby="related-heading">
      <div class="section-head"><h2 id="related-heading">More from ${category.name}</h2><a href="/products?category=${category.slug}">See all${icon('chevronRight')}</a></div>
      <div class="product-grid">${related.map((candidate) => productCard(store, candidate, here))}</div>
    </section>`;
  return layout(store, { title: product.name, section: 'shop', category: category.slug, flash: view.flash, body });
}

function buyBox(store: ShopStore, product: Product, here: string, error: string | undefined): SafeHtml {
  const inCart = store.cartItemFor(product.id);
  const max = Math.max(Math.min(MAX_LINE_QUANTITY, product.stock), inCart?.quantity ?? 0);
  const quantities = Array.from({ length: max }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }));
  const arrives = formatWeekdayDate(addDays(TODAY, 4));
  const form =
    product.stock === 0
      ? html`<p class="sold-out">${icon('alert')}This item is sold out. Save it to your wishlist and we will keep it handy.</p>`
      : html`<form method="post" action="/products/${product.id}/cart" aria-label="Add to cart" class="buy-form" novalidate>
          ${error ? html`<div class="form-error" role="alert" id="cart-errors">${icon('alert')}<div><p>${error}</p></div></div>` : ''}
          <input type="hidden" name="mode" value="set">
          ${selectField({ id: 'buy-quantity', name: 'quantity', label: 'Quantity', options: quantities, selected: String(inCart?.quantity ?? 1), className: 'quantity-field', errorId: error ? 'cart-errors' : undefined })}
          <button type="submit" class="button primary large">${icon('cart')}${inCart ? 'Update cart' : 'Add to cart'}</button>
        </form>`;
  return html`<section class="buy-box card" aria-label="Purchase options">
    <div class="buy-row">${stockBadge(product)}<span class="meta">${icon('truck')}Order today, arrives by ${arrives}</span></div>
    ${inCart ? html`<p class="in-cart">${icon('check')}${inCart.quantity} in your cart · <a href="/cart">View cart</a></p>` : ''}
    ${form}
    <div class="save-row">${saveToggle(store, product, here, 'heart heart-inline')}<span class="meta">${store.isSaved(product.id) ? 'Saved to your wishlist' : 'Save for later'}</span></div>
    <p class="meta reassurance">${icon('undo')}Free 60-day returns · ${icon('shield')}Secure checkout</p>
  </section>`;
}

export function quantityFlash(product: Product, quantity: number, mode: 'add' | 'set', wasInCart: boolean): string {
  if (mode === 'set' && wasInCart) return `Cart updated: ${quantity} × ${quoted(product.name)}`;
  return `Added ${quantity} × ${quoted(product.name)} to your cart`;
}
