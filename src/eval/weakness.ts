/**
 * A model of one agent's weakness, from an evaluation with progress by subtask: how likely the agent
 * completes a subtask given its interaction kind, app, position in the chain and postcondition kind;
 * which kinds sit significantly below the pooled rate; and the frontier level k* where its predicted
 * success on a level-k task is nearest a target. Pure functions over episode records.
 */
import type { EpisodeRecord, EvalTask } from '../core/eval.js';
import type { Interval } from '../core/results.js';
import {
  predicateKindOf,
  predictSubtask,
  predictTask,
  type SubtaskFeatures,
  type SuccessBand,
  type SynthesisTarget,
  type WeaknessModel,
} from '../core/target.js';
import type { InteractionKind } from '../core/task.js';
import { wilsonInterval } from './statistics.js';
import { fitWeaknessModel, perStepSlip, type SubtaskObservation } from './weakness-fit.js';

export { fitWeaknessModel, perStepSlip, type SubtaskObservation };

/** The gold actions of subtask `index` (0-based) of a task, when the source's steps are at hand. */
export type ActionsOf = (task: EvalTask, index: number) => number | undefined;

/**
 * The subtasks each finished episode reached, in order: those it completed (progress) and the one it
 * failed on. Later ones are unobserved (the agent never got to them with the earlier ones done).
 * A subtask whose postcondition is an answer but is not the last one can only be judged against the
 * final answer, which answers the last read: it and every subtask after it are left out, in every
 * episode alike, so leaving them out does not depend on the outcome.
 */
export function subtaskObservations(episodes: readonly EpisodeRecord[], actionsOf?: ActionsOf): SubtaskObservation[] {
  const observations: SubtaskObservation[] = [];
  for (const episode of episodes) {
    if (episode.status !== 'finished' || episode.success === undefined) continue;
    const { task } = episode;
    const count = task.subtaskChecks.length;
    if (count === 0 || count !== task.level) continue;
    const progress = episode.success ? count : Math.min(episode.progress ?? 0, count);
    const middleAnswer = task.subtaskChecks.findIndex(
      (checks, index) => index < count - 1 && checks.some((predicate) => predicate.kind === 'answer'),
    );
    const observable = middleAnswer === -1 ? count : middleAnswer;
    const reached = Math.min(observable, episode.success ? count : progress + 1);
    for (let index = 0; index < reached; index += 1) {
      const actions = actionsOf?.(task, index);
      observations.push({
        features: featuresOf(task, index, actionsOf),
        success: index < progress,
        ...(actions !== undefined ? { actions } : {}),
        chainId: task.chainId,
        level: task.level,
      });
    }
  }
  return observations;
}

/** The features of subtask `index` (0-based) of a task. */
export function featuresOf(task: EvalTask, index: number, actionsOf?: ActionsOf): SubtaskFeatures {
  const actions = actionsOf?.(task, index);
  return {
    interaction: task.subtasks?.[index]?.interaction,
    environment: task.environment,
    position: index + 1,
    predicate: predicateKindOf(task.subtaskChecks[index]),
    ...(actions !== undefined ? { actions } : {}),
  };
}

export interface GroupRate {
  /** The kind, app, position or postcondition kind. */
  key: string;
  subtasks: number;
  completed: number;
  rate: number;
  /** 95% Wilson interval of the rate. */
  interval: Interval;
  /** The model's probability for a subtask of this group, other features at their observed mix. */
  predicted: number;
  /**
   * Whether the rate sits significantly below the pooled rate (its interval lies below it) and, for
   * kinds with known gold steps, the per-step slip significantly above the pooled one.
   */
  weak: boolean;
  /** Per-step slip rate behind the rate (kinds only, when the gold steps are known). */
  slip?: { estimate: number; interval: Interval; subtasks: number };
}

export interface LevelPrediction {
  level: number;
  /** Finished episodes of level-k tasks, and the share that succeeded (absent beyond the evaluated levels). */
  episodes: number;
  observed?: number;
  observedInterval?: Interval;
  /** Mean predicted success of the level's tasks; beyond the evaluated levels, extrapolated. */
  predicted: number;
  extrapolated: boolean;
}

export interface WeaknessReport {
  evalRun: string;
  agent: string;
  evalSeed: number;
  episodes: number;
  target: number;
  pooled: { subtasks: number; completed: number; rate: number; interval: Interval; slip?: { estimate: number; interval: Interval } };
  byKind: GroupRate[];
  byApp: GroupRate[];
  byPosition: GroupRate[];
  byPredicate: GroupRate[];
  levels: LevelPrediction[];
  frontier: { level: number; predicted: number };
  weakKinds: InteractionKind[];
  /** Apps whose rate sits significantly below the pooled one. */
  weakApps: string[];
  model: WeaknessModel;
  /** Why something could not be estimated (no subtasks with kinds, no step counts). */
  notes: string[];
}

/** Groups with fewer subtasks than this are never called weak. */
const MIN_GROUP = 5;
/** How far past the deepest evaluated level the frontier is looked for. */
const EXTRAPOLATE_LEVELS = 6;

/**
 * The weakness report of one evaluation: rates by kind, app, position and postcondition kind with
 * intervals, the fitted model, success by level observed and predicted, and the frontier level.
 */
export function weaknessReport(
  input: { evalRun: string; agent: string; evalSeed: number; episodes: readonly EpisodeRecord[] },
  options: { target?: number; actionsOf?: ActionsOf } = {},
): WeaknessReport {
  const target = options.target ?? 0.5;
  const finished = input.episodes.filter((episode) => episode.status === 'finished' && episode.success !== undefined);
  const observations = subtaskObservations(finished, options.actionsOf);
  const notes: string[] = [];
  if (observations.length === 0) {
    throw new RangeError(
      `Expected finished episodes with progress by subtask in evaluation ${input.evalRun}, got none (${finished.length} finished episode(s)): the source must be a synthesis run whose levels carry their subtasks' postconditions`,
    );
  }
  if (observations.every((observation) => observation.features.interaction === undefined))
    notes.push('the tasks carry no interaction kinds (a tasks file, or an evaluation made before they were recorded): no rates by kind');
  const model = fitWeaknessModel(observations);
  const completed = observations.filter((observation) => observation.success).length;
  const pooledRate = completed / observations.length;
  const pooledSlip = perStepSlip(observations);
  const pooled = {
    subtasks: observations.length,
    completed,
    rate: pooledRate,
    interval: wilsonInterval(completed, observations.length)!,
    ...(pooledSlip ? { slip: { estimate: pooledSlip.estimate, interval: pooledSlip.interval } } : {}),
  };
  const group = (keyOf: (observation: SubtaskObservation) => string | undefined, withSlip: boolean): GroupRate[] => {
    const groups = new Map<string, SubtaskObservation[]>();
    for (const observation of observations) {
      const key = keyOf(observation);
      if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), observation]);
    }
    return [...groups.entries()]
      .map(([key, members]) => {
        const done = members.filter((member) => member.success).length;
        const interval = wilsonInterval(done, members.length)!;
        const predicted = members.reduce((sum, member) => sum + predictSubtask(model, member.features), 0) / members.length;
        const slip = withSlip ? perStepSlip(members) : undefined;
        return {
          key,
          subtasks: members.length,
          completed: done,
          rate: done / members.length,
          interval,
          predicted,
          // Weak: completed significantly less often than the pooled rate and, where the gold
          // steps are known, slipping significantly more per step (not merely a longer subtask).
          weak:
            members.length >= MIN_GROUP &&
            interval.high < pooledRate &&
            (slip === undefined || pooledSlip === undefined || slip.interval.low > pooledSlip.estimate),
          ...(slip ? { slip } : {}),
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  };
  const byKind = group((observation) => observation.features.interaction, true);
  const byApp = group((observation) => observation.features.environment, false);
  const byPosition = group((observation) => String(observation.features.position), false);
  const byPredicate = group((observation) => observation.features.predicate, false);
  if (options.actionsOf === undefined) notes.push("the source run's steps were not at hand: no per-step slip rates");
  const levels = levelPredictions(finished, model, observations, options.actionsOf);
  const frontier = levels.reduce((best, level) =>
    Math.abs(level.predicted - target) < Math.abs(best.predicted - target) - 1e-12 ? level : best,
  );
  return {
    evalRun: input.evalRun,
    agent: input.agent,
    evalSeed: input.evalSeed,
    episodes: finished.length,
    target,
    pooled,
    byKind,
    byApp,
    byPosition,
    byPredicate,
    levels,
    frontier: { level: frontier.level, predicted: frontier.predicted },
    weakKinds: byKind.filter((kind) => kind.weak).map((kind) => kind.key as InteractionKind),
    weakApps: byApp.filter((app) => app.weak).map((app) => app.key),
    model,
    notes,
  };
}

/**
 * Success by level: observed on the evaluated levels, with the model's mean prediction for their
 * tasks; past the deepest one, the deepest level's tasks with more subtasks of the observed mix.
 */
function levelPredictions(
  episodes: readonly EpisodeRecord[],
  model: WeaknessModel,
  observations: readonly SubtaskObservation[],
  actionsOf: ActionsOf | undefined,
): LevelPrediction[] {
  const byLevel = new Map<number, EpisodeRecord[]>();
  for (const episode of episodes) byLevel.set(episode.task.level, [...(byLevel.get(episode.task.level) ?? []), episode]);
  const evaluated = [...byLevel.keys()].sort((a, b) => a - b);
  const deepest = evaluated[evaluated.length - 1] ?? 1;
  const taskPrediction = (task: EvalTask) =>
    predictTask(
      model,
      task.subtaskChecks.map((_, index) => featuresOf(task, index, actionsOf)),
    );
  const levels: LevelPrediction[] = [];
  for (let level = 1; level <= deepest + EXTRAPOLATE_LEVELS; level += 1) {
    const at = byLevel.get(level);
    if (at && at.length > 0) {
      const successes = at.filter((episode) => episode.success).length;
      levels.push({
        level,
        episodes: at.length,
        observed: successes / at.length,
        observedInterval: wilsonInterval(successes, at.length)!,
        predicted: at.reduce((sum, episode) => sum + taskPrediction(episode.task), 0) / at.length,
        extrapolated: false,
      });
      continue;
    }
    // One more subtask than the level below, drawn from the observed mix at this position.
    const below = levels[levels.length - 1];
    const mix = observations.map((observation) => predictSubtask(model, { ...observation.features, position: level }));
    const perSubtask = mix.reduce((sum, p) => sum + p, 0) / Math.max(1, mix.length);
    levels.push({ level, episodes: 0, predicted: (below?.predicted ?? 1) * perSubtask, extrapolated: true });
  }
  return levels;
}

/**
 * What an aimed synthesis run aims at, from a weakness report: proposals weighted toward the kinds
 * the agent fails (a kind's weight is the square of its failure rate over the pooled one, between
 * 0.25 and 16: twice the pooled failure rate weighs 4), chains spread over apps the same way, and
 * the band to keep.
 */
export function synthesisTargetOf(
  report: WeaknessReport,
  options: { keepBand?: SuccessBand; apps?: readonly string[] } = {},
): SynthesisTarget {
  const pooledFailure = Math.max(1 - report.pooled.rate, 0.01);
  const weight = (rate: number) =>
    Math.round(Math.min(16, Math.max(0.25, ((1 - rate + 0.02) / (pooledFailure + 0.02)) ** 2)) * 1000) / 1000;
  const kindWeights: Record<string, number> = {};
  for (const kind of report.byKind) kindWeights[kind.key] = weight(kind.predicted);
  const appWeights: Record<string, number> = {};
  for (const app of options.apps ?? report.byApp.map((entry) => entry.key)) {
    const seen = report.byApp.find((entry) => entry.key === app);
    appWeights[app] = seen ? weight(seen.predicted) : 1;
  }
  return {
    evalRun: report.evalRun,
    agent: report.agent,
    evalSeed: report.evalSeed,
    target: report.target,
    frontierLevel: report.frontier.level,
    weakKinds: report.weakKinds,
    kindWeights,
    ...(Object.keys(appWeights).length > 1 ? { appWeights } : {}),
    ...(options.keepBand ? { keepBand: options.keepBand } : {}),
    model: report.model,
  };
}
