import { TrajsynthError } from './errors.js';
import { ReviewVerdictKindSchema, type ReviewReason, type ReviewVerdict, type ReviewVerdictKind } from './review.js';

/**
 * `majority`: strictly more than half of a task's reviewers gave one verdict; `unanimous`: all of
 * them did.
 */
export type ConsensusRule = 'majority' | 'unanimous';

export interface ConsensusOptions {
  rule: ConsensusRule;
  /** Reviewers a task needs before it gets a label other than `pending` (>= 1). */
  minReviewers: number;
}

export const DEFAULT_CONSENSUS: ConsensusOptions = { rule: 'majority', minReviewers: 2 };

/**
 * `accepted`, `rejected`, `unsure`: the reviewers reached consensus on valid, invalid or unsure;
 * `disputed`: enough reviewers, no consensus under the rule; `pending`: fewer than minReviewers.
 */
export type ConsensusLabel = 'accepted' | 'rejected' | 'unsure' | 'disputed' | 'pending';
export const CONSENSUS_LABELS: readonly ConsensusLabel[] = ['accepted', 'rejected', 'unsure', 'disputed', 'pending'];

/** Labels that settle a task (the review queue stops serving it). */
export function isSettled(label: ConsensusLabel): label is 'accepted' | 'rejected' | 'unsure' {
  return label === 'accepted' || label === 'rejected' || label === 'unsure';
}

/** The label a consensus on a verdict gives, and the reverse. */
export const LABEL_OF_VERDICT: Readonly<Record<ReviewVerdictKind, 'accepted' | 'rejected' | 'unsure'>> = {
  valid: 'accepted',
  invalid: 'rejected',
  unsure: 'unsure',
};
export const VERDICT_OF_LABEL: Readonly<Record<'accepted' | 'rejected' | 'unsure', ReviewVerdictKind>> = {
  accepted: 'valid',
  rejected: 'invalid',
  unsure: 'unsure',
};

export interface TaskConsensus {
  taskId: string;
  runId: string;
  chainId: string;
  level: number;
  /** The verdicts that count: each reviewer's latest on the task, by reviewer name. */
  verdicts: ReviewVerdict[];
  counts: Record<ReviewVerdictKind, number>;
  label: ConsensusLabel;
  /** Rejected tasks: the reason strictly more than half of the invalid verdicts give, when one does. */
  reason?: ReviewReason;
}

/** Fills in defaults and checks the options ("Expected minReviewers to be an integer >= 1"). */
export function consensusOptions(options: Partial<ConsensusOptions> = {}): ConsensusOptions {
  const resolved = { ...DEFAULT_CONSENSUS, ...options };
  if (!Number.isInteger(resolved.minReviewers) || resolved.minReviewers < 1) {
    throw new TrajsynthError(`Expected minReviewers to be an integer >= 1, got ${resolved.minReviewers}`, {
      code: 'BAD_INPUT',
      hint: 'Pass --min-reviewers 2 (the default) or more.',
    });
  }
  if (resolved.rule !== 'majority' && resolved.rule !== 'unanimous') {
    throw new TrajsynthError(`Expected the consensus rule to be majority or unanimous, got "${String(resolved.rule)}"`, {
      code: 'BAD_INPUT',
    });
  }
  return resolved;
}

/**
 * Each reviewer's latest verdict on each task: the one with the latest `at`, and of equal times the
 * later line. Older lines stay in the file; they just do not count. Ordered by task id, then reviewer.
 */
export function latestVerdicts(verdicts: readonly ReviewVerdict[]): ReviewVerdict[] {
  const latest = new Map<string, { verdict: ReviewVerdict; atMs: number }>();
  for (const verdict of verdicts) {
    const key = `${verdict.taskId}\u0000${verdict.reviewer}`;
    const atMs = Date.parse(verdict.at);
    const current = latest.get(key);
    if (!current || atMs >= current.atMs) latest.set(key, { verdict, atMs });
  }
  return [...latest.values()]
    .map((entry) => entry.verdict)
    .sort((a, b) => compareText(a.taskId, b.taskId) || compareText(a.reviewer, b.reviewer));
}

/** The consensus on one task from its counting verdicts (see latestVerdicts); the verdicts must share a task. */
export function taskConsensus(counting: readonly ReviewVerdict[], options: Partial<ConsensusOptions> = {}): TaskConsensus {
  return consensusOf(counting, consensusOptions(options));
}

const KINDS: readonly ReviewVerdictKind[] = ReviewVerdictKindSchema.options;

function consensusOf(counting: readonly ReviewVerdict[], resolved: ConsensusOptions): TaskConsensus {
  const first = counting[0];
  if (!first) throw new TrajsynthError('Expected at least one verdict to form a consensus, got none', { code: 'INTERNAL' });
  const counts: Record<ReviewVerdictKind, number> = { valid: 0, invalid: 0, unsure: 0 };
  for (const verdict of counting) counts[verdict.verdict] += 1;
  const total = counting.length;
  const base = { taskId: first.taskId, runId: first.runId, chainId: first.chainId, level: first.level, verdicts: [...counting], counts };
  if (total < resolved.minReviewers) return { ...base, label: 'pending' };
  const needed = resolved.rule === 'unanimous' ? total : Math.floor(total / 2) + 1;
  const winner = KINDS.find((kind) => counts[kind] >= needed);
  if (!winner) return { ...base, label: 'disputed' };
  const label = LABEL_OF_VERDICT[winner];
  const reason = label === 'rejected' ? majorityReason(counting) : undefined;
  return { ...base, label, ...(reason ? { reason } : {}) };
}

/**
 * The consensus on every task that has a verdict, keyed by task id (in task id order). Tasks
 * without any verdict are absent: their label is `pending` (see consensusLabelOf).
 */
export function consensusByTask(verdicts: readonly ReviewVerdict[], options: Partial<ConsensusOptions> = {}): Map<string, TaskConsensus> {
  const resolved = consensusOptions(options);
  const byTask = new Map<string, ReviewVerdict[]>();
  for (const verdict of latestVerdicts(verdicts)) {
    const list = byTask.get(verdict.taskId) ?? [];
    list.push(verdict);
    byTask.set(verdict.taskId, list);
  }
  return new Map([...byTask].map(([taskId, counting]) => [taskId, consensusOf(counting, resolved)]));
}

/** A task's label from a consensusByTask map: `pending` when nobody judged it yet. */
export function consensusLabelOf(consensus: ReadonlyMap<string, TaskConsensus>, taskId: string): ConsensusLabel {
  return consensus.get(taskId)?.label ?? 'pending';
}

function majorityReason(counting: readonly ReviewVerdict[]): ReviewReason | undefined {
  const reasons = counting.filter((verdict) => verdict.verdict === 'invalid').map((verdict) => verdict.reason);
  const tally = new Map<ReviewReason, number>();
  for (const reason of reasons) if (reason) tally.set(reason, (tally.get(reason) ?? 0) + 1);
  for (const [reason, count] of tally) if (count * 2 > reasons.length) return reason;
  return undefined;
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
