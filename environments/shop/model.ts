/** The shop's domain records, as kept in memory by the store. Money is in cents. */

export const ORDER_STATUSES = ['processing', 'shipped', 'delivered', 'return_requested', 'returned', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  processing: 'Processing',
  shipped: 'Shipped',
  delivered: 'Delivered',
  return_requested: 'Return requested',
  returned: 'Returned',
  cancelled: 'Cancelled',
};

export const SHIPPING_METHODS = {
  standard: { label: 'Standard shipping', cents: 599, note: '3–5 business days, free over $75' },
  express: { label: 'Express shipping', cents: 1499, note: '1–2 business days' },
} as const;
export type ShippingMethod = keyof typeof SHIPPING_METHODS;

export const RETURN_REASONS = {
  damaged: 'Arrived damaged or defective',
  wrong_item: 'Wrong item received',
  not_as_described: 'Not as described',
  no_longer_needed: 'No longer needed',
  too_late: 'Arrived too late',
  better_price: 'Found a better price',
} as const;
export type ReturnReason = keyof typeof RETURN_REASONS;

export const RETURN_STATUS_LABELS = { requested: 'Requested', refunded: 'Refunded' } as const;
export type ReturnStatus = keyof typeof RETURN_STATUS_LABELS;

export const COUNTRIES = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  IE: 'Ireland',
  DE: 'Germany',
  FR: 'France',
  NL: 'Netherlands',
  AU: 'Australia',
  NZ: 'New Zealand',
  JP: 'Japan',
} as const;
export type CountryCode = keyof typeof COUNTRIES;

export const RATING_LABELS: Record<number, string> = { 5: 'Excellent', 4: 'Good', 3: 'Average', 2: 'Poor', 1: 'Terrible' };

/** Days after delivery during which a return can be requested. */
export const RETURN_WINDOW_DAYS = 60;
export const MAX_LINE_QUANTITY = 10;

export function isKeyOf<T extends object>(record: T, value: string): value is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(record, value);
}

export type CategoryIcon = 'pan' | 'lamp' | 'leaf' | 'headphones' | 'pen' | 'drop';

export interface Category {
  id: number;
  slug: string;
  name: string;
  blurb: string;
  icon: CategoryIcon;
  /** Tile tint, e.g. "#fef3c7". */
  tint: string;
  /** Accent for the illustration, e.g. "#b45309". */
  accent: string;
}

export interface Product {
  id: number;
  sku: string;
  name: string;
  categoryId: number;
  brand: string;
  price: number;
  /** The struck-through "was" price of a product on sale, or null. */
  compareAtPrice: number | null;
  stock: number;
  description: string;
  material: string;
  color: string;
  dimensions: string;
  weight: string;
  /** YYYY-MM-DD the product was added to the catalog. */
  addedOn: string;
}

export interface Review {
  id: number;
  productId: number;
  authorName: string;
  title: string;
  rating: number;
  body: string;
  createdAt: string;
  /** Written by the signed-in customer. */
  mine: boolean;
}

export interface CartItem {
  id: number;
  productId: number;
  quantity: number;
  addedAt: string;
}

export interface WishlistItem {
  id: number;
  productId: number;
  addedAt: string;
}

export interface Address {
  id: number;
  nickname: string;
  fullName: string;
  street: string;
  city: string;
  postalCode: string;
  country: CountryCode;
  createdAt: string;
}

export interface Card {
  id: number;
  brand: string;
  last4: string;
  /** "08/28" */
  expiry: string;
  holder: string;
}

export interface Order {
  id: number;
  /** e.g. "FW-20418" */
  number: string;
  placedAt: string;
  status: OrderStatus;
  shippingMethod: ShippingMethod;
  subtotal: number;
  shipping: number;
  tax: number;
  fullName: string;
  street: string;
  city: string;
  postalCode: string;
  country: CountryCode;
  cardId: number;
  /** YYYY-MM-DD: requested delivery date, or the day it was delivered. */
  deliveryDate: string;
  deliveryNote: string;
  shippedOn: string | null;
  deliveredOn: string | null;
  cancelledAt: string | null;
  carrier: string;
}

export interface OrderItem {
  id: number;
  orderId: number;
  productId: number;
  /** The product's name when ordered. */
  productName: string;
  unitPrice: number;
  quantity: number;
}

export interface ReturnRequest {
  id: number;
  /** e.g. "RT-4821" */
  number: string;
  orderId: number;
  orderItemId: number;
  reason: ReturnReason;
  note: string;
  status: ReturnStatus;
  requestedAt: string;
  refundAmount: number;
}

export interface Customer {
  name: string;
  email: string;
  memberSince: string;
}

export interface ShopData {
  customer: Customer;
  categories: Category[];
  products: Product[];
  reviews: Review[];
  cartItems: CartItem[];
  wishlist: WishlistItem[];
  addresses: Address[];
  cards: Card[];
  orders: Order[];
  orderItems: OrderItem[];
  returns: ReturnRequest[];
}

export function orderTotal(order: Order): number {
  return order.subtotal + order.shipping + order.tax;
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return `${parts[0]?.[0] ?? ''}${parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''}`.toUpperCase();
}
