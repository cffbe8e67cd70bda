import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Rough seconds the slow files take on a quiet 2-core machine. They start first, longest first, so
 * the two workers finish together instead of one running a long file alone at the end (vitest's own
 * order, without timings from an earlier run, is by file size). Files not listed follow, longest
 * first where an earlier run on this machine timed them. Keep it roughly current when a slow file
 * is added or changes a lot (`npx vitest run --reporter=verbose` prints the times).
 */
const SLOW_FILES: Record<string, number> = {
  'test/e2e/cli-eval.test.ts': 175,
  'test/e2e/cli-synth.test.ts': 160,
  'test/e2e/cli-eval-agents.test.ts': 140,
  'test/integration/foreign-sites-synth.test.ts': 117,
  'test/integration/bundled-apps-chains.test.ts': 100,
  'test/integration/bundled-apps-chains-2.test.ts': 100,
  'test/integration/model-chain.test.ts': 75,
  'test/integration/replay-and-reset.test.ts': 67,
  'test/integration/url-environment.test.ts': 63,
  'test/e2e/cli-model-synth.test.ts': 56,
  'test/integration/browser-actions.test.ts': 38,
  'test/integration/eval-model-agent.test.ts': 37,
  'test/integration/foreign-sites.test.ts': 24,
};

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (file: TestSpecification): number => {
      const path = relative(this.ctx.config.root, file.moduleId).split('\\').join('/');
      const timed = this.ctx.cache.getFileTestResults(`${file.project.name}:${path}`)?.duration;
      return SLOW_FILES[path] ?? (timed ?? 0) / 1000;
    };
    // Array.prototype.sort is stable: files of equal weight keep vitest's order.
    return sorted.sort((a, b) => seconds(b) - seconds(a));
  }
}

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
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
        test: { name: 'browser', include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] },
      },
    ],
  },
});
