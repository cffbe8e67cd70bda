import type { BrowserContext, Page } from 'playwright-core';
import type { PageReader, PageView } from '../core/index.js';
import { abortError, throwIfAborted } from '../core/index.js';
import { signalOption } from './abort.js';
import { flattenAriaElements } from './aria-elements.js';
import { loadPage } from './load-page.js';
import { captureAria } from './observe.js';
import { NetworkActivity, waitForSettled } from './settle.js';

/**
 * Reads pages for predicates. `read()` reads the agent's page: its URL, body innerText and the
 * elements of a fresh AI snapshot (no screenshot). That snapshot becomes the page's latest, so refs
 * of elements that disappeared since the agent's observation stop resolving; refs of elements that
 * are still there keep their ids, because Playwright reuses refs per element. `read(path)` opens a
 * scratch page in the same browser context (same cookies and storage), loads the path relative to
 * the origin, waits for it to settle, reads it and closes it, leaving the agent's page untouched.
 */
export function createPageReader(context: BrowserContext, agentPage: Page, origin: string, navigationTimeoutMs: number): PageReader {
  return {
    async read(path?: string, signal?: AbortSignal): Promise<PageView> {
      throwIfAborted(signal);
      if (path === undefined) return readPage(agentPage, signal);
      const scratch = await context.newPage();
      const network = new NetworkActivity(scratch);
      try {
        await loadPage(scratch, origin, path, { timeoutMs: navigationTimeoutMs, ...signalOption(signal) });
        await waitForSettled(scratch, { navigated: true, network, ...signalOption(signal) });
        return await readPage(scratch, signal);
      } finally {
        network.dispose();
        await scratch.close().catch(() => undefined);
      }
    },
  };
}

async function readPage(page: Page, signal?: AbortSignal): Promise<PageView> {
  try {
    const [text, aria] = await Promise.all([page.evaluate(() => document.body?.innerText ?? ''), captureAria(page, signal)]);
    return { url: page.url(), text, elements: flattenAriaElements(aria.nodes) };
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
