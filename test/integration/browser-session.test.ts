import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedObservation, Element } from '../../src/core/index.js';
import { ElementSchema, ObservationSchema, TrajsynthError } from '../../src/core/index.js';
import { annotateScreenshot, findChromium, launchBrowser, type BrowserHandle, type BrowserSession } from '../../src/browser/index.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/browser/fixture-server.js';

let browser: BrowserHandle;
let server: FixtureServer;
let session: BrowserSession;
let observation: CapturedObservation;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchBrowser({ executablePath: findChromium().executablePath });
  session = await browser.newSession({ origin: server.origin });
  await session.goto('/');
  observation = await session.observe();
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await server?.close();
});

function find(role: string, name: string, from: CapturedObservation = observation): Element {
  const element = from.elements.find((e) => e.role === role && e.name === name);
  if (!element) throw new Error(`Expected ${role} ${JSON.stringify(name)} in:\n${from.snapshot}`);
  return element;
}

describe('BrowserSession.observe', () => {
  it('captures URL, title, viewport and a 1280-wide WebP screenshot', async () => {
    expect(observation.url).toBe(`${server.origin}/`);
    expect(observation.title).toBe('Fixture Tasks');
    expect(observation.viewport).toEqual({ width: 1280, height: 800 });
    const webp = Buffer.from(observation.screenshotWebp);
    expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const metadata = await sharp(webp).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 1280, height: 800 });
    // Chromium encodes the WebP itself: nothing is left to encode in Node.
    const { screenshotMs, snapshotMs, encodeMs } = observation.timings;
    for (const ms of [screenshotMs, snapshotMs]) expect(ms).toBeGreaterThan(0);
    expect(encodeMs).toBe(0);
  });

  it('is a valid Observation whose elements all parse and carry boxes', () => {
    const { screenshotWebp: _bytes, timings: _timings, ...plain } = observation;
    expect(() => ObservationSchema.parse(plain)).not.toThrow();
    expect(observation.elements.length).toBeGreaterThan(20);
    for (const element of observation.elements) {
      expect(() => ElementSchema.parse(element)).not.toThrow();
      expect(element.box).toBeDefined();
    }
  });

  it('renders the snapshot as Playwright does, with refs and states', () => {
    const button = find('button', 'Add task');
    expect(observation.snapshot).toContain(`- button "Add task" [ref=${button.ref}]`);
    expect(observation.snapshot).toContain(`- checkbox "Urgent" [checked] [ref=${find('checkbox', 'Urgent').ref}]`);
    expect(observation.snapshot).toMatch(/- form "New task" \[ref=e\d+\]:\n/);
    expect(observation.snapshot).not.toContain('[box=');
  });

  it('places form fields, rows and links under their ancestors', () => {
    expect(find('textbox', 'Title').path).toEqual(['main', 'form "New task"']);
    expect(find('button', 'Save').path).toEqual(['main', 'form "New task"']);
    expect(find('cell', 'Jun 20').path).toEqual(['main', 'table "Task list"', 'row "Fix login bug In progress Jun 20"']);
    expect(find('link', 'Other page').path).toEqual(['banner', 'navigation "Primary"']);
  });

  it('fills names Playwright omits, values, options, states and text', () => {
    expect(find('row', 'Fix login bug In progress Jun 20').text).toBeUndefined();
    expect(find('combobox', 'Status')).toMatchObject({ options: ['To do', 'In progress', 'Done'], value: 'In progress' });
    expect(find('textbox', 'Title')).toMatchObject({ value: '', placeholder: 'What needs doing?' });
    expect(find('checkbox', 'Urgent').checked).toBe(true);
    expect(find('heading', 'Tasks')).toMatchObject({ level: 1, text: 'Tasks' });
    expect(find('cell', 'Fix login bug').text).toBe('Fix login bug');
    expect(find('link', 'Other page')).toMatchObject({ url: '/other', clickable: true });
    expect(observation.elements.find((e) => e.role === 'paragraph' && e.text === 'Nothing clicked yet')).toBeDefined();
    expect(observation.elements.filter((e) => e.role === 'listitem').map((e) => e.text)).toEqual(['First note', 'Second note']);
  });

  it('grounds a role+name target by the synthesized row name', async () => {
    const row = find('row', 'Fix login bug In progress Jun 20');
    const { executed } = await session.execute({ type: 'hover', target: { role: 'row', name: row.name } }, { observation });
    expect(executed.outcome).toEqual({ ok: true });
    expect(executed.element).toMatchObject({ groundedBy: 'role-name', ref: row.ref });
  });
});

describe('BrowserSession.reader', () => {
  it('reads another path in a scratch page without moving the agent page', async () => {
    const view = await session.reader.read('/other');
    expect(view.url).toBe(`${server.origin}/other`);
    expect(view.text).toContain('Reached the other page.');
    expect(view.elements.find((e) => e.role === 'heading')?.name).toBe('Other page');
    expect(session.url()).toBe(`${server.origin}/`);
  });

  it('reads the current page, keeping refs of unchanged elements valid', async () => {
    const view = await session.reader.read();
    expect(view.url).toBe(`${server.origin}/`);
    expect(view.text).toContain('Nothing clicked yet');
    const button = find('button', 'Add task');
    expect(view.elements.find((e) => e.role === 'button' && e.name === 'Add task')?.ref).toBe(button.ref);
    const { executed } = await session.execute({ type: 'click', target: { ref: button.ref } }, { observation });
    expect(executed.outcome).toEqual({ ok: true });
    expect(executed.element?.groundedBy).toBe('ref');
  });

  it('throws UNREACHABLE_URL for a path whose server is gone', async () => {
    const dead = await browser.newSession({ origin: 'http://127.0.0.1:1' });
    try {
      await expect(dead.reader.read('/x')).rejects.toMatchObject({ code: 'UNREACHABLE_URL' });
    } finally {
      await dead.close();
    }
  });
});

describe('BrowserSession.goto', () => {
  it('throws UNREACHABLE_URL naming the URL and the fix', async () => {
    const dead = await browser.newSession({ origin: 'http://127.0.0.1:1' });
    try {
      const error = await dead.goto('/tasks').then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(TrajsynthError);
      expect(error).toMatchObject({ code: 'UNREACHABLE_URL' });
      expect((error as TrajsynthError).message).toContain('http://127.0.0.1:1/tasks');
      expect((error as TrajsynthError).hint).toContain('http://127.0.0.1:1');
    } finally {
      await dead.close();
    }
  });
});

describe('launchBrowser and aborts', () => {
  it('reports a Chromium that will not start as BROWSER_LAUNCH_FAILED, naming the path', async () => {
    const error = await launchBrowser({ executablePath: '/bin/false' }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ code: 'BROWSER_LAUNCH_FAILED' });
    expect((error as TrajsynthError).message).toContain('/bin/false');
    expect((error as TrajsynthError).hint).toContain('TRAJSYNTH_CHROMIUM');
  });

  it('rejects observe and execute with ABORTED when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(session.observe({ signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(session.execute({ type: 'done' }, { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(session.reader.read('/other', controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('reports its Chromium version', () => {
    expect(browser.version).toMatch(/^\d+\.\d+/);
  });
});

describe('annotateScreenshot', () => {
  it('draws the action marker onto a PNG of the same size', async () => {
    await session.goto('/');
    const before = await session.observe();
    const { executed } = await session.execute({ type: 'click', target: { role: 'button', name: 'Add task' } }, { observation: before });
    const png = await annotateScreenshot(before.screenshotWebp, {
      ...(executed.element?.box ? { box: executed.element.box } : {}),
      ...(executed.coordinates ? { point: executed.coordinates } : {}),
      label: "click 'Add task'",
    });
    expect(Buffer.from(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1280, height: 800 });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const box = executed.element!.box!;
    const edge = (Math.round(box.y - 2) * info.width + Math.round(box.x + box.width / 2)) * info.channels;
    expect(data[edge]).toBeGreaterThan(180); // the outline's top edge is red
    expect(data[edge + 1]).toBeLessThan(90);
    writeFileSync('/tmp/browser-annotated.png', png);
  });
});
