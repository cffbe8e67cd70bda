import PQueue from 'p-queue';
import { TrajsynthError, errorMessage } from '../core/errors.js';
import type { EpisodeRecord, EvalConfig, EvalRunMeta, EvalTask } from '../core/eval.js';
import { deriveSeed } from '../core/random.js';
import type { ModelCall } from '../core/usage.js';
import { checkOptions, EvaluateOptionsSchema } from '../core/run-options.js';
import { browserProcessesFor, launchBrowser } from '../browser/index.js';
import type { SessionFactory } from '../pipeline/chain-runner.js';
import { readEpisode, runLayout, writeEvalRunMeta, type RunLayout } from '../store/index.js';
import type { EvalAgent } from './eval-agent.js';
import { evalMetaFor, openEvalRun } from './eval-run-meta.js';
import { prepareRunForWriting } from '../pipeline/run-preflight.js';
import { runEpisode, type EpisodeJudge, type EpisodePlan } from './run-episode.js';
import { judgeSpecsProblem } from '../core/jury.js';
import { consensusOptions } from '../core/review-consensus.js';
import { selectTasks, type TaskSelection, type TaskSource } from './task-source.js';

export const DEFAULT_STEPS_PER_SUBTASK = 15;

export type EvalEvent =
  | { type: 'eval-started'; runId: string; episodes: number; resumed: number }
  | { type: 'episode-finished'; episode: EpisodeRecord }
  | { type: 'model-call'; call: ModelCall; spentUsd: number }
  | { type: 'eval-finished'; runId: string; status: EvalRunMeta['status'] };

export interface EvaluateOptions {
  /** Output directory holding trajectories/ (the same store as synthesis runs). */
  outDir: string;
  runId?: string;
  source: TaskSource;
  agent: EvalAgent;
  agentMode?: 'refs' | 'computer';
  /** A model judge asked about every episode, to calibrate it against the checker. */
  judge?: EpisodeJudge;
  /**
   * Several judges (a jury, `--judge A --judge B`): each asked about every episode, combined by
   * majority (ties fail), each and the jury calibrated against the checker. Takes precedence over `judge`.
   */
  judges?: readonly EpisodeJudge[];
  selection?: TaskSelection;
  /** Episodes per task, each with its own agent seed (default 1). */
  episodes?: number;
  /** Step budget per episode; by default `maxStepsPerSubtask` × k. */
  maxSteps?: number;
  maxStepsPerSubtask?: number;
  /** Invalid answers in a row that end an episode as the agent's failure (default 3). */
  maxInvalidInARow?: number;
  seed?: number;
  concurrency?: number;
  resume?: boolean;
  /** With resume: redo finished episodes whose files are damaged instead of refusing. */
  redoDamaged?: boolean;
  budgetUsd?: number;
  browser?: SessionFactory;
  executablePath?: string;
  signal?: AbortSignal;
  onEvent?: (event: EvalEvent) => void;
}

export interface EvaluationResult {
  layout: RunLayout;
  meta: EvalRunMeta;
  episodes: EpisodeRecord[];
}

export function defaultEvalRunId(sourceId: string, agentSpec: string): string {
  return `${sourceId}-eval-${agentSlug(agentSpec)}`;
}

/** An agent spec as part of a run id: `noisy-gold:0.02,form=0.4` → `noisy-gold-0.02-form-0.4`. */
export function agentSlug(agentSpec: string): string {
  return agentSpec
    .replace(/^https?:\/\//, 'http-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+$/, '');
}

/** What an evaluation is asked to do, apart from where it is stored and how it is run. */
export type EvaluationPlanOptions = Pick<
  EvaluateOptions,
  'source' | 'agentMode' | 'selection' | 'episodes' | 'maxSteps' | 'maxStepsPerSubtask' | 'seed' | 'concurrency'
> & {
  agentSpec: string;
  judge?: { spec: string };
  judges?: ReadonlyArray<{ spec: string }>;
};

/**
 * The evaluation's configuration (as run.json records it) and its episodes, in order: every selected
 * task × `episodes`, each with an agent seed derived from the evaluation's seed and the episode id.
 * The same for a local evaluation and a queued one, and for every worker of a queued one.
 */
export function planEvaluation(options: EvaluationPlanOptions): { config: EvalConfig; plans: EpisodePlan[] } {
  const { source } = options;
  const selection = options.selection ?? {};
  const tasks = selectTasks(source, selection);
  const config: EvalConfig = {
    source: source.id,
    sourceKind: source.kind,
    agent: options.agentSpec,
    ...(options.agentMode ? { agentMode: options.agentMode } : {}),
    ...judgesConfig(options),
    levels: [...new Set(tasks.map((task) => task.level))].sort((a, b) => a - b),
    ...(selection.environments ? { environments: [...selection.environments] } : {}),
    ...(selection.limit !== undefined ? { limit: selection.limit } : {}),
    validOnly: selection.validOnly ?? false,
    ...(selection.validOnly && source.reviews?.length ? { minReviewers: consensusOptions(selection.consensus).minReviewers } : {}),
    episodes: options.episodes ?? 1,
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    maxStepsPerSubtask: options.maxStepsPerSubtask ?? DEFAULT_STEPS_PER_SUBTASK,
    seed: options.seed ?? 1,
    concurrency: options.concurrency ?? 2,
  };
  if (tasks.length === 0) {
    throw new TrajsynthError(`Expected tasks to evaluate in ${source.id}, got none after the filters`, {
      code: 'BAD_INPUT',
      hint: 'Check --levels, --env and --valid-only against the source (trajsynth inspect RUN).',
    });
  }
  const plans: EpisodePlan[] = tasks.flatMap((task) =>
    Array.from({ length: config.episodes }, (_, repeat) => {
      const episodeId = `${task.chainId}-L${task.level}-e${repeat + 1}`;
      return { episodeId, task, repeat, agentSeed: deriveSeed(config.seed, 'agent', episodeId) };
    }),
  );
  return { config, plans };
}

/** run.json's judges: `judge` with one (as before juries existed), `judges` with several. */
function judgesConfig(options: Pick<EvaluationPlanOptions, 'judge' | 'judges'>): Pick<EvalConfig, 'judge' | 'judges'> {
  const specs = options.judges?.length ? options.judges.map((judge) => judge.spec) : options.judge ? [options.judge.spec] : [];
  const problem = specs.length ? judgeSpecsProblem(specs) : undefined;
  if (problem)
    throw new TrajsynthError(problem, { code: 'BAD_INPUT', hint: 'Pass --judge anthropic:MODEL or openai:MODEL, once per judge.' });
  if (specs.length === 0) return {};
  return specs.length === 1 ? { judge: specs[0]! } : { judges: specs };
}

/** The judges an episode is asked by: the jury, else the single judge. */
export function episodeJudges(options: Pick<EvaluateOptions, 'judge' | 'judges'>): EpisodeJudge[] {
  return options.judges?.length ? [...options.judges] : options.judge ? [options.judge] : [];
}

/** Episodes kept from an earlier attempt (--resume): finished ones, except damaged ones to redo. */
export async function keptEpisodes(
  layout: RunLayout,
  plans: readonly EpisodePlan[],
  options: { resume: boolean; redo: ReadonlySet<string> },
): Promise<Map<string, EpisodeRecord>> {
  const records = new Map<string, EpisodeRecord>();
  if (!options.resume) return records;
  for (const plan of plans) {
    if (options.redo.has(plan.episodeId)) continue;
    const existing = await readEpisode(layout, plan.episodeId);
    if (existing?.status === 'finished') records.set(plan.episodeId, existing);
  }
  return records;
}

/** One episode of an evaluation, as the local loop and a queue worker both run it. */
export interface EvalEpisodeInput {
  plan: EpisodePlan;
  layout: RunLayout;
  config: EvalConfig;
  agent: EvalAgent;
  browser: SessionFactory;
  source: TaskSource;
  judge?: EpisodeJudge;
  judges?: readonly EpisodeJudge[];
  maxInvalidInARow?: number;
  onCall: (call: ModelCall) => void;
  signal: AbortSignal;
  /** Queue mode: the attempt's name (see EpisodeContext.attempt). */
  attempt?: string;
}

/**
 * Runs and stores one episode (runEpisode) with its step budget; a crashed browser or renderer is
 * the harness's failure, and the episode is redone (bounded) in the relaunched browser. Returns
 * undefined when stopped.
 */
export async function runEvalEpisode(input: EvalEpisodeInput): Promise<EpisodeRecord | undefined> {
  let record: EpisodeRecord | undefined;
  for (let attempt = 0; attempt <= MAX_CRASH_RETRIES; attempt += 1) {
    record = await runEpisode(input.plan, {
      layout: input.layout,
      agent: input.agent,
      browser: input.browser,
      source: input.source,
      maxSteps: await stepBudget(input.plan.task, input.config, input.agent),
      maxInvalidInARow: input.maxInvalidInARow ?? 3,
      ...(input.judge ? { judge: input.judge } : {}),
      ...(input.judges?.length ? { judges: input.judges } : {}),
      onCall: input.onCall,
      signal: input.signal,
      ...(input.attempt !== undefined ? { attempt: `${input.attempt}${attempt > 0 ? `-r${attempt}` : ''}` } : {}),
    });
    if (record?.status !== 'error' || record.error?.code !== 'BROWSER_CRASHED' || input.signal.aborted) break;
  }
  return record;
}

/**
 * Runs an agent on level-k tasks: each episode starts the task's app from its seeded reset on the
 * task's start page, gives the agent the task text, and lets it act until it says `done` or spends
 * its step budget; the checker decides success, and progress counts the subtasks completed in
 * order. Episodes are stored as trajectories beside synthesis runs; interrupted or errored episodes
 * are redone on --resume, finished ones are kept.
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluationResult> {
  checkOptions(EvaluateOptionsSchema, options, 'evaluate');
  const { source, agent } = options;
  const runId = options.runId ?? defaultEvalRunId(source.id, agent.spec);
  const layout = runLayout(options.outDir, runId);
  const { config, plans } = planEvaluation({ ...options, agentSpec: agent.spec });
  // Before any work: --out can be written, no other process holds the run, kept episodes are intact.
  const prepared = await prepareRunForWriting(layout, {
    resume: options.resume ?? false,
    redoDamaged: options.redoDamaged ?? false,
    command: 'eval',
  });
  try {
    return await evaluateLocked(options, { layout, config, plans, redo: prepared.redo });
  } finally {
    await prepared.lock.release();
  }
}

async function evaluateLocked(
  options: EvaluateOptions,
  run: { layout: RunLayout; config: EvalConfig; plans: EpisodePlan[]; redo: ReadonlySet<string> },
): Promise<EvaluationResult> {
  const { source, agent, signal } = options;
  const { layout, config, plans } = run;
  const runId = layout.runId;
  const records = await keptEpisodes(layout, plans, { resume: options.resume ?? false, redo: run.redo });
  let meta = await openEvalRun(layout, config, options.resume ?? false);

  const budgetStop = new AbortController();
  const runSignal = signal ? AbortSignal.any([signal, budgetStop.signal]) : budgetStop.signal;
  let spentUsd = meta.budget?.spentUsd ?? 0;
  const spend = (usd: number | undefined) => {
    spentUsd += usd ?? 0;
    if (options.budgetUsd !== undefined && spentUsd >= options.budgetUsd && !budgetStop.signal.aborted) {
      budgetStop.abort(
        new TrajsynthError(`Budget reached: spent $${spentUsd.toFixed(4)} of $${options.budgetUsd.toFixed(4)}`, {
          code: 'BUDGET_EXCEEDED',
        }),
      );
    }
  };
  const onCall = (call: ModelCall) => {
    spend(call.costUsd);
    options.onEvent?.({ type: 'model-call', call, spentUsd });
  };
  const ending = (): Pick<EvalRunMeta, 'stopReason' | 'budget'> => ({
    ...(runSignal.aborted ? { stopReason: errorMessage(runSignal.reason) } : {}),
    ...(options.budgetUsd !== undefined ? { budget: { limitUsd: options.budgetUsd, spentUsd, reached: budgetStop.signal.aborted } } : {}),
  });
  let status: EvalRunMeta['status'] = 'running';
  let persisting = Promise.resolve();
  const persist = () =>
    (persisting = persisting.then(() =>
      writeEvalRunMeta(layout, (meta = evalMetaFor(meta, plans.length, records.values(), status, ending()))),
    ));

  options.onEvent?.({ type: 'eval-started', runId, episodes: plans.length, resumed: records.size });
  const ownsBrowser = !options.browser;
  let crashed: unknown;
  const browser =
    options.browser ??
    (await launchBrowser({
      ...(options.executablePath ? { executablePath: options.executablePath } : {}),
      processes: browserProcessesFor(config.concurrency),
      ...(signal ? { signal } : {}),
    }));
  try {
    const queue = new PQueue({ concurrency: config.concurrency });
    for (const plan of plans) {
      if (records.has(plan.episodeId)) continue;
      void queue
        .add(async () => {
          if (runSignal.aborted) return;
          const record = await runEvalEpisode({
            plan,
            layout,
            config,
            agent,
            browser,
            source,
            judges: episodeJudges(options),
            ...(options.maxInvalidInARow !== undefined ? { maxInvalidInARow: options.maxInvalidInARow } : {}),
            onCall,
            signal: runSignal,
          });
          if (!record) return;
          spend(record.agentUsage?.costUsd);
          records.set(plan.episodeId, record);
          options.onEvent?.({ type: 'episode-finished', episode: record });
          await persist();
        })
        .catch((error: unknown) => {
          crashed ??= error;
        });
    }
    await queue.onIdle();
    if (crashed !== undefined) throw crashed;
  } finally {
    status = crashed !== undefined ? 'failed' : runSignal.aborted ? 'interrupted' : 'complete';
    if (ownsBrowser) await (browser as Partial<{ close(): Promise<void> }>).close?.().catch(() => undefined);
    await agent.close?.().catch(() => undefined);
    await persist();
    options.onEvent?.({ type: 'eval-finished', runId, status });
  }
  const episodes = plans.map((plan) => records.get(plan.episodeId)).filter((record): record is EpisodeRecord => record !== undefined);
  return { layout, meta, episodes };
}

/** How many times an episode is redone in one run after the browser or its renderer crashed under it. */
const MAX_CRASH_RETRIES = 2;

/** The step budget of one episode: --max-steps, else per-subtask steps × k (never less than the agent needs). */
async function stepBudget(task: EvalTask, config: EvalConfig, agent: EvalAgent): Promise<number> {
  if (config.maxSteps !== undefined) return config.maxSteps;
  const scaled = config.maxStepsPerSubtask * task.level;
  const needed = agent.minimumSteps ? await agent.minimumSteps(task).catch(() => 0) : 0;
  return Math.max(scaled, needed);
}
