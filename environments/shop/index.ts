import type { AppServer, AppStartOptions, BundledApp } from '../../src/core/environment.js';
import { startServer } from './server.js';

/**
 * Fernwood Goods, an online store: a searchable, filterable catalog, product pages with reviews, a
 * cart, checkout, order history with cancellations and returns, a wishlist and an address book.
 * Server-rendered HTML; the only script auto-submits row controls, opens confirmation dialogs and
 * closes menus.
 */
export const shop: BundledApp = {
  manifest: {
    id: 'shop',
    title: 'Fernwood Goods (online store)',
    domain: 'e-commerce',
    description:
      'An online home-goods store: catalog search, department filters, sorting and paging, product pages with reviews, cart, checkout, order history with cancellations and returns, wishlist and saved addresses.',
    startPath: '/',
    viewport: { width: 1280, height: 800 },
    allowedOrigins: [],
    hasStateProbe: true,
    affordances: [
      { route: '*', kind: 'search', description: 'search the catalog from the top bar' },
      { route: '/', kind: 'navigate', description: 'open a department, a product or the account menu pages' },
      {
        route: '/products',
        kind: 'form',
        name: 'Filter products',
        description: 'filter by department, price, rating and availability, or change the sort order',
      },
      {
        route: '/products',
        kind: 'navigate',
        description: 'switch Grid/List tabs, sort the list by a column header, page, or open a product',
      },
      { route: '/products|/search|/', kind: 'toggle', name: 'Save', description: 'save a product to the wishlist with its heart checkbox' },
      { route: '/products', kind: 'read', description: 'read a product’s price, rating or stock from the list view' },
      { route: '/products/:id', kind: 'form', name: 'Add to cart', description: 'add the product to the cart or change its cart quantity' },
      { route: '/products/:id', kind: 'form', name: 'Add review', description: 'post a review with a title, star rating and text' },
      { route: '/cart', kind: 'select', name: 'Quantity for', description: 'change a cart line’s quantity' },
      { route: '/cart', kind: 'item-action', name: 'Remove', description: 'remove a product from the cart' },
      {
        route: '/checkout',
        kind: 'form',
        name: 'Checkout',
        description: 'place an order with a shipping address, shipping method, delivery date and saved card',
      },
      { route: '/orders', kind: 'navigate', description: 'filter orders by status tab, sort by a column, or open an order' },
      { route: '/orders', kind: 'read', description: 'read an order’s date, total or status' },
      {
        route: '/orders/:id',
        kind: 'form',
        name: 'Request return',
        description: 'request a return for a delivered item with a reason and note',
      },
      {
        route: '/orders/:id',
        kind: 'item-action',
        name: 'Cancel order',
        description: 'cancel an unshipped order through its confirmation dialog',
      },
      { route: '/wishlist', kind: 'item-action', name: 'Remove', description: 'remove a product from the wishlist' },
      { route: '/addresses', kind: 'form', name: 'New address', description: 'save a new shipping address' },
      { route: '/addresses', kind: 'item-action', name: 'Delete', description: 'delete a saved address through its confirmation dialog' },
    ],
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default shop;
