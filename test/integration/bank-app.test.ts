import { describe, expect, it } from 'vitest';
import { bank } from '../../environments/bank/index.js';
import { EnvironmentManifestSchema } from '../../src/core/environment.js';
import { appHarness, postForm, flashOf, byId, launchChromium, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;
const COLLECTIONS = ['accounts', 'cards', 'payees', 'scheduledPayments', 'transactions', 'transfers'];

type State = Record<'accounts' | 'transactions' | 'transfers' | 'payees' | 'scheduledPayments' | 'cards', StateRecord[]>;

const { withApp, readState, readStateText } = appHarness<State>(bank);

/** Whether any field of any record equals the value exactly. */
function stateHasValue(state: State, value: string): boolean {
  return Object.values(state).some((records) => records.some((record) => Object.values(record).includes(value)));
}

describe('bank app', () => {
  it('has its manifest (the contract: app-conformance.test.ts)', () => {
    const manifest = EnvironmentManifestSchema.parse(bank.manifest);
    expect(manifest).toMatchObject({
      id: 'bank',
      startPath: '/',
      viewport: { width: 1280, height: 800 },
      allowedOrigins: [],
      hasStateProbe: true,
    });
  });

  it('exposes its collections through the state probe', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      expect(Object.keys(state).sort()).toEqual(COLLECTIONS);
      expect(state.accounts.map((account) => account.type)).toEqual(['checking', 'savings', 'credit']);
      expect(state.transactions.length).toBeGreaterThanOrEqual(110);
      expect(state.payees.length).toBe(8);
      expect(state.scheduledPayments.length).toBeGreaterThanOrEqual(4);
      expect(state.transfers.length).toBeGreaterThanOrEqual(6);
      expect(state.cards.length).toBe(2);
      const account = state.accounts[0]!;
      expect(account.balanceLabel).toMatch(/^\$[\d,]+\.\d{2}$/);
      const transaction = state.transactions[0]!;
      for (const field of [
        'accountName',
        'date',
        'dateLabel',
        'description',
        'category',
        'categoryLabel',
        'amount',
        'amountLabel',
        'balance',
        'balanceLabel',
        'note',
      ]) {
        expect(transaction).toHaveProperty(field);
      }
      expect(transaction.amountLabel).toMatch(/^[+-]\$[\d,]+\.\d{2}$/);
      // Every account has more than one page (15 rows) of history and stays above zero.
      for (const entry of state.accounts.filter((candidate) => candidate.type !== 'savings')) {
        expect(state.transactions.filter((record) => record.accountId === entry.id).length).toBeGreaterThan(15);
      }
      for (const record of state.transactions.filter((candidate) => candidate.accountId === 1))
        expect(Number(record.balance)).toBeGreaterThan(0);
      expect(state.scheduledPayments[0]!.name).toBe(
        `${String(state.scheduledPayments[0]!.payeeName)} on ${String(state.scheduledPayments[0]!.dateLabel)}`,
      );
    });
  });

  it('transfers money, refuses insufficient funds, and reset restores the seeded state', async () => {
    await withApp(SEED, async (app) => {
      const seeded = await readStateText(app);
      const before = JSON.parse(seeded) as State;
      const [checking, savings] = before.accounts as [StateRecord, StateRecord];

      const response = await postForm(app, '/transfer', {
        fromAccountId: '1',
        toAccountId: '2',
        amount: '25',
        date: '2026-07-02',
        memo: 'Summer trip fund',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/transfer');
      expect(flashOf(response)).toContain('Transferred $25.00');
      const after = await readState(app);
      expect(after.transfers).toContainEqual(
        expect.objectContaining({
          fromAccountId: 1,
          toAccountId: 2,
          amount: 25,
          amountLabel: '$25.00',
          date: '2026-07-02',
          memo: 'Summer trip fund',
        }),
      );
      expect(after.transactions.length).toBe(before.transactions.length + 2);
      expect(byId(after.accounts, 1)!.balance).toBeCloseTo(Number(checking.balance) - 25, 2);
      expect(byId(after.accounts, 2)!.balance).toBeCloseTo(Number(savings.balance) + 25, 2);

      const page = await fetch(`${app.origin}/transfer`, {
        headers: { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! },
      });
      expect(await page.text()).toContain('role="status"');

      const broke = await postForm(app, '/transfer', { fromAccountId: '1', toAccountId: '2', amount: '999999', date: '', memo: '' });
      expect(broke.status).toBe(422);
      const brokeHtml = await broke.text();
      expect(brokeHtml).toContain('role="alert"');
      expect(brokeHtml).toContain('Insufficient funds');
      const same = await postForm(app, '/transfer', { fromAccountId: '2', toAccountId: '2', amount: '10', date: '2025-01-01' });
      expect(same.status).toBe(422);
      expect(await same.text()).toContain('Choose two different accounts');
      expect((await readState(app)).transfers.length).toBe(after.transfers.length);

      const reset = await postReset(app, SEED);
      expect(reset.status).toBe(200);
      expect(await reset.json()).toEqual({ ok: true });
      expect(await readStateText(app)).toBe(seeded);
    });
  });

  it('accepts transfers of 2-40 between every pair the form offers, for many seeds', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      await withApp(seed, async (app) => {
        for (const [from, to] of [
          ['1', '2'],
          ['1', '3'],
          ['2', '1'],
          ['2', '3'],
        ] as const) {
          const response = await postForm(app, '/transfer', {
            fromAccountId: from,
            toAccountId: to,
            amount: '40',
            date: '2026-08-14',
            memo: 'Check',
          });
          expect(response.status, `seed ${seed} ${from}→${to}`).toBe(303);
        }
      });
    }
  });

  it('adds, edits and removes payees; removal cancels their scheduled payments', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const created = await postForm(app, '/payees', { name: 'Orion Dental Group', email: 'orion.berlin@example.com', category: 'other' });
      expect(created.status).toBe(303);
      expect(flashOf(created)).toContain('Payee “Orion Dental Group” added');
      let state = await readState(app);
      const payee = state.payees.find((record) => record.name === 'Orion Dental Group')!;
      expect(payee).toMatchObject({ email: 'orion.berlin@example.com', category: 'other', categoryLabel: 'Other', scheduledCount: 0 });

      const invalid = await postForm(app, '/payees', { name: 'Orion Dental Group', email: 'not-an-email', category: '' });
      expect(invalid.status).toBe(422);
      expect(await invalid.text()).toContain('role="alert"');

      expect(
        (
          await postForm(app, `/payees/${String(payee.id)}`, {
            name: 'Orion Dental',
            email: 'billing@oriondental.com',
            category: 'fitness',
          })
        ).status,
      ).toBe(303);
      state = await readState(app);
      expect(byId(state.payees, payee.id)).toMatchObject({ name: 'Orion Dental', categoryLabel: 'Health & fitness' });

      const withPayments = before.scheduledPayments[0]!;
      const name = String(withPayments.payeeName);
      const removed = await postForm(app, `/payees/${String(withPayments.payeeId)}/remove`, { return: '/payees' });
      expect(removed.status).toBe(303);
      expect(removed.headers.get('location')).toBe('/payees');
      state = await readState(app);
      expect(stateHasValue(state, name)).toBe(false);
      expect(state.scheduledPayments.some((record) => record.payeeId === withPayments.payeeId)).toBe(false);
    });
  });

  it('schedules and deletes bill payments', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const payee = before.payees[2]!;
      const response = await postForm(app, '/payments', {
        payeeId: String(payee.id),
        memo: 'Invoice 2207',
        amount: '17',
        date: '2026-07-09',
        repeats: 'monthly',
      });
      expect(response.status).toBe(303);
      let state = await readState(app);
      const payment = state.scheduledPayments.find((record) => record.payeeId === payee.id && record.date === '2026-07-09')!;
      expect(payment).toMatchObject({
        memo: 'Invoice 2207',
        amount: 17,
        amountLabel: '$17.00',
        repeats: 'monthly',
        repeatsLabel: 'Monthly',
        name: `${String(payee.name)} on Jul 9, 2026`,
      });

      const invalid = await postForm(app, '/payments', { payeeId: '', amount: 'ten', date: '2026-02-30', repeats: 'once' });
      expect(invalid.status).toBe(422);
      expect(await invalid.text()).toContain('role="alert"');

      expect((await postForm(app, `/payments/${String(payment.id)}/delete`, {})).status).toBe(303);
      state = await readState(app);
      expect(stateHasValue(state, String(payment.name))).toBe(false);
      expect(state.scheduledPayments.length).toBe(before.scheduledPayments.length);
    });
  });

  it('edits transactions, account settings, card limits and freezes cards', async () => {
    await withApp(SEED, async (app) => {
      expect((await postForm(app, '/transactions/5', { category: 'travel', note: 'Booked the flight home.' })).status).toBe(303);
      expect((await postForm(app, '/accounts/2', { name: 'House Fund', statementDelivery: 'online' })).status).toBe(303);
      expect((await postForm(app, '/cards/1', { dailyLimit: '25', atmLimit: '40', international: 'blocked' })).status).toBe(303);
      expect((await postForm(app, '/cards/2/freeze', { frozen: 'on', return: '/cards' })).status).toBe(303);
      let state = await readState(app);
      expect(byId(state.transactions, 5)).toMatchObject({ category: 'travel', categoryLabel: 'Travel', note: 'Booked the flight home.' });
      expect(byId(state.accounts, 2)).toMatchObject({ name: 'House Fund', statementDelivery: 'online' });
      expect(byId(state.cards, 1)).toMatchObject({
        dailyLimit: 25,
        dailyLimitLabel: '$25',
        atmLimit: 40,
        international: false,
        internationalLabel: 'Blocked',
      });
      expect(byId(state.cards, 2)).toMatchObject({ frozen: true, statusLabel: 'Frozen' });
      expect((await postForm(app, '/cards/2/freeze', { return: '/cards' })).status).toBe(303);
      state = await readState(app);
      expect(byId(state.cards, 2)).toMatchObject({ frozen: false });
      expect((await postForm(app, '/cards/1', { dailyLimit: 'lots', atmLimit: '40', international: 'allowed' })).status).toBe(422);
    });
  });

  it('remembers transaction filters per account and clears them', async () => {
    await withApp(SEED, async (app) => {
      // A reversed range is put in order.
      const response = await postForm(app, '/accounts/1/filters', { category: 'groceries', from: '2026-05-31', to: '2026-04-01' });
      expect(response.status).toBe(303);
      expect(flashOf(response)).toContain('Showing Groceries transactions from Apr 1, 2026 to May 31, 2026');
      let state = await readState(app);
      expect(byId(state.accounts, 1)).toMatchObject({
        filterCategory: 'groceries',
        filterCategoryLabel: 'Groceries',
        filterFrom: '2026-04-01',
        filterTo: '2026-05-31',
      });
      const expected = state.transactions.filter(
        (record) =>
          record.accountId === 1 &&
          record.category === 'groceries' &&
          String(record.date) >= '2026-04-01' &&
          String(record.date) <= '2026-05-31',
      ).length;
      const html = await (await fetch(`${app.origin}/accounts/1`)).text();
      expect(html).toContain(`${expected} matching transaction`);
      expect(html).toContain('<option value="groceries" selected>');
      // A URL range (as statements link to) overrides the saved filters.
      expect(await (await fetch(`${app.origin}/accounts/1?from=2026-03-01&to=2026-03-31`)).text()).not.toContain(
        '<option value="groceries" selected>',
      );

      const invalid = await postForm(app, '/accounts/1/filters', { category: '', from: '2026-13-01', to: '' });
      expect(invalid.status).toBe(422);
      expect(await invalid.text()).toContain('role="alert"');

      expect((await postForm(app, '/accounts/1/filters', { clear: '1' })).status).toBe(303);
      state = await readState(app);
      expect(byId(state.accounts, 1)).toMatchObject({ filterCategory: null, filterFrom: null, filterTo: null });
    });
  });

  it('serves every page as HTML with one h1', async () => {
    await withApp(SEED, async (app) => {
      const paths = [
        '/',
        '/accounts/1',
        '/accounts/1?page=2',
        '/accounts/1?sort=amount&dir=asc',
        '/accounts/1?q=payroll',
        '/accounts/1?category=groceries&from=2026-04-01&to=2026-05-31',
        '/accounts/2',
        '/accounts/3',
        '/accounts/3/details',
        '/transactions/1',
        '/transfer',
        '/transfer?from=2',
        '/payees',
        '/payees/1',
        '/payments',
        '/payments?payee=1',
        '/statements',
        '/statements/2026-04',
        '/statements/2026-03',
        '/cards',
        '/cards/1',
        '/search?q=market',
        '/search',
      ];
      for (const path of paths) {
        const response = await fetch(`${app.origin}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain('text/html');
        const html = await response.text();
        expect(html, path).toMatch(/^<!doctype html>/);
        expect(html, path).toMatch(/<title>[^<]+ · Tidewell<\/title>/);
        expect(html.match(/<h1[ >]/g)?.length, path).toBe(1);
        expect(html, path).not.toContain('__trajsynth');
      }
      const search = await (await fetch(`${app.origin}/search?q=Payroll`)).text();
      expect(search).toContain('Results for “Payroll”');
      expect((await fetch(`${app.origin}/transactions/99999`)).status).toBe(404);
      expect((await fetch(`${app.origin}/statements/2026-09`)).status).toBe(404);
      expect((await fetch(`${app.origin}/assets/app.css`)).headers.get('content-type')).toContain('text/css');
    });
  });

  it('works in a real Chromium through the accessibility tree', { timeout: 90_000 }, async () => {
    await withApp(SEED, async (app) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

        await page.goto(`${app.origin}/accounts/1`);
        let snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "Filter transactions"');
        expect(snapshot).toContain('search "Search transactions"');
        expect(snapshot).toContain('textbox "Date from"');
        expect(snapshot).toContain('link "Next page"');
        const filters = page.getByRole('form', { name: 'Filter transactions' });
        await filters.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Groceries' });
        await filters.getByRole('textbox', { name: 'Date from' }).fill('2026-04-01');
        await filters.getByRole('button', { name: 'Apply filters' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Showing Groceries transactions from Apr 1, 2026');
        expect(byId((await readState(app)).accounts, 1)).toMatchObject({
          filterCategory: 'groceries',
          filterFrom: '2026-04-01',
          filterTo: null,
        });

        // Transfer money: From defaults to checking and To to savings; pick the card instead.
        await page.goto(`${app.origin}/transfer`);
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "Transfer money"');
        const transfer = page.getByRole('form', { name: 'Transfer money' });
        await transfer.getByRole('combobox', { name: 'To account' }).selectOption({ index: 2 });
        await transfer.getByRole('textbox', { name: 'Amount' }).fill('32');
        await transfer.getByRole('textbox', { name: 'Date' }).fill('2026-07-20');
        await transfer.getByRole('textbox', { name: 'Memo' }).fill('Pay down the card');
        await transfer.getByRole('button', { name: 'Transfer' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Transferred $32.00');
        let state = await readState(app);
        expect(state.transfers).toContainEqual(
          expect.objectContaining({ fromAccountId: 1, toAccountId: 3, amount: 32, memo: 'Pay down the card', date: '2026-07-20' }),
        );

        // Insufficient funds shows an alert.
        await transfer.getByRole('textbox', { name: 'Amount' }).fill('500000');
        await transfer.getByRole('button', { name: 'Transfer' }).click();
        await expect.poll(() => page.getByRole('alert').textContent()).toContain('Insufficient funds');

        // New payee, then remove it through the confirmation dialog.
        await page.goto(`${app.origin}/payees`);
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "New payee"');
        expect(snapshot).toMatch(/button "Remove “[^”]+”"/);
        const payeeForm = page.getByRole('form', { name: 'New payee' });
        await payeeForm.getByRole('textbox', { name: 'Name' }).fill('Lighthouse Tutoring');
        await payeeForm.getByRole('textbox', { name: 'Email' }).fill('orion.berlin@example.com');
        await payeeForm.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Other' });
        await payeeForm.getByRole('button', { name: 'Add payee' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Payee “Lighthouse Tutoring” added');
        expect((await readState(app)).payees).toContainEqual(
          expect.objectContaining({ name: 'Lighthouse Tutoring', email: 'orion.berlin@example.com' }),
        );
        await page.getByRole('button', { name: 'Remove “Lighthouse Tutoring”' }).click();
        const dialog = page.getByRole('dialog', { name: 'Remove this payee?' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('removed');
        expect((await readState(app)).payees.some((record) => record.name === 'Lighthouse Tutoring')).toBe(false);

        // Scheduled payments carry Delete “<payee> on <date>” row buttons.
        await page.goto(`${app.origin}/payments`);
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "Pay a bill"');
        expect(snapshot).toMatch(/button "Delete “[^”]+ on [A-Z][a-z]{2} \d{1,2}, 2026”"/);

        // The Freeze toggle submits on change.
        await page.goto(`${app.origin}/cards`);
        state = await readState(app);
        const card = state.cards[0]!;
        snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain(`checkbox "Freeze “${String(card.name)}”"`);
        await page.getByRole('checkbox', { name: `Freeze “${String(card.name)}”` }).check();
        await expect.poll(async () => byId((await readState(app)).cards, card.id)?.frozen).toBe(true);
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('frozen');
        await page.waitForLoadState('load');

        // The Card limits form is prefilled and edits in place.
        await page.goto(`${app.origin}/cards/${String(card.id)}`);
        const limits = page.getByRole('form', { name: 'Card limits' });
        expect(await limits.getByRole('spinbutton', { name: 'Daily spending limit' }).inputValue()).toBe(String(card.dailyLimit));
        await limits.getByRole('spinbutton', { name: 'ATM limit' }).fill('35');
        await limits
          .getByRole('combobox', { name: 'International transactions' })
          .selectOption({ label: card.international ? 'Blocked' : 'Allowed' });
        await limits.getByRole('button', { name: 'Save limits' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('saved');
        expect(byId((await readState(app)).cards, card.id)).toMatchObject({ atmLimit: 35, international: !card.international });
      } finally {
        await browser.close();
      }
    });
  });
});
