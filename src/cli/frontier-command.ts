import type { GroupRate, WeaknessReport } from '../eval/weakness.js';
import { booleanFlag, parseCommandArgs, probabilityFlag, stringFlag, UsageError } from './args.js';
import { resolveRun } from './inspect-command.js';

export const FRONTIER_HELP = `Usage: trajsynth frontier EVAL_RUN [flags]

Where an agent is weak, from an evaluation with progress by subtask: the share of subtasks it
completes by interaction kind, app, position in the chain and postcondition kind (95% intervals),
a logistic model of those rates, the per-step slip rate of each kind (where the gold steps are at
hand), the kinds that sit significantly below the pooled rate, and the frontier level k*: the level
whose predicted success is nearest the target. \`trajsynth synth --target-eval EVAL_RUN\` aims a
synthesis run there.

Flags:
  --target P    the success rate the frontier is the level nearest to (default 0.5)
  --out DIR     store directory holding trajectories/ (default .)
  --json        print the report as JSON
`;

export async function frontierCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'frontier',
    argv,
    { target: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(FRONTIER_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one EVAL_RUN argument, got ${parsed.positionals.length}. Usage: trajsynth frontier EVAL_RUN [--out DIR]`,
    );
  const target = probabilityFlag('target', stringFlag(parsed, 'target'));
  const { loadWeaknessReport } = await import('../eval/frontier.js');
  const report = await loadWeaknessReport(resolveRun(parsed.positionals[0]!, stringFlag(parsed, 'out')), {
    ...(target !== undefined ? { target } : {}),
  });
  process.stdout.write(booleanFlag(parsed, 'json') ? `${JSON.stringify(report, null, 2)}\n` : frontierText(report));
  return 0;
}

const pct = (value: number) => value.toFixed(2);

export function frontierText(report: WeaknessReport): string {
  const lines = [
    '',
    `Frontier of ${report.agent} (evaluation ${report.evalRun}: ${report.episodes} finished episodes, ${report.pooled.subtasks} subtasks reached)`,
    `  pooled        ${report.pooled.completed}/${report.pooled.subtasks} completed, ${pct(report.pooled.rate)} [${pct(report.pooled.interval.low)}–${pct(report.pooled.interval.high)}]${
      report.pooled.slip
        ? `; per-step slip ${pct(report.pooled.slip.estimate)} [${pct(report.pooled.slip.interval.low)}–${pct(report.pooled.slip.interval.high)}]`
        : ''
    }`,
  ];
  const table = (title: string, groups: readonly GroupRate[], withSlip: boolean) => {
    if (groups.length === 0) return;
    const width = Math.max(title.length, ...groups.map((group) => group.key.length));
    lines.push(
      '',
      `  ${title.padEnd(width)}  completed  rate  95% interval  model${withSlip ? '  per-step slip [95%]' : ''}`,
      ...groups.map((group) => {
        const slip = group.slip
          ? `  ${pct(group.slip.estimate)} [${pct(group.slip.interval.low)}–${pct(group.slip.interval.high)}]`.padEnd(21)
          : withSlip
            ? '  -'.padEnd(21)
            : '';
        return `  ${group.key.padEnd(width)}  ${`${group.completed}/${group.subtasks}`.padStart(9)}  ${pct(group.rate)}  [${pct(group.interval.low)}–${pct(group.interval.high)}]   ${pct(group.predicted)}${slip}${group.weak ? '  WEAK' : ''}`;
      }),
    );
  };
  table(
    'by kind',
    report.byKind,
    report.byKind.some((group) => group.slip),
  );
  table('by app', report.byApp, false);
  table('by position', report.byPosition, false);
  table('by postcondition', report.byPredicate, false);
  lines.push('', `  success by level (target ${pct(report.target)})       observed                 predicted`);
  for (const level of report.levels) {
    const observed =
      level.observed !== undefined
        ? `${pct(level.observed)} [${pct(level.observedInterval!.low)}–${pct(level.observedInterval!.high)}] of ${level.episodes}`
        : '-';
    lines.push(
      `  L${String(level.level).padEnd(3)}${' '.repeat(32)}${observed.padEnd(25)}${pct(level.predicted)}${level.extrapolated ? ' (extrapolated)' : ''}${level.level === report.frontier.level ? '  ← k*' : ''}`,
    );
  }
  lines.push(
    '',
    `  frontier level k* = ${report.frontier.level} (predicted success ${pct(report.frontier.predicted)}, target ${pct(report.target)})`,
    `  weak kinds: ${report.weakKinds.join(', ') || 'none significantly below the pooled rate'}`,
    ...(report.weakApps.length ? [`  weak apps: ${report.weakApps.join(', ')}`] : []),
    ...report.notes.map((note) => `  note: ${note}`),
    '',
    `Next: trajsynth synth --env all --target-eval ${report.evalRun} --keep-band 0.2-0.8 (aims a run at this frontier)`,
    '',
  );
  return lines.join('\n');
}
