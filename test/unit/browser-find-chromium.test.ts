import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrajsynthError } from '../../src/core/index.js';
import { findChromium, INSTALL_CHROMIUM_HINT } from '../../src/browser/index.js';

let root: string;

function executable(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

function thrown(run: () => unknown): TrajsynthError {
  try {
    run();
  } catch (error) {
    if (error instanceof TrajsynthError) return error;
    throw error;
  }
  throw new Error('Expected findChromium to throw');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'trajsynth-find-chromium-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('prefers TRAJSYNTH_CHROMIUM over CHROME_PATH, the Playwright cache and system paths', () => {
    const mine = executable(join(root, 'env', 'my-chrome'));
    const other = executable(join(root, 'env', 'other-chrome'));
    const system = executable(join(root, 'system', 'chromium'));
    const home = join(root, 'home-with-cache');
    executable(join(home, '.cache', 'ms-playwright', 'chromium-1200', 'chrome-linux', 'chrome'));
    const options = { homeDir: home, systemPaths: [system] };
    expect(findChromium({ ...options, env: { TRAJSYNTH_CHROMIUM: mine, CHROME_PATH: other } })).toEqual({
      executablePath: mine,
      source: 'env',
    });
    expect(findChromium({ ...options, env: { CHROME_PATH: other } })).toEqual({ executablePath: other, source: 'env' });
  });

  it('throws instead of falling through when the variable names a missing file', () => {
    const system = executable(join(root, 'system2', 'chromium'));
    const error = thrown(() => findChromium({ env: { TRAJSYNTH_CHROMIUM: '/x' }, systemPaths: [system], homeDir: root }));
    expect(error.code).toBe('BROWSER_NOT_FOUND');
    expect(error.message).toBe('Expected TRAJSYNTH_CHROMIUM to point to a Chromium executable, got /x (no such file)');
    const notExecutable = join(root, 'plain-file');
    writeFileSync(notExecutable, 'not a program');
    chmodSync(notExecutable, 0o644);
    if (process.getuid?.() !== 0) {
      expect(thrown(() => findChromium({ env: { CHROME_PATH: notExecutable }, systemPaths: [] })).message).toContain('(not executable)');
    }
    expect(thrown(() => findChromium({ env: { CHROME_PATH: root }, systemPaths: [] })).message).toContain(`got ${root} (not a file)`);
  });

  it('takes the headless shell before full Chromium, then the newest Playwright revision', () => {
    const cache = join(root, 'pw-cache');
    executable(join(cache, 'chromium-1100', 'chrome-linux', 'chrome'));
    const newest = executable(join(cache, 'chromium-1208', 'chrome-linux64', 'chrome'));
    executable(join(cache, 'chromium_headless_shell-1200', 'chrome-linux', 'headless_shell'));
    const newestShell = executable(join(cache, 'chromium_headless_shell-1300', 'chrome-linux', 'headless_shell'));
    mkdirSync(join(cache, 'chromium-1300'), { recursive: true }); // an interrupted download: no executable
    const system = executable(join(root, 'system3', 'chromium'));
    expect(findChromium({ env: { PLAYWRIGHT_BROWSERS_PATH: cache }, systemPaths: [system] })).toEqual({
      executablePath: newestShell,
      source: 'playwright-cache',
    });
    const fullOnly = join(root, 'pw-full-only');
    const full = executable(join(fullOnly, 'chromium-1208', 'chrome-linux64', 'chrome'));
    expect(findChromium({ env: { PLAYWRIGHT_BROWSERS_PATH: fullOnly }, systemPaths: [] }).executablePath).toBe(full);
    expect(newest).toContain('chromium-1208');
    const shellOnly = join(root, 'pw-shell-only');
    const shell = executable(join(shellOnly, 'chromium_headless_shell-1300', 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
    expect(findChromium({ env: { PLAYWRIGHT_BROWSERS_PATH: shellOnly }, systemPaths: [] }).executablePath).toBe(shell);
  });

  it('falls back to ~/.cache/ms-playwright, then to system paths in order', () => {
    const home = join(root, 'home');
    const cached = executable(join(home, '.cache', 'ms-playwright', 'chromium-1200', 'chrome-linux', 'chrome'));
    expect(findChromium({ env: {}, homeDir: home, systemPaths: [] })).toEqual({ executablePath: cached, source: 'playwright-cache' });
    const second = executable(join(root, 'system4', 'google-chrome'));
    expect(findChromium({ env: {}, homeDir: join(root, 'empty-home'), systemPaths: [join(root, 'missing'), second] })).toEqual({
      executablePath: second,
      source: 'system',
    });
  });

  it('names every place it looked, with an install hint, when nothing is found', () => {
    const home = join(root, 'nothing-home');
    const error = thrown(() => findChromium({ env: {}, homeDir: home, systemPaths: ['/nope/chromium', '/nope/chrome'] }));
    expect(error.code).toBe('BROWSER_NOT_FOUND');
    expect(error.message).toBe(
      `Expected a Chromium executable, found none. Looked in: TRAJSYNTH_CHROMIUM and CHROME_PATH (unset), Playwright's cache ${join(home, '.cache', 'ms-playwright')}, /nope/chromium, /nope/chrome`,
    );
    expect(error.hint).toBe(INSTALL_CHROMIUM_HINT);
    expect(error.hint).toContain('apt-get install -y chromium');
  });

  it('finds the Chromium of this machine with the default search', () => {
    expect(findChromium().executablePath).toMatch(/chrom/i);
  });
});
