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
  return new PlaywrightBrowserHandle(browser, executablePath, timeoutScale);
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
    throw new TrajsynthError(`Expected to launch headless Chromium at ${executablePath}, got: ${firstLine(errorMessage(error)).replace(/^browserType\.launch: /, '')}`, {
      code: 'BROWSER_LAUNCH_FAILED',
      cause: error,
      hint: `Check that \`${executablePath} --version\` runs; install Chromium with \`apt-get install -y chromium-headless-shell\` (or chromium) or set TRAJSYNTH_CHROMIUM=/path/to/chrome`,
    });
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
