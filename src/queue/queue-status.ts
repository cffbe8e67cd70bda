import { Queue, type JobType } from 'bullmq';
import { z } from 'zod';
import { QUEUE_NAME, QUEUE_PREFIX, QueueJobSchema, WORKERS_KEY } from './queue-keys.js';
import { queueSettings } from './queue-settings.js';
import { closeRedis, connectRedis, displayUrl, parseRedisUrl } from './redis-connection.js';
import { RunChannel } from './run-channel.js';

export interface RunQueueStatus {
  runKey: string;
  runId: string;
  outDir: string;
  kind: 'synth' | 'eval';
  waiting: number;
  active: number;
  /** Waiting for a retry after a failure (exponential backoff). */
  delayed: number;
  completed: number;
  failed: number;
  /** Times a job of the run was found stalled (its worker killed, frozen or cut off) and handed on. */
  stalled: number;
  /** Whether the run was asked to stop, and why. */
  stopReason?: string;
}

const WorkerBeatSchema = z.object({
  worker: z.string(),
  host: z.string(),
  pid: z.number(),
  concurrency: z.number(),
  startedAt: z.string(),
  lastSeen: z.string(),
  active: z.array(z.string()),
});

export interface WorkerStatus extends z.infer<typeof WorkerBeatSchema> {
  /** Milliseconds since the worker's last heartbeat. */
  lastSeenMsAgo: number;
  /** Its heartbeat is recent (it is running). */
  live: boolean;
}

export interface QueueStatus {
  url: string;
  runs: RunQueueStatus[];
  workers: WorkerStatus[];
  /** Connections BullMQ lists as workers of the queue (a cross-check of the heartbeats). */
  bullWorkerConnections: number;
}

const STATES: JobType[] = ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'];

/** Jobs per run and state, stalled counts, and the workers seen, read from the queue's Redis. */
export async function queueStatus(rawUrl: string, options: { signal?: AbortSignal } = {}): Promise<QueueStatus> {
  const url = parseRedisUrl(rawUrl, 'URL');
  const redis = await connectRedis(url, options.signal ? { signal: options.signal } : {});
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  try {
    const runs = new Map<string, RunQueueStatus>();
    for (const state of STATES) {
      const jobs = await queue.getJobs([state], 0, -1, true);
      for (const job of jobs) {
        const parsed = QueueJobSchema.safeParse(job?.data);
        if (!parsed.success) continue;
        const data = parsed.data;
        const run = runs.get(data.runKey) ?? {
          runKey: data.runKey,
          runId: data.runId,
          outDir: data.outDir,
          kind: data.kind === 'chain' ? ('synth' as const) : ('eval' as const),
          waiting: 0,
          active: 0,
          delayed: 0,
          completed: 0,
          failed: 0,
          stalled: 0,
        };
        if (state === 'prioritized' || state === 'waiting') run.waiting += 1;
        else if (state === 'active') run.active += 1;
        else if (state === 'delayed') run.delayed += 1;
        else if (state === 'completed') run.completed += 1;
        else if (state === 'failed') run.failed += 1;
        runs.set(data.runKey, run);
      }
    }
    for (const run of runs.values()) {
      const channel = new RunChannel(redis, run.runKey);
      run.stalled = await channel.stalledCount();
      const stopReason = await channel.stopReason();
      if (stopReason !== undefined) run.stopReason = stopReason;
    }
    const settings = queueSettings();
    const now = Date.now();
    const workers: WorkerStatus[] = [];
    for (const text of await redis.hvals(WORKERS_KEY)) {
      let beat;
      try {
        beat = WorkerBeatSchema.safeParse(JSON.parse(text));
      } catch {
        continue;
      }
      if (!beat.success) continue;
      const lastSeenMsAgo = Math.max(0, now - Date.parse(beat.data.lastSeen));
      workers.push({ ...beat.data, lastSeenMsAgo, live: lastSeenMsAgo < settings.heartbeatMs * 4 });
    }
    workers.sort((a, b) => a.worker.localeCompare(b.worker));
    const bullWorkerConnections = (await queue.getWorkers().catch(() => [])).length;
    return {
      url: displayUrl(url),
      runs: [...runs.values()].sort((a, b) => a.runKey.localeCompare(b.runKey)),
      workers,
      bullWorkerConnections,
    };
  } finally {
    await queue.close().catch(() => undefined);
    closeRedis(redis);
  }
}

/** Forgets heartbeats of workers not seen for `olderThanMs` (killed without saying goodbye). */
export async function pruneWorkers(redis: import('ioredis').Redis, olderThanMs: number): Promise<void> {
  const now = Date.now();
  const entries = await redis.hgetall(WORKERS_KEY);
  for (const [name, text] of Object.entries(entries)) {
    try {
      if (now - Date.parse((JSON.parse(text) as { lastSeen: string }).lastSeen) > olderThanMs) await redis.hdel(WORKERS_KEY, name);
    } catch {
      await redis.hdel(WORKERS_KEY, name);
    }
  }
}
