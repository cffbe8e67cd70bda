import type { Page, Request } from 'playwright-core';
import { throwIfAborted } from '../core/index.js';
import { sleep } from './abort.js';
import { waitForDomQuiet } from './page-scripts.js';

/** Request types whose completion can change the page (documents, scripts, fetch/XHR data). */
const TRACKED_RESOURCE_TYPES = new Set(['document', 'script', 'fetch', 'xhr']);
const LOAD_TIMEOUT_MS = 5_000;
const NETWORK_QUIET_MAX_MS = 2_000;
const NETWORK_POLL_MS = 20;
const DOM_QUIET_MS = 30;
const DOM_QUIET_MAX_MS = 500;

/** Counts the page's in-flight requests that may still change it. */
export class NetworkActivity {
  private readonly inFlight = new Set<Request>();
  private readonly onRequest = (request: Request): void => {
    if (TRACKED_RESOURCE_TYPES.has(request.resourceType())) this.inFlight.add(request);
  };
  private readonly onDone = (request: Request): void => {
    this.inFlight.delete(request);
  };

  constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
    page.on('requestfinished', this.onDone);
    page.on('requestfailed', this.onDone);
  }

  get pending(): number {
    return this.inFlight.size;
  }

  dispose(): void {
    this.page.off('request', this.onRequest);
    this.page.off('requestfinished', this.onDone);
    this.page.off('requestfailed', this.onDone);
    this.inFlight.clear();
  }
}

export interface SettleOptions {
  /** Whether the main frame navigated during the action (then wait for its load event). */
  navigated: boolean;
  network: NetworkActivity;
  signal?: AbortSignal;
}

/**
 * Waits until the page is done reacting to an action, adaptively rather than with a fixed sleep:
 * the load event after a navigation, then no tracked request in flight (two polls in a row, at most
 * 2 s), then no DOM mutation for 30 ms (at most 500 ms). Never throws except on abort.
 */
export async function waitForSettled(page: Page, options: SettleOptions): Promise<void> {
  const { signal } = options;
  if (options.navigated) await waitForLoad(page);
  throwIfAborted(signal);
  // Watch the network and the DOM together; if requests were still in flight, their responses may
  // change the DOM after it first went quiet, so watch the DOM once more.
  const [hadRequests] = await Promise.all([waitForNetworkQuiet(options.network, signal), waitForDom(page)]);
  if (hadRequests) await waitForDom(page);
  throwIfAborted(signal);
}

/** Resolves when no tracked request is in flight on two polls in a row; true if any was seen. */
async function waitForNetworkQuiet(network: NetworkActivity, signal?: AbortSignal): Promise<boolean> {
  const deadline = performance.now() + NETWORK_QUIET_MAX_MS;
  let quietPolls = 0;
  let sawRequests = false;
  for (;;) {
    if (network.pending === 0) quietPolls += 1;
    else {
      quietPolls = 0;
      sawRequests = true;
    }
    if (quietPolls >= 2 || performance.now() >= deadline) return sawRequests;
    await sleep(NETWORK_POLL_MS, signal);
  }
}

async function waitForDom(page: Page): Promise<void> {
  try {
    await page.evaluate(waitForDomQuiet, { quietMs: DOM_QUIET_MS, maxMs: DOM_QUIET_MAX_MS });
  } catch {
    // The page navigated while we watched it (execution context destroyed): wait for the new one.
    await waitForLoad(page);
  }
}

async function waitForLoad(page: Page): Promise<void> {
  await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS }).catch(() => undefined);
}
