import { timestampAt } from './clock.js';
import { generateData } from './data.js';
import type {
  Account,
  AccountView,
  BankData,
  Card,
  Category,
  Customer,
  Payee,
  PayeeCategory,
  Repeats,
  ScheduledPayment,
  StatementDelivery,
  Transaction,
  Transfer,
} from './model.js';
import { roundCents } from './money.js';

export interface TransferInput {
  fromAccountId: number;
  toAccountId: number;
  amount: number;
  date: string;
  memo: string;
}

export interface PayeeInput {
  name: string;
  email: string;
  category: PayeeCategory;
}

export interface PaymentInput {
  payeeId: number;
  amount: number;
  date: string;
  repeats: Repeats;
  memo: string;
}

export interface CardLimitsInput {
  dailyLimit: number;
  atmLimit: number;
  international: boolean;
}

/** One episode's in-memory bank. Every mutation stamps records from the fixed app clock. */
export class BankStore {
  private data: BankData;
  /** Minutes past NOW_BASE; advances by one per mutation so new records sort after seeded ones. */
  private tick = 0;
  /** Highest id ever removed per collection, so ids are never reused within an episode. */
  private retired = { payee: 0, payment: 0 };

  constructor(seed: number) {
    this.data = generateData(seed);
  }

  reset(seed: number): void {
    this.data = generateData(seed);
    this.tick = 0;
    this.retired = { payee: 0, payment: 0 };
  }

  get customer(): Customer {
    return this.data.customer;
  }
  get accounts(): readonly Account[] {
    return this.data.accounts;
  }
  get transactions(): readonly Transaction[] {
    return this.data.transactions;
  }
  get transfers(): readonly Transfer[] {
    return this.data.transfers;
  }
  get payees(): readonly Payee[] {
    return this.data.payees;
  }
  get scheduledPayments(): readonly ScheduledPayment[] {
    return this.data.scheduledPayments;
  }
  get cards(): readonly Card[] {
    return this.data.cards;
  }

  now(): string {
    return timestampAt(this.tick);
  }

  account(id: number): Account | undefined {
    return this.data.accounts.find((account) => account.id === id);
  }
  transaction(id: number): Transaction | undefined {
    return this.data.transactions.find((transaction) => transaction.id === id);
  }
  transfer(id: number): Transfer | undefined {
    return this.data.transfers.find((transfer) => transfer.id === id);
  }
  payee(id: number): Payee | undefined {
    return this.data.payees.find((payee) => payee.id === id);
  }
  scheduledPayment(id: number): ScheduledPayment | undefined {
    return this.data.scheduledPayments.find((payment) => payment.id === id);
  }
  card(id: number): Card | undefined {
    return this.data.cards.find((card) => card.id === id);
  }

  /** Signed ledger balance: opening plus every transaction (negative = owed on a card). */
  signedBalance(account: Account): number {
    return roundCents(
      this.data.transactions
        .filter((entry) => entry.accountId === account.id)
        .reduce((sum, entry) => sum + entry.amount, account.openingBalance),
    );
  }

  /** The balance as the pages show it: cash for deposit accounts, the amount owed for a card. */
  balance(account: Account): number {
    const signed = this.signedBalance(account);
    return account.type === 'credit' ? roundCents(-signed) : signed;
  }

  /** Money that can leave the account now: the balance, or the unused credit on a card. */
  available(account: Account): number {
    return account.type === 'credit' ? roundCents((account.creditLimit ?? 0) - this.balance(account)) : this.balance(account);
  }

  createTransfer(input: TransferInput): Transfer {
    const at = this.advance();
    const from = this.account(input.fromAccountId)!;
    const to = this.account(input.toAccountId)!;
    const transfer: Transfer = { id: nextId(this.data.transfers), ...input, createdAt: at };
    this.data.transfers.push(transfer);
    const base = {
      date: input.date,
      category: 'transfer' as Category,
      note: input.memo,
      transferId: transfer.id,
      payeeId: null,
      createdAt: at,
    };
    this.data.transactions.push({
      ...base,
      id: nextId(this.data.transactions),
      accountId: from.id,
      description: `Transfer to ${to.name}`,
      amount: -input.amount,
    });
    const incoming = to.type === 'credit' ? `Payment from ${from.name}` : `Transfer from ${from.name}`;
    this.data.transactions.push({
      ...base,
      id: nextId(this.data.transactions),
      accountId: to.id,
      description: incoming,
      amount: input.amount,
    });
    return transfer;
  }

  updateTransaction(transaction: Transaction, update: { category: Category; note: string }): void {
    this.advance();
    transaction.category = update.category;
    transaction.note = update.note;
  }

  updateAccount(account: Account, update: { name: string; statementDelivery: StatementDelivery }): void {
    this.advance();
    account.name = update.name;
    account.statementDelivery = update.statementDelivery;
  }

  setView(account: Account, view: AccountView): void {
    this.advance();
    account.view = view;
  }

  createPayee(input: PayeeInput): Payee {
    const payee: Payee = { id: nextId(this.data.payees, this.retired.payee), ...input, createdAt: this.advance() };
    this.data.payees.push(payee);
    return payee;
  }

  updatePayee(payee: Payee, input: PayeeInput): void {
    this.advance();
    Object.assign(payee, input);
  }

  /** Removes the payee and its scheduled payments; past payments stay in the ledger. */
  removePayee(payee: Payee): number {
    this.advance();
    const cancelled = this.data.scheduledPayments.filter((payment) => payment.payeeId === payee.id);
    this.retired.payee = Math.max(this.retired.payee, payee.id);
    this.retired.payment = cancelled.reduce((max, payment) => Math.max(max, payment.id), this.retired.payment);
    this.data.scheduledPayments = this.data.scheduledPayments.filter((payment) => payment.payeeId !== payee.id);
    this.data.payees = this.data.payees.filter((candidate) => candidate.id !== payee.id);
    for (const transaction of this.data.transactions) if (transaction.payeeId === payee.id) transaction.payeeId = null;
    return cancelled.length;
  }

  schedulePayment(input: PaymentInput, accountId: number): ScheduledPayment {
    const payment: ScheduledPayment = {
      id: nextId(this.data.scheduledPayments, this.retired.payment),
      ...input,
      accountId,
      createdAt: this.advance(),
    };
    this.data.scheduledPayments.push(payment);
    return payment;
  }

  deleteScheduledPayment(payment: ScheduledPayment): void {
    this.advance();
    this.retired.payment = Math.max(this.retired.payment, payment.id);
    this.data.scheduledPayments = this.data.scheduledPayments.filter((candidate) => candidate.id !== payment.id);
  }

  updateCardLimits(card: Card, input: CardLimitsInput): void {
    this.advance();
    Object.assign(card, input);
  }

  setFrozen(card: Card, frozen: boolean): void {
    this.advance();
    card.frozen = frozen;
  }

  private advance(): string {
    this.tick += 1;
    return timestampAt(this.tick);
  }
}

function nextId(records: ReadonlyArray<{ id: number }>, floor = 0): number {
  return records.reduce((max, record) => Math.max(max, record.id), floor) + 1;
}
