import { z } from 'zod';

/** The four token counts a provider bills: one schema for every place that carries them. */
export const TokenCountsSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
});
export type TokenCounts = z.infer<typeof TokenCountsSchema>;

/** Cost and effort of some unit of work (a call, a subtask, a chain, a run). */
export const UsageSchema = z.object({
  calls: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  wallMs: z.number().nonnegative(),
  ...TokenCountsSchema.shape,
  images: z.number().int().nonnegative(),
  /** USD; undefined when some call used an unpriced model (never reported as free). */
  costUsd: z.number().nonnegative().optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

export function emptyUsage(): Usage {
  return {
    calls: 0,
    steps: 0,
    wallMs: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
    images: 0,
    costUsd: 0,
  };
}

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    calls: a.calls + b.calls,
    steps: a.steps + b.steps,
    wallMs: a.wallMs + b.wallMs,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    images: a.images + b.images,
    costUsd: a.costUsd === undefined || b.costUsd === undefined ? undefined : a.costUsd + b.costUsd,
  };
}

/** One model call as metered: who made it, with what, how much of each token kind, and its price. */
export const ModelCallSchema = z.object({
  role: z.string(),
  provider: z.string(),
  model: z.string(),
  ...TokenCountsSchema.shape,
  images: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
  /** USD from the price table; undefined when the model is not in it (unpriced, never free). */
  costUsd: z.number().nonnegative().optional(),
  /** The price table version the cost was computed with. */
  priceTable: z.string().optional(),
  /** Answered from the response cache: no money spent, costUsd is 0. */
  fromCache: z.boolean().optional(),
  /** Set by the pipeline when the call is stored: where in the run it happened. */
  chainId: z.string().optional(),
  /** The level the chain was working on (1 + subtasks accepted before the call). */
  level: z.number().int().positive().optional(),
  subtaskId: z.string().optional(),
  at: z.string().optional(),
});
export type ModelCall = z.infer<typeof ModelCallSchema>;

/** The usage of one call, as a Usage to add to totals. */
export function usageOfCall(call: ModelCall): Usage {
  return {
    calls: 1,
    steps: 0,
    wallMs: 0,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    cacheWriteTokens: call.cacheWriteTokens,
    cacheReadTokens: call.cacheReadTokens,
    images: call.images,
    costUsd: call.costUsd,
  };
}
