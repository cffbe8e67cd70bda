import { booleanFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';
import { resolveRun } from './inspect-command.js';

export const COMPARE_HELP = `Usage: trajsynth compare EVAL_RUN EVAL_RUN... [flags]

Compare agents on the level-k tasks their evaluation runs share, as arena-style evaluations do:
per task, success then progress decides a win, a loss or a tie for each pair of agents; prints
pairwise win rates and Bradley–Terry ratings (Elo scale, mean 1000) with 95% bootstrap intervals
that resample chains.

Flags:
  --out DIR     store directory holding trajectories/ (default .)
  --json        print the comparison as JSON
`;

export async function compareCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'compare',
    argv,
    { out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(COMPARE_HELP);
    return 0;
  }
  if (parsed.positionals.length < 2)
    throw new UsageError(
      `Expected at least two EVAL_RUNs to compare, got ${parsed.positionals.length}. Usage: trajsynth compare RUN_A RUN_B [--out DIR]`,
    );
  const { loadEvalRun } = await import('../eval/results.js');
  const { compareRuns } = await import('../eval/compare.js');
  const runs = await Promise.all(parsed.positionals.map((run) => loadEvalRun(resolveRun(run, stringFlag(parsed, 'out')))));
  const comparison = compareRuns(runs);
  if (booleanFlag(parsed, 'json')) {
    process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
    return 0;
  }
  if (comparison.sharedTasks === 0) {
    process.stdout.write(
      'No level-k task has a finished episode in every run: nothing to compare. Evaluate the agents on the same source run.\n',
    );
    return 1;
  }
  const width = Math.max(...comparison.agents.map((agent) => agent.length));
  const lines = ['', `Comparison on ${comparison.sharedTasks} shared task(s) from ${comparison.sharedChains} chain(s):`];
  for (const pair of comparison.pairs) {
    lines.push(
      `  ${pair.a} vs ${pair.b}: ${pair.winsA} win(s), ${pair.winsB} loss(es), ${pair.ties} tie(s) → win rate ${(pair.winRateA * 100).toFixed(1)}%`,
    );
  }
  lines.push('', `Ratings (Bradley–Terry, Elo scale, 95% bootstrap over chains, ${comparison.bootstrap.resamples} resamples):`);
  for (const rating of comparison.ratings) {
    lines.push(
      `  ${rating.agent.padEnd(width)}  ${rating.rating.toFixed(0).padStart(5)}${rating.ci ? `  [${rating.ci.low.toFixed(0)}–${rating.ci.high.toFixed(0)}]` : ''}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
