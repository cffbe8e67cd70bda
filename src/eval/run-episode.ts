import { performance } from 'node:perf_hooks';
import { SCHEMA_VERSION } from '../core/chain.js';
import type { RunningEnvironment } from '../core/environment.js';
import { errorMessage, isTrajsynthError, oneLine } from '../core/errors.js';
import type { EpisodeRecord, EvalTask, JudgeOpinion, JuryOpinion } from '../core/eval.js';
import { tallyJury } from '../core/jury.js';
import type { CapturedObservation } from '../core/observation.js';
import { addUsage, emptyUsage, usageOfCall, type ModelCall } from '../core/usage.js';
import type { CallRecorder, LanguageModel } from '../model/language-model.js';
import { askJudge } from '../agents/model/model-verifier.js';
import { isInvalidOutput } from '../agents/model/structured.js';
import type { EpisodePolicy } from '../agents/policy.js';
import { runPolicy, type PolicyRun } from '../agents/policy-loop.js';
import { environmentSource } from '../environments/environment-source.js';
import { URL_ENVIRONMENT_ID } from '../environments/url-environment.js';
import type { PipelineSession, SessionFactory } from '../pipeline/chain-runner.js';
import { evaluateOnEpisode, holdsOnEpisode, openAtReset } from '../pipeline/episode-start.js';
import { createStepRecorder } from '../store/step-recorder.js';
import { EpisodeWriter, type RunLayout } from '../store/index.js';
import type { EvalAgent } from './eval-agent.js';
import { decideLevel, ProgressTracker } from './progress-tracker.js';
import type { TaskSource } from './task-source.js';

export interface EpisodePlan {
  episodeId: string;
  task: EvalTask;
  repeat: number;
  agentSeed: number;
}

export interface EpisodeJudge {
  spec: string;
  model: LanguageModel;
}

export interface EpisodeContext {
  layout: RunLayout;
  agent: EvalAgent;
  browser: SessionFactory;
  source: TaskSource;
  maxSteps: number;
  maxInvalidInARow: number;
  /** A model judge asked about the episode, beside the checker. */
  judge?: EpisodeJudge;
  /** Several judges (a jury): each asked, and their majority recorded (ties fail). Takes precedence over `judge`. */
  judges?: readonly EpisodeJudge[];
  onCall: (call: ModelCall) => void;
  signal: AbortSignal;
  /**
   * Queue mode: a name for this attempt, so that the episode is written apart and moved into
   * episodes/ whole when it ends (a worker killed mid-episode never leaves half of one there).
   */
  attempt?: string;
}

/**
 * One evaluation episode, stored as it happens under episodes/<id>/: the app from its seeded reset
 * on the task's start page, the agent acting until `done` or its step budget, progress scored after
 * every step, the checker at the end, and (with a judge or a jury) their opinions beside it. A harness
 * or agent-endpoint failure is recorded as an error, never as the agent's failure. Returns
 * undefined when the run was interrupted (the episode is redone on --resume).
 */
export async function runEpisode(plan: EpisodePlan, context: EpisodeContext): Promise<EpisodeRecord | undefined> {
  const { task } = plan;
  const { signal } = context;
  const started = performance.now();
  const record: EpisodeRecord = {
    schemaVersion: SCHEMA_VERSION,
    episodeId: plan.episodeId,
    task,
    repeat: plan.repeat,
    agent: context.agent.spec,
    agentSeed: plan.agentSeed,
    maxSteps: context.maxSteps,
    status: 'running',
    invalidAnswers: [],
    stepCount: 0,
    usage: emptyUsage(),
    startedAt: new Date().toISOString(),
  };
  const writer = await EpisodeWriter.create(
    context.layout,
    plan.episodeId,
    context.attempt !== undefined ? { attempt: context.attempt } : {},
  );
  await writer.writeEpisode(record);
  let callUsage = emptyUsage();
  let callWrites = Promise.resolve();
  const recorder: CallRecorder = {
    record(call) {
      const stored: ModelCall = { ...call, chainId: task.chainId, level: task.level, at: new Date().toISOString() };
      callUsage = addUsage(callUsage, { ...usageOfCall(call), calls: 0 });
      callWrites = callWrites.then(() => writer.appendCall(stored));
      context.onCall(stored);
    },
  };
  const steps = createStepRecorder(writer);
  let environment: RunningEnvironment | undefined;
  let session: PipelineSession | undefined;
  let policy: EpisodePolicy | undefined;
  const finish = async (fields: Partial<EpisodeRecord>): Promise<EpisodeRecord> => {
    await callWrites;
    Object.assign(record, fields, {
      stepCount: steps.count,
      usage: addUsage({ ...emptyUsage(), steps: steps.count, wallMs: Math.round(performance.now() - started) }, callUsage),
      finishedAt: new Date().toISOString(),
    });
    await writer.writeEpisode(record);
    await writer.install();
    return record;
  };
  try {
    environment = await startEnvironmentFor(task, context.source, signal);
    const opened = await openAtReset({ environment, envSeed: task.envSeed, startPath: task.startPath }, context.browser, { signal });
    session = opened.session;
    policy = await context.agent.startEpisode(
      {
        episodeId: plan.episodeId,
        task: task.text,
        viewport: opened.observation.viewport,
        seed: plan.agentSeed,
        maxSteps: context.maxSteps,
        signal,
      },
      task,
    );
    let current: CapturedObservation = opened.observation;
    const live = (answer?: string) => ({ environment: environment!, session: session!, observation: current, answer });
    const tracker = new ProgressTracker(task.subtaskChecks, (predicates) => holdsOnEpisode(predicates, live(), signal));
    const run: PolicyRun = await runPolicy({
      policy,
      session,
      observation: opened.observation,
      maxSteps: context.maxSteps,
      maxInvalidInARow: context.maxInvalidInARow,
      recordDone: true,
      recordStep: (step) => steps.record(step, plan.episodeId),
      afterStep: async (observation, executed) => {
        current = observation;
        if (executed.action.type !== 'done') await tracker.update(steps.count);
      },
      recorder,
      signal,
    });
    current = run.finalObservation;
    const checkerAtEnd = await evaluateOnEpisode(task.checker, live(run.answer), signal);
    await tracker.finish(steps.count, run.answer);
    const decided = decideLevel(task, checkerAtEnd, tracker.progress);
    const success = decided.success && run.endedBy !== 'invalid-actions';
    // A level decided by its checker alone credits every subtask when it holds, whatever the order.
    if (success && !task.ordered) tracker.creditAll(steps.count);
    const jurors = context.judges?.length ? context.judges : context.judge ? [context.judge] : [];
    const opinions = await Promise.all(jurors.map((juror) => judgeEpisode(juror, task, run, opened.observation, recorder, signal)));
    const judged = jurors.length > 1 ? { jury: juryOpinion(jurors, opinions) } : opinions[0] ? { judge: opinions[0] } : {};
    return await finish({
      status: 'finished',
      endedBy: run.endedBy,
      success,
      ...(tracker.scored ? { progress: tracker.progress, milestones: [...tracker.milestones] } : {}),
      ...(run.answer !== undefined ? { answer: run.answer } : {}),
      checkerAtEnd,
      ...(success ? {} : { failureReason: failureReason(run, decided.reason) }),
      invalidAnswers: run.invalid,
      ...(run.reportedUsage ? { agentUsage: run.reportedUsage } : {}),
      ...judged,
    });
  } catch (error) {
    if (signal.aborted || (isTrajsynthError(error) && error.code === 'ABORTED')) {
      await callWrites;
      await writer.drain().catch(() => undefined);
      return undefined;
    }
    const code = isTrajsynthError(error) ? error.code : 'INTERNAL';
    return await finish({ status: 'error', endedBy: 'error', error: { code, message: oneLine(errorMessage(error)) } });
  } finally {
    await policy?.end?.().catch(() => undefined);
    await session?.close().catch(() => undefined);
    await environment?.close().catch(() => undefined);
  }
}

/** The task's app: a bundled app by id, or the website a --url run was made on. */
function startEnvironmentFor(task: EvalTask, source: TaskSource, signal: AbortSignal): Promise<RunningEnvironment> {
  const environments =
    task.environment === URL_ENVIRONMENT_ID && source.site
      ? environmentSource(URL_ENVIRONMENT_ID, source.site)
      : environmentSource(task.environment);
  return environments.start(environments.manifests[0]!, task.envSeed, signal);
}

/** Why a finished episode failed: how it ended, and the subtask or checker predicates left unmet. */
function failureReason(run: PolicyRun, unmet: string | undefined): string {
  if (run.endedBy === 'invalid-actions')
    return `ended by invalid answers (${run.invalid.length} in all): ${run.invalid[run.invalid.length - 1]?.error ?? ''}`;
  return `${run.endedBy === 'step-limit' ? 'step limit reached' : 'said done'}; ${unmet ?? 'unmet: nothing'}`;
}

/** The jury's record: every answer, the abstentions, and the majority of the seats (ties fail). */
function juryOpinion(jurors: readonly EpisodeJudge[], opinions: ReadonlyArray<JudgeOpinion | undefined>): JuryOpinion {
  const tally = tallyJury(opinions.map((opinion) => opinion?.success));
  return {
    success: tally.success,
    split: tally.split,
    opinions: opinions.filter((opinion): opinion is JudgeOpinion => opinion !== undefined),
    abstained: jurors.filter((_, index) => opinions[index] === undefined).map((juror) => juror.spec),
  };
}

async function judgeEpisode(
  judge: EpisodeJudge,
  task: EvalTask,
  run: PolicyRun,
  before: CapturedObservation,
  recorder: CallRecorder,
  signal: AbortSignal,
): Promise<JudgeOpinion | undefined> {
  try {
    const answer = await askJudge({
      model: judge.model,
      task: task.text,
      actions: run.actions,
      answer: run.answer,
      before,
      after: run.finalObservation,
      recorder,
      signal,
    });
    return { success: answer.success, confidence: answer.confidence, reasons: answer.reasons, model: judge.spec };
  } catch (error) {
    if (isInvalidOutput(error)) return undefined;
    throw error;
  }
}
