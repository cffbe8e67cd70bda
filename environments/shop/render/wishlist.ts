import { formatDate } from '../clock.js';
import { html, quoted } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import { ratingOf, stockLabel } from '../queries.js';
import type { ShopStore } from '../store.js';
import { emptyState, pageHeader, productArt, returnInput } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { quickAdd } from './product-card.js';

export function renderWishlist(store: ShopStore, flash: string | undefined): string {
  const entries = [...store.data.wishlist].sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : b.id - a.id));
  const rows = entries.map((entry) => {
    const product = store.product(entry.productId)!;
    const category = store.data.categories.find((candidate) => candidate.id === product.categoryId)!;
    const rating = ratingOf(store, product.id);
    return html`<tr>
      <td class="col-product"><span class="row-product">${productArt(product, category, 'sm')}<span><a class="row-link" href="/products/${product.id}">${product.name}</a><span class="meta row-sub">${product.brand}</span></span></span></td>
      <td>${category.name}</td>
      <td class="num">${formatMoney(product.price)}</td>
      <td>${rating.count === 0 ? 'No reviews' : rating.average.toFixed(1)}</td>
      <td>${stockLabel(product)}</td>
      <td>${formatDate(entry.addedAt)}</td>
      <td class="col-actions wide"><span class="row-actions">${quickAdd(product, '/wishlist')}<form method="post" action="/products/${product.id}/wishlist">${returnInput('/wishlist')}<input type="hidden" name="toggle" value="1"><button type="submit" class="button ghost small" aria-label="Remove ${quoted(product.name)}">${icon('trash')}Remove</button></form></span></td>
    </tr>`;
  });
  const content =
    entries.length === 0
      ? emptyState(
          'Your wishlist is empty',
          'Tap the heart on any product to save it for later.',
          html`<a class="button primary" href="/products">Browse products</a>`,
        )
      : html`<table class="table">
          <caption class="visually-hidden">Saved products</caption>
          <thead><tr><th scope="col">Product</th><th scope="col">Department</th><th scope="col" class="num">Price</th><th scope="col">Rating</th><th scope="col">Availability</th><th scope="col">Saved on</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${rows}</tbody>
        </table>`;
  const body = html`
    ${pageHeader('Wishlist', `${entries.length} saved product${entries.length === 1 ? '' : 's'}`, html`<a class="button" href="/products">${icon('heart')}Find more to love</a>`)}
    <div class="card table-card">${content}</div>`;
  return layout(store, { title: 'Wishlist', section: 'wishlist', flash, body });
}
