import { HISTORY_START, TODAY, addDays, daysBetween, monthRange, weekday } from './clock.js';
import type { Account, Category, Payee, Transaction, Transfer } from './model.js';
import { roundCents } from './money.js';
import type { Random } from '../kit/random.js';
import { ATM_LOCATIONS, EMPLOYERS, MERCHANTS, SUBSCRIPTIONS, TRANSACTION_NOTES, type PayeeTemplate } from './vocabulary.js';

/** A payee plus how the seed pays it (amount, day of month, first fortnightly date). */
export interface PayeePlan {
  payee: Payee;
  template: PayeeTemplate;
  amount: number;
  day: number;
  startOffset: number;
}

type Draft = Omit<Transaction, 'id' | 'transferId' | 'createdAt'> & { transferKey: number | null; order: number };
type TransferDraft = Omit<Transfer, 'id' | 'createdAt'> & { key: number };

const MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06'];
const CLOSED_MONTHS = ['2026-03', '2026-04', '2026-05'];

/** The seeded history, March 1 to today: payroll, bills, card spending, transfers and interest. */
export function generateLedger(
  random: Random,
  accounts: Account[],
  plans: PayeePlan[],
): { transactions: Transaction[]; transfers: Transfer[] } {
  const [checking, savings, credit] = accounts as [Account, Account, Account];
  const drafts: Draft[] = [];
  const transfers: TransferDraft[] = [];
  const add = (
    draft: Omit<Draft, 'order' | 'note' | 'transferKey' | 'payeeId'> & Partial<Pick<Draft, 'note' | 'transferKey' | 'payeeId'>>,
  ) => {
    if (draft.date > TODAY) return;
    drafts.push({ note: '', transferKey: null, payeeId: null, ...draft, amount: roundCents(draft.amount), order: drafts.length });
  };
  const randomDay = (from = HISTORY_START, to = TODAY) => addDays(from, random.int(0, daysBetween(from, to)));
  const between = (range: readonly [number, number]) => range[0] + random.next() * (range[1] - range[0]);

  // Payroll every other Friday.
  const employer = random.pick(EMPLOYERS);
  const pay = roundCents(random.int(2300, 3400) + random.int(0, 99) / 100);
  let payday = addDays(HISTORY_START, ((5 - weekday(HISTORY_START) + 7) % 7) + random.pick([0, 7]));
  for (; payday <= TODAY; payday = addDays(payday, 14))
    add({ accountId: checking.id, date: payday, description: `Payroll deposit · ${employer}`, category: 'income', amount: pay });

  // Bills to payees from checking.
  for (const plan of plans) {
    const person = plan.template.category === 'person';
    const description = person ? `Payment to ${plan.payee.name}` : `Bill pay · ${plan.payee.name}`;
    const dates =
      plan.template.every === 'two-weeks'
        ? Array.from({ length: 8 }, (_, index) => addDays(HISTORY_START, plan.startOffset + index * 14))
        : MONTHS.map((month) => `${month}-${String(plan.day).padStart(2, '0')}`);
    for (const date of dates) {
      const amount = plan.template.fixed ? plan.amount : plan.amount * (0.8 + random.next() * 0.4);
      add({ accountId: checking.id, date, description, category: plan.template.spend, amount: -amount, payeeId: plan.payee.id });
    }
  }

  // Everyday spending: debit card on checking, the rest on the credit card.
  const spend = (accountId: number, category: Category, count: number) => {
    const merchants = MERCHANTS[category]!;
    for (let index = 0; index < count; index++) {
      const name = random.pick(merchants.names);
      const description = merchants.numbered ? `${name} #${random.int(1000, 9899)}` : name;
      add({ accountId, date: randomDay(), description, category, amount: -between(merchants.range) });
    }
  };
  spend(checking.id, 'groceries', random.int(12, 15));
  spend(checking.id, 'dining', random.int(6, 9));
  spend(checking.id, 'transport', random.int(6, 8));
  spend(checking.id, 'health', 2);
  for (let index = 0; index < 3; index++) {
    add({
      accountId: checking.id,
      date: randomDay(),
      description: `ATM withdrawal · ${random.pick(ATM_LOCATIONS)}`,
      category: 'cash',
      amount: -random.pick([40, 60, 100, 120, 200]),
    });
  }
  spend(credit.id, 'groceries', random.int(4, 6));
  spend(credit.id, 'dining', random.int(11, 15));
  spend(credit.id, 'transport', random.int(4, 6));
  spend(credit.id, 'shopping', random.int(8, 11));
  spend(credit.id, 'entertainment', random.int(4, 6));
  spend(credit.id, 'health', 2);
  spend(credit.id, 'travel', random.int(1, 2));
  for (const [name, price] of random.shuffle(SUBSCRIPTIONS).slice(0, 3)) {
    const day = String(random.int(2, 27)).padStart(2, '0');
    for (const month of MONTHS)
      add({ accountId: credit.id, date: `${month}-${day}`, description: name, category: 'subscriptions', amount: -price });
  }
  add({
    accountId: credit.id,
    date: randomDay('2026-04-01', '2026-06-10'),
    description: 'Refund · Amazon Marketplace',
    category: 'shopping',
    amount: between([18, 90]),
  });
  add({
    accountId: credit.id,
    date: TODAY,
    description: random.pick(MERCHANTS.dining!.names),
    category: 'dining',
    amount: -between([6, 28]),
  });

  // Monthly transfers: checking → savings, and checking → card paying last month's charges.
  let transferKey = 0;
  const transfer = (from: Account, to: Account, amount: number, date: string, memo: string) => {
    const key = transferKey++;
    const rounded = roundCents(amount);
    transfers.push({ key, fromAccountId: from.id, toAccountId: to.id, amount: rounded, date, memo });
    add({
      accountId: from.id,
      date,
      description: `Transfer to ${to.name}`,
      category: 'transfer',
      amount: -rounded,
      note: memo,
      transferKey: key,
    });
    const incoming = to.type === 'credit' ? `Payment from ${from.name}` : `Transfer from ${from.name}`;
    add({ accountId: to.id, date, description: incoming, category: 'transfer', amount: rounded, note: memo, transferKey: key });
  };
  const saving = random.pick([200, 250, 300, 400, 500]);
  const saveDay = random.int(2, 6);
  const payDay = random.int(18, 24);
  for (const month of MONTHS)
    transfer(
      checking,
      savings,
      saving,
      `${month}-${String(saveDay).padStart(2, '0')}`,
      random.pick(['Monthly savings', 'Emergency fund', 'Savings goal']),
    );
  for (const [index, month] of CLOSED_MONTHS.entries()) {
    const previous = index === 0 ? -credit.openingBalance : -sumCharges(drafts, credit.id, CLOSED_MONTHS[index - 1]!);
    transfer(checking, credit, previous, `${month}-${payDay}`, 'Card payment');
  }

  // Interest on savings at each month end, then a few notes.
  for (const month of CLOSED_MONTHS) {
    const { end } = monthRange(month);
    const balance =
      savings.openingBalance +
      drafts.filter((draft) => draft.accountId === savings.id && draft.date <= end).reduce((sum, draft) => sum + draft.amount, 0);
    add({
      accountId: savings.id,
      date: end,
      description: 'Interest payment',
      category: 'interest',
      amount: (balance * savings.rate) / 100 / 12,
    });
  }
  const spending = drafts.filter((draft) => draft.amount < 0 && draft.transferKey === null && draft.category !== 'housing');
  for (const [index, draft] of random.shuffle(spending).slice(0, 7).entries())
    draft.note = TRANSACTION_NOTES[index % TRANSACTION_NOTES.length]!;

  keepCheckingPositive(random, checking, drafts);
  return finish(random, drafts, transfers);
}

function sumCharges(drafts: Draft[], accountId: number, month: string): number {
  return drafts
    .filter((draft) => draft.accountId === accountId && draft.transferKey === null && draft.date.startsWith(month))
    .reduce((sum, draft) => sum + draft.amount, 0);
}

/** Raises the checking opening balance so the running balance never dips below a cushion. */
function keepCheckingPositive(random: Random, checking: Account, drafts: Draft[]): void {
  const cushion = random.int(350, 900);
  let running = checking.openingBalance;
  let lowest = running;
  for (const draft of sortDrafts(drafts.filter((candidate) => candidate.accountId === checking.id))) {
    running += draft.amount;
    lowest = Math.min(lowest, running);
  }
  if (lowest < cushion) checking.openingBalance = roundCents(checking.openingBalance + Math.ceil((cushion - lowest) / 100) * 100);
}

function sortDrafts(drafts: Draft[]): Draft[] {
  return [...drafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
}

function stamp(random: Random, date: string): string {
  return `${date}T${String(random.int(7, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`;
}

function finish(random: Random, drafts: Draft[], transferDrafts: TransferDraft[]): { transactions: Transaction[]; transfers: Transfer[] } {
  const orderedTransfers = [...transferDrafts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key - b.key));
  const idByKey = new Map(orderedTransfers.map((draft, index) => [draft.key, index + 1]));
  const transfers = orderedTransfers.map((draft, index) => ({
    id: index + 1,
    fromAccountId: draft.fromAccountId,
    toAccountId: draft.toAccountId,
    amount: draft.amount,
    date: draft.date,
    memo: draft.memo,
    createdAt: stamp(random, draft.date),
  }));
  const transactions = sortDrafts(drafts).map((draft, index) => ({
    id: index + 1,
    accountId: draft.accountId,
    date: draft.date,
    description: draft.description,
    category: draft.category,
    amount: draft.amount,
    note: draft.note,
    transferId: draft.transferKey === null ? null : idByKey.get(draft.transferKey)!,
    payeeId: draft.payeeId,
    createdAt: stamp(random, draft.date),
  }));
  return { transactions, transfers };
}
