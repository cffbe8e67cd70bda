import { TrajsynthError } from '../core/errors.js';

/**
 * Timing of queue mode. A job whose worker stops renewing its lock (killed, frozen, cut off) is found
 * stalled within about `stallMs` (its lock's duration) plus half of it (the interval between checks)
 * and handed to another worker. TRAJSYNTH_QUEUE_STALL_MS sets it (default 30 s; tests use a few
 * seconds). A job that fails is retried `attempts` times in all, `backoffMs` × 2^n apart.
 */
export interface QueueSettings {
  stallMs: number;
  stalledIntervalMs: number;
  /** Times a job may be found stalled before it fails. */
  maxStalledCount: number;
  attempts: number;
  backoffMs: number;
  /** How often the follower checks its jobs and the stop key. */
  pollMs: number;
  /** How often a worker writes its heartbeat. */
  heartbeatMs: number;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const stallMs = positiveMs(env, 'TRAJSYNTH_QUEUE_STALL_MS', 30_000, 1000);
  return {
    stallMs,
    stalledIntervalMs: Math.max(500, Math.round(stallMs / 2)),
    maxStalledCount: 3,
    attempts: Math.round(positiveMs(env, 'TRAJSYNTH_QUEUE_ATTEMPTS', 3, 1)),
    backoffMs: positiveMs(env, 'TRAJSYNTH_QUEUE_BACKOFF_MS', 2000, 0),
    pollMs: 500,
    heartbeatMs: Math.min(5000, Math.max(500, Math.round(stallMs / 4))),
  };
}

function positiveMs(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new TrajsynthError(`Expected ${name} to be a number >= ${min}, got "${raw}"`, {
      code: 'BAD_INPUT',
      hint: `Unset ${name} for the default (${fallback}), or give a number such as ${Math.max(min, fallback)}.`,
    });
  }
  return value;
}
