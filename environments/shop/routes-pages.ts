import { htmlResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { parseCatalogQuery } from './catalog-query.js';
import { renderAddresses } from './render/addresses.js';
import { renderCart } from './render/cart.js';
import { renderCatalog } from './render/catalog.js';
import { renderCheckout } from './render/checkout.js';
import { renderHome, renderNotFound } from './render/home.js';
import { renderOrderDetail } from './render/order-detail.js';
import { parseOrderQuery, renderOrders } from './render/orders.js';
import { renderProduct } from './render/product.js';
import { renderReturns } from './render/returns.js';
import { renderWishlist } from './render/wishlist.js';
import type { ShopStore } from './store.js';

export function notFound(store: ShopStore, what = 'Page'): AppResponse {
  return htmlResponse(renderNotFound(store, what), 404);
}

export function homePage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderHome(store, request.flash));
}

export function productsPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderCatalog(store, '/products', parseCatalogQuery(request.url.searchParams), request.flash));
}

export function searchPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderCatalog(store, '/search', parseCatalogQuery(request.url.searchParams), request.flash));
}

export function productPage(store: ShopStore, request: AppRequest, productId: number): AppResponse {
  const product = store.product(productId);
  if (product === undefined) return notFound(store, 'Product');
  return htmlResponse(renderProduct(store, product, { flash: request.flash }));
}

export function cartPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderCart(store, request.flash));
}

export function checkoutPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderCheckout(store, request.flash));
}

export function ordersPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderOrders(store, parseOrderQuery(request.url.searchParams), request.flash));
}

export function orderPage(store: ShopStore, request: AppRequest, orderId: number): AppResponse {
  const order = store.order(orderId);
  if (order === undefined) return notFound(store, 'Order');
  return htmlResponse(renderOrderDetail(store, order, request.flash));
}

export function wishlistPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderWishlist(store, request.flash));
}

export function returnsPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderReturns(store, request.flash));
}

export function addressesPage(store: ShopStore, request: AppRequest): AppResponse {
  return htmlResponse(renderAddresses(store, request.flash));
}
