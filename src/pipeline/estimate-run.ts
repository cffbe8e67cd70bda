import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UrlSite } from '../core/environment.js';
import type { TokenCounts } from '../core/usage.js';
import { reachedLevel } from '../core/chain.js';
import { findModelPrice, type PriceTable } from '../cost/price-table.js';
import { MIN_CACHEABLE_TOKENS, imageTokens } from '../cost/token-estimate.js';
import { estimateCall } from '../cost/call-estimate.js';
import { priceTablesFor, roleSpecs, type AgentConfig, type RoleName } from './agent-config.js';
import { dryRunAgents } from './dry-run-agents.js';
import { synthesize } from './synthesize.js';

/** Output tokens assumed per call, by role (structured answers of typical length). */
export const ASSUMED_OUTPUT_TOKENS: Record<RoleName, number> = {
  proposer: 320,
  'follow-up': 340,
  executor: 110,
  verifier: 160,
  reviser: 260,
  summarizer: 220,
};

export interface EstimateRunOptions {
  environment: string;
  site?: UrlSite;
  chains: number;
  maxLevel: number;
  seed: number;
  maxStepsPerSubtask?: number;
  maxRetriesPerLevel?: number;
  agentConfig: AgentConfig;
  /** Chains run (with heuristic agents) to sample real pages; default one per app for --env all, else 2. */
  sampleChains?: number;
  executablePath?: string;
  signal?: AbortSignal;
}

export interface RoleEstimate extends TokenCounts {
  role: RoleName;
  spec: string;
  /** Per sampled chain, averaged. */
  calls: number;
  images: number;
  /** Undefined when the model is unpriced. */
  costUsd: number | undefined;
}

export interface RunEstimate {
  plannedChains: number;
  maxLevel: number;
  sampledChains: number;
  /** How many sampled chains reached each level (the heuristic agents drove them). */
  reaching: number[];
  roles: RoleEstimate[];
  perChainUsd: number | undefined;
  /** Mean cost to reach level k (calls at levels ≤ k), over sampled chains that reached it. */
  perLevelUsd: Array<number | undefined>;
  totalUsd: number | undefined;
  priceTables: string[];
  assumptions: string[];
}

interface Tally extends TokenCounts {
  calls: number;
  images: number;
  costUsd: number | undefined;
}

/**
 * Projects tokens and USD per chain for a model mix without calling a model: runs a few chains with
 * the heuristic agents (real Chromium, real pages), and at every point where a model-backed role
 * would be called, renders that role's real prompt (screenshot and snapshot included) and prices
 * its estimated tokens. Output lengths are assumptions, listed in the result.
 */
export async function estimateRun(options: EstimateRunOptions): Promise<RunEstimate> {
  const specs = roleSpecs(options.agentConfig);
  const tables = priceTablesFor(options.agentConfig);
  const sample = Math.min(options.chains, options.sampleChains ?? (options.environment === 'all' ? 6 : 2));
  const perChain: Array<{ tallies: Map<string, Tally>; levels: number }> = [];
  let tallies = new Map<string, Tally>();
  const reaching = Array.from({ length: options.maxLevel }, () => 0);
  const cached = new Set<string>();
  const agents = dryRunAgents(options.agentConfig, specs, ({ role, request, level, extraMessageTokens, spec: jurorSpec }) => {
    const spec = jurorSpec ?? specs[role];
    const call = estimateCall(request, {
      spec,
      prefixKey: `${spec}|${role}`,
      outputTokens: ASSUMED_OUTPUT_TOKENS[role],
      extraMessageTokens,
      tables,
      cached,
    });
    const key = `${role}|${level}`;
    const tally = tallies.get(key) ?? {
      calls: 0,
      inputTokens: 0,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      outputTokens: 0,
      images: 0,
      costUsd: 0,
    };
    tally.calls += 1;
    tally.inputTokens += call.usage.inputTokens;
    tally.cacheWriteTokens += call.usage.cacheWriteTokens;
    tally.cacheReadTokens += call.usage.cacheReadTokens;
    tally.outputTokens += call.usage.outputTokens;
    tally.images += call.images;
    tally.costUsd = tally.costUsd === undefined || call.costUsd === undefined ? undefined : tally.costUsd + call.costUsd;
    tallies.set(key, tally);
  });

  const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-estimate-'));
  try {
    const result = await synthesize({
      outDir,
      environment: options.environment,
      ...(options.site ? { site: options.site } : {}),
      chains: sample,
      maxLevel: options.maxLevel,
      seed: options.seed,
      concurrency: 1,
      ...(options.maxStepsPerSubtask !== undefined ? { maxStepsPerSubtask: options.maxStepsPerSubtask } : {}),
      ...(options.maxRetriesPerLevel !== undefined ? { maxRetriesPerLevel: options.maxRetriesPerLevel } : {}),
      agents,
      ...(options.executablePath ? { executablePath: options.executablePath } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (event) => {
        if (event.type === 'chain-started') tallies = new Map();
        if (event.type === 'chain-finished') perChain.push({ tallies, levels: event.levels });
        if (event.type === 'chain-failed') perChain.push({ tallies, levels: 0 });
      },
    });
    for (const record of result.records)
      for (let k = 1; k <= Math.min(reachedLevel(record), options.maxLevel); k += 1) reaching[k - 1]! += 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return summarizeEstimate(options, specs, tables, perChain, reaching);
}

function summarizeEstimate(
  options: EstimateRunOptions,
  specs: Record<RoleName, string>,
  tables: PriceTable[],
  perChain: Array<{ tallies: Map<string, Tally>; levels: number }>,
  reaching: number[],
): RunEstimate {
  const chains = Math.max(1, perChain.length);
  const roles: RoleEstimate[] = [];
  for (const role of Object.keys(specs) as RoleName[]) {
    if (specs[role] === 'heuristic') continue;
    const sum: Tally = { calls: 0, inputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: 0, images: 0, costUsd: 0 };
    for (const { tallies } of perChain) {
      for (const [key, tally] of tallies) {
        if (!key.startsWith(`${role}|`)) continue;
        sum.calls += tally.calls;
        sum.inputTokens += tally.inputTokens;
        sum.cacheWriteTokens += tally.cacheWriteTokens;
        sum.cacheReadTokens += tally.cacheReadTokens;
        sum.outputTokens += tally.outputTokens;
        sum.images += tally.images;
        sum.costUsd = sum.costUsd === undefined || tally.costUsd === undefined ? undefined : sum.costUsd + tally.costUsd;
      }
    }
    const mean = (value: number) => value / chains;
    roles.push({
      role,
      spec: specs[role],
      calls: mean(sum.calls),
      inputTokens: mean(sum.inputTokens),
      cacheWriteTokens: mean(sum.cacheWriteTokens),
      cacheReadTokens: mean(sum.cacheReadTokens),
      outputTokens: mean(sum.outputTokens),
      images: mean(sum.images),
      costUsd: sum.costUsd === undefined ? undefined : mean(sum.costUsd),
    });
  }
  const perChainUsd = roles.reduce<number | undefined>(
    (total, role) => (total === undefined || role.costUsd === undefined ? undefined : total + role.costUsd),
    0,
  );
  const perLevelUsd = Array.from({ length: options.maxLevel }, (_, index) => {
    const k = index + 1;
    const costs: number[] = [];
    for (const { tallies, levels } of perChain) {
      if (levels < k) continue;
      let cost: number | undefined = 0;
      for (const [key, tally] of tallies)
        if (Number(key.split('|')[1]) <= k) cost = cost === undefined || tally.costUsd === undefined ? undefined : cost + tally.costUsd;
      if (cost === undefined) return undefined;
      costs.push(cost);
    }
    return costs.length ? costs.reduce((a, b) => a + b, 0) / costs.length : undefined;
  });
  const usedTables = [
    ...new Set(
      roles
        .map(
          (role) =>
            (role.spec.startsWith('anthropic:')
              ? tables.find((table) => table.provider === 'anthropic')
              : tables.find((table) => table.provider === 'openai-compatible')
            )?.version,
        )
        .filter((version): version is string => Boolean(version)),
    ),
  ];
  const unpriced = roles.filter((role) => role.costUsd === undefined).map((role) => role.spec);
  return {
    plannedChains: options.chains,
    maxLevel: options.maxLevel,
    sampledChains: perChain.length,
    reaching,
    roles,
    perChainUsd,
    perLevelUsd,
    totalUsd: perChainUsd === undefined ? undefined : perChainUsd * options.chains,
    priceTables: usedTables,
    assumptions: [
      `text ≈ ${3.5} characters per token; screenshots ≈ width×height/750 tokens (1280×800 → ${imageTokens(1280, 800)})`,
      `output tokens per call assumed: ${Object.entries(ASSUMED_OUTPUT_TOKENS)
        .map(([role, tokens]) => `${role} ${tokens}`)
        .join(', ')}`,
      `prompt prefixes (tools + system) under ${MIN_CACHEABLE_TOKENS} tokens are not cached by Anthropic and are priced as input`,
      'call counts follow the sampled chains (driven by the heuristic agents: their steps, failures and revisions); model agents may take more or fewer steps',
      ...(unpriced.length ? [`unpriced: ${[...new Set(unpriced)].join(', ')} (add prices in --config)`] : []),
      ...roles
        .filter(
          (role) =>
            role.spec.startsWith('anthropic:') &&
            !findModelPrice(
              tables.find((table) => table.provider === 'anthropic')!,
              role.spec.slice('anthropic:'.length),
            ),
        )
        .map((role) => `${role.spec} is not in the price table`),
    ],
  };
}
