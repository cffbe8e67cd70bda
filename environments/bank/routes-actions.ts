import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { formatDate } from './clock.js';
import { CATEGORY_LABELS, type AccountView } from './model.js';
import { formatMoney } from './money.js';
import { paymentName } from './queries.js';
import { notFound, parseTransactionQuery } from './routes-pages.js';
import { renderAccount } from './render/account.js';
import { renderAccountDetails } from './render/account-details.js';
import { renderCard } from './render/cards.js';
import { renderPayee } from './render/payee.js';
import { renderPayees } from './render/payees.js';
import { renderPayments } from './render/payments.js';
import { renderTransaction } from './render/transaction.js';
import { renderTransfer } from './render/transfer.js';
import type { BankStore } from './store.js';
import {
  parseAccountForm,
  parseCardLimitsForm,
  parseFilterForm,
  parsePayeeForm,
  parsePaymentForm,
  parseTransactionForm,
  parseTransferForm,
  safeReturnPath,
} from './validation.js';

const UNPROCESSABLE = 422;

function field(form: URLSearchParams, name: string): string {
  return form.get(name) ?? '';
}

export function createTransfer(store: BankStore, request: AppRequest): AppResponse {
  const result = parseTransferForm(store, request.form);
  if (!result.ok) {
    const f = request.form;
    const values = {
      fromAccountId: field(f, 'fromAccountId'),
      toAccountId: field(f, 'toAccountId'),
      amount: field(f, 'amount'),
      date: field(f, 'date'),
      memo: field(f, 'memo'),
    };
    return htmlResponse(renderTransfer(store, { values, errors: result.errors }, undefined), UNPROCESSABLE);
  }
  const transfer = store.createTransfer(result.value);
  const from = store.account(transfer.fromAccountId)!;
  const to = store.account(transfer.toAccountId)!;
  return redirect(
    '/transfer',
    `Transferred ${formatMoney(transfer.amount)} from ${from.name} to ${to.name} on ${formatDate(transfer.date)}`,
  );
}

export function updateTransaction(store: BankStore, request: AppRequest, id: string): AppResponse {
  const transaction = store.transaction(Number(id));
  if (transaction === undefined) return notFound(store, 'Transaction');
  const result = parseTransactionForm(request.form);
  if (!result.ok) {
    const values = { category: field(request.form, 'category'), note: field(request.form, 'note') };
    return htmlResponse(renderTransaction(store, transaction, undefined, { values, errors: result.errors }), UNPROCESSABLE);
  }
  store.updateTransaction(transaction, result.value);
  return redirect(
    `/transactions/${transaction.id}`,
    `Saved ${quoted(transaction.description)} as ${CATEGORY_LABELS[transaction.category]}`,
  );
}

export function updateAccount(store: BankStore, request: AppRequest, id: string): AppResponse {
  const account = store.account(Number(id));
  if (account === undefined) return notFound(store, 'Account');
  const result = parseAccountForm(store, request.form, account.id);
  if (!result.ok) {
    const values = { name: field(request.form, 'name'), statementDelivery: field(request.form, 'statementDelivery') };
    return htmlResponse(renderAccountDetails(store, account, undefined, { values, errors: result.errors }), UNPROCESSABLE);
  }
  store.updateAccount(account, result.value);
  return redirect(`/accounts/${account.id}/details`, `Account ${quoted(account.name)} updated`);
}

function describeView(view: AccountView): string {
  const parts = [view.category ? `${CATEGORY_LABELS[view.category]} transactions` : 'All transactions'];
  if (view.from) parts.push(`from ${formatDate(view.from)}`);
  if (view.to) parts.push(`to ${formatDate(view.to)}`);
  return parts.join(' ');
}

/** Saves (or clears) the account's remembered transaction filters. */
export function applyFilters(store: BankStore, request: AppRequest, id: string): AppResponse {
  const account = store.account(Number(id));
  if (account === undefined) return notFound(store, 'Account');
  if (request.form.get('clear') !== null) {
    store.setView(account, { category: null, from: null, to: null });
    return redirect(`/accounts/${account.id}`, 'Filters cleared');
  }
  const result = parseFilterForm(request.form);
  if (!result.ok) {
    const values = { category: field(request.form, 'category'), from: field(request.form, 'from'), to: field(request.form, 'to') };
    const query = parseTransactionQuery(new URLSearchParams(), account.view);
    return htmlResponse(renderAccount(store, account, query, 1, undefined, { values, errors: result.errors }), UNPROCESSABLE);
  }
  store.setView(account, result.value);
  return redirect(`/accounts/${account.id}`, `Showing ${describeView(result.value)}`);
}

function payeeValues(form: URLSearchParams) {
  return { name: field(form, 'name'), email: field(form, 'email'), category: field(form, 'category') };
}

export function createPayee(store: BankStore, request: AppRequest): AppResponse {
  const result = parsePayeeForm(store, request.form);
  if (!result.ok) {
    return htmlResponse(renderPayees(store, 1, { values: payeeValues(request.form), errors: result.errors }, undefined), UNPROCESSABLE);
  }
  const payee = store.createPayee(result.value);
  return redirect('/payees', `Payee ${quoted(payee.name)} added`);
}

export function updatePayee(store: BankStore, request: AppRequest, id: string): AppResponse {
  const payee = store.payee(Number(id));
  if (payee === undefined) return notFound(store, 'Payee');
  const result = parsePayeeForm(store, request.form, payee.id);
  if (!result.ok) {
    return htmlResponse(renderPayee(store, payee, undefined, { values: payeeValues(request.form), errors: result.errors }), UNPROCESSABLE);
  }
  store.updatePayee(payee, result.value);
  return redirect(`/payees/${payee.id}`, `Payee ${quoted(payee.name)} updated`);
}

export function removePayee(store: BankStore, request: AppRequest, id: string): AppResponse {
  const payee = store.payee(Number(id));
  if (payee === undefined) return notFound(store, 'Payee');
  const cancelled = store.removePayee(payee);
  const back = safeReturnPath(request.form.get('return'), '/payees');
  const extra = cancelled > 0 ? ` and ${cancelled} scheduled payment${cancelled === 1 ? '' : 's'} cancelled` : '';
  return redirect(back.startsWith(`/payees/${payee.id}`) ? '/payees' : back, `Payee ${quoted(payee.name)} removed${extra}`);
}

export function createPayment(store: BankStore, request: AppRequest): AppResponse {
  const result = parsePaymentForm(store, request.form);
  if (!result.ok) {
    const f = request.form;
    const values = {
      payeeId: field(f, 'payeeId'),
      memo: field(f, 'memo'),
      amount: field(f, 'amount'),
      date: field(f, 'date'),
      repeats: field(f, 'repeats') || 'once',
    };
    return htmlResponse(renderPayments(store, { values, errors: result.errors }, undefined), UNPROCESSABLE);
  }
  const checking = store.accounts.find((account) => account.type === 'checking')!;
  const payment = store.schedulePayment(result.value, checking.id);
  return redirect(
    '/payments',
    `Payment of ${formatMoney(payment.amount)} to ${quoted(store.payee(payment.payeeId)!.name)} scheduled for ${formatDate(payment.date)}`,
  );
}

export function deletePayment(store: BankStore, _request: AppRequest, id: string): AppResponse {
  const payment = store.scheduledPayment(Number(id));
  if (payment === undefined) return notFound(store, 'Scheduled payment');
  const name = paymentName(store, payment);
  store.deleteScheduledPayment(payment);
  return redirect('/payments', `Scheduled payment ${quoted(name)} deleted`);
}

export function updateCardLimits(store: BankStore, request: AppRequest, id: string): AppResponse {
  const card = store.card(Number(id));
  if (card === undefined) return notFound(store, 'Card');
  const result = parseCardLimitsForm(request.form);
  if (!result.ok) {
    const values = {
      dailyLimit: field(request.form, 'dailyLimit'),
      atmLimit: field(request.form, 'atmLimit'),
      international: field(request.form, 'international'),
    };
    return htmlResponse(renderCard(store, card, undefined, { values, errors: result.errors }), UNPROCESSABLE);
  }
  store.updateCardLimits(card, result.value);
  return redirect(`/cards/${card.id}`, `Limits for ${quoted(card.name)} saved`);
}

/** The Freeze checkbox: checked freezes the card, unchecked unfreezes it. */
export function freezeCard(store: BankStore, request: AppRequest, id: string): AppResponse {
  const card = store.card(Number(id));
  if (card === undefined) return notFound(store, 'Card');
  const frozen = request.form.get('frozen') === 'on';
  store.setFrozen(card, frozen);
  const back = safeReturnPath(request.form.get('return'), `/cards/${card.id}`);
  return redirect(back, `${quoted(card.name)} ${frozen ? 'frozen' : 'unfrozen'}`);
}
