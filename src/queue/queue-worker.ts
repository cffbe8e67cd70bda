import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { TrajsynthError, errorMessage, oneLine } from '../core/errors.js';
import { browserProcessesFor, launchBrowser } from '../browser/index.js';
import type { SessionFactory } from '../pipeline/chain-runner.js';
import { runChainJob, PermanentJobError } from './chain-job.js';
import { pruneWorkers } from './queue-status.js';
import { runEpisodeJob } from './episode-job.js';
import { QUEUE_NAME, QUEUE_PREFIX, QueueJobSchema, WORKERS_KEY, runKeyOfJob, type JobOutcome } from './queue-keys.js';
import { queueSettings } from './queue-settings.js';
import { closeRedis, connectRedis, displayUrl, markClosing, parseRedisUrl } from './redis-connection.js';
import { RunChannel } from './run-channel.js';
import { RunContexts } from './run-context.js';

export type WorkerEvent =
  | { type: 'worker-started'; worker: string; url: string; concurrency: number; stallMs: number }
  | { type: 'job-started'; jobId: string; runId: string; item: string; attempt: number; afterStall: boolean }
  | { type: 'job-finished'; jobId: string; runId: string; item: string; outcome: JobOutcome['outcome']; status?: string }
  | { type: 'job-failed'; jobId: string; runId: string; item: string; error: string; willRetry: boolean }
  | { type: 'job-stalled'; jobId: string }
  | { type: 'connection'; state: 'lost' | 'restored'; url: string; error?: string }
  | { type: 'worker-stopping'; reason: string };

export interface QueueWorkerOptions {
  /** redis://HOST:PORT of the queue. */
  url: string;
  /** Jobs (chains or episodes) run at once (default 2). */
  concurrency?: number;
  /** A browser to use; by default one is found and launched (and closed at the end). */
  browser?: SessionFactory;
  executablePath?: string;
  /** Stops the worker: its jobs in flight are stopped and go back to the queue for another worker. */
  signal: AbortSignal;
  onEvent?: (event: WorkerEvent) => void;
}

/** The worker's name in heartbeats and job records: host, pid. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Takes chain and episode jobs of any run from the queue and runs each with the same code as a
 * local run, `concurrency` at a time, in one browser, until `signal` aborts. Writes a heartbeat
 * (host, pid, concurrency, active jobs) for `trajsynth queue-status`.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  const url = parseRedisUrl(options.url);
  const settings = queueSettings();
  const emit = options.onEvent ?? (() => {});
  const onConnection = (event: { state: 'lost' | 'restored'; url: string; error?: string }) => emit({ type: 'connection', ...event });
  const redis = await connectRedis(url, { onConnection, signal: options.signal });
  const concurrency = options.concurrency ?? 2;
  const name = workerName();
  let browser: SessionFactory | undefined;
  let worker: Worker | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const active = new Map<string, AbortController>();
  let stopping = false;
  try {
    browser =
      options.browser ??
      (await launchBrowser({
        ...(options.executablePath ? { executablePath: options.executablePath } : {}),
        processes: browserProcessesFor(concurrency),
        signal: options.signal,
      }));
    const contexts = new RunContexts(redis, settings.pollMs);
    const startedAt = new Date().toISOString();
    const beat = async () => {
      if (stopping) return;
      const entry = {
        worker: name,
        host: hostname(),
        pid: process.pid,
        concurrency,
        startedAt,
        lastSeen: new Date().toISOString(),
        active: [...active.keys()],
      };
      await redis.hset(WORKERS_KEY, name, JSON.stringify(entry));
    };
    await pruneWorkers(redis, 24 * 3600 * 1000).catch(() => undefined);
    await beat();
    heartbeat = setInterval(() => void beat().catch(() => undefined), settings.heartbeatMs);

    const processor = async (job: Job, _token?: string, jobSignal?: AbortSignal): Promise<JobOutcome> => {
      const parsed = QueueJobSchema.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`Expected a trajsynth job, got data that does not parse: ${parsed.error.issues[0]?.message ?? ''}`);
      const data = parsed.data;
      const item = data.kind === 'chain' ? data.chainId : data.episodeId;
      const jobId = job.id ?? item;
      const attempts = job.opts.attempts ?? 1;
      const afterStall = (job.stalledCounter ?? 0) > 0;
      emit({ type: 'job-started', jobId, runId: data.runId, item, attempt: job.attemptsStarted, afterStall });
      const own = new AbortController();
      active.set(jobId, own);
      void beat().catch(() => undefined);
      const signal = AbortSignal.any([own.signal, options.signal, ...(jobSignal ? [jobSignal] : [])]);
      try {
        const outcome = await contexts.use(data, async (context) => {
          const common = {
            attemptsStarted: job.attemptsStarted,
            afterStall,
            ...(job.failedReason ? { previousFailure: job.failedReason } : {}),
            willRetry: job.attemptsMade + 1 < attempts,
            context,
            browser: browser!,
            signal,
            worker: name,
          };
          return data.kind === 'chain' ? runChainJob({ job: data, ...common }) : runEpisodeJob({ job: data, ...common });
        });
        emit({
          type: 'job-finished',
          jobId,
          runId: data.runId,
          item,
          outcome: outcome.outcome,
          ...(outcome.status ? { status: outcome.status } : {}),
        });
        return outcome;
      } catch (error) {
        const permanent =
          error instanceof PermanentJobError || (error instanceof TrajsynthError && ['BAD_INPUT', 'MODEL_ERROR'].includes(error.code));
        const message =
          oneLine(errorMessage(error), 500) + (error instanceof TrajsynthError && error.hint ? ` (fix: ${oneLine(error.hint, 200)})` : '');
        emit({
          type: 'job-failed',
          jobId,
          runId: data.runId,
          item,
          error: message,
          willRetry: !permanent && job.attemptsMade + 1 < attempts,
        });
        if (permanent) throw new UnrecoverableError(`${message} [worker ${name}]`);
        throw new Error(`${message} [worker ${name}]`);
      } finally {
        active.delete(jobId);
        void beat().catch(() => undefined);
      }
    };

    worker = new Worker(QUEUE_NAME, processor, {
      connection: redis,
      prefix: QUEUE_PREFIX,
      concurrency,
      name,
      lockDuration: settings.stallMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
      autorun: false,
    });
    worker.on('error', () => {
      // Connection trouble is reported by the connection's own listener; BullMQ retries by itself.
    });
    worker.on('stalled', (jobId: string) => {
      emit({ type: 'job-stalled', jobId });
      const runKey = runKeyOfJob(jobId);
      if (runKey) {
        const channel = new RunChannel(redis, runKey);
        void channel.countStalled().catch(() => undefined);
        const item = jobId.split('+')[3] ?? jobId;
        void channel.publish({ event: { type: 'chain-stalled', chainId: item }, worker: name }).catch(() => undefined);
      }
    });
    emit({ type: 'worker-started', worker: name, url: displayUrl(url), concurrency, stallMs: settings.stallMs });
    const running = worker.run();
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    emit({ type: 'worker-stopping', reason: errorMessage(options.signal.reason) });
    stopping = true;
    clearInterval(heartbeat);
    markClosing(redis);
    await redis.hdel(WORKERS_KEY, name).catch(() => undefined);
    // Jobs in flight stop at their next check and go back to the queue (their follower requeues them).
    for (const controller of active.values()) controller.abort(options.signal.reason);
    await worker.close();
    await running.catch(() => undefined);
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    await worker?.close(true).catch(() => undefined);
    await redis.hdel(WORKERS_KEY, name).catch(() => undefined);
    if (!options.browser && browser) await (browser as Partial<{ close(): Promise<void> }>).close?.().catch(() => undefined);
    closeRedis(redis);
  }
}
