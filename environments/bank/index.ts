import type { AppServer, AppStartOptions, BundledApp } from '../../src/core/environment.js';
import { startServer } from './server.js';

/**
 * Tidewell, online banking: an accounts overview, account pages with searchable, filterable,
 * sortable transaction tables, transaction details, transfers, payees, bill payments, statements
 * and card limits. Server-rendered HTML; the only script auto-submits the Freeze toggles and opens
 * confirmation dialogs.
 */
export const bank: BundledApp = {
  manifest: {
    id: 'bank',
    title: 'Tidewell (online banking)',
    domain: 'personal banking',
    description:
      'Online banking: checking, savings and credit card accounts with transaction history, transfers between accounts, payees and scheduled bill payments, monthly statements and card limits.',
    startPath: '/',
    viewport: { width: 1280, height: 800 },
    allowedOrigins: [],
    hasStateProbe: true,
    affordances: [
      { route: '/', kind: 'read', description: 'read an account balance or a recent transaction amount' },
      { route: '/', kind: 'navigate', description: 'open an account, a transaction or a page from the sidebar' },
      { route: '*', kind: 'search', description: 'search transactions and payees from the top bar' },
      {
        route: '/accounts/:id',
        kind: 'search',
        name: 'Search transactions',
        description: 'search the account’s transactions by description, note or amount',
      },
      {
        route: '/accounts/:id',
        kind: 'form',
        name: 'Filter transactions',
        description: 'filter transactions by category and a date range',
      },
      { route: '/accounts/:id', kind: 'navigate', description: 'sort by a column, page through transactions or open one' },
      { route: '/accounts/:id', kind: 'read', description: 'read a transaction’s date, category, amount or running balance' },
      {
        route: '/accounts/:id/details',
        kind: 'form',
        name: 'Account settings',
        description: 'rename the account or change statement delivery',
      },
      { route: '/transactions/:id', kind: 'form', name: 'Edit transaction', description: 'recategorize a transaction and add a note' },
      { route: '/transfer', kind: 'form', name: 'Transfer money', description: 'move money between accounts or pay the credit card' },
      { route: '/payees', kind: 'form', name: 'New payee', description: 'add a payee with a name, email and category' },
      { route: '/payees', kind: 'item-action', name: 'Remove', description: 'remove a payee through its confirmation dialog' },
      { route: '/payees/:id', kind: 'form', name: 'Payee details', description: 'edit a payee’s name, email or category' },
      { route: '/payments', kind: 'form', name: 'Pay a bill', description: 'schedule a one-time or repeating payment to a payee' },
      {
        route: '/payments',
        kind: 'item-action',
        name: 'Delete',
        description: 'delete a scheduled payment through its confirmation dialog',
      },
      { route: '/statements/:month', kind: 'navigate', description: 'switch statement months' },
      { route: '/statements/:month', kind: 'read', description: 'read an opening or closing balance, or a category total' },
      { route: '/cards', kind: 'toggle', name: 'Freeze', description: 'freeze or unfreeze a card' },
      { route: '/cards/:id', kind: 'form', name: 'Card limits', description: 'change the daily spending and ATM limits' },
      { route: '/search', kind: 'read', description: 'read a field of a search result' },
    ],
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default bank;
