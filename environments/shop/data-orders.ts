import { TODAY, addDays, timestampOn } from './clock.js';
import type { Random } from '../kit/random.js';
import { taxOn, FREE_SHIPPING_CENTS } from './money.js';
import {
  RETURN_REASONS,
  SHIPPING_METHODS,
  type Address,
  type Card,
  type CartItem,
  type Customer,
  type Order,
  type OrderItem,
  type OrderStatus,
  type Product,
  type ReturnReason,
  type ReturnRequest,
  type ShippingMethod,
  type WishlistItem,
} from './model.js';
import { CARD_BRANDS, CARRIERS, DELIVERY_NOTES, FIRST_NAMES, LAST_NAMES, PLACES } from './vocabulary-people.js';

export interface Account {
  customer: Customer;
  addresses: Address[];
  cards: Card[];
}

export interface Commerce {
  cartItems: CartItem[];
  wishlist: WishlistItem[];
  orders: Order[];
  orderItems: OrderItem[];
  returns: ReturnRequest[];
}

const RETURN_NOTES = ['The stitching came loose after one wash.', 'Ordered the wrong size by mistake.', 'The box was crushed on arrival.'];

export function generateAccount(random: Random): Account {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const name = `${first} ${last}`;
  const customer: Customer = {
    name,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
    memberSince: addDays(TODAY, -random.int(200, 1400)),
  };
  const place = random.pick(PLACES);
  const streets = random.shuffle(place.streets);
  const cities = random.shuffle(place.cities);
  const addresses: Address[] = ['Home', 'Work'].map((nickname, index) => ({
    id: index + 1,
    nickname,
    fullName: name,
    street: `${random.int(12, 980)} ${streets[index]!}`,
    city: cities[index]![0],
    postalCode: cities[index]![1],
    country: place.country,
    createdAt: timestampOn(addDays(customer.memberSince, index * random.int(20, 90)), random.int(8 * 60, 20 * 60)),
  }));
  const brands = [CARD_BRANDS[0], ...random.shuffle(CARD_BRANDS.slice(1))].slice(0, random.int(2, 3));
  const cards: Card[] = brands.map((brand, index) => ({
    id: index + 1,
    brand,
    last4: index === 0 ? '4242' : String(random.int(1000, 9999)),
    expiry: `${String(random.int(1, 12)).padStart(2, '0')}/${random.int(27, 31)}`,
    holder: name,
  }));
  return { customer, addresses, cards };
}

/** Days ago an order in `status` was placed. */
function placedDaysAgo(random: Random, status: OrderStatus): number {
  switch (status) {
    case 'processing':
      return random.int(0, 1);
    case 'shipped':
      return random.int(2, 5);
    case 'delivered':
      return random.int(8, 80);
    case 'return_requested':
      return random.int(12, 35);
    case 'returned':
      return random.int(70, 150);
    case 'cancelled':
      return random.int(10, 90);
  }
}

export function generateCommerce(random: Random, products: Product[], account: Account): Commerce {
  const statuses: OrderStatus[] = [
    ...Array.from({ length: random.int(1, 2) }, () => 'processing' as const),
    ...Array.from({ length: random.int(1, 2) }, () => 'shipped' as const),
    ...Array.from({ length: random.int(4, 5) }, () => 'delivered' as const),
    'return_requested',
    'returned',
    'cancelled',
  ];
  const drafts = statuses.map((status, index) => {
    // The first delivered order is always recent enough to return.
    const daysAgo = status === 'delivered' && statuses.indexOf('delivered') === index ? random.int(8, 30) : placedDaysAgo(random, status);
    const minute = daysAgo === 0 ? random.int(6 * 60, 9 * 60) : random.int(7 * 60, 22 * 60);
    return { status, placedOn: addDays(TODAY, -daysAgo), placedAt: timestampOn(addDays(TODAY, -daysAgo), minute) };
  });
  drafts.sort((a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0));

  const orders: Order[] = [];
  const orderItems: OrderItem[] = [];
  const returns: ReturnRequest[] = [];
  let number = random.int(20100, 28900);
  drafts.forEach((draft, index) => {
    number += random.int(40, 900);
    const id = index + 1;
    const lines = random.shuffle(products).slice(
      0,
      draft.status === 'returned'
        ? 1
        : random.weighted([
            [1, 4],
            [2, 4],
            [3, 2],
            [4, 1],
          ] as const),
    );
    for (const product of lines) {
      orderItems.push({
        id: orderItems.length + 1,
        orderId: id,
        productId: product.id,
        productName: product.name,
        unitPrice: product.price,
        quantity: random.weighted([
          [1, 7],
          [2, 2],
          [3, 1],
        ] as const),
      });
    }
    const subtotal = orderItems.filter((item) => item.orderId === id).reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
    const method: ShippingMethod = random.chance(0.25) ? 'express' : 'standard';
    const shipping = method === 'standard' && subtotal >= FREE_SHIPPING_CENTS ? 0 : SHIPPING_METHODS[method].cents;
    const address = random.weighted([
      [account.addresses[0]!, 3],
      [account.addresses[1]!, 1],
    ] as const);
    const { status, placedOn, placedAt } = draft;
    const shippedOn = status === 'processing' || status === 'cancelled' ? null : addDays(placedOn, 1);
    const arrived = status === 'delivered' || status === 'return_requested' || status === 'returned';
    const deliveryDate =
      status === 'processing'
        ? addDays(TODAY, random.int(3, 8))
        : status === 'shipped'
          ? addDays(TODAY, random.int(1, 3))
          : addDays(placedOn, random.int(3, 6));
    orders.push({
      id,
      number: `FW-${number}`,
      placedAt,
      status,
      shippingMethod: method,
      subtotal,
      shipping,
      tax: taxOn(subtotal),
      fullName: address.fullName,
      street: address.street,
      city: address.city,
      postalCode: address.postalCode,
      country: address.country,
      cardId: random.pick(account.cards).id,
      deliveryDate,
      deliveryNote: random.pick(DELIVERY_NOTES),
      shippedOn,
      deliveredOn: arrived ? deliveryDate : null,
      cancelledAt: status === 'cancelled' ? timestampOn(placedOn, Math.min(23 * 60 + 30, Number(placedAt.slice(11, 13)) * 60 + 45)) : null,
      carrier: random.pick(CARRIERS),
    });
    if (status === 'return_requested' || status === 'returned') {
      const item = orderItems.filter((candidate) => candidate.orderId === id)[0]!;
      const requestedOn = status === 'returned' ? addDays(deliveryDate, random.int(3, 10)) : addDays(TODAY, -random.int(1, 5));
      returns.push({
        id: returns.length + 1,
        number: `RT-${random.int(4100, 4899) + returns.length * 1000}`,
        orderId: id,
        orderItemId: item.id,
        reason: random.pick(Object.keys(RETURN_REASONS) as ReturnReason[]),
        note: random.pick(RETURN_NOTES),
        status: status === 'returned' ? 'refunded' : 'requested',
        requestedAt: timestampOn(requestedOn, random.int(8 * 60, 20 * 60)),
        refundAmount: item.unitPrice * item.quantity,
      });
    }
  });

  const stocked = random.shuffle(products.filter((product) => product.stock >= 3));
  const cartItems: CartItem[] = stocked.slice(0, random.int(2, 3)).map((product, index) => ({
    id: index + 1,
    productId: product.id,
    quantity: random.weighted([
      [1, 3],
      [2, 1],
    ] as const),
    addedAt: timestampOn(addDays(TODAY, -random.int(1, 6)), random.int(8 * 60, 22 * 60)),
  }));
  const inCart = new Set(cartItems.map((item) => item.productId));
  const wishlist: WishlistItem[] = random
    .shuffle(products.filter((product) => !inCart.has(product.id)))
    .slice(0, random.int(4, 6))
    .map((product) => ({ productId: product.id, addedAt: timestampOn(addDays(TODAY, -random.int(2, 90)), random.int(8 * 60, 22 * 60)) }))
    .sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1))
    .map((entry, index) => ({ id: index + 1, ...entry }));
  cartItems.sort((a, b) => (a.addedAt < b.addedAt ? -1 : 1)).forEach((item, index) => (item.id = index + 1));
  return { cartItems, wishlist, orders, orderItems, returns };
}
