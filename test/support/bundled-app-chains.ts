/**
 * The heuristic agents on the bundled apps (no app-specific code): a chain to level 6 on each app,
 * every subtask checked, coverage reported, its level-6 task replayed. The apps are dealt out over
 * `of` test files by their position in the registry (part 0 takes the 1st, 3rd, ...), so the files
 * run side by side and every app, including one added later, is in exactly one of them; within a
 * file the apps' chains run side by side too, in one browser.
 *
 * One chain per app: every assertion is about that chain (it reaches level 6, each accepted subtask's
 * checker is false before and true after, its level-6 task replays). Chains are seeded by their
 * index, so this chain is the first of any run with seed 3 on that app.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { listEnvironments } from '../../src/environments/registry.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { replayRun } from '../../src/eval/replay.js';

export function describeBundledAppChains({ part, of }: { part: number; of: number }): void {
  let browser: BrowserHandle;
  let outDir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    outDir = await mkdtemp(join(tmpdir(), 'trajsynth-apps-'));
  });

  afterAll(async () => {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  describe.concurrent('the heuristic agents on every bundled app (no app-specific code)', () => {
    for (const manifest of listEnvironments().filter((_, position) => position % of === part)) {
      it(
        `a chain to level 6 on ${manifest.id}, every subtask checked, coverage reported, its level-6 task replayed`,
        { timeout: 360_000 },
        async () => {
          // While the chain runs, run.json says so (a killed run must never look complete).
          const statusesSeen: Array<Promise<string>> = [];
          const result = await synthesize({
            outDir,
            environment: manifest.id,
            chains: 1,
            maxLevel: 6,
            seed: 3,
            concurrency: 1,
            browser,
            onEvent: (event) => {
              if (event.type === 'chain-finished')
                statusesSeen.push(
                  readFile(join(outDir, 'trajectories', `${manifest.id}-seed3`, 'run.json'), 'utf8').then(
                    (text) => JSON.parse(text).status,
                  ),
                );
            },
          });
          expect(new Set(await Promise.all(statusesSeen))).toEqual(new Set(['running']));
          expect(result.meta.status).toBe('complete');
          expect(result.records).toHaveLength(1);
          const record = result.records[0]!;
          expect(record.status).toBe('complete');
          expect(
            record.levels.map((level) => level.level),
            record.stopReason,
          ).toEqual([1, 2, 3, 4, 5, 6]);
          for (const subtask of record.subtasks.filter((candidate) => candidate.status === 'accepted')) {
            expect(subtask.verdict.before.every(Boolean)).toBe(false);
            expect(subtask.verdict.after.every(Boolean)).toBe(true);
          }
          const coverage = result.meta.coverage.find((entry) => entry.environment === manifest.id)!;
          expect(coverage.declared).toBe(manifest.affordances.length);
          expect(coverage.exercised.length + coverage.untouched.length).toBe(manifest.affordances.length);
          expect(coverage.exercised.length).toBeGreaterThan(0);
          // The longest task replays from the reset: its checker false there, true after the gold steps.
          const replay = await replayRun({ layout: result.layout, browser, chains: ['c0001'], levels: [6], write: false });
          expect(replay.tasks.filter((task) => !task.valid)).toEqual([]);
          expect(replay.total).toBe(1);
        },
      );
    }
  });
}
