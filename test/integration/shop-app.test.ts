import { describe, expect, it } from 'vitest';
import { shop } from '../../environments/shop/index.js';
import { EnvironmentManifestSchema } from '../../src/core/environment.js';
import { appHarness, postForm, flashOf, byId, launchChromium, waitForStatus, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;
const COLLECTIONS = [
  'addresses',
  'cards',
  'cart',
  'cartItems',
  'categories',
  'customer',
  'orderItems',
  'orders',
  'products',
  'returns',
  'reviews',
  'wishlist',
];

type State = Record<string, StateRecord[]>;

const { withApp, readState, readStateText } = appHarness<State>(shop);

const CHECKOUT = {
  fullName: 'Orion Berlin',
  street: '12 Quarry Lane',
  city: 'Halifax',
  postalCode: 'QWZ',
  country: 'CA',
  shippingMethod: 'express',
  cardId: '1',
  deliveryDate: '2026-07-03',
  deliveryNote: 'Leave it by the blue door.',
};

describe('shop app', () => {
  it('has its manifest (the contract: app-conformance.test.ts)', () => {
    const manifest = EnvironmentManifestSchema.parse(shop.manifest);
    expect(manifest).toMatchObject({
      id: 'shop',
      domain: 'e-commerce',
      startPath: '/',
      viewport: { width: 1280, height: 800 },
      allowedOrigins: [],
      hasStateProbe: true,
    });
  });

  it('exposes its collections through the state probe', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      expect(Object.keys(state).sort()).toEqual(COLLECTIONS);
      expect(state.products!.length).toBe(60);
      expect(state.categories!.length).toBe(6);
      expect(state.orders!.length).toBeGreaterThanOrEqual(8);
      expect(state.reviews!.length).toBeGreaterThanOrEqual(100);
      expect(state.cartItems!.length).toBeGreaterThanOrEqual(2);
      expect(state.wishlist!.length).toBeGreaterThanOrEqual(4);
      expect(state.returns!.length).toBeGreaterThanOrEqual(1);
      const product = state.products![0]!;
      for (const field of [
        'name',
        'categoryName',
        'price',
        'priceLabel',
        'stock',
        'stockLabel',
        'rating',
        'reviewCount',
        'inWishlist',
        'cartQuantity',
      ])
        expect(product).toHaveProperty(field);
      expect(String(product.priceLabel)).toMatch(/^\$\d+\.\d\d$/);
      const names = state.products!.map((record) => record.name);
      expect(new Set(names).size).toBe(names.length);
      const order = state.orders![0]!;
      for (const field of [
        'number',
        'status',
        'statusLabel',
        'placedLabel',
        'total',
        'totalLabel',
        'fullName',
        'paymentLabel',
        'deliveryDate',
        'canCancel',
      ])
        expect(order).toHaveProperty(field);
      expect(state.orders!.some((record) => record.status === 'processing' && record.canCancel === true)).toBe(true);
      expect(state.orders!.some((record) => record.canReturn === true)).toBe(true);
      expect(state.cards!.map((card) => card.label)).toContain('Visa ending 4242');
      expect(state.cart![0]).toMatchObject({ id: 1, lineCount: state.cartItems!.length });
    });
  });

  it('changes the cart and wishlist through their routes', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const inCart = new Set(before.cartItems!.map((item) => item.productId));
      const product = before.products!.find(
        (record) => Number(record.stock) >= 5 && !inCart.has(record.id) && record.inWishlist === false,
      )!;

      const added = await postForm(app, `/products/${String(product.id)}/cart`, { mode: 'set', quantity: '3' });
      expect(added.status).toBe(303);
      expect(added.headers.get('location')).toBe(`/products/${String(product.id)}`);
      expect(flashOf(added)).toContain(`Added 3 × “${String(product.name)}” to your cart`);
      let state = await readState(app);
      const line = state.cartItems!.find((item) => item.productId === product.id)!;
      expect(line).toMatchObject({ quantity: 3, productName: product.name });
      expect(byId(state.products!, product.id)).toMatchObject({ cartQuantity: 3 });

      expect(
        (await postForm(app, `/products/${String(product.id)}/cart`, { mode: 'add', quantity: '1', return: '/products' })).headers.get(
          'location',
        ),
      ).toBe('/products');
      expect((await postForm(app, `/cart/items/${String(line.id)}/quantity`, { quantity: '2' })).status).toBe(303);
      state = await readState(app);
      expect(state.cartItems!.find((item) => item.id === line.id)).toMatchObject({ quantity: 2 });

      const invalid = await postForm(app, `/products/${String(product.id)}/cart`, { mode: 'set', quantity: '99' });
      expect(invalid.status).toBe(422);
      expect(await invalid.text()).toContain('role="alert"');

      expect((await postForm(app, `/cart/items/${String(line.id)}/remove`, { return: '/cart' })).status).toBe(303);
      state = await readState(app);
      expect(state.cartItems!.some((item) => item.id === line.id)).toBe(false);

      expect(
        (await postForm(app, `/products/${String(product.id)}/wishlist`, { toggle: '1', saved: 'on', return: '/products' })).status,
      ).toBe(303);
      expect(byId((await readState(app)).products!, product.id)).toMatchObject({ inWishlist: true });
      const removed = await postForm(app, `/products/${String(product.id)}/wishlist`, { toggle: '1', return: '/wishlist' });
      expect(flashOf(removed)).toContain(`Removed “${String(product.name)}” from your wishlist`);
      expect((await readState(app)).wishlist!.some((entry) => entry.productId === product.id)).toBe(false);
    });
  });

  it('posts reviews, places, cancels and returns orders, manages addresses, and reset restores the seed', async () => {
    await withApp(SEED, async (app) => {
      const seeded = await readStateText(app);
      const before = JSON.parse(seeded) as State;

      const review = await postForm(app, '/products/5/reviews', {
        title: 'Sturdy enough for daily use',
        rating: '4',
        body: 'Held up well through a month of camping.',
      });
      expect(review.status).toBe(303);
      let state = await readState(app);
      expect(state.reviews).toContainEqual(
        expect.objectContaining({ productId: 5, title: 'Sturdy enough for daily use', rating: 4, mine: true }),
      );
      const badReview = await postForm(app, '/products/5/reviews', { title: ' ', rating: '9', body: '' });
      expect(badReview.status).toBe(422);
      const badReviewHtml = await badReview.text();
      expect(badReviewHtml).toContain('role="alert"');
      expect(badReviewHtml).toContain('Title is required');

      const badCheckout = await postForm(app, '/checkout', { ...CHECKOUT, deliveryDate: '2026-06-15', country: '' });
      expect(badCheckout.status).toBe(422);
      expect(await badCheckout.text()).toContain('Delivery date must be between');

      const cartLines = state.cartItems!;
      const placed = await postForm(app, '/checkout', CHECKOUT);
      expect(placed.status).toBe(303);
      state = await readState(app);
      const order = state.orders!.find((record) => record.fullName === 'Orion Berlin')!;
      expect(order).toMatchObject({
        status: 'processing',
        statusLabel: 'Processing',
        street: '12 Quarry Lane',
        city: 'Halifax',
        postalCode: 'QWZ',
        country: 'CA',
        countryName: 'Canada',
        shippingMethod: 'express',
        paymentLabel: 'Visa ending 4242',
        deliveryDate: '2026-07-03',
        deliveryNote: 'Leave it by the blue door.',
        canCancel: true,
      });
      expect(placed.headers.get('location')).toBe(`/orders/${String(order.id)}`);
      expect(flashOf(placed)).toContain(`Order ${String(order.number)} placed`);
      expect(state.cartItems).toEqual([]);
      expect(state.orderItems!.filter((item) => item.orderId === order.id).length).toBe(cartLines.length);
      expect(state.addresses).toContainEqual(expect.objectContaining({ fullName: 'Orion Berlin', street: '12 Quarry Lane' }));
      const firstLine = cartLines[0]!;
      expect(byId(state.products!, firstLine.productId)!.stock).toBe(
        Number(byId(before.products!, firstLine.productId)!.stock) - Number(firstLine.quantity),
      );

      expect((await postForm(app, `/orders/${String(order.id)}/cancel`, {})).status).toBe(303);
      state = await readState(app);
      expect(byId(state.orders!, order.id)).toMatchObject({ status: 'cancelled', canCancel: false });
      expect(byId(state.products!, firstLine.productId)!.stock).toBe(byId(before.products!, firstLine.productId)!.stock);
      expect((await postForm(app, `/orders/${String(order.id)}/cancel`, {})).status).toBe(422);

      const returnable = before.orders!.find((record) => record.canReturn === true)!;
      const item = state.orderItems!.find((record) => record.orderId === returnable.id && record.returnStatus === null)!;
      const requested = await postForm(app, `/orders/${String(returnable.id)}/returns`, {
        itemId: String(item.id),
        reason: 'damaged',
        note: 'The lid cracked in transit.',
      });
      expect(requested.status).toBe(303);
      state = await readState(app);
      expect(state.returns).toContainEqual(
        expect.objectContaining({
          orderId: returnable.id,
          orderItemId: item.id,
          reason: 'damaged',
          reasonLabel: 'Arrived damaged or defective',
          note: 'The lid cracked in transit.',
          status: 'requested',
        }),
      );
      expect(byId(state.orders!, returnable.id)).toMatchObject({ status: 'return_requested' });
      expect((await postForm(app, `/orders/${String(returnable.id)}/returns`, { itemId: String(item.id), reason: 'nope' })).status).toBe(
        422,
      );

      expect((await postForm(app, `/orders/${String(returnable.id)}/buy-again`, {})).headers.get('location')).toBe('/cart');
      expect((await readState(app)).cartItems!.length).toBeGreaterThan(0);

      const address = await postForm(app, '/addresses', {
        nickname: 'Cabin',
        fullName: 'Mara Lindqvist',
        street: '4 Fjord Road',
        city: 'Bergen',
        postalCode: '5003',
        country: 'NL',
      });
      expect(address.status).toBe(303);
      state = await readState(app);
      const cabin = state.addresses!.find((record) => record.nickname === 'Cabin')!;
      expect(cabin).toMatchObject({ fullName: 'Mara Lindqvist', countryName: 'Netherlands' });
      expect((await postForm(app, '/addresses', { fullName: '', street: '', city: '', postalCode: '!', country: 'XX' })).status).toBe(422);
      expect((await postForm(app, `/addresses/${String(cabin.id)}/delete`, {})).status).toBe(303);
      expect((await readState(app)).addresses!.some((record) => record.id === cabin.id)).toBe(false);

      const reset = await postReset(app, SEED);
      expect(reset.status).toBe(200);
      expect(await reset.json()).toEqual({ ok: true });
      expect(await readStateText(app)).toBe(seeded);
    });
  });

  it('serves every page as HTML', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      const processing = state.orders!.find((record) => record.status === 'processing')!;
      const paths = [
        '/',
        '/products',
        '/products?category=tech',
        '/products?view=list&sort=price_desc',
        '/products?page=2',
        '/products?price=25to50&rating=4&stock=in',
        '/search?q=lamp',
        '/search',
        '/products/1',
        '/cart',
        '/checkout',
        '/orders',
        '/orders?status=returns',
        '/orders?sort=total&dir=asc',
        `/orders/${String(processing.id)}`,
        '/wishlist',
        '/returns',
        '/addresses',
      ];
      for (const path of paths) {
        const response = await fetch(`${app.origin}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain('text/html');
        const html = await response.text();
        expect(html, path).toMatch(/^<!doctype html>/);
        expect(html, path).toMatch(/<title>[^<]+ · Fernwood Goods<\/title>/);
        expect(html.match(/<h1[ >]/g)?.length, path).toBe(1);
      }
      expect(await (await fetch(`${app.origin}/search?q=lamp`)).text()).toContain('“lamp”');
      expect((await fetch(`${app.origin}/products/999`)).status).toBe(404);
      expect((await fetch(`${app.origin}/assets/app.css`)).headers.get('content-type')).toContain('text/css');
    });
  });

  it('works in a real Chromium through the accessibility tree', { timeout: 90_000 }, async () => {
    await withApp(SEED, async (app) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const seeded = await readState(app);

        // Catalog: filter form, view tabs, wishlist hearts that submit on change.
        await page.goto(`${app.origin}/products`);
        let snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "Filter products"');
        expect(snapshot).toContain('search');
        expect(snapshot).toMatch(/tab "List"/);
        expect(snapshot).toMatch(/checkbox "Save “[^”]+” to wishlist"/);
        const unsaved = seeded.products!.find((record) => record.inWishlist === false && Number(record.stock) > 4)!;
        await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Name: A to Z' });
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL(/sort=name_asc/);
        await page.goto(`${app.origin}/products/${String(unsaved.id)}`);
        await page.getByRole('checkbox', { name: `Save “${String(unsaved.name)}” to wishlist` }).check();
        await waitForStatus(page, 'to your wishlist');
        expect(byId((await readState(app)).products!, unsaved.id)).toMatchObject({ inWishlist: true });

        // Product page: the Add to cart form keeps the cart quantity; the review form.
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "Add to cart"');
        expect(snapshot).toContain('form "Add review"');
        await page.getByRole('form', { name: 'Add to cart' }).getByRole('combobox', { name: 'Quantity' }).selectOption('2');
        await page.getByRole('button', { name: 'Add to cart' }).click();
        await waitForStatus(page, 'to your cart');
        expect(await page.getByRole('combobox', { name: 'Quantity' }).inputValue()).toBe('2');
        await page.getByRole('textbox', { name: 'Title' }).fill('Lovely in person');
        await page.getByRole('combobox', { name: 'Rating' }).selectOption({ label: '5 stars — Excellent' });
        await page.getByRole('textbox', { name: 'Review text' }).fill('The color is richer than the photos.');
        await page.getByRole('button', { name: 'Submit review' }).click();
        await waitForStatus(page, 'Review “Lovely in person” posted');
        expect((await readState(app)).reviews).toContainEqual(
          expect.objectContaining({ productId: unsaved.id, title: 'Lovely in person', rating: 5 }),
        );

        // Cart: per-line quantity selects and Remove buttons.
        await page.goto(`${app.origin}/cart`);
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toMatch(/combobox "Quantity for “[^”]+”"/);
        expect(snapshot).toMatch(/button "Remove “[^”]+”"/);
        await page.getByRole('combobox', { name: `Quantity for “${String(unsaved.name)}”` }).selectOption('3');
        await waitForStatus(page, 'set to 3');
        expect((await readState(app)).cartItems!.find((item) => item.productId === unsaved.id)).toMatchObject({ quantity: 3 });

        // Checkout: the main create form.
        await page.goto(`${app.origin}/checkout`);
        const form = page.getByRole('form', { name: 'Checkout' });
        await form.getByRole('textbox', { name: 'Full name' }).fill('Orion Berlin');
        await form.getByRole('textbox', { name: 'Street' }).fill('88 Lantern Street');
        await form.getByRole('textbox', { name: 'City' }).fill('Leeds');
        await form.getByRole('textbox', { name: 'Postal code' }).fill('LS6 2AB');
        await form.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United Kingdom' });
        await form.getByRole('combobox', { name: 'Payment card' }).selectOption({ label: 'Visa ending 4242' });
        await form.getByRole('textbox', { name: 'Delivery date' }).fill('2026-06-24');
        await form.getByRole('button', { name: 'Place order' }).click();
        await waitForStatus(page, 'placed. Thank you, Orion Berlin!');
        const order = (await readState(app)).orders!.find((record) => record.fullName === 'Orion Berlin')!;
        expect(order).toMatchObject({
          street: '88 Lantern Street',
          postalCode: 'LS6 2AB',
          countryName: 'United Kingdom',
          deliveryDate: '2026-06-24',
          status: 'processing',
        });
        expect(page.url()).toBe(`${app.origin}/orders/${String(order.id)}`);

        // Order detail: Cancel order opens a real dialog.
        await page.getByRole('button', { name: 'Cancel order' }).click();
        const dialog = page.getByRole('dialog', { name: `Cancel order ${String(order.number)}?` });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await dialog.getByRole('button', { name: 'Confirm cancellation' }).click();
        await waitForStatus(page, `Order ${String(order.number)} cancelled`);
        expect(byId((await readState(app)).orders!, order.id)).toMatchObject({ status: 'cancelled' });

        // Orders table: the first link names the row; a delivered order offers the return form.
        await page.goto(`${app.origin}/orders`);
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toMatch(/tab "Delivered/);
        expect(snapshot).toContain(`link "${String(order.number)}"`);
        const returnable = seeded.orders!.find((record) => record.canReturn === true)!;
        await page.goto(`${app.origin}/orders/${String(returnable.id)}`);
        const returnForm = page.getByRole('form', { name: 'Request return' });
        await returnForm.getByRole('combobox', { name: 'Item' }).selectOption({ index: 1 });
        await returnForm.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Wrong item received' });
        await returnForm.getByRole('textbox', { name: 'Note' }).fill('Received the blue one instead of green.');
        await returnForm.getByRole('button', { name: 'Request return' }).click();
        await waitForStatus(page, 'Return requested');
        expect((await readState(app)).returns).toContainEqual(
          expect.objectContaining({ orderId: returnable.id, reason: 'wrong_item', note: 'Received the blue one instead of green.' }),
        );

        // Wishlist: Remove buttons name the product.
        await page.goto(`${app.origin}/wishlist`);
        await page.getByRole('button', { name: `Remove “${String(unsaved.name)}”` }).click();
        await waitForStatus(page, 'from your wishlist');
        expect(byId((await readState(app)).products!, unsaved.id)).toMatchObject({ inWishlist: false });
      } finally {
        await browser.close();
      }
    });
  });
});
