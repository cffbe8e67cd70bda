import { describe, expect, it } from 'vitest';
import { notesWiki } from '../../environments/notes-wiki/index.js';
import { EnvironmentManifestSchema } from '../../src/core/environment.js';
import { appHarness, postForm, flashOf, launchChromium, waitForStatus, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;

type State = Record<'pages' | 'versions' | 'tags' | 'links' | 'people', StateRecord[]>;

const { withApp, readState, readStateText } = appHarness<State>(notesWiki);

function pageByTitle(state: State, title: string): StateRecord {
  const page = state.pages.find((record) => record.title === title);
  expect(page, title).toBeDefined();
  return page!;
}

describe('notes-wiki app', () => {
  it('has its manifest (the contract: app-conformance.test.ts)', () => {
    const manifest = EnvironmentManifestSchema.parse(notesWiki.manifest);
    expect(manifest).toMatchObject({
      id: 'notes-wiki',
      startPath: '/',
      viewport: { width: 1280, height: 800 },
      allowedOrigins: [],
      hasStateProbe: true,
    });
  });

  it('exposes its collections through the state probe', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      expect(Object.keys(state).sort()).toEqual(['links', 'pages', 'people', 'tags', 'versions']);
      expect(state.pages.length).toBeGreaterThanOrEqual(38);
      expect(state.tags.length).toBeGreaterThanOrEqual(12);
      expect(state.people.length).toBeGreaterThanOrEqual(8);
      expect(state.links.length).toBeGreaterThanOrEqual(30);
      for (const field of [
        'title',
        'parentTitle',
        'path',
        'depth',
        'tags',
        'content',
        'starred',
        'archived',
        'version',
        'authorName',
        'updatedLabel',
      ]) {
        expect(state.pages[0]).toHaveProperty(field);
      }
      const titles = state.pages.map((record) => String(record.title).toLowerCase());
      expect(new Set(titles).size).toBe(titles.length);
      expect(Math.max(...state.pages.map((record) => Number(record.depth)))).toBe(3);
      expect(state.pages.filter((record) => record.parentId === null).length).toBe(5);
      expect(state.pages.some((record) => record.archived === true)).toBe(true);
      expect(state.pages.filter((record) => record.starred === true).length).toBeGreaterThanOrEqual(5);
      // Every page's history holds 1-5 versions, numbered up to its current version.
      for (const page of state.pages) {
        const history = state.versions.filter((version) => version.pageId === page.id);
        expect(history.length).toBe(page.version);
        expect(history.length).toBeGreaterThanOrEqual(1);
        expect(history.length).toBeLessThanOrEqual(5);
        expect(history.filter((version) => version.isCurrent === true).length).toBe(1);
      }
      expect(state.links.every((link) => link.resolved === true)).toBe(true);
    });
  });

  it('creates and edits pages through the form routes, validates, and reset restores the seed', async () => {
    await withApp(SEED, async (app) => {
      const seeded = await readStateText(app);
      const before = JSON.parse(seeded) as State;
      const parent = before.pages.find((record) => record.depth === 2 && record.archived === false)!;
      const target = before.pages.find((record) => record.depth === 3 && record.archived === false)!;

      const created = await postForm(app, '/pages', {
        title: '  Release Checklist  ',
        parentId: String(parent.id),
        tags: 'runbook, Release QA',
        content: `## Steps\n1. Freeze the branch\n2. Read [[${String(target.title)}]]\n\n**Owner:** the release captain`,
      });
      expect(created.status).toBe(303);
      const location = created.headers.get('location') ?? '';
      expect(location).toMatch(/^\/pages\/\d+$/);
      expect(flashOf(created)).toContain('Page “Release Checklist” created');
      let state = await readState(app);
      const page = pageByTitle(state, 'Release Checklist');
      expect(page).toMatchObject({
        parentId: parent.id,
        parentTitle: parent.title,
        tags: 'runbook, Release QA',
        version: 1,
        starred: false,
        archived: false,
        depth: 3,
      });
      expect(state.versions).toContainEqual(
        expect.objectContaining({ pageId: page.id, version: 1, summary: 'Created page', isCurrent: true }),
      );
      expect(state.links).toContainEqual(expect.objectContaining({ fromPageId: page.id, toPageId: target.id, resolved: true }));
      expect(state.tags).toContainEqual(expect.objectContaining({ name: 'Release QA', pageCount: 1 }));
      expect(pageByTitle(state, String(target.title)).backlinkCount).toBe(Number(target.backlinkCount) + 1);

      const view = await (
        await fetch(`${app.origin}${location}`, { headers: { cookie: (created.headers.get('set-cookie') ?? '').split(';')[0]! } })
      ).text();
      expect(view).toContain('role="status"');
      expect(view).toContain(`<a class="wikilink" href="/pages/${String(target.id)}">`);
      expect(view).toContain('<strong>Owner:</strong>');

      const invalid = await postForm(app, '/pages', { title: ' ', parentId: '9999', tags: '', content: '' });
      expect(invalid.status).toBe(422);
      const invalidHtml = await invalid.text();
      expect(invalidHtml).toContain('role="alert"');
      expect(invalidHtml).toContain('Title is required');
      expect(invalidHtml).toContain('Choose a valid parent page');
      expect(
        (await postForm(app, '/pages', { title: String(target.title).toUpperCase(), parentId: '', tags: '', content: 'x' })).status,
      ).toBe(422);

      const edited = await postForm(app, `/pages/${String(page.id)}`, {
        title: 'Release Checklist',
        tags: 'runbook',
        reviewDate: '2026-07-01',
        content: '## Steps\n1. Freeze the branch\n2. Tag the release',
        note: 'Simplified the steps',
      });
      expect(edited.status).toBe(303);
      expect(flashOf(edited)).toContain('saved as v2');
      state = await readState(app);
      expect(pageByTitle(state, 'Release Checklist')).toMatchObject({
        version: 2,
        tags: 'runbook',
        reviewDate: '2026-07-01',
        reviewDateLabel: 'Jul 1, 2026',
      });
      expect(state.versions).toContainEqual(
        expect.objectContaining({ pageId: page.id, version: 2, summary: 'Simplified the steps', editedLabel: 'Jun 15, 2026, 9:32 AM' }),
      );
      expect(state.links.some((link) => link.fromPageId === page.id)).toBe(false);
      const badDate = await postForm(app, `/pages/${String(page.id)}`, {
        title: 'Release Checklist',
        tags: '',
        reviewDate: '2026-02-31',
        content: 'x',
        note: '',
      });
      expect(badDate.status).toBe(422);
      expect(await badDate.text()).toContain('Review date must be a valid date');

      const restored = await postForm(app, `/pages/${String(page.id)}/restore`, { version: '1' });
      expect(restored.status).toBe(303);
      state = await readState(app);
      const afterRestore = pageByTitle(state, 'Release Checklist');
      expect(afterRestore).toMatchObject({ version: 3, tags: 'runbook, Release QA' });
      expect(String(afterRestore.content)).toContain(`[[${String(target.title)}]]`);
      expect(state.versions).toContainEqual(expect.objectContaining({ pageId: page.id, version: 3, summary: 'Restored version 1' }));

      const reset = await postReset(app, SEED);
      expect(reset.status).toBe(200);
      expect(await reset.json()).toEqual({ ok: true });
      expect(await readStateText(app)).toBe(seeded);
    });
  });

  it('moves, stars, archives and deletes pages through their routes', async () => {
    await withApp(SEED, async (app) => {
      const before = await readState(app);
      const branch = before.pages.find((record) => record.depth === 2 && Number(record.childCount) > 0 && record.archived === false)!;
      const child = before.pages.find((record) => record.parentId === branch.id && record.archived === false)!;
      const otherSpace = before.pages.find(
        (record) => record.parentId === null && record.id !== before.pages.find((p) => p.id === branch.parentId)!.id,
      )!;

      const intoOwnChild = await postForm(app, `/pages/${String(branch.id)}/move`, { parentId: String(child.id) });
      expect(intoOwnChild.status).toBe(422);
      expect(await intoOwnChild.text()).toContain('cannot move inside itself');
      expect((await postForm(app, `/pages/${String(branch.id)}/move`, { parentId: String(otherSpace.id) })).status).toBe(303);
      let state = await readState(app);
      expect(pageByTitle(state, String(branch.title))).toMatchObject({ parentId: otherSpace.id, parentTitle: otherSpace.title });
      expect(pageByTitle(state, String(child.title)).path).toBe(
        `${String(otherSpace.title)} / ${String(branch.title)} / ${String(child.title)}`,
      );

      const unstarred = before.pages.find((record) => record.starred === false && record.archived === false)!;
      expect(
        (await postForm(app, `/pages/${String(unstarred.id)}/star`, { starred: 'on', return: '/pages?page=2' })).headers.get('location'),
      ).toBe('/pages?page=2');
      expect(pageByTitle(await readState(app), String(unstarred.title)).starred).toBe(true);
      await postForm(app, `/pages/${String(unstarred.id)}/star`, { return: '/pages' });
      expect(pageByTitle(await readState(app), String(unstarred.title)).starred).toBe(false);

      const archived = await postForm(app, `/pages/${String(branch.id)}/archive`, { return: '/pages' });
      expect(flashOf(archived)).toContain(`Archived “${String(branch.title)}” and`);
      state = await readState(app);
      expect(pageByTitle(state, String(branch.title)).archived).toBe(true);
      expect(pageByTitle(state, String(child.title)).archived).toBe(true);
      const list = await (await fetch(`${app.origin}/pages?sort=title&dir=asc`)).text();
      expect(list).not.toContain(`Archive “${String(branch.title)}”`);
      expect(await (await fetch(`${app.origin}/pages?tab=archived`)).text()).toContain(`Unarchive “${String(branch.title)}”`);
      await postForm(app, `/pages/${String(branch.id)}/unarchive`, {});
      expect(pageByTitle(await readState(app), String(child.title)).archived).toBe(false);

      const versionsOfBranch = state.versions.filter((version) => version.pageId === branch.id).length;
      expect(versionsOfBranch).toBeGreaterThan(0);
      const deleted = await postForm(app, `/pages/${String(branch.id)}/delete`, {});
      expect(deleted.status).toBe(303);
      expect(deleted.headers.get('location')).toBe(`/pages/${String(otherSpace.id)}`);
      state = await readState(app);
      expect(state.pages.some((record) => record.id === branch.id)).toBe(false);
      expect(state.versions.some((version) => version.pageId === branch.id)).toBe(false);
      expect(pageByTitle(state, String(child.title))).toMatchObject({ parentId: otherSpace.id, depth: 2 });
      expect((await fetch(`${app.origin}/pages/${String(branch.id)}`)).status).toBe(404);
    });
  });

  it('serves every page as HTML', async () => {
    await withApp(SEED, async (app) => {
      const state = await readState(app);
      const page = state.pages.find((record) => Number(record.version) >= 2)!;
      const tag = state.tags[0]!;
      const paths = [
        '/',
        '/pages',
        '/pages?page=2',
        '/pages?sort=title&dir=asc',
        '/pages?sort=author&dir=desc&page=3',
        '/pages?tab=archived',
        `/pages?tag=${String(tag.slug)}&author=1`,
        '/pages/new',
        `/pages/new?parent=${String(page.id)}`,
        `/pages/${String(page.id)}`,
        `/pages/${String(page.id)}/edit`,
        `/pages/${String(page.id)}/history`,
        `/pages/${String(page.id)}/versions/1`,
        `/pages/${String(page.id)}/move`,
        '/starred',
        '/tags',
        '/tags?sort=pages&dir=desc',
        `/tags/${String(tag.slug)}`,
        '/changes',
        '/changes?page=2',
        '/search',
        '/search?q=the',
      ];
      for (const path of paths) {
        const response = await fetch(`${app.origin}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain('text/html');
        const html = await response.text();
        expect(html, path).toMatch(/^<!doctype html>/);
        expect(html, path).toMatch(/<title>[^<]+ · Folio<\/title>/);
        expect(html.match(/<h1/g)?.length, path).toBe(1);
      }
      const search = await (await fetch(`${app.origin}/search?q=${encodeURIComponent('days')}`)).text();
      expect(search).toContain('Results for “days”');
      expect(search).toContain('<mark>days</mark>');
      expect((await fetch(`${app.origin}/pages/9999`)).status).toBe(404);
      expect((await fetch(`${app.origin}/tags/no-such-tag`)).status).toBe(404);
      expect((await fetch(`${app.origin}/assets/app.css`)).headers.get('content-type')).toContain('text/css');
    });
  });

  it('works in a real Chromium through the accessibility tree', { timeout: 90_000 }, async () => {
    await withApp(SEED, async (app) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const seeded = await readState(app);
        const parent = seeded.pages.find((record) => record.depth === 2 && record.archived === false)!;

        // Create a page through the New page form, using the toolbar on the way.
        await page.goto(`${app.origin}/pages/new`);
        const newSnapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(newSnapshot).toContain('form "New page"');
        expect(newSnapshot).toContain('toolbar "Formatting"');
        const form = page.getByRole('form', { name: 'New page' });
        await form.getByRole('textbox', { name: 'Title' }).fill('Quarterly access audit');
        await form.getByRole('combobox', { name: 'Parent page' }).selectOption({ label: String(parent.title) });
        await form.getByRole('textbox', { name: 'Tags' }).fill('security, audit');
        const content = form.getByRole('textbox', { name: 'Content' });
        await content.fill('Review who can reach production.');
        await content.press('End');
        await form.getByRole('button', { name: 'Bold' }).click();
        expect(await content.inputValue()).toBe('Review who can reach production.**bold text**');
        await content.fill('Review who can reach production every quarter.');
        await form.getByRole('button', { name: 'Create page' }).click();
        await waitForStatus(page, 'Page “Quarterly access audit” created');
        let state = await readState(app);
        const created = pageByTitle(state, 'Quarterly access audit');
        expect(created).toMatchObject({
          parentId: parent.id,
          tags: 'security, audit',
          content: 'Review who can reach production every quarter.',
          version: 1,
        });
        expect(page.url()).toBe(`${app.origin}/pages/${String(created.id)}`);

        // The page view: tree expanded to the page, breadcrumb, star button, menu, tabs.
        const viewSnapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(viewSnapshot).toContain('navigation "Breadcrumb"');
        expect(viewSnapshot).toContain('button "Star “Quarterly access audit”"');
        expect(viewSnapshot).toContain('button "More actions"');
        expect(viewSnapshot).toContain('button "Delete page"');
        expect(viewSnapshot).toMatch(/button "[^"]+ subpages" \[expanded\]/);
        await page.getByRole('button', { name: 'More actions' }).click();
        await expect.poll(() => page.getByRole('link', { name: 'Move page' }).isVisible()).toBe(true);

        // Edit it: the form is prefilled and saves a new version.
        await page.getByRole('link', { name: 'Edit', exact: true }).click();
        const editForm = page.getByRole('form', { name: 'Edit page' });
        expect(await editForm.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Quarterly access audit');
        await editForm.getByRole('textbox', { name: 'Content' }).fill('## Scope\n- Production databases\n- Cloud console');
        await editForm.getByRole('textbox', { name: 'Review date' }).fill('2026-09-30');
        await editForm.getByRole('textbox', { name: 'Change note' }).fill('Listed the systems in scope');
        await editForm.getByRole('button', { name: 'Save page' }).click();
        await waitForStatus(page, 'saved as v2');
        expect(pageByTitle(await readState(app), 'Quarterly access audit')).toMatchObject({ version: 2, reviewDate: '2026-09-30' });
        expect(await page.getByRole('heading', { name: 'Scope' }).isVisible()).toBe(true);

        // Restore v1 from the history through its dialog.
        await page.getByRole('link', { name: 'History' }).click();
        expect(await page.ariaSnapshot({ mode: 'ai' })).toContain('button "Restore “Quarterly access audit v1”"');
        await page.getByRole('button', { name: 'Restore “Quarterly access audit v1”' }).click();
        const restoreDialog = page.getByRole('dialog', { name: 'Restore version 1?' });
        await expect.poll(() => restoreDialog.isVisible()).toBe(true);
        await restoreDialog.getByRole('button', { name: 'Confirm' }).click();
        await waitForStatus(page, 'Restored “Quarterly access audit” to version 1');
        expect(pageByTitle(await readState(app), 'Quarterly access audit')).toMatchObject({
          version: 3,
          content: 'Review who can reach production every quarter.',
        });

        // All pages: row checkboxes and archive buttons; the star checkbox submits on change.
        await page.goto(`${app.origin}/pages`);
        const listSnapshot = await page.ariaSnapshot({ mode: 'ai' });
        expect(listSnapshot).toContain('form "Filter pages"');
        expect(listSnapshot).toMatch(/button "Archive “[^”]+”"/);
        expect(listSnapshot).toMatch(/checkbox "Star “[^”]+”"/);
        await page.getByRole('checkbox', { name: 'Star “Quarterly access audit”' }).check();
        await waitForStatus(page, 'Starred “Quarterly access audit”');
        expect(pageByTitle(await readState(app), 'Quarterly access audit').starred).toBe(true);
        await page.getByRole('button', { name: 'Archive “Quarterly access audit”' }).click();
        await waitForStatus(page, 'Archived “Quarterly access audit”');
        expect(pageByTitle(await readState(app), 'Quarterly access audit').archived).toBe(true);

        // The sidebar tree expands and collapses without navigating.
        const space = seeded.pages.find((record) => record.parentId === null)!;
        const toggle = page.getByRole('button', { name: `${String(space.title)} subpages` });
        await toggle.click();
        await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');

        // Delete through the confirmation dialog.
        await page.goto(`${app.origin}/pages/${String(created.id)}`);
        await page.getByRole('button', { name: 'Delete page' }).click();
        const deleteDialog = page.getByRole('dialog', { name: 'Delete this page?' });
        await expect.poll(() => deleteDialog.isVisible()).toBe(true);
        await deleteDialog.getByRole('button', { name: 'Delete' }).click();
        await waitForStatus(page, 'Deleted “Quarterly access audit”');
        state = await readState(app);
        expect(state.pages.some((record) => record.id === created.id)).toBe(false);
      } finally {
        await browser.close();
      }
    });
  });
});
