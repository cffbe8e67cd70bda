import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, CapturedObservation, Element } from '../../src/core/index.js';
import { findChromium, launchBrowser, type BrowserHandle, type BrowserSession } from '../../src/browser/index.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/browser/fixture-server.js';

let browser: BrowserHandle;
let server: FixtureServer;
/** One session reused by tests that start from a fresh load of '/' (the fixture keeps no server state). */
let shared: BrowserSession;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ executablePath: findChromium().executablePath });
  shared = await browser.newSession({ origin: server.origin });
});

afterAll(async () => {
  await shared?.close();
  await browser?.close();
  await server?.close();
});

async function withSession(run: (session: BrowserSession, first: CapturedObservation) => Promise<void>): Promise<void> {
  await shared.goto('/');
  await run(shared, await shared.observe());
}

function find(observation: CapturedObservation, role: string, name: string): Element {
  const element = observation.elements.find((e) => e.role === role && e.name === name);
  if (!element) throw new Error(`Expected ${role} ${JSON.stringify(name)} in:\n${observation.snapshot}`);
  return element;
}

function statusText(observation: CapturedObservation): string | undefined {
  return observation.elements.find((e) => e.role === 'paragraph' && e.path.includes('main') && /clicked/i.test(e.text ?? ''))?.text;
}

describe('BrowserSession.execute', () => {
  it('clicks a button by role and name, recording ref, box and coordinates', async () => {
    await withSession(async (session, before) => {
      const button = find(before, 'button', 'Add task');
      const { executed } = await session.execute({ type: 'click', target: { role: 'button', name: 'Add task' } }, { observation: before });
      expect(executed.outcome).toEqual({ ok: true });
      expect(executed.element).toMatchObject({ role: 'button', name: 'Add task', ref: button.ref, groundedBy: 'role-name' });
      const box = executed.element?.box;
      expect(box).toBeDefined();
      expect(executed.coordinates).toEqual({ x: Math.round(box!.x + box!.width / 2), y: Math.round(box!.y + box!.height / 2) });
      expect(executed.urlAfter).toBe(`${server.origin}/`);
      expect(statusText(await session.observe())).toBe('Clicked 1 time');
    });
  });

  it('grounds by ref when role and name are absent', async () => {
    await withSession(async (session, before) => {
      const card = before.elements.find((e) => e.text === 'Plain card');
      expect(card?.clickable).toBe(true);
      const { executed } = await session.execute({ type: 'click', target: { ref: card!.ref } }, { observation: before });
      expect(executed.outcome).toEqual({ ok: true });
      expect(executed.element).toMatchObject({ ref: card!.ref, role: 'generic', groundedBy: 'ref' });
      expect(statusText(await session.observe())).toBe('Card clicked');
    });
  });

  it('grounds by point when nothing else resolves, and names the element under it', async () => {
    await withSession(async (session, before) => {
      const box = find(before, 'button', 'Add task').box!;
      const point = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
      const target = { role: 'button', name: 'Renamed meanwhile', point };
      const { executed } = await session.execute({ type: 'click', target }, { observation: before, timeoutMs: 300 });
      expect(executed.outcome).toEqual({ ok: true });
      expect(executed.element).toMatchObject({ groundedBy: 'point', role: 'button', name: 'Add task' });
      expect(executed.coordinates).toEqual(point);
      expect(statusText(await session.observe())).toBe('Clicked 1 time');
    });
  });

  it('returns ok:false naming the target when the element is missing, without throwing', async () => {
    await withSession(async (session, before) => {
      const action: Action = { type: 'click', target: { role: 'button', name: 'Launch rockets', ref: 'e999' } };
      const { executed } = await session.execute(action, { observation: before, timeoutMs: 300 });
      expect(executed.outcome.ok).toBe(false);
      const error = executed.outcome.ok ? '' : executed.outcome.error;
      expect(error).toContain('button "Launch rockets"');
      expect(error).toContain('e999');
      const after = await session.observe();
      expect(after.error).toBe(error);
      expect((await session.observe()).error).toBeUndefined();
    });
  });

  it('reports a disabled button and a non-editable field as failed actions', async () => {
    await withSession(async (session, before) => {
      const disabled = await session.execute(
        { type: 'click', target: { role: 'button', name: 'Archive' } },
        { observation: before, timeoutMs: 500 },
      );
      expect(disabled.executed.outcome.ok ? '' : disabled.executed.outcome.error).toMatch(
        /^Could not click button "Archive": .*not enabled/,
      );
      expect(find(before, 'button', 'Archive').disabled).toBe(true);
      const notEditable = await session.execute(
        { type: 'type', target: { role: 'heading', name: 'Tasks' }, text: 'nope' },
        { observation: before, timeoutMs: 500 },
      );
      expect(notEditable.executed.outcome.ok ? '' : notEditable.executed.outcome.error).toMatch(
        /^Could not type "nope" into heading "Tasks": /,
      );
    });
  });

  it('types into a textbox (replacing, then appending) and reads the value back', async () => {
    await withSession(async (session, before) => {
      const typed = await session.execute(
        { type: 'type', target: { role: 'textbox', name: 'Title' }, text: 'Buy milk' },
        { observation: before },
      );
      expect(typed.executed.outcome.ok).toBe(true);
      expect(typed.executed.text).toBe('Buy milk');
      expect(find(await session.observe(), 'textbox', 'Title').value).toBe('Buy milk');
      await session.execute({ type: 'type', target: { role: 'textbox', name: 'Title' }, text: ' and eggs', clear: false });
      expect(find(await session.observe(), 'textbox', 'Title').value).toBe('Buy milk and eggs');
      await session.execute({ type: 'type', target: { role: 'textbox', name: 'Title' }, text: 'Walk dog' });
      expect(find(await session.observe(), 'textbox', 'Title').value).toBe('Walk dog');
    });
  });

  it('presses Enter in a search box, submitting the form and navigating', async () => {
    await withSession(async (session) => {
      await session.execute({ type: 'type', target: { role: 'searchbox', name: 'Search tasks' }, text: 'login' });
      const { executed } = await session.execute({ type: 'press', key: 'Enter', target: { role: 'searchbox', name: 'Search tasks' } });
      expect(executed.outcome).toEqual({ ok: true });
      expect(executed.keys).toEqual(['Enter']);
      expect(executed.urlAfter).toBe(`${server.origin}/search?q=login`);
      const after = await session.observe();
      expect(after.title).toBe('Search');
      expect(find(after, 'heading', 'Results for login').level).toBe(1);
    });
  });

  it('presses a key on the focused element when no target is given', async () => {
    await withSession(async (session) => {
      await session.execute({ type: 'type', target: { role: 'textbox', name: 'Title' }, text: 'Ship it' });
      const { executed } = await session.execute({ type: 'press', key: 'Enter' });
      expect(executed.outcome).toEqual({ ok: true });
      const saved = (await session.observe()).elements.find((e) => e.text?.startsWith('Saved:'));
      expect(saved?.text).toBe('Saved: Ship it (In progress)');
    });
  });

  it('selects an option by label, by value, and fails listing the options when it is missing, with or without an observation', async () => {
    const status = { role: 'combobox', name: 'Status' };
    for (const observed of [false, true]) {
      await withSession(async (session, before) => {
        // With the observation, a label it showed is chosen directly; a value or a missing option is looked up in the page.
        const seen = async () => (observed ? { observation: await session.observe() } : {});
        const byLabel = await session.execute({ type: 'select', target: status, value: ' Done ' }, observed ? { observation: before } : {});
        expect(byLabel.executed.outcome.ok).toBe(true);
        expect(find(await session.observe(), 'combobox', 'Status').value).toBe('Done');
        await session.execute({ type: 'select', target: status, value: 'todo' }, await seen());
        expect(find(await session.observe(), 'combobox', 'Status').value).toBe('To do');
        const missing = await session.execute({ type: 'select', target: status, value: 'Blocked' }, { ...(await seen()), timeoutMs: 2000 });
        expect(missing.executed.outcome.ok).toBe(false);
        expect(missing.executed.outcome.ok ? '' : missing.executed.outcome.error).toContain('"To do", "In progress", "Done"');
      });
    }
  });

  it('keeps the observed box of an element the observation showed in view, and measures one below the fold after scrolling it into view', async () => {
    await withSession(async (session, before) => {
      const save = find(before, 'button', 'Save');
      const hovered = await session.execute({ type: 'hover', target: { role: 'button', name: 'Save' } }, { observation: before });
      expect(hovered.executed.element).toMatchObject({ ref: save.ref, box: save.box, groundedBy: 'role-name' });

      const bottom = before.elements.find((e) => e.text === 'Bottom of page')!;
      expect(bottom.box!.y).toBeGreaterThan(before.viewport.height);
      const { executed } = await session.execute({ type: 'hover', target: { ref: bottom.ref } }, { observation: before });
      expect(executed.outcome).toEqual({ ok: true });
      const box = executed.element!.box!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(before.viewport.height);
      const after = await session.observe();
      expect(after.elements.find((e) => e.text === 'Bottom of page')!.box).toEqual(box);
    });
  });

  it('scrolls to the end of the page and then no further, without an error', async () => {
    await withSession(async (session, before) => {
      const headingY = find(before, 'heading', 'Tasks').box!.y;
      const first = await session.execute({ type: 'scroll', deltaY: 10_000 });
      expect(first.executed.outcome).toEqual({ ok: true });
      const atEnd = await session.observe();
      const endY = find(atEnd, 'heading', 'Tasks').box!.y;
      expect(endY).toBeLessThan(headingY - before.viewport.height);
      const second = await session.execute({ type: 'scroll', deltaY: 600 });
      expect(second.executed.outcome).toEqual({ ok: true });
      expect(find(await session.observe(), 'heading', 'Tasks').box!.y).toBe(endY);
      // The way back up is applied in full before the step returns.
      await session.execute({ type: 'scroll', deltaY: -300 });
      expect(find(await session.observe(), 'heading', 'Tasks').box!.y).toBe(endY + 300);
    });
  });

  it('scrolls the page by the wheel delta', async () => {
    await withSession(async (session, before) => {
      const headingY = find(before, 'heading', 'Tasks').box!.y;
      const { executed } = await session.execute({ type: 'scroll', deltaY: 600 });
      expect(executed.outcome).toEqual({ ok: true });
      expect(executed.coordinates).toEqual({ x: 640, y: 400 });
      const after = await session.observe();
      expect(find(after, 'heading', 'Tasks').box!.y).toBe(headingY - 600);
    });
  });

  it('hovers to reveal a tooltip', async () => {
    await withSession(async (session, before) => {
      expect(before.elements.some((e) => e.role === 'tooltip')).toBe(false);
      const { executed } = await session.execute({ type: 'hover', target: { role: 'button', name: 'Help' } });
      expect(executed.outcome).toEqual({ ok: true });
      const tooltip = (await session.observe()).elements.find((e) => e.role === 'tooltip');
      expect(tooltip?.name).toBe('Tasks are saved automatically');
    });
  });

  it('double-clicks a cell into edit mode by role and name, and by point, where a click only selects it', async () => {
    const textboxes = (observation: CapturedObservation) => observation.elements.filter((e) => e.role === 'textbox');
    await shared.goto('/edit-in-place');
    const before = await shared.observe();
    const cell = find(before, 'cell', '1200');
    const clicked = await shared.execute({ type: 'click', target: { role: 'cell', name: '1200' } }, { observation: before });
    expect(clicked.executed.outcome).toEqual({ ok: true });
    const afterClick = await shared.observe();
    expect(afterClick.elements.some((e) => e.text === 'Cell selected')).toBe(true);
    expect(textboxes(afterClick)).toEqual([]);

    const { executed } = await shared.execute({ type: 'dblclick', target: { role: 'cell', name: '1200' } }, { observation: afterClick });
    expect(executed.outcome).toEqual({ ok: true });
    expect(executed.element).toMatchObject({ role: 'cell', name: '1200', ref: cell.ref, groundedBy: 'role-name' });
    const box = executed.element!.box!;
    expect(executed.coordinates!.x).toBeGreaterThanOrEqual(box.x);
    expect(executed.coordinates!.x).toBeLessThanOrEqual(box.x + box.width);
    expect(executed.coordinates!.y).toBeGreaterThanOrEqual(box.y);
    expect(executed.coordinates!.y).toBeLessThanOrEqual(box.y + box.height);
    expect(textboxes(await shared.observe())).toMatchObject([{ name: 'Amount', value: '1200' }]);

    // The pixel executor's double click: by coordinates alone, through the mouse.
    await shared.goto('/edit-in-place');
    const fresh = await shared.observe();
    const point = { x: Math.round(cell.box!.x + cell.box!.width / 2), y: Math.round(cell.box!.y + cell.box!.height / 2) };
    const byPoint = await shared.execute({ type: 'dblclick', target: { point } }, { observation: fresh });
    expect(byPoint.executed).toMatchObject({
      outcome: { ok: true },
      coordinates: point,
      element: { groundedBy: 'point', role: 'cell', name: '1200' },
    });
    expect(textboxes(await shared.observe())).toMatchObject([{ name: 'Amount' }]);
  });

  it('tells row controls apart by their row, and clicks a hidden checkbox through its label at a pixel that reaches it', async () => {
    await shared.goto('/rows');
    const before = await shared.observe();
    // An unlabeled checkbox, told apart by its row's text.
    const ticked = await shared.execute(
      { type: 'click', target: { role: 'checkbox', name: '', within: 'Return books' } },
      { observation: before },
    );
    expect(ticked.executed.outcome).toEqual({ ok: true });
    const afterTick = await shared.observe();
    const rowBoxes = afterTick.elements.filter((e) => e.role === 'checkbox' && e.name === '');
    expect(rowBoxes.map((e) => e.checked)).toEqual([false, true]);

    // The hidden "Paid" input is operated through its label: the recorded point is on the label and
    // a click there reaches the input (it becomes checked).
    const paid = await shared.execute(
      { type: 'click', target: { role: 'checkbox', name: 'Paid', within: 'Buy milk' } },
      { observation: afterTick },
    );
    expect(paid.executed.outcome).toEqual({ ok: true });
    const { coordinates, element } = paid.executed;
    expect(element!.box!.width).toBeGreaterThanOrEqual(20);
    expect(coordinates!.x).toBeGreaterThan(element!.box!.x);
    expect(coordinates!.x).toBeLessThan(element!.box!.x + element!.box!.width);
    const afterPaid = await shared.observe();
    expect(afterPaid.elements.filter((e) => e.name === 'Paid').map((e) => e.checked)).toEqual([true, false]);
    // Replayed by its pixel alone (as a pixel agent or a trainer would), the click does the same.
    await shared.goto('/rows');
    const byPixel = await shared.execute({ type: 'click', target: { point: coordinates! } }, { observation: await shared.observe() });
    expect(byPixel.executed.outcome).toEqual({ ok: true });
    expect((await shared.observe()).elements.filter((e) => e.name === 'Paid').map((e) => e.checked)).toEqual([true, false]);

    // "Remove" in the second row, not the first.
    const removed = await shared.execute(
      { type: 'click', target: { role: 'button', name: 'Remove', within: 'Return books' } },
      { observation: await shared.observe() },
    );
    expect(removed.executed.outcome).toEqual({ ok: true });
    const rows = (await shared.observe()).elements.filter((e) => e.role === 'button').map((e) => e.path.at(-1));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^listitem "Buy milk /);
  });

  it('waits for data an action fetched before returning', async () => {
    await withSession(async (session) => {
      await session.execute({ type: 'click', target: { role: 'button', name: 'Load items' } });
      const items = (await session.observe()).elements.filter((e) => e.path.includes('list "Loaded items"')).map((e) => e.text);
      expect(items).toEqual(['Alpha item', 'Beta item']);
    });
  });

  it('navigates relative to the origin, goes back, and reports HTTP errors and a missing history', async () => {
    await withSession(async (session) => {
      const forward = await session.execute({ type: 'navigate', url: '/other' });
      expect(forward.executed).toMatchObject({ outcome: { ok: true }, urlAfter: `${server.origin}/other` });
      expect((await session.observe()).title).toBe('Other');
      const back = await session.execute({ type: 'back' });
      expect(back.executed).toMatchObject({ outcome: { ok: true }, urlAfter: `${server.origin}/` });
      const missing = await session.execute({ type: 'navigate', url: '/no-such-page' });
      expect(missing.executed.outcome.ok ? '' : missing.executed.outcome.error).toContain('HTTP 404');
    });
    const fresh = await browser.newSession({ origin: server.origin });
    try {
      const { executed } = await fresh.execute({ type: 'back' });
      expect(executed.outcome.ok).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('blocks new-tab links as the step error, never following them, and accepts confirm dialogs', async () => {
    await withSession(async (session) => {
      const { executed } = await session.execute({ type: 'click', target: { role: 'link', name: 'Other page in a new tab' } });
      expect(executed.outcome.ok).toBe(false);
      expect(executed.outcome.ok ? '' : executed.outcome.error).toContain(`Blocked a new window (${server.origin}/other)`);
      expect(executed.urlAfter).toBe(`${server.origin}/`);
      expect((await session.observe()).error).toContain('Blocked a new window');
    });
    await withSession(async (session) => {
      await session.execute({ type: 'click', target: { role: 'button', name: 'Delete note' } });
      expect((await session.observe()).elements.some((e) => e.text === 'Note deleted')).toBe(true);
    });
  });

  it('records a click that started a slow navigation as done, not as a timeout failure', async () => {
    await shared.goto('/slow-form');
    const before = await shared.observe();
    // The server answers after 4 s; the click's own timeout is 1.5 s (room for the click itself on a
    // busy machine). Playwright dispatches the click, then times out waiting for the navigation: the
    // click happened all the same.
    const { executed } = await shared.execute(
      { type: 'click', target: { role: 'button', name: 'Send slowly' } },
      { observation: before, timeoutMs: 1_500 },
    );
    expect(executed.outcome).toEqual({ ok: true });
    expect(executed.urlAfter).toBe(`${server.origin}/slow`);
    expect((await shared.observe()).title).toBe('Sent');
  });

  it('confines navigation to allowed origins when asked', async () => {
    const session = await browser.newSession({ origin: server.origin, allowedOrigins: [] });
    try {
      await session.goto('/');
      const { executed } = await session.execute({ type: 'navigate', url: 'http://example.invalid/' });
      expect(executed.outcome.ok ? '' : executed.outcome.error).toContain('outside the allowed origins');
      expect(executed.urlAfter).toBe(`${server.origin}/`);
    } finally {
      await session.close();
    }
  });

  it('waits, finishes with an answer, and honours an abort signal', async () => {
    await withSession(async (session) => {
      expect((await session.execute({ type: 'wait', ms: 20 })).executed.outcome.ok).toBe(true);
      const done = await session.execute({ type: 'done', answer: 'Fix login bug' });
      expect(done.executed).toMatchObject({ action: { type: 'done', answer: 'Fix login bug' }, outcome: { ok: true } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('test cancelled')), 30);
      await expect(session.execute({ type: 'wait', ms: 60_000 }, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    });
  });
});
