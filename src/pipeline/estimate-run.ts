import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UrlSite } from '../core/environment.js';
import type { AgentSet, Executor, Proposer, Reviser, Summarizer, Verifier } from '../agents/roles.js';
import { CheckerVerifier, HeuristicExecutor, HeuristicProposer, HeuristicReviser, HeuristicSummarizer } from '../agents/heuristic/index.js';
import { ComputerUseExecutor } from '../agents/model/computer-use-executor.js';
import { ModelExecutor } from '../agents/model/model-executor.js';
import { ModelProposer } from '../agents/model/model-proposer.js';
import { ModelReviser } from '../agents/model/model-reviser.js';
import { ModelSummarizer } from '../agents/model/model-summarizer.js';
import { JudgeVerifier } from '../agents/model/model-verifier.js';
import type { LanguageModel, ModelRequest, ModelResponse } from '../model/language-model.js';
import { scaledDisplay } from '../model/image-scaling.js';
import { findModelPrice, priceUsage, type PriceTable } from '../cost/price-table.js';
import { MIN_CACHEABLE_TOKENS, estimateRequestTokens, imageTokens } from '../cost/token-estimate.js';
import { priceTablesFor, roleSpecs, type AgentConfig, type RoleName } from './agent-config.js';
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

export interface RoleEstimate {
  role: RoleName;
  spec: string;
  /** Per sampled chain, averaged. */
  calls: number;
  inputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
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

class Captured extends Error {
  constructor(readonly request: ModelRequest) {
    super('captured for the dry run');
  }
}

/** A LanguageModel that records the request it is given and answers nothing: the dry run never calls a model. */
class CaptureModel implements LanguageModel {
  constructor(
    readonly provider: string,
    readonly model: string,
  ) {}
  async generate(request: ModelRequest): Promise<ModelResponse> {
    throw new Captured(request);
  }
}

async function capture(render: () => Promise<unknown>): Promise<ModelRequest | undefined> {
  try {
    await render();
  } catch (error) {
    if (error instanceof Captured) return error.request;
    throw error;
  }
  return undefined;
}

interface Tally {
  calls: number;
  inputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
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
  let level = 1;
  const cacheWritten = new Set<string>();
  const captureModels = new Map<string, LanguageModel>();
  const modelFor = (spec: string) => {
    const [provider, ...rest] = spec.split(':');
    const existing = captureModels.get(spec) ?? new CaptureModel(provider === 'openai' ? 'openai-compatible' : provider!, rest.join(':'));
    captureModels.set(spec, existing);
    return existing;
  };
  const account = (role: RoleName, request: ModelRequest | undefined, atLevel: number, extraMessageTokens = 0) => {
    if (!request) return;
    const spec = specs[role];
    const tokens = estimateRequestTokens(request);
    const provider = spec.startsWith('anthropic:') ? 'anthropic' : 'openai-compatible';
    const cacheable = provider === 'anthropic' && tokens.prefixTokens >= MIN_CACHEABLE_TOKENS;
    const prefixKey = `${spec}|${role}`;
    const usage = {
      inputTokens: tokens.messageTokens + extraMessageTokens + (cacheable ? 0 : tokens.prefixTokens),
      outputTokens: ASSUMED_OUTPUT_TOKENS[role],
      cacheWriteTokens: cacheable && !cacheWritten.has(prefixKey) ? tokens.prefixTokens : 0,
      cacheReadTokens: cacheable && cacheWritten.has(prefixKey) ? tokens.prefixTokens : 0,
    };
    if (cacheable) cacheWritten.add(prefixKey);
    const table = tables.find((candidate) => candidate.provider === provider);
    const cost = table ? priceUsage(table, spec.split(':').slice(1).join(':'), usage) : undefined;
    const key = `${role}|${atLevel}`;
    const tally = tallies.get(key) ?? { calls: 0, inputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: 0, images: 0, costUsd: 0 };
    tally.calls += 1;
    tally.inputTokens += usage.inputTokens;
    tally.cacheWriteTokens += usage.cacheWriteTokens;
    tally.cacheReadTokens += usage.cacheReadTokens;
    tally.outputTokens += usage.outputTokens;
    tally.images += tokens.images;
    tally.costUsd = tally.costUsd === undefined || cost === undefined ? undefined : tally.costUsd + cost;
    tallies.set(key, tally);
  };
  const isModel = (role: RoleName) => specs[role] !== 'heuristic';

  const heuristicProposer = new HeuristicProposer({ followUp: false });
  const heuristicFollowUp = new HeuristicProposer({ followUp: true });
  const proposerFor = (role: 'proposer' | 'follow-up', heuristic: Proposer): Proposer => ({
    id: `estimate-${role}`,
    async propose(input) {
      level = input.chain.accepted.length + 1;
      if (isModel(role)) account(role, await capture(() => new ModelProposer({ model: modelFor(specs[role]), followUp: role === 'follow-up' }).propose(input)), level);
      return heuristic.propose(input);
    },
  });
  const heuristicExecutor = new HeuristicExecutor();
  const executor: Executor = {
    id: 'estimate-executor',
    async run(input) {
      if (!isModel('executor')) return heuristicExecutor.run(input);
      const computer = options.agentConfig.executorMode === 'computer';
      const model = modelFor(specs.executor);
      const renderAt = async (observation: typeof input.observation, step: number) => {
        if (!computer) return capture(() => new ModelExecutor(model).run({ ...input, observation, maxSteps: Math.max(1, input.maxSteps - step) }));
        return capture(() => new ComputerUseExecutor(model).run({ ...input, observation }));
      };
      // The computer-use conversation grows: each turn adds the last screenshot (at most 3 kept) and a little text.
      const display = scaledDisplay(input.observation.viewport);
      const growth = (step: number) => (computer ? Math.min(step, 3) * imageTokens(display.width, display.height) + step * 60 : 0);
      let step = 0;
      const attempt = await heuristicExecutor.run({
        ...input,
        recordStep: async (record) => {
          account('executor', await renderAt(record.before, step), level, growth(step));
          step += 1;
          await input.recordStep(record);
        },
      });
      account('executor', await renderAt(attempt.finalObservation, step), level, growth(step)); // the call that says done
      return attempt;
    },
  };
  const checker = new CheckerVerifier();
  const verifier: Verifier = {
    id: 'estimate-verifier',
    async verify(input) {
      if (isModel('verifier')) account('verifier', await capture(() => new JudgeVerifier({ model: modelFor(specs.verifier) }).verify(input)), level);
      return checker.verify(input);
    },
  };
  const heuristicReviser = new HeuristicReviser();
  const reviser: Reviser = {
    id: 'estimate-reviser',
    async revise(input) {
      if (isModel('reviser')) account('reviser', await capture(() => new ModelReviser(modelFor(specs.reviser)).revise(input)), level);
      return heuristicReviser.revise(input);
    },
  };
  const heuristicSummarizer = new HeuristicSummarizer();
  const summarizer: Summarizer = {
    id: 'estimate-summarizer',
    async summarize(input) {
      if (isModel('summarizer') && input.subtasks.length > 1) account('summarizer', await capture(() => new ModelSummarizer(modelFor(specs.summarizer)).summarize(input)), input.subtasks.length);
      return heuristicSummarizer.summarize(input);
    },
  };
  const agents: AgentSet = { proposer: proposerFor('proposer', heuristicProposer), followUp: proposerFor('follow-up', heuristicFollowUp), executor, verifier, reviser, summarizer };

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
        if (event.type === 'chain-started') {
          tallies = new Map();
          level = 1;
        }
        if (event.type === 'chain-finished') perChain.push({ tallies, levels: event.levels });
        if (event.type === 'chain-failed') perChain.push({ tallies, levels: 0 });
      },
    });
    for (const record of result.records) for (let k = 1; k <= Math.min(record.levels.length, options.maxLevel); k += 1) reaching[k - 1]! += 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  return summarizeEstimate(options, specs, tables, perChain, reaching);
}

function summarizeEstimate(options: EstimateRunOptions, specs: Record<RoleName, string>, tables: PriceTable[], perChain: Array<{ tallies: Map<string, Tally>; levels: number }>, reaching: number[]): RunEstimate {
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
  const perChainUsd = roles.reduce<number | undefined>((total, role) => (total === undefined || role.costUsd === undefined ? undefined : total + role.costUsd), 0);
  const perLevelUsd = Array.from({ length: options.maxLevel }, (_, index) => {
    const k = index + 1;
    const costs: number[] = [];
    for (const { tallies, levels } of perChain) {
      if (levels < k) continue;
      let cost: number | undefined = 0;
      for (const [key, tally] of tallies) if (Number(key.split('|')[1]) <= k) cost = cost === undefined || tally.costUsd === undefined ? undefined : cost + tally.costUsd;
      if (cost === undefined) return undefined;
      costs.push(cost);
    }
    return costs.length ? costs.reduce((a, b) => a + b, 0) / costs.length : undefined;
  });
  const usedTables = [...new Set(roles.map((role) => (role.spec.startsWith('anthropic:') ? tables.find((table) => table.provider === 'anthropic') : tables.find((table) => table.provider === 'openai-compatible'))?.version).filter((version): version is string => Boolean(version)))];
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
      `output tokens per call assumed: ${Object.entries(ASSUMED_OUTPUT_TOKENS).map(([role, tokens]) => `${role} ${tokens}`).join(', ')}`,
      `prompt prefixes (tools + system) under ${MIN_CACHEABLE_TOKENS} tokens are not cached by Anthropic and are priced as input`,
      'call counts follow the sampled chains (driven by the heuristic agents: their steps, failures and revisions); model agents may take more or fewer steps',
      ...(unpriced.length ? [`unpriced: ${[...new Set(unpriced)].join(', ')} (add prices in --config)`] : []),
      ...roles.filter((role) => role.spec.startsWith('anthropic:') && !findModelPrice(tables.find((table) => table.provider === 'anthropic')!, role.spec.slice('anthropic:'.length))).map((role) => `${role.spec} is not in the price table`),
    ],
  };
}
