import { TODAY, addDays, daysBetween, formatDate, isValidIsoDate } from './clock.js';
import {
  COUNTRIES,
  RETURN_REASONS,
  SHIPPING_METHODS,
  isKeyOf,
  type CountryCode,
  type OrderItem,
  type ReturnReason,
  type ShippingMethod,
} from './model.js';
import type { AddressInput, CheckoutInput, ReviewInput } from './store.js';
import type { ShopStore } from './store.js';

/** Field values as typed and the error per field name; both keyed by the form's input names. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

type Result<Value> = { ok: true; value: Value } | { ok: false; state: FormState };

const EARLIEST_DELIVERY_DAYS = 2;
const LATEST_DELIVERY_DAYS = 90;

function clean(form: URLSearchParams, name: string): string {
  return (form.get(name) ?? '').trim().replace(/[ \t]+/g, ' ');
}

function snapshot(form: URLSearchParams, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, form.get(name) ?? '']));
}

function requireText(errors: Record<string, string>, name: string, label: string, value: string, max: number): void {
  if (value === '') errors[name] = `${label} is required`;
  else if (value.length > max) errors[name] = `${label} must be at most ${max} characters`;
}

export function parseReviewForm(form: URLSearchParams): Result<ReviewInput> {
  const errors: Record<string, string> = {};
  const title = clean(form, 'title');
  const body = clean(form, 'body');
  const rating = Number(form.get('rating') ?? '');
  requireText(errors, 'title', 'Title', title, 120);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.rating = 'Choose a rating from 1 to 5 stars';
  requireText(errors, 'body', 'Review text', body, 2000);
  if (Object.keys(errors).length > 0) return { ok: false, state: { values: snapshot(form, ['title', 'rating', 'body']), errors } };
  return { ok: true, value: { title, rating, body } };
}

const ADDRESS_FIELDS = ['fullName', 'street', 'city', 'postalCode', 'country'] as const;

function parseAddressFields(form: URLSearchParams, errors: Record<string, string>): AddressInput {
  const fullName = clean(form, 'fullName');
  const street = clean(form, 'street');
  const city = clean(form, 'city');
  const postalCode = clean(form, 'postalCode');
  const country = clean(form, 'country');
  requireText(errors, 'fullName', 'Full name', fullName, 80);
  requireText(errors, 'street', 'Street', street, 120);
  requireText(errors, 'city', 'City', city, 80);
  if (postalCode === '') errors.postalCode = 'Postal code is required';
  else if (!/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(postalCode))
    errors.postalCode = 'Postal code must be 2 to 10 letters, digits, spaces or dashes';
  if (!isKeyOf(COUNTRIES, country)) errors.country = 'Choose a country';
  return { fullName, street, city, postalCode, country: country as CountryCode };
}

export function parseAddressForm(form: URLSearchParams): Result<AddressInput & { nickname: string }> {
  const errors: Record<string, string> = {};
  const address = parseAddressFields(form, errors);
  const nickname = clean(form, 'nickname');
  if (nickname.length > 80) errors.nickname = 'Nickname must be at most 80 characters';
  if (Object.keys(errors).length > 0) return { ok: false, state: { values: snapshot(form, ['nickname', ...ADDRESS_FIELDS]), errors } };
  return { ok: true, value: { ...address, nickname } };
}

export function parseCheckoutForm(store: ShopStore, form: URLSearchParams): Result<CheckoutInput> {
  const errors: Record<string, string> = {};
  const address = parseAddressFields(form, errors);
  const method = clean(form, 'shippingMethod') || 'standard';
  if (!isKeyOf(SHIPPING_METHODS, method)) errors.shippingMethod = 'Choose a shipping method';
  const card = store.data.cards.find((candidate) => String(candidate.id) === clean(form, 'cardId'));
  if (card === undefined) errors.cardId = 'Choose a payment card';
  const deliveryDate = clean(form, 'deliveryDate');
  const earliest = addDays(TODAY, EARLIEST_DELIVERY_DAYS);
  const latest = addDays(TODAY, LATEST_DELIVERY_DAYS);
  if (deliveryDate === '') errors.deliveryDate = 'Delivery date is required';
  else if (!isValidIsoDate(deliveryDate)) errors.deliveryDate = 'Delivery date must be a valid date';
  else if (daysBetween(earliest, deliveryDate) < 0 || daysBetween(deliveryDate, latest) < 0) {
    errors.deliveryDate = `Delivery date must be between ${formatDate(earliest)} and ${formatDate(latest)}`;
  }
  const deliveryNote = clean(form, 'deliveryNote');
  if (deliveryNote.length > 500) errors.deliveryNote = 'Delivery note must be at most 500 characters';
  if (store.data.cartItems.length === 0) errors.cart = 'Your cart is empty: add something before placing an order';
  for (const item of store.data.cartItems) {
    const product = store.product(item.productId)!;
    if (item.quantity > product.stock) errors[`stock-${product.id}`] = `Only ${product.stock} of \u201c${product.name}\u201d left in stock`;
  }
  if (Object.keys(errors).length > 0) {
    return {
      ok: false,
      state: { values: snapshot(form, [...ADDRESS_FIELDS, 'shippingMethod', 'cardId', 'deliveryDate', 'deliveryNote']), errors },
    };
  }
  return { ok: true, value: { ...address, shippingMethod: method as ShippingMethod, cardId: card!.id, deliveryDate, deliveryNote } };
}

export function parseReturnForm(
  returnable: readonly OrderItem[],
  form: URLSearchParams,
): Result<{ item: OrderItem; reason: ReturnReason; note: string }> {
  const errors: Record<string, string> = {};
  const item = returnable.find((candidate) => String(candidate.id) === clean(form, 'itemId'));
  if (item === undefined) errors.itemId = 'Choose an item to return';
  const reason = clean(form, 'reason');
  if (!isKeyOf(RETURN_REASONS, reason)) errors.reason = 'Choose a reason for the return';
  const note = clean(form, 'note');
  if (note.length > 1000) errors.note = 'Note must be at most 1000 characters';
  if (Object.keys(errors).length > 0) return { ok: false, state: { values: snapshot(form, ['itemId', 'reason', 'note']), errors } };
  return { ok: true, value: { item: item!, reason: reason as ReturnReason, note } };
}

/** An integer quantity in 1..max, or undefined. */
export function parseQuantity(value: string | null, max: number): number | undefined {
  const quantity = Number((value ?? '').trim());
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= max ? quantity : undefined;
}

/** A same-origin path to go back to after a row action; anything else falls back. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
