import type { Page } from 'playwright-core';
import { abortError, errorMessage, TrajsynthError } from '../core/index.js';
import { signalOption } from './abort.js';
import { resolveUrl } from './url.js';

export interface LoadPageOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Loads a path (relative to the origin) or URL and waits for its load event. A URL that cannot be
 * reached throws UNREACHABLE_URL naming the URL; HTTP error statuses are not errors here (the page
 * shows them). Returns the final URL.
 */
export async function loadPage(page: Page, origin: string, pathOrUrl: string, options: LoadPageOptions): Promise<string> {
  const url = resolveUrl(origin, pathOrUrl);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs, ...signalOption(options.signal) });
  } catch (error) {
    if (options.signal?.aborted) throw abortError(options.signal);
    const reason = (errorMessage(error).split('\n')[0] ?? '').replace(/^page\.goto: /, '');
    const timedOut = /Timeout \d+ms exceeded/.test(reason);
    throw new TrajsynthError(`Expected to load ${url}, got ${reason}`, {
      code: 'UNREACHABLE_URL',
      isRetryable: timedOut,
      cause: error,
      hint: `Check that a server is listening at ${new URL(url).origin} (is the environment started?) and that the path is right`,
    });
  }
  return page.url();
}
