import { html, type SafeHtml } from '../../kit/html.js';
import { initialsOf } from '../model.js';
import { cartSummary } from '../queries.js';
import type { ShopStore } from '../store.js';
import { STAR_DEFS, icon } from './icons.js';

export const PRODUCT_NAME = 'Fernwood Goods';

export type Section = 'home' | 'shop' | 'cart' | 'checkout' | 'orders' | 'wishlist' | 'account' | 'none';

export interface LayoutOptions {
  /** Page name; the document title becomes "<title> · Fernwood Goods". */
  title: string;
  section: Section;
  /** Department slug highlighted in the department bar. */
  category?: string;
  flash?: string | undefined;
  searchQuery?: string;
  body: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%23166534'/%3E%3Cpath d='M10 23c0-8 4.5-13 13-13 0 8.5-4.5 13-12 13' stroke='white' stroke-width='2.6' fill='none' stroke-linecap='round'/%3E%3C/svg%3E";

export function layout(store: ShopStore, options: LayoutOptions): string {
  const { customer, categories, wishlist } = store.data;
  const cart = cartSummary(store);
  const current = (section: Section) => (options.section === section ? html` aria-current="page"` : '');
  const departments = categories.map(
    (category) =>
      html`<li><a href="/products?category=${category.slug}"${options.category === category.slug ? html` aria-current="page"` : ''}>${category.name}</a></li>`,
  );
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${PRODUCT_NAME}</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
${STAR_DEFS}
<a class="skip-link" href="#content">Skip to content</a>
<p class="promo">${icon('truck')}Free standard shipping on orders over $75<span class="promo-sep" aria-hidden="true">·</span>60-day returns on delivered orders</p>
<header class="masthead">
  <div class="masthead-inner">
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">${icon('leaf')}</span><span class="brand-name">${PRODUCT_NAME}</span></a>
    <form role="search" action="/search" method="get" class="search-form">
      <label for="global-search" class="visually-hidden">Search products</label>
      ${icon('search', 'icon search-icon')}
      <input type="search" id="global-search" name="q" value="${options.searchQuery ?? ''}" placeholder="Search skillets, lamps, notebooks…" autocomplete="off">
      <button type="submit" class="search-button">Search</button>
    </form>
    <nav aria-label="Account" class="account-nav">
      <ul>
        <li><a href="/wishlist" class="head-link"${current('wishlist')}>${icon('heart')}<span>Wishlist</span>${wishlist.length > 0 ? html`<span class="pill">${wishlist.length}</span>` : ''}</a></li>
        <li><a href="/orders" class="head-link"${current('orders')}>${icon('box')}<span>Orders</span></a></li>
        <li>
          <details class="menu">
            <summary class="head-link" aria-label="Account menu"><span class="avatar" aria-hidden="true">${initialsOf(customer.name)}</span><span>${customer.name.split(' ')[0]}</span>${icon('chevronDown', 'icon caret')}</summary>
            <div class="menu-panel">
              <p class="menu-head"><span class="strong">${customer.name}</span><span class="meta">${customer.email}</span></p>
              <ul>
                <li><a href="/orders">${icon('box')}Your orders</a></li>
                <li><a href="/returns">${icon('undo')}Returns</a></li>
                <li><a href="/wishlist">${icon('heart')}Wishlist</a></li>
                <li><a href="/addresses">${icon('pin')}Addresses</a></li>
              </ul>
            </div>
          </details>
        </li>
        <li><a href="/cart" class="head-link cart-link"${current('cart')}>${icon('cart')}<span>Cart</span><span class="pill pill-accent">${cart.itemCount}<span class="visually-hidden"> items</span></span></a></li>
      </ul>
    </nav>
  </div>
  <nav aria-label="Departments" class="departments">
    <ul>
      <li><a href="/products"${options.section === 'shop' && !options.category && !options.searchQuery ? html` aria-current="page"` : ''}>All products</a></li>
      ${departments}
    </ul>
  </nav>
</header>
<main id="content" class="content">
  ${options.flash ? html`<div class="flash" role="status">${icon('check')}<span>${options.flash}</span></div>` : ''}
  ${options.body}
</main>
<footer class="footer">
  <div class="footer-inner">
    <p><span class="strong">${PRODUCT_NAME}</span> · Thoughtful goods for everyday living</p>
    <p class="meta">${icon('shield')}Secure checkout · Orders ship from Portland, Oregon</p>
  </div>
</footer>
</body>
</html>
`;
  return page.value;
}
