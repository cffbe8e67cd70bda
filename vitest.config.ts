import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slow files, in the order they start, with rough seconds each took alone on a 2-core machine
 * under a load average of about 12 from other work (quiet, and with the shared runs already made, they
 * take less): longest first, so the two workers finish together instead of one running a long file
 * alone at the end (vitest's own order, without timings from an earlier run, is by file size). The
 * shared runs (shared-run.ts) are made by the first two: cli-eval makes the seed-5 run while cli-synth
 * makes the seed-3 run, which faults, started next, waits for. Other files follow, the ones an earlier
 * run on this machine timed longest first. Keep the list roughly current when a slow file is added or
 * changes a lot (`npx vitest run --reporter=verbose` prints the times).
 */
const SLOW_FILES = [
  'test/e2e/cli-eval.test.ts', // 130 (makes the shared seed-5 run)
  'test/e2e/cli-synth.test.ts', // 65 (makes the shared seed-3 run first thing)
  'test/e2e/faults.test.ts', // 135 (kills, crashes, damage, a full disk; waits for the seed-3 run)
  'test/e2e/cli-eval-agents.test.ts', // 130
  'test/e2e/queue.test.ts', // 120 (redis-server, worker processes, a single-process reference run)
  'test/integration/foreign-sites-synth.test.ts', // 95
  'test/e2e/cli-remote-browser.test.ts', // 90 (browser servers; makes or waits for the seed-3 run)
  'test/integration/bundled-apps-chains-2.test.ts', // 85
  'test/integration/audit.test.ts', // 40 (a run synthesized, then every near-miss of its 6 tasks replayed)
  'test/integration/model-chain.test.ts', // 80
  'test/integration/bundled-apps-chains.test.ts', // 70
  'test/e2e/cli-export.test.ts', // 65
  'test/integration/url-environment.test.ts', // 55
  'test/integration/same-seed-under-load.test.ts', // 55
  'test/integration/replay-and-reset.test.ts', // 55
  'test/integration/eval-model-agent.test.ts', // 30 (with the seed-3 run made)
  'test/e2e/cli-model-synth.test.ts', // 45
  'test/integration/browser-actions.test.ts', // 35
  'test/integration/action-outcomes.test.ts', // 30
  'test/integration/foreign-sites.test.ts', // 24
];

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const pathOf = (file: TestSpecification): string => relative(this.ctx.config.root, file.moduleId).split('\\').join('/');
    const rank = (file: TestSpecification): number => {
      const index = SLOW_FILES.indexOf(pathOf(file));
      return index < 0 ? SLOW_FILES.length : index;
    };
    const timedMs = (file: TestSpecification): number =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${pathOf(file)}`)?.duration ?? 0;
    // Array.prototype.sort is stable: files neither listed nor timed keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b) || timedMs(b) - timedMs(a));
  }
}

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Tests marked concurrent (describe.concurrent) in one file: at most this many at a time. Most of
    // a synthesis run's time is spent waiting for pages to settle, so a few side by side use the cores
    // a single one leaves idle; more would only queue for them.
    maxConcurrency: 3,
    sequence: { sequencer: SlowFilesFirst },
    projects: [
      {
        // Pure logic, no browser or server: one process runs many files, importing the sources once
        // instead of once per file (two thirds of the unit tests' time was spent importing).
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
