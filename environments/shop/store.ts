import { timestampAt } from './clock.js';
import { generateData } from './data.js';
import { FREE_SHIPPING_CENTS, taxOn } from './money.js';
import {
  MAX_LINE_QUANTITY,
  SHIPPING_METHODS,
  type Address,
  type CartItem,
  type CountryCode,
  type Order,
  type OrderItem,
  type Product,
  type ReturnReason,
  type ReturnRequest,
  type Review,
  type ShippingMethod,
  type ShopData,
} from './model.js';

export interface AddressInput {
  fullName: string;
  street: string;
  city: string;
  postalCode: string;
  country: CountryCode;
}

export interface CheckoutInput extends AddressInput {
  shippingMethod: ShippingMethod;
  cardId: number;
  deliveryDate: string;
  deliveryNote: string;
}

export interface ReviewInput {
  title: string;
  rating: number;
  body: string;
}

/** One episode's in-memory shop. Every mutation stamps records from the fixed app clock. */
export class ShopStore {
  data: ShopData;
  /** Minutes past NOW_BASE; advances by one per mutation so new records sort after seeded ones. */
  private tick = 0;
  /** Highest id ever removed per collection, so ids are never reused within an episode. */
  private retired = { cart: 0, wishlist: 0, address: 0 };

  constructor(seed: number) {
    this.data = generateData(seed);
  }

  reset(seed: number): void {
    this.data = generateData(seed);
    this.tick = 0;
    this.retired = { cart: 0, wishlist: 0, address: 0 };
  }

  /** The app's current instant (the last mutation's stamp). */
  now(): string {
    return timestampAt(this.tick);
  }

  product(id: number): Product | undefined {
    return this.data.products.find((product) => product.id === id);
  }
  order(id: number): Order | undefined {
    return this.data.orders.find((order) => order.id === id);
  }
  cartItem(id: number): CartItem | undefined {
    return this.data.cartItems.find((item) => item.id === id);
  }
  cartItemFor(productId: number): CartItem | undefined {
    return this.data.cartItems.find((item) => item.productId === productId);
  }
  address(id: number): Address | undefined {
    return this.data.addresses.find((address) => address.id === id);
  }
  isSaved(productId: number): boolean {
    return this.data.wishlist.some((entry) => entry.productId === productId);
  }
  itemsOf(orderId: number): OrderItem[] {
    return this.data.orderItems.filter((item) => item.orderId === orderId);
  }
  reviewsOf(productId: number): Review[] {
    return this.data.reviews.filter((review) => review.productId === productId);
  }

  /** Adds `quantity` to the cart line (creating it), capped at stock and the per-line limit. */
  addToCart(product: Product, quantity: number): CartItem {
    const at = this.advance();
    const limit = Math.min(MAX_LINE_QUANTITY, product.stock);
    const existing = this.cartItemFor(product.id);
    if (existing) {
      existing.quantity = Math.min(limit, existing.quantity + quantity);
      return existing;
    }
    const item: CartItem = {
      id: nextId(this.data.cartItems, this.retired.cart),
      productId: product.id,
      quantity: Math.min(limit, quantity),
      addedAt: at,
    };
    this.data.cartItems.push(item);
    return item;
  }

  /** Sets the product's cart quantity, creating the line when needed. */
  setCartQuantity(product: Product, quantity: number): CartItem {
    const existing = this.cartItemFor(product.id);
    if (!existing) return this.addToCart(product, quantity);
    this.advance();
    existing.quantity = quantity;
    return existing;
  }

  removeCartItem(item: CartItem): void {
    this.advance();
    this.retired.cart = Math.max(this.retired.cart, item.id);
    this.data.cartItems = this.data.cartItems.filter((candidate) => candidate.id !== item.id);
  }

  setSaved(product: Product, saved: boolean): void {
    const entry = this.data.wishlist.find((candidate) => candidate.productId === product.id);
    if (saved === (entry !== undefined)) return;
    const at = this.advance();
    if (saved) {
      this.data.wishlist.push({ id: nextId(this.data.wishlist, this.retired.wishlist), productId: product.id, addedAt: at });
    } else {
      this.retired.wishlist = Math.max(this.retired.wishlist, entry!.id);
      this.data.wishlist = this.data.wishlist.filter((candidate) => candidate !== entry);
    }
  }

  addReview(product: Product, input: ReviewInput): Review {
    const at = this.advance();
    const review: Review = {
      id: nextId(this.data.reviews),
      productId: product.id,
      authorName: this.data.customer.name,
      ...input,
      createdAt: at,
      mine: true,
    };
    this.data.reviews.push(review);
    return review;
  }

  /** Turns the cart into an order: stock goes down, the cart empties, a new address is remembered. */
  placeOrder(input: CheckoutInput): Order {
    const at = this.advance();
    const id = nextId(this.data.orders);
    const lines = this.data.cartItems.map((item) => ({ item, product: this.product(item.productId)! }));
    for (const { item, product } of lines) {
      this.data.orderItems.push({
        id: nextId(this.data.orderItems),
        orderId: id,
        productId: product.id,
        productName: product.name,
        unitPrice: product.price,
        quantity: item.quantity,
      });
      product.stock -= item.quantity;
    }
    const subtotal = lines.reduce((sum, { item, product }) => sum + product.price * item.quantity, 0);
    const highest = this.data.orders.reduce((max, order) => Math.max(max, Number(order.number.slice(3))), 20000);
    const order: Order = {
      id,
      number: `FW-${highest + 1}`,
      placedAt: at,
      status: 'processing',
      shippingMethod: input.shippingMethod,
      subtotal,
      shipping: input.shippingMethod === 'standard' && subtotal >= FREE_SHIPPING_CENTS ? 0 : SHIPPING_METHODS[input.shippingMethod].cents,
      tax: taxOn(subtotal),
      fullName: input.fullName,
      street: input.street,
      city: input.city,
      postalCode: input.postalCode,
      country: input.country,
      cardId: input.cardId,
      deliveryDate: input.deliveryDate,
      deliveryNote: input.deliveryNote,
      shippedOn: null,
      deliveredOn: null,
      cancelledAt: null,
      carrier: input.shippingMethod === 'express' ? 'FedEx' : 'UPS',
    };
    this.data.orders.push(order);
    this.retired.cart = this.data.cartItems.reduce((max, item) => Math.max(max, item.id), this.retired.cart);
    this.data.cartItems = [];
    const known = this.data.addresses.some(
      (address) =>
        address.street.toLowerCase() === input.street.toLowerCase() && address.postalCode.toLowerCase() === input.postalCode.toLowerCase(),
    );
    if (!known) this.addAddress({ ...input }, at);
    return order;
  }

  cancelOrder(order: Order): void {
    const at = this.advance();
    order.status = 'cancelled';
    order.cancelledAt = at;
    for (const item of this.itemsOf(order.id)) {
      const product = this.product(item.productId);
      if (product) product.stock += item.quantity;
    }
  }

  requestReturn(order: Order, item: OrderItem, reason: ReturnReason, note: string): ReturnRequest {
    const at = this.advance();
    const highest = this.data.returns.reduce((max, entry) => Math.max(max, Number(entry.number.slice(3))), 4000);
    const request: ReturnRequest = {
      id: nextId(this.data.returns),
      number: `RT-${highest + 1}`,
      orderId: order.id,
      orderItemId: item.id,
      reason,
      note,
      status: 'requested',
      requestedAt: at,
      refundAmount: item.unitPrice * item.quantity,
    };
    this.data.returns.push(request);
    order.status = 'return_requested';
    return request;
  }

  addAddress(input: AddressInput & { nickname?: string }, stamp?: string): Address {
    const at = stamp ?? this.advance();
    const address: Address = {
      id: nextId(this.data.addresses, this.retired.address),
      nickname: input.nickname || `${input.street}, ${input.city}`,
      fullName: input.fullName,
      street: input.street,
      city: input.city,
      postalCode: input.postalCode,
      country: input.country,
      createdAt: at,
    };
    this.data.addresses.push(address);
    return address;
  }

  deleteAddress(address: Address): void {
    this.advance();
    this.retired.address = Math.max(this.retired.address, address.id);
    this.data.addresses = this.data.addresses.filter((candidate) => candidate.id !== address.id);
  }

  /** Puts every in-stock line of a past order back in the cart; returns how many lines were added. */
  buyAgain(order: Order): number {
    let added = 0;
    for (const item of this.itemsOf(order.id)) {
      const product = this.product(item.productId);
      if (!product || product.stock === 0) continue;
      this.addToCart(product, item.quantity);
      added += 1;
    }
    return added;
  }

  private advance(): string {
    this.tick += 1;
    return timestampAt(this.tick);
  }
}

function nextId(records: ReadonlyArray<{ id: number }>, floor = 0): number {
  return records.reduce((max, record) => Math.max(max, record.id), floor) + 1;
}
