import { randomBytes } from 'node:crypto';
import { errorMessage, oneLine } from '../core/errors.js';
import { configJudges, type EvalConfig } from '../core/eval.js';
import { createEvalAgent } from '../eval/agent-spec.js';
import type { EvalAgent } from '../eval/eval-agent.js';
import { planEvaluation, runEvalEpisode } from '../eval/evaluate.js';
import type { EpisodeJudge, EpisodePlan } from '../eval/run-episode.js';
import { loadTaskSource, type TaskSource } from '../eval/task-source.js';
import { readEpisode, readEvalRunMeta, runLayout } from '../store/index.js';
import { PermanentJobError, type ChainJobInput } from './chain-job.js';
import { builtOnThisWorker } from './run-context.js';
import type { EpisodeJob, JobOutcome } from './queue-keys.js';

export type EpisodeJobInput = Omit<ChainJobInput, 'job'> & { job: EpisodeJob };

interface EvalRunOnWorker {
  config: EvalConfig;
  source: TaskSource;
  agent: EvalAgent;
  judges: EpisodeJudge[];
  plans: Map<string, EpisodePlan>;
}

/**
 * Runs one episode of a queued evaluation with the same code as a local one (runEvalEpisode), from
 * the evaluation's run.json and its task source on the shared store. The episode is written apart
 * and moved into episodes/ whole when it ends, so an attempt cut short is never half-kept. An episode
 * already finished in the store is not run again; one that ends on an error throws, so that BullMQ
 * retries it.
 */
export async function runEpisodeJob(input: EpisodeJobInput): Promise<JobOutcome> {
  const { job, context, worker } = input;
  const layout = runLayout(job.outDir, job.runId);
  const run = await context.memo<EvalRunOnWorker>(`eval:${job.runKey}`, async () => {
    let config: EvalConfig;
    let source: TaskSource;
    try {
      config = (await readEvalRunMeta(layout)).config;
      source = await loadTaskSource(job.source.arg, job.source.outDir);
    } catch (error) {
      throw new PermanentJobError(
        `Expected evaluation "${job.runId}" and its source ${job.source.arg} under ${job.outDir} (the store must be on a filesystem every worker shares), got: ${oneLine(errorMessage(error))}`,
      );
    }
    const models = context.models();
    const { agent, judges } = builtOnThisWorker(() => {
      const agent = createEvalAgent(config.agent, {
        source,
        models,
        ...(config.agentMode ? { agentMode: config.agentMode } : {}),
        http: { timeoutMs: job.agentTimeoutMs ?? 60_000 },
      });
      const judges = configJudges(config).map((spec) => ({ spec, model: models.modelFor(spec) }));
      return { agent, judges };
    });
    const { plans } = planEvaluation({
      source,
      agentSpec: config.agent,
      ...(config.agentMode ? { agentMode: config.agentMode } : {}),
      judges,
      selection: job.selection,
      episodes: config.episodes,
      ...(config.maxSteps !== undefined ? { maxSteps: config.maxSteps } : {}),
      maxStepsPerSubtask: config.maxStepsPerSubtask,
      seed: config.seed,
      concurrency: config.concurrency,
    });
    return { config, source, agent, judges, plans: new Map(plans.map((plan) => [plan.episodeId, plan])) };
  });
  const plan = run.plans.get(job.episodeId);
  if (!plan)
    throw new PermanentJobError(
      `Expected episode ${job.episodeId} among the evaluation's episodes, got none of that id (was the source run changed since?)`,
    );
  const existing = await readEpisode(layout, job.episodeId).catch(() => undefined);
  if (existing?.status === 'finished') return { outcome: 'already-finished', status: 'finished', worker };
  const signal = AbortSignal.any([context.stop, input.signal]);
  if (signal.aborted) return { outcome: 'stopped', worker };
  const record = await runEvalEpisode({
    plan,
    layout,
    config: run.config,
    agent: run.agent,
    browser: input.browser,
    source: run.source,
    judges: run.judges,
    ...(job.maxInvalidInARow !== undefined ? { maxInvalidInARow: job.maxInvalidInARow } : {}),
    // Written apart and moved into episodes/ whole: a stalled job taken over by another worker while
    // the first still writes never mixes two attempts' files.
    attempt: `${worker.replace(/[^A-Za-z0-9_-]+/g, '-')}-a${input.attemptsStarted}-${randomBytes(3).toString('hex')}`,
    onCall: (call) => {
      void context
        .onCall(call)
        .then((spentUsd) => context.channel.publish({ event: { type: 'model-call', call, spentUsd: spentUsd ?? 0 }, worker }))
        .catch(() => undefined);
    },
    signal,
  });
  if (!record) return { outcome: 'stopped', worker };
  // Costs an agent reports itself count against the budget too (as in a local evaluation).
  const reported = record.agentUsage?.costUsd;
  if (reported) await context.addReported(reported).catch(() => undefined);
  if (record.status === 'error') {
    throw new Error(
      `${record.error?.code ?? 'INTERNAL'}: ${record.error?.message ?? 'the episode ended on an error'}${input.willRetry ? '' : ' (no attempts left)'}`,
    );
  }
  return { outcome: 'finished', status: record.success ? 'success' : 'failure', worker };
}
