/**
 * Playwright's own trace viewer, from the installed playwright-core, served on 127.0.0.1 as
 * `playwright show-trace --host 127.0.0.1 --port 0 FILE` serves it: `runTraceInBrowser` in its
 * server/trace/viewer/traceViewer.ts starts this same server (`startTraceViewerServer`), allows
 * the trace's directory, and redirects / to `traceViewerPath(file?path=FILE)`. What it does next,
 * open the URL in the system's default browser, is the one step left out: a test opens the URL
 * in its own headless Chromium. The server is Playwright's; only these two functions are reached
 * into, through the package's exported `lib/coreBundle` entry.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

interface HttpServer {
  urlPrefix(purpose: 'precise' | 'human-readable'): string;
  rootUrl(purpose: 'precise' | 'human-readable'): string;
  installRootRedirect(location: string): void;
  stop(): Promise<void>;
}

interface PlaywrightServerModule {
  startTraceViewerServer(options: { host: string; port: number; allowedFileRoots: () => string[] }): Promise<HttpServer>;
  traceViewerPath(traceUrl: string, options: Record<string, never>): string;
}

const { server: playwrightServer } = createRequire(import.meta.url)('playwright-core/lib/coreBundle') as { server: PlaywrightServerModule };

export interface TraceViewer {
  /** http://127.0.0.1:PORT, redirecting to the viewer on the first trace, as `show-trace` prints it. */
  url: string;
  /** The viewer's URL for another trace under one of the served directories. */
  urlFor(tracePath: string): string;
  close(): Promise<void>;
}

/** The viewer on `tracePaths[0]`, allowed to read every trace's directory. */
export async function serveTraceViewer(tracePaths: readonly string[]): Promise<TraceViewer> {
  const paths = tracePaths.map((path) => resolve(path));
  const roots = [...new Set(paths.map((path) => dirname(path)))];
  const server = await playwrightServer.startTraceViewerServer({ host: '127.0.0.1', port: 0, allowedFileRoots: () => roots });
  // As validateTraceUrlOrPath turns a local trace file into the viewer's `trace` parameter.
  const viewerPath = (path: string) => playwrightServer.traceViewerPath(`file?path=${encodeURIComponent(path)}`, {});
  server.installRootRedirect(viewerPath(paths[0]!));
  return {
    url: server.rootUrl('human-readable'),
    urlFor: (path) => server.urlPrefix('precise') + viewerPath(resolve(path)),
    close: () => server.stop(),
  };
}
