import { TODAY, addDays, daysBetween } from './clock.js';
import { taxOn } from './money.js';
import { RETURN_WINDOW_DAYS, type CartItem, type Order, type OrderItem, type OrderStatus, type Product } from './model.js';
import type { ShopStore } from './store.js';

export interface Rating {
  /** Average rounded to one decimal; 0 when there are no reviews. */
  average: number;
  count: number;
}

export function ratingOf(store: ShopStore, productId: number): Rating {
  const reviews = store.reviewsOf(productId);
  if (reviews.length === 0) return { average: 0, count: 0 };
  const sum = reviews.reduce((total, review) => total + review.rating, 0);
  return { average: Math.round((sum / reviews.length) * 10) / 10, count: reviews.length };
}

export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock';

export function stockStatus(product: Product): StockStatus {
  return product.stock === 0 ? 'out_of_stock' : product.stock <= 4 ? 'low_stock' : 'in_stock';
}

export function stockLabel(product: Product): string {
  const status = stockStatus(product);
  return status === 'out_of_stock' ? 'Out of stock' : status === 'low_stock' ? `Only ${product.stock} left` : 'In stock';
}

export interface CartLine {
  item: CartItem;
  product: Product;
  lineTotal: number;
}

export interface CartSummary {
  lines: CartLine[];
  itemCount: number;
  subtotal: number;
  tax: number;
  total: number;
}

export function cartSummary(store: ShopStore): CartSummary {
  const lines = store.data.cartItems.map((item) => {
    const product = store.product(item.productId)!;
    return { item, product, lineTotal: product.price * item.quantity };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const tax = taxOn(subtotal);
  return { lines, itemCount: lines.reduce((sum, line) => sum + line.item.quantity, 0), subtotal, tax, total: subtotal + tax };
}

export const PRICE_RANGES = {
  under25: { label: 'Under $25', min: 0, max: 2500 },
  '25to50': { label: '$25 to $50', min: 2500, max: 5000 },
  '50to100': { label: '$50 to $100', min: 5000, max: 10000 },
  '100to200': { label: '$100 to $200', min: 10000, max: 20000 },
  over200: { label: '$200 and up', min: 20000, max: Number.POSITIVE_INFINITY },
} as const;
export type PriceRange = keyof typeof PRICE_RANGES;

export const SORTS = {
  featured: 'Featured',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  rating: 'Customer rating',
  name_asc: 'Name: A to Z',
  name_desc: 'Name: Z to A',
  stock: 'Most in stock',
} as const;
export type CatalogSort = keyof typeof SORTS;

export interface CatalogQuery {
  q: string;
  category: string;
  price: PriceRange | '';
  /** Minimum average rating, 0 for any. */
  rating: number;
  inStock: boolean;
  sort: CatalogSort;
  view: 'grid' | 'list';
  page: number;
}

export function filterProducts(store: ShopStore, query: CatalogQuery): Product[] {
  const needle = query.q.trim().toLowerCase();
  const category = store.data.categories.find((candidate) => candidate.slug === query.category);
  const range = query.price === '' ? undefined : PRICE_RANGES[query.price];
  const ratings = new Map(store.data.products.map((product) => [product.id, ratingOf(store, product.id)]));
  const matches = store.data.products.filter((product) => {
    if (category && product.categoryId !== category.id) return false;
    if (range && (product.price < range.min || product.price >= range.max)) return false;
    if (query.rating > 0 && ratings.get(product.id)!.average < query.rating) return false;
    if (query.inStock && product.stock === 0) return false;
    if (needle === '') return true;
    const categoryName = store.data.categories.find((candidate) => candidate.id === product.categoryId)?.name ?? '';
    return [product.name, product.brand, product.sku, categoryName, product.description].some((text) =>
      text.toLowerCase().includes(needle),
    );
  });
  const byName = (a: Product, b: Product) => a.name.localeCompare(b.name);
  const rating = (product: Product) => ratings.get(product.id)!;
  const sorters: Record<CatalogSort, (a: Product, b: Product) => number> = {
    featured: (a, b) =>
      rating(b).average * Math.log(rating(b).count + 2) - rating(a).average * Math.log(rating(a).count + 2) || byName(a, b),
    price_asc: (a, b) => a.price - b.price || byName(a, b),
    price_desc: (a, b) => b.price - a.price || byName(a, b),
    rating: (a, b) => rating(b).average - rating(a).average || rating(b).count - rating(a).count || byName(a, b),
    name_asc: byName,
    name_desc: (a, b) => byName(b, a),
    stock: (a, b) => b.stock - a.stock || byName(a, b),
  };
  return [...matches].sort(sorters[query.sort]);
}

export const ORDER_TABS = {
  all: 'All orders',
  processing: 'Processing',
  shipped: 'Shipped',
  delivered: 'Delivered',
  returns: 'Returns',
  cancelled: 'Cancelled',
} as const;
export type OrderTab = keyof typeof ORDER_TABS;

export function inTab(status: OrderStatus, tab: OrderTab): boolean {
  if (tab === 'all') return true;
  if (tab === 'returns') return status === 'return_requested' || status === 'returned';
  return status === tab;
}

export const ORDER_SORTS = ['date', 'number', 'total', 'status'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export function canCancel(order: Order): boolean {
  return order.status === 'processing';
}

/** The last day a return can be requested, or null for orders not delivered. */
export function returnDeadline(order: Order): string | null {
  return order.deliveredOn === null ? null : addDays(order.deliveredOn, RETURN_WINDOW_DAYS);
}

/** Lines of a delivered order, still within the return window, with no return requested yet. */
export function returnableItems(store: ShopStore, order: Order): OrderItem[] {
  if (order.status !== 'delivered' && order.status !== 'return_requested') return [];
  const deadline = returnDeadline(order);
  if (deadline === null || daysBetween(TODAY, deadline) < 0) return [];
  const returned = new Set(store.data.returns.map((entry) => entry.orderItemId));
  return store.itemsOf(order.id).filter((item) => !returned.has(item.id));
}

export function isPriceRange(value: string): value is PriceRange {
  return Object.prototype.hasOwnProperty.call(PRICE_RANGES, value);
}

export function isCatalogSort(value: string): value is CatalogSort {
  return Object.prototype.hasOwnProperty.call(SORTS, value);
}
