import type { Browser } from 'playwright-core';

/** How a browser's loss is told: why sessions die when it disconnects, and what to do about it. */
export interface BrowserLoss {
  /** e.g. "the browser process is gone". */
  reason: string;
  hint?: string;
}

/** How long a failed call waits for its browser to say it disconnected (see browserLost). */
const DISCONNECT_SETTLE_MS = 250;

/**
 * Whether `browser` is gone. When a browser server's connection drops, Playwright fails the calls
 * in flight at once but reports the browser disconnected a moment later (on a timer), so a call
 * that just failed waits briefly for that before its failure is taken for anything else.
 */
export async function browserLost(browser: Browser, settleMs = DISCONNECT_SETTLE_MS): Promise<boolean> {
  if (!browser.isConnected()) return true;
  return new Promise((resolve) => {
    const onDisconnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      browser.off('disconnected', onDisconnect);
      resolve(!browser.isConnected());
    }, settleMs);
    browser.once('disconnected', onDisconnect);
  });
}
