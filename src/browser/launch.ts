import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { abortError, DEFAULT_VIEWPORT, errorMessage, TrajsynthError, throwIfAborted } from '../core/index.js';
import { crashedError, PlaywrightSession } from './browser-session.js';
import type { BrowserHandle, BrowserSession, LaunchBrowserOptions, NewSessionOptions } from './browser-types.js';
import { findChromium } from './find-chromium.js';
import { BASE_LIMITS, scaledLimits } from './limits.js';
import { NavigationTracker } from './navigation-watch.js';
import { SessionGuard } from './session-guard.js';
import { calibrateTimeoutScale, checkedScale, resolveTimeoutScale } from './timeout-scale.js';
import { normalizeOrigin } from './url.js';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const LAUNCH_TIMEOUT_MS = 30_000;

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

async function launchChromium(executablePath: string, signal: AbortSignal | undefined): Promise<Browser> {
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
    const viewport = options.viewport ?? DEFAULT_VIEWPORT;
    const origin = normalizeOrigin(options.origin);
    const wanted = options.timeoutScale ?? this.timeoutScale;
    const scale = wanted === 'auto' ? calibrateTimeoutScale() : checkedScale(wanted);
    const limits = { ...scaledLimits(scale), navigationMs: Math.round((options.navigationTimeoutMs ?? BASE_LIMITS.navigationMs) * scale) };
    const browser = await this.liveBrowser(options.signal);
    let context: BrowserContext;
    try {
      context = await untilDisconnected(browser, () =>
        browser.newContext({
          viewport,
          deviceScaleFactor: 1,
          locale: 'en-US',
          timezoneId: 'UTC',
          colorScheme: 'light',
          serviceWorkers: 'block',
          acceptDownloads: false,
        }),
      );
    } catch (error) {
      if (!browser.isConnected()) throw crashedError('the browser closed while a session was opening', error);
      throw error;
    }
    try {
      const allowedOrigins = options.allowedOrigins ? [origin, ...options.allowedOrigins.map(normalizeOrigin)] : undefined;
      const page = await untilDisconnected(browser, () => context.newPage());
      const guard = await untilDisconnected(browser, () => SessionGuard.install(context, page, allowedOrigins));
      const navigation = await untilDisconnected(browser, () => NavigationTracker.install(context, page));
      // A confirm() the agent triggers (e.g. "Delete this task?") is accepted, as a person meaning
      // to click Delete would; Playwright would otherwise dismiss it.
      context.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
      throwIfAborted(options.signal);
      return new PlaywrightSession({
        context,
        page,
        origin,
        viewport,
        allowedOrigins,
        guard,
        navigation,
        limits,
      });
    } catch (error) {
      await context.close().catch(() => undefined);
      if (!browser.isConnected()) throw crashedError('the browser closed while a session was opening', error);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.relaunching?.catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }
}

/**
 * Runs a browser call, failing with BROWSER_CRASHED if the browser disconnects first: a call in
 * flight when the browser process dies may otherwise never settle.
 */
async function untilDisconnected<T>(browser: Browser, call: () => Promise<T>): Promise<T> {
  if (!browser.isConnected()) throw crashedError('the browser process is gone', new Error('disconnected'));
  let onDisconnect: () => void = () => undefined;
  const disconnected = new Promise<never>((_, reject) => {
    onDisconnect = () => reject(crashedError('the browser process is gone', new Error('disconnected')));
    browser.once('disconnected', onDisconnect);
  });
  disconnected.catch(() => undefined);
  const running = call();
  running.catch(() => undefined);
  try {
    return await Promise.race([running, disconnected]);
  } finally {
    browser.off('disconnected', onDisconnect);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
