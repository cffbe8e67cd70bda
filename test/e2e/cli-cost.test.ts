import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainRecordSchema, type ChainRecord } from '../../src/core/chain.js';
import { RunMetaSchema } from '../../src/core/run.js';
import { emptyUsage, ModelCallSchema, type ModelCall } from '../../src/core/usage.js';
import { ChainWriter, runLayout, writeRunMeta } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';

let outDir: string;

const HAIKU = { provider: 'anthropic', model: 'claude-haiku-4-5', priceTable: 'anthropic-2026-11-22' };
const SONNET = { provider: 'anthropic', model: 'claude-sonnet-4-6', priceTable: 'anthropic-2026-11-22' };
const QWEN = { provider: 'openai-compatible', model: 'qwen2.5-vl-7b' };

function call(chainId: string, fields: Partial<ModelCall> & Pick<ModelCall, 'role' | 'provider' | 'model'>): ModelCall {
  return ModelCallSchema.parse({
    inputTokens: 0,
    outputTokens: 0,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
    images: 0,
    latencyMs: 900,
    chainId,
    at: '2026-11-23T10:00:00.000Z',
    ...fields,
  });
}

function chainRecord(chainId: string, index: number, levels: number): ChainRecord {
  const subtasks = Array.from({ length: levels }, (_, position) => ({
    id: `${chainId}-s0${position + 1}`,
    description: `Add a task named "Task ${position + 1}"`,
    predicates: [{ kind: 'state-value', collection: 'tasks', field: 'title', value: `Task ${position + 1}`, present: true }],
    interaction: 'form',
    entities: [`Task ${position + 1}`],
    proposedAt: '/tasks',
    origin: 'proposed',
    status: 'accepted',
    level: position + 1,
    steps: { start: position * 2, end: position * 2 + 2 },
    verdict: { success: true, before: [false], after: [true], reason: 'checker: all predicates hold', method: 'checker' },
    usage: { ...emptyUsage(), calls: 3, steps: 2, wallMs: 1200 },
  }));
  return ChainRecordSchema.parse({
    schemaVersion: 1,
    chainId,
    index,
    environment: 'project-tracker',
    envSeed: 7 + index,
    agentSeed: 70 + index,
    persona: 'ops-lead',
    startPath: '/tasks',
    status: 'complete',
    subtasks,
    levels: subtasks.map((subtask, position) => ({
      level: position + 1,
      task: subtasks
        .slice(0, position + 1)
        .map((item) => item.description)
        .join(', then '),
      checker: subtask.predicates,
      subtaskIds: subtasks.slice(0, position + 1).map((item) => item.id),
      gold: { start: 0, end: subtask.steps.end },
      entities: subtasks.slice(0, position + 1).flatMap((item) => item.entities),
    })),
    stepCount: levels * 2,
    usage: { ...emptyUsage(), calls: levels * 3, steps: levels * 2, wallMs: levels * 1200 },
  });
}

async function writeRun(
  runId: string,
  chains: Array<{ levels: number; calls: ModelCall[]; tornTail?: string }>,
  roles: Record<string, string>,
): Promise<void> {
  const layout = runLayout(outDir, runId);
  for (const [index, chain] of chains.entries()) {
    const chainId = `c000${index + 1}`;
    const writer = await ChainWriter.create(layout, chainId);
    for (const entry of chain.calls) await writer.appendCall(entry);
    if (chain.tornTail) await appendFile(writer.layout.callsFile, chain.tornTail);
    await writer.writeChain(chainRecord(chainId, index, chain.levels));
  }
  await writeRunMeta(
    layout,
    RunMetaSchema.parse({
      schemaVersion: 1,
      runId,
      tool: { name: 'trajsynth', version: '0.1.0' },
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:05:00.000Z',
      status: 'complete',
      config: {
        environment: 'project-tracker',
        chains: chains.length,
        maxLevel: 3,
        seed: 7,
        concurrency: 1,
        maxStepsPerSubtask: 12,
        maxRetriesPerLevel: 2,
        roles,
      },
      chains: chains.map((chain, index) => ({
        chainId: `c000${index + 1}`,
        status: 'complete',
        levelsReached: chain.levels,
        accepted: chain.levels,
        revised: 0,
        failed: 0,
        steps: chain.levels * 2,
      })),
      usage: emptyUsage(),
    }),
  );
}

const MODEL_ROLES = {
  proposer: 'model-proposer:anthropic:claude-haiku-4-5',
  executor: 'model-executor:anthropic:claude-sonnet-4-6',
  verifier: 'judge:openai-compatible:qwen2.5-vl-7b',
};
const HEURISTIC_ROLES = {
  proposer: 'heuristic-proposer',
  followUp: 'heuristic-follow-up',
  executor: 'heuristic-executor',
  verifier: 'checker',
  reviser: 'heuristic-reviser',
  summarizer: 'heuristic-summarizer',
};

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'trajsynth-cost-'));
  // Costs are powers of two so the expected dollars are exact.
  await writeRun(
    'cost-demo',
    [
      {
        levels: 3,
        calls: [
          call('c0001', { role: 'proposer', ...HAIKU, level: 1, inputTokens: 1200, outputTokens: 150, images: 1, costUsd: 0.5 }),
          call('c0001', {
            role: 'executor',
            ...SONNET,
            level: 1,
            inputTokens: 12345,
            outputTokens: 678,
            cacheWriteTokens: 2000,
            images: 3,
            costUsd: 0.25,
          }),
          call('c0001', { role: 'verifier', ...QWEN, level: 2, inputTokens: 900, outputTokens: 40 }),
          call('c0001', {
            role: 'executor',
            ...SONNET,
            level: 2,
            inputTokens: 8000,
            outputTokens: 500,
            cacheReadTokens: 2000,
            images: 2,
            costUsd: 0.125,
          }),
          call('c0001', { role: 'summarizer', ...HAIKU, level: 3, inputTokens: 600, outputTokens: 120, costUsd: 0.0625 }),
          call('c0001', {
            role: 'executor',
            provider: 'anthropic',
            model: 'claude-sonnet-4-6',
            level: 3,
            inputTokens: 8000,
            outputTokens: 500,
            costUsd: 0,
            fromCache: true,
          }),
        ],
      },
      {
        levels: 1,
        calls: [
          call('c0002', { role: 'proposer', ...HAIKU, level: 1, inputTokens: 1200, outputTokens: 150, images: 1, costUsd: 0.5 }),
          call('c0002', { role: 'executor', ...SONNET, level: 1, inputTokens: 10000, outputTokens: 1000, images: 2, costUsd: 0.75 }),
        ],
        tornTail: '{"role":"follow-up","provider":"anthr',
      },
    ],
    MODEL_ROLES,
  );
  await writeRun('heuristic-demo', [{ levels: 2, calls: [] }], HEURISTIC_ROLES);
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('trajsynth cost', () => {
  it('prints totals, tables by role, model and level, and $ per level-k task', async () => {
    const result = await runCli(['cost', 'cost-demo', '--out', outDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Run cost-demo (complete) · 2 chain(s) · price table anthropic-2026-11-22');
    expect(result.stdout).toMatch(/note: .*c0002\/calls\.jsonl: torn last line 3 ignored/);
    expect(result.stdout).toContain(
      'total: 7 model call(s) + 1 from the response cache · input 34,245 · output 2,638 · cache write 2,000 · cache read 2,000 · images 9 · unpriced: 1 call(s) to openai-compatible:qwen2.5-vl-7b (priced part $2.1875)',
    );
    const row = (name: string) =>
      lines
        .find((line) => line.trimStart().startsWith(`${name} `))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('role')).toEqual(['role', 'calls', 'cached', 'input', 'output', 'cache write', 'cache read', 'images', 'USD']);
    expect(row('proposer')).toEqual(['proposer', '2', '0', '2,400', '300', '0', '0', '2', '$1.0000']);
    expect(row('executor')).toEqual(['executor', '3', '1', '30,345', '2,178', '2,000', '2,000', '7', '$1.1250']);
    expect(row('verifier')).toEqual(['verifier', '1', '0', '900', '40', '0', '0', '0', 'unpriced']);
    expect(row('summarizer')).toEqual(['summarizer', '1', '0', '600', '120', '0', '0', '0', '$0.0625']);
    expect(row('anthropic:claude-haiku-4-5')).toEqual(['anthropic:claude-haiku-4-5', '3', '0', '3,000', '420', '0', '0', '2', '$1.0625']);
    expect(row('anthropic:claude-sonnet-4-6')).toEqual([
      'anthropic:claude-sonnet-4-6',
      '3',
      '1',
      '30,345',
      '2,178',
      '2,000',
      '2,000',
      '7',
      '$1.1250',
    ]);
    expect(row('openai-compatible:qwen2.5-vl-7b')?.at(-1)).toBe('unpriced');
    expect(row('L1')).toEqual(['L1', '4', '0', '24,745', '1,978', '2,000', '0', '7', '$2.0000']);
    expect(row('L2')).toEqual(['L2', '2', '0', '8,900', '540', '0', '2,000', '2', 'unpriced']);
    expect(row('L3')).toEqual(['L3', '1', '1', '600', '120', '0', '0', '0', '$0.0625']);
    expect(result.stdout).toContain('  level 1: $1.0000 per task (mean over 2 chains)');
    expect(result.stdout).toContain('  level 2: unpriced per task (mean over 1 chain; 1 unpriced call(s), priced part $0.8750)');
    expect(result.stdout).toContain('  level 3: unpriced per task (mean over 1 chain; 1 unpriced call(s), priced part $0.9375)');
    expect(result.stdout).not.toMatch(/\$0\.0000/);
  });

  it('prints the report as JSON with --json, the torn line noted on stderr', async () => {
    const result = await runCli(['cost', join(outDir, 'trajectories', 'cost-demo'), '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/torn last line 3 ignored/);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ runId: 'cost-demo', status: 'complete', chains: 2, priceTables: ['anthropic-2026-11-22'] });
    expect(report.totals).toEqual({
      calls: 7,
      cacheHitCalls: 1,
      inputTokens: 34245,
      outputTokens: 2638,
      cacheWriteTokens: 2000,
      cacheReadTokens: 2000,
      images: 9,
      pricedUsd: 2.1875,
      unpricedCalls: 1,
      unpricedModels: ['openai-compatible:qwen2.5-vl-7b'],
    });
    expect(report.perLevelTask).toEqual([
      { level: 1, chains: 2, meanUsd: 1, pricedMeanUsd: 1, unpricedCalls: 0, unleveledCalls: 0 },
      { level: 2, chains: 1, pricedMeanUsd: 0.875, unpricedCalls: 1, unleveledCalls: 0 },
      { level: 3, chains: 1, pricedMeanUsd: 0.9375, unpricedCalls: 1, unleveledCalls: 0 },
    ]);
    expect(report.byRole.map((row: { role: string }) => row.role)).toEqual(['proposer', 'executor', 'verifier', 'summarizer']);
  });

  it('says a heuristic-only run made no model calls, a true $0', async () => {
    const result = await runCli(['cost', 'heuristic-demo', '--out', outDir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Run heuristic-demo (complete): heuristic agents only: 0 model calls, $0.0000.\n');
  });

  it('names the fix for a missing run or a missing argument', async () => {
    const missing = await runCli(['cost', 'no-such-run', '--out', outDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/found no run\.json/);
    expect(missing.stderr).toMatch(/fix: Pass the run id printed by `trajsynth synth` and the same --out directory/);
    const noArgument = await runCli(['cost']);
    expect(noArgument.code).toBe(2);
    expect(noArgument.stderr.trim()).toBe('trajsynth: Expected one RUN argument, got 0. Usage: trajsynth cost RUN [--out DIR] [--json]');
  });
});
