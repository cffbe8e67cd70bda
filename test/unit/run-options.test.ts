import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOptions, SynthesizeOptionsSchema, TrajsynthError } from '../../src/core/index.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { replayRun } from '../../src/eval/replay.js';

const good = { outDir: '/tmp/x', environment: 'project-tracker', chains: 2, maxLevel: 3, seed: 1, concurrency: 2 };

describe('library options are checked where they enter', () => {
  it('names every wrong field with its value, and passes good options and non-data fields through', () => {
    expect(() =>
      checkOptions(
        SynthesizeOptionsSchema,
        { ...good, agents: {}, onEvent: () => undefined, signal: new AbortController().signal },
        'synthesize',
      ),
    ).not.toThrow();
    let thrown: unknown;
    try {
      checkOptions(SynthesizeOptionsSchema, { ...good, maxLevel: 0, concurrency: 1.5, runId: '../up' }, 'synthesize');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TrajsynthError);
    expect((thrown as TrajsynthError).code).toBe('BAD_INPUT');
    expect((thrown as Error).message).toMatch(/^Expected valid synthesize options, got /);
    expect((thrown as Error).message).toMatch(/maxLevel = 0 \(/);
    expect((thrown as Error).message).toMatch(/concurrency = 1\.5 \(/);
    expect((thrown as Error).message).toMatch(/runId = "\.\.\/up" \(a run id is letters/);
    expect(() => checkOptions(SynthesizeOptionsSchema, { ...good, chains: undefined }, 'synthesize')).toThrow(/chains \(/);
  });

  it('synthesize({ maxLevel: 0 }), evaluate({ episodes: 0 }) and replayRun({ concurrency: 0 }) stop before anything is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trajsynth-options-'));
    try {
      const outDir = join(dir, 'out');
      await expect(synthesize({ ...good, outDir, maxLevel: 0 })).rejects.toMatchObject({
        code: 'BAD_INPUT',
        message: expect.stringMatching(/maxLevel = 0/),
      });
      await expect(evaluate({ outDir, episodes: 0 } as never)).rejects.toMatchObject({
        code: 'BAD_INPUT',
        message: expect.stringMatching(/episodes = 0/),
      });
      expect(existsSync(outDir)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
