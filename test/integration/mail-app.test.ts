import { describe, expect, it } from 'vitest';
import { HARNESS_READ_HEADER } from '../../src/core/environment.js';
import { mail } from '../../environments/mail/index.js';
import { EnvironmentManifestSchema } from '../../src/core/environment.js';
import { appHarness, postForm, flashOf, launchChromium, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;

type State = Record<'messages' | 'labels' | 'drafts' | 'folders' | 'settings', StateRecord[]>;

const { withApp, readState, readStateText } = appHarness<State>(mail);

function messageById(state: State, id: unknown): StateRecord | undefined {
  return state.messages.find((message) => message.id === id);
}

describe('mail app (Larkmail)', () => {
  it('has its manifest (the contract: app-conformance.test.ts)', () => {
    const manifest = EnvironmentManifestSchema.parse(mail.manifest);
    expect(manifest).toMatchObject({
      id: 'mail',
      startPath: '/mail/inbox',
      viewport: { width: 1280, height: 800 },
      allowedOrigins: [],
      hasStateProbe: true,
    });
  });

  it('exposes its collections through the state probe', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      expect(Object.keys(state).sort()).toEqual(['drafts', 'folders', 'labels', 'messages', 'settings']);
      expect(state.messages.length).toBeGreaterThanOrEqual(50);
      expect(state.labels.length).toBeGreaterThanOrEqual(5);
      expect(state.drafts.length).toBeGreaterThanOrEqual(2);
      expect(state.settings).toHaveLength(1);
      const message = state.messages[0]!;
      for (const field of [
        'folder',
        'folderLabel',
        'from',
        'fromName',
        'to',
        'subject',
        'body',
        'date',
        'dateLabel',
        'read',
        'starred',
        'labels',
      ]) {
        expect(message).toHaveProperty(field);
      }
      const subjects = state.messages.map((record) => record.subject);
      expect(new Set(subjects).size).toBe(subjects.length);
      // The inbox always needs more than one page (15 rows), and some mail is unread, starred, labelled.
      expect(state.messages.filter((record) => record.folder === 'inbox').length).toBeGreaterThan(15);
      expect(state.messages.some((record) => record.read === false)).toBe(true);
      expect(state.messages.some((record) => record.starred === true)).toBe(true);
      expect(state.messages.some((record) => record.labels !== '')).toBe(true);
      expect(state.messages.some((record) => record.inReplyToId !== null)).toBe(true);
      const dates = state.messages.map((record) => String(record.date)).sort();
      expect(dates[0]! >= '2026-05-01').toBe(true);
      expect(dates[dates.length - 1]! < '2026-06-15T09:30:00Z').toBe(true);
      expect(state.folders.map((folder) => folder.name)).toEqual(['Inbox', 'Starred', 'Sent', 'Drafts', 'Archive', 'Trash']);
    });
  });

  it('sends, drafts and validates through the compose route, then reset restores the seed', async () => {
    await withApp(SEED, async (app) => {
      const seeded = await readStateText(app);
      const before = JSON.parse(seeded) as State;

      const sent = await postForm(app, '/compose', {
        to: 'orion.berlin@example.com',
        cc: 'vega.lisbon@example.org',
        subject: 'Quarterly planning notes',
        body: 'Please review the attached planning notes before Friday.',
        intent: 'send',
      });
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe('/mail/sent');
      expect(flashOf(sent)).toContain('Message “Quarterly planning notes” sent');
      let state = await readState(app);
      expect(state.messages.length).toBe(before.messages.length + 1);
      expect(state.messages).toContainEqual(
        expect.objectContaining({
          folder: 'sent',
          folderLabel: 'Sent',
          to: 'orion.berlin@example.com',
          cc: 'vega.lisbon@example.org',
          subject: 'Quarterly planning notes',
          body: 'Please review the attached planning notes before Friday.',
          read: true,
          sent: true,
        }),
      );

      const page = await fetch(`${app.origin}/mail/sent`, { headers: { cookie: (sent.headers.get('set-cookie') ?? '').split(';')[0]! } });
      const sentHtml = await page.text();
      expect(sentHtml).toContain('role="status"');
      expect(sentHtml).toContain('Quarterly planning notes');

      const draft = await postForm(app, '/compose', {
        to: '',
        cc: '',
        subject: 'Packing list for the offsite',
        body: 'Chargers, badge',
        intent: 'draft',
      });
      expect(draft.status).toBe(303);
      expect(draft.headers.get('location')).toBe('/drafts');
      state = await readState(app);
      const saved = state.drafts.find((record) => record.subject === 'Packing list for the offsite')!;
      expect(saved).toMatchObject({ to: '', body: 'Chargers, badge' });

      // Sending the draft removes it and files the message in Sent.
      const fromDraft = await postForm(app, '/compose', {
        draftId: String(saved.id),
        to: 'orion.berlin@example.com',
        cc: '',
        subject: 'Packing list for the offsite',
        body: 'Chargers, badge',
        intent: 'send',
      });
      expect(fromDraft.status).toBe(303);
      state = await readState(app);
      expect(state.drafts.some((record) => record.id === saved.id)).toBe(false);
      expect(state.messages).toContainEqual(expect.objectContaining({ subject: 'Packing list for the offsite', folder: 'sent' }));

      // Replies keep the thread.
      const original = before.messages.find((record) => record.folder === 'inbox' && record.sent === false)!;
      const reply = await postForm(app, '/compose', {
        replyToId: String(original.id),
        to: String(original.from),
        cc: '',
        subject: `Re: ${String(original.subject)}`,
        body: 'Thanks, sounds good.',
        intent: 'send',
      });
      expect(reply.status).toBe(303);
      state = await readState(app);
      expect(state.messages).toContainEqual(
        expect.objectContaining({ inReplyToId: original.id, threadId: original.threadId, body: 'Thanks, sounds good.' }),
      );
      expect(messageById(state, original.id)).toMatchObject({ replied: true });

      const invalid = await postForm(app, '/compose', { to: 'not-an-address', cc: '', subject: '', body: 'x', intent: 'send' });
      expect(invalid.status).toBe(422);
      const invalidHtml = await invalid.text();
      expect(invalidHtml).toContain('role="alert"');
      expect(invalidHtml).toContain('To must be an email address');
      expect(invalidHtml).toContain('Subject is required');

      const reset = await postReset(app, SEED);
      expect(reset.status).toBe(200);
      expect(await reset.json()).toEqual({ ok: true });
      expect(await readStateText(app)).toBe(seeded);
    });
  });

  it('marks a message read when a person opens it, but not when the harness reads it to check a task', async () => {
    await withApp(SEED, async (app) => {
      const unread = (await readState(app)).messages.filter((record) => record.read === false);
      const [checked, opened] = unread;
      const page = await fetch(`${app.origin}/messages/${String(checked!.id)}`, { headers: { [HARNESS_READ_HEADER]: '1' } });
      expect(await page.text()).toContain(String(checked!.subject));
      expect(messageById(await readState(app), checked!.id)).toMatchObject({ read: false });
      await (await fetch(`${app.origin}/messages/${String(opened!.id)}`)).text();
      expect(messageById(await readState(app), opened!.id)).toMatchObject({ read: true });
    });
  });

  it('changes messages through the row and message-page routes', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const target = before.messages.find((record) => record.folder === 'inbox' && record.read === false && record.starred === false)!;
      const id = String(target.id);
      const label = before.labels.find((record) => !String(target.labels).includes(String(record.name)))!;

      expect((await postForm(app, `/messages/${id}/read`, { read: 'on', return: '/mail/inbox' })).status).toBe(303);
      expect((await postForm(app, `/messages/${id}/star`, { starred: 'on', return: '/mail/inbox' })).status).toBe(303);
      expect((await postForm(app, `/messages/${id}/labels`, { labelId: String(label.id) })).status).toBe(303);
      let state = await readState(app);
      expect(messageById(state, target.id)).toMatchObject({ read: true, starred: true });
      expect(String(messageById(state, target.id)!.labels)).toContain(String(label.name));

      expect((await postForm(app, `/messages/${id}/unlabel`, { labelId: String(label.id) })).status).toBe(303);
      expect((await postForm(app, `/messages/${id}/archive`, { return: '/mail/inbox' })).status).toBe(303);
      state = await readState(app);
      expect(messageById(state, target.id)).toMatchObject({ folder: 'archive', folderLabel: 'Archive', labels: target.labels });
      const inboxHtml = await (await fetch(`${app.origin}/mail/inbox`)).text();
      expect(inboxHtml).not.toContain(`Archive “${String(target.subject)}”`);

      expect((await postForm(app, `/messages/${id}/move`, { folder: 'inbox' })).status).toBe(303);
      expect(messageById(await readState(app), target.id)).toMatchObject({ folder: 'inbox' });

      const deleted = await postForm(app, `/messages/${id}/delete`, {});
      expect(deleted.status).toBe(303);
      expect(flashOf(deleted)).toContain('moved to Trash');
      expect(messageById(await readState(app), target.id)).toMatchObject({ folder: 'trash', folderLabel: 'Trash' });
      expect((await postForm(app, `/messages/${id}/restore`, {})).status).toBe(303);
      expect(messageById(await readState(app), target.id)).toMatchObject({ folder: 'inbox' });
      await postForm(app, `/messages/${id}/delete`, {});
      await postForm(app, `/messages/${id}/delete`, {});
      expect(messageById(await readState(app), target.id)).toBeUndefined();

      const markAll = await postForm(app, '/mark-all-read', { scope: 'inbox', return: '/mail/inbox' });
      expect(markAll.status).toBe(303);
      state = await readState(app);
      expect(state.folders.find((folder) => folder.key === 'inbox')).toMatchObject({ unreadCount: 0 });

      // Opening a message marks it read.
      const unread = state.messages.find((record) => record.read === false)!;
      await fetch(`${app.origin}/messages/${String(unread.id)}`);
      expect(messageById(await readState(app), unread.id)).toMatchObject({ read: true });
    });
  });

  it('saves settings, signature, labels and deletes drafts', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const general = await postForm(app, '/settings/general', {
        displayName: 'Orion Berlin',
        vacationEnabled: 'on',
        vacationMessage: 'Back on the first of July.',
        vacationEndDate: '2026-07-01',
      });
      expect(general.status).toBe(303);
      const signature = await postForm(app, '/settings/signature', { signature: 'Orion Berlin, Field Notes' });
      expect(signature.status).toBe(303);
      let state = await readState(app);
      expect(state.settings[0]).toMatchObject({
        displayName: 'Orion Berlin',
        vacationEnabled: true,
        vacationMessage: 'Back on the first of July.',
        vacationEndDate: '2026-07-01',
        vacationEndLabel: 'Jul 1, 2026',
        signature: 'Orion Berlin, Field Notes',
      });

      const badDate = await postForm(app, '/settings/general', {
        displayName: 'Orion',
        vacationMessage: 'x',
        vacationEndDate: '2026-02-31',
      });
      expect(badDate.status).toBe(422);
      expect(await badDate.text()).toContain('role="alert"');

      const created = await postForm(app, '/labels', { name: 'Board Meetings', color: 'teal' });
      expect(created.status).toBe(303);
      state = await readState(app);
      const label = state.labels.find((record) => record.name === 'Board Meetings')!;
      expect(label).toMatchObject({ color: 'teal', colorLabel: 'Teal', messageCount: 0 });
      const duplicate = await postForm(app, '/labels', { name: 'board meetings', color: 'red' });
      expect(duplicate.status).toBe(422);
      expect((await postForm(app, `/labels/${String(label.id)}/delete`, {})).status).toBe(303);
      expect((await readState(app)).labels.some((record) => record.id === label.id)).toBe(false);

      const draft = before.drafts[0]!;
      expect((await postForm(app, `/drafts/${String(draft.id)}/delete`, {})).status).toBe(303);
      expect((await readState(app)).drafts.length).toBe(before.drafts.length - 1);
    });
  });

  it('serves every page as HTML', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      const paths = [
        '/mail/inbox',
        '/mail/inbox?page=2',
        '/mail/inbox?sort=sender&dir=asc',
        '/mail/inbox?show=unread&label=1',
        '/mail/starred',
        '/mail/sent',
        '/mail/archive',
        '/mail/trash',
        '/drafts',
        '/labels/1',
        `/messages/${String(state.messages[0]!.id)}`,
        '/compose',
        `/compose?reply=${String(state.messages[0]!.id)}`,
        `/compose?forward=${String(state.messages[0]!.id)}`,
        `/compose?draft=${String(state.drafts[0]!.id)}`,
        '/search?q=the',
        '/search',
        '/settings',
        '/settings/signature',
        '/settings/labels',
      ];
      for (const path of paths) {
        const response = await fetch(`${app.origin}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain('text/html');
        const html = await response.text();
        expect(html, path).toMatch(/^<!doctype html>/);
        expect(html, path).toMatch(/<title>[^<]+ · Larkmail<\/title>/);
        expect(html.match(/<h1/g)?.length, path).toBe(1);
      }
      expect((await fetch(`${app.origin}/`, { redirect: 'manual' })).headers.get('location')).toBe('/mail/inbox');
      expect((await fetch(`${app.origin}/messages/9999`)).status).toBe(404);
      expect((await fetch(`${app.origin}/mail/nowhere`)).status).toBe(404);
      const search = await (await fetch(`${app.origin}/search?q=${encodeURIComponent(String(state.messages[3]!.fromName))}`)).text();
      expect(search).toContain(String(state.messages[3]!.subject).replaceAll('&', '&amp;'));
    });
  });

  it('works in a real Chromium through the accessibility tree', { timeout: 90_000 }, async () => {
    await withApp(SEED, async (app) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${app.origin}/mail/inbox`);
        const inbox = await page.ariaSnapshot({ mode: 'ai' });
        expect(inbox).toContain('form "Filter messages"');
        expect(inbox).toContain('search');
        expect(inbox).toMatch(/checkbox "Mark “[^”]+” read"/);
        expect(inbox).toMatch(/checkbox "Star “[^”]+”"/);
        expect(inbox).toMatch(/button "Archive “[^”]+”"/);
        expect(inbox).toContain('link "Next page"');

        // Compose and send.
        await page.getByRole('link', { name: 'Compose' }).first().click();
        await page.waitForURL(`${app.origin}/compose`);
        expect(await page.ariaSnapshot({ mode: 'ai' })).toContain('form "New message"');
        const form = page.getByRole('form', { name: 'New message' });
        await form.getByRole('textbox', { name: 'To' }).fill('orion.berlin@example.com');
        await form.getByRole('textbox', { name: 'Subject' }).fill('Lunch on Thursday');
        await form.getByRole('textbox', { name: 'Message' }).fill('Shall we try the new ramen place at noon?');
        await form.getByRole('button', { name: 'Send' }).click();
        await page.waitForURL(`${app.origin}/mail/sent`);
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Message “Lunch on Thursday” sent');
        let state = await readState(app);
        const created = state.messages.find((record) => record.subject === 'Lunch on Thursday')!;
        expect(created).toMatchObject({
          folder: 'sent',
          to: 'orion.berlin@example.com',
          body: 'Shall we try the new ramen place at noon?',
        });

        // The star checkbox submits on change.
        await page.getByRole('checkbox', { name: 'Star “Lunch on Thursday”' }).check();
        await expect.poll(async () => messageById(await readState(app), created.id)?.starred).toBe(true);
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('starred');
        await page.waitForLoadState('load');

        // Message page: the Move to select auto-submits; Delete goes through a dialog.
        const target = state.messages.find((record) => record.folder === 'inbox')!;
        await page.goto(`${app.origin}/messages/${String(target.id)}`);
        const view = await page.ariaSnapshot({ mode: 'ai' });
        expect(view).toContain('combobox "Move to"');
        expect(view).toContain('combobox "Add label"');
        expect(view).toContain('button "Delete message"');
        await page.getByRole('combobox', { name: 'Move to' }).selectOption({ label: 'Archive' });
        await expect.poll(async () => messageById(await readState(app), target.id)?.folder).toBe('archive');
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('moved to Archive');
        await page.waitForLoadState('load');
        await page.getByRole('button', { name: 'Delete message' }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete this message?' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await dialog.getByRole('button', { name: 'Delete' }).click();
        await page.waitForURL(`${app.origin}/mail/archive`);
        expect(messageById(await readState(app), target.id)).toMatchObject({ folder: 'trash' });

        // Settings: the New label form.
        await page.goto(`${app.origin}/settings/labels`);
        expect(await page.ariaSnapshot({ mode: 'ai' })).toContain('form "New label"');
        const labelForm = page.getByRole('form', { name: 'New label' });
        await labelForm.getByRole('textbox', { name: 'Name' }).fill('Harbor Pilot');
        await labelForm.getByRole('combobox', { name: 'Color' }).selectOption({ label: 'Green' });
        await labelForm.getByRole('button', { name: 'Create label' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Label “Harbor Pilot” created');
        state = await readState(app);
        expect(state.labels).toContainEqual(expect.objectContaining({ name: 'Harbor Pilot', color: 'green' }));
      } finally {
        await browser.close();
      }
    });
  });
});
