import { mkdtemp, readFile, rm, writeFile, appendFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type ChainRecord, type ChainTasks } from '../../src/core/chain.js';
import { TrajsynthError } from '../../src/core/errors.js';
import { emptyUsage } from '../../src/core/usage.js';
import { ChainWriter } from '../../src/store/chain-writer.js';
import { runLayout } from '../../src/store/layout.js';
import { readChain, readRunMeta, readSteps, writeTasksFile, readTasksFile } from '../../src/store/run-store.js';
import { writeFileAtomic } from '../../src/store/atomic-write.js';

async function withTemp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'trajsynth-store-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const record: ChainRecord = {
  schemaVersion: SCHEMA_VERSION,
  chainId: 'c0001',
  index: 0,
  environment: 'project-tracker',
  envSeed: 1,
  agentSeed: 2,
  persona: 'support-agent',
  status: 'complete',
  subtasks: [],
  levels: [],
  stepCount: 0,
  usage: emptyUsage(),
};

const step = {
  index: 0,
  subtaskId: 'c0001-s01',
  before: { index: 0, url: 'http://x/', title: 'T', screenshot: 'screens/0000.webp', snapshot: 'snapshots/0000.yaml' },
  executed: { action: { type: 'done' }, outcome: { ok: true }, urlAfter: 'http://x/' },
  after: { index: 1, url: 'http://x/', title: 'T', screenshot: 'screens/0001.webp', snapshot: 'snapshots/0001.yaml' },
  timings: { actionMs: 1, observeMs: 1, screenshotMs: 1, snapshotMs: 1, encodeMs: 1, writeMs: 1 },
};

describe('store', () => {
  it('round-trips a chain record and steps through the schemas', async () => {
    await withTemp(async (dir) => {
      const layout = runLayout(dir, 'r1');
      const writer = await ChainWriter.create(layout, 'c0001');
      await writer.writeChain(record);
      await writer.appendStep(step as never);
      expect(await readChain(layout, 'c0001')).toEqual(record);
      expect((await readSteps(layout, 'c0001'))[0]!.executed.action.type).toBe('done');
    });
  });

  it('names the file and the field of a corrupt chain record', async () => {
    await withTemp(async (dir) => {
      const layout = runLayout(dir, 'r1');
      const writer = await ChainWriter.create(layout, 'c0001');
      await writer.writeChain({ ...record, stepCount: -3 } as ChainRecord);
      const error = await readChain(layout, 'c0001').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TrajsynthError);
      expect((error as TrajsynthError).code).toBe('CORRUPT_FILE');
      expect((error as Error).message).toContain(join('c0001', 'chain.json'));
      expect((error as Error).message).toContain('stepCount');
    });
  });

  it('names the line of a corrupt step and drops only a torn last line', async () => {
    await withTemp(async (dir) => {
      const layout = runLayout(dir, 'r1');
      const writer = await ChainWriter.create(layout, 'c0001');
      await writer.appendStep(step as never);
      await appendFile(writer.layout.stepsFile, '{"index": 1, "subtaskId"');
      let torn = 0;
      const steps = await readSteps(layout, 'c0001', { onTornTail: (line) => (torn = line) });
      expect(steps).toHaveLength(1);
      expect(torn).toBe(2);

      await writeFile(
        writer.layout.stepsFile,
        `${JSON.stringify({ ...step, executed: { ...step.executed, outcome: { ok: 'maybe' } } })}\n`,
      );
      const error = await readSteps(layout, 'c0001').catch((caught: unknown) => caught as Error);
      expect((error as Error).message).toMatch(/steps\.jsonl:1 .*executed\.outcome/);
    });
  });

  it('explains a missing run and unparseable JSON', async () => {
    await withTemp(async (dir) => {
      const layout = runLayout(dir, 'nope');
      await expect(readRunMeta(layout)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
      await mkdir(layout.runDir, { recursive: true });
      await writeFile(layout.runFile, '{ not json');
      await expect(readRunMeta(layout)).rejects.toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringContaining('run.json') });
    });
  });

  it('writes the tasks file sorted by chain, atomically, with no temp files left', async () => {
    await withTemp(async (dir) => {
      const layout = runLayout(dir, 'r1');
      const line = (chainId: string): ChainTasks => ({
        schemaVersion: SCHEMA_VERSION,
        chainId,
        environment: 'e',
        envSeed: 1,
        startPath: '/',
        levels: [],
      });
      await writeTasksFile(layout, [line('c0002'), line('c0001')]);
      const text = await readFile(layout.tasksFile, 'utf8');
      expect(
        text
          .split('\n')
          .filter(Boolean)
          .map((entry) => JSON.parse(entry).chainId),
      ).toEqual(['c0001', 'c0002']);
      expect((await readTasksFile(layout)).length).toBe(2);
      await writeFileAtomic(join(dir, 'a.txt'), 'x');
      const { readdir } = await import('node:fs/promises');
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  });
});
