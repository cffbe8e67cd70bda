import {
  compareText,
  consensusByTask,
  consensusOptions,
  latestVerdicts,
  VERDICT_OF_LABEL,
  type ConsensusOptions,
  type TaskConsensus,
} from '../core/review-consensus.js';
import { ReviewReasonSchema, ReviewVerdictKindSchema, type ReviewVerdict, type ReviewVerdictKind } from '../core/review.js';

/**
 * How much human reviewers agree with each other, with their consensus, with the checkers and
 * with the model judge. Pure: callers load verdicts and the machine views (see review-tasks.ts).
 */

/** What a machine says about a task: the checkers (via replay) or the model judge. */
export type MachineView = 'valid' | 'invalid';

/** Chance-corrected agreement. `kappa` is undefined when undefined: no tasks, or chance agreement 1. */
export interface KappaResult {
  method: 'cohen' | 'fleiss';
  kappa: number | undefined;
  /** Observed agreement (Cohen's p_o; Fleiss' mean P_i). */
  observed: number | undefined;
  /** Agreement expected by chance (Cohen's p_e; Fleiss' P̄e). */
  expected: number | undefined;
  /** Tasks it was computed on: judged by both reviewers (Cohen) or by all of them (Fleiss). */
  tasks: number;
  reviewers: string[];
}

export interface AgreementRate {
  agreed: number;
  total: number;
  /** agreed / total; undefined when total is 0. */
  rate: number | undefined;
}

/** Agreement over one set of categories. */
export interface CategoryAgreement {
  categories: string[];
  /** Cohen's kappa for two reviewers, Fleiss' for three or more; undefined with fewer than two. */
  kappa: KappaResult | undefined;
  /** Mean over tasks with >= 2 reviewers of the share of reviewer pairs that agree. */
  percentAgreement: { value: number | undefined; tasks: number };
}

export interface ReviewerAgreement {
  reviewer: string;
  /** Tasks the reviewer's latest verdicts cover, and those verdicts by kind. */
  tasks: number;
  counts: Record<ReviewVerdictKind, number>;
  /** On tasks labelled accepted, rejected or unsure, except those where this reviewer is the only vote. */
  withConsensus: AgreementRate;
  /** On tasks with a checkers' view; the reviewer's unsure verdicts are left out (checkers never say unsure). */
  withCheckers: AgreementRate;
}

export interface ReviewAgreement {
  reviewers: ReviewerAgreement[];
  /** Tasks with at least one counting verdict. */
  tasks: number;
  /** Over valid / invalid / unsure. */
  coarse: CategoryAgreement;
  /** Over valid / invalid:<reason> / unsure. */
  fine: CategoryAgreement;
  /** The consensus (accepted or rejected tasks) against the checkers. */
  consensusWithCheckers: AgreementRate;
  /** The model judge, where it ran: against the consensus (accepted or rejected tasks) and the checkers. */
  judge: { withConsensus: AgreementRate; withCheckers: AgreementRate } | undefined;
}

export interface ReviewAgreementInput {
  verdicts: readonly ReviewVerdict[];
  consensus?: Partial<ConsensusOptions>;
  /** Per task id: what the checkers say (replay, else valid: every stored level passed its checker). */
  checkerViews?: ReadonlyMap<string, MachineView>;
  /** Per task id, where a judge ran on the level: what the judge says. */
  judgeViews?: ReadonlyMap<string, MachineView>;
}

export const COARSE_CATEGORIES: readonly string[] = ReviewVerdictKindSchema.options;
export const FINE_CATEGORIES: readonly string[] = ['valid', ...ReviewReasonSchema.options.map((reason) => `invalid:${reason}`), 'unsure'];

/** `valid`, `invalid:<reason>` or `unsure`. */
export function fineCategory(verdict: Pick<ReviewVerdict, 'verdict' | 'reason'>): string {
  return verdict.verdict === 'invalid' ? `invalid:${verdict.reason ?? 'unclear'}` : verdict.verdict;
}

/**
 * Cohen's kappa for two raters over paired labels: κ = (p_o − p_e) / (1 − p_e), with p_o the share
 * of pairs that agree and p_e = Σ_c p_A(c)·p_B(c) from each rater's own label frequencies.
 */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): Omit<KappaResult, 'method' | 'reviewers'> {
  const tasks = pairs.length;
  if (tasks === 0) return { kappa: undefined, observed: undefined, expected: undefined, tasks };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreed / tasks;
  let expected = 0;
  for (const [label, count] of first) expected += (count / tasks) * ((second.get(label) ?? 0) / tasks);
  return { kappa: kappaOf(observed, expected), observed, expected, tasks };
}

/**
 * Fleiss' kappa. `table[i][j]` is how many of the n raters put subject i in category j; every row
 * sums to the same n >= 2. P_i = (Σ_j n_ij² − n) / (n(n − 1)), P̄ = mean P_i, p_j = Σ_i n_ij / (N n),
 * P̄e = Σ_j p_j², κ = (P̄ − P̄e) / (1 − P̄e).
 */
export function fleissKappa(table: ReadonlyArray<ReadonlyArray<number>>): Omit<KappaResult, 'method' | 'reviewers'> {
  const tasks = table.length;
  const raters = table[0]?.reduce((sum, count) => sum + count, 0) ?? 0;
  if (tasks === 0 || raters < 2) return { kappa: undefined, observed: undefined, expected: undefined, tasks };
  if (table.some((row) => row.reduce((sum, count) => sum + count, 0) !== raters)) {
    throw new RangeError(`Expected every subject rated by the same ${raters} raters, got rows with other sums`);
  }
  const categories = table[0]!.length;
  const totals = new Array<number>(categories).fill(0);
  let sumP = 0;
  for (const row of table) {
    row.forEach((count, column) => (totals[column]! += count));
    sumP += (row.reduce((sum, count) => sum + count * count, 0) - raters) / (raters * (raters - 1));
  }
  const observed = sumP / tasks;
  const expected = totals.reduce((sum, total) => sum + (total / (tasks * raters)) ** 2, 0);
  return { kappa: kappaOf(observed, expected), observed, expected, tasks };
}

/** Mean pairwise agreement: per task with >= 2 labels, the share of label pairs that are equal. */
export function pairwiseAgreement(labelsPerTask: ReadonlyArray<readonly string[]>): { value: number | undefined; tasks: number } {
  const shares: number[] = [];
  for (const labels of labelsPerTask) {
    if (labels.length < 2) continue;
    let agreeing = 0;
    for (let i = 0; i < labels.length; i += 1) for (let j = i + 1; j < labels.length; j += 1) if (labels[i] === labels[j]) agreeing += 1;
    shares.push(agreeing / ((labels.length * (labels.length - 1)) / 2));
  }
  return { value: shares.length ? shares.reduce((sum, share) => sum + share, 0) / shares.length : undefined, tasks: shares.length };
}

/** Every agreement statistic of a run's reviews (see ReviewAgreement). */
export function reviewAgreement(input: ReviewAgreementInput): ReviewAgreement {
  const options = consensusOptions(input.consensus);
  const counting = latestVerdicts(input.verdicts);
  const consensus = consensusByTask(counting, options);
  const byTask = new Map<string, Map<string, ReviewVerdict>>();
  for (const verdict of counting) {
    const reviewers = byTask.get(verdict.taskId) ?? new Map<string, ReviewVerdict>();
    reviewers.set(verdict.reviewer, verdict);
    byTask.set(verdict.taskId, reviewers);
  }
  const names = [...new Set(counting.map((verdict) => verdict.reviewer))].sort(compareText);
  const checkerViews = input.checkerViews ?? new Map<string, MachineView>();
  const judgeViews = input.judgeViews ?? new Map<string, MachineView>();
  const reviewers = names.map((reviewer): ReviewerAgreement => {
    const own = counting.filter((verdict) => verdict.reviewer === reviewer);
    const counts: Record<ReviewVerdictKind, number> = { valid: 0, invalid: 0, unsure: 0 };
    for (const verdict of own) counts[verdict.verdict] += 1;
    const withConsensus = rate(own, (verdict) => {
      const task = consensus.get(verdict.taskId)!;
      if (!settledVerdict(task) || task.verdicts.length < 2) return undefined;
      return verdict.verdict === settledVerdict(task);
    });
    const withCheckers = rate(own, (verdict) => {
      const view = checkerViews.get(verdict.taskId);
      return view === undefined || verdict.verdict === 'unsure' ? undefined : verdict.verdict === view;
    });
    return { reviewer, tasks: own.length, counts, withConsensus, withCheckers };
  });
  const settled = [...consensus.values()].filter((task) => settledVerdict(task) === 'valid' || settledVerdict(task) === 'invalid');
  const versus = (views: ReadonlyMap<string, MachineView>) =>
    rate(settled, (task) => (views.has(task.taskId) ? views.get(task.taskId) === settledVerdict(task) : undefined));
  return {
    reviewers,
    tasks: byTask.size,
    coarse: categoryAgreement(byTask, names, COARSE_CATEGORIES, (verdict) => verdict.verdict),
    fine: categoryAgreement(byTask, names, FINE_CATEGORIES, fineCategory),
    consensusWithCheckers: versus(checkerViews),
    judge:
      judgeViews.size > 0
        ? {
            withConsensus: versus(judgeViews),
            withCheckers: rate([...judgeViews], ([taskId, view]) =>
              checkerViews.has(taskId) ? checkerViews.get(taskId) === view : undefined,
            ),
          }
        : undefined,
  };
}

function categoryAgreement(
  byTask: ReadonlyMap<string, ReadonlyMap<string, ReviewVerdict>>,
  names: readonly string[],
  categories: readonly string[],
  categoryOf: (verdict: ReviewVerdict) => string,
): CategoryAgreement {
  const percentAgreement = pairwiseAgreement([...byTask.values()].map((reviewers) => [...reviewers.values()].map(categoryOf)));
  let kappa: KappaResult | undefined;
  if (names.length === 2) {
    const [a, b] = names as [string, string];
    const pairs: Array<[string, string]> = [];
    for (const reviewers of byTask.values()) {
      const first = reviewers.get(a);
      const second = reviewers.get(b);
      if (first && second) pairs.push([categoryOf(first), categoryOf(second)]);
    }
    kappa = { method: 'cohen', reviewers: [...names], ...cohenKappa(pairs) };
  } else if (names.length > 2) {
    const table: number[][] = [];
    for (const reviewers of byTask.values()) {
      if (reviewers.size !== names.length) continue;
      const row = categories.map(() => 0);
      for (const verdict of reviewers.values()) row[categories.indexOf(categoryOf(verdict))]! += 1;
      table.push(row);
    }
    kappa = { method: 'fleiss', reviewers: [...names], ...fleissKappa(table) };
  }
  return { categories: [...categories], kappa, percentAgreement };
}

function settledVerdict(task: TaskConsensus): ReviewVerdictKind | undefined {
  return task.label === 'accepted' || task.label === 'rejected' || task.label === 'unsure' ? VERDICT_OF_LABEL[task.label] : undefined;
}

/** Counts `agrees` over items; undefined means the item does not count. */
function rate<T>(items: Iterable<T>, agrees: (item: T) => boolean | undefined): AgreementRate {
  let agreed = 0;
  let total = 0;
  for (const item of items) {
    const result = agrees(item);
    if (result === undefined) continue;
    total += 1;
    if (result) agreed += 1;
  }
  return { agreed, total, rate: total > 0 ? agreed / total : undefined };
}

function kappaOf(observed: number, expected: number): number | undefined {
  return 1 - expected < 1e-12 ? undefined : (observed - expected) / (1 - expected);
}
