/**
 * The heuristic agents on the bundled apps (no app-specific code): two chains to level 6 on each app,
 * every subtask checked, coverage reported, a level-6 task replayed. The apps are dealt out over
 * `of` test files by their position in the registry (part 0 takes the 1st, 3rd, ...), so the files
 * run side by side and every app, including one added later, is in exactly one of them.
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

  describe('the heuristic agents on every bundled app (no app-specific code)', () => {
    for (const manifest of listEnvironments().filter((_, position) => position % of === part)) {
      it(`chain to level 6 on ${manifest.id}, every subtask checked, coverage reported, a level-6 task replayed`, { timeout: 180_000 }, async () => {
        // While chains run, run.json says so (a killed run must never look complete).
        const statusesSeen: Array<Promise<string>> = [];
        const result = await synthesize({
          outDir,
          environment: manifest.id,
          chains: 2,
          maxLevel: 6,
          seed: 3,
          concurrency: 2,
          browser,
          onEvent: (event) => {
            if (event.type === 'chain-finished') statusesSeen.push(readFile(join(outDir, 'trajectories', `${manifest.id}-seed3`, 'run.json'), 'utf8').then((text) => JSON.parse(text).status));
          },
        });
        expect(new Set(await Promise.all(statusesSeen))).toEqual(new Set(['running']));
        expect(result.meta.status).toBe('complete');
        expect(result.records).toHaveLength(2);
        expect(Math.max(...result.records.map((record) => record.levels.length))).toBe(6);
        for (const record of result.records) {
          expect(record.status).toBe('complete');
          for (const subtask of record.subtasks.filter((candidate) => candidate.status === 'accepted')) {
            expect(subtask.verdict.before.every(Boolean)).toBe(false);
            expect(subtask.verdict.after.every(Boolean)).toBe(true);
          }
        }
        const coverage = result.meta.coverage.find((entry) => entry.environment === manifest.id)!;
        expect(coverage.declared).toBe(manifest.affordances.length);
        expect(coverage.exercised.length + coverage.untouched.length).toBe(manifest.affordances.length);
        expect(coverage.exercised.length).toBeGreaterThan(0);
        // The first chain's longest task replays from the reset: its checker false there, true after the gold steps.
        const replay = await replayRun({ layout: result.layout, browser, chains: ['c0001'], levels: [6], write: false });
        expect(replay.tasks.filter((task) => !task.valid)).toEqual([]);
        expect(replay.total).toBe(result.records[0]!.levels.some((level) => level.level === 6) ? 1 : 0);
      });
    }
  });
}
