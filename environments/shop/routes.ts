import { type AppRequest, type AppResponse } from '../kit/http-types.js';
import { routeRequest, type AppRoute } from '../kit/app-router.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as cart from './routes-cart.js';
import * as orders from './routes-orders.js';
import * as pages from './routes-pages.js';
import type { ShopStore } from './store.js';
import { STYLES } from './styles.js';

type Route = AppRoute<ShopStore, number>;

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/$/, handler: pages.homePage },
  { method: 'GET', pattern: /^\/products$/, handler: pages.productsPage },
  { method: 'GET', pattern: /^\/search$/, handler: pages.searchPage },
  { method: 'GET', pattern: /^\/products\/(\d+)$/, handler: pages.productPage },
  { method: 'POST', pattern: /^\/products\/(\d+)\/cart$/, handler: cart.addToCart },
  { method: 'POST', pattern: /^\/products\/(\d+)\/wishlist$/, handler: cart.toggleWishlist },
  { method: 'POST', pattern: /^\/products\/(\d+)\/reviews$/, handler: cart.addReview },
  { method: 'GET', pattern: /^\/cart$/, handler: pages.cartPage },
  { method: 'POST', pattern: /^\/cart\/items\/(\d+)\/quantity$/, handler: cart.updateQuantity },
  { method: 'POST', pattern: /^\/cart\/items\/(\d+)\/remove$/, handler: cart.removeItem },
  { method: 'GET', pattern: /^\/checkout$/, handler: pages.checkoutPage },
  { method: 'POST', pattern: /^\/checkout$/, handler: orders.placeOrder },
  { method: 'GET', pattern: /^\/orders$/, handler: pages.ordersPage },
  { method: 'GET', pattern: /^\/orders\/(\d+)$/, handler: pages.orderPage },
  { method: 'POST', pattern: /^\/orders\/(\d+)\/cancel$/, handler: orders.cancelOrder },
  { method: 'POST', pattern: /^\/orders\/(\d+)\/returns$/, handler: orders.requestReturn },
  { method: 'POST', pattern: /^\/orders\/(\d+)\/buy-again$/, handler: orders.buyAgain },
  { method: 'GET', pattern: /^\/wishlist$/, handler: pages.wishlistPage },
  { method: 'GET', pattern: /^\/returns$/, handler: pages.returnsPage },
  { method: 'GET', pattern: /^\/addresses$/, handler: pages.addressesPage },
  { method: 'POST', pattern: /^\/addresses$/, handler: orders.createAddress },
  { method: 'POST', pattern: /^\/addresses\/(\d+)\/delete$/, handler: orders.deleteAddress },
];

export function handle(store: ShopStore, request: AppRequest): AppResponse {
  return routeRequest(store, request, ROUTES, {
    state: buildState,
    reset: (current, seed) => current.reset(seed),
    styles: STYLES,
    script: CLIENT_SCRIPT,
    notFound: pages.notFound,
    param: (match) => (match[1] === undefined ? 0 : Number(match[1])),
  });
}
