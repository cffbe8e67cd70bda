import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChainRecord } from '../core/chain.js';
import { errorMessage, oneLine } from '../core/errors.js';
import type { RunConfig, RunMeta } from '../core/run.js';
import type { EnvironmentSource } from '../environments/environment-source.js';
import type { AgentConfig } from '../pipeline/agent-config.js';
import type { SynthesisEventListener } from '../pipeline/events.js';
import { openRun, writeRunFiles } from '../pipeline/run-meta.js';
import type { SynthesisResult, SynthesizeOptions } from '../pipeline/synthesize.js';
import { initialChainRecord } from '../pipeline/chain-of-run.js';
import { isFinishedChain, keptChains, prepareSynthesis } from '../pipeline/run-setup.js';
import { ChainWriter, chainIdFor, discardChain, discardAttempts, readChain, type RunLayout } from '../store/index.js';
import { followJobs, type FollowEvent, type FollowOutcome, type FollowedItem } from './job-follower.js';
import { QUEUE_NAME, QUEUE_PREFIX, chainJobId, runKeyFor, type ChainJob } from './queue-keys.js';
import { queueSettings, type QueueSettings } from './queue-settings.js';
import { closeRedis, connectRedis, displayUrl, parseRedisUrl } from './redis-connection.js';
import { RunChannel } from './run-channel.js';

export type { FollowEvent };

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
  const redis = await connectRedis(url, {
    onConnection: (event) => notify({ type: 'connection', ...event }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const { source, layout, config, prepared } = await prepareSynthesis(options, 'synth --queue');
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
  const records = await keptChains(layout, config, { resume: options.resume ?? false, redo: run.redo });
  for (const chainId of run.redo) await discardChain(layout, chainId);
  let meta: RunMeta = await openRun(layout, config, options.resume ?? false);
  const runKey = runKeyFor(layout.outDir, layout.runId);
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined);
  let status: RunMeta['status'] = 'running';
  let inFlight: ReadonlySet<string> = new Set();
  let ending: Pick<RunMeta, 'stopReason' | 'budget'> =
    options.budgetUsd !== undefined
      ? { budget: { limitUsd: options.budgetUsd, spentUsd: meta.budget?.spentUsd ?? 0, reached: false } }
      : {};
  let persisting = Promise.resolve();
  const persist = () =>
    (persisting = persisting.then(
      async () => void (meta = await writeRunFiles(layout, { meta, config, records, status, source, ending, inFlight })),
    ));

  const items: FollowedItem[] = [];
  for (let index = 0; index < config.chains; index += 1) {
    const chainId = chainIdFor(index);
    if (records.has(chainId)) continue;
    const data: ChainJob = {
      kind: 'chain',
      outDir: layout.outDir,
      runId: layout.runId,
      runKey,
      index,
      chainId,
      agentConfig: options.agentConfig ?? {},
      ...(options.cache ? { cache: options.cache } : {}),
      ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
    };
    items.push({ key: chainId, jobId: chainJobId(runKey, chainId), data });
  }
  const indexOf = (item: FollowedItem) => (item.data.kind === 'chain' ? item.data.index : 0);
  // A chain started again without a word why (its job was enqueued again): what it reached no longer counts.
  const startedCount = new Map<string, number>();
  const announcedRestart = new Set<string>();
  let outcome: FollowOutcome | undefined;
  try {
    outcome = await followJobs<ChainRecord>({
      redis,
      queue,
      channel: new RunChannel(redis, runKey),
      settings,
      url: displayUrl(run.url),
      items,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
      spentUsd: meta.budget?.spentUsd ?? 0,
      storedFinal: async (item) => {
        const record = await readChain(layout, item.key);
        return record && isFinishedChain(record) ? record : undefined;
      },
      errorRecord: async (item, reason) => {
        const stored = await readChain(layout, item.key).catch(() => undefined);
        if (stored && stored.status !== 'running') return stored;
        // The job failed for good without storing why (it never ran, or its worker died each time).
        const record = initialChainRecord(config, source, indexOf(item));
        const message = oneLine(reason || 'the job failed', 500);
        record.status = 'error';
        record.stopReason = `error: ${message}`;
        record.error = { code: 'QUEUE_JOB_FAILED', message };
        const writer = await ChainWriter.create(layout, record.chainId, { attempt: 'failed-job' });
        await writer.writeChain(record);
        await writer.install();
        return record;
      },
      onDone: async (_item, record) => {
        records.set(record.chainId, record);
        if (record.status === 'complete')
          emit({
            type: 'chain-finished',
            chainId: record.chainId,
            levels: record.levels.length,
            ...(record.stopReason ? { stopReason: record.stopReason } : {}),
          });
        else
          emit({
            type: 'chain-failed',
            chainId: record.chainId,
            error: record.error?.message ?? record.stopReason ?? 'failed',
            infrastructure: record.status === 'error',
          });
        await persist();
      },
      onInFlight: async (keys) => {
        inFlight = keys;
        await persist();
      },
      onWorkerEvent: ({ event, worker }, open) => {
        if (event.type === 'chain-stalled') return;
        if (event.type === 'model-call') {
          if (ending.budget)
            ending = { ...ending, budget: { ...ending.budget, spentUsd: Math.max(ending.budget.spentUsd, event.spentUsd) } };
          return emit(event);
        }
        if (!('chainId' in event) || !open(event.chainId)) return;
        // The follower reports a chain's end itself, once, when its job is done for good.
        if (event.type === 'chain-finished' || event.type === 'chain-failed') return;
        if (event.type === 'chain-retry') announcedRestart.add(event.chainId);
        if (event.type === 'chain-started') {
          const count = (startedCount.get(event.chainId) ?? 0) + 1;
          startedCount.set(event.chainId, count);
          if (count > 1 && !announcedRestart.has(event.chainId)) {
            emit({
              type: 'chain-retry',
              chainId: event.chainId,
              attempt: count - 1,
              reason: 'started again from its seed',
              redoneBy: `on worker ${worker}`,
            });
          }
          announcedRestart.delete(event.chainId);
        }
        emit(event);
      },
      onEnqueued: (added, alreadyQueued) => {
        notify({ type: 'enqueued', url: displayUrl(run.url), runKey, added, alreadyQueued, kept: records.size, unit: 'chain' });
        emit({ type: 'run-started', runId: layout.runId, chains: config.chains, maxLevel: config.maxLevel, resumedChains: records.size });
      },
      notify,
    });
  } finally {
    const stopReason = outcome?.stopReason ?? (options.signal?.aborted ? errorMessage(options.signal.reason) : undefined);
    status = stopReason !== undefined || outcome === undefined ? 'interrupted' : 'complete';
    const spentUsd = outcome?.spentUsd ?? ending.budget?.spentUsd ?? 0;
    ending = {
      ...(stopReason !== undefined ? { stopReason } : {}),
      ...(options.budgetUsd !== undefined
        ? {
            budget: {
              limitUsd: options.budgetUsd,
              spentUsd,
              reached: spentUsd >= options.budgetUsd || (stopReason?.startsWith('Budget reached') ?? false),
            },
          }
        : {}),
    };
    inFlight = new Set();
    // Attempts left apart by killed workers or stopped chains: their calls are kept, their files dropped.
    if (outcome && !outcome.leftRunning) await discardAttempts(layout).catch(() => undefined);
    await persist();
    await persisting;
    await queue.close().catch(() => undefined);
    emit({ type: 'run-finished', runId: layout.runId, status });
  }
  const sorted = [...records.values()].sort((a, b) => a.index - b.index);
  return { layout, meta, records: sorted };
}
