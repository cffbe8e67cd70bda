import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { errorMessage } from '../core/errors.js';
import { JobOutcomeSchema, RUN_KEYS_TTL_S, WORKERS_KEY, type QueueJob } from './queue-keys.js';
import type { QueueSettings } from './queue-settings.js';
import type { PublishedEvent, RunChannel } from './run-channel.js';

/** What a follower reports besides progress: the queue's own news. */
export type FollowEvent =
  | { type: 'enqueued'; url: string; runKey: string; added: number; alreadyQueued: number; kept: number; unit: 'chain' | 'episode' }
  | { type: 'connection'; state: 'lost' | 'restored'; url: string; error?: string }
  | { type: 'requeued'; item: string; reason: string }
  | { type: 'stalled'; item: string; worker: string }
  | { type: 'no-workers'; url: string; waitedMs: number }
  | { type: 'stopping'; reason: string; removed: number; active: number }
  | { type: 'left-running'; items: string[] };

/** One unit of work of a run (a chain, an episode) and its job. */
export interface FollowedItem {
  /** The chain or episode id. */
  key: string;
  jobId: string;
  data: QueueJob;
}

export interface JobFollowerOptions<R> {
  redis: Redis;
  queue: Queue;
  channel: RunChannel;
  settings: QueueSettings;
  url: string;
  items: FollowedItem[];
  /** Ctrl-C: stops the run like its stop key does. */
  signal?: AbortSignal;
  budgetUsd?: number;
  /** What the run had spent before (a resumed run). */
  spentUsd: number;
  /** The item's record when it is stored as done for good (finished, or failed by its agents). */
  storedFinal(item: FollowedItem): Promise<R | undefined>;
  /** The item's error record after its job failed for good (the stored one, or one written now). */
  errorRecord(item: FollowedItem, reason: string): Promise<R>;
  onDone(item: FollowedItem, record: R): Promise<void>;
  /** The items whose job is running changed. */
  onInFlight(keys: ReadonlySet<string>): Promise<void>;
  /** A progress event a worker published for this run. */
  onWorkerEvent(event: PublishedEvent, open: (key: string) => boolean): void;
  /** The jobs are in the queue: `added` now, `alreadyQueued` left as they were (queued or running). */
  onEnqueued(added: number, alreadyQueued: number): void;
  notify(event: FollowEvent): void;
}

export interface FollowOutcome {
  /** Why the run stopped early (Ctrl-C, a budget), if it did. */
  stopReason?: string;
  spentUsd: number;
  /** Items not done: stopped, or still running when the follower gave up waiting for them. */
  open: FollowedItem[];
  /** Whether some item's job may still be running (its attempt files must not be swept). */
  leftRunning: boolean;
}

/**
 * Enqueues a run's jobs (one per item, idempotently: a queued or running job is left alone, a
 * finished job of an earlier attempt is replaced) and follows them until each is done: completed
 * with its record stored for good, or failed (its error recorded). A job lost from Redis (restarted
 * without persistence) or ended without a stored record (its worker stopped) is enqueued again. A
 * stop (Ctrl-C through `signal`, or the run's stop key set by a worker whose budget ran out) removes
 * the queued jobs and waits a while for running ones to stop.
 */
export async function followJobs<R>(options: JobFollowerOptions<R>): Promise<FollowOutcome> {
  const { queue, channel, settings, signal } = options;
  const pending = new Map(options.items.map((item) => [item.key, item]));
  const inFlight = new Set<string>();
  let spentUsd = options.spentUsd;
  let stopping: string | undefined;
  const jobOptions = (item: FollowedItem) => ({
    jobId: item.jobId,
    attempts: settings.attempts,
    backoff: { type: 'exponential' as const, delay: settings.backoffMs },
    removeOnComplete: { age: RUN_KEYS_TTL_S },
    removeOnFail: { age: RUN_KEYS_TTL_S },
  });
  const ensureJob = async (item: FollowedItem): Promise<'added' | 'present'> => {
    const state = await queue.getJobState(item.jobId);
    if (state === 'completed' || state === 'failed') await queue.remove(item.jobId);
    else if (state !== 'unknown') return 'present';
    await queue.add(item.data.kind, item.data, jobOptions(item));
    return 'added';
  };

  await channel.clearStop();
  if (options.budgetUsd !== undefined) await channel.setSpent(spentUsd);
  let lastEventId = await channel.latestEventId();
  let added = 0;
  for (const item of pending.values()) if ((await ensureJob(item)) === 'added') added += 1;
  options.onEnqueued(added, pending.size - added);

  const reader = options.redis.duplicate();
  reader.on('error', () => undefined);
  let reading = true;
  const readEvents = (async () => {
    while (reading) {
      try {
        const { events, lastId } = await channel.read(lastEventId, 1000, reader);
        lastEventId = lastId;
        for (const published of events) {
          if (published.event.type === 'chain-stalled')
            options.notify({ type: 'stalled', item: published.event.chainId, worker: published.worker });
          else {
            if (published.event.type === 'model-call') spentUsd = Math.max(spentUsd, published.event.spentUsd);
            options.onWorkerEvent(published, (key) => pending.has(key));
          }
        }
      } catch {
        if (reading) await sleep(settings.pollMs);
      }
    }
  })();

  const done = async (item: FollowedItem, record: R) => {
    pending.delete(item.key);
    inFlight.delete(item.key);
    await options.onDone(item, record);
  };
  const startStopping = async (reason: string) => {
    stopping = reason;
    await channel.requestStop(reason).catch(() => undefined);
    let removed = 0;
    for (const item of [...pending.values()]) {
      const state = await queue.getJobState(item.jobId).catch(() => 'unknown');
      if (state === 'active' || state === 'completed' || state === 'failed') continue;
      if (state !== 'unknown') removed += await queue.remove(item.jobId).catch(() => 0);
      pending.delete(item.key);
    }
    options.notify({ type: 'stopping', reason, removed, active: pending.size });
  };

  const waitedSince = Date.now();
  let workersSeen = false;
  let stopDeadline = Number.POSITIVE_INFINITY;
  let polls = 0;
  let leftRunning = false;
  try {
    while (pending.size > 0) {
      if (!stopping) {
        const reason = signal?.aborted ? errorMessage(signal.reason) : await channel.stopReason();
        if (reason !== undefined) {
          await startStopping(reason);
          // Running items stop at their next check (a step, a model call); a hung worker is not waited for forever.
          stopDeadline = Date.now() + Math.max(30_000, settings.stallMs * 2);
        }
      }
      let inFlightChanged = false;
      for (const item of [...pending.values()]) {
        const state = await queue.getJobState(item.jobId);
        if (state === 'active') {
          if (!inFlight.has(item.key)) {
            inFlight.add(item.key);
            inFlightChanged = true;
          }
          continue;
        }
        if (inFlight.delete(item.key)) inFlightChanged = true;
        if (state === 'completed' || state === 'unknown') {
          const record = await options.storedFinal(item).catch(() => undefined);
          if (record !== undefined) await done(item, record);
          else if (stopping) pending.delete(item.key);
          else {
            let reason = 'its job was no longer in the queue (Redis restarted or the job was removed)';
            if (state === 'completed') {
              const outcome = JobOutcomeSchema.safeParse((await queue.getJob(item.jobId))?.returnvalue);
              reason =
                outcome.success && outcome.data.outcome === 'stopped'
                  ? `its worker (${outcome.data.worker ?? 'unknown'}) stopped before finishing it`
                  : 'its job ended without a finished record';
            }
            await ensureJob(item);
            options.notify({ type: 'requeued', item: item.key, reason });
          }
        } else if (state === 'failed') {
          const job = await queue.getJob(item.jobId);
          await done(item, await options.errorRecord(item, job?.failedReason ?? 'the job failed'));
        }
      }
      if (inFlightChanged) await options.onInFlight(new Set(inFlight));
      if (pending.size === 0) break;
      if (stopping && Date.now() > stopDeadline) {
        leftRunning = true;
        options.notify({ type: 'left-running', items: [...pending.keys()] });
        break;
      }
      if (options.budgetUsd !== undefined) {
        const shared = await channel.spentUsd();
        // Redis lost the counter (restarted): restore what was spent so far.
        if (shared === undefined) await channel.setSpent(spentUsd, true);
        else spentUsd = Math.max(spentUsd, shared);
      }
      polls += 1;
      if (!workersSeen && polls % 10 === 0) {
        workersSeen = inFlight.size > 0 || (await liveWorkers(options.redis, settings)) > 0;
        if (!workersSeen && Date.now() - waitedSince > 10_000) {
          options.notify({ type: 'no-workers', url: options.url, waitedMs: Date.now() - waitedSince });
          workersSeen = true;
        }
      }
      await sleep(settings.pollMs, signal && !stopping ? signal : undefined);
    }
    if (!stopping && signal?.aborted) stopping = errorMessage(signal.reason);
  } finally {
    reading = false;
    reader.disconnect();
    await readEvents;
    if (options.budgetUsd !== undefined) spentUsd = Math.max(spentUsd, (await channel.spentUsd().catch(() => undefined)) ?? 0);
    await channel.touch().catch(() => undefined);
  }
  return { ...(stopping !== undefined ? { stopReason: stopping } : {}), spentUsd, open: [...pending.values()], leftRunning };
}

/** Workers whose heartbeat is recent. */
export async function liveWorkers(redis: Redis, settings: QueueSettings): Promise<number> {
  const entries = await redis.hvals(WORKERS_KEY);
  const now = Date.now();
  return entries.filter((text) => {
    try {
      return now - Date.parse((JSON.parse(text) as { lastSeen: string }).lastSeen) < settings.heartbeatMs * 4;
    } catch {
      return false;
    }
  }).length;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
