import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { FREE_SHIPPING_CENTS, formatMoney } from '../money.js';
import { MAX_LINE_QUANTITY } from '../model.js';
import { cartSummary, type CartLine } from '../queries.js';
import type { ShopStore } from '../store.js';
import { emptyState, options, pageHeader, productArt, returnInput, stockBadge, totals } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { productCard } from './product-card.js';

export function renderCart(store: ShopStore, flash: string | undefined): string {
  const cart = cartSummary(store);
  const saved = store.data.wishlist
    .map((entry) => store.product(entry.productId)!)
    .filter((product) => !store.cartItemFor(product.id))
    .slice(0, 4);
  const remaining = FREE_SHIPPING_CENTS - cart.subtotal;
  const content =
    cart.lines.length === 0
      ? html`<div class="card">${emptyState('Your cart is empty', 'Find something you love in the catalog and it will show up here.', html`<a class="button primary" href="/products">Start shopping</a>`)}</div>`
      : html`<div class="cart-layout">
          <div class="card table-card">
            <table class="table cart-table">
              <caption class="visually-hidden">Items in your cart</caption>
              <thead><tr><th scope="col">Product</th><th scope="col" class="num">Price</th><th scope="col">Quantity</th><th scope="col" class="num">Total</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>${cart.lines.map((line) => cartRow(store, line))}</tbody>
            </table>
          </div>
          <aside class="card summary-card" aria-labelledby="summary-heading">
            <h2 id="summary-heading">Order summary</h2>
            ${totals([
              [`Subtotal (${cart.itemCount} item${cart.itemCount === 1 ? '' : 's'})`, formatMoney(cart.subtotal)],
              ['Estimated tax (8%)', formatMoney(cart.tax)],
              ['Total', formatMoney(cart.total), true],
            ])}
            <p class="ship-note">${icon('truck')}${remaining > 0 ? html`Add <strong>${formatMoney(remaining)}</strong> more for free standard shipping.` : 'Your order qualifies for free standard shipping.'}</p>
            <a class="button primary large block" href="/checkout">Proceed to checkout${icon('chevronRight')}</a>
            <a class="continue-link" href="/products">Continue shopping</a>
          </aside>
        </div>`;
  const body = html`
    ${pageHeader('Your cart', cart.lines.length === 0 ? 'Nothing here yet' : `${cart.itemCount} item${cart.itemCount === 1 ? '' : 's'} · ${cart.lines.length} product${cart.lines.length === 1 ? '' : 's'}`)}
    ${content}
    ${
      saved.length > 0
        ? html`<section class="related" aria-labelledby="saved-heading"><div class="section-head"><h2 id="saved-heading">From your wishlist</h2><a href="/wishlist">View wishlist${icon('chevronRight')}</a></div>
      <div class="product-grid">${saved.map((product) => productCard(store, product, '/cart'))}</div></section>`
        : ''
    }`;
  return layout(store, { title: 'Cart', section: 'cart', flash, body });
}

function cartRow(store: ShopStore, line: CartLine): SafeHtml {
  const { item, product } = line;
  const category = store.data.categories.find((candidate) => candidate.id === product.categoryId)!;
  const max = Math.max(Math.min(MAX_LINE_QUANTITY, product.stock), item.quantity);
  const quantities = Array.from({ length: max }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }));
  const selectId = `quantity-${item.id}`;
  return html`<tr>
    <td class="col-product"><span class="row-product">${productArt(product, category, 'sm')}<span><a class="row-link" href="/products/${product.id}">${product.name}</a><span class="row-sub">${stockBadge(product)}</span></span></span></td>
    <td class="num">${formatMoney(product.price)}</td>
    <td><form method="post" action="/cart/items/${item.id}/quantity" class="qty-form"><label for="${selectId}" class="visually-hidden">Quantity for ${quoted(product.name)}</label><select id="${selectId}" name="quantity" class="qty-select" data-autosubmit>${options(quantities, String(item.quantity))}</select><noscript><button type="submit" class="button small">Update</button></noscript></form></td>
    <td class="num strong">${formatMoney(line.lineTotal)}</td>
    <td class="col-actions"><form method="post" action="/cart/items/${item.id}/remove">${returnInput('/cart')}<button type="submit" class="button ghost small" aria-label="Remove ${quoted(product.name)}">${icon('trash')}Remove</button></form></td>
  </tr>`;
}
