/**
 * connectBrowser against startBrowserServer, in this process: sessions on a browser server work as
 * on a launched browser; when the server goes away for good, sessions fail with BROWSER_UNREACHABLE
 * after the reconnection window (and later ones without waiting again). A server killed and back on
 * the same endpoint mid-run is tested end to end, in test/e2e/cli-remote-browser.test.ts.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, startBrowserServer, type BrowserHandle, type RunningBrowserServer } from '../../src/browser/index.js';
import { startFixtureServer, type FixtureServer } from '../fixtures/browser/fixture-server.js';

let site: FixtureServer;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  site = await startFixtureServer();
});

afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
  await site?.close();
});

async function server(options: { port?: number; wsPath?: string } = {}): Promise<RunningBrowserServer> {
  const started = await startBrowserServer({ port: options.port ?? 0, ...(options.wsPath ? { wsPath: options.wsPath } : {}) });
  opened.push(started);
  return started;
}

async function connect(wsEndpoint: string, reconnectWithinMs = 30_000): Promise<BrowserHandle> {
  const handle = await connectBrowser({ wsEndpoint, reconnectWithinMs, timeoutScale: 1 });
  opened.push(handle);
  return handle;
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('connectBrowser', () => {
  it("opens sessions on a browser server as on a launched browser, reaching this machine's 127.0.0.1", async () => {
    const remote = await server();
    expect(remote.wsEndpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}$/);
    const browser = await connect(remote.wsEndpoint);
    expect(browser).toMatchObject({ wsEndpoint: remote.wsEndpoint, executablePath: undefined, timeoutScale: 1, version: remote.version });
    const [first, second] = await Promise.all([browser.newSession({ origin: site.origin }), browser.newSession({ origin: site.origin })]);
    try {
      await Promise.all([first!.goto('/'), second!.goto('/')]);
      const observation = await first!.observe();
      expect(observation.title).toBe('Fixture Tasks');
      expect(observation.elements.some((element) => element.role === 'button' && element.name === 'Add task')).toBe(true);
      // A page per session: one moving on leaves the other where it was.
      const moved = await first!.execute({ type: 'navigate', url: '/other' });
      expect(moved.executed.outcome).toEqual({ ok: true });
      expect(first!.url()).toBe(`${site.origin}/other`);
      expect(second!.url()).toBe(`${site.origin}/`);
    } finally {
      await first!.close();
      await second!.close();
    }
  });

  it('fails the sessions of a dropped connection as BROWSER_CRASHED, then gives up on a server that stays gone with BROWSER_UNREACHABLE; later sessions try once, without waiting again', async () => {
    const remote = await server();
    const browser = await connect(remote.wsEndpoint, 300);
    const session = await browser.newSession({ origin: site.origin });
    await session.goto('/');
    await remote.close();
    const dropped = await errorOf(session.observe());
    expect(dropped).toMatchObject({ code: 'BROWSER_CRASHED', isRetryable: true });
    expect(String(dropped)).toContain(`the connection to the browser server at ${remote.wsEndpoint} dropped`);
    await session.close();
    const first = await errorOf(browser.newSession({ origin: site.origin }));
    expect(first).toMatchObject({ code: 'BROWSER_UNREACHABLE', isRetryable: true });
    expect(String(first)).toMatch(
      /to answer again after its connection dropped, got no connection \(\d+ attempt\(s\) in \d+ s; last: .*ECONNREFUSED/,
    );
    const second = await errorOf(browser.newSession({ origin: site.origin }));
    expect(String(second)).toMatch(/\(1 attempt\(s\) in 0 s;/);
  });

  it('refuses an unreachable endpoint, a malformed one and a bad TRAJSYNTH_RECONNECT_SECONDS, naming the fix', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const wsEndpoint = `ws://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await errorOf(connectBrowser({ wsEndpoint, timeoutScale: 1 }));
    expect(unreachable).toMatchObject({ code: 'BROWSER_UNREACHABLE' });
    expect(String(unreachable)).toContain(`Expected a browser server at ${wsEndpoint}, got: WebSocket error: connect ECONNREFUSED`);
    expect((unreachable as { hint?: string }).hint).toMatch(/trajsynth browser-server/);
    await expect(connectBrowser({ wsEndpoint: 'localhost:9333', timeoutScale: 1 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(connectBrowser({ wsEndpoint, timeoutScale: 1, env: { TRAJSYNTH_RECONNECT_SECONDS: 'soon' } })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('TRAJSYNTH_RECONNECT_SECONDS'),
    });
  });
});
