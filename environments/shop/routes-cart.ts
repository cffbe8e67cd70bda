import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { MAX_LINE_QUANTITY } from './model.js';
import { renderProduct, quantityFlash } from './render/product.js';
import { notFound } from './routes-pages.js';
import type { ShopStore } from './store.js';
import { parseQuantity, parseReviewForm, safeReturnPath } from './validation.js';

const UNPROCESSABLE = 422;

/** The product page's "Add to cart" form sets the line's quantity (mode=set); quick-add buttons add one (mode=add). */
export function addToCart(store: ShopStore, request: AppRequest, productId: number): AppResponse {
  const product = store.product(productId);
  if (product === undefined) return notFound(store, 'Product');
  const mode = request.form.get('mode') === 'add' ? 'add' : 'set';
  const back = safeReturnPath(request.form.get('return'), `/products/${product.id}`);
  const existing = store.cartItemFor(product.id);
  const limit = Math.max(Math.min(MAX_LINE_QUANTITY, product.stock), mode === 'set' ? (existing?.quantity ?? 0) : 0);
  const quantity = parseQuantity(request.form.get('quantity'), Math.max(limit, 1));
  if (product.stock === 0 || quantity === undefined) {
    const error = product.stock === 0 ? `${quoted(product.name)} is sold out` : `Choose a quantity from 1 to ${limit}`;
    return htmlResponse(renderProduct(store, product, { flash: undefined, cartError: error }), UNPROCESSABLE);
  }
  const item = mode === 'set' ? store.setCartQuantity(product, quantity) : store.addToCart(product, quantity);
  return redirect(back, quantityFlash(product, mode === 'set' ? item.quantity : quantity, mode, existing !== undefined));
}

export function updateQuantity(store: ShopStore, request: AppRequest, itemId: number): AppResponse {
  const item = store.cartItem(itemId);
  if (item === undefined) return redirect('/cart', 'That item is no longer in your cart');
  const product = store.product(item.productId)!;
  const quantity = parseQuantity(request.form.get('quantity'), Math.max(Math.min(MAX_LINE_QUANTITY, product.stock), item.quantity));
  if (quantity === undefined) return redirect('/cart', `Choose a quantity available for ${quoted(product.name)}`);
  store.setCartQuantity(product, quantity);
  return redirect('/cart', `Quantity of ${quoted(product.name)} set to ${quantity}`);
}

export function removeItem(store: ShopStore, request: AppRequest, itemId: number): AppResponse {
  const item = store.cartItem(itemId);
  const back = safeReturnPath(request.form.get('return'), '/cart');
  if (item === undefined) return redirect(back, 'That item was already removed');
  const product = store.product(item.productId)!;
  store.removeCartItem(item);
  return redirect(back, `Removed ${quoted(product.name)} from your cart`);
}

/** The heart checkbox (checked saves) and the wishlist's Remove button (no `saved` field). */
export function toggleWishlist(store: ShopStore, request: AppRequest, productId: number): AppResponse {
  const product = store.product(productId);
  if (product === undefined) return notFound(store, 'Product');
  const saved = request.form.get('saved') === 'on';
  store.setSaved(product, saved);
  const back = safeReturnPath(request.form.get('return'), `/products/${product.id}`);
  return redirect(back, saved ? `Saved ${quoted(product.name)} to your wishlist` : `Removed ${quoted(product.name)} from your wishlist`);
}

export function addReview(store: ShopStore, request: AppRequest, productId: number): AppResponse {
  const product = store.product(productId);
  if (product === undefined) return notFound(store, 'Product');
  const result = parseReviewForm(request.form);
  if (!result.ok) return htmlResponse(renderProduct(store, product, { flash: undefined, review: result.state }), UNPROCESSABLE);
  const review = store.addReview(product, result.value);
  return redirect(`/products/${product.id}`, `Review ${quoted(review.title)} posted`);
}
