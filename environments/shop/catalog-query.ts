import { PRICE_RANGES, SORTS, isPriceRange, isCatalogSort, type CatalogQuery } from './queries.js';

export const CATALOG_PAGE_SIZE = 12;

export const DEFAULT_QUERY: CatalogQuery = {
  q: '',
  category: '',
  price: '',
  rating: 0,
  inStock: false,
  sort: 'featured',
  view: 'grid',
  page: 1,
};

/** Reads ?q=&category=&price=&rating=&stock=&sort=&view=&page= leniently: unknown values fall back to defaults. */
export function parseCatalogQuery(params: URLSearchParams): CatalogQuery {
  const price = params.get('price') ?? '';
  const sort = params.get('sort') ?? '';
  const rating = Number(params.get('rating') ?? '0');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    category: (params.get('category') ?? '').trim(),
    price: isPriceRange(price) ? price : '',
    rating: [3, 4, 4.5].includes(rating) ? rating : 0,
    inStock: params.get('stock') === 'in',
    sort: isCatalogSort(sort) ? sort : 'featured',
    view: params.get('view') === 'list' ? 'list' : 'grid',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The URL for a catalog view; default values are left out. */
export function catalogHref(base: '/products' | '/search', query: CatalogQuery, changes: Partial<CatalogQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.category) params.set('category', next.category);
  if (next.price) params.set('price', next.price);
  if (next.rating) params.set('rating', String(next.rating));
  if (next.inStock) params.set('stock', 'in');
  if (next.sort !== 'featured') params.set('sort', next.sort);
  if (next.view !== 'grid') params.set('view', next.view);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return `${base}${search ? `?${search}` : ''}`;
}

export const PRICE_OPTIONS = [
  { value: '', label: 'Any price' },
  ...Object.entries(PRICE_RANGES).map(([value, range]) => ({ value, label: range.label })),
];
export const SORT_OPTIONS = Object.entries(SORTS).map(([value, label]) => ({ value, label }));
export const RATING_OPTIONS = [
  { value: '', label: 'Any rating' },
  { value: '4.5', label: '4.5 stars and up' },
  { value: '4', label: '4 stars and up' },
  { value: '3', label: '3 stars and up' },
];
export const STOCK_OPTIONS = [
  { value: '', label: 'Any availability' },
  { value: 'in', label: 'In stock only' },
];
