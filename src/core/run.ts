import { z } from 'zod';
import { SynthesisTargetSchema } from './target.js';
import { SCHEMA_VERSION } from './chain.js';
import { UrlSiteSchema } from './environment.js';
import { InteractionKindSchema } from './task.js';
import { UsageSchema } from './usage.js';

export const RunConfigSchema = z.object({
  /** A bundled environment id, "all" (chains spread over every bundled app), or "url". */
  environment: z.string(),
  /** The website, when environment is "url". */
  site: UrlSiteSchema.optional(),
  chains: z.number().int().positive(),
  maxLevel: z.number().int().positive(),
  seed: z.number().int(),
  concurrency: z.number().int().positive(),
  maxStepsPerSubtask: z.number().int().positive(),
  maxRetriesPerLevel: z.number().int().nonnegative(),
  roles: z.record(z.string(), z.string()),
  /**
   * How each chain's levels were audited by their near-misses before being kept (`--audit`): `fast`
   * (the default), `full`, or `off`. Absent in runs made before audits existed.
   */
  audit: z.enum(['full', 'fast', 'off']).optional(),
  /** What an aimed run aimed at (`synth --target-eval`): the agent, its frontier and weak kinds, the band kept. */
  target: SynthesisTargetSchema.optional(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

export const ChainSummarySchema = z.object({
  chainId: z.string(),
  environment: z.string().optional(),
  status: z.enum(['pending', 'running', 'complete', 'failed', 'error']),
  levelsReached: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  revised: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
});
export type ChainSummary = z.infer<typeof ChainSummarySchema>;

/** Which declared affordances of one app a run's accepted subtasks exercised. */
export const AppCoverageSchema = z.object({
  environment: z.string(),
  chains: z.number().int().nonnegative(),
  declared: z.number().int().nonnegative(),
  exercised: z.array(
    z.object({
      route: z.string(),
      kind: InteractionKindSchema,
      name: z.string().optional(),
      description: z.string(),
      subtasks: z.number().int().positive(),
    }),
  ),
  untouched: z.array(z.object({ route: z.string(), kind: InteractionKindSchema, name: z.string().optional(), description: z.string() })),
});
export type AppCoverage = z.infer<typeof AppCoverageSchema>;

/** How a run's tasks spread over apps, interaction kinds and levels. */
export const SpreadSchema = z.object({
  /** Per environment: chains, and how many of them reached each level (index 0 = level 1). */
  byEnvironment: z.record(
    z.string(),
    z.object({ chains: z.number().int().nonnegative(), reaching: z.array(z.number().int().nonnegative()) }),
  ),
  /** Accepted subtasks per interaction kind. */
  byInteraction: z.record(z.string(), z.number().int().nonnegative()),
  /** Level-k tasks per level k. */
  byLevel: z.record(z.string(), z.number().int().nonnegative()),
});
export type Spread = z.infer<typeof SpreadSchema>;

/** trajectories/<run>/run.json */
export const RunMetaSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** A synthesis run (evaluation runs have kind "eval" and their own schema, EvalRunMetaSchema). */
  kind: z.literal('synth').optional(),
  runId: z.string(),
  tool: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'complete', 'interrupted', 'failed']),
  config: RunConfigSchema,
  chains: z.array(ChainSummarySchema),
  usage: UsageSchema,
  coverage: z.array(AppCoverageSchema).default([]),
  spread: SpreadSchema.optional(),
  /** Why the run stopped early, when it did (Ctrl-C, a budget). */
  stopReason: z.string().optional(),
  /** With --budget-usd: the limit and what the run's model calls have spent (all chains, finished or not). */
  budget: z.object({ limitUsd: z.number().nonnegative(), spentUsd: z.number().nonnegative(), reached: z.boolean() }).optional(),
});
export type RunMeta = z.infer<typeof RunMetaSchema>;
