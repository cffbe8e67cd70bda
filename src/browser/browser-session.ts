import type { BrowserContext, Page } from 'playwright-core';
import type { Action, CapturedObservation, PageReader, Viewport } from '../core/index.js';
import type { BrowserSession, ExecuteOptions, ExecuteResult, ObserveOptions } from './browser-types.js';
import { throwIfAborted } from '../core/index.js';
import { signalOption } from './abort.js';
import { executeAction } from './execute-action.js';
import { loadPage } from './load-page.js';
import type { BrowserLimits } from './limits.js';
import type { NavigationTracker } from './navigation-watch.js';
import { captureObservation } from './observe.js';
import { createPageReader } from './page-reader.js';
import { NetworkActivity, waitForSettled } from './settle.js';
import type { SessionGuard } from './session-guard.js';

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
}

export class PlaywrightSession implements BrowserSession {
  readonly origin: string;
  readonly viewport: Viewport;
  readonly timeoutScale: number;
  readonly reader: PageReader;
  private readonly network: NetworkActivity;
  private pendingError: string | undefined;
  private closed = false;

  constructor(private readonly parts: SessionParts) {
    this.origin = parts.origin;
    this.viewport = { ...parts.viewport };
    this.timeoutScale = parts.limits.scale;
    this.network = new NetworkActivity(parts.page);
    this.reader = createPageReader(parts.context, parts.page, parts.origin, parts.limits);
  }

  url(): string {
    return this.parts.page.url();
  }

  async goto(pathOrUrl: string, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    const { page } = this.parts;
    const { limits } = this.parts;
    await loadPage(page, this.origin, pathOrUrl, { timeoutMs: limits.navigationMs, ...signalOption(signal) });
    await waitForSettled(page, { navigated: true, network: this.network, limits, ...signalOption(signal) });
    this.pendingError = undefined;
  }

  async observe(options: ObserveOptions = {}): Promise<CapturedObservation> {
    const observation = await captureObservation(this.parts.page, this.viewport, this.parts.limits, options.signal, options.screenshot !== false);
    if (this.pendingError !== undefined) {
      observation.error = this.pendingError;
      this.pendingError = undefined;
    }
    return observation;
  }

  async execute(action: Action, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    this.parts.guard.take();
    const result = await executeAction(
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
    );
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

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.network.dispose();
    this.parts.navigation.dispose();
    await this.parts.context.close().catch(() => undefined);
  }
}
