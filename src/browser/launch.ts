import { availableParallelism } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { abortError, errorMessage, TrajsynthError, throwIfAborted } from '../core/index.js';
import type { BrowserHandle, BrowserSession, LaunchBrowserOptions, NewSessionOptions } from './browser-types.js';
import { findChromium } from './find-chromium.js';
import type { BrowserLoss } from './browser-lost.js';
import { openSession } from './open-session.js';
import { resolveTimeoutScale } from './timeout-scale.js';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export const LAUNCH_TIMEOUT_MS = 30_000;

/** Browser processes for `concurrency` episodes at once: one each, at most one per core. */
export function browserProcessesFor(concurrency: number): number {
  return Math.max(1, Math.min(concurrency, availableParallelism()));
}
const LOCAL_LOSS: BrowserLoss = { reason: 'the browser process is gone' };

/**
 * Launches headless Chromium through playwright-core. Failure throws BROWSER_LAUNCH_FAILED.
 * Playwright's own Ctrl-C/SIGTERM handlers are turned off: by default they close every browser and
 * exit the process with code 130 at once, which would cut short the caller's clean shutdown
 * (finishing writes, marking the run interrupted). Callers close the browser themselves; the
 * browser is still killed if the process exits.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<BrowserHandle> {
  const { signal } = options;
  throwIfAborted(signal);
  // Measured here, before any session runs: the measurement blocks this thread for a moment, and
  // other threads of a busy process (image encoding) would blur it.
  const timeoutScale = resolveTimeoutScale(options);
  const executablePath = options.executablePath ?? findChromium().executablePath;
  const browser = await launchChromium(executablePath, signal);
  const first = new PlaywrightBrowserHandle(browser, executablePath, timeoutScale);
  const processes = Math.max(1, Math.floor(options.processes ?? 1));
  return processes === 1 ? first : new BrowserPool(first, processes);
}

/**
 * Browser processes for concurrent episodes, launched as needed: a new session opens in the
 * process with the fewest open sessions, and a further process starts only when every running one
 * has a session open. Measured on 2 cores (headless shell, 1280x800 WebP captures of the shop): two
 * pages in one browser capture 1.24x as fast as one page alone, in two browsers 1.59x, because the
 * browser process encodes every page's screenshots.
 */
class BrowserPool implements BrowserHandle {
  readonly wsEndpoint = undefined;
  private readonly members: Array<{ handle: Promise<PlaywrightBrowserHandle>; open: number }>;

  constructor(
    private readonly first: PlaywrightBrowserHandle,
    private readonly size: number,
  ) {
    this.members = [{ handle: Promise.resolve(first), open: 0 }];
  }

  get executablePath(): string {
    return this.first.executablePath;
  }

  get version(): string {
    return this.first.version;
  }

  get timeoutScale(): number {
    return this.first.timeoutScale;
  }

  async newSession(options: NewSessionOptions): Promise<BrowserSession> {
    throwIfAborted(options.signal);
    let member = this.members.reduce((best, candidate) => (candidate.open < best.open ? candidate : best));
    if (member.open > 0 && this.members.length < this.size) {
      const handle = launchChromium(this.first.executablePath, options.signal).then(
        (browser) => new PlaywrightBrowserHandle(browser, this.first.executablePath, this.first.timeoutScale),
      );
      member = { handle, open: 0 };
      this.members.push(member);
      // A process that does not start is dropped from the pool; the session goes to the first.
      handle.catch(() => this.members.splice(this.members.indexOf(member), 1));
    }
    member.open += 1;
    let session: BrowserSession;
    try {
      const handle = await member.handle.catch(() => this.first);
      session = await handle.newSession(options);
    } catch (error) {
      member.open -= 1;
      throw error;
    }
    const close = session.close.bind(session);
    let closed = false;
    session.close = async () => {
      if (!closed) member.open -= 1;
      closed = true;
      await close();
    };
    return session;
  }

  async close(): Promise<void> {
    await Promise.all(this.members.map(async (member) => (await member.handle.catch(() => undefined))?.close()));
  }
}

/** Launches headless Chromium with CHROMIUM_ARGS; BROWSER_LAUNCH_FAILED when it does not start. */
export async function launchChromium(executablePath: string, signal: AbortSignal | undefined): Promise<Browser> {
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: LAUNCH_TIMEOUT_MS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new TrajsynthError(
      `Expected to launch headless Chromium at ${executablePath}, got: ${firstLine(errorMessage(error)).replace(/^browserType\.launch: /, '')}`,
      {
        code: 'BROWSER_LAUNCH_FAILED',
        cause: error,
        hint: `Check that \`${executablePath} --version\` runs; install Chromium with \`apt-get install -y chromium-headless-shell\` (or chromium) or set TRAJSYNTH_CHROMIUM=/path/to/chrome`,
      },
    );
  }
  if (signal?.aborted) {
    await browser.close().catch(() => undefined);
    throw abortError(signal);
  }
  return browser;
}

/**
 * A launched Chromium. When the browser process dies under a run (killed, out of memory), the next
 * session relaunches it: sessions open on the dead one fail with BROWSER_CRASHED and their episodes
 * are redone by the caller, while new episodes go on in the new browser.
 */
class PlaywrightBrowserHandle implements BrowserHandle {
  readonly version: string;
  readonly wsEndpoint = undefined;
  relaunches = 0;
  private closed = false;
  private relaunching: Promise<Browser> | undefined;

  constructor(
    private browser: Browser,
    readonly executablePath: string,
    readonly timeoutScale: number,
  ) {
    this.version = browser.version();
  }

  private async liveBrowser(signal: AbortSignal | undefined): Promise<Browser> {
    if (this.browser.isConnected()) return this.browser;
    if (this.closed) throw new TrajsynthError('Expected an open browser, got one that was closed', { code: 'BROWSER_CRASHED' });
    this.relaunching ??= launchChromium(this.executablePath, signal).then(
      (browser) => {
        this.browser = browser;
        this.relaunches += 1;
        this.relaunching = undefined;
        return browser;
      },
      (error: unknown) => {
        this.relaunching = undefined;
        throw error;
      },
    );
    return this.relaunching;
  }

  async newSession(options: NewSessionOptions): Promise<BrowserSession> {
    throwIfAborted(options.signal);
    const browser = await this.liveBrowser(options.signal);
    return openSession(browser, options, this.timeoutScale, LOCAL_LOSS);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.relaunching?.catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
