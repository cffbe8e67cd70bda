import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/index.js';
import { launchBrowser, type BrowserHandle, type BrowserSession } from '../../src/browser/index.js';
import { heuristicAgents } from '../../src/agents/heuristic/index.js';
import type { Executor } from '../../src/agents/roles.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { readSteps } from '../../src/store/index.js';

/** The nominal time limit the actions below get (the session multiplies it by its timeout scale). */
const ACTION_TIMEOUT_MS = 500;

const START_PAGE = `<!doctype html><title>Start</title><main>
<a href="/slow?via=link">Open the slow page</a> <a href="/never">Open a page that never comes</a>
<form action="/slow" method="get"><input name="via" aria-label="Search" value="enter"></form>
<form action="/slow" method="get"><input type="hidden" name="via" value="checkbox">
  <label style="display:inline-block;padding:8px 12px;border:1px solid #888">
    <input type="checkbox" style="position:absolute;opacity:0;width:1px;height:1px" onchange="this.form.requestSubmit()"> Notify me
  </label>
</form></main>`;

/**
 * Serves a start page whose link, search field (Enter) and hidden checkbox (clicked on its label:
 * mouse input, which Playwright does not wait on) all lead to /slow. The server holds /slow until
 * `holdMs()` after its request arrived: longer than the action's whole time limit, so the limit has
 * run out while the navigation the action started is still loading.
 */
async function startSlowServer(holdMs: () => number): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/never') return; // answered by no one: held until the server closes
    if (url.pathname === '/slow') {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><title>Slow page</title><main><h1>Arrived by ${url.searchParams.get('via')}</h1></main>`);
      }, holdMs());
      return;
    }
    response.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(url.pathname === '/' ? START_PAGE : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let browser: BrowserHandle;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Side by side: each case has its own server and page, and spends its time waiting for a slow response.
describe.concurrent('an action that started a navigation slower than its time limit', () => {
  const cases: Array<{ via: string; action: Action }> = [
    { via: 'link', action: { type: 'click', target: { role: 'link', name: 'Open the slow page' } } },
    { via: 'enter', action: { type: 'press', key: 'Enter', target: { role: 'textbox', name: 'Search' } } },
    { via: 'checkbox', action: { type: 'click', target: { role: 'checkbox', name: 'Notify me' } } },
  ];
  for (const { via, action } of cases) {
    it(`is recorded as done (${via}), and settling waits for the page it opened`, { timeout: 120_000 }, async () => {
      let session: BrowserSession | undefined;
      // Held for the action's whole (scaled) limit and 4 s more (longer than any fixed settling bound).
      const server = await startSlowServer(() => ACTION_TIMEOUT_MS * (session?.timeoutScale ?? 1) + 4_000);
      try {
        session = await browser.newSession({ origin: server.origin });
        await session.goto('/');
        const before = await session.observe();
        const { executed } = await session.execute(action, { observation: before, timeoutMs: ACTION_TIMEOUT_MS });
        expect(executed.outcome).toEqual({ ok: true });
        expect(executed.urlAfter).toBe(`${server.origin}/slow?via=${via}`);
        const after = await session.observe();
        expect(after.title).toBe('Slow page');
        expect(after.snapshot).toContain(`Arrived by ${via}`);
        expect(after.error).toBeUndefined();
      } finally {
        await session?.close();
        await server.close();
      }
    });
  }

  it('is done when its navigation never answers, and settling gives up at the navigation limit', { timeout: 90_000 }, async () => {
    const server = await startSlowServer(() => 0);
    const session = await browser.newSession({ origin: server.origin, navigationTimeoutMs: 1_000 });
    try {
      await session.goto('/');
      const before = await session.observe();
      const { executed } = await session.execute(
        { type: 'click', target: { role: 'link', name: 'Open a page that never comes' } },
        { observation: before, timeoutMs: ACTION_TIMEOUT_MS },
      );
      expect(executed.outcome).toEqual({ ok: true });
      expect(executed.urlAfter).toBe(`${server.origin}/`);
    } finally {
      await session.close();
      await server.close();
    }
  });
});

describe.concurrent('a verified subtask whose steps hold a failed action', () => {
  it('is not accepted (nor relabeled), and no accepted subtask holds a failed step', { timeout: 180_000 }, async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-failed-step-'));
    const agents = heuristicAgents();
    const inner = agents.executor;
    let attempts = 0;
    // The first attempt starts with a click on a button that is not there (a failed action), then
    // carries out its plan: its check passes all the same.
    const executor: Executor = {
      id: 'stumbling-executor',
      async run(input) {
        attempts += 1;
        if (attempts > 1) return inner.run(input);
        const { executed, actionMs } = await input.session.execute(
          { type: 'click', target: { role: 'button', name: 'No such button anywhere' } },
          { observation: input.observation, ...(input.signal ? { signal: input.signal } : {}) },
        );
        const after = await input.session.observe(input.signal ? { signal: input.signal } : {});
        await input.recordStep({ before: input.observation, executed, actionMs, after });
        const attempt = await inner.run({ ...input, observation: after, maxSteps: input.maxSteps - 1 });
        return { ...attempt, stepCount: attempt.stepCount + 1, actions: [executed, ...attempt.actions] };
      },
    };
    try {
      const result = await synthesize({
        outDir,
        environment: 'project-tracker',
        chains: 1,
        maxLevel: 2,
        seed: 4,
        concurrency: 1,
        browser,
        agents: { ...agents, executor },
      });
      const record = result.records[0]!;
      const steps = await readSteps(result.layout, record.chainId);
      expect(steps[0]!.executed.outcome.ok).toBe(false);
      const first = record.subtasks[0]!;
      expect(first.status).toBe('failed');
      expect(first.verdict.after.every(Boolean)).toBe(true);
      expect(first.verdict.reason).toContain('a gold trajectory holds no failed action');
      expect(record.subtasks.some((subtask) => subtask.revisedFrom === first.id)).toBe(false);
      for (const subtask of record.subtasks.filter((candidate) => candidate.status === 'accepted')) {
        const inRange = steps.filter((step) => step.index >= subtask.steps.start && step.index < subtask.steps.end);
        expect(inRange.filter((step) => !step.executed.outcome.ok)).toEqual([]);
      }
      // The chain goes on from there: the next proposal is accepted.
      expect(record.levels.length).toBeGreaterThan(0);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
