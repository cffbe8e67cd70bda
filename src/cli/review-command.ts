import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, untilInterrupted } from './args.js';
import { resolveExportSource } from './export-source.js';
import { consensusFlags } from './reviews-command.js';

export const REVIEW_HELP = `Usage: trajsynth review RUN --reviewer NAME [flags]

Serves a review page on 127.0.0.1 where a person judges a synthesis run's level-k tasks, one at a
time: the task text, its derived checker, the subtasks it chains and its gold trajectory (each
step's screenshot with the action's marker; keys ← → or j k). The verdict: valid and correctly
checked, invalid (unclear, unsolvable, wrong checker, trivial, unsafe), or unsure, with an optional
comment. Each verdict is appended to the run's reviews.jsonl (one line per verdict with reviewer
and time; nothing is ever overwritten), so several reviewers can work on copies of a run and merge
their files with \`trajsynth reviews RUN --merge FILE\`.

Tasks come in an order that spends review time well: by default 70% of picks take the task the
machine is least sure of (judge and checker disagree, low judge confidence, revised subtasks,
replay failures, high levels), 30% a random one, to keep the estimate honest. Tasks this reviewer
judged, and tasks that reached consensus, are skipped.

Flags:
  --reviewer NAME      who is judging (required; recorded with every verdict)
  --port P             port (default: any free port)
  --uncertain-share X  share of picks from where the machine is least sure, 0 to 1 (default 0.7)
  --seed S             seed of the queue's draws (default 1)
  --rule R             consensus rule for skipping settled tasks: majority (default) or unanimous
  --min-reviewers N    reviewers a task needs for a consensus (default 2)
  --out DIR            store directory holding trajectories/ (default .)
`;

export async function reviewCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'review',
    argv,
    {
      reviewer: { type: 'string' },
      port: { type: 'string' },
      'uncertain-share': { type: 'string' },
      seed: { type: 'string' },
      rule: { type: 'string' },
      'min-reviewers': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(REVIEW_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one RUN, got ${parsed.positionals.length}. Usage: trajsynth review RUN --reviewer NAME [--port P] [--out DIR]`,
    );
  const reviewer = stringFlag(parsed, 'reviewer');
  if (reviewer === undefined || reviewer.trim() === '')
    throw new UsageError('Expected --reviewer NAME: every verdict records who gave it. Example: trajsynth review RUN --reviewer alice');
  const port = integerFlag('port', stringFlag(parsed, 'port'), 0, { min: 0, max: 65_535 });
  const seed = integerFlag('seed', stringFlag(parsed, 'seed'), 1, { min: 0, max: 2_147_483_647 });
  const uncertainShare = shareFlag(stringFlag(parsed, 'uncertain-share'));
  const resolved = resolveExportSource(parsed.positionals[0]!, stringFlag(parsed, 'out'), { datasets: false });
  if (resolved.kind !== 'run') return 2;
  const { startReviewServer } = await import('../view/review-server.js');
  let recorded = 0;
  const server = await startReviewServer({
    layout: resolved.layout,
    reviewer: reviewer.trim(),
    port,
    seed,
    uncertainShare,
    consensus: consensusFlags(parsed),
    onVerdict: (verdict) => {
      recorded += 1;
      process.stdout.write(`recorded ${verdict.taskId}: ${verdict.verdict}${verdict.reason ? ` (${verdict.reason})` : ''}\n`);
    },
  });
  process.stdout.write(
    `Reviewing ${resolved.layout.runId} (${server.taskCount} level-k tasks) as ${reviewer.trim()} at ${server.origin}/ (127.0.0.1 only). Ctrl-C to stop.\n`,
  );
  await untilInterrupted(signal);
  await server.close();
  process.stdout.write(`${recorded} verdict${recorded === 1 ? '' : 's'} recorded in ${resolved.layout.reviewsFile}\n`);
  return 0;
}

function shareFlag(raw: string | undefined): number {
  if (raw === undefined) return 0.7;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`Expected --uncertain-share to be a number from 0 to 1, got "${raw}". Example: --uncertain-share 0.7`);
  return value;
}
