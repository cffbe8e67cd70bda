import { z } from 'zod';
import { jsonResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as cart from './routes-cart.js';
import * as orders from './routes-orders.js';
import * as pages from './routes-pages.js';
import type { ShopStore } from './store.js';
import { STYLES } from './styles.js';

export const STATE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';

const ResetBodySchema = z.object({ seed: z.number().int() });

type Handler = (store: ShopStore, request: AppRequest, id: number) => AppResponse;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

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
  const path = request.url.pathname.length > 1 ? request.url.pathname.replace(/\/+$/, '') : '/';
  const method = request.method === 'HEAD' ? 'GET' : request.method;

  if (path === STATE_PATH && method === 'GET') return jsonResponse(buildState(store));
  if (path === RESET_PATH && method === 'POST') return reset(store, request.body);
  if (path === '/assets/app.css' && method === 'GET') return { status: 200, body: STYLES, contentType: 'text/css; charset=utf-8' };
  if (path === '/assets/app.js' && method === 'GET') return { status: 200, body: CLIENT_SCRIPT, contentType: 'text/javascript; charset=utf-8' };
  if (path === '/favicon.ico') return { status: 204, body: '' };

  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return route.handler(store, request, match[1] === undefined ? 0 : Number(match[1]));
  }
  if (pathMatched) return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return pages.notFound(store);
}

function reset(store: ShopStore, body: string): AppResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === '' ? '{}' : body);
  } catch {
    return jsonResponse({ ok: false, error: 'Expected a JSON body like {"seed": 1}, got invalid JSON' }, 400);
  }
  const result = ResetBodySchema.safeParse(parsed);
  if (!result.success) return jsonResponse({ ok: false, error: `Expected {"seed": <integer>}, got ${body.slice(0, 100)}` }, 400);
  store.reset(result.data.seed);
  return jsonResponse({ ok: true });
}
