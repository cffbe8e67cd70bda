import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { CATALOG_PAGE_SIZE, PRICE_OPTIONS, RATING_OPTIONS, SORT_OPTIONS, STOCK_OPTIONS, catalogHref } from '../catalog-query.js';
import { filterProducts, type CatalogQuery, type CatalogSort } from '../queries.js';
import type { ShopStore } from '../store.js';
import { breadcrumb, emptyState, pager, selectField, sortHeader } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { productCard, productRow } from './product-card.js';

type Base = '/products' | '/search';

export function renderCatalog(store: ShopStore, base: Base, query: CatalogQuery, flash: string | undefined): string {
  const category = store.data.categories.find((candidate) => candidate.slug === query.category);
  const products = filterProducts(store, query);
  const pageCount = Math.max(1, Math.ceil(products.length / CATALOG_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const here = catalogHref(base, query, { page });
  const visible = products.slice((page - 1) * CATALOG_PAGE_SIZE, page * CATALOG_PAGE_SIZE);
  const searching = base === '/search';
  const title = searching ? 'Search results' : (category?.name ?? 'All products');
  const filtered = query.price !== '' || query.rating > 0 || query.inStock || (searching && query.category !== '');

  const subtitle = searching
    ? query.q === ''
      ? html`Type a word in the search box to find products.`
      : html`${products.length} result${products.length === 1 ? '' : 's'} for <strong>${quoted(query.q)}</strong>`
    : html`${category?.blurb ?? 'Everything we stock, from kitchen to garden'} · ${products.length} product${products.length === 1 ? '' : 's'}`;

  const results =
    visible.length === 0
      ? emptyState(
          searching ? 'No products match your search' : 'No products match these filters',
          'Try a different word, another department or fewer filters.',
          html`<a class="button" href="/products">Browse all products</a>`,
        )
      : query.view === 'grid'
        ? html`<div class="product-grid">${visible.map((product) => productCard(store, product, here))}</div>`
        : listTable(store, base, query, visible, here);

  const body = html`
    ${breadcrumb(
      searching
        ? [
            ['Home', '/'],
            ['Search', undefined],
          ]
        : category
          ? [
              ['Home', '/'],
              ['All products', '/products'],
              [category.name, undefined],
            ]
          : [
              ['Home', '/'],
              ['All products', undefined],
            ],
    )}
    <div class="page-header"><div><h1>${title}</h1><p class="subtitle">${subtitle}</p></div></div>
    <div class="catalog">
      <aside class="catalog-side" aria-label="Browse departments">
        <section class="card side-card">
          <h2 class="side-title">Departments</h2>
          <ul class="dept-list">
            <li><a href="${catalogHref(base, query, { category: '' })}"${query.category === '' ? html` aria-current="true"` : ''}><span class="dept-dot dept-all" aria-hidden="true"></span><span class="dept-label">All departments</span><span class="count">${store.data.products.length}</span></a></li>
            ${store.data.categories.map((entry) => html`<li><a href="${catalogHref(base, query, { category: entry.slug })}"${query.category === entry.slug ? html` aria-current="true"` : ''}><span class="dept-dot" style="background:${entry.accent}" aria-hidden="true"></span><span class="dept-label">${entry.name}</span><span class="count">${store.data.products.filter((product) => product.categoryId === entry.id).length}</span></a></li>`)}
          </ul>
        </section>
        <section class="card side-card promo-card">
          ${icon('tag')}<p class="strong">Summer refresh</p><p class="meta">Up to 30% off selected home and outdoor pieces while stocks last.</p>
        </section>
      </aside>
      <div class="catalog-main">
        ${filterForm(store, base, query, filtered)}
        <div class="toolbar">
          <p class="meta">${products.length === 0 ? 'No products' : `Page ${page} of ${pageCount}`}</p>
          <div role="tablist" aria-label="View" class="view-tabs">
            <a role="tab" href="${catalogHref(base, query, { view: 'grid', page })}" aria-selected="${query.view === 'grid'}" class="view-tab">${icon('grid')}Grid</a>
            <a role="tab" href="${catalogHref(base, query, { view: 'list', page })}" aria-selected="${query.view === 'list'}" class="view-tab">${icon('list')}List</a>
          </div>
        </div>
        <div role="tabpanel" aria-label="${query.view === 'grid' ? 'Grid' : 'List'}">${results}</div>
        ${products.length > 0 ? html`<div class="card pager-card">${pager(page, pageCount, products.length, CATALOG_PAGE_SIZE, 'products', (target) => catalogHref(base, query, { page: target }))}</div>` : ''}
      </div>
    </div>`;
  return layout(store, {
    title: searching ? (query.q ? `Search: ${query.q}` : 'Search') : title,
    section: 'shop',
    ...(category && !searching ? { category: category.slug } : {}),
    flash,
    searchQuery: query.q,
    body,
  });
}

function filterForm(store: ShopStore, base: Base, query: CatalogQuery, filtered: boolean): SafeHtml {
  const categoryOptions = [
    { value: '', label: 'All departments' },
    ...store.data.categories.map((category) => ({ value: category.slug, label: category.name })),
  ];
  return html`<form method="get" action="${base}" aria-label="Filter products" class="card filter-bar">
    ${query.q ? html`<input type="hidden" name="q" value="${query.q}">` : ''}
    ${query.view === 'list' ? html`<input type="hidden" name="view" value="list">` : ''}
    ${selectField({ id: 'filter-category', name: 'category', label: 'Department', options: categoryOptions, selected: query.category })}
    ${selectField({ id: 'filter-price', name: 'price', label: 'Price', options: PRICE_OPTIONS, selected: query.price })}
    ${selectField({ id: 'filter-rating', name: 'rating', label: 'Rating', options: RATING_OPTIONS, selected: query.rating ? String(query.rating) : '' })}
    ${selectField({ id: 'filter-stock', name: 'stock', label: 'Availability', options: STOCK_OPTIONS, selected: query.inStock ? 'in' : '' })}
    ${selectField({ id: 'filter-sort', name: 'sort', label: 'Sort by', options: SORT_OPTIONS, selected: query.sort })}
    <div class="filter-actions">
      ${filtered ? html`<a class="clear-link" href="${catalogHref(base, { ...query, price: '', rating: 0, inStock: false, category: base === '/search' ? '' : query.category })}">Clear filters</a>` : ''}
      <button type="submit" class="button primary">${icon('filter')}Apply filters</button>
    </div>
  </form>`;
}

function listTable(store: ShopStore, base: Base, query: CatalogQuery, visible: Parameters<typeof productRow>[1][], here: string): SafeHtml {
  const header = (label: string, asc: CatalogSort, desc: CatalogSort, className = '') => {
    const active = query.sort === asc || query.sort === desc;
    const next = query.sort === asc && asc !== desc ? desc : asc;
    return sortHeader(
      label,
      active,
      query.sort === desc && asc !== desc ? 'desc' : asc === desc ? 'desc' : 'asc',
      catalogHref(base, query, { sort: next }),
      className,
    );
  };
  return html`<div class="card table-card"><table class="table">
    <caption class="visually-hidden">Products</caption>
    <thead><tr>
      ${header('Name', 'name_asc', 'name_desc')}
      <th scope="col">Department</th>
      ${header('Price', 'price_asc', 'price_desc', 'num')}
      ${header('Rating', 'rating', 'rating')}
      ${header('Stock', 'stock', 'stock')}
      <th scope="col" class="col-save"><span class="visually-hidden">Wishlist</span></th>
    </tr></thead>
    <tbody>${visible.map((product) => productRow(store, product, here))}</tbody>
  </table></div>`;
}
