import { formatDate } from '../clock.js';
import { html } from '../../kit/html.js';
import { formatMoney } from '../money.js';
import { orderTotal } from '../model.js';
import { filterProducts } from '../queries.js';
import { DEFAULT_QUERY } from '../catalog-query.js';
import type { ShopStore } from '../store.js';
import { orderStatusBadge } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { productCard } from './product-card.js';

export function renderHome(store: ShopStore, flash: string | undefined): string {
  const { categories, products, orders, customer } = store.data;
  const topRated = filterProducts(store, { ...DEFAULT_QUERY, sort: 'rating', inStock: true }).slice(0, 4);
  const newest = [...products].sort((a, b) => (a.addedOn < b.addedOn ? 1 : a.addedOn > b.addedOn ? -1 : a.id - b.id)).slice(0, 4);
  const active = [...orders]
    .filter((order) => order.status === 'processing' || order.status === 'shipped')
    .sort((a, b) => (a.placedAt < b.placedAt ? 1 : -1));
  const onSale = products.filter((product) => product.compareAtPrice !== null).length;
  const body = html`
    <section class="hero" aria-labelledby="hero-heading">
      <div class="hero-text">
        <p class="eyebrow">Summer collection 2026</p>
        <h1 id="hero-heading">Good things for slow summer days</h1>
        <p class="hero-sub">Welcome back, ${customer.name.split(' ')[0]}. Linen, stoneware and trail-ready gear, chosen by people who use it. ${onSale} pieces are on sale this week.</p>
        <div class="hero-actions"><a class="button primary large" href="/products">Shop all products${icon('chevronRight')}</a><a class="button large light" href="/products?sort=rating">Top rated</a></div>
      </div>
      <div class="hero-art" aria-hidden="true">${categories.slice(0, 4).map((category) => html`<span class="hero-tile" style="--tile-bg:${category.tint};--tile-ink:${category.accent}">${icon(category.icon, 'hero-icon')}</span>`)}</div>
    </section>
    ${
      active.length > 0
        ? html`<section class="card order-strip" aria-labelledby="active-heading">
      <h2 id="active-heading">${icon('truck')}On the way</h2>
      <ul>${active.map((order) => html`<li><a class="mono strong" href="/orders/${order.id}">${order.number}</a>${orderStatusBadge(order.status)}<span class="meta">Placed ${formatDate(order.placedAt)} · ${formatMoney(orderTotal(order))} · arrives ${formatDate(order.deliveryDate)}</span></li>`)}</ul>
    </section>`
        : ''
    }
    <section aria-labelledby="departments-heading" class="home-section">
      <div class="section-head"><h2 id="departments-heading">Shop by department</h2></div>
      <ul class="dept-grid">${categories.map((category) => html`<li><a class="dept-tile" href="/products?category=${category.slug}" aria-label="${category.name}" style="--tile-bg:${category.tint};--tile-ink:${category.accent}">${icon(category.icon, 'dept-icon')}<span class="dept-name">${category.name}</span><span class="meta">${products.filter((product) => product.categoryId === category.id).length} products</span></a></li>`)}</ul>
    </section>
    <section aria-labelledby="top-heading" class="home-section">
      <div class="section-head"><h2 id="top-heading">Top rated right now</h2><a href="/products?sort=rating">See all${icon('chevronRight')}</a></div>
      <div class="product-grid">${topRated.map((product) => productCard(store, product, '/'))}</div>
    </section>
    <section aria-labelledby="new-heading" class="home-section">
      <div class="section-head"><h2 id="new-heading">New arrivals</h2><a href="/products">Browse catalog${icon('chevronRight')}</a></div>
      <div class="product-grid">${newest.map((product) => productCard(store, product, '/'))}</div>
    </section>`;
  return layout(store, { title: 'Home', section: 'home', flash, body });
}

export function renderNotFound(store: ShopStore, what: string): string {
  const body = html`<div class="card not-found"><h1>${what} not found</h1><p class="muted">It may have been removed, or the link is mistyped.</p><a class="button primary" href="/products">Browse products</a></div>`;
  return layout(store, { title: `${what} not found`, section: 'none', body });
}
