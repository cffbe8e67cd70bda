import { TODAY, formatDate, monthRange } from './clock.js';
import { CATEGORY_LABELS, type Account, type Category, type ScheduledPayment, type Transaction } from './model.js';
import { formatSigned, roundCents } from './money.js';
import type { BankStore } from './store.js';

export interface LedgerRow {
  transaction: Transaction;
  /** The account's balance after this transaction, as pages show it (owed amount on a card). */
  balance: number;
}

function byDateThenId(a: Transaction, b: Transaction): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/** The account's transactions oldest first, each with its running balance. */
export function ledger(store: BankStore, account: Account): LedgerRow[] {
  const sign = account.type === 'credit' ? -1 : 1;
  let running = account.openingBalance;
  return store.transactions
    .filter((transaction) => transaction.accountId === account.id)
    .sort(byDateThenId)
    .map((transaction) => {
      running = roundCents(running + transaction.amount);
      return { transaction, balance: roundCents(sign * running) };
    });
}

/** Running balance after every transaction, keyed by transaction id. */
export function runningBalances(store: BankStore): Map<number, number> {
  const map = new Map<number, number>();
  for (const account of store.accounts) for (const row of ledger(store, account)) map.set(row.transaction.id, row.balance);
  return map;
}

export function isPending(transaction: Transaction): boolean {
  return transaction.date >= TODAY;
}

export const SORT_KEYS = ['date', 'description', 'category', 'amount'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TransactionQuery {
  q: string;
  category: Category | undefined;
  from: string | undefined;
  to: string | undefined;
  sort: SortKey;
  direction: 'asc' | 'desc';
  /** Whether category/from/to came from the URL (e.g. a statement link) rather than the saved view. */
  urlFilters: boolean;
}

export const DEFAULT_QUERY: TransactionQuery = {
  q: '',
  category: undefined,
  from: undefined,
  to: undefined,
  sort: 'date',
  direction: 'desc',
  urlFilters: false,
};

/** Whether the transaction's description, note, category or amount contains the text. */
export function matchesText(transaction: Transaction, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [transaction.description, transaction.note, CATEGORY_LABELS[transaction.category], formatSigned(transaction.amount)]
    .join(' \u0000 ')
    .toLowerCase();
  return haystack.includes(needle);
}

export function filterAndSort(rows: LedgerRow[], query: TransactionQuery): LedgerRow[] {
  const filtered = rows.filter(
    ({ transaction }) =>
      matchesText(transaction, query.q) &&
      (query.category === undefined || transaction.category === query.category) &&
      (query.from === undefined || transaction.date >= query.from) &&
      (query.to === undefined || transaction.date <= query.to),
  );
  const compare = (a: LedgerRow, b: LedgerRow): number => {
    const x = a.transaction;
    const y = b.transaction;
    switch (query.sort) {
      case 'description':
        return x.description.localeCompare(y.description, 'en') || byDateThenId(x, y);
      case 'category':
        return CATEGORY_LABELS[x.category].localeCompare(CATEGORY_LABELS[y.category], 'en') || byDateThenId(x, y);
      case 'amount':
        return x.amount - y.amount || byDateThenId(x, y);
      case 'date':
        return byDateThenId(x, y);
    }
  };
  const sorted = filtered.sort(compare);
  return query.direction === 'desc' ? sorted.reverse() : sorted;
}

export interface StatementLine {
  account: Account;
  opening: number;
  moneyIn: number;
  moneyOut: number;
  closing: number;
  count: number;
}

/** Months with a closed statement, newest first. */
export const STATEMENT_MONTHS = ['2026-05', '2026-04', '2026-03'] as const;

export function statementLines(store: BankStore, month: string): StatementLine[] {
  const { start, end } = monthRange(month);
  return store.accounts.map((account) => {
    const rows = ledger(store, account);
    const sign = account.type === 'credit' ? -1 : 1;
    const before = rows.filter((row) => row.transaction.date < start);
    const opening = before.length ? before[before.length - 1]!.balance : roundCents(sign * account.openingBalance);
    const inMonth = rows.filter((row) => row.transaction.date >= start && row.transaction.date <= end);
    const moneyIn = roundCents(inMonth.filter((row) => row.transaction.amount > 0).reduce((sum, row) => sum + row.transaction.amount, 0));
    const moneyOut = roundCents(-inMonth.filter((row) => row.transaction.amount < 0).reduce((sum, row) => sum + row.transaction.amount, 0));
    const closing = inMonth.length ? inMonth[inMonth.length - 1]!.balance : opening;
    return { account, opening, moneyIn, moneyOut, closing, count: inMonth.length };
  });
}

export interface CategoryTotal {
  category: Category;
  count: number;
  total: number;
}

/** Spending (money out, transfers excluded) per category between two dates, largest first. */
export function spendingByCategory(store: BankStore, start: string, end: string): CategoryTotal[] {
  const totals = new Map<Category, CategoryTotal>();
  for (const transaction of store.transactions) {
    if (transaction.amount >= 0 || transaction.category === 'transfer' || transaction.date < start || transaction.date > end) continue;
    const entry = totals.get(transaction.category) ?? { category: transaction.category, count: 0, total: 0 };
    entry.count += 1;
    entry.total = roundCents(entry.total - transaction.amount);
    totals.set(transaction.category, entry);
  }
  return [...totals.values()].sort((a, b) => b.total - a.total);
}

/** "Harbor Point Apartments on Jul 1, 2026": how a scheduled payment is named on the page. */
export function paymentName(store: BankStore, payment: ScheduledPayment): string {
  return `${store.payee(payment.payeeId)?.name ?? 'Unknown payee'} on ${formatDate(payment.date)}`;
}

export function upcomingPayments(store: BankStore): ScheduledPayment[] {
  return [...store.scheduledPayments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

/** Past bill payments to a payee, newest first. */
export function paymentsTo(store: BankStore, payeeId: number): Transaction[] {
  return store.transactions
    .filter((transaction) => transaction.payeeId === payeeId)
    .sort(byDateThenId)
    .reverse();
}

export function searchTransactions(store: BankStore, text: string): Transaction[] {
  if (text.trim() === '') return [];
  return store.transactions
    .filter((transaction) => matchesText(transaction, text))
    .sort(byDateThenId)
    .reverse();
}

export function searchPayees(store: BankStore, text: string): BankStore['payees'][number][] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  return store.payees.filter((payee) => payee.name.toLowerCase().includes(needle) || payee.email.toLowerCase().includes(needle));
}

/** Accounts money can be sent from (not the card). */
export function fundingAccounts(store: BankStore): Account[] {
  return store.accounts.filter((account) => account.type !== 'credit');
}

/** A made-up routing number (it fails the ABA checksum, so it belongs to no real bank). */
export const ROUTING_NUMBER = '271828183';

export function maskedNumber(last4: string): string {
  return `\u2022\u2022${last4}`;
}
