import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { canCancel, returnableItems } from './queries.js';
import { renderAddresses } from './render/addresses.js';
import { renderCheckout } from './render/checkout.js';
import { cancelledFlash, renderOrderDetail, returnFlash } from './render/order-detail.js';
import { notFound } from './routes-pages.js';
import type { ShopStore } from './store.js';
import { parseAddressForm, parseCheckoutForm, parseReturnForm } from './validation.js';

const UNPROCESSABLE = 422;

export function placeOrder(store: ShopStore, request: AppRequest): AppResponse {
  const result = parseCheckoutForm(store, request.form);
  if (!result.ok) return htmlResponse(renderCheckout(store, undefined, result.state), UNPROCESSABLE);
  const order = store.placeOrder(result.value);
  return redirect(`/orders/${order.id}`, `Order ${order.number} placed. Thank you, ${order.fullName}!`);
}

export function cancelOrder(store: ShopStore, _request: AppRequest, orderId: number): AppResponse {
  const order = store.order(orderId);
  if (order === undefined) return notFound(store, 'Order');
  if (!canCancel(order)) {
    const error = `Order ${order.number} can no longer be cancelled: it is ${order.status === 'cancelled' ? 'already cancelled' : 'on its way'}.`;
    return htmlResponse(renderOrderDetail(store, order, undefined, undefined, error), UNPROCESSABLE);
  }
  store.cancelOrder(order);
  return redirect(`/orders/${order.id}`, cancelledFlash(order));
}

export function requestReturn(store: ShopStore, request: AppRequest, orderId: number): AppResponse {
  const order = store.order(orderId);
  if (order === undefined) return notFound(store, 'Order');
  const returnable = returnableItems(store, order);
  if (returnable.length === 0) {
    return htmlResponse(
      renderOrderDetail(store, order, undefined, undefined, `Order ${order.number} has no items that can be returned.`),
      UNPROCESSABLE,
    );
  }
  const result = parseReturnForm(returnable, request.form);
  if (!result.ok) return htmlResponse(renderOrderDetail(store, order, undefined, result.state), UNPROCESSABLE);
  store.requestReturn(order, result.value.item, result.value.reason, result.value.note);
  return redirect(`/orders/${order.id}`, returnFlash(order, result.value.item.productName));
}

export function buyAgain(store: ShopStore, _request: AppRequest, orderId: number): AppResponse {
  const order = store.order(orderId);
  if (order === undefined) return notFound(store, 'Order');
  const added = store.buyAgain(order);
  if (added === 0) return redirect(`/orders/${order.id}`, `Nothing from order ${order.number} is in stock right now`);
  return redirect('/cart', `Added ${added} product${added === 1 ? '' : 's'} from order ${order.number} to your cart`);
}

export function createAddress(store: ShopStore, request: AppRequest): AppResponse {
  const result = parseAddressForm(request.form);
  if (!result.ok) return htmlResponse(renderAddresses(store, undefined, result.state), UNPROCESSABLE);
  const address = store.addAddress(result.value);
  return redirect('/addresses', `Address ${quoted(address.nickname)} added`);
}

export function deleteAddress(store: ShopStore, _request: AppRequest, addressId: number): AppResponse {
  const address = store.address(addressId);
  if (address === undefined) return redirect('/addresses', 'That address was already deleted');
  store.deleteAddress(address);
  return redirect('/addresses', `Address ${quoted(address.nickname)} deleted`);
}
