import type { ReplayReport } from '../core/eval.js';
import {
  browserEndpointFlag,
  browserFlagHelp,
  BROWSER_FLAG_OPTIONS,
  booleanFlag,
  integerFlag,
  parseCommandArgs,
  stringFlag,
  UsageError,
} from './args.js';
import { connectRemoteBrowser } from './remote-browser.js';
import { resolveRun } from './inspect-command.js';
import { assertReadable } from './run-health.js';
import { CountingBar } from './progress.js';

export const REPLAY_HELP = `Usage: trajsynth replay RUN [flags]

Validate every level-k task of a synthesis run: reset the app with the chain's seed, open its start
page, check the level's checker is false there, replay the gold steps of levels 1..k re-grounded on
the live page (with the recorded answer), and check the checker is true at the end. Prints pass
rates per level and per app and every failing task with its step and reason; stores the result in
the run (replay.json), which \`trajsynth eval --valid-only\` reads.
RUN is a run id (looked up under --out) or the path of a run directory.

Flags:
  --out DIR          output directory the run was written to (default .)
  --concurrency C    chains replayed in parallel (default 2)
  --levels L         only these levels (3, 1-6 or 1,2,5); replay.json then lists only them
  --url URL          for a run made with --url: where the site is served now, if it moved (same start path)
${browserFlagHelp(21).replace('run the episodes', 'replay the tasks')}
  --json             print the summary as JSON (passRate 0..1, byLevel, byEnvironment, failures)
  --quiet            no progress bar
`;

export async function replayCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'replay',
    argv,
    {
      out: { type: 'string' },
      concurrency: { type: 'string' },
      levels: { type: 'string' },
      url: { type: 'string' },
      ...BROWSER_FLAG_OPTIONS,
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(REPLAY_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(`Expected one RUN argument, got ${parsed.positionals.length}. Usage: trajsynth replay RUN [--out DIR] [--json]`);
  const layout = resolveRun(parsed.positionals[0]!, stringFlag(parsed, 'out'));
  await assertReadable(layout);
  const concurrency = integerFlag('concurrency', stringFlag(parsed, 'concurrency'), 2, { min: 1, max: 64 });
  const json = booleanFlag(parsed, 'json');
  const { levelsFlag } = await import('./eval-command.js');
  const levels = levelsFlag(stringFlag(parsed, 'levels'));
  const bar = json || booleanFlag(parsed, 'quiet') ? undefined : new CountingBar('tasks');
  const { replayRun } = await import('../eval/replay.js');
  const siteUrl = stringFlag(parsed, 'url');
  // Connected before anything is replayed: an unreachable --browser stops here with the fix.
  const browser = await connectRemoteBrowser(browserEndpointFlag(parsed), signal);
  const report = await replayRun({
    layout,
    ...(browser ? { browser } : {}),
    concurrency,
    ...(siteUrl ? { siteUrl } : {}),
    ...(levels ? { levels } : {}),
    signal,
    ...(bar
      ? {
          onEvent: (event) => {
            if (event.type === 'replay-started') bar.start(event.tasks);
            else
              bar.tick(
                event.task.valid ? 'valid' : 'invalid',
                `task ${event.task.chainId} L${event.task.level}: ${event.task.valid ? 'valid' : `invalid (${event.task.failure?.reason ?? ''})`}`,
              );
          },
        }
      : {}),
  }).finally(() => browser?.close());
  bar?.finish();
  if (json) {
    const { tasks, ...summary } = report;
    process.stdout.write(`${JSON.stringify({ ...summary, failures: tasks.filter((task) => !task.valid) }, null, 2)}\n`);
  } else {
    process.stdout.write(replayText(report, layout.replayFile));
  }
  return 0;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

export function replayText(report: ReplayReport, file: string): string {
  const lines = [
    '',
    `Replay of ${report.runId}: ${report.passed}/${report.total} level-k tasks valid (${percent(report.passRate)}) in ${(report.wallMs / 1000).toFixed(0)}s`,
  ];
  lines.push(
    `  by level  ${Object.entries(report.byLevel)
      .map(([level, row]) => `L${level} ${row.passed}/${row.total}`)
      .join('  ')}`,
  );
  lines.push(
    `  by app    ${Object.entries(report.byEnvironment)
      .map(([app, row]) => `${app} ${row.passed}/${row.total}`)
      .join('  ')}`,
  );
  const failures = report.tasks.filter((task) => !task.valid);
  if (failures.length) {
    lines.push('  invalid tasks:');
    for (const task of failures) {
      const where = task.failure?.step !== undefined ? ` at step ${task.failure.step}` : '';
      lines.push(
        `    ${task.chainId} L${task.level} (${task.environment}) ${task.failure?.stage ?? ''}${where}: ${task.failure?.reason ?? ''}`,
      );
    }
  }
  lines.push(`  stored in ${file} (eval --valid-only uses it)`, '');
  return lines.join('\n');
}
