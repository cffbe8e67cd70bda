import { chromium, type Browser } from 'playwright-core';
import { abortError, DEFAULT_VIEWPORT, errorMessage, TrajsynthError, throwIfAborted } from '../core/index.js';
import { PlaywrightSession } from './browser-session.js';
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
      hint: `Check that \`${executablePath} --version\` runs; install Chromium with \`apt-get install -y chromium\` or set TRAJSYNTH_CHROMIUM=/path/to/chrome`,
    });
  }
  if (signal?.aborted) {
    await browser.close().catch(() => undefined);
    throw abortError(signal);
  }
  return new PlaywrightBrowserHandle(browser, executablePath, timeoutScale);
}

class PlaywrightBrowserHandle implements BrowserHandle {
  readonly version: string;

  constructor(
    private readonly browser: Browser,
    readonly executablePath: string,
    readonly timeoutScale: number,
  ) {
    this.version = browser.version();
  }

  async newSession(options: NewSessionOptions): Promise<BrowserSession> {
    throwIfAborted(options.signal);
    const viewport = options.viewport ?? DEFAULT_VIEWPORT;
    const origin = normalizeOrigin(options.origin);
    const wanted = options.timeoutScale ?? this.timeoutScale;
    const scale = wanted === 'auto' ? calibrateTimeoutScale() : checkedScale(wanted);
    const limits = { ...scaledLimits(scale), navigationMs: Math.round((options.navigationTimeoutMs ?? BASE_LIMITS.navigationMs) * scale) };
    const context = await this.browser.newContext({
      viewport,
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'UTC',
      colorScheme: 'light',
      serviceWorkers: 'block',
      acceptDownloads: false,
    });
    try {
      const allowedOrigins = options.allowedOrigins ? [origin, ...options.allowedOrigins.map(normalizeOrigin)] : undefined;
      const page = await context.newPage();
      const guard = await SessionGuard.install(context, page, allowedOrigins);
      const navigation = await NavigationTracker.install(context, page);
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
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
