import { describe, expect, it } from 'vitest';
import type { ModelCall } from '../../src/core/usage.js';
import { costReport } from '../../src/cost/cost-report.js';

const HAIKU = { provider: 'anthropic', model: 'claude-haiku-4-5' };
const SONNET = { provider: 'anthropic', model: 'claude-sonnet-4-6' };
const QWEN = { provider: 'openai-compatible', model: 'qwen2.5-vl-7b' };

function call(fields: Partial<ModelCall> & Pick<ModelCall, 'role' | 'provider' | 'model'>): ModelCall {
  return { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, images: 0, latencyMs: 100, ...fields };
}

// Costs are powers of two so every sum is exact in binary floating point.
const chainOne: ModelCall[] = [
  call({
    role: 'proposer',
    ...HAIKU,
    level: 1,
    inputTokens: 1000,
    outputTokens: 200,
    images: 1,
    costUsd: 0.5,
    priceTable: 'anthropic-2026-11-22',
  }),
  call({
    role: 'executor',
    ...SONNET,
    level: 1,
    inputTokens: 2000,
    outputTokens: 100,
    cacheWriteTokens: 500,
    images: 2,
    costUsd: 0.25,
    priceTable: 'anthropic-2026-11-22',
  }),
  call({ role: 'verifier', ...QWEN, level: 2, inputTokens: 300, outputTokens: 50 }),
  call({
    role: 'executor',
    ...SONNET,
    level: 2,
    inputTokens: 2000,
    outputTokens: 100,
    cacheReadTokens: 1500,
    images: 2,
    costUsd: 0.125,
    priceTable: 'anthropic-2026-11-22',
  }),
  call({
    role: 'summarizer',
    ...HAIKU,
    level: 3,
    inputTokens: 400,
    outputTokens: 100,
    costUsd: 0.0625,
    priceTable: 'anthropic-2026-11-22',
  }),
  call({ role: 'executor', ...SONNET, level: 3, inputTokens: 2000, outputTokens: 100, images: 2, costUsd: 0, fromCache: true }),
];
const chainTwo: ModelCall[] = [
  call({
    role: 'proposer',
    ...HAIKU,
    level: 1,
    inputTokens: 1000,
    outputTokens: 200,
    images: 1,
    costUsd: 0.5,
    priceTable: 'anthropic-2026-11-22',
  }),
  call({
    role: 'executor',
    ...SONNET,
    level: 1,
    inputTokens: 2000,
    outputTokens: 100,
    images: 2,
    costUsd: 0.75,
    priceTable: 'anthropic-2026-11-22',
  }),
  // A failed try at level 2: the chain stopped at level 1.
  call({
    role: 'follow-up',
    ...HAIKU,
    level: 2,
    inputTokens: 1000,
    outputTokens: 200,
    images: 1,
    costUsd: 0.25,
    priceTable: 'anthropic-2026-11-22',
  }),
];

const input = {
  chains: [
    { chainId: 'c0001', levelsReached: 3, calls: chainOne },
    { chainId: 'c0002', levelsReached: 1, calls: chainTwo },
  ],
};

describe('costReport', () => {
  const report = costReport(input);

  it('totals every token kind, counts cache hits apart, and leaves USD undefined when a call is unpriced', () => {
    expect(report.chains).toBe(2);
    expect(report.totals).toEqual({
      calls: 8,
      cacheHitCalls: 1,
      inputTokens: 9700,
      outputTokens: 1050,
      cacheWriteTokens: 500,
      cacheReadTokens: 1500,
      images: 9,
      pricedUsd: 2.4375,
      unpricedCalls: 1,
      unpricedModels: ['openai-compatible:qwen2.5-vl-7b'],
    });
    expect('costUsd' in report.totals).toBe(false);
    expect(report.priceTables).toEqual(['anthropic-2026-11-22']);
  });

  it('breaks down by role in pipeline order', () => {
    expect(report.byRole.map((row) => row.role)).toEqual(['proposer', 'follow-up', 'executor', 'verifier', 'summarizer']);
    const [proposer, followUp, executor, verifier, summarizer] = report.byRole;
    expect(proposer).toMatchObject({
      calls: 2,
      inputTokens: 2000,
      outputTokens: 400,
      images: 2,
      costUsd: 1,
      pricedUsd: 1,
      unpricedCalls: 0,
    });
    expect(followUp).toMatchObject({ calls: 1, costUsd: 0.25 });
    expect(executor).toMatchObject({
      calls: 3,
      cacheHitCalls: 1,
      inputTokens: 6000,
      outputTokens: 300,
      cacheWriteTokens: 500,
      cacheReadTokens: 1500,
      images: 6,
      costUsd: 1.125,
    });
    expect(verifier).toMatchObject({ calls: 1, pricedUsd: 0, unpricedCalls: 1, unpricedModels: ['openai-compatible:qwen2.5-vl-7b'] });
    expect(verifier!.costUsd).toBeUndefined();
    expect(summarizer).toMatchObject({ calls: 1, inputTokens: 400, costUsd: 0.0625 });
  });

  it('breaks down by provider:model', () => {
    expect(report.byModel.map((row) => [`${row.provider}:${row.model}`, row.calls, row.cacheHitCalls, row.costUsd])).toEqual([
      ['anthropic:claude-haiku-4-5', 4, 0, 1.3125],
      ['anthropic:claude-sonnet-4-6', 3, 1, 1.125],
      ['openai-compatible:qwen2.5-vl-7b', 1, 0, undefined],
    ]);
  });

  it('breaks down by the level the chain was working on', () => {
    expect(report.byLevel.map((row) => [row.level, row.calls, row.cacheHitCalls, row.costUsd, row.pricedUsd, row.unpricedCalls])).toEqual([
      [1, 4, 0, 2, 2, 0],
      [2, 3, 0, undefined, 0.375, 1],
      [3, 1, 1, 0.0625, 0.0625, 0],
    ]);
  });

  it('gives the mean USD per accepted level-k task over the chains that reached k', () => {
    expect(report.perLevelTask).toEqual([
      // c0001 levels <= 1: 0.5 + 0.25; c0002: 0.5 + 0.75 (its failed level-2 try is not part of level 1).
      { level: 1, chains: 2, meanUsd: 1, pricedMeanUsd: 1, unpricedCalls: 0, unleveledCalls: 0 },
      // Only c0001 reached 2 and 3; its level-2 verifier is unpriced, so the mean is unknown.
      { level: 2, chains: 1, pricedMeanUsd: 0.875, unpricedCalls: 1, unleveledCalls: 0 },
      { level: 3, chains: 1, pricedMeanUsd: 0.9375, unpricedCalls: 1, unleveledCalls: 0 },
    ]);
  });

  it('prices everything once the unpriced call is gone', () => {
    const priced = costReport({
      chains: input.chains.map((chain) => ({ ...chain, calls: chain.calls.filter((entry) => entry.provider !== QWEN.provider) })),
    });
    expect(priced.totals.costUsd).toBe(2.4375);
    expect(priced.totals.unpricedModels).toEqual([]);
    expect(priced.perLevelTask.map((entry) => [entry.level, entry.chains, entry.meanUsd])).toEqual([
      [1, 2, 1],
      [2, 1, 0.875],
      // Failed attempts and the level-3 summary count; the cache hit costs nothing.
      [3, 1, 0.9375],
    ]);
  });

  it('reports calls stored without a level apart and outside the per-level means', () => {
    const withStray = costReport({
      chains: [
        {
          chainId: 'c0001',
          levelsReached: 1,
          calls: [call({ role: 'proposer', ...HAIKU, level: 1, costUsd: 0.5 }), call({ role: 'judge', ...HAIKU, costUsd: 0.25 })],
        },
      ],
    });
    expect(withStray.byLevel.map((row) => [row.level, row.costUsd])).toEqual([
      [1, 0.5],
      [undefined, 0.25],
    ]);
    expect(withStray.perLevelTask).toEqual([
      { level: 1, chains: 1, meanUsd: 0.5, pricedMeanUsd: 0.5, unpricedCalls: 0, unleveledCalls: 1 },
    ]);
    expect(withStray.byRole.map((row) => row.role)).toEqual(['proposer', 'judge']);
  });

  it('is a true zero for a run without model calls', () => {
    const empty = costReport({ chains: [{ chainId: 'c0001', levelsReached: 2, calls: [] }] });
    expect(empty.totals).toMatchObject({ calls: 0, cacheHitCalls: 0, costUsd: 0, unpricedCalls: 0 });
    expect(empty.byRole).toEqual([]);
    expect(empty.perLevelTask.map((entry) => [entry.level, entry.chains, entry.meanUsd])).toEqual([
      [1, 1, 0],
      [2, 1, 0],
    ]);
    expect(costReport({ chains: [] }).perLevelTask).toEqual([]);
  });
});
