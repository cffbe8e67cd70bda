/**
 * What one observation costs in Chromium, and whether concurrent pages of one browser wait for each
 * other: CPU of the browser's processes per screenshot in each format Chromium can encode (WebP, the
 * stored one; JPEG; PNG, the bare baseline's), with the bytes; then captures per second of one page
 * alone, two pages of one browser, and two browsers (a screenshot and an accessibility snapshot each
 * time, as trajsynth observes). Linux only for the CPU figures (/proc).
 *
 *   npm run bench:capture                  (shop, 15 captures per format, 20 per page for scaling)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/browser/index.js';
import { startEnvironment } from '../src/environments/start-environment.js';

const CAPTURES = 15;
const SCALING_CAPTURES = 20;

/** CPU milliseconds of every process whose command line names this Chromium binary. */
function chromiumCpuMs(executablePath: string): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith(executablePath)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone while we looked.
    }
  }
  return ticks * 10;
}

async function main(): Promise<void> {
  const { executablePath } = findChromium();
  const environment = await startEnvironment('shop', { seed: 3 });
  const launch = () => chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
  const open = async (browser: Browser): Promise<{ page: Page; cdp: CDPSession }> => {
    const context = await browser.newContext({ viewport: environment.manifest.viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${environment.origin}/products`);
    return { page, cdp: await context.newCDPSession(page) };
  };
  const browsers: Browser[] = [];
  try {
    const first = await launch();
    browsers.push(first);
    const a = await open(first);
    process.stdout.write(`capture cost · shop /products · 1280x800 · ${executablePath}\n`);
    for (const format of ['webp', 'jpeg', 'png'] as const) {
      const params = format === 'png' ? { format } : { format, quality: 80 };
      await a.cdp.send('Page.captureScreenshot', params);
      const cpuBefore = chromiumCpuMs(executablePath);
      const started = performance.now();
      let bytes = 0;
      for (let index = 0; index < CAPTURES; index += 1) {
        await a.page.mouse.move(10 + index, 10);
        bytes += Buffer.from((await a.cdp.send('Page.captureScreenshot', params)).data, 'base64').byteLength;
      }
      const wall = (performance.now() - started) / CAPTURES;
      const cpu = (chromiumCpuMs(executablePath) - cpuBefore) / CAPTURES;
      process.stdout.write(
        `  ${format.padEnd(5)} ${wall.toFixed(0).padStart(4)} ms wall · ${cpu.toFixed(0).padStart(4)} ms Chromium CPU · ${(bytes / CAPTURES / 1024).toFixed(1)} KiB\n`,
      );
    }
    const loop = async ({ page, cdp }: { page: Page; cdp: CDPSession }) => {
      for (let index = 0; index < SCALING_CAPTURES; index += 1) {
        await page.mouse.move(10 + index, 10);
        await Promise.all([
          cdp.send('Page.captureScreenshot', { format: 'webp', quality: 80 }),
          page.ariaSnapshot({ mode: 'ai', boxes: true }),
        ]);
      }
    };
    const timed = async (pages: Array<{ page: Page; cdp: CDPSession }>) => {
      const started = performance.now();
      await Promise.all(pages.map(loop));
      return (performance.now() - started) / (pages.length * SCALING_CAPTURES);
    };
    const b = await open(first);
    const second = await launch();
    browsers.push(second);
    const c = await open(second);
    const alone = await timed([a]);
    const oneBrowser = await timed([a, b]);
    const twoBrowsers = await timed([a, c]);
    process.stdout.write(`  observations (WebP screenshot + snapshot), ms each:\n`);
    process.stdout.write(`    one page alone           ${alone.toFixed(0)} ms\n`);
    process.stdout.write(
      `    two pages, one browser   ${oneBrowser.toFixed(0)} ms (${(alone / oneBrowser).toFixed(2)}x the rate of one page)\n`,
    );
    process.stdout.write(`    two pages, two browsers  ${twoBrowsers.toFixed(0)} ms (${(alone / twoBrowsers).toFixed(2)}x)\n`);
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
    await environment.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
