import { HISTORY_START, TODAY, addDays, addMonths } from './clock.js';
import { generateLedger, type PayeePlan } from './data-ledger.js';
import type { Account, AccountView, BankData, Card, Customer, Payee, Repeats, ScheduledPayment } from './model.js';
import { roundCents } from './money.js';
import { createRandom, type Random } from '../kit/random.js';
import { ACCOUNT_NAMES, CUSTOMER_NAMES, PAYEE_TEMPLATES } from './vocabulary.js';

/** Deterministic bank data: the same seed always gives byte-identical records. */
export function generateData(seed: number): BankData {
  const random = createRandom(seed);
  const customer = generateCustomer(random);
  const accounts = generateAccounts(random);
  const plans = generatePayees(random);
  const { transactions, transfers } = generateLedger(random, accounts, plans);
  const payees = plans.map((plan) => plan.payee);
  const scheduledPayments = generateScheduled(random, accounts[0]!, plans);
  const cards = generateCards(random, accounts);
  return { customer, accounts, transactions, transfers, payees, scheduledPayments, cards };
}

function generateCustomer(random: Random): Customer {
  const [first, last] = random.pick(CUSTOMER_NAMES);
  return {
    name: `${first} ${last}`,
    initials: `${first[0]}${last[0]}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
    memberSince: String(random.int(2011, 2021)),
  };
}

function last4(random: Random, taken: Set<string>): string {
  for (;;) {
    const value = String(random.int(1000, 9999));
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

function emptyView(): AccountView {
  return { category: null, from: null, to: null };
}

function generateAccounts(random: Random): Account[] {
  const taken = new Set<string>();
  const opened = (years: number) => addDays(HISTORY_START, -random.int(365 * years, 365 * years + 300));
  return [
    {
      id: 1,
      name: random.pick(ACCOUNT_NAMES.checking),
      type: 'checking',
      last4: last4(random, taken),
      openingBalance: roundCents(random.int(1800, 4200) + random.int(0, 99) / 100),
      openedOn: opened(random.int(3, 9)),
      rate: 0,
      creditLimit: null,
      paymentDueDate: null,
      statementDelivery: 'online',
      view: emptyView(),
    },
    {
      id: 2,
      name: random.pick(ACCOUNT_NAMES.savings),
      type: 'savings',
      last4: last4(random, taken),
      openingBalance: roundCents(random.int(6000, 21000) + random.int(0, 99) / 100),
      openedOn: opened(random.int(2, 6)),
      rate: random.pick([3.8, 4.0, 4.15, 4.25, 4.35]),
      creditLimit: null,
      paymentDueDate: null,
      statementDelivery: random.pick(['online', 'paper'] as const),
      view: emptyView(),
    },
    {
      id: 3,
      name: random.pick(ACCOUNT_NAMES.credit),
      type: 'credit',
      last4: last4(random, taken),
      openingBalance: -roundCents(random.int(300, 1100) + random.int(0, 99) / 100),
      openedOn: opened(random.int(1, 5)),
      rate: random.pick([19.99, 21.49, 22.99, 24.24]),
      creditLimit: random.pick([6000, 8000, 10000, 12000, 15000]),
      paymentDueDate: `2026-07-${String(random.int(3, 12)).padStart(2, '0')}`,
      statementDelivery: 'online',
      view: emptyView(),
    },
  ];
}

function generatePayees(random: Random): PayeePlan[] {
  const plans = PAYEE_TEMPLATES.map((template) => {
    const [name, email] = random.pick(template.names);
    const raw = template.range[0] + random.next() * (template.range[1] - template.range[0]);
    const amount =
      template.role === 'rent' ? Math.round(raw / 5) * 5 : template.role === 'internet' ? Math.floor(raw) + 0.99 : roundCents(raw);
    const day = template.role === 'rent' ? 1 : random.int(3, 26);
    return { template, name, email, amount, day };
  });
  return random.shuffle(plans).map((plan, index) => ({
    payee: {
      id: index + 1,
      name: plan.name,
      email: plan.email,
      category: plan.template.category,
      createdAt: `${addDays(HISTORY_START, -random.int(40, 700))}T${String(random.int(8, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    } satisfies Payee,
    template: plan.template,
    amount: plan.amount,
    day: plan.day,
    startOffset: random.int(1, 12),
  }));
}

/** The next date on or after TODAY+1 that fits the payee's rhythm. */
function nextDue(plan: PayeePlan): string {
  if (plan.template.every === 'two-weeks') {
    let date = addDays(HISTORY_START, plan.startOffset);
    while (date <= TODAY) date = addDays(date, 14);
    return date;
  }
  let date = `2026-06-${String(plan.day).padStart(2, '0')}`;
  while (date <= TODAY) date = addMonths(date, 1);
  return date;
}

function generateScheduled(random: Random, checking: Account, plans: PayeePlan[]): ScheduledPayment[] {
  const roles = new Set([
    'rent',
    'person',
    ...random.shuffle(['electric', 'internet', 'mobile', 'insurance', 'loan']).slice(0, random.int(2, 3)),
  ]);
  const chosen = plans.filter((plan) => roles.has(plan.template.role));
  const drafts = chosen.map((plan) => {
    const repeats: Repeats =
      plan.template.every === 'two-weeks'
        ? 'biweekly'
        : plan.template.fixed
          ? random.pick(['monthly', 'monthly', 'quarterly'] as const)
          : random.pick(['once', 'monthly'] as const);
    const amount = plan.template.fixed ? plan.amount : roundCents(plan.amount * (0.85 + random.next() * 0.3));
    const memo =
      plan.template.role === 'rent'
        ? `Rent · Unit ${random.int(2, 9)}${random.pick(['A', 'B', 'C', 'D'])}`
        : plan.template.category === 'person'
          ? random.pick(['Cleaning', 'Tutoring', 'Dog walking'])
          : `Account ending ${random.int(1000, 9999)}`;
    return { payeeId: plan.payee.id, accountId: checking.id, amount, date: nextDue(plan), repeats, memo };
  });
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.payeeId - b.payeeId));
  return drafts.map((draft, index) => ({
    id: index + 1,
    ...draft,
    createdAt: `${addDays(TODAY, -random.int(5, 60))}T${String(random.int(8, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
  }));
}

function generateCards(random: Random, accounts: Account[]): Card[] {
  const checking = accounts[0]!;
  const credit = accounts[2]!;
  const debitNetwork = random.pick(['Visa', 'Mastercard'] as const);
  const creditNetwork = credit.name.includes('Mastercard') ? 'Mastercard' : 'Visa';
  const expires = (years: number) => `${String(random.int(1, 12)).padStart(2, '0')}/${String(26 + years).slice(-2)}`;
  const debitLast4 = String(random.int(1000, 9999));
  return [
    {
      id: 1,
      accountId: checking.id,
      name: `${debitNetwork} Debit ending ${debitLast4}`,
      network: debitNetwork,
      last4: debitLast4,
      expires: expires(random.int(1, 4)),
      dailyLimit: random.pick([2500, 3000, 4000, 5000]),
      atmLimit: random.pick([500, 600, 800, 1000]),
      international: random.chance(0.4),
      frozen: false,
    },
    {
      id: 2,
      accountId: credit.id,
      name: `${credit.name} ending ${credit.last4}`,
      network: creditNetwork,
      last4: credit.last4,
      expires: expires(random.int(1, 4)),
      dailyLimit: random.pick([3000, 5000, 7500]),
      atmLimit: random.pick([300, 500, 750]),
      international: true,
      frozen: false,
    },
  ];
}
