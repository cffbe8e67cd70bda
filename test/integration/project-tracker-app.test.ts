import { describe, expect, it } from 'vitest';
import { projectTracker } from '../../environments/project-tracker/index.js';
import { appHarness, postForm, launchChromium, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;

type State = Record<'projects' | 'tasks' | 'comments' | 'people', StateRecord[]>;

const { withApp, readState, readStateText } = appHarness<State>(projectTracker);

describe('project-tracker app', () => {
  it('has its manifest (the contract: app-conformance.test.ts)', () => {
    expect(projectTracker.manifest).toMatchObject({
      id: 'project-tracker',
      domain: 'project management',
      startPath: '/',
      viewport: { width: 1280, height: 800 },
      allowedOrigins: [],
      hasStateProbe: true,
    });
  });

  it('exposes its collections through the state probe', async () => {
    await withApp(SEED, async (app) => {
      expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const state = await readState(app);
      expect(Object.keys(state).sort()).toEqual(['comments', 'people', 'projects', 'tasks']);
      expect(state.people.length).toBeGreaterThanOrEqual(7);
      expect(state.projects.length).toBeGreaterThanOrEqual(5);
      expect(state.tasks.length).toBeGreaterThanOrEqual(35);
      expect(state.comments.length).toBeGreaterThanOrEqual(20);
      const task = state.tasks[0]!;
      expect(task).toMatchObject({ id: 1, projectId: 1, archived: false });
      for (const field of [
        'title',
        'status',
        'statusLabel',
        'priority',
        'priorityLabel',
        'assigneeName',
        'dueDate',
        'projectName',
        'key',
      ]) {
        expect(task).toHaveProperty(field);
      }
      expect(['todo', 'in_progress', 'in_review', 'done']).toContain(task.status);
      const titles = state.tasks.map((record) => record.title);
      expect(new Set(titles).size).toBe(titles.length);
      // The first project always needs a second page (15 rows per page).
      expect(state.tasks.filter((record) => record.projectId === 1).length).toBeGreaterThan(15);
    });
  });

  it('creates a task through the New task form route, then reset restores the seeded state', async () => {
    await withApp(SEED, async (app) => {
      const seeded = await readStateText(app);
      const before = JSON.parse(seeded) as State;
      const assignee = before.people[1]!;

      const response = await postForm(app, '/projects/1/tasks', {
        title: 'Prepare the Q3 capacity plan',
        assigneeId: String(assignee.id),
        priority: 'high',
        dueDate: '2026-06-26',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/projects/1');
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(decodeURIComponent(cookie)).toContain('Task “Prepare the Q3 capacity plan” created');

      const after = await readState(app);
      expect(after.tasks.length).toBe(before.tasks.length + 1);
      expect(after.tasks).toContainEqual(
        expect.objectContaining({
          title: 'Prepare the Q3 capacity plan',
          projectId: 1,
          status: 'todo',
          priority: 'high',
          priorityLabel: 'High',
          assigneeId: assignee.id,
          assigneeName: assignee.name,
          dueDate: '2026-06-26',
          archived: false,
        }),
      );

      // The flash is shown once on the next page.
      const page = await fetch(`${app.origin}/projects/1`, { headers: { cookie: cookie.split(';')[0]! } });
      expect(await page.text()).toContain('role="status"');

      const invalid = await postForm(app, '/projects/1/tasks', { title: '  ', priority: 'low', dueDate: '2026-02-31' });
      expect(invalid.status).toBe(422);
      const invalidHtml = await invalid.text();
      expect(invalidHtml).toContain('role="alert"');
      expect(invalidHtml).toContain('Title is required');
      expect(invalidHtml).toContain('Due date must be a valid date');
      expect((await readState(app)).tasks.length).toBe(before.tasks.length + 1);

      const reset = await postReset(app, SEED);
      expect(reset.status).toBe(200);
      expect(await reset.json()).toEqual({ ok: true });
      expect(await readStateText(app)).toBe(seeded);
    });
  });

  it('archives, completes and deletes tasks through their routes', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const open = before.tasks.find((task) => task.status !== 'done' && task.projectId === 1)!;
      expect((await postForm(app, `/tasks/${open.id}/complete`, { done: 'on', return: '/projects/1' })).status).toBe(303);
      expect((await postForm(app, `/tasks/${open.id}/archive`, { return: '/projects/1' })).status).toBe(303);
      let state = await readState(app);
      expect(state.tasks.find((task) => task.id === open.id)).toMatchObject({ status: 'done', archived: true });
      const list = await (await fetch(`${app.origin}/projects/1?status=done`)).text();
      expect(list).not.toContain(`Archive “${String(open.title)}”`);

      expect((await postForm(app, `/tasks/${open.id}/delete`, {})).status).toBe(303);
      state = await readState(app);
      expect(state.tasks.some((task) => task.id === open.id)).toBe(false);
    });
  });

  it('serves every page as HTML', async () => {
    await withApp(SEED, async (app) => {
      const paths = [
        '/',
        '/projects',
        '/projects/1',
        '/projects/1?sort=title&dir=desc',
        '/projects/1?page=2',
        '/projects/1?status=todo&assignee=1',
        '/projects/1/board',
        '/tasks/1',
        '/search?q=the',
        '/search',
        '/people',
        '/people/1',
      ];
      for (const path of paths) {
        const response = await fetch(`${app.origin}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain('text/html');
        const html = await response.text();
        expect(html, path).toMatch(/^<!doctype html>/);
        expect(html, path).toMatch(/<title>[^<]+ · Trackly<\/title>/);
        expect(html, path).toContain('<h1');
      }
      expect((await fetch(`${app.origin}/tasks/9999`)).status).toBe(404);
      expect((await fetch(`${app.origin}/assets/app.css`)).headers.get('content-type')).toContain('text/css');
    });
  });

  it('works in a real Chromium through the accessibility tree', { timeout: 60_000 }, async () => {
    await withApp(SEED, async (app) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${app.origin}/projects/1`);

        const snapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(snapshot).toContain('form "New task"');
        expect(snapshot).toContain('form "Filter tasks"');
        expect(snapshot).toMatch(/button "Archive “[^”]+”"/);
        expect(snapshot).toMatch(/checkbox "Mark “[^”]+” done"/);

        const form = page.getByRole('form', { name: 'New task' });
        await page.getByRole('textbox', { name: 'Title' }).fill('Review the on-call rotation');
        await form.getByRole('combobox', { name: 'Assignee' }).selectOption({ index: 2 });
        await page.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'Urgent' });
        await page.getByRole('textbox', { name: 'Due date' }).fill('2026-06-19');
        await page.getByRole('button', { name: 'Add task' }).click();
        await page.waitForURL(`${app.origin}/projects/1`);
        await expect.poll(() => page.getByRole('status').textContent()).toContain('Task “Review the on-call rotation” created');

        const state = await readState(app);
        expect(state.tasks).toContainEqual(
          expect.objectContaining({ title: 'Review the on-call rotation', priority: 'urgent', dueDate: '2026-06-19', projectId: 1 }),
        );

        // The row checkbox submits on change.
        const created = state.tasks.find((task) => task.title === 'Review the on-call rotation')!;
        await page.getByRole('checkbox', { name: 'Mark “Review the on-call rotation” done' }).check();
        await expect.poll(async () => (await readState(app)).tasks.find((task) => task.id === created.id)?.status).toBe('done');
        // The change posts a form and redirects back; let that navigation finish before the next one.
        await expect
          .poll(
            async () =>
              (await page
                .getByRole('status')
                .textContent()
                .catch(() => '')) ?? '',
          )
          .toContain('marked done');
        await page.waitForLoadState('load');

        // The delete confirmation is a real modal dialog.
        await page.goto(`${app.origin}/tasks/${String(created.id)}`);
        await page.getByRole('button', { name: 'Delete task' }).click();
        const dialog = page.getByRole('dialog', { name: 'Delete this task?' });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        await dialog.getByRole('button', { name: 'Delete' }).click();
        await page.waitForURL(`${app.origin}/projects/1`);
        expect((await readState(app)).tasks.some((task) => task.id === created.id)).toBe(false);
      } finally {
        await browser.close();
      }
    });
  });
});
