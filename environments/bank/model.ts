/** The bank's records and the human labels the pages print for their coded values. */

export type AccountType = 'checking' | 'savings' | 'credit';
export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = { checking: 'Checking', savings: 'Savings', credit: 'Credit card' };

export type StatementDelivery = 'online' | 'paper';
export const DELIVERY_LABELS: Record<StatementDelivery, string> = { online: 'Online only', paper: 'Online and paper' };

export interface Account {
  id: number;
  name: string;
  type: AccountType;
  /** Last four digits, shown masked as ••1234. */
  last4: string;
  /** Signed balance before the first seeded transaction (negative = owed on a card). */
  openingBalance: number;
  openedOn: string;
  /** APY for savings, APR for cards, 0 for checking (percent). */
  rate: number;
  creditLimit: number | null;
  paymentDueDate: string | null;
  statementDelivery: StatementDelivery;
  /** The transaction filters remembered for this account (null = no bound). */
  view: AccountView;
}

export interface AccountView {
  category: Category | null;
  from: string | null;
  to: string | null;
}

export const CATEGORIES = [
  'income',
  'groceries',
  'dining',
  'transport',
  'shopping',
  'bills',
  'housing',
  'entertainment',
  'health',
  'travel',
  'subscriptions',
  'cash',
  'transfer',
  'interest',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  income: 'Income',
  groceries: 'Groceries',
  dining: 'Dining',
  transport: 'Transport',
  shopping: 'Shopping',
  bills: 'Bills & utilities',
  housing: 'Housing',
  entertainment: 'Entertainment',
  health: 'Health',
  travel: 'Travel',
  subscriptions: 'Subscriptions',
  cash: 'Cash & ATM',
  transfer: 'Transfers',
  interest: 'Interest',
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export interface Transaction {
  id: number;
  accountId: number;
  date: string;
  description: string;
  category: Category;
  /** Signed from the customer's side: negative = money out or a card charge. */
  amount: number;
  note: string;
  transferId: number | null;
  payeeId: number | null;
  createdAt: string;
}

export interface Transfer {
  id: number;
  fromAccountId: number;
  toAccountId: number;
  amount: number;
  date: string;
  memo: string;
  createdAt: string;
}

export const PAYEE_CATEGORIES = ['housing', 'utilities', 'telecom', 'insurance', 'loan', 'fitness', 'person', 'other'] as const;
export type PayeeCategory = (typeof PAYEE_CATEGORIES)[number];
export const PAYEE_CATEGORY_LABELS: Record<PayeeCategory, string> = {
  housing: 'Rent & housing',
  utilities: 'Utilities',
  telecom: 'Phone & internet',
  insurance: 'Insurance',
  loan: 'Loans',
  fitness: 'Health & fitness',
  person: 'Person',
  other: 'Other',
};

export function isPayeeCategory(value: string): value is PayeeCategory {
  return (PAYEE_CATEGORIES as readonly string[]).includes(value);
}

export interface Payee {
  id: number;
  name: string;
  email: string;
  category: PayeeCategory;
  createdAt: string;
}

export const REPEATS = ['once', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type Repeats = (typeof REPEATS)[number];
export const REPEATS_LABELS: Record<Repeats, string> = {
  once: 'Once',
  weekly: 'Weekly',
  biweekly: 'Every 2 weeks',
  monthly: 'Monthly',
  quarterly: 'Every 3 months',
};

export function isRepeats(value: string): value is Repeats {
  return (REPEATS as readonly string[]).includes(value);
}

export interface ScheduledPayment {
  id: number;
  payeeId: number;
  accountId: number;
  amount: number;
  date: string;
  repeats: Repeats;
  memo: string;
  createdAt: string;
}

export interface Card {
  id: number;
  accountId: number;
  name: string;
  network: 'Visa' | 'Mastercard';
  last4: string;
  expires: string;
  dailyLimit: number;
  atmLimit: number;
  international: boolean;
  frozen: boolean;
}

export interface Customer {
  name: string;
  initials: string;
  email: string;
  memberSince: string;
}

export interface BankData {
  customer: Customer;
  accounts: Account[];
  transactions: Transaction[];
  transfers: Transfer[];
  payees: Payee[];
  scheduledPayments: ScheduledPayment[];
  cards: Card[];
}
