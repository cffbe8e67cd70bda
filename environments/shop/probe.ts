import { formatDate, formatDateTime } from './clock.js';
import { dollars, formatMoney } from './money.js';
import { COUNTRIES, ORDER_STATUS_LABELS, RETURN_REASONS, RETURN_STATUS_LABELS, SHIPPING_METHODS, orderTotal, type Card } from './model.js';
import { canCancel, cartSummary, ratingOf, returnableItems, stockLabel, stockStatus } from './queries.js';
import type { ShopStore } from './store.js';

type Scalar = string | number | boolean | null;
export type StateRecord = Record<string, Scalar>;

export const COLLECTIONS = [
  'customer',
  'categories',
  'products',
  'reviews',
  'cart',
  'cartItems',
  'wishlist',
  'orders',
  'orderItems',
  'returns',
  'addresses',
  'cards',
] as const;

const money = (prefix: string, cents: number): StateRecord => ({ [prefix]: dollars(cents), [`${prefix}Label`]: formatMoney(cents) });

export function cardLabel(card: Card): string {
  return `${card.brand} ending ${card.last4}`;
}

/**
 * The state probe's JSON: flat records of scalars carrying both ids and the values the pages show
 * (names, labels, formatted dates and amounts), so a checker can match on either.
 */
export function buildState(store: ShopStore): Record<(typeof COLLECTIONS)[number], StateRecord[]> {
  const { data } = store;
  const productName = (id: number): string | null => store.product(id)?.name ?? null;
  const categoryName = (id: number): string | null => data.categories.find((category) => category.id === id)?.name ?? null;
  const summary = cartSummary(store);
  return {
    customer: [{ id: 1, name: data.customer.name, email: data.customer.email, memberSince: data.customer.memberSince }],
    categories: data.categories.map((category) => ({
      id: category.id,
      slug: category.slug,
      name: category.name,
      productCount: data.products.filter((product) => product.categoryId === category.id).length,
    })),
    products: data.products.map((product) => {
      const rating = ratingOf(store, product.id);
      return {
        id: product.id,
        sku: product.sku,
        name: product.name,
        categoryId: product.categoryId,
        categoryName: categoryName(product.categoryId),
        brand: product.brand,
        ...money('price', product.price),
        compareAtPrice: product.compareAtPrice === null ? null : dollars(product.compareAtPrice),
        compareAtPriceLabel: product.compareAtPrice === null ? null : formatMoney(product.compareAtPrice),
        onSale: product.compareAtPrice !== null,
        stock: product.stock,
        stockStatus: stockStatus(product),
        stockLabel: stockLabel(product),
        rating: rating.average,
        ratingLabel: rating.count === 0 ? 'No reviews' : rating.average.toFixed(1),
        reviewCount: rating.count,
        material: product.material,
        color: product.color,
        inWishlist: store.isSaved(product.id),
        cartQuantity: store.cartItemFor(product.id)?.quantity ?? 0,
        addedOn: product.addedOn,
      };
    }),
    reviews: data.reviews.map((review) => ({
      id: review.id,
      productId: review.productId,
      productName: productName(review.productId),
      authorName: review.authorName,
      title: review.title,
      rating: review.rating,
      ratingLabel: `${review.rating} out of 5`,
      body: review.body,
      mine: review.mine,
      createdAt: review.createdAt,
      createdLabel: formatDate(review.createdAt),
    })),
    cart: [
      {
        id: 1,
        lineCount: summary.lines.length,
        itemCount: summary.itemCount,
        ...money('subtotal', summary.subtotal),
        ...money('tax', summary.tax),
        ...money('total', summary.total),
      },
    ],
    cartItems: summary.lines.map(({ item, product, lineTotal }) => ({
      id: item.id,
      productId: product.id,
      productName: product.name,
      quantity: item.quantity,
      ...money('unitPrice', product.price),
      ...money('lineTotal', lineTotal),
      addedAt: item.addedAt,
    })),
    wishlist: data.wishlist.map((entry) => {
      const product = store.product(entry.productId)!;
      return {
        id: entry.id,
        productId: product.id,
        productName: product.name,
        ...money('price', product.price),
        stockLabel: stockLabel(product),
        addedAt: entry.addedAt,
        addedLabel: formatDate(entry.addedAt),
      };
    }),
    orders: data.orders.map((order) => {
      const items = store.itemsOf(order.id);
      const card = data.cards.find((candidate) => candidate.id === order.cardId);
      return {
        id: order.id,
        number: order.number,
        status: order.status,
        statusLabel: ORDER_STATUS_LABELS[order.status],
        placedAt: order.placedAt,
        placedLabel: formatDate(order.placedAt),
        placedDateTimeLabel: formatDateTime(order.placedAt),
        itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
        lineCount: items.length,
        ...money('subtotal', order.subtotal),
        ...money('shipping', order.shipping),
        ...money('tax', order.tax),
        ...money('total', orderTotal(order)),
        shippingMethod: order.shippingMethod,
        shippingMethodLabel: SHIPPING_METHODS[order.shippingMethod].label,
        fullName: order.fullName,
        street: order.street,
        city: order.city,
        postalCode: order.postalCode,
        country: order.country,
        countryName: COUNTRIES[order.country],
        cardId: order.cardId,
        paymentLabel: card ? cardLabel(card) : null,
        deliveryDate: order.deliveryDate,
        deliveryDateLabel: formatDate(order.deliveryDate),
        deliveryNote: order.deliveryNote,
        carrier: order.carrier,
        shippedOn: order.shippedOn,
        deliveredOn: order.deliveredOn,
        cancelledAt: order.cancelledAt,
        canCancel: canCancel(order),
        canReturn: returnableItems(store, order).length > 0,
      };
    }),
    orderItems: data.orderItems.map((item) => {
      const order = store.order(item.orderId);
      const request = data.returns.find((entry) => entry.orderItemId === item.id);
      return {
        id: item.id,
        orderId: item.orderId,
        orderNumber: order?.number ?? null,
        productId: item.productId,
        productName: item.productName,
        quantity: item.quantity,
        ...money('unitPrice', item.unitPrice),
        ...money('lineTotal', item.unitPrice * item.quantity),
        returnStatus: request?.status ?? null,
        returnStatusLabel: request ? RETURN_STATUS_LABELS[request.status] : null,
      };
    }),
    returns: data.returns.map((entry) => {
      const order = store.order(entry.orderId);
      const item = data.orderItems.find((candidate) => candidate.id === entry.orderItemId);
      return {
        id: entry.id,
        number: entry.number,
        orderId: entry.orderId,
        orderNumber: order?.number ?? null,
        orderItemId: entry.orderItemId,
        productId: item?.productId ?? null,
        productName: item?.productName ?? null,
        reason: entry.reason,
        reasonLabel: RETURN_REASONS[entry.reason],
        note: entry.note,
        status: entry.status,
        statusLabel: RETURN_STATUS_LABELS[entry.status],
        ...money('refundAmount', entry.refundAmount),
        requestedAt: entry.requestedAt,
        requestedLabel: formatDate(entry.requestedAt),
      };
    }),
    addresses: data.addresses.map((address) => ({
      id: address.id,
      nickname: address.nickname,
      fullName: address.fullName,
      street: address.street,
      city: address.city,
      postalCode: address.postalCode,
      country: address.country,
      countryName: COUNTRIES[address.country],
      createdAt: address.createdAt,
    })),
    cards: data.cards.map((card) => ({
      id: card.id,
      label: cardLabel(card),
      brand: card.brand,
      last4: card.last4,
      expiry: card.expiry,
      holder: card.holder,
    })),
  };
}
