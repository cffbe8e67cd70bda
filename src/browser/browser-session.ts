import type { BrowserContext, Page } from 'playwright-core';
import type { Action, CapturedObservation, PageReader, Viewport } from '../core/index.js';
import type { BrowserSession, ExecuteOptions, ExecuteResult, ObserveOptions } from './browser-types.js';
import { errorMessage, oneLine, throwIfAborted, TrajsynthError } from '../core/index.js';
import { signalOption } from './abort.js';
import { executeAction } from './execute-action.js';
import { loadPage } from './load-page.js';
import type { BrowserLimits } from './limits.js';
import type { NavigationTracker } from './navigation-watch.js';
import { captureObservation } from './observe.js';
import { createPageReader } from './page-reader.js';
import { NetworkActivity, waitForSettled } from './settle.js';
import type { SessionGuard } from './session-guard.js';
import { browserLost, type BrowserLoss } from './browser-lost.js';

export interface SessionParts {
  context: BrowserContext;
  page: Page;
  origin: string;
  viewport: Viewport;
  /** Origins the agent may navigate to; undefined means navigation is not confined. */
  allowedOrigins: readonly string[] | undefined;
  /** Every time limit, multiplied by the session's timeout scale. */
  limits: BrowserLimits;
  guard: SessionGuard;
  navigation: NavigationTracker;
  /** What a disconnected browser means here (a dead process, a dropped connection to a browser server). */
  loss: BrowserLoss;
}

export class PlaywrightSession implements BrowserSession {
  readonly origin: string;
  readonly viewport: Viewport;
  readonly timeoutScale: number;
  readonly reader: PageReader;
  private readonly network: NetworkActivity;
  private pendingError: string | undefined;
  private closed = false;
  private rendererCrashed = false;

  constructor(private readonly parts: SessionParts) {
    this.origin = parts.origin;
    this.viewport = { ...parts.viewport };
    this.timeoutScale = parts.limits.scale;
    this.network = new NetworkActivity(parts.page);
    this.reader = createPageReader(parts.context, parts.page, parts.origin, parts.limits);
    // Playwright may never settle a call that was in flight when the browser or renderer died, so
    // every operation also races against their death.
    this.gone = new Promise<string>((resolve) => {
      this.onCrash = () => {
        this.rendererCrashed = true;
        resolve("the page's renderer crashed");
      };
      this.onDisconnect = () => resolve(parts.loss.reason);
    });
    parts.page.on('crash', this.onCrash);
    parts.context.browser()?.on('disconnected', this.onDisconnect);
  }

  private readonly gone: Promise<string>;
  private onCrash: () => void = () => undefined;
  private onDisconnect: () => void = () => undefined;

  /** Why this session can no longer be used (the page's renderer or the browser died), if it cannot. */
  private deadReason(): string | undefined {
    if (this.closed) return undefined;
    if (this.rendererCrashed) return "the page's renderer crashed";
    if (!this.parts.context.browser()?.isConnected()) return this.parts.loss.reason;
    if (this.parts.page.isClosed()) return 'the page was closed';
    return undefined;
  }

  /**
   * Runs a browser operation; when it fails because the browser or renderer died, the failure is
   * the harness's (BROWSER_CRASHED), never the agent's.
   */
  private async guarded<T>(operation: () => Promise<T>): Promise<T> {
    const running = operation();
    running.catch(() => undefined); // may reject after the race is lost; nothing is waiting for it then
    try {
      return await Promise.race([running, this.gone.then((reason) => Promise.reject(this.crashed(reason, new Error(reason))))]);
    } catch (error) {
      const dead = await this.settledDeadReason();
      if (dead) throw this.crashed(dead, error);
      throw error;
    }
  }

  /**
   * deadReason, once a page closed under a live-looking browser has had a moment to show why: a
   * browser server's dropped connection closes the pages at once and the browser a moment later.
   */
  private async settledDeadReason(): Promise<string | undefined> {
    const dead = this.deadReason();
    const browser = this.parts.context.browser();
    if (dead === 'the page was closed' && browser) await browserLost(browser);
    return this.deadReason();
  }

  private crashed(reason: string, cause: unknown): Error {
    // The browser's loss has its own hint (a dropped connection names the server); a renderer crash keeps the default.
    return crashedError(reason, cause, reason === this.parts.loss.reason ? this.parts.loss.hint : undefined);
  }

  url(): string {
    return this.parts.page.url();
  }

  async goto(pathOrUrl: string, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    const { page } = this.parts;
    const { limits } = this.parts;
    await this.guarded(async () => {
      await loadPage(page, this.origin, pathOrUrl, { timeoutMs: limits.navigationMs, ...signalOption(signal) });
      await waitForSettled(page, { navigated: true, network: this.network, limits, ...signalOption(signal) });
    });
    this.pendingError = undefined;
  }

  async observe(options: ObserveOptions = {}): Promise<CapturedObservation> {
    const observation = await this.guarded(() =>
      captureObservation(this.parts.page, this.viewport, this.parts.limits, options.signal, options.screenshot !== false),
    );
    if (this.pendingError !== undefined) {
      observation.error = this.pendingError;
      this.pendingError = undefined;
    }
    return observation;
  }

  async execute(action: Action, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    this.parts.guard.take();
    const result = await this.guarded(() =>
      executeAction(
        {
          page: this.parts.page,
          origin: this.origin,
          allowedOrigins: this.parts.allowedOrigins,
          viewport: this.viewport,
          network: this.network,
          navigation: this.parts.navigation,
          limits: this.parts.limits,
        },
        action,
        options,
      ),
    );
    // An action that "failed" because the browser died did not fail: the harness did.
    const dead = result.executed.outcome.ok ? undefined : await this.settledDeadReason();
    if (dead) throw this.crashed(dead, new Error(result.executed.outcome.ok ? '' : result.executed.outcome.error));
    const blocked = this.parts.guard.take();
    if (blocked.length) {
      const earlier = result.executed.outcome.ok ? [] : [result.executed.outcome.error];
      result.executed.outcome = { ok: false, error: [...earlier, ...blocked].join('; ') };
      result.executed.urlAfter = this.parts.page.url();
    }
    const outcome = result.executed.outcome;
    this.pendingError = outcome.ok ? undefined : outcome.error;
    return result;
  }

  async clearCookies(): Promise<void> {
    await this.guarded(() => this.parts.context.clearCookies());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.network.dispose();
    this.parts.navigation.dispose();
    const browser = this.parts.context.browser();
    // A dead browser's context is gone with it (and closing it might never settle).
    if (browser?.isConnected() !== false) await Promise.race([this.parts.context.close().catch(() => undefined), this.gone]);
    this.parts.page.off('crash', this.onCrash);
    browser?.off('disconnected', this.onDisconnect);
  }
}

export function crashedError(reason: string, cause: unknown, hint?: string): TrajsynthError {
  return new TrajsynthError(`Expected a live browser, got a crash: ${reason} (${oneLine(errorMessage(cause), 160)})`, {
    code: 'BROWSER_CRASHED',
    isRetryable: true,
    cause,
    hint: hint ?? 'The episode is redone in a relaunched browser; if crashes repeat, check memory (dmesg) and /dev/shm.',
  });
}
