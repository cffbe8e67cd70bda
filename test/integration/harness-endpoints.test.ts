import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_SECRET_HEADER, RESET_PATH, STATE_PROBE_PATH } from '../../src/core/index.js';
import type { Browser } from 'playwright-core';
import { findChromium, launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { startEnvironment } from '../../src/environments/start-environment.js';
import { launchChromium } from '../support/app-harness.js';

/*
 * Issue 10, defect 7: the state probe and the reset are the harness's alone. The servers refuse any
 * request without their secret (so a cross-origin form cannot reset a served app), and an episode's
 * browser cannot reach /__trajsynth/ on any origin (so neither a page nor an agent's navigate can read
 * the ground truth).
 */

const GROUND_TRUTH = 'ground-truth-sentinel';

/** trajsynth's browser, whose sessions carry the guard. */
let browser: BrowserHandle;
/** A plain Chromium without the guard, standing for a person's browser on another site. */
let plain: Browser;

beforeAll(async () => {
  [browser, plain] = await Promise.all([launchBrowser({ executablePath: findChromium().executablePath }), launchChromium()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), plain?.close()]);
});

/** A local server on port 0 answering `pages` by path (text/html unless the path ends in state). */
async function startLocalServer(pages: Record<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = pages[path];
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': path.endsWith('/state') ? 'application/json' : 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('an episode browser and the harness endpoints', () => {
  it('gives a page nothing readable from a same-origin fetch of /__trajsynth/state, nor from a link to it', async () => {
    // A server that would answer its probe to anyone: only the browser's block stands in the way.
    const site = await startLocalServer({
      '/': `<!doctype html><title>Peek</title><main><h1>Peek</h1><p id="out">pending</p><a href="/__trajsynth/state">Open the probe</a></main>
<script>fetch('/__trajsynth/state').then((r) => r.text()).then((t) => { out.textContent = 'read: ' + t; }, (e) => { out.textContent = 'failed: ' + e.name; });</script>`,
      [STATE_PROBE_PATH]: JSON.stringify({ tasks: [{ title: GROUND_TRUTH }] }),
    });
    const session = await browser.newSession({ origin: site.origin });
    try {
      await session.goto('/');
      await expect.poll(async () => (await session.observe({ screenshot: false })).snapshot).not.toContain('pending');
      const observation = await session.observe({ screenshot: false });
      expect(observation.snapshot).toContain('failed: TypeError');
      expect(observation.snapshot).not.toContain(GROUND_TRUTH);

      const link = observation.elements.find((element) => element.role === 'link' && element.name === 'Open the probe');
      const { executed } = await session.execute({ type: 'click', target: { ref: link!.ref } }, { observation });
      expect(executed.outcome).toMatchObject({ ok: false, error: expect.stringContaining('closed to the browser') });
      expect(session.url()).toBe(`${site.origin}/`);
      expect((await session.observe({ screenshot: false })).snapshot).not.toContain(GROUND_TRUTH);
    } finally {
      await session.close();
      await site.close();
    }
  });

  it("answers an agent's navigate to the state probe with a failed action, and stays on its page", async () => {
    const environment = await startEnvironment('project-tracker', { seed: 4 });
    const session = await browser.newSession({ origin: environment.origin, allowedOrigins: environment.manifest.allowedOrigins });
    try {
      await session.goto(environment.manifest.startPath);
      const before = session.url();
      const { executed } = await session.execute({ type: 'navigate', url: STATE_PROBE_PATH });
      expect(executed.outcome).toMatchObject({ ok: false, error: expect.stringContaining('closed to the browser') });
      expect(session.url()).toBe(before);
      const observation = await session.observe({ screenshot: false });
      expect(observation.error).toContain('closed to the browser');
      expect(observation.snapshot).not.toContain(JSON.stringify(await environment.readState()).slice(0, 30));
    } finally {
      await session.close();
      await environment.close();
    }
  });
});

describe('the environment server and its secret', () => {
  it('refuses a cross-origin form post to the reset: the state is unchanged', async () => {
    const environment = await startEnvironment('project-tracker', { seed: 4 });
    // A text/plain form whose body is valid JSON ({"seed":9,"x":"="}): the classic CSRF shape.
    const attacker = await startLocalServer({
      '/': `<!doctype html><title>Win a prize</title><body onload="document.forms[0].submit()">
<form method="post" enctype="text/plain" action="${environment.origin}${RESET_PATH}"><input name='{"seed":9,"x":"' value='"}'></form></body>`,
    });
    const context = await plain.newContext();
    try {
      const before = JSON.stringify(await environment.readState());
      const page = await context.newPage();
      const [response] = await Promise.all([page.waitForResponse(`${environment.origin}${RESET_PATH}`), page.goto(attacker.origin)]);
      expect(response.request().method()).toBe('POST');
      expect(response.status()).toBe(403);
      expect(JSON.stringify(await environment.readState())).toBe(before);
    } finally {
      await context.close();
      await attacker.close();
      await environment.close();
    }
  });

  it('reads and resets for the harness with its secret, and answers a missing or wrong secret with a 403 naming it', async () => {
    const environment = await startEnvironment('project-tracker', { seed: 4 });
    try {
      const seeded = JSON.stringify(await environment.readState());
      await environment.reset(5);
      const reseeded = JSON.stringify(await environment.readState());
      expect(reseeded).not.toBe(seeded);
      await environment.reset(4);
      expect(JSON.stringify(await environment.readState())).toBe(seeded);

      for (const headers of [{}, { [HARNESS_SECRET_HEADER]: 'a-guess' }] as Record<string, string>[]) {
        const probe = await fetch(environment.origin + STATE_PROBE_PATH, { headers });
        expect(probe.status).toBe(403);
        const text = await probe.text();
        expect(text).not.toContain('\n');
        expect(JSON.parse(text)).toMatchObject({
          ok: false,
          error: expect.stringMatching(/^Expected the x-trajsynth-secret header with this server's secret, got (none|a different value)/),
        });

        const reset = await fetch(environment.origin + RESET_PATH, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{"seed":5}',
        });
        expect(reset.status).toBe(403);
      }
      expect(JSON.stringify(await environment.readState())).toBe(seeded);

      // A preflight for a page that would send the header cross-origin is not granted.
      const preflight = await fetch(environment.origin + STATE_PROBE_PATH, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:1',
          'access-control-request-method': 'GET',
          'access-control-request-headers': HARNESS_SECRET_HEADER,
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    } finally {
      await environment.close();
    }
  });
});
