import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { errorMessage, oneLine, throwIfAborted, TrajsynthError } from '../core/index.js';
import type { BrowserServerOptions, RunningBrowserServer } from './browser-types.js';
import { findChromium } from './find-chromium.js';
import { CHROMIUM_ARGS, launchChromium, LAUNCH_TIMEOUT_MS } from './launch.js';

/**
 * Starts a browser server for `--browser ws://…`.
 *
 * Why not `chromium.launchServer()`: in playwright-core 1.65.1 a server it starts shares one
 * pre-launched browser and ignores a client's `exposeNetwork`, so a browser on another machine
 * could not reach the episodes' apps on the connecting machine's 127.0.0.1. Playwright's own
 * `run-server` mode does what is needed: each connection gets a browser of its own, launched with a
 * SOCKS proxy that sends the addresses the client exposes back through the connection. That mode is
 * playwright-core's `remote.PlaywrightServer` (not in its typed API, so it is checked when loaded;
 * trajsynth pins playwright-core exactly), with the browser each connection gets fixed here, on the
 * server side: the Chromium found on this machine with CHROMIUM_ARGS, headless. A client cannot
 * choose another executable or arguments.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<RunningBrowserServer> {
  const { signal } = options;
  throwIfAborted(signal);
  const host = options.host ?? '127.0.0.1';
  const wsPath = normalizedPath(options.wsPath ?? randomBytes(16).toString('hex'));
  const executablePath = options.executablePath ?? findChromium().executablePath;
  // A trial launch: a Chromium that cannot start is reported now, not to the first run that connects.
  const trial = await launchChromium(executablePath, signal);
  const version = trial.version();
  await trial.close().catch(() => undefined);
  throwIfAborted(signal);

  const Server = playwrightServerClass();
  const launchOptions = {
    executablePath,
    args: [...CHROMIUM_ARGS],
    headless: true,
    chromiumSandbox: false,
    timeout: LAUNCH_TIMEOUT_MS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
  class ChromiumPerConnectionServer extends Server {
    override _initLaunchBrowserMode(
      _browserName: unknown,
      proxyValue: unknown,
      clientOptions: Record<string, unknown>,
      id: unknown,
    ): Promise<unknown> {
      // The client's launch options are dropped but for slowMo; the proxy value is its exposeNetwork.
      const slowMo = typeof clientOptions.slowMo === 'number' ? { slowMo: clientOptions.slowMo } : {};
      return super._initLaunchBrowserMode('chromium', proxyValue, { ...launchOptions, ...slowMo }, id);
    }
  }
  const server = new ChromiumPerConnectionServer({ mode: 'default', path: wsPath, maxConnections: Infinity });
  let wsEndpoint: string;
  try {
    wsEndpoint = await server.listen(options.port, host);
  } catch (error) {
    await server.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new TrajsynthError(
      `Expected to listen on ${host}:${options.port}, got ${code === 'EADDRINUSE' ? 'a port already in use' : oneLine(errorMessage(error))}`,
      {
        code: 'BAD_INPUT',
        cause: error,
        hint:
          code === 'EADDRINUSE'
            ? 'Stop what listens there, or pick another port (--port P, or --port 0 for any free one)'
            : 'Check --host: an address of this machine, 127.0.0.1, or 0.0.0.0 for every interface',
      },
    );
  }
  let closing: Promise<void> | undefined;
  return {
    wsEndpoint,
    executablePath,
    version,
    close: () => (closing ??= server.close().catch(() => undefined)),
  };
}

function normalizedPath(path: string): string {
  if (!/^\/?[A-Za-z0-9._~\-/]+$/.test(path)) {
    throw new TrajsynthError(`Expected the endpoint path to be letters, digits and . _ ~ - /, got ${JSON.stringify(path)}`, {
      code: 'BAD_INPUT',
      hint: 'Pass an unguessable token, e.g. --ws-path "$(openssl rand -hex 16)"',
    });
  }
  return path.startsWith('/') ? path : `/${path}`;
}

/** The parts of playwright-core's (untyped) PlaywrightServer used here. */
interface PlaywrightServer {
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  _initLaunchBrowserMode(browserName: unknown, proxyValue: unknown, launchOptions: Record<string, unknown>, id: unknown): Promise<unknown>;
}
type PlaywrightServerClass = new (options: { mode: 'default'; path: string; maxConnections: number }) => PlaywrightServer;

function playwrightServerClass(): PlaywrightServerClass {
  const require = createRequire(import.meta.url);
  const bundle = require('playwright-core/lib/coreBundle') as { remote?: { PlaywrightServer?: unknown } };
  const Server = bundle.remote?.PlaywrightServer;
  const prototype = typeof Server === 'function' ? (Server.prototype as Record<string, unknown> | undefined) : undefined;
  if (
    typeof prototype?._initLaunchBrowserMode !== 'function' ||
    typeof prototype.listen !== 'function' ||
    typeof prototype.close !== 'function'
  ) {
    const version = (require('playwright-core/package.json') as { version?: string }).version;
    throw new TrajsynthError(
      `Expected playwright-core 1.65.1's browser server (remote.PlaywrightServer), got playwright-core ${version ?? '(unknown version)'} without it`,
      {
        code: 'INTERNAL',
        hint: 'Reinstall the dependencies with `npm ci`: trajsynth pins playwright-core 1.65.1',
      },
    );
  }
  return Server as unknown as PlaywrightServerClass;
}
