import { z } from 'zod';
import { SCHEMA_VERSION } from './chain.js';
import { UsageSchema } from './usage.js';

export const RunConfigSchema = z.object({
  environment: z.string(),
  chains: z.number().int().positive(),
  maxLevel: z.number().int().positive(),
  seed: z.number().int(),
  concurrency: z.number().int().positive(),
  maxStepsPerSubtask: z.number().int().positive(),
  maxRetriesPerLevel: z.number().int().nonnegative(),
  roles: z.record(z.string(), z.string()),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

export const ChainSummarySchema = z.object({
  chainId: z.string(),
  status: z.enum(['pending', 'running', 'complete', 'failed']),
  levelsReached: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  revised: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
});
export type ChainSummary = z.infer<typeof ChainSummarySchema>;

/** trajectories/<run>/run.json */
export const RunMetaSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  runId: z.string(),
  tool: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'complete', 'interrupted', 'failed']),
  config: RunConfigSchema,
  chains: z.array(ChainSummarySchema),
  usage: UsageSchema,
});
export type RunMeta = z.infer<typeof RunMetaSchema>;
