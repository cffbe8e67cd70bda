import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { readSteps } from '../../src/store/index.js';

let browser: BrowserHandle;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Busy loops in child processes, one per core (at most 4), until killed. */
function startCpuHogs(): ChildProcess[] {
  return Array.from({ length: Math.min(4, availableParallelism()) }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
}

describe('the same seed on a machine under load', () => {
  it('gives the same tasks file byte for byte, with no failed step in an accepted subtask', { timeout: 300_000 }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'trajsynth-load-'));
    const options = { environment: 'all', chains: 2, maxLevel: 2, seed: 1, concurrency: 2 };
    let hogs: ChildProcess[] = [];
    try {
      const quiet = await synthesize({ ...options, outDir: join(root, 'quiet'), browser });
      hogs = startCpuHogs();
      // A browser launched now measures the busy machine and scales its time limits to it.
      const busyBrowser = await launchBrowser();
      let busy: Awaited<ReturnType<typeof synthesize>>;
      try {
        busy = await synthesize({ ...options, outDir: join(root, 'busy'), browser: busyBrowser });
      } finally {
        await busyBrowser.close();
      }
      expect(busy.records.map((record) => record.levels.length)).toEqual(quiet.records.map((record) => record.levels.length));
      expect(await readFile(busy.layout.tasksFile, 'utf8')).toBe(await readFile(quiet.layout.tasksFile, 'utf8'));
      for (const record of busy.records) {
        const steps = await readSteps(busy.layout, record.chainId);
        for (const subtask of record.subtasks.filter((candidate) => candidate.status === 'accepted')) {
          expect(
            steps.filter((step) => step.index >= subtask.steps.start && step.index < subtask.steps.end && !step.executed.outcome.ok),
          ).toEqual([]);
        }
      }
    } finally {
      for (const hog of hogs) hog.kill('SIGKILL');
      await rm(root, { recursive: true, force: true });
    }
  });
});
