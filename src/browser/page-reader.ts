import type { BrowserContext, Page } from 'playwright-core';
import type { PageReader, PageView } from '../core/index.js';
import { abortError, HARNESS_READ_HEADER, readableText, throwIfAborted } from '../core/index.js';
import { renderAriaSnapshot } from './aria-render.js';
import { signalOption } from './abort.js';
import { flattenAriaElements } from './aria-elements.js';
import { loadPage } from './load-page.js';
import type { BrowserLimits } from './limits.js';
import { captureAria } from './observe.js';
import { NetworkActivity, waitForSettled } from './settle.js';

/**
 * Reads pages for predicates. `read()` reads the agent's page: its URL, and the readable text and
 * elements of a fresh AI snapshot (no screenshot). That snapshot becomes the page's latest, so refs
 * of elements that disappeared since the agent's observation stop resolving; refs of elements that
 * are still there keep their ids, because Playwright reuses refs per element. `read(path)` loads the
 * path (relative to the origin) in a scratch page of the same browser context (same cookies and
 * storage) with HARNESS_READ_HEADER (a bundled app changes no state for it), waits for it to settle
 * and reads it, leaving the agent's page untouched. The scratch
 * page is opened on the first such read and reused (opening a page costs a renderer start); reads
 * are serialized through it.
 */
export function createPageReader(context: BrowserContext, agentPage: Page, origin: string, limits: BrowserLimits): PageReader {
  let scratch: { page: Page; network: NetworkActivity } | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const scratchPage = async () => {
    if (scratch && !scratch.page.isClosed()) return scratch;
    scratch?.network.dispose();
    const page = await context.newPage();
    // The app changes no state for the harness's reads (a message is not marked read by checking it).
    await page.setExtraHTTPHeaders({ [HARNESS_READ_HEADER]: '1' });
    scratch = { page, network: new NetworkActivity(page) };
    return scratch;
  };
  const readPath = async (path: string, signal?: AbortSignal): Promise<PageView> => {
    throwIfAborted(signal);
    const { page, network } = await scratchPage();
    try {
      await loadPage(page, origin, path, { timeoutMs: limits.navigationMs, ...signalOption(signal) });
      await waitForSettled(page, { navigated: true, network, limits, ...signalOption(signal) });
      return await readPage(page, limits, signal);
    } catch (error) {
      // A scratch page left mid-load is not trusted for the next read.
      await page.close().catch(() => undefined);
      throw error;
    }
  };
  return {
    async read(path?: string, signal?: AbortSignal): Promise<PageView> {
      throwIfAborted(signal);
      if (path === undefined) return readPage(agentPage, limits, signal);
      const result = queue.then(() => readPath(path, signal));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

async function readPage(page: Page, limits: BrowserLimits, signal?: AbortSignal): Promise<PageView> {
  try {
    const aria = await captureAria(page, limits, signal);
    const snapshot = renderAriaSnapshot(aria.nodes);
    return { url: page.url(), text: readableText(snapshot), elements: flattenAriaElements(aria.nodes), snapshot };
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}
