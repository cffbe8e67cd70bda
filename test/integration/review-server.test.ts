import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/browser/launch.js';
import { findChromium } from '../../src/browser/find-chromium.js';
import type { RunLayout } from '../../src/store/layout.js';
import { readReviewVerdicts } from '../../src/store/reviews-file.js';
import { startReviewServer } from '../../src/view/review-server.js';
import { FIXTURE_RUN_ID, writeFixtureRun } from '../support/export-fixture.js';
import { runCli } from '../support/cli.js';

/**
 * The review page in a real Chromium, as two reviewers use it: each sees a task with its checker and
 * gold trajectory, records verdicts through the form, and the verdicts land in reviews.jsonl; the
 * agreement report then gives the kappa computed by hand. The page asks nothing of any other host.
 *
 * The answers (valid/invalid/unsure) per task: alice says valid, invalid, valid, valid; bob valid,
 * invalid, invalid, valid. p_o = 3/4; alice's margins 3/4 valid, 1/4 invalid, bob's 1/2 and 1/2, so
 * p_e = 3/4·1/2 + 1/4·1/2 = 1/2 and Cohen's kappa = (3/4 − 1/2) / (1 − 1/2) = 0.5.
 */
const ANSWERS: Record<string, Record<string, { verdict: string; reason?: string }>> = {
  alice: {
    'c0001/L1': { verdict: 'valid' },
    'c0001/L2': { verdict: 'invalid', reason: 'trivial' },
    'c0002/L1': { verdict: 'valid' },
    'c0002/L2': { verdict: 'valid' },
  },
  bob: {
    'c0001/L1': { verdict: 'valid' },
    'c0001/L2': { verdict: 'invalid', reason: 'wrong-checker' },
    'c0002/L1': { verdict: 'invalid', reason: 'unclear' },
    'c0002/L2': { verdict: 'valid' },
  },
};

let dir: string;
let layout: RunLayout;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trajsynth-review-'));
  layout = await writeFixtureRun(dir);
  browser = await chromium.launch({ executablePath: findChromium().executablePath, args: [...CHROMIUM_ARGS] });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Reviews every task the queue gives `reviewer`, through the page, and returns the task ids in the order served. */
async function reviewAll(reviewer: string): Promise<{ served: string[]; errors: string[]; offsite: string[] }> {
  const server = await startReviewServer({ layout, reviewer, seed: 3 });
  const page: Page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(`${server.origin}/`)) offsite.push(request.url());
  });
  const served: string[] = [];
  try {
    await page.goto(`${server.origin}/`);
    for (let round = 0; round < 4; round += 1) {
      const card = page.locator('.review-task');
      await expect.poll(() => card.getAttribute('data-task-id')).not.toBe(served[served.length - 1] ?? null);
      const taskId = (await card.getAttribute('data-task-id'))!;
      served.push(taskId);
      // The task comes with its checker and its gold trajectory's first screenshot, marker drawn.
      expect(await page.locator('.review-task ul.checker li').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('#shot-image').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1280);
      await expect.poll(() => page.locator('#marker .marker-label').count()).toBe(1);
      if (round === 0 && reviewer === 'alice') {
        // A slip, then "Change this verdict": the same task comes back, and the second verdict counts.
        await page.locator('input[name="verdict"][value="unsure"]').check();
        await page.getByRole('button', { name: 'Record verdict and show the next task' }).click();
        await page.locator('#judge-again').click();
        await expect.poll(() => page.locator('.review-task').getAttribute('data-queue')).toBe('chosen');
        expect(await card.getAttribute('data-task-id')).toBe(taskId);
      }
      const answer = ANSWERS[reviewer]![taskId.slice(FIXTURE_RUN_ID.length + 1)]!;
      await page.locator(`input[name="verdict"][value="${answer.verdict}"]`).check();
      expect(await page.locator('#reasons input').first().isDisabled()).toBe(answer.verdict !== 'invalid');
      if (answer.reason) await page.locator(`input[name="reason"][value="${answer.reason}"]`).check();
      await page.fill('textarea[name="comment"]', `${reviewer} on ${taskId}`);
      await page.getByRole('button', { name: 'Record verdict and show the next task' }).click();
      await expect.poll(() => page.locator('#notice').textContent()).toContain(`Recorded: ${taskId} ${answer.verdict}`);
    }
    await expect.poll(() => page.locator('#review-task').textContent()).toContain('Nothing left for you to review');
    return { served, errors, offsite };
  } finally {
    await page.close();
    await server.close();
  }
}

describe('trajsynth review: the review page', () => {
  it("records two reviewers' verdicts in reviews.jsonl, and the report gives the hand-computed kappa", async () => {
    const alice = await reviewAll('alice');
    expect([...alice.served].sort()).toEqual(['c0001/L1', 'c0001/L2', 'c0002/L1', 'c0002/L2'].map((id) => `${FIXTURE_RUN_ID}/${id}`));
    expect(alice.errors).toEqual([]);
    expect(alice.offsite).toEqual([]);
    const afterAlice = await readReviewVerdicts(layout);
    // Five lines: the slip stays in the file (nothing is rewritten); the later verdict is the one that counts.
    expect(afterAlice).toHaveLength(5);
    expect(afterAlice[0]).toMatchObject({ taskId: alice.served[0], verdict: 'unsure' });
    expect(afterAlice[1]!.taskId).toBe(alice.served[0]);
    expect(afterAlice[1]!.queue).toBeUndefined();
    const trivial = afterAlice.findLast((verdict) => verdict.taskId === `${FIXTURE_RUN_ID}/c0001/L2`)!;
    expect(trivial).toMatchObject({
      reviewer: 'alice',
      verdict: 'invalid',
      reason: 'trivial',
      comment: `alice on ${FIXTURE_RUN_ID}/c0001/L2`,
    });
    expect(trivial.taskTextSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(afterAlice.filter((verdict) => verdict.queue === 'uncertain' || verdict.queue === 'random')).toHaveLength(4);

    // With two reviewers needed for a consensus, bob still gets every task alice judged.
    const bob = await reviewAll('bob');
    expect(bob.served).toHaveLength(4);
    expect(bob.errors).toEqual([]);
    expect(bob.offsite).toEqual([]);
    const all = await readReviewVerdicts(layout);
    expect(all).toHaveLength(9);
    expect(all.slice(0, 5)).toEqual(afterAlice);

    const result = await runCli(['reviews', FIXTURE_RUN_ID, '--out', dir, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.agreement.coarse.kappa).toMatchObject({ method: 'cohen', tasks: 4, kappa: 0.5 });
  });

  it('refuses a verdict it cannot record with a 400 naming the problem, and writes nothing', async () => {
    const server = await startReviewServer({ layout, reviewer: 'carol' });
    try {
      const before = (await readReviewVerdicts(layout)).length;
      const post = (body: unknown) =>
        fetch(`${server.origin}/api/verdict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const noReason = await post({ taskId: `${FIXTURE_RUN_ID}/c0001/L1`, verdict: 'invalid' });
      expect(noReason.status).toBe(400);
      expect((await noReason.json()).error).toMatch(/reason/);
      const unknownTask = await post({ taskId: `${FIXTURE_RUN_ID}/c0009/L1`, verdict: 'valid' });
      expect(unknownTask.status).toBe(400);
      expect((await unknownTask.json()).error).toContain(`Expected taskId to be a task of run ${FIXTURE_RUN_ID}`);
      expect((await post('not an object')).status).toBe(400);
      expect((await fetch(`${server.origin}/img/../run.json`)).status).toBe(404);
      expect((await fetch(`${server.origin}/api/next?task=${encodeURIComponent(`${FIXTURE_RUN_ID}/c0009/L1`)}`)).status).toBe(400);
      const chosen = await (await fetch(`${server.origin}/api/next?task=${encodeURIComponent(`${FIXTURE_RUN_ID}/c0002/L2`)}`)).json();
      expect(chosen).toMatchObject({ done: false, taskId: `${FIXTURE_RUN_ID}/c0002/L2`, queue: 'chosen' });
      expect(await readReviewVerdicts(layout)).toHaveLength(before);
    } finally {
      await server.close();
    }
    await expect(startReviewServer({ layout, reviewer: '' })).rejects.toThrow(/Expected --reviewer to be a name/);
  });
});
