import { Queue } from 'bullmq';
import { SCHEMA_VERSION } from '../core/chain.js';
import { errorMessage, oneLine } from '../core/errors.js';
import type { EpisodeRecord, EvalRunMeta } from '../core/eval.js';
import { emptyUsage } from '../core/usage.js';
import type { AgentConfig } from '../pipeline/agent-config.js';
import { prepareRunForWriting } from '../pipeline/run-preflight.js';
import {
  defaultEvalRunId,
  keptEpisodes,
  planEvaluation,
  type EvalEvent,
  type EvaluationResult,
  type EvaluateOptions,
} from '../eval/evaluate.js';
import { evalMetaFor, openEvalRun } from '../eval/eval-run-meta.js';
import type { EpisodePlan } from '../eval/run-episode.js';
import { discardAttempts, EpisodeWriter, readEpisode, runLayout, writeEvalRunMeta } from '../store/index.js';
import { followJobs, type FollowEvent, type FollowOutcome, type FollowedItem } from './job-follower.js';
import { QUEUE_NAME, QUEUE_PREFIX, episodeJobId, runKeyFor, type EpisodeJob } from './queue-keys.js';
import { queueSettings } from './queue-settings.js';
import { closeRedis, connectRedis, displayUrl, parseRedisUrl } from './redis-connection.js';
import { RunChannel } from './run-channel.js';

export interface QueuedEvaluationOptions extends Omit<EvaluateOptions, 'judge' | 'judges' | 'browser' | 'executablePath'> {
  queueUrl: string;
  /** SOURCE as given on the command line and the --out it resolves in: every worker loads it again. */
  sourceRef: { arg: string; outDir: string };
  judge?: { spec: string };
  /** A jury: every worker builds the judges from run.json's config (see runEpisodeJob). */
  judges?: ReadonlyArray<{ spec: string }>;
  /** Provider settings and prices for model agents and judges (keys come from each worker's environment). */
  agentConfig?: AgentConfig;
  cache?: { dir: string; mode: 'read-write' | 'read-only' };
  agentTimeoutMs?: number;
  onQueueEvent?: (event: FollowEvent) => void;
}

/**
 * `eval --queue`: creates the evaluation run as a local one does, enqueues one job per episode and
 * follows the workers until every episode job is done; run.json is written from the stored episodes
 * with the code a local evaluation uses. Ctrl-C and budgets work as for `synth --queue`.
 */
export async function evaluateOnQueue(options: QueuedEvaluationOptions): Promise<EvaluationResult> {
  const url = parseRedisUrl(options.queueUrl);
  const notify = options.onQueueEvent ?? (() => {});
  const redis = await connectRedis(url, {
    onConnection: (event) => notify({ type: 'connection', ...event }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const { source, agent } = options;
    const layout = runLayout(options.outDir, options.runId ?? defaultEvalRunId(source.id, agent.spec));
    const { config, plans } = planEvaluation({ ...options, agentSpec: agent.spec });
    const prepared = await prepareRunForWriting(layout, {
      resume: options.resume ?? false,
      redoDamaged: options.redoDamaged ?? false,
      command: 'eval --queue',
    });
    const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
    queue.on('error', () => undefined);
    try {
      const records = await keptEpisodes(layout, plans, { resume: options.resume ?? false, redo: prepared.redo });
      let meta: EvalRunMeta = await openEvalRun(layout, config, options.resume ?? false);
      const runKey = runKeyFor(layout.outDir, layout.runId);
      const emit = (event: EvalEvent) => options.onEvent?.(event);
      let status: EvalRunMeta['status'] = 'running';
      let ending: Pick<EvalRunMeta, 'stopReason' | 'budget'> = {};
      let persisting = Promise.resolve();
      const persist = () =>
        (persisting = persisting.then(() =>
          writeEvalRunMeta(layout, (meta = evalMetaFor(meta, plans.length, records.values(), status, ending))),
        ));
      const byId = new Map(plans.map((plan) => [plan.episodeId, plan]));
      const items: FollowedItem[] = plans
        .filter((plan) => !records.has(plan.episodeId))
        .map((plan) => {
          const data: EpisodeJob = {
            kind: 'episode',
            outDir: layout.outDir,
            runId: layout.runId,
            runKey,
            episodeId: plan.episodeId,
            source: options.sourceRef,
            selection: {
              ...(options.selection?.levels ? { levels: [...options.selection.levels] } : {}),
              ...(options.selection?.environments ? { environments: [...options.selection.environments] } : {}),
              ...(options.selection?.limit !== undefined ? { limit: options.selection.limit } : {}),
              ...(options.selection?.validOnly !== undefined ? { validOnly: options.selection.validOnly } : {}),
              ...(options.selection?.consensus ? { consensus: options.selection.consensus } : {}),
            },
            agentConfig: options.agentConfig ?? {},
            ...(options.cache ? { cache: options.cache } : {}),
            ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
            ...(options.agentTimeoutMs !== undefined ? { agentTimeoutMs: options.agentTimeoutMs } : {}),
            ...(options.maxInvalidInARow !== undefined ? { maxInvalidInARow: options.maxInvalidInARow } : {}),
          };
          return { key: plan.episodeId, jobId: episodeJobId(runKey, plan.episodeId), data };
        });
      let outcome: FollowOutcome | undefined;
      try {
        outcome = await followJobs<EpisodeRecord>({
          redis,
          queue,
          channel: new RunChannel(redis, runKey),
          settings: queueSettings(),
          url: displayUrl(url),
          items,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
          spentUsd: meta.budget?.spentUsd ?? 0,
          storedFinal: async (item) => {
            const record = await readEpisode(layout, item.key);
            return record?.status === 'finished' ? record : undefined;
          },
          errorRecord: async (item, reason) => {
            const stored = await readEpisode(layout, item.key).catch(() => undefined);
            if (stored && stored.status !== 'running') return stored;
            return writeErrorEpisode(layout, byId.get(item.key)!, agent.spec, reason);
          },
          onDone: async (_item, record) => {
            records.set(record.episodeId, record);
            emit({ type: 'episode-finished', episode: record });
            await persist();
          },
          onInFlight: async () => undefined,
          onWorkerEvent: ({ event }) => {
            if (event.type === 'model-call') emit(event);
          },
          onEnqueued: (added, alreadyQueued) => {
            notify({ type: 'enqueued', url: displayUrl(url), runKey, added, alreadyQueued, kept: records.size, unit: 'episode' });
            emit({ type: 'eval-started', runId: layout.runId, episodes: plans.length, resumed: records.size });
          },
          notify,
        });
      } finally {
        const stopReason = outcome?.stopReason ?? (options.signal?.aborted ? errorMessage(options.signal.reason) : undefined);
        status = stopReason !== undefined || outcome === undefined ? 'interrupted' : 'complete';
        const spentUsd = outcome?.spentUsd ?? 0;
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
        // Attempts left apart by killed workers or stopped episodes: their calls are kept, their files dropped.
        if (outcome && !outcome.leftRunning) await discardAttempts(layout).catch(() => undefined);
        await persist();
        await persisting;
        emit({ type: 'eval-finished', runId: layout.runId, status });
      }
      const episodes = plans.map((plan) => records.get(plan.episodeId)).filter((record): record is EpisodeRecord => record !== undefined);
      return { layout, meta, episodes };
    } finally {
      await queue.close().catch(() => undefined);
      await prepared.lock.release();
    }
  } finally {
    closeRedis(redis);
  }
}

/** An episode whose job failed for good without storing why (it never ran, or its worker died each time). */
async function writeErrorEpisode(
  layout: ReturnType<typeof runLayout>,
  plan: EpisodePlan,
  agent: string,
  reason: string,
): Promise<EpisodeRecord> {
  const now = new Date().toISOString();
  const record: EpisodeRecord = {
    schemaVersion: SCHEMA_VERSION,
    episodeId: plan.episodeId,
    task: plan.task,
    repeat: plan.repeat,
    agent,
    agentSeed: plan.agentSeed,
    maxSteps: 1,
    status: 'error',
    endedBy: 'error',
    error: { code: 'QUEUE_JOB_FAILED', message: oneLine(reason || 'the job failed', 500) },
    invalidAnswers: [],
    stepCount: 0,
    usage: emptyUsage(),
    startedAt: now,
    finishedAt: now,
  };
  const writer = await EpisodeWriter.create(layout, plan.episodeId);
  await writer.writeEpisode(record);
  return record;
}
