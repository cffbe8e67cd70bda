import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChainRecord } from '../core/chain.js';
import { errorMessage, oneLine } from '../core/errors.js';
import type { RunConfig, RunMeta } from '../core/run.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import type { AgentConfig } from '../pipeline/agent-config.js';
import type { SynthesisEventListener } from '../pipeline/events.js';
import { openRun, writeRunFiles } from '../pipeline/run-meta.js';
import { prepareRunForWriting } from '../pipeline/run-preflight.js';
import { defaultRunId, initialChainRecord, isFinishedChain, keptChains, runConfigFor, type SynthesisResult, type SynthesizeOptions } from '../pipeline/synthesize.js';
import { ChainWriter, chainIdFor, discardChain, discardChainAttempts, readChain, runLayout, type RunLayout } from '../store/index.js';
import { JobOutcomeSchema, QUEUE_NAME, QUEUE_PREFIX, RUN_KEYS_TTL_S, WORKERS_KEY, chainJobId, runKeyFor, type ChainJob } from './queue-keys.js';
import { queueSettings, type QueueSettings } from './queue-settings.js';
import { closeRedis, connectRedis, displayUrl, parseRedisUrl } from './redis-connection.js';
import { RunChannel, type PublishedEvent } from './run-channel.js';

/** What the follower reports besides chain progress: the queue's own news. */
export type FollowEvent =
  | { type: 'enqueued'; url: string; runKey: string; added: number; alreadyQueued: number; kept: number }
  | { type: 'connection'; state: 'lost' | 'restored'; url: string; error?: string }
  | { type: 'requeued'; item: string; reason: string }
  | { type: 'stalled'; item: string; worker: string }
  | { type: 'no-workers'; url: string; waitedMs: number }
  | { type: 'stopping'; reason: string; removed: number; active: number }
  | { type: 'left-running'; items: string[] };

export interface QueuedSynthesisOptions extends SynthesizeOptions {
  /** redis://HOST:PORT of the queue the workers take jobs from. */
  queueUrl: string;
  /** The agent config the workers build their agents from (roles, providers, prices; keys come from each worker's environment). */
  agentConfig?: AgentConfig;
  cache?: { dir: string; mode: 'read-write' | 'read-only' };
  onQueueEvent?: (event: FollowEvent) => void;
}

/**
 * `synth --queue`: creates the run exactly as a local run does (run.json, the run lock held by this
 * follower, the same configuration), enqueues one job per chain (job ids derived from the run and the
 * chain, so enqueueing twice is idempotent), then follows the workers' progress until every chain job
 * is done, and writes the tasks file and run.json from the stored chains with the code a local run
 * uses. Ctrl-C (the signal) or a budget reached on any worker stops the run: queued jobs are removed,
 * running ones are told to stop, and the run is left interrupted and resumable.
 */
export async function synthesizeOnQueue(options: QueuedSynthesisOptions): Promise<SynthesisResult> {
  const url = parseRedisUrl(options.queueUrl);
  const notify = options.onQueueEvent ?? (() => {});
  // Checked first: an unreachable Redis is reported before anything is written.
  const redis = await connectRedis(url, { onConnection: (event) => notify({ type: 'connection', ...event }), ...(options.signal ? { signal: options.signal } : {}) });
  try {
    const source = environmentSource(options.environment, options.site);
    const runId = options.runId ?? defaultRunId(options.environment, options.seed);
    const layout = runLayout(options.outDir, runId);
    const agents = options.agents ?? heuristicAgents();
    const config = runConfigFor(options, agents);
    await source.check(options.signal);
    const prepared = await prepareRunForWriting(layout, { resume: options.resume ?? false, redoDamaged: options.redoDamaged ?? false, command: 'synth --queue' });
    try {
      return await follow(options, { redis, url, source, layout, config, redo: prepared.redo, settings: queueSettings() });
    } finally {
      await prepared.lock.release();
    }
  } finally {
    closeRedis(redis);
  }
}

interface FollowContext {
  redis: Redis;
  url: URL;
  source: EnvironmentSource;
  layout: RunLayout;
  config: RunConfig;
  redo: ReadonlySet<string>;
  settings: QueueSettings;
}

async function follow(options: QueuedSynthesisOptions, run: FollowContext): Promise<SynthesisResult> {
  const { redis, source, layout, config, settings } = run;
  const emit: SynthesisEventListener = options.onEvent ?? (() => {});
  const notify = options.onQueueEvent ?? (() => {});
  const signal = options.signal;
  const records = await keptChains(layout, config, { resume: options.resume ?? false, redo: run.redo });
  for (const chainId of run.redo) await discardChain(layout, chainId);
  let meta: RunMeta = await openRun(layout, config, options.resume ?? false);
  const runKey = runKeyFor(layout.outDir, layout.runId);
  const channel = new RunChannel(redis, runKey);
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  const reader = redis.duplicate();
  reader.on('error', () => undefined);
  let spentUsd = meta.budget?.spentUsd ?? 0;
  let stopping: string | undefined;
  let status: RunMeta['status'] = 'running';
  const inFlight = new Set<string>();
  const pending = new Set<number>();
  for (let index = 0; index < config.chains; index += 1) if (!records.has(chainIdFor(index))) pending.add(index);

  const ending = (): Pick<RunMeta, 'stopReason' | 'budget'> => ({
    ...(stopping ? { stopReason: stopping } : {}),
    ...(options.budgetUsd !== undefined ? { budget: { limitUsd: options.budgetUsd, spentUsd, reached: spentUsd >= options.budgetUsd || (stopping?.startsWith('Budget reached') ?? false) } } : {}),
  });
  let persisting = Promise.resolve();
  const persist = () => (persisting = persisting.then(async () => void (meta = await writeRunFiles(layout, { meta, config, records, status, source, ending: ending(), inFlight }))));

  const jobData = (index: number): ChainJob => ({
    kind: 'chain',
    outDir: layout.outDir,
    runId: layout.runId,
    runKey,
    index,
    chainId: chainIdFor(index),
    agentConfig: options.agentConfig ?? {},
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
  });
  const jobOptions = (index: number) => ({
    jobId: chainJobId(runKey, chainIdFor(index)),
    attempts: settings.attempts,
    backoff: { type: 'exponential' as const, delay: settings.backoffMs },
    removeOnComplete: { age: RUN_KEYS_TTL_S },
    removeOnFail: { age: RUN_KEYS_TTL_S },
  });
  /** Adds the chain's job unless one is queued or running; a finished job of an earlier attempt is replaced. */
  const ensureJob = async (index: number): Promise<'added' | 'present'> => {
    const options = jobOptions(index);
    const state = await queue.getJobState(options.jobId);
    if (state === 'completed' || state === 'failed') await queue.remove(options.jobId);
    else if (state !== 'unknown') return 'present';
    await queue.add('chain', jobData(index), options);
    return 'added';
  };

  await channel.clearStop();
  if (options.budgetUsd !== undefined) await channel.setSpent(spentUsd);
  let lastEventId = await channel.latestEventId();
  let added = 0;
  for (const index of pending) if ((await ensureJob(index)) === 'added') added += 1;
  notify({ type: 'enqueued', url: displayUrl(run.url), runKey, added, alreadyQueued: pending.size - added, kept: records.size });
  emit({ type: 'run-started', runId: layout.runId, chains: config.chains, maxLevel: config.maxLevel, resumedChains: records.size });
  await persist();

  // Progress: the workers' chain events, forwarded while their chain is still open here.
  let reading = true;
  const startedCount = new Map<string, number>();
  const announcedRestart = new Set<string>();
  const forward = (published: PublishedEvent) => {
    const event = published.event;
    if (event.type === 'chain-stalled') return notify({ type: 'stalled', item: event.chainId, worker: published.worker });
    if (event.type === 'model-call') {
      spentUsd = Math.max(spentUsd, event.spentUsd);
      return emit({ ...event, spentUsd });
    }
    if ('chainId' in event && records.has(event.chainId)) return;
    if (event.type === 'run-started' || event.type === 'run-finished' || event.type === 'chain-finished' || event.type === 'chain-failed') return;
    if (event.type === 'chain-retry') announcedRestart.add(event.chainId);
    if (event.type === 'chain-started') {
      const count = (startedCount.get(event.chainId) ?? 0) + 1;
      startedCount.set(event.chainId, count);
      // A chain started again without a word why (its job was enqueued again): what it reached no longer counts.
      if (count > 1 && !announcedRestart.has(event.chainId)) {
        emit({ type: 'chain-retry', chainId: event.chainId, attempt: count - 1, reason: 'started again from its seed', redoneBy: `on worker ${published.worker}` });
      }
      announcedRestart.delete(event.chainId);
    }
    emit(event);
  };
  const readEvents = (async () => {
    while (reading) {
      try {
        const { events, lastId } = await channel.read(lastEventId, 1000, reader);
        lastEventId = lastId;
        for (const published of events) forward(published);
      } catch {
        if (reading) await sleep(settings.pollMs);
      }
    }
  })();

  const finish = async (record: ChainRecord) => {
    pending.delete(record.index);
    inFlight.delete(record.chainId);
    records.set(record.chainId, record);
    if (record.status === 'complete') emit({ type: 'chain-finished', chainId: record.chainId, levels: record.levels.length, ...(record.stopReason ? { stopReason: record.stopReason } : {}) });
    else emit({ type: 'chain-failed', chainId: record.chainId, error: record.error?.message ?? record.stopReason ?? 'failed', infrastructure: record.status === 'error' });
    await persist();
  };
  /** A job that failed for good without a stored error record (it never ran, or its worker died each time). */
  const errorRecord = async (index: number, reason: string): Promise<ChainRecord> => {
    const record = initialChainRecord(config, source, index);
    const message = oneLine(reason || 'the job failed', 500);
    record.status = 'error';
    record.stopReason = `error: ${message}`;
    record.error = { code: 'QUEUE_JOB_FAILED', message };
    const writer = await ChainWriter.create(layout, record.chainId, { attempt: 'failed-job' });
    await writer.writeChain(record);
    await writer.install();
    return record;
  };

  const startStopping = async (reason: string) => {
    stopping = reason;
    await channel.requestStop(reason).catch(() => undefined);
    let removed = 0;
    for (const index of [...pending]) {
      const jobId = jobOptions(index).jobId;
      const state = await queue.getJobState(jobId).catch(() => 'unknown');
      if (state === 'active') continue;
      if (state !== 'unknown' && state !== 'completed' && state !== 'failed') {
        removed += await queue.remove(jobId).catch(() => 0);
      }
      if (state !== 'completed' && state !== 'failed') pending.delete(index);
    }
    notify({ type: 'stopping', reason, removed, active: pending.size });
  };

  const waitedSince = Date.now();
  let workersSeen = false;
  let stopDeadline = Number.POSITIVE_INFINITY;
  let polls = 0;
  try {
    while (pending.size > 0) {
      if (!stopping) {
        const reason = signal?.aborted ? errorMessage(signal.reason) : await channel.stopReason();
        if (reason !== undefined) {
          await startStopping(reason);
          // Chains stop at their next check (a step, a model call); a hung worker is not waited for forever.
          stopDeadline = Date.now() + Math.max(30_000, settings.stallMs * 2);
        }
      }
      for (const index of [...pending]) {
        const chainId = chainIdFor(index);
        const jobId = jobOptions(index).jobId;
        const state = await queue.getJobState(jobId);
        if (state === 'active') {
          if (!inFlight.has(chainId)) {
            inFlight.add(chainId);
            await persist();
          }
          continue;
        }
        if (state === 'completed') {
          const job = await queue.getJob(jobId);
          const outcome = JobOutcomeSchema.safeParse(job?.returnvalue);
          const record = await readChain(layout, chainId).catch(() => undefined);
          if (record && isFinishedChain(record)) await finish(record);
          else if (stopping) pending.delete(index);
          else {
            await ensureJob(index);
            notify({ type: 'requeued', item: chainId, reason: outcome.success && outcome.data.outcome === 'stopped' ? `its worker (${outcome.data.worker ?? 'unknown'}) stopped before finishing it` : 'its job ended without a finished chain' });
          }
          continue;
        }
        if (state === 'failed') {
          const job = await queue.getJob(jobId);
          const stored = await readChain(layout, chainId).catch(() => undefined);
          await finish(stored && stored.status !== 'running' ? stored : await errorRecord(index, job?.failedReason ?? 'the job failed'));
          continue;
        }
        if (state === 'unknown') {
          // The job is gone: Redis restarted without persistence, or someone removed it.
          const record = await readChain(layout, chainId).catch(() => undefined);
          if (record && isFinishedChain(record)) await finish(record);
          else if (stopping) pending.delete(index);
          else {
            await ensureJob(index);
            notify({ type: 'requeued', item: chainId, reason: 'its job was no longer in the queue (Redis restarted or the job was removed)' });
          }
          continue;
        }
        if (inFlight.delete(chainId)) await persist();
      }
      if (pending.size === 0) break;
      if (stopping && Date.now() > stopDeadline) {
        notify({ type: 'left-running', items: [...pending].map(chainIdFor) });
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
        workersSeen = inFlight.size > 0 || (await liveWorkers(redis, settings)) > 0;
        if (!workersSeen && Date.now() - waitedSince > 10_000) {
          notify({ type: 'no-workers', url: displayUrl(run.url), waitedMs: Date.now() - waitedSince });
          workersSeen = true;
        }
      }
      await sleep(settings.pollMs, signal && !stopping ? signal : undefined);
    }
  } finally {
    status = stopping ? 'interrupted' : 'complete';
    if (stopping === undefined && signal?.aborted) {
      stopping = errorMessage(signal.reason);
      status = 'interrupted';
    }
    if (options.budgetUsd !== undefined) spentUsd = Math.max(spentUsd, (await channel.spentUsd().catch(() => undefined)) ?? 0);
    inFlight.clear();
    // Attempts left apart by killed workers or stopped chains: their calls are kept, their files dropped.
    if (pending.size === 0) await discardChainAttempts(layout).catch(() => undefined);
    reading = false;
    reader.disconnect();
    await readEvents;
    await persist();
    await persisting;
    await channel.touch().catch(() => undefined);
    await queue.close().catch(() => undefined);
    emit({ type: 'run-finished', runId: layout.runId, status });
  }
  const sorted = [...records.values()].sort((a, b) => a.index - b.index);
  return { layout, meta, records: sorted };
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
