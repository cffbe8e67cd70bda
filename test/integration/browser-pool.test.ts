/**
 * Concurrent sessions spread over browser processes (launchBrowser `processes`): Chromium encodes
 * every page's screenshots in its browser process, so concurrent episodes of one browser wait for
 * each other's captures. The pool launches a process only when every running one has a session.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchBrowser } from '../../src/browser/index.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/browser/fixture-server.js';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

/** Chromium browser processes (not renderers, zygotes or utilities) started by this process. */
function browserProcesses(): number {
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && !args.some((arg) => arg.startsWith('--type='))) count += 1;
    } catch {
      // Gone while we looked.
    }
  }
  return count;
}

describe.skipIf(process.platform !== 'linux')('a pool of browser processes', () => {
  it('opens concurrent sessions in separate processes, launched when needed, and reuses a freed one', { timeout: 120_000 }, async () => {
    const before = browserProcesses();
    const pool = await launchBrowser({ executablePath: findChromium().executablePath, processes: 2 });
    try {
      expect(browserProcesses() - before).toBe(1);
      const first = await pool.newSession({ origin: server.origin });
      expect(browserProcesses() - before).toBe(1);
      const second = await pool.newSession({ origin: server.origin });
      expect(browserProcesses() - before).toBe(2);
      // Both work, side by side.
      await Promise.all([first.goto('/'), second.goto('/')]);
      const [a, b] = await Promise.all([first.observe(), second.observe()]);
      expect(a.url).toBe(`${server.origin}/`);
      expect(b.screenshotWebp.byteLength).toBeGreaterThan(1000);
      // A third session goes to a process with the fewest open: no third process.
      const third = await pool.newSession({ origin: server.origin });
      expect(browserProcesses() - before).toBe(2);
      await first.close();
      await second.close();
      const fourth = await pool.newSession({ origin: server.origin });
      expect(browserProcesses() - before).toBe(2);
      await Promise.all([third.close(), fourth.close()]);
    } finally {
      await pool.close();
    }
    expect(browserProcesses()).toBe(before);
  });
});
