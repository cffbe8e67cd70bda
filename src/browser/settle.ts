import type { Page, Request } from 'playwright-core';
import { throwIfAborted } from '../core/index.js';
import { sleep } from './abort.js';
import { within } from './bounded.js';
import type { BrowserLimits } from './limits.js';
import type { NavigationMark, NavigationTracker } from './navigation-watch.js';
import { waitForDomQuiet } from './page-scripts.js';

/** Request types whose completion can change the page (documents, scripts, fetch/XHR data). */
const TRACKED_RESOURCE_TYPES = new Set(['document', 'script', 'fetch', 'xhr']);
const NETWORK_POLL_MS = 20;
const DOM_QUIET_MS = 30;

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

/** Where to look for a navigation an action may have started. */
export interface ActionNavigation {
  tracker: NavigationTracker;
  /** Counters taken when the action began. */
  mark: NavigationMark;
  /** Ask the page whether it started one (input actions: a link, a form, a script). */
  askPage: boolean;
}

export interface SettleResult {
  /** The action started a navigation of the main frame (the page said so, or a request or commit was seen). */
  navigationStarted: boolean;
}

export interface SettleOptions {
  /** The main frame loaded a new page (then wait for its load event). */
  navigated?: boolean;
  /** An action's navigation: one it started is waited for until it commits. */
  navigation?: ActionNavigation;
  network: NetworkActivity;
  limits: BrowserLimits;
  signal?: AbortSignal;
}

/**
 * Waits until the page is done reacting to an action, adaptively rather than with a fixed sleep:
 * a navigation the action started until it commits (or ends without a new page; at most the
 * navigation timeout, after which the page is left loading), then the load event, then no tracked
 * request in flight (two polls in a row), then no DOM mutation for 30 ms. A navigation whose first
 * sign comes only while the page quiets (a script's `form.submit()`, events late on a busy machine)
 * is waited for the same way, once. Every bound is a scaled limit. Never throws except on abort.
 */
export async function waitForSettled(page: Page, options: SettleOptions): Promise<SettleResult> {
  const { signal, limits, navigation } = options;
  const deadline = performance.now() + limits.navigationMs;
  let loaded = options.navigated !== true;
  let navigationStarted = navigation?.askPage ? await navigation.tracker.takePageStart(limits.navigationMs) : false;
  for (let round = 0; ; round += 1) {
    throwIfAborted(signal);
    if (navigation) {
      const { tracker, mark } = navigation;
      const since = tracker.since(mark);
      navigationStarted ||= since.requested || since.committed;
      if (navigationStarted) {
        const ending = await tracker.waitForCommit(mark, deadline - performance.now(), signal);
        // Out of time with the next page still on its way: the old one has nothing more to settle.
        if (ending === 'still-loading') return { navigationStarted };
        if (ending === 'committed') loaded = false;
      }
    }
    if (!loaded) await waitForLoad(page, limits);
    loaded = true;
    throwIfAborted(signal);
    // Watch the network and the DOM together; if requests were still in flight, their responses may
    // change the DOM after it first went quiet, so watch the DOM once more.
    const [hadRequests] = await Promise.all([waitForNetworkQuiet(options.network, limits, signal), waitForDom(page, limits)]);
    if (hadRequests) await waitForDom(page, limits);
    throwIfAborted(signal);
    if (!navigation || navigationStarted || round > 0) break;
    const late = navigation.tracker.since(navigation.mark);
    if (!late.requested && !late.committed) break;
  }
  return { navigationStarted };
}

/** Resolves when no tracked request is in flight on two polls in a row; true if any was seen. */
async function waitForNetworkQuiet(network: NetworkActivity, limits: BrowserLimits, signal?: AbortSignal): Promise<boolean> {
  const deadline = performance.now() + limits.networkQuietMaxMs;
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

async function waitForDom(page: Page, limits: BrowserLimits): Promise<void> {
  try {
    // Bounded here too: the evaluation waits for a navigation under way to commit before it starts.
    await within(
      page.evaluate(waitForDomQuiet, { quietMs: DOM_QUIET_MS, maxMs: limits.domQuietMaxMs }),
      limits.domQuietMaxMs + limits.loadMs,
    );
  } catch {
    // The page navigated while we watched it (execution context destroyed): wait for the new one.
    await waitForLoad(page, limits);
  }
}

async function waitForLoad(page: Page, limits: BrowserLimits): Promise<void> {
  await page.waitForLoadState('load', { timeout: limits.loadMs }).catch(() => undefined);
}
