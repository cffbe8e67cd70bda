import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/index.js';
import { exportDataset } from '../../src/export/export-dataset.js';
import { playwrightTraceFormat } from '../../src/export/formats/playwright-trace.js';
import { DatasetManifestSchema } from '../../src/export/manifest.js';
import { parseSplitRule } from '../../src/export/split.js';
import { chainLayout } from '../../src/store/layout.js';
import { writeFixtureRun } from '../support/export-fixture.js';
import { encodeScreens, formatContext, trajectoryUnit } from '../support/export-units.js';
import { serveTraceViewer } from '../support/trace-viewer.js';

/*
 * The playwright-trace format is Playwright's internal one, so the proof is Playwright's own trace
 * viewer (the pinned playwright-core's, served as `show-trace` serves it) loading the archives in a
 * real Chromium: the subtask groups and step titles in its action list, a screenshot with the
 * action's point when a step is selected, the failed action under Errors, no console errors, and
 * not one request beyond 127.0.0.1.
 */

let temp: string;
let browser: Browser;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-trace-viewer-'));
  // Anything but 127.0.0.1 fails to resolve: the viewer must need nothing from the network.
  browser = await chromium.launch({
    executablePath: findChromium().executablePath,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(temp, { recursive: true, force: true });
});

/** A fresh page that records what it logs and requests. */
async function watchedPage(): Promise<{ page: Page; errors: string[]; origins: Set<string>; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const origins = new Set<string>();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  context.on('request', (request) => origins.add(new URL(request.url()).origin));
  // A load cut short by the next navigation is not a failure of the trace.
  context.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, errors, origins, close: () => context.close() };
}

/** The action list's entry whose title starts with `title`. */
function action(page: Page, title: string) {
  return page
    .getByRole('treeitem')
    .filter({ has: page.locator('.action-title-method', { hasText: title }) })
    .first();
}

async function expand(page: Page, title: string): Promise<void> {
  const item = action(page, title);
  if ((await item.getAttribute('aria-expanded')) === 'false') await item.locator('.codicon-chevron-right').first().click();
  await expect.poll(() => item.getAttribute('aria-expanded')).toBe('true');
}

describe("Playwright's trace viewer on exported traces", () => {
  it('loads an exported level-2 trace: subtask groups, step titles, the screenshot with its point, offline and without errors', async () => {
    const store = join(temp, 'store');
    const run = await writeFixtureRun(store);
    const result = await exportDataset({
      sources: [run],
      format: 'playwright-trace',
      dest: join(temp, 'dataset'),
      unit: 'trajectory',
      history: 2,
      actionSpace: 'pixel',
      coords: 'absolute',
      imageFormat: 'webp',
      filters: {},
      split: parseSplitRule('train=1'),
    });
    const manifest = DatasetManifestSchema.parse(JSON.parse(await readFile(join(result.dest, 'manifest.json'), 'utf8')));
    const trace = join(result.dest, manifest.files.find((file) => file.path.endsWith('__c0001__L2.zip'))!.path);
    const chain = JSON.parse(await readFile(chainLayout(run, 'c0001').chainFile, 'utf8')) as { subtasks: { description: string }[] };
    const subtasks = chain.subtasks.map((subtask) => subtask.description);

    const unit = trajectoryUnit(await encodeScreens('webp'), 'pixel', 'absolute');
    const written = await playwrightTraceFormat.write([unit], formatContext(join(temp, 'units')));
    const unitTrace = join(temp, 'units', written.files[0]!.path);

    const viewer = await serveTraceViewer([trace, unitTrace]);
    const watched = await watchedPage();
    try {
      const { page } = watched;
      expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await page.goto(viewer.url);
      for (const subtask of subtasks) await expect.poll(() => action(page, subtask).isVisible(), { timeout: 15_000 }).toBe(true);
      for (const subtask of subtasks) await expand(page, subtask);
      for (const title of ['click checkbox "Save Seaside Foam Roller"', 'click link "Wishlist"', 'done'])
        await expect.poll(() => action(page, title).isVisible()).toBe(true);
      const titles = await page.locator('.action-title-method').allTextContents();
      expect(titles).toEqual([subtasks[0], 'click checkbox "Save Seaside Foam Roller"', subtasks[1], 'click link "Wishlist"', 'done']);

      await action(page, 'click link "Wishlist"').click();
      await page.getByRole('tab', { name: 'Action', exact: true }).click();
      const screenshot = page.getByRole('img', { name: 'Screenshot' });
      await expect.poll(() => screenshot.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1280);
      await expect.poll(() => page.locator('.aria-mode-action-point').isVisible()).toBe(true);
      await page.getByRole('tab', { name: 'Call', exact: true }).click();
      await expect.poll(() => page.getByText("getByRole('link', { name: 'Wishlist' })").first().isVisible()).toBe(true);

      // A trajectory of every action kind, with a failed click: the viewer lists the error.
      await page.goto(viewer.urlFor(unitTrace));
      await expect.poll(() => action(page, unit.sample.subtaskTexts[0]!).isVisible(), { timeout: 15_000 }).toBe(true);
      await expand(page, unit.sample.subtaskTexts[0]!);
      await expect.poll(() => action(page, 'select "High" in combobox "Priority"').isVisible()).toBe(true);
      await page.getByRole('tab', { name: /^Errors/ }).click();
      await expect.poll(() => page.getByText('Could not click button "Archive": no such element').first().isVisible()).toBe(true);

      expect(watched.errors).toEqual([]);
      expect([...watched.origins].filter((origin) => !origin.startsWith('http://127.0.0.1:'))).toEqual([]);
    } finally {
      await watched.close();
      await viewer.close();
    }
  });
});
