import type { Action, CapturedObservation, ExecutedAction, Observation, PageReader, Viewport } from '../core/index.js';

/*
 * The browser layer's public types. Nothing here mentions Playwright: sessions, handles and options
 * are plain interfaces so no vendor type crosses into the rest of trajsynth.
 */

export interface LaunchBrowserOptions {
  /** Chromium to run (default: findChromium()). */
  executablePath?: string;
  /**
   * Factor every time limit of its sessions is multiplied by (action, navigation, load, settling,
   * capture). 'auto' (the default): TRAJSYNTH_TIMEOUT_SCALE when set, else measured at launch (how
   * busy and how fast the machine is): 1 on an idle reference machine, at most 10.
   */
  timeoutScale?: number | 'auto';
  /** Environment to read TRAJSYNTH_TIMEOUT_SCALE from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Browser processes to spread sessions over (default 1), launched as sessions need them: each new
   * session opens in the one with the fewest open sessions. Concurrent episodes want one each:
   * Chromium encodes every screenshot in its browser process, so the episodes of one browser wait
   * for each other's captures.
   */
  processes?: number;
  signal?: AbortSignal;
}

export interface ConnectBrowserOptions {
  /** A browser server's endpoint, as `trajsynth browser-server` prints it: ws://HOST:PORT/PATH. */
  wsEndpoint: string;
  /**
   * Factor every time limit of its sessions is multiplied by. 'auto' (the default):
   * TRAJSYNTH_TIMEOUT_SCALE when set, else measured on this machine (the one running the episodes)
   * when connecting, as for a launched browser.
   */
  timeoutScale?: number | 'auto';
  /**
   * After the connection drops, how long the next session keeps trying to reconnect (with backoff)
   * before failing with BROWSER_UNREACHABLE. Default: TRAJSYNTH_RECONNECT_SECONDS when set, else 30 s.
   */
  reconnectWithinMs?: number;
  /** Environment to read TRAJSYNTH_TIMEOUT_SCALE and TRAJSYNTH_RECONNECT_SECONDS from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

export interface BrowserServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Address to listen on (default 127.0.0.1); 0.0.0.0 accepts connections from the network. */
  host?: string;
  /**
   * The endpoint's path (default: a random, unguessable one). A fixed path keeps the endpoint the
   * same across restarts on the same port, so connected runs reconnect.
   */
  wsPath?: string;
  /** Chromium to run for each connection (default: findChromium()). */
  executablePath?: string;
  signal?: AbortSignal;
}

/**
 * A browser server: each connecting process (`--browser`) gets a headless Chromium of its own,
 * closed when it disconnects, whose requests to loopback addresses go back through the connection
 * to the connecting machine's loopback (where the episodes' apps are served).
 */
export interface RunningBrowserServer {
  /** ws://HOST:PORT/PATH, what --browser takes. */
  readonly wsEndpoint: string;
  readonly executablePath: string;
  /** Chromium's version string, from a trial launch at start. */
  readonly version: string;
  /** Closes every connection and the browsers of all of them. */
  close(): Promise<void>;
}

export interface NewSessionOptions {
  /** Default 1280x800. */
  viewport?: Viewport;
  /** Origin paths are resolved against, e.g. http://127.0.0.1:41234. */
  origin: string;
  /**
   * Extra origins the agent may navigate to. When given, top-level navigations to any other origin
   * are blocked; when absent, navigation is not confined.
   */
  allowedOrigins?: readonly string[];
  /** Timeout for page loads (goto, navigate, back, a navigation an action started); default 15000 ms, times the timeout scale. */
  navigationTimeoutMs?: number;
  /** This session's timeout scale, instead of the browser's (a number, or 'auto' to measure the machine now). */
  timeoutScale?: number | 'auto';
  signal?: AbortSignal;
}

/** A running headless Chromium, launched or connected. Each session gets its own isolated browser context. */
export interface BrowserHandle {
  /** The Chromium launched; undefined for a browser on a browser server. */
  readonly executablePath: string | undefined;
  /** The browser server connected to; undefined for a launched browser. */
  readonly wsEndpoint: string | undefined;
  /** Chromium's version string, e.g. "156.0.8078.79". */
  readonly version: string;
  /** The timeout scale sessions get (see LaunchBrowserOptions.timeoutScale). */
  readonly timeoutScale: number;
  newSession(options: NewSessionOptions): Promise<BrowserSession>;
  close(): Promise<void>;
}

export interface ExecuteOptions {
  /** The observation the agent acted on: fills refs for role+name grounding and vets its refs. */
  observation?: Observation;
  signal?: AbortSignal;
  /** Per element interaction (default 5000 ms); multiplied by the session's timeout scale. */
  timeoutMs?: number;
}

export interface ExecuteResult {
  executed: ExecutedAction;
  /** Wall time of the action including waiting for the page to settle. */
  actionMs: number;
}

export interface ObserveOptions {
  signal?: AbortSignal;
  /** false skips the screenshot (an empty `screenshotWebp`), for replays that only need the snapshot. */
  screenshot?: boolean;
}

/**
 * One episode's browser: an isolated context (its own cookies and storage) with one agent page.
 * Paths are resolved against `origin`.
 */
export interface BrowserSession {
  readonly origin: string;
  readonly viewport: Viewport;
  /** The factor this session's time limits are multiplied by (see LaunchBrowserOptions.timeoutScale). */
  readonly timeoutScale: number;
  /** Reads pages for predicate evaluation (see createPageReader for how it treats refs). */
  readonly reader: PageReader;
  /** The agent page's current URL. */
  url(): string;
  /** Loads a path (relative to origin) or URL; throws UNREACHABLE_URL when it cannot be reached. */
  goto(pathOrUrl: string, signal?: AbortSignal): Promise<void>;
  /** Screenshot (WebP), aria snapshot, elements and timings. Carries the last failed action's error once. */
  observe(options?: ObserveOptions): Promise<CapturedObservation>;
  /** Performs an action; failures are recorded in `executed.outcome`, never thrown (except abort). */
  execute(action: Action, options?: ExecuteOptions): Promise<ExecuteResult>;
  /** Forgets the context's cookies, so a session can start another episode of an app whose state is on its server. */
  clearCookies(): Promise<void>;
  close(): Promise<void>;
}
