import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type ChainRecord } from '../../src/core/chain.js';
import { emptyUsage, type ModelCall } from '../../src/core/usage.js';
import { ChainWriter, discardAttempts } from '../../src/store/chain-writer.js';
import { episodeLayout, runLayout } from '../../src/store/layout.js';
import { EpisodeWriter } from '../../src/store/eval-store.js';
import { readChain, readInterruptedCalls } from '../../src/store/run-store.js';
import { chainJobId, runKeyFor, runKeyOfJob } from '../../src/queue/queue-keys.js';
import { parseRedisUrl, displayUrl } from '../../src/queue/redis-connection.js';
import { queueSettings } from '../../src/queue/queue-settings.js';
import { tasksLine } from '../../src/pipeline/run-meta.js';
import { ChainRecordSchema } from '../../src/core/chain.js';

const record = (status: ChainRecord['status'], stepCount: number): ChainRecord => ({
  schemaVersion: SCHEMA_VERSION,
  chainId: 'c0001',
  index: 0,
  environment: 'project-tracker',
  envSeed: 1,
  agentSeed: 2,
  persona: 'support-agent',
  status,
  subtasks: [],
  levels: [],
  stepCount,
  usage: emptyUsage(),
});

const call: ModelCall = {
  role: 'proposer',
  provider: 'anthropic',
  model: 'm',
  inputTokens: 10,
  outputTokens: 5,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  images: 0,
  latencyMs: 1,
  costUsd: 0.01,
};

describe('queue mode: chain attempts in the store', () => {
  it('writes an attempt apart and installs it whole, replacing an earlier one and keeping its model calls', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trajsynth-attempts-'));
    try {
      const layout = runLayout(dir, 'run');
      const first = await ChainWriter.create(layout, 'c0001', { attempt: 'w1-a1' });
      await first.appendCall(call);
      await first.writeChain(record('error', 1));
      // Not visible in chains/ until installed.
      expect(await readChain(layout, 'c0001')).toBeUndefined();
      await first.install();
      expect((await readChain(layout, 'c0001'))?.status).toBe('error');

      // A killed worker's attempt: never installed.
      const killed = await ChainWriter.create(layout, 'c0001', { attempt: 'w2-a2' });
      await killed.appendCall(call);
      await killed.writeChain(record('running', 0));

      const retry = await ChainWriter.create(layout, 'c0001', { attempt: 'w3-a3' });
      await retry.writeChain(record('complete', 3));
      await retry.install();
      expect((await readChain(layout, 'c0001'))?.status).toBe('complete');
      expect((await readInterruptedCalls(layout)).length).toBe(1); // the replaced error attempt's call

      expect(await discardAttempts(layout)).toBe(1);
      expect(existsSync(layout.attemptsDir)).toBe(false);
      expect((await readInterruptedCalls(layout)).length).toBe(2); // and the killed attempt's
      expect(await readdir(layout.chainsDir)).toEqual(['c0001']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('queue mode: episode attempts in the store', () => {
  it('writes an episode attempt apart and installs it whole over an earlier one, keeping that one’s model calls', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trajsynth-episode-attempts-'));
    try {
      const layout = runLayout(dir, 'eval');
      const target = episodeLayout(layout, 'c0001-L2-e1');
      const first = await EpisodeWriter.create(layout, 'c0001-L2-e1', { attempt: 'w1-a1' });
      await first.appendCall(call);
      await first.drain();
      expect(existsSync(target.dir)).toBe(false);
      await first.install();
      expect(existsSync(target.callsFile)).toBe(true);
      // A stalled job taken over: the second worker's attempt never touches the first one's files.
      const second = await EpisodeWriter.create(layout, 'c0001-L2-e1', { attempt: 'w2-a2' });
      expect(existsSync(target.callsFile)).toBe(true);
      await second.install();
      expect(existsSync(target.dir)).toBe(true);
      expect(existsSync(target.callsFile)).toBe(false);
      expect((await readInterruptedCalls(layout)).length).toBe(1);
      expect(await readdir(layout.episodesDir)).toEqual(['c0001-L2-e1']);
      // In place (a local evaluation): install is a no-op.
      const local = await EpisodeWriter.create(layout, 'c0002-L2-e1');
      await local.install();
      expect(existsSync(episodeLayout(layout, 'c0002-L2-e1').dir)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('queue mode: names and settings', () => {
  it('derives the same job ids for the same run and store, other ids for another store', () => {
    const key = runKeyFor('/data/runs', 'all-seed7');
    expect(runKeyFor('/data/runs/', 'all-seed7')).toBe(key);
    expect(runKeyFor('/other/runs', 'all-seed7')).not.toBe(key);
    const jobId = chainJobId(key, 'c0002');
    expect(jobId).toMatch(/^chain\+all-seed7\+[0-9a-f]{8}\+c0002$/);
    expect(runKeyOfJob(jobId)).toBe(key);
  });

  it('accepts redis URLs and names the expected form for others', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379').port).toBe('6379');
    expect(parseRedisUrl('rediss://user:secret@queue.example:6380/2').pathname).toBe('/2');
    expect(displayUrl(parseRedisUrl('redis://user:secret@queue.example:6380'))).toBe('redis://user:***@queue.example:6380');
    for (const bad of ['127.0.0.1:6379', 'http://127.0.0.1:6379', 'redis://127.0.0.1:6379/queue', 'redis//x']) {
      expect(() => parseRedisUrl(bad), bad).toThrow(/Expected --queue to be a Redis URL such as redis:\/\/127\.0\.0\.1:6379, got/);
    }
  });

  it('reads the stall time from TRAJSYNTH_QUEUE_STALL_MS and rejects nonsense', () => {
    expect(queueSettings({}).stallMs).toBe(30_000);
    const short = queueSettings({ TRAJSYNTH_QUEUE_STALL_MS: '4000' });
    expect(short).toMatchObject({ stallMs: 4000, stalledIntervalMs: 2000, attempts: 3 });
    expect(() => queueSettings({ TRAJSYNTH_QUEUE_STALL_MS: 'soon' })).toThrow(
      /Expected TRAJSYNTH_QUEUE_STALL_MS to be a number >= 1000, got "soon"/,
    );
  });
});

describe('the tasks file: the same bytes however a chain was made', () => {
  it('writes a level the same whether its record was built in this process or read back from chain.json', () => {
    // A proposer builds a predicate in its own key order; chain.json read back through the schema has the schema's.
    const built: ChainRecord = {
      ...record('complete', 2),
      levels: [
        {
          level: 1,
          task: 'Add the task “Audit CI cache”.',
          checker: [{ kind: 'state-value', collection: 'tasks', field: 'title', value: 'Audit CI cache', present: true }],
          subtaskIds: ['c0001-s01'],
          gold: { start: 0, end: 2 },
          entities: ['Audit CI cache'],
        },
      ],
    } as ChainRecord;
    const readBack = ChainRecordSchema.parse(JSON.parse(JSON.stringify(built)));
    expect(JSON.stringify(tasksLine(built, '/'))).toBe(JSON.stringify(tasksLine(readBack, '/')));
  });
});
