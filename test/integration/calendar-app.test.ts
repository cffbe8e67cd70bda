import { describe, expect, it } from 'vitest';
import { calendar } from '../../environments/calendar/index.js';
import { EnvironmentManifestSchema, type AppServer } from '../../src/core/environment.js';
import { appHarness, postForm, launchChromium, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;

type State = Record<'events' | 'invitations' | 'calendars' | 'settings' | 'people', StateRecord[]>;

const { withApp, readState, readStateText } = appHarness<State>(calendar);

async function getHtml(app: AppServer, path: string): Promise<string> {
  const response = await fetch(`${app.origin}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
}

const NEW_EVENT = {
  title: 'Quarterly roadmap sync',
  date: '2026-06-24',
  startTime: '09:15',
  endTime: '14:45',
  calendarId: '3',
  location: 'Room Atlas',
  attendees: 'orion.berlin@example.com',
  repeats: 'weekly',
  timeZone: 'Asia/Tokyo',
  description: 'Walk through the roadmap for the next quarter.',
};

describe('calendar app', () => {
  it('has its manifest (the contract: app-conformance.test.ts)', () => {
    const manifest = EnvironmentManifestSchema.parse(calendar.manifest);
    expect(manifest).toMatchObject({
      id: 'calendar',
      startPath: '/month/2026-06',
      viewport: { width: 1280, height: 800 },
      allowedOrigins: [],
      hasStateProbe: true,
    });
  });

  it('exposes its collections through the state probe', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      expect(Object.keys(state).sort()).toEqual(['calendars', 'events', 'invitations', 'people', 'settings']);
      expect(state.events.length).toBeGreaterThanOrEqual(45);
      expect(state.invitations.filter((invitation) => invitation.status === 'pending').length).toBeGreaterThanOrEqual(6);
      expect(state.calendars.map((record) => record.name)).toEqual(['Work', 'Team', 'Personal', 'Travel', 'Fitness']);
      expect(state.settings).toHaveLength(1);
      const event = state.events[0]!;
      for (const field of [
        'title',
        'date',
        'dateLabel',
        'startTime',
        'endTime',
        'calendarName',
        'location',
        'attendees',
        'repeats',
        'repeatsLabel',
        'timeZone',
        'timeZoneLabel',
      ]) {
        expect(event).toHaveProperty(field);
      }
      expect(event.date).toMatch(/^2026-0[5-7]-\d{2}$/);
      expect(state.events.some((record) => record.recurring === true)).toBe(true);
      expect(state.invitations[0]).toHaveProperty('statusLabel');
      expect(state.settings[0]).toMatchObject({ id: 1, defaultView: 'month' });
      const titles = state.events.map((record) => record.title);
      expect(new Set(titles).size).toBe(titles.length);
    });
  });

  it('creates, validates, edits, duplicates and deletes events, then reset restores the seed', async () => {
    await withApp(SEED, async (app) => {
      const seeded = await readStateText(app);
      const before = JSON.parse(seeded) as State;

      const created = await postForm(app, '/events', NEW_EVENT);
      expect(created.status).toBe(303);
      expect(created.headers.get('location')).toMatch(/^\/events\/\d+$/);
      expect(decodeURIComponent(created.headers.get('set-cookie') ?? '')).toContain('Event “Quarterly roadmap sync” created');
      let state = await readState(app);
      expect(state.events.length).toBe(before.events.length + 1);
      const event = state.events.find((record) => record.title === NEW_EVENT.title)!;
      expect(event).toMatchObject({
        date: '2026-06-24',
        dateLabel: 'Jun 24, 2026',
        startTime: '09:15',
        endTime: '14:45',
        calendarName: 'Personal',
        location: 'Room Atlas',
        attendees: 'orion.berlin@example.com',
        repeats: 'weekly',
        repeatsLabel: 'Weekly',
        timeZoneLabel: 'Tokyo (GMT+9)',
        description: NEW_EVENT.description,
      });
      // The weekly event repeats into later weeks.
      expect(await getHtml(app, '/week/2026-07-08')).toContain(NEW_EVENT.title);
      expect(await getHtml(app, '/week/2026-06-17')).not.toContain(NEW_EVENT.title);

      const invalid = await postForm(app, '/events', {
        ...NEW_EVENT,
        title: '',
        startTime: '15:00',
        endTime: '14:00',
        attendees: 'not-an-email',
      });
      expect(invalid.status).toBe(422);
      const invalidHtml = await invalid.text();
      expect(invalidHtml).toContain('role="alert"');
      expect(invalidHtml).toContain('Title is required');
      expect(invalidHtml).toContain('End time must be after the start time');
      expect(invalidHtml).toContain('is not a valid email address');

      const edited = await postForm(app, `/events/${String(event.id)}`, {
        ...NEW_EVENT,
        title: 'Roadmap sync (moved)',
        date: '2026-06-26',
        repeats: 'none',
        attendees: 'a@example.com, b@example.org',
      });
      expect(edited.status).toBe(303);
      state = await readState(app);
      expect(state.events.find((record) => record.id === event.id)).toMatchObject({
        title: 'Roadmap sync (moved)',
        date: '2026-06-26',
        repeats: 'none',
        attendees: 'a@example.com, b@example.org',
        attendeeCount: 2,
      });

      expect((await postForm(app, `/events/${String(event.id)}/attendees`, { email: 'orion.berlin@example.com' })).status).toBe(303);
      expect((await postForm(app, `/events/${String(event.id)}/attendees/remove`, { email: 'a@example.com' })).status).toBe(303);
      expect((await postForm(app, `/events/${String(event.id)}/attendees`, { email: 'nope' })).status).toBe(422);
      state = await readState(app);
      expect(state.events.find((record) => record.id === event.id)?.attendees).toBe('b@example.org, orion.berlin@example.com');

      expect((await postForm(app, `/events/${String(event.id)}/duplicate`, {})).status).toBe(303);
      state = await readState(app);
      expect(state.events.some((record) => record.title === 'Roadmap sync (moved) (copy)')).toBe(true);

      expect((await postForm(app, `/events/${String(event.id)}/delete`, {})).status).toBe(303);
      state = await readState(app);
      expect(state.events.some((record) => record.id === event.id)).toBe(false);

      const reset = await postReset(app, SEED);
      expect(reset.status).toBe(200);
      expect(await reset.json()).toEqual({ ok: true });
      expect(await readStateText(app)).toBe(seeded);
    });
  });

  it('accepts and declines invitations, toggles calendars, adds a calendar and saves settings', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const [first, second] = before.invitations.filter((invitation) => invitation.status === 'pending');
      expect((await postForm(app, `/invitations/${String(first!.id)}/accept`, {})).status).toBe(303);
      expect((await postForm(app, `/invitations/${String(second!.id)}/decline`, {})).status).toBe(303);
      let state = await readState(app);
      const accepted = state.invitations.find((invitation) => invitation.id === first!.id)!;
      expect(accepted).toMatchObject({ status: 'accepted', statusLabel: 'Accepted' });
      expect(state.events.find((event) => event.id === accepted.eventId)).toMatchObject({
        title: first!.title,
        date: first!.date,
        calendarName: 'Work',
      });
      expect(state.invitations.find((invitation) => invitation.id === second!.id)).toMatchObject({
        status: 'declined',
        statusLabel: 'Declined',
        eventId: null,
      });
      expect(await getHtml(app, '/invitations')).not.toContain(`Accept “${String(first!.title)}”`);

      const work = state.events.find(
        (event) => event.calendarName === 'Work' && String(event.date).startsWith('2026-06') && event.repeats === 'none',
      )!;
      expect(await getHtml(app, '/month/2026-06')).toContain(String(work.title));
      expect((await postForm(app, '/calendars/1/visibility', { return: '/month/2026-06' })).headers.get('location')).toBe('/month/2026-06');
      state = await readState(app);
      expect(state.calendars[0]).toMatchObject({ name: 'Work', visible: false });
      expect(await getHtml(app, '/month/2026-06')).not.toContain(`${String(work.startTime)} ${String(work.title)}`);
      expect((await postForm(app, '/calendars/1/visibility', { visible: 'on' })).status).toBe(303);
      expect((await readState(app)).calendars[0]).toMatchObject({ visible: true });

      expect((await postForm(app, '/calendars', { name: 'Book club', color: '#0891b2', description: 'Monthly reads' })).status).toBe(303);
      expect((await postForm(app, '/calendars', { name: 'book club', color: '' })).status).toBe(422);
      state = await readState(app);
      expect(state.calendars.at(-1)).toMatchObject({ name: 'Book club', colorLabel: 'Teal', visible: true, eventCount: 0 });

      const saved = await postForm(app, '/settings', {
        timeZone: 'America/New_York',
        weekStart: 'sunday',
        defaultCalendarId: '2',
        defaultView: 'week',
      });
      expect(saved.status).toBe(303);
      state = await readState(app);
      expect(state.settings[0]).toMatchObject({
        timeZoneLabel: 'New York (GMT-4)',
        weekStart: 'sunday',
        weekStartLabel: 'Sunday',
        defaultCalendarName: 'Team',
        defaultView: 'week',
      });
      expect(await getHtml(app, '/week/2026-06-17')).toContain('Jun 14 – 20, 2026');
      expect(await getHtml(app, '/')).toContain('Jun 14 – 20, 2026');
    });
  });

  it('serves every page as HTML', async () => {
    await withApp(SEED, async (app) => {
      const paths = [
        '/',
        '/month',
        '/month/2026-05',
        '/month/2026-07',
        '/week',
        '/week/2026-06-15',
        '/day',
        '/day/2026-06-15',
        '/list',
        '/list?scope=past',
        '/list?scope=all&sort=title&dir=desc',
        '/list?scope=all&page=2',
        '/events/new',
        '/events/1',
        '/events/1?on=2026-06-22',
        '/events/1/edit',
        '/invitations',
        '/invitations?tab=responded',
        '/calendars',
        '/settings',
        '/search',
        '/search?q=review',
      ];
      for (const path of paths) {
        const html = await getHtml(app, path);
        expect(html, path).toMatch(/^<!doctype html>/);
        expect(html, path).toMatch(/<title>[^<]+ · Meridian<\/title>/);
        expect(html.match(/<h1/g)?.length, path).toBe(1);
      }
      expect((await fetch(`${app.origin}/events/9999`)).status).toBe(404);
      expect((await fetch(`${app.origin}/month/2026-13`)).status).toBe(404);
      const jump = await fetch(`${app.origin}/goto?view=week&date=2026-07-02`, { redirect: 'manual' });
      expect(jump.headers.get('location')).toBe('/week/2026-07-02');
      expect((await fetch(`${app.origin}/assets/app.css`)).headers.get('content-type')).toContain('text/css');
      expect(await getHtml(app, '/search?q=review')).toContain('Results for “review”');
    });
  });

  it('works in a real Chromium through the accessibility tree', { timeout: 90_000 }, async () => {
    await withApp(SEED, async (app) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${app.origin}/events/new`);
        expect(await page.ariaSnapshot({ mode: 'ai' })).toContain('form "New event"');
        const form = page.getByRole('form', { name: 'New event' });
        await form.getByRole('textbox', { name: 'Title' }).fill('Vendor contract review');
        await form.getByRole('textbox', { name: 'Date' }).fill('2026-07-01');
        await form.getByRole('textbox', { name: 'Start time' }).fill('10:30');
        await form.getByRole('textbox', { name: 'End time' }).fill('15:00');
        await form.getByRole('combobox', { name: 'Calendar' }).selectOption({ label: 'Team' });
        await form.getByRole('textbox', { name: 'Location' }).fill('Boardroom');
        await form.getByRole('textbox', { name: 'Attendees' }).fill('orion.berlin@example.com');
        await form.getByRole('combobox', { name: 'Repeats' }).selectOption({ label: 'Monthly' });
        await form.getByRole('combobox', { name: 'Time zone' }).selectOption({ label: 'London (GMT+1)' });
        await form.getByRole('textbox', { name: 'Description' }).fill('Agree on renewal terms.');
        await form.getByRole('button', { name: 'Create event' }).click();
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Event “Vendor contract review” created');
        const created = (await readState(app)).events.find((event) => event.title === 'Vendor contract review')!;
        expect(created).toMatchObject({
          date: '2026-07-01',
          startTime: '10:30',
          endTime: '15:00',
          calendarName: 'Team',
          attendees: 'orion.berlin@example.com',
          repeatsLabel: 'Monthly',
          timeZone: 'Europe/London',
          location: 'Boardroom',
        });

        // The monthly event shows up in August too.
        await page.goto(`${app.origin}/month/2026-08`);
        await page.getByRole('link', { name: '10:30 Vendor contract review' }).first().click();
        await page.waitForURL(`${app.origin}/events/${String(created.id)}?on=2026-08-01`);

        const detail = await page.ariaSnapshot({ mode: 'ai' });
        expect(detail).toContain('form "Add attendee"');
        expect(detail).toContain('button "Delete event"');
        expect(detail).toContain('button "Remove “orion.berlin@example.com”"');

        await page.getByRole('button', { name: 'Delete event' }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete this event?' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await dialog.getByRole('button', { name: 'Delete' }).click();
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('deleted');
        expect((await readState(app)).events.some((event) => event.id === created.id)).toBe(false);

        await page.goto(`${app.origin}/invitations`);
        const invitations = await page.ariaSnapshot({ mode: 'ai' });
        expect(invitations).toMatch(/button "Accept “[^”]+”"/);
        expect(invitations).toMatch(/button "Decline “[^”]+”"/);
        const pending = (await readState(app)).invitations.find((invitation) => invitation.status === 'pending')!;
        await page.getByRole('button', { name: `Accept “${String(pending.title)}”` }).click();
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('Accepted');
        expect((await readState(app)).invitations.find((invitation) => invitation.id === pending.id)?.status).toBe('accepted');

        // Calendar toggles submit on change.
        await page.goto(`${app.origin}/month/2026-06`);
        expect(await page.ariaSnapshot({ mode: 'ai' })).toContain('checkbox "Show “Team”"');
        await page.getByRole('checkbox', { name: 'Show “Team”' }).uncheck();
        await expect.poll(async () => (await readState(app)).calendars.find((record) => record.name === 'Team')?.visible).toBe(false);
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('hidden');
        await page.waitForLoadState('load');

        await page.goto(`${app.origin}/settings`);
        await page.getByRole('combobox', { name: 'Week starts on' }).selectOption({ label: 'Sunday' });
        await page.getByRole('combobox', { name: 'Time zone' }).selectOption({ label: 'Tokyo (GMT+9)' });
        await page.getByRole('button', { name: 'Save settings' }).click();
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('Settings saved');
        expect((await readState(app)).settings[0]).toMatchObject({ weekStart: 'sunday', timeZone: 'Asia/Tokyo' });
      } finally {
        await browser.close();
      }
    });
  });
});
