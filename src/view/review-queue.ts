import { TrajsynthError } from '../core/errors.js';
import { deriveSeed, Rng } from '../core/random.js';
import { compareText, consensusByTask, consensusLabelOf, isSettled, type ConsensusOptions } from '../core/review-consensus.js';
import type { ReviewQueueStream, ReviewVerdict } from '../core/review.js';

/**
 * The review queue: which level-k task a reviewer sees next. Most picks go to the tasks the
 * machines are least sure of (where a person's time tells the most); the rest are uniformly random,
 * so the reviewed sample also estimates the whole run's quality without bias. Pure and seeded.
 */

/** What the machines say about a task that bears on how likely it is to be wrong. */
export interface ReviewSignals {
  /** The model judge disagreed with the checker on one of the level's subtasks. */
  judgeDisagrees: boolean;
  /** The lowest judge confidence over the level's judged subtasks; undefined when no judge ran. */
  minJudgeConfidence: number | undefined;
  /** Subtasks of the level that a revision relabelled (origin "revised"). */
  revisedSubtasks: number;
  /** Whether replaying the level's gold steps failed; undefined when it was not replayed. */
  replayFailed: boolean | undefined;
  /** k: more chained subtasks, more ways to be wrong. */
  level: number;
}

/**
 * Weights of the uncertainty score; they sum to 1, so the score is in [0, 1]:
 * judge and checker disagree 0.35; judge confidence 0.2 × (1 − min confidence); revised subtasks
 * 0.15 × (revised / k); replay failed 0.2; level 0.1 × min(1, (k − 1) / 5), full at level 6.
 */
export const UNCERTAINTY_WEIGHTS = {
  judgeDisagrees: 0.35,
  lowJudgeConfidence: 0.2,
  revisedSubtasks: 0.15,
  replayFailed: 0.2,
  level: 0.1,
} as const;

/** Combines the signals into one score in [0, 1] (see UNCERTAINTY_WEIGHTS); higher is less sure. */
export function uncertaintyScore(signals: ReviewSignals): number {
  const weights = UNCERTAINTY_WEIGHTS;
  const level = Math.max(1, signals.level);
  const score =
    (signals.judgeDisagrees ? weights.judgeDisagrees : 0) +
    (signals.minJudgeConfidence !== undefined ? weights.lowJudgeConfidence * (1 - clamp(signals.minJudgeConfidence)) : 0) +
    weights.revisedSubtasks * clamp(signals.revisedSubtasks / level) +
    (signals.replayFailed === true ? weights.replayFailed : 0) +
    weights.level * clamp((level - 1) / 5);
  return clamp(score);
}

/** The least a task must have to be queued: its id and uncertainty. ReviewTask has both. */
export interface QueueCandidate {
  taskId: string;
  uncertainty: number;
}

export interface ReviewQueueOptions {
  reviewer: string;
  /** Every verdict of the run so far (all reviewers, older lines included). */
  verdicts: readonly ReviewVerdict[];
  /** When a task counts as settled (default majority of at least 2 reviewers). */
  consensus?: Partial<ConsensusOptions>;
  seed: number;
  /** Share of picks that take the most uncertain task (default 0.7); the rest are uniformly random. */
  uncertainShare?: number;
  /** Tasks to return (default 1); fewer when fewer remain. */
  count?: number;
}

export interface ReviewPick<T> {
  task: T;
  /** Which stream served it; record it as the verdict's `queue`. */
  queue: ReviewQueueStream;
}

export const DEFAULT_UNCERTAIN_SHARE = 0.7;

/**
 * The tasks the reviewer may be shown: not judged by them yet, and not settled (accepted, rejected
 * or unsure) under the consensus options. In queue order of the uncertain stream: most uncertain
 * first, ties by task id.
 */
export function remainingReviewTasks<T extends QueueCandidate>(
  tasks: readonly T[],
  options: Pick<ReviewQueueOptions, 'reviewer' | 'verdicts' | 'consensus'>,
): T[] {
  const consensus = consensusByTask(options.verdicts, options.consensus);
  const judged = new Set(options.verdicts.filter((verdict) => verdict.reviewer === options.reviewer).map((verdict) => verdict.taskId));
  return tasks
    .filter((task) => !judged.has(task.taskId) && !isSettled(consensusLabelOf(consensus, task.taskId)))
    .sort((a, b) => b.uncertainty - a.uncertainty || compareText(a.taskId, b.taskId));
}

/**
 * The next task(s) for a reviewer. Each pick draws from a seeded RNG: with probability
 * uncertainShare it takes the most uncertain remaining task (ties by task id), else a uniformly
 * random remaining one. The RNG is seeded by (seed, reviewer, the reviewer's verdicts so far), so
 * asking again after each verdict continues a fresh draw, and the same inputs give the same picks.
 */
export function nextReviewTasks<T extends QueueCandidate>(tasks: readonly T[], options: ReviewQueueOptions): ReviewPick<T>[] {
  const share = options.uncertainShare ?? DEFAULT_UNCERTAIN_SHARE;
  if (!(share >= 0 && share <= 1))
    throw new TrajsynthError(`Expected uncertainShare to be from 0 to 1, got ${share}`, { code: 'BAD_INPUT' });
  const count = options.count ?? 1;
  if (!Number.isInteger(count) || count < 1)
    throw new TrajsynthError(`Expected count to be an integer >= 1, got ${count}`, { code: 'BAD_INPUT' });
  const remaining = remainingReviewTasks(tasks, options);
  const given = options.verdicts.filter((verdict) => verdict.reviewer === options.reviewer).length;
  const rng = new Rng(deriveSeed(options.seed, 'review-queue', options.reviewer, given));
  const picks: ReviewPick<T>[] = [];
  while (picks.length < count && remaining.length > 0) {
    if (rng.next() < share) picks.push({ task: remaining.shift()!, queue: 'uncertain' });
    else picks.push({ task: remaining.splice(rng.int(0, remaining.length - 1), 1)[0]!, queue: 'random' });
  }
  return picks;
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
