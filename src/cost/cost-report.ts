import type { ModelCall, TokenCounts } from '../core/usage.js';

/**
 * What a set of model calls cost. Tokens and USD count the calls a provider answered; calls answered
 * from the response cache spent nothing and are counted separately in `cacheHitCalls`.
 */
export interface CostBucket extends TokenCounts {
  /** Calls a provider answered (billed). */
  calls: number;
  /** Calls answered from the response cache: no money spent, tokens not billed. */
  cacheHitCalls: number;
  images: number;
  /** USD; undefined when any call used an unpriced model (never reported as free). */
  costUsd?: number;
  /** USD of the priced calls only; equals `costUsd` when nothing is unpriced. */
  pricedUsd: number;
  /** Billed calls whose model is not in the price table. */
  unpricedCalls: number;
  /** `provider:model` of each unpriced model, sorted. */
  unpricedModels: string[];
}

export interface RoleCost extends CostBucket {
  role: string;
}

export interface ModelCost extends CostBucket {
  provider: string;
  model: string;
}

export interface LevelCost extends CostBucket {
  /** The level the chain was working on; undefined for calls stored without one. */
  level?: number;
}

/** What it cost, on average, to get one chain to an accepted level-k task. */
export interface LevelTaskCost {
  level: number;
  /** Chains that reached level k (the mean is over these). */
  chains: number;
  /** Mean over those chains of the USD of their calls at levels 1..k; undefined when any of those calls is unpriced. */
  meanUsd?: number;
  /** Mean over the same chains of the priced part only. */
  pricedMeanUsd: number;
  /** Unpriced calls among the contributing ones. */
  unpricedCalls: number;
  /** Calls of those chains stored without a level, which could not be attributed (not in the mean). */
  unleveledCalls: number;
}

export interface CostReport {
  chains: number;
  /** Every call of the run (cache hits in `cacheHitCalls`). */
  totals: CostBucket;
  /** Price table versions the priced calls were computed with, sorted. */
  priceTables: string[];
  byRole: RoleCost[];
  byModel: ModelCost[];
  /** Ascending by level; calls without a level last. */
  byLevel: LevelCost[];
  /** k = 1..the highest level any chain reached. */
  perLevelTask: LevelTaskCost[];
}

export interface CostReportInput {
  chains: ReadonlyArray<{ chainId: string; levelsReached: number; calls: readonly ModelCall[] }>;
}

const ROLE_ORDER = ['proposer', 'follow-up', 'executor', 'verifier', 'reviser', 'summarizer'];

/** Rolls a run's metered calls up into totals, breakdowns and the cost per accepted level-k task. */
export function costReport(input: CostReportInput): CostReport {
  const all = input.chains.flatMap((chain) => chain.calls);
  const byRole = groupBy(all, (call) => call.role).map(([role, calls]) => ({ role, ...bucketOf(calls) }));
  byRole.sort((a, b) => roleRank(a.role) - roleRank(b.role) || a.role.localeCompare(b.role));
  const byModel = groupBy(all, (call) => modelKey(call)).map(([, calls]) => ({
    provider: calls[0]!.provider,
    model: calls[0]!.model,
    ...bucketOf(calls),
  }));
  byModel.sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model));
  const byLevel: LevelCost[] = groupBy(all, (call) => call.level).map(([level, calls]) => ({
    ...(level !== undefined ? { level } : {}),
    ...bucketOf(calls),
  }));
  byLevel.sort((a, b) => (a.level ?? Number.POSITIVE_INFINITY) - (b.level ?? Number.POSITIVE_INFINITY));
  const priceTables = [...new Set(all.flatMap((call) => (call.priceTable ? [call.priceTable] : [])))].sort();
  const maxLevel = Math.max(0, ...input.chains.map((chain) => chain.levelsReached));
  const perLevelTask: LevelTaskCost[] = [];
  for (let level = 1; level <= maxLevel; level += 1) {
    const reached = input.chains.filter((chain) => chain.levelsReached >= level);
    const costs = reached.map((chain) => bucketOf(chain.calls.filter((call) => call.level !== undefined && call.level <= level)));
    const unpricedCalls = sum(costs.map((cost) => cost.unpricedCalls));
    const pricedMeanUsd = sum(costs.map((cost) => cost.pricedUsd)) / reached.length;
    perLevelTask.push({
      level,
      chains: reached.length,
      ...(unpricedCalls === 0 ? { meanUsd: pricedMeanUsd } : {}),
      pricedMeanUsd,
      unpricedCalls,
      unleveledCalls: sum(reached.map((chain) => chain.calls.filter((call) => call.level === undefined).length)),
    });
  }
  return { chains: input.chains.length, totals: bucketOf(all), priceTables, byRole, byModel, byLevel, perLevelTask };
}

/** `provider:model`, the key models are grouped and named by. */
export function modelKey(call: Pick<ModelCall, 'provider' | 'model'>): string {
  return `${call.provider}:${call.model}`;
}

function bucketOf(calls: readonly ModelCall[]): CostBucket {
  const counts = { calls: 0, cacheHitCalls: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, images: 0 };
  let pricedUsd = 0;
  let unpricedCalls = 0;
  const unpriced = new Set<string>();
  for (const call of calls) {
    if (call.fromCache) {
      counts.cacheHitCalls += 1;
      continue;
    }
    counts.calls += 1;
    counts.inputTokens += call.inputTokens;
    counts.outputTokens += call.outputTokens;
    counts.cacheWriteTokens += call.cacheWriteTokens;
    counts.cacheReadTokens += call.cacheReadTokens;
    counts.images += call.images;
    if (call.costUsd === undefined) {
      unpricedCalls += 1;
      unpriced.add(modelKey(call));
    } else {
      pricedUsd += call.costUsd;
    }
  }
  return {
    ...counts,
    ...(unpricedCalls === 0 ? { costUsd: pricedUsd } : {}),
    pricedUsd,
    unpricedCalls,
    unpricedModels: [...unpriced].sort(),
  };
}

function groupBy<K>(calls: readonly ModelCall[], keyOf: (call: ModelCall) => K): Array<[K, ModelCall[]]> {
  const groups = new Map<K, ModelCall[]>();
  for (const call of calls) {
    const key = keyOf(call);
    const group = groups.get(key);
    if (group) group.push(call);
    else groups.set(key, [call]);
  }
  return [...groups.entries()];
}

function roleRank(role: string): number {
  const index = ROLE_ORDER.indexOf(role);
  return index === -1 ? ROLE_ORDER.length : index;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
