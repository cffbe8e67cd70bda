import { TODAY, addDays, formatDate, isValidIsoDate } from './clock.js';
import { isCategory, isPayeeCategory, isRepeats, type AccountView, type Category, type StatementDelivery } from './model.js';
import { formatMoney, parseAmount, parseWholeAmount } from './money.js';
import type { BankStore, CardLimitsInput, PayeeInput, PaymentInput, TransferInput } from './store.js';

export type Result<Value, Field extends string> = { ok: true; value: Value } | { ok: false; errors: Partial<Record<Field, string>> };

const NAME_MAX = 80;
const MEMO_MAX = 140;
const NOTE_MAX = 500;
const LATEST_DATE = addDays(TODAY, 365);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function clean(value: string | null): string {
  return (value ?? '').trim().replace(/\s+/g, ' ');
}

/** A send date: blank means today; past dates and dates over a year out are refused. */
function readSendDate(value: string | null): { date?: string; error?: string } {
  const text = (value ?? '').trim();
  if (text === '') return { date: TODAY };
  if (!isValidIsoDate(text)) return { error: 'Date must be a valid date' };
  if (text < TODAY) return { error: `Date can’t be in the past (today is ${formatDate(TODAY)})` };
  if (text > LATEST_DATE) return { error: `Date must be on or before ${formatDate(LATEST_DATE)}` };
  return { date: text };
}

export type TransferField = 'fromAccountId' | 'toAccountId' | 'amount' | 'date' | 'memo';

export function parseTransferForm(store: BankStore, form: URLSearchParams): Result<TransferInput, TransferField> {
  const errors: Partial<Record<TransferField, string>> = {};
  const from = store.account(Number(form.get('fromAccountId') ?? ''));
  const to = store.account(Number(form.get('toAccountId') ?? ''));
  if (from === undefined || from.type === 'credit') errors.fromAccountId = 'Choose an account to transfer from';
  if (to === undefined) errors.toAccountId = 'Choose an account to transfer to';
  else if (from !== undefined && from.id === to.id) errors.toAccountId = 'Choose two different accounts';
  const amount = parseAmount(form.get('amount'));
  if (amount === undefined) errors.amount = 'Amount must be a positive number, like 25 or 25.50';
  else if (from !== undefined && from.type !== 'credit' && amount > store.available(from)) {
    errors.amount = `Insufficient funds: ${from.name} has ${formatMoney(store.available(from))} available`;
  }
  const { date, error } = readSendDate(form.get('date'));
  if (error) errors.date = error;
  const memo = clean(form.get('memo'));
  if (memo.length > MEMO_MAX) errors.memo = `Memo must be at most ${MEMO_MAX} characters`;
  if (Object.keys(errors).length > 0 || !from || !to || amount === undefined || !date) return { ok: false, errors };
  return { ok: true, value: { fromAccountId: from.id, toAccountId: to.id, amount, date, memo } };
}

export type PayeeField = 'name' | 'email' | 'category';

export function parsePayeeForm(store: BankStore, form: URLSearchParams, editingId?: number): Result<PayeeInput, PayeeField> {
  const errors: Partial<Record<PayeeField, string>> = {};
  const name = clean(form.get('name'));
  if (name === '') errors.name = 'Name is required';
  else if (name.length > NAME_MAX) errors.name = `Name must be at most ${NAME_MAX} characters`;
  else if (store.payees.some((payee) => payee.id !== editingId && payee.name.toLowerCase() === name.toLowerCase())) {
    errors.name = `A payee named \u201c${name}\u201d already exists`;
  }
  const email = (form.get('email') ?? '').trim();
  if (email === '') errors.email = 'Email is required';
  else if (!EMAIL.test(email)) errors.email = 'Email must be an address like name@example.com';
  const category = form.get('category') ?? '';
  if (!isPayeeCategory(category)) errors.category = 'Choose a category';
  if (Object.keys(errors).length > 0 || !isPayeeCategory(category)) return { ok: false, errors };
  return { ok: true, value: { name, email, category } };
}

export type PaymentField = 'payeeId' | 'memo' | 'amount' | 'date' | 'repeats';

export function parsePaymentForm(store: BankStore, form: URLSearchParams): Result<PaymentInput, PaymentField> {
  const errors: Partial<Record<PaymentField, string>> = {};
  const payee = store.payee(Number(form.get('payeeId') ?? ''));
  if (payee === undefined) errors.payeeId = 'Choose a payee';
  const amount = parseAmount(form.get('amount'));
  if (amount === undefined) errors.amount = 'Amount must be a positive number, like 25 or 25.50';
  const { date, error } = readSendDate(form.get('date'));
  if (error) errors.date = error;
  const repeats = form.get('repeats') ?? 'once';
  if (!isRepeats(repeats)) errors.repeats = 'Choose how often the payment repeats';
  const memo = clean(form.get('memo'));
  if (memo.length > MEMO_MAX) errors.memo = `Memo must be at most ${MEMO_MAX} characters`;
  if (Object.keys(errors).length > 0 || !payee || amount === undefined || !date || !isRepeats(repeats)) return { ok: false, errors };
  return { ok: true, value: { payeeId: payee.id, amount, date, repeats, memo } };
}

export type CardField = 'dailyLimit' | 'atmLimit' | 'international';

export function parseCardLimitsForm(form: URLSearchParams): Result<CardLimitsInput, CardField> {
  const errors: Partial<Record<CardField, string>> = {};
  const dailyLimit = parseWholeAmount(form.get('dailyLimit'));
  if (dailyLimit === undefined || dailyLimit > 25_000) errors.dailyLimit = 'Daily spending limit must be a whole amount from $1 to $25,000';
  const atmLimit = parseWholeAmount(form.get('atmLimit'));
  if (atmLimit === undefined || atmLimit > 5_000) errors.atmLimit = 'ATM limit must be a whole amount from $1 to $5,000';
  const international = form.get('international');
  if (international !== 'allowed' && international !== 'blocked')
    errors.international = 'Choose whether international transactions are allowed';
  if (Object.keys(errors).length > 0 || dailyLimit === undefined || atmLimit === undefined) return { ok: false, errors };
  return { ok: true, value: { dailyLimit, atmLimit, international: international === 'allowed' } };
}

export type TransactionField = 'category' | 'note';

export function parseTransactionForm(form: URLSearchParams): Result<{ category: Category; note: string }, TransactionField> {
  const errors: Partial<Record<TransactionField, string>> = {};
  const category = form.get('category') ?? '';
  if (!isCategory(category)) errors.category = 'Choose a category';
  const note = (form.get('note') ?? '').trim();
  if (note.length > NOTE_MAX) errors.note = `Note must be at most ${NOTE_MAX} characters`;
  if (Object.keys(errors).length > 0 || !isCategory(category)) return { ok: false, errors };
  return { ok: true, value: { category, note } };
}

export type AccountField = 'name' | 'statementDelivery';

export function parseAccountForm(
  store: BankStore,
  form: URLSearchParams,
  accountId: number,
): Result<{ name: string; statementDelivery: StatementDelivery }, AccountField> {
  const errors: Partial<Record<AccountField, string>> = {};
  const name = clean(form.get('name'));
  if (name === '') errors.name = 'Account name is required';
  else if (name.length > 60) errors.name = 'Account name must be at most 60 characters';
  else if (store.accounts.some((account) => account.id !== accountId && account.name.toLowerCase() === name.toLowerCase())) {
    errors.name = `Another account is already named \u201c${name}\u201d`;
  }
  const delivery = form.get('statementDelivery') ?? '';
  if (delivery !== 'online' && delivery !== 'paper') errors.statementDelivery = 'Choose how statements are delivered';
  if (Object.keys(errors).length > 0 || (delivery !== 'online' && delivery !== 'paper')) return { ok: false, errors };
  return { ok: true, value: { name, statementDelivery: delivery } };
}

export type FilterField = 'category' | 'from' | 'to';

/** The Filter transactions form: blank fields mean no bound; a reversed range is put in order. */
export function parseFilterForm(form: URLSearchParams): Result<AccountView, FilterField> {
  const errors: Partial<Record<FilterField, string>> = {};
  const category = form.get('category') ?? '';
  if (category !== '' && !isCategory(category)) errors.category = 'Choose a category';
  const from = (form.get('from') ?? '').trim();
  const to = (form.get('to') ?? '').trim();
  if (from !== '' && !isValidIsoDate(from)) errors.from = 'Date from must be a valid date';
  if (to !== '' && !isValidIsoDate(to)) errors.to = 'Date to must be a valid date';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const [start, end] = from !== '' && to !== '' && from > to ? [to, from] : [from, to];
  return { ok: true, value: { category: isCategory(category) ? category : null, from: start || null, to: end || null } };
}

/** A same-origin path to go back to after a row action; anything else falls back. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
