import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReviewVerdict } from '../../src/core/review.js';
import { loadTaskSource, selectTasks } from '../../src/eval/task-source.js';
import { writeReplayReport } from '../../src/store/eval-store.js';
import type { RunLayout } from '../../src/store/layout.js';
import { FIXTURE_RUN_ID, writeFixtureRun } from '../support/export-fixture.js';

/** eval --valid-only on the fixture run (c0001/L1, c0001/L2, c0002/L1, c0002/L2): replay, reviews, or both. */
let temp: string;
let count = 0;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-eval-select-'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

async function freshRun(): Promise<{ out: string; layout: RunLayout }> {
  count += 1;
  const out = join(temp, `store${count}`);
  return { out, layout: await writeFixtureRun(out) };
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const ids = (tasks: Array<{ chainId: string; level: number }>) => tasks.map((task) => `${task.chainId}/L${task.level}`);

async function writeReviews(layout: RunLayout): Promise<void> {
  // c0001/L1 and c0002/L2 accepted by two reviewers; c0002/L1 valid by one (pending at 2 reviewers).
  const lines = [
    newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0001/L1`, reviewer: 'ana', verdict: 'valid', at: at(1) }),
    newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0001/L1`, reviewer: 'bo', verdict: 'valid', at: at(2) }),
    newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0002/L2`, reviewer: 'ana', verdict: 'valid', at: at(3) }),
    newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0002/L2`, reviewer: 'bo', verdict: 'valid', at: at(4) }),
    newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0002/L1`, reviewer: 'ana', verdict: 'valid', at: at(5) }),
  ];
  await writeFile(layout.reviewsFile, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
}

describe('eval --valid-only', () => {
  it('with neither replay.json, audit.json nor reviews, names every way to fix it', async () => {
    const { out } = await freshRun();
    const source = await loadTaskSource(FIXTURE_RUN_ID, out);
    expect(selectTasks(source, {})).toHaveLength(4);
    let error: unknown;
    try {
      selectTasks(source, { validOnly: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/replay report, a checker audit or human reviews/) });
    expect((error as { hint: string }).hint).toMatch(/trajsynth audit fixture-run.*trajsynth replay fixture-run.*reviews\.jsonl/);
  });

  it('keeps only accepted tasks on a reviewed run, and only those that also replay where both exist', async () => {
    const { out, layout } = await freshRun();
    await writeReviews(layout);
    const reviewed = await loadTaskSource(FIXTURE_RUN_ID, out);
    expect(ids(selectTasks(reviewed, { validOnly: true }))).toEqual(['c0001/L1', 'c0002/L2']);
    expect(ids(selectTasks(reviewed, { validOnly: true, consensus: { minReviewers: 1 } }))).toEqual(['c0001/L1', 'c0002/L1', 'c0002/L2']);
    const replayTask = (chainId: string, level: number, valid: boolean) => ({
      chainId,
      level,
      environment: 'shop',
      valid,
      checkerAtStart: [false],
      checkerAtEnd: [valid],
      steps: 2,
      notes: [],
    });
    const rate = { total: 4, passed: 3, rate: 0.75 };
    await writeReplayReport(layout, {
      schemaVersion: 1,
      runId: FIXTURE_RUN_ID,
      tool: { name: 'trajsynth', version: '0.1.0' },
      createdAt: at(10),
      wallMs: 1000,
      passRate: 0.75,
      total: 4,
      passed: 3,
      byLevel: { '1': rate },
      byEnvironment: { shop: rate },
      tasks: [replayTask('c0001', 1, false), replayTask('c0001', 2, true), replayTask('c0002', 1, true), replayTask('c0002', 2, true)],
    });
    const both = await loadTaskSource(FIXTURE_RUN_ID, out);
    expect(both.replay).toBeDefined();
    expect(ids(selectTasks(both, { validOnly: true }))).toEqual(['c0002/L2']);
  });

  it('reads a damaged reviews.jsonl only when --valid-only needs it', async () => {
    const { out, layout } = await freshRun();
    await writeFile(layout.reviewsFile, 'not json\n');
    const source = await loadTaskSource(FIXTURE_RUN_ID, out);
    expect(selectTasks(source, {})).toHaveLength(4);
    expect(() => selectTasks(source, { validOnly: true })).toThrow(/reviews\.jsonl:1/);
  });
});
