import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CONSENSUS_LABELS,
  consensusByTask,
  consensusLabelOf,
  latestVerdicts,
  type ConsensusLabel,
  type ConsensusOptions,
  type ConsensusRule,
} from '../core/review-consensus.js';
import { mergeReviewFiles, readReviewVerdicts } from '../store/reviews-file.js';
import { reviewAgreement } from '../view/agreement.js';
import { loadReviewTasks, machineViews } from '../view/review-tasks.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, type ParsedCommand } from './args.js';
import { resolveRun } from './inspect-command.js';
import { reviewsText, mergeText, flaggedText, type ReviewsReport } from './reviews-text.js';

export const REVIEWS_HELP = `Usage: trajsynth reviews SOURCE [flags]

Summarize the human reviews of a synthesis run's level-k tasks (trajectories/<run>/reviews.jsonl, one
verdict per line: valid, invalid with a reason, or unsure). A reviewer's latest verdict on a task
counts. Prints each reviewed task's verdicts and consensus label (accepted, rejected, unsure,
disputed, or pending below --min-reviewers), the disputed tasks, and agreement: Cohen's kappa for
two reviewers (on tasks both judged) or Fleiss' kappa for three or more (on tasks all judged), over
valid/invalid/unsure and over the fine categories (invalid:<reason>), percent agreement, each
reviewer's agreement with the consensus and with the checkers (replay.json where it exists), and
the model judge's where it ran. \`export --reviewed accepted\` and \`eval --valid-only\` use the
same consensus. Subtasks a jury of judges split on where no probe decides (\`synth --verifier A,B\`)
are listed as flagged for human review: they were not accepted.
SOURCE is a run id (looked up under --out) or a run's directory.
A run nobody has reviewed yet prints that and exits 0.

Flags:
  --out DIR            store directory holding trajectories/ (default .)
  --rule R             majority (default: strictly more than half of a task's reviewers agree)
                       or unanimous
  --min-reviewers N    reviewers a task needs for a consensus (default 2)
  --merge FILE         first merge another copy of the run's reviews.jsonl into it (repeatable):
                       appends the lines it lacks (same reviewer, task and time = same line)
  --json               print the report as JSON
`;

export async function reviewsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'reviews',
    argv,
    {
      out: { type: 'string' },
      rule: { type: 'string' },
      'min-reviewers': { type: 'string' },
      merge: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(REVIEWS_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one SOURCE run, got ${parsed.positionals.length}. Usage: trajsynth reviews SOURCE [--out DIR] [--rule majority|unanimous] [--min-reviewers N] [--merge FILE...] [--json]`,
    );
  const options = consensusFlags(parsed);
  const mergeFiles = mergeFlag(parsed);
  const json = booleanFlag(parsed, 'json');
  const layout = resolveRun(parsed.positionals[0]!, stringFlag(parsed, 'out'));
  const review = await loadReviewTasks(layout);
  const merge = mergeFiles.length ? await mergeReviewFiles(layout, mergeFiles) : undefined;
  const notes: string[] = [];
  const verdicts = await readReviewVerdicts(layout, {
    onTornTail: (line) => notes.push(`${layout.reviewsFile}:${line} is a torn last line (an interrupted append), left out`),
  });
  if (verdicts.length === 0) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ runId: review.runId, reviewsFile: layout.reviewsFile, options, ...(merge ? { merge } : {}), verdictLines: 0, runTasks: review.tasks.length, tasks: [], flagged: review.flagged, notes }, null, 2)}\n`,
      );
    else
      process.stdout.write(
        `${merge ? `${mergeText(merge).join('\n')}\n` : ''}No reviews of run ${review.runId} yet: ${layout.reviewsFile} holds no verdicts.${review.flagged.length ? '' : ' Nothing to report.'}\n${flaggedText(
          review.flagged,
        )
          .map((line) => `${line}\n`)
          .join('')}`,
      );
    return 0;
  }
  const consensus = consensusByTask(verdicts, options);
  const known = new Map(review.tasks.map((task) => [task.taskId, task]));
  const unknown = [...consensus.keys()].filter((taskId) => !known.has(taskId));
  if (unknown.length)
    notes.push(
      `${unknown.length} reviewed task(s) the run no longer holds (still listed): ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`,
    );
  const changed = latestVerdicts(verdicts).filter(
    (verdict) =>
      verdict.taskTextSha256 !== undefined && known.has(verdict.taskId) && known.get(verdict.taskId)!.textSha256 !== verdict.taskTextSha256,
  );
  if (changed.length)
    notes.push(
      `${changed.length} counting verdict(s) were given on an earlier text of their task: ${[...new Set(changed.map((verdict) => verdict.taskId))].slice(0, 5).join(', ')}`,
    );
  const labels = Object.fromEntries(CONSENSUS_LABELS.map((label) => [label, 0])) as Record<ConsensusLabel, number>;
  for (const task of review.tasks) labels[consensusLabelOf(consensus, task.taskId)] += 1;
  for (const taskId of unknown) labels[consensus.get(taskId)!.label] += 1;
  const tasks = [...consensus.values()].map((task) => ({
    taskId: task.taskId,
    label: task.label,
    ...(task.reason ? { reason: task.reason } : {}),
    counts: task.counts,
    verdicts: task.verdicts.map((verdict) => ({
      reviewer: verdict.reviewer,
      verdict: verdict.verdict,
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      ...(verdict.comment ? { comment: verdict.comment } : {}),
      at: verdict.at,
    })),
  }));
  const report: ReviewsReport = {
    runId: review.runId,
    reviewsFile: layout.reviewsFile,
    options,
    ...(merge ? { merge } : {}),
    verdictLines: verdicts.length,
    runTasks: review.tasks.length,
    tasks,
    disagreements: tasks.filter((task) => task.label === 'disputed').map((task) => task.taskId),
    labels,
    agreement: reviewAgreement({ verdicts, consensus: options, ...machineViews(review.tasks) }),
    flagged: review.flagged,
    notes,
  };
  // Undefined statistics (a kappa with no tasks) are null in JSON, not missing.
  process.stdout.write(
    json ? `${JSON.stringify(report, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n` : reviewsText(report),
  );
  return 0;
}

export function consensusFlags(parsed: ParsedCommand): ConsensusOptions {
  const rule = stringFlag(parsed, 'rule') ?? 'majority';
  if (rule !== 'majority' && rule !== 'unanimous') throw new UsageError(`Expected --rule to be majority or unanimous, got "${rule}"`);
  return {
    rule: rule as ConsensusRule,
    minReviewers: integerFlag('min-reviewers', stringFlag(parsed, 'min-reviewers'), 2, { min: 1, max: 1000 }),
  };
}

function mergeFlag(parsed: ParsedCommand): string[] {
  const files = ((parsed.values.merge as string[] | undefined) ?? []).map((file) => resolve(file));
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile())
      throw new UsageError(
        `Expected --merge FILE to be a reviews.jsonl file, got "${file}": ${existsSync(file) ? 'not a file' : 'no such file'}`,
      );
  }
  return files;
}
