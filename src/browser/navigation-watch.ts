import type { BrowserContext, Frame, Page, Request, Response } from 'playwright-core';
import { errorMessage, throwIfAborted } from '../core/index.js';
import { within } from './bounded.js';
import { noteNavigationStarts, takeNavigationStart } from './page-scripts.js';

const PAGE_NOTE_KEY = 'trajsynth.navigationStart';

/** Counters at the start of an action; what happened since is measured against them. */
export interface NavigationMark {
  readonly requests: number;
  readonly commits: number;
  readonly ends: number;
}

export interface NavigationSince {
  /** A main-frame navigation request was sent. */
  requested: boolean;
  /** The main frame navigated (a new document committed, or a same-document navigation). */
  committed: boolean;
}

/**
 * Follows the agent page's main-frame navigations for the whole session, so an action can tell
 * whether it started one, and settling can wait for that navigation rather than for a fixed time:
 *
 * - the page notes a navigation the moment it starts one (an init script on the Navigation API's
 *   `navigate` event), before any request exists: exact even when Playwright's request event has not
 *   arrived yet on a busy machine, and for mouse and keyboard input, which Playwright does not wait on;
 * - navigation requests and commits come from Playwright's events.
 */
export class NavigationTracker {
  private requests = 0;
  private commits = 0;
  /** Navigation requests that ended without leading to another (answered without a redirect, or failed). */
  private ends = 0;
  private readonly pending = new Set<Request>();
  private readonly redirecting = new WeakSet<Request>();
  /** Woken whenever a counter or the pending set changes (waitForCommit waits on it, not on a timer). */
  private readonly waiters = new Set<() => void>();

  private readonly onRequest = (request: Request): void => {
    if (!this.isMainNavigation(request)) return;
    this.requests += 1;
    this.pending.add(request);
    this.wake();
  };
  private readonly onResponse = (response: Response): void => {
    const request = response.request();
    if (this.pending.has(request) && response.status() >= 300 && response.status() < 400) this.redirecting.add(request);
  };
  private readonly onDone = (request: Request): void => {
    if (!this.pending.delete(request)) return;
    // A redirect's follow-up request is on its way: the navigation goes on.
    if (!this.redirecting.has(request)) this.ends += 1;
    this.wake();
  };
  private readonly onFailed = (request: Request): void => {
    if (!this.pending.delete(request)) return;
    this.ends += 1;
    this.wake();
  };
  private readonly onNavigated = (frame: Frame): void => {
    if (frame !== this.page.mainFrame()) return;
    this.commits += 1;
    this.wake();
  };

  private constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
    page.on('response', this.onResponse);
    page.on('requestfinished', this.onDone);
    page.on('requestfailed', this.onFailed);
    page.on('framenavigated', this.onNavigated);
  }

  /** Adds the page-side note to every page of the context and starts following `page`. */
  static async install(context: BrowserContext, page: Page): Promise<NavigationTracker> {
    await context.addInitScript(noteNavigationStarts, PAGE_NOTE_KEY);
    return new NavigationTracker(page);
  }

  mark(): NavigationMark {
    return { requests: this.requests, commits: this.commits, ends: this.ends };
  }

  since(mark: NavigationMark): NavigationSince {
    return { requested: this.requests > mark.requests, committed: this.commits > mark.commits };
  }

  /**
   * Whether the page started a navigation to another document since this was last asked (the
   * page's note is read and cleared). An evaluation in a page whose navigation is under way waits
   * for it to commit and then fails (the old document's context is destroyed): that page started
   * one; so did a page that does not answer within `timeoutMs`, which bounds the wait.
   */
  async takePageStart(timeoutMs: number): Promise<boolean> {
    try {
      return (await within(this.page.evaluate(takeNavigationStart, PAGE_NOTE_KEY), timeoutMs)) !== null;
    } catch (error) {
      return /context was destroyed|navigat/i.test(errorMessage(error));
    }
  }

  /**
   * Waits for the navigation started since `mark` to commit, or to end without a new document (a
   * 204 answer, a blocked or failed request), at most `timeoutMs`; says which. Never throws except
   * on abort.
   */
  async waitForCommit(mark: NavigationMark, timeoutMs: number, signal?: AbortSignal): Promise<'committed' | 'ended' | 'still-loading'> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      throwIfAborted(signal);
      if (this.commits > mark.commits) return 'committed';
      if (this.pending.size === 0 && this.ends > mark.ends) return 'ended';
      const left = deadline - performance.now();
      if (left <= 0) return 'still-loading';
      await this.nextChange(left, signal);
    }
  }

  /** Resolves at the next navigation event, after `timeoutMs`, or on abort (the caller checks which). */
  private nextChange(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  dispose(): void {
    this.page.off('request', this.onRequest);
    this.page.off('response', this.onResponse);
    this.page.off('requestfinished', this.onDone);
    this.page.off('requestfailed', this.onFailed);
    this.page.off('framenavigated', this.onNavigated);
    this.pending.clear();
    this.wake();
  }

  private isMainNavigation(request: Request): boolean {
    try {
      return request.isNavigationRequest() && request.frame() === this.page.mainFrame();
    } catch {
      return false; // a service worker's request has no frame
    }
  }
}
