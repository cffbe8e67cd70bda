import type { ConsensusLabel, ConsensusOptions, TaskConsensus } from '../core/review-consensus.js';
import type { ReviewVerdict } from '../core/review.js';
import type { MergeReviewsResult } from '../store/reviews-file.js';
import type { AgreementRate, CategoryAgreement, KappaResult, ReviewAgreement } from '../view/agreement.js';
import type { FlaggedSubtask } from '../view/review-tasks.js';

/** Everything `trajsynth reviews` reports about a run, as printed (text) or serialized (--json). */
export interface ReviewsReport {
  runId: string;
  reviewsFile: string;
  options: ConsensusOptions;
  merge?: MergeReviewsResult;
  /** Lines in reviews.jsonl (older verdicts included). */
  verdictLines: number;
  /** Tasks the run holds (reviewable level-k tasks). */
  runTasks: number;
  tasks: Array<
    Pick<TaskConsensus, 'taskId' | 'label' | 'reason' | 'counts'> & {
      verdicts: Array<Pick<ReviewVerdict, 'reviewer' | 'verdict' | 'reason' | 'comment' | 'at'>>;
    }
  >;
  /** Disputed tasks' ids. */
  disagreements: string[];
  /** Every task of the run by label; tasks nobody judged count as pending. */
  labels: Record<ConsensusLabel, number>;
  agreement: ReviewAgreement;
  /** Subtasks set aside for a person: no probe decided and their judges split (never accepted). */
  flagged: FlaggedSubtask[];
  notes: string[];
}

/** The subtasks a split jury set aside, for a person to look at (trajsynth view RUN shows each one's attempt). */
export function flaggedText(flagged: readonly FlaggedSubtask[]): string[] {
  if (flagged.length === 0) return [];
  const lines = [`Flagged for human review (${flagged.length} subtask(s): no probe, and the judges split; not accepted)`];
  for (const subtask of flagged)
    lines.push(
      `  ${subtask.chainId}/${subtask.subtaskId} (would be L${subtask.level}, ${subtask.environment}): ${subtask.description}`,
      `    ${subtask.jurors.join(' · ')}`,
    );
  return lines;
}

export function mergeText(merge: MergeReviewsResult): string[] {
  const present = merge.files.reduce((sum, file) => sum + file.lines - file.added, 0);
  const lines = [`Merged ${merge.added} new line(s) from ${merge.files.length} file(s) into ${merge.file} (${present} already present)`];
  for (const file of merge.files)
    lines.push(`  ${file.file}: ${file.lines} verdict(s), ${file.added} added${file.tornTail ? ' (a torn last line was left out)' : ''}`);
  for (const conflict of merge.conflicts)
    lines.push(`  kept the existing line, not ${conflict} (same reviewer, task and time, different content)`);
  return lines;
}

export function reviewsText(report: ReviewsReport): string {
  const { agreement, options } = report;
  const out: string[] = [];
  if (report.merge) out.push(...mergeText(report.merge), '');
  const reviewed = report.tasks.length;
  out.push(
    `Reviews of run ${report.runId}: ${report.verdictLines} verdict line(s) from ${agreement.reviewers.length} reviewer(s) on ${reviewed} of ${report.runTasks} task(s) (${options.rule} rule, at least ${options.minReviewers} reviewer(s))`,
  );
  out.push('', 'Tasks');
  for (const task of report.tasks) {
    out.push(`  ${task.taskId}  ${labelText(task)}`);
    for (const verdict of task.verdicts) out.push(`    ${verdictText(verdict)}`);
  }
  out.push('', report.disagreements.length ? `Disagreements (${report.disagreements.length} disputed task(s))` : 'Disagreements: none');
  for (const taskId of report.disagreements) {
    const task = report.tasks.find((candidate) => candidate.taskId === taskId)!;
    out.push(
      `  ${taskId}  ${task.verdicts.map((verdict) => `${verdict.reviewer}: ${verdict.verdict}${verdict.reason ? `/${verdict.reason}` : ''}`).join(' · ')}`,
    );
  }
  const labels = Object.entries(report.labels)
    .map(([label, count]) => `${label} ${count}`)
    .join(' · ');
  out.push('', 'Overall');
  out.push(`  labels              ${labels} (of ${report.runTasks} task(s); unreviewed ones are pending)`);
  out.push(
    `  reviewers           ${agreement.reviewers.map((reviewer) => `${reviewer.reviewer} ${reviewer.tasks} (${reviewer.counts.valid} valid, ${reviewer.counts.invalid} invalid, ${reviewer.counts.unsure} unsure)`).join(', ')}`,
  );
  out.push(`  ${kappaLabel(agreement.coarse.kappa).padEnd(19)} ${kappaText(agreement.coarse.kappa, 'valid/invalid/unsure')}`);
  if (agreement.fine.kappa)
    out.push(`  ${'  fine categories'.padEnd(19)} ${kappaText(agreement.fine.kappa, 'valid, invalid:<reason>, unsure')}`);
  const fine = agreement.fine.percentAgreement.value;
  out.push(
    `  percent agreement   ${percentText(agreement.coarse)}${fine !== undefined ? ` (fine categories ${(fine * 100).toFixed(1)}%)` : ''}`,
  );
  out.push('  by reviewer');
  for (const reviewer of agreement.reviewers) {
    out.push(
      `    ${reviewer.reviewer.padEnd(17)} with consensus ${rateText(reviewer.withConsensus)} · with checkers ${rateText(reviewer.withCheckers)}`,
    );
  }
  out.push(`  consensus           with checkers ${rateText(agreement.consensusWithCheckers)} (accepted or rejected tasks)`);
  out.push(
    agreement.judge
      ? `  model judge         with consensus ${rateText(agreement.judge.withConsensus)} · with checkers ${rateText(agreement.judge.withCheckers)}`
      : "  model judge         did not run on this run's tasks",
  );
  if (report.flagged.length) out.push('', ...flaggedText(report.flagged));
  for (const note of report.notes) out.push(`  note: ${note}`);
  return `${out.join('\n')}\n`;
}

function labelText(task: ReviewsReport['tasks'][number]): string {
  return `${task.label}${task.reason ? ` (${task.reason})` : ''}`;
}

function verdictText(verdict: ReviewsReport['tasks'][number]['verdicts'][number]): string {
  return `${verdict.reviewer}: ${verdict.verdict}${verdict.reason ? `/${verdict.reason}` : ''}${verdict.comment ? ` ${JSON.stringify(verdict.comment)}` : ''}`;
}

function kappaLabel(kappa: KappaResult | undefined): string {
  return kappa?.method === 'fleiss' ? "Fleiss' kappa" : "Cohen's kappa";
}

function kappaText(kappa: KappaResult | undefined, categories: string): string {
  if (!kappa) return 'undefined (needs two reviewers)';
  const on =
    kappa.method === 'fleiss'
      ? `${kappa.tasks} task(s) judged by all ${kappa.reviewers.length} reviewers`
      : `${kappa.tasks} task(s) both judged`;
  if (kappa.kappa === undefined)
    return `undefined on ${on}${kappa.tasks > 0 ? ' (chance agreement is 1: every verdict the same)' : ''} (${categories})`;
  return `${kappa.kappa.toFixed(3)} on ${on} (${categories})`;
}

function percentText(category: CategoryAgreement): string {
  const { value, tasks } = category.percentAgreement;
  return value === undefined
    ? 'undefined (no task has two reviewers)'
    : `${(value * 100).toFixed(1)}% over ${tasks} task(s) with >= 2 reviewers`;
}

function rateText(rate: AgreementRate): string {
  return rate.rate === undefined ? '–' : `${rate.agreed}/${rate.total} (${(rate.rate * 100).toFixed(1)}%)`;
}
