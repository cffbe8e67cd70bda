import { formatDate } from './clock.js';
import { ACCOUNT_TYPE_LABELS, CATEGORY_LABELS, DELIVERY_LABELS, PAYEE_CATEGORY_LABELS, REPEATS_LABELS } from './model.js';
import { formatMoney, formatSigned, formatWholeMoney } from './money.js';
import { isPending, maskedNumber, paymentName, paymentsTo, runningBalances } from './queries.js';
import type { BankStore } from './store.js';

type Scalar = string | number | boolean | null;
export type StateRecord = Record<string, Scalar>;
export type BankState = Record<'accounts' | 'transactions' | 'transfers' | 'payees' | 'scheduledPayments' | 'cards', StateRecord[]>;

/**
 * The state probe's JSON: flat records of scalars carrying both ids and the values the pages show
 * (names, labels, formatted dates and amounts), so a checker can match on either.
 */
export function buildState(store: BankStore): BankState {
  const accountName = (id: number): string | null => store.account(id)?.name ?? null;
  const balances = runningBalances(store);
  return {
    accounts: store.accounts.map((account) => ({
      id: account.id,
      name: account.name,
      type: account.type,
      typeLabel: ACCOUNT_TYPE_LABELS[account.type],
      number: maskedNumber(account.last4),
      last4: account.last4,
      balance: store.balance(account),
      balanceLabel: formatMoney(store.balance(account)),
      available: store.available(account),
      availableLabel: formatMoney(store.available(account)),
      creditLimit: account.creditLimit,
      creditLimitLabel: account.creditLimit === null ? null : formatWholeMoney(account.creditLimit),
      rate: account.rate,
      statementDelivery: account.statementDelivery,
      statementDeliveryLabel: DELIVERY_LABELS[account.statementDelivery],
      transactionCount: store.transactions.filter((entry) => entry.accountId === account.id).length,
      filterCategory: account.view.category,
      filterCategoryLabel: account.view.category === null ? null : CATEGORY_LABELS[account.view.category],
      filterFrom: account.view.from,
      filterTo: account.view.to,
    })),
    transactions: [...store.transactions]
      .sort((a, b) => a.id - b.id)
      .map((transaction) => ({
        id: transaction.id,
        accountId: transaction.accountId,
        accountName: accountName(transaction.accountId),
        date: transaction.date,
        dateLabel: formatDate(transaction.date),
        description: transaction.description,
        category: transaction.category,
        categoryLabel: CATEGORY_LABELS[transaction.category],
        amount: transaction.amount,
        amountLabel: formatSigned(transaction.amount),
        balance: balances.get(transaction.id) ?? null,
        balanceLabel: formatMoney(balances.get(transaction.id) ?? 0),
        note: transaction.note,
        status: isPending(transaction) ? 'pending' : 'posted',
        statusLabel: isPending(transaction) ? 'Pending' : 'Posted',
        transferId: transaction.transferId,
        createdAt: transaction.createdAt,
      })),
    transfers: store.transfers.map((transfer) => ({
      id: transfer.id,
      fromAccountId: transfer.fromAccountId,
      fromAccountName: accountName(transfer.fromAccountId),
      toAccountId: transfer.toAccountId,
      toAccountName: accountName(transfer.toAccountId),
      amount: transfer.amount,
      amountLabel: formatMoney(transfer.amount),
      date: transfer.date,
      dateLabel: formatDate(transfer.date),
      memo: transfer.memo,
      createdAt: transfer.createdAt,
    })),
    payees: store.payees.map((payee) => {
      const last = paymentsTo(store, payee.id)[0];
      return {
        id: payee.id,
        name: payee.name,
        email: payee.email,
        category: payee.category,
        categoryLabel: PAYEE_CATEGORY_LABELS[payee.category],
        lastPaidDate: last?.date ?? null,
        lastPaidLabel: last ? formatDate(last.date) : null,
        scheduledCount: store.scheduledPayments.filter((payment) => payment.payeeId === payee.id).length,
        createdAt: payee.createdAt,
      };
    }),
    scheduledPayments: store.scheduledPayments.map((payment) => ({
      id: payment.id,
      name: paymentName(store, payment),
      payeeId: payment.payeeId,
      payeeName: store.payee(payment.payeeId)?.name ?? null,
      accountId: payment.accountId,
      accountName: accountName(payment.accountId),
      amount: payment.amount,
      amountLabel: formatMoney(payment.amount),
      date: payment.date,
      dateLabel: formatDate(payment.date),
      repeats: payment.repeats,
      repeatsLabel: REPEATS_LABELS[payment.repeats],
      memo: payment.memo,
      createdAt: payment.createdAt,
    })),
    cards: store.cards.map((card) => ({
      id: card.id,
      name: card.name,
      accountId: card.accountId,
      accountName: accountName(card.accountId),
      network: card.network,
      last4: card.last4,
      expires: card.expires,
      dailyLimit: card.dailyLimit,
      dailyLimitLabel: formatWholeMoney(card.dailyLimit),
      atmLimit: card.atmLimit,
      atmLimitLabel: formatWholeMoney(card.atmLimit),
      international: card.international,
      internationalLabel: card.international ? 'Allowed' : 'Blocked',
      frozen: card.frozen,
      statusLabel: card.frozen ? 'Frozen' : 'Active',
    })),
  };
}
