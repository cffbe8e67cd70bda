import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/browser/launch.js';
import { findChromium } from '../../src/browser/find-chromium.js';
import { chainLayout, runLayout } from '../../src/store/layout.js';
import { buildSite, SITE_MARKER } from '../../src/view/build-site.js';
import { startSiteServer } from '../../src/view/site-server.js';
import { FIXTURE_RUN_ID, writeFixtureEvalRun, writeFixtureRun } from '../support/export-fixture.js';
import { runCli } from '../support/cli.js';

/**
 * The viewer in a real Chromium: the site opens from disk and from its server, shows a step's
 * screenshot with a marker at the recorded pixel, moves with the keyboard, filters the task table,
 * and never asks for anything outside the site (no console errors, no request off 127.0.0.1).
 */
let dir: string;
let site: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trajsynth-view-'));
  const layout = await writeFixtureRun(dir);
  await writeFixtureEvalRun(dir);
  // Step 0 of chain c0001 gets the element box the executor resolved, as a real run records it.
  const steps = chainLayout(layout, 'c0001').stepsFile;
  const lines = (await readFile(steps, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  lines[0].executed.element = {
    role: 'checkbox',
    name: 'Save Seaside Foam Roller',
    box: { x: 280, y: 385, width: 40, height: 30 },
    groundedBy: 'role-name',
  };
  await writeFile(steps, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  site = join(dir, 'site');
  await buildSite([{ layout }], { dest: site });
  browser = await chromium.launch({ executablePath: findChromium().executablePath, args: [...CHROMIUM_ARGS] });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A page that records console errors, page errors and every request's URL. */
async function open(url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, errors, requests };
}

describe('trajsynth view: the static site', () => {
  it('opens from disk: the overview lists every level-k task and filters by app, level and text', async () => {
    const { page, errors, requests } = await open(pathToFileURL(join(site, 'index.html')).href);
    try {
      await expect.poll(() => page.locator('h1').textContent()).toBe(`Synthesis run ${FIXTURE_RUN_ID}`);
      const rows = page.locator('#rows tbody tr:visible');
      expect(await rows.count()).toBe(4);
      await page.selectOption('select[data-filter="app"]', 'mail');
      expect(await rows.count()).toBe(2);
      await page.selectOption('select[data-filter="level"]', '2');
      expect(await rows.count()).toBe(1);
      await expect.poll(() => rows.first().textContent()).toContain('archive that message');
      await page.selectOption('select[data-filter="app"]', '');
      await page.selectOption('select[data-filter="level"]', '');
      await page.fill('input[data-filter="text"]', 'seaside wishlist');
      expect(await rows.count()).toBe(2);
      await page.selectOption('select[data-filter="kinds"]', 'navigate');
      expect(await rows.count()).toBe(1);
      await expect.poll(() => page.locator('#row-count').textContent()).toBe('1 of 4');
      // The filters live in the URL, so a filtered view is a link.
      expect(new URL(page.url()).hash).toContain('kinds=navigate');
      await page.fill('input[data-filter="text"]', 'nothing like this');
      await expect.poll(() => page.locator('#no-rows').isVisible()).toBe(true);
      expect(errors).toEqual([]);
      expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('shows a step with its screenshot and a marker at the recorded pixel, and moves with the keyboard', async () => {
    const { page, errors, requests } = await open(pathToFileURL(join(site, 'chains', 'c0001.html')).href);
    try {
      const image = page.locator('#shot-image');
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1280);
      await expect.poll(() => page.locator('#step-detail .step-label').textContent()).toBe('#0 click checkbox "Save Seaside Foam Roller"');
      // The marker's dot sits on the recorded pixel (300, 400), scaled to the displayed image.
      const dot = await page.locator('#marker .marker-dot').boundingBox();
      const shown = await image.boundingBox();
      expect(dot && shown).toBeTruthy();
      const scale = shown!.width / 1280;
      expect(Math.abs(dot!.x + dot!.width / 2 - (shown!.x + 300 * scale))).toBeLessThan(2);
      expect(Math.abs(dot!.y + dot!.height / 2 - (shown!.y + 400 * scale))).toBeLessThan(2);
      const box = await page.locator('#marker .marker-box').boundingBox();
      // The element box, centred where it was (its stroke widens it evenly on every side).
      expect(Math.abs(box!.x + box!.width / 2 - (shown!.x + 300 * scale))).toBeLessThan(2);
      expect(Math.abs(box!.y + box!.height / 2 - (shown!.y + 400 * scale))).toBeLessThan(2);
      expect(Math.abs(box!.width - 40 * scale)).toBeLessThan(4);
      await expect.poll(() => page.locator('#marker .marker-label').textContent()).toBe('#0 click checkbox "Save Seaside Foam Roller"');

      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('#step-detail .step-label').textContent()).toBe('#1 done');
      await expect.poll(() => page.locator('#filmstrip .frame.current').getAttribute('data-step')).toBe('1');
      expect(new URL(page.url()).hash).toBe('#step=1');
      await page.keyboard.press('j');
      await expect.poll(() => page.locator('#step-detail .step-label').textContent()).toBe('#2 click');
      await expect.poll(() => image.getAttribute('src')).toBe('../img/c0001/0002.webp');
      await page.keyboard.press('k');
      await expect.poll(() => page.locator('#step-detail .step-label').textContent()).toBe('#1 done');
      await page.keyboard.press('End');
      await expect.poll(() => page.locator('#step-detail h3').textContent()).toBe('End state');
      await page.locator('#filmstrip .frame[data-step="3"]').click();
      await expect.poll(() => page.locator('#step-detail .step-label').textContent()).toBe('#3 done');
      // The snapshot change of the step (refs are left out: a re-render renumbers them).
      await expect.poll(() => page.locator('#step-detail pre.diff .add').textContent()).toBe('+   - heading "Page 4" [level=1]\n');
      // A level's link selects its gold steps.
      await page.locator('#level-2 a[data-gold]').click();
      await expect.poll(() => page.locator('#filmstrip .frame.gold').count()).toBe(4);
      await expect.poll(() => page.locator('#step-detail .step-label').textContent()).toBe('#0 click checkbox "Save Seaside Foam Roller"');
      expect(errors).toEqual([]);
      expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('serves the same pages on 127.0.0.1, and an evaluation run gets its episodes and outcomes', async () => {
    const result = await runCli(['view', FIXTURE_RUN_ID, 'fixture-eval', '--out', dir, '--dest', join(dir, 'both')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wrote 6 chain and episode pages \(20 steps\) of fixture-run \(synth\), fixture-eval \(eval\)/);
    const server = await startSiteServer({ root: join(dir, 'both') });
    try {
      const { page, errors, requests } = await open(`${server.origin}/`);
      try {
        await page.getByRole('link', { name: 'fixture-eval' }).click();
        await expect.poll(() => page.locator('h1').textContent()).toBe('Evaluation run fixture-eval');
        await expect.poll(() => page.locator('figure.results svg').isVisible()).toBe(true);
        await page.selectOption('select[data-filter="status"]', 'success');
        await expect
          .poll(() => page.locator('#rows tbody tr:visible').count())
          .toBe(await page.locator('#rows tbody tr[data-status="success"]').count());
        await page.locator('#rows tbody tr:visible a').first().click();
        await expect.poll(() => page.locator('.episode-outcome h2').textContent()).toContain('success');
        await expect.poll(() => page.locator('#shot-image').evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1280);
        expect(errors).toEqual([]);
        expect(requests.every((url) => url.startsWith(`${server.origin}/`))).toBe(true);
      } finally {
        await page.close();
      }
    } finally {
      await server.close();
    }
  });

  it('rebuilds its own site in place but refuses a directory holding anything else', async () => {
    const layout = runLayout(dir, FIXTURE_RUN_ID);
    await buildSite([{ layout }], { dest: site });
    expect(await readFile(join(site, SITE_MARKER), 'utf8')).toContain('trajsynth view');
    const foreign = join(dir, 'foreign');
    await rm(foreign, { recursive: true, force: true });
    await mkdir(foreign);
    await writeFile(join(foreign, 'notes.txt'), 'mine');
    await expect(buildSite([{ layout }], { dest: foreign })).rejects.toThrow(
      /Expected --dest to be a new directory or a site trajsynth view wrote/,
    );
    expect(await readFile(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
