import { z } from 'zod';

/** Cost and effort of some unit of work (a call, a subtask, a chain, a run). */
export const UsageSchema = z.object({
  calls: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  wallMs: z.number().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
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
