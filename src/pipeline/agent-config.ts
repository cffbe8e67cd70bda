import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { TrajsynthError, errorMessage } from '../core/errors.js';
import type { AgentSet, Executor, Proposer, Reviser, Summarizer, Verifier } from '../agents/roles.js';
import { CheckerVerifier, HeuristicExecutor, HeuristicProposer, HeuristicReviser, HeuristicSummarizer } from '../agents/heuristic/index.js';
import { ComputerUseExecutor } from '../agents/model/computer-use-executor.js';
import { ModelExecutor } from '../agents/model/model-executor.js';
import { ModelProposer } from '../agents/model/model-proposer.js';
import { ModelReviser } from '../agents/model/model-reviser.js';
import { ModelSummarizer } from '../agents/model/model-summarizer.js';
import { JudgeVerifier } from '../agents/model/model-verifier.js';
import { JuryVerifier } from '../agents/model/jury-verifier.js';
import { judgeSpecsProblem, splitSpecs } from '../core/jury.js';
import type { LanguageModel } from '../model/language-model.js';
import { modelFromSpec } from '../model/providers/model-from-spec.js';
import { CachingModel, type CacheMode } from '../model/response-cache.js';
import { MeteredModel } from '../cost/metered-model.js';
import { ANTHROPIC_PRICES, findModelPrice, type PriceTable } from '../cost/price-table.js';

export const ROLE_NAMES = ['proposer', 'follow-up', 'executor', 'verifier', 'reviser', 'summarizer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** `heuristic`, `anthropic:MODEL` or `openai:MODEL` (any OpenAI-compatible server). */
const ModelSpecSchema = z
  .string()
  .regex(/^(heuristic|(anthropic|openai):[^\s,]+)$/, 'Expected "heuristic", "anthropic:MODEL" or "openai:MODEL"');

/** The verifier may be a jury: comma-separated distinct model specs (`anthropic:A,openai:B`), majority rule. */
const VerifierSpecSchema = z.string().superRefine((spec, context) => {
  const problem = verifierSpecProblem(spec);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** What is wrong with a verifier spec (one spec, or a jury of several), or undefined. */
export function verifierSpecProblem(spec: string): string | undefined {
  const parts = spec.split(',').map((part) => part.trim());
  if (parts.length === 1)
    return ModelSpecSchema.safeParse(spec).success ? undefined : 'Expected "heuristic", "anthropic:MODEL" or "openai:MODEL"';
  return judgeSpecsProblem(parts)?.replace('Expected each judge', 'Expected each judge of a jury');
}

/** The models of a verifier spec: one, or the jurors of `A,B,C`. */
export function verifierSpecs(spec: string): string[] {
  return splitSpecs([spec]);
}

const ProviderSettingsSchema = z
  .object({
    baseURL: z.string().url().optional(),
    /** Name of the environment variable holding the key (the key itself never goes in a file). */
    apiKeyEnv: z.string().optional(),
    maxRetries: z.number().int().min(0).max(20).optional(),
    timeoutMs: z.number().int().positive().optional(),
  })
  .strict();

const PriceRowSchema = z
  .object({
    provider: z.string(),
    model: z.string(),
    inputPerMTok: z.number().nonnegative(),
    outputPerMTok: z.number().nonnegative(),
    cacheWritePerMTok: z.number().nonnegative().default(0),
    cacheReadPerMTok: z.number().nonnegative().default(0),
  })
  .strict();

/** trajsynth.config.json: which implementation each role uses, provider settings, extra prices. */
export const AgentConfigSchema = z
  .object({
    /** A model for every role not named in `roles`. */
    model: ModelSpecSchema.optional(),
    /** Per role; the verifier may be a jury (`"anthropic:A,openai:B"`). */
    roles: z
      .object({
        proposer: ModelSpecSchema.optional(),
        'follow-up': ModelSpecSchema.optional(),
        executor: ModelSpecSchema.optional(),
        verifier: VerifierSpecSchema.optional(),
        reviser: ModelSpecSchema.optional(),
        summarizer: ModelSpecSchema.optional(),
      })
      .strict()
      .optional(),
    /** The model executor grounds by element refs (any provider) or by pixels (Anthropic computer use). */
    executorMode: z.enum(['refs', 'computer']).optional(),
    providers: z.object({ anthropic: ProviderSettingsSchema.optional(), openai: ProviderSettingsSchema.optional() }).strict().optional(),
    /** Prices for models the built-in table does not know (e.g. a local model at $0). */
    prices: z.array(PriceRowSchema).optional(),
  })
  .strict();
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

export async function readAgentConfig(path: string): Promise<AgentConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TrajsynthError(`Expected a JSON agent config at ${path}, got: ${errorMessage(error)}`, {
      code: 'BAD_INPUT',
      hint: 'See the README section "Model-backed agents" for the format.',
    });
  }
  const parsed = AgentConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TrajsynthError(`Expected a valid agent config in ${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      code: 'BAD_INPUT',
      hint: 'See the README section "Model-backed agents" for the format.',
    });
  }
  return parsed.data;
}

/** Later sources win: the config file, then --model, then per-role flags. */
export function mergeAgentConfig(base: AgentConfig, override: AgentConfig): AgentConfig {
  return {
    ...base,
    ...override,
    roles: { ...base.roles, ...override.roles },
    providers: { ...base.providers, ...override.providers },
    prices: [...(base.prices ?? []), ...(override.prices ?? [])],
  };
}

/** The spec each role resolves to. */
export function roleSpecs(config: AgentConfig): Record<RoleName, string> {
  return Object.fromEntries(ROLE_NAMES.map((role) => [role, config.roles?.[role] ?? config.model ?? 'heuristic'])) as Record<
    RoleName,
    string
  >;
}

export function usesModels(config: AgentConfig): boolean {
  return Object.values(roleSpecs(config)).some((spec) => spec !== 'heuristic');
}

export interface BuildAgentsOptions {
  cache?: { dir: string; mode: CacheMode };
  env?: NodeJS.ProcessEnv;
  /** Wraps each metered model (e.g. a budget shared by several processes, checked before each call). */
  wrapModel?: (model: LanguageModel) => LanguageModel;
}

export interface BuiltAgents {
  agents: AgentSet;
  /** The (metered) models in use, by spec. */
  models: Map<string, LanguageModel>;
  priceTables: PriceTable[];
  caches: CachingModel[];
}

export interface ModelBuilder {
  /** The metered (and, with a cache, caching) model for `anthropic:MODEL` or `openai:MODEL`; one per spec. */
  modelFor(spec: string): LanguageModel;
  models: Map<string, LanguageModel>;
  priceTables: PriceTable[];
  caches: CachingModel[];
}

/** Builds models from specs the way a config says: provider settings, the response cache, the cost meter. */
export function modelBuilder(config: AgentConfig, options: BuildAgentsOptions = {}): ModelBuilder {
  const env = options.env ?? process.env;
  const priceTables = priceTablesFor(config);
  const models = new Map<string, LanguageModel>();
  const caches: CachingModel[] = [];
  const modelFor = (spec: string): LanguageModel => {
    const existing = models.get(spec);
    if (existing) return existing;
    let model = modelFromSpec(spec, config.providers, env);
    if (options.cache) {
      const cached = new CachingModel(model, options.cache);
      caches.push(cached);
      model = cached;
    }
    const metered = new MeteredModel(model, { priceTables });
    const wrapped = options.wrapModel ? options.wrapModel(metered) : metered;
    models.set(spec, wrapped);
    return wrapped;
  };
  return { modelFor, models, priceTables, caches };
}

/** Builds the agent set a config names: providers wrapped in the response cache (if any) and the cost meter. */
export function buildAgents(config: AgentConfig, options: BuildAgentsOptions = {}): BuiltAgents {
  const { modelFor, models, priceTables, caches } = modelBuilder(config, options);
  const specs = roleSpecs(config);
  const pick = <T>(role: RoleName, heuristic: () => T, model: (languageModel: LanguageModel) => T): T =>
    specs[role] === 'heuristic' ? heuristic() : model(modelFor(specs[role]));
  if (config.executorMode === 'computer' && !specs.executor.startsWith('anthropic:')) {
    throw new TrajsynthError(`Expected an Anthropic executor for --executor-mode computer, got "${specs.executor}"`, {
      code: 'BAD_INPUT',
      hint: "The computer-use tool is Anthropic's: use --executor anthropic:MODEL, or --executor-mode refs for other models.",
    });
  }
  const agents: AgentSet = {
    proposer: pick<Proposer>(
      'proposer',
      () => new HeuristicProposer({ followUp: false }),
      (model) => new ModelProposer({ model, followUp: false }),
    ),
    followUp: pick<Proposer>(
      'follow-up',
      () => new HeuristicProposer({ followUp: true }),
      (model) => new ModelProposer({ model, followUp: true }),
    ),
    executor: pick<Executor>(
      'executor',
      () => new HeuristicExecutor(),
      (model) => (config.executorMode === 'computer' ? new ComputerUseExecutor(model) : new ModelExecutor(model)),
    ),
    verifier:
      verifierSpecs(specs.verifier).length > 1
        ? new JuryVerifier({ models: verifierSpecs(specs.verifier).map(modelFor) })
        : pick<Verifier>(
            'verifier',
            () => new CheckerVerifier(),
            (model) => new JudgeVerifier({ model }),
          ),
    reviser: pick<Reviser>(
      'reviser',
      () => new HeuristicReviser(),
      (model) => new ModelReviser(model),
    ),
    summarizer: pick<Summarizer>(
      'summarizer',
      () => new HeuristicSummarizer(),
      (model) => new ModelSummarizer(model),
    ),
  };
  return { agents, models, priceTables, caches };
}

/** Model specs the price tables (built-in plus the config's) cannot price. */
export function unpricedSpecs(config: AgentConfig): string[] {
  const tables = priceTablesFor(config);
  const specs = [...new Set(Object.values(roleSpecs(config)).flatMap(verifierSpecs))].filter((spec) => spec !== 'heuristic');
  return specs.filter((spec) => {
    const [provider, ...rest] = spec.split(':');
    const table = tables.find((candidate) => candidate.provider === (provider === 'openai' ? 'openai-compatible' : provider));
    return !table || !findModelPrice(table, rest.join(':'));
  });
}

export function priceTablesFor(config: AgentConfig): PriceTable[] {
  const extra = config.prices ?? [];
  const byProvider = new Map<string, PriceTable>();
  for (const row of extra) {
    const provider = row.provider === 'openai' ? 'openai-compatible' : row.provider;
    const table = byProvider.get(provider) ?? { version: 'config', source: 'agent config', provider, models: [] };
    byProvider.set(provider, {
      ...table,
      models: [
        ...table.models,
        {
          ids: [row.model.toLowerCase()],
          inputPerMTok: row.inputPerMTok,
          outputPerMTok: row.outputPerMTok,
          cacheWritePerMTok: row.cacheWritePerMTok,
          cacheReadPerMTok: row.cacheReadPerMTok,
        },
      ],
    });
  }
  const anthropicExtra = byProvider.get('anthropic');
  byProvider.delete('anthropic');
  const anthropic = anthropicExtra
    ? { ...ANTHROPIC_PRICES, version: `${ANTHROPIC_PRICES.version}+config`, models: [...anthropicExtra.models, ...ANTHROPIC_PRICES.models] }
    : ANTHROPIC_PRICES;
  return [anthropic, ...byProvider.values()];
}
