import { chromium, type Browser } from 'playwright-core';
import { abortError, errorMessage, oneLine, throwIfAborted, TrajsynthError } from '../core/index.js';
import { sleep } from './abort.js';
import type { BrowserHandle, BrowserSession, ConnectBrowserOptions, NewSessionOptions } from './browser-types.js';
import type { BrowserLoss } from './browser-lost.js';
import { openSession } from './open-session.js';
import { resolveTimeoutScale } from './timeout-scale.js';
import { wsEndpointProblem } from './ws-endpoint.js';

/** Environment variable: seconds a dropped browser server connection is retried (default 30). */
export const RECONNECT_ENV = 'TRAJSYNTH_RECONNECT_SECONDS';
const DEFAULT_RECONNECT_MS = 30_000;
/** Per attempt; it includes the server launching the connection's Chromium. */
const CONNECT_TIMEOUT_MS = 30_000;
const FIRST_RETRY_DELAY_MS = 250;
const MAX_RETRY_DELAY_MS = 2_000;
/**
 * The browser's requests to loopback addresses (the episodes' apps, served on this machine's
 * 127.0.0.1) go back through the connection to this machine instead of the browser's own loopback.
 */
const EXPOSE_NETWORK = '<loopback>';
const START_HINT =
  'Start one with `trajsynth browser-server` where the browser should run (it prints the endpoint for --browser; use the same trajsynth version on both machines), or drop --browser to launch a local Chromium';

/**
 * Connects to a browser server (`trajsynth browser-server`) instead of launching Chromium: the
 * returned handle opens sessions there exactly as a launched one does, one context per episode.
 * An unreachable server throws BROWSER_UNREACHABLE at once. When the connection drops later, the
 * sessions open on it fail with BROWSER_CRASHED (their episodes are redone, as after a crash) and the
 * next session reconnects, retrying with backoff for `reconnectWithinMs`; if the server stays gone it
 * fails with BROWSER_UNREACHABLE, and later sessions try once each, so a run ends quickly.
 */
export async function connectBrowser(options: ConnectBrowserOptions): Promise<BrowserHandle> {
  const { signal } = options;
  throwIfAborted(signal);
  const wsEndpoint = options.wsEndpoint.trim();
  const problem = wsEndpointProblem(wsEndpoint);
  if (problem) {
    throw new TrajsynthError(
      `Expected a browser server endpoint ws://HOST:PORT/PATH, got ${JSON.stringify(options.wsEndpoint)}: ${problem}`,
      {
        code: 'BAD_INPUT',
        hint: 'Pass the endpoint `trajsynth browser-server` printed, e.g. ws://10.0.0.5:9333/3f2a…',
      },
    );
  }
  const reconnectWithinMs = resolveReconnectMs(options);
  // Measured here, on the machine that runs the episodes (see launchBrowser).
  const timeoutScale = resolveTimeoutScale(options);
  let browser: Browser;
  try {
    browser = await connectOnce(wsEndpoint, signal);
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    const failure = connectFailure(error);
    // A server that answers, but not at this path: a restart without --ws-path chose a new one.
    const hint = / 400 Bad Request/.test(failure)
      ? 'A server answers there, but not at this path: `trajsynth browser-server` picks a new random path at each start unless given --ws-path; pass the endpoint it printed last'
      : START_HINT;
    throw new TrajsynthError(`Expected a browser server at ${wsEndpoint}, got: ${failure}`, {
      code: 'BROWSER_UNREACHABLE',
      isRetryable: true,
      cause: error,
      hint,
    });
  }
  return new RemoteBrowserHandle(browser, wsEndpoint, timeoutScale, reconnectWithinMs);
}

class RemoteBrowserHandle implements BrowserHandle {
  readonly executablePath = undefined;
  readonly version: string;
  /** Connections made again after one dropped. */
  reconnects = 0;
  private readonly loss: BrowserLoss;
  private readonly closing = new AbortController();
  private reconnecting: Promise<Browser> | undefined;
  /** Set when reconnecting gave up, until a connection succeeds: each later session tries once, without waiting. */
  private gaveUp = false;

  constructor(
    private browser: Browser,
    readonly wsEndpoint: string,
    readonly timeoutScale: number,
    private readonly reconnectWithinMs: number,
  ) {
    this.version = browser.version();
    this.loss = {
      reason: `the connection to the browser server at ${wsEndpoint} dropped`,
      hint: 'The episode is redone once the browser server answers again; if this repeats, check that `trajsynth browser-server` is running and the network between the machines.',
    };
  }

  async newSession(options: NewSessionOptions): Promise<BrowserSession> {
    throwIfAborted(options.signal);
    const browser = await this.liveBrowser(options.signal);
    return openSession(browser, options, this.timeoutScale, this.loss);
  }

  private liveBrowser(signal: AbortSignal | undefined): Promise<Browser> {
    if (this.browser.isConnected()) return Promise.resolve(this.browser);
    if (this.closing.signal.aborted)
      return Promise.reject(new TrajsynthError('Expected an open browser, got one that was closed', { code: 'BROWSER_CRASHED' }));
    // Every session waiting meanwhile shares one reconnection.
    this.reconnecting ??= this.reconnect(signal).finally(() => {
      this.reconnecting = undefined;
    });
    return this.reconnecting;
  }

  private async reconnect(callerSignal: AbortSignal | undefined): Promise<Browser> {
    const signal = callerSignal ? AbortSignal.any([callerSignal, this.closing.signal]) : this.closing.signal;
    const started = performance.now();
    const deadline = started + (this.gaveUp ? 0 : this.reconnectWithinMs);
    let delayMs = FIRST_RETRY_DELAY_MS;
    for (let attempt = 1; ; attempt += 1) {
      throwIfAborted(signal);
      try {
        const browser = await connectOnce(this.wsEndpoint, signal);
        if (this.closing.signal.aborted) {
          await browser.close().catch(() => undefined);
          throw abortError(this.closing.signal);
        }
        this.browser = browser;
        this.gaveUp = false;
        this.reconnects += 1;
        return browser;
      } catch (error) {
        if (signal.aborted) throw abortError(signal);
        const waitedMs = performance.now() - started;
        if (performance.now() + delayMs > deadline) {
          this.gaveUp = true;
          throw new TrajsynthError(
            `Expected the browser server at ${this.wsEndpoint} to answer again after its connection dropped, got no connection (${attempt} attempt(s) in ${Math.round(waitedMs / 1000)} s; last: ${connectFailure(error)})`,
            {
              code: 'BROWSER_UNREACHABLE',
              isRetryable: true,
              cause: error,
              hint: 'Start `trajsynth browser-server` again on the same port with the same --ws-path (or pass the new endpoint to --browser), then run the same command with --resume: the chains cut short are redone',
            },
          );
        }
      }
      await sleep(delayMs, signal);
      delayMs = Math.min(delayMs * 2, MAX_RETRY_DELAY_MS);
    }
  }

  async close(): Promise<void> {
    this.closing.abort(new Error('the browser was closed'));
    await this.reconnecting?.catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }
}

/** One connection attempt; a connection that completes after `signal` fired is closed. */
async function connectOnce(wsEndpoint: string, signal: AbortSignal | undefined): Promise<Browser> {
  const connecting = chromium.connect(wsEndpoint, { exposeNetwork: EXPOSE_NETWORK, timeout: CONNECT_TIMEOUT_MS });
  if (!signal) return connecting;
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([connecting, aborted]);
  } catch (error) {
    void connecting.then((browser) => browser.close()).catch(() => undefined);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** The reconnection window: the option, else TRAJSYNTH_RECONNECT_SECONDS, else 30 s. */
export function resolveReconnectMs(options: Pick<ConnectBrowserOptions, 'reconnectWithinMs' | 'env'>): number {
  if (options.reconnectWithinMs !== undefined) {
    if (Number.isFinite(options.reconnectWithinMs) && options.reconnectWithinMs >= 0) return options.reconnectWithinMs;
    throw new TrajsynthError(`Expected reconnectWithinMs to be a number of milliseconds >= 0, got ${String(options.reconnectWithinMs)}`, {
      code: 'BAD_INPUT',
    });
  }
  const text = (options.env ?? process.env)[RECONNECT_ENV]?.trim();
  if (!text) return DEFAULT_RECONNECT_MS;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(seconds) || seconds > 86_400) {
    throw new TrajsynthError(`Expected ${RECONNECT_ENV} to be a number of seconds from 0 to 86400, got ${JSON.stringify(text)}`, {
      code: 'BAD_INPUT',
      hint: `Set ${RECONNECT_ENV}=60 to wait a minute for a browser server that went away, or unset it for 30 s`,
    });
  }
  return seconds * 1000;
}

/** Playwright's connect error as one line, without its method prefix. */
function connectFailure(error: unknown): string {
  return oneLine(errorMessage(error), 200).replace(/^browserType\.connect: /, '');
}
