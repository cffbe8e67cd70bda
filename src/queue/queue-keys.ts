import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AgentConfigSchema } from '../pipeline/agent-config.js';

/**
 * Names in Redis. One BullMQ queue carries every run's work (`chain` and `episode` jobs), so a worker
 * takes jobs from any run; trajsynth's own keys sit beside it under the same prefix:
 *   trajsynth:run:<runKey>:stop     why the run's workers must stop (Ctrl-C on the follower, a budget)
 *   trajsynth:run:<runKey>:spent    USD spent by the run's model calls, over every worker
 *   trajsynth:run:<runKey>:events   progress events of the run's chains (a capped stream)
 *   trajsynth:run:<runKey>:stats    counters: jobs found stalled
 *   trajsynth:workers               a heartbeat per worker: host, pid, concurrency, active jobs
 */
export const QUEUE_PREFIX = 'trajsynth';
export const QUEUE_NAME = 'jobs';

/**
 * A run's key: its id and a hash of its store directory, so that two stores holding runs of the same
 * name never share jobs. Deterministic, so enqueueing a run twice names the same jobs.
 */
export function runKeyFor(outDir: string, runId: string): string {
  return `${runId}+${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 8)}`;
}

export function chainJobId(runKey: string, chainId: string): string {
  return `chain+${runKey}+${chainId}`;
}

export function episodeJobId(runKey: string, episodeId: string): string {
  return `episode+${runKey}+${episodeId}`;
}

/** The run key a job id belongs to (`chain+<runId>+<hash>+<chain>`). */
export function runKeyOfJob(jobId: string): string | undefined {
  const parts = jobId.split('+');
  return parts.length === 4 ? `${parts[1]}+${parts[2]}` : undefined;
}

export const runKeys = (runKey: string) => ({
  stop: `${QUEUE_PREFIX}:run:${runKey}:stop`,
  spent: `${QUEUE_PREFIX}:run:${runKey}:spent`,
  events: `${QUEUE_PREFIX}:run:${runKey}:events`,
  stats: `${QUEUE_PREFIX}:run:${runKey}:stats`,
});

export const WORKERS_KEY = `${QUEUE_PREFIX}:workers`;

/** How long the queue's keys of a run outlive its last use. */
export const RUN_KEYS_TTL_S = 7 * 24 * 3600;

const RunRefSchema = z.object({
  /** The store directory (absolute): on a filesystem every worker shares. */
  outDir: z.string().min(1),
  runId: z.string().min(1),
  runKey: z.string().min(1),
  /** Stop the run's chains once its model calls, over every worker, have cost this much. */
  budgetUsd: z.number().positive().optional(),
  /** The agent config the run was started with (roles, providers, prices; never a key). */
  agentConfig: AgentConfigSchema.default({}),
  cache: z.object({ dir: z.string(), mode: z.enum(['read-write', 'read-only']) }).optional(),
});

/** A BullMQ job of queue mode: one chain of a synthesis run, or one episode of an evaluation. */
export const ChainJobSchema = RunRefSchema.extend({
  kind: z.literal('chain'),
  index: z.number().int().nonnegative(),
  chainId: z.string(),
});
export type ChainJob = z.infer<typeof ChainJobSchema>;

export const EpisodeJobSchema = RunRefSchema.extend({
  kind: z.literal('episode'),
  episodeId: z.string(),
  /** The evaluation's SOURCE as given (a run id, a run directory, a tasks file) and the --out it is resolved in. */
  source: z.object({ arg: z.string(), outDir: z.string() }),
  /** Which tasks the evaluation selected (the same selection gives the same episodes on every worker). */
  selection: z.object({
    levels: z.array(z.number().int()).optional(),
    environments: z.array(z.string()).optional(),
    limit: z.number().int().optional(),
    validOnly: z.boolean().optional(),
    consensus: z.object({ rule: z.enum(['majority', 'unanimous']).optional(), minReviewers: z.number().int().optional() }).optional(),
  }),
  agentTimeoutMs: z.number().int().positive().optional(),
  maxInvalidInARow: z.number().int().positive().optional(),
});
export type EpisodeJob = z.infer<typeof EpisodeJobSchema>;

export const QueueJobSchema = z.discriminatedUnion('kind', [ChainJobSchema, EpisodeJobSchema]);
export type QueueJob = z.infer<typeof QueueJobSchema>;

/** What a job's processor returns (the job's `returnvalue`). */
export const JobOutcomeSchema = z.object({
  /** finished: stored for good (complete, failed); stopped: Ctrl-C, a budget or a worker shutting down. */
  outcome: z.enum(['finished', 'already-finished', 'stopped']),
  status: z.string().optional(),
  worker: z.string().optional(),
});
export type JobOutcome = z.infer<typeof JobOutcomeSchema>;
