import { z } from 'zod';
import { LevelSchema, SubtaskSchema } from './task.js';
import { UsageSchema } from './usage.js';

export const SCHEMA_VERSION = 1;

/** trajectories/<run>/chains/<chain>/chain.json */
export const ChainRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  chainId: z.string(),
  index: z.number().int().nonnegative(),
  environment: z.string(),
  envSeed: z.number().int(),
  agentSeed: z.number().int(),
  persona: z.string(),
  /** Where the chain (and so each of its level-k tasks) starts after reset(envSeed). */
  startPath: z.string().optional(),
  /**
   * `failed`: the agents failed (a model that never gave valid output); `error`: the harness did (a
   * crashed browser, an unreachable model endpoint), and --resume redoes the chain.
   */
  status: z.enum(['running', 'complete', 'failed', 'error']),
  /** Why the chain stopped before maxLevel, when it did (one line). */
  stopReason: z.string().optional(),
  /** The error that ended the chain (status failed or error). */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  subtasks: z.array(SubtaskSchema),
  levels: z.array(LevelSchema),
  stepCount: z.number().int().nonnegative(),
  /** Everything the chain cost: its subtasks plus `overhead`. */
  usage: UsageSchema,
  /** Model calls not attributed to a stored subtask: rejected proposals, level summaries, an interrupted attempt. */
  overhead: UsageSchema.optional(),
  /**
   * Levels not stored because their derived checker already held at the seeded reset (an agent
   * that did nothing would pass them); the chain went on to the next level.
   */
  skippedLevels: z.array(z.object({ level: z.number().int().positive(), reason: z.string() })).optional(),
  /** Proposals that were invalid after their repair turn (the chain went on without them). */
  rejectedProposals: z.array(z.object({ level: z.number().int().positive(), reason: z.string() })).optional(),
});
export type ChainRecord = z.infer<typeof ChainRecordSchema>;

/**
 * The level a chain reached: its accepted subtasks (level k chains the first k). Not its stored
 * levels: a level whose checker held at the reset, or outside an aimed run's band, is reached but
 * not stored.
 */
export function reachedLevel(record: Pick<ChainRecord, 'subtasks'>): number {
  return record.subtasks.filter((subtask) => subtask.status === 'accepted').length;
}

/** One line of tasks/<run>.jsonl: a chain's level-k tasks, deterministic for a seed. */
export const ChainTasksSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  chainId: z.string(),
  environment: z.string(),
  envSeed: z.number().int(),
  startPath: z.string(),
  levels: z.array(LevelSchema),
});
export type ChainTasks = z.infer<typeof ChainTasksSchema>;
