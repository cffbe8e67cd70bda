import type { Browser, BrowserContext } from 'playwright-core';
import { DEFAULT_VIEWPORT, throwIfAborted } from '../core/index.js';
import { crashedError, PlaywrightSession } from './browser-session.js';
import type { BrowserSession, NewSessionOptions } from './browser-types.js';
import { BASE_LIMITS, scaledLimits } from './limits.js';
import { NavigationTracker } from './navigation-watch.js';
import { SessionGuard } from './session-guard.js';
import { calibrateTimeoutScale, checkedScale } from './timeout-scale.js';
import { browserLost, type BrowserLoss } from './browser-lost.js';
import { normalizeOrigin } from './url.js';

/**
 * Opens one episode's session in `browser` (launched or connected): an isolated context with one
 * agent page, its guard and navigation tracker. A browser that disconnects meanwhile fails it with
 * BROWSER_CRASHED.
 */
export async function openSession(
  browser: Browser,
  options: NewSessionOptions,
  browserScale: number,
  loss: BrowserLoss,
): Promise<BrowserSession> {
  throwIfAborted(options.signal);
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  const origin = normalizeOrigin(options.origin);
  const wanted = options.timeoutScale ?? browserScale;
  const scale = wanted === 'auto' ? calibrateTimeoutScale() : checkedScale(wanted);
  const limits = { ...scaledLimits(scale), navigationMs: Math.round((options.navigationTimeoutMs ?? BASE_LIMITS.navigationMs) * scale) };
  const lost = (cause: unknown) => crashedError(loss.reason, cause, loss.hint);
  let context: BrowserContext;
  try {
    context = await untilDisconnected(browser, loss, () =>
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
    if (await browserLost(browser)) throw lost(error);
    throw error;
  }
  try {
    const allowedOrigins = options.allowedOrigins ? [origin, ...options.allowedOrigins.map(normalizeOrigin)] : undefined;
    const page = await untilDisconnected(browser, loss, () => context.newPage());
    const guard = await untilDisconnected(browser, loss, () => SessionGuard.install(context, page, allowedOrigins));
    const navigation = await untilDisconnected(browser, loss, () => NavigationTracker.install(context, page));
    // A confirm() the agent triggers (e.g. "Delete this task?") is accepted, as a person meaning
    // to click Delete would; Playwright would otherwise dismiss it.
    context.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
    throwIfAborted(options.signal);
    return new PlaywrightSession({ context, page, origin, viewport, allowedOrigins, guard, navigation, limits, loss });
  } catch (error) {
    if (await browserLost(browser)) throw lost(error);
    await context.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs a browser call, failing with BROWSER_CRASHED if the browser disconnects first: a call in
 * flight when the browser process dies (or its connection drops) may otherwise never settle.
 */
async function untilDisconnected<T>(browser: Browser, loss: BrowserLoss, call: () => Promise<T>): Promise<T> {
  if (!browser.isConnected()) throw crashedError(loss.reason, new Error('disconnected'), loss.hint);
  let onDisconnect: () => void = () => undefined;
  const disconnected = new Promise<never>((_, reject) => {
    onDisconnect = () => reject(crashedError(loss.reason, new Error('disconnected'), loss.hint));
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
