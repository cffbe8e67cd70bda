import { MUTANT_KINDS, type AuditReport, type MutantKind, type MutationScore } from '../core/audit.js';
import type { ChainRecord } from '../core/chain.js';
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

export const AUDIT_HELP = `Usage: trajsynth audit RUN [flags]

Mutation testing of a run's checkers in the browser: does wrong work fail? For every chain, the gold
trajectory and each of its near-misses are replayed from the seeded reset, and every level-k task
that includes the changed subtask is judged as an evaluation judges it. The near-misses:
  drop-subtask   the steps of one subtask left out
  change-value   a typed text edited, another option of the same select picked, a box left as it was
  wrong-row      the same row action on a sibling row
  no-submit      a form's fields filled, its submit (click or Enter) left out
  wrong-answer   each value the task asks to report answered wrong, or left out
A sound checker rejects (kills) every mutant. A mutant whose replay cannot go on (a later step finds
nothing to act on) proves nothing and is reported apart as stuck; so is one the checker passes while it
completed the changed subtask all the same and ended where the gold did (equivalent: a field the app
saves on blur, so leaving out its Enter changed nothing). Prints the mutation score (killed /
replayed to the end) overall, by level, app, mutant kind and predicate kind, and every surviving
mutant with its task, the mutation and the checker. Stores audit.json in the run: \`eval --valid-only\`,
\`export --valid-only\`, \`stats\` and the viewer treat a task with a surviving mutant as not valid.
RUN is a run id (looked up under --out) or the path of a run directory.

Flags:
  --out DIR          output directory the run was written to (default .)
  --levels L         only these levels (3, 1-6 or 1,2,5)
  --env ID           only chains in this app (repeatable)
  --kinds K,K        only these mutant kinds (default all: ${MUTANT_KINDS.join(',')})
  --concurrency C    chains audited in parallel (default 2)
  --url URL          for a run made with --url: where the site is served now, if it moved
${browserFlagHelp(21).replace('run the episodes', 'replay the mutants')}
  --json             print the summary as JSON (mutationScore, byLevel, byKind, survivors)
  --quiet            no progress bar
`;

export async function auditCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'audit',
    argv,
    {
      out: { type: 'string' },
      levels: { type: 'string' },
      env: { type: 'string', multiple: true },
      kinds: { type: 'string' },
      concurrency: { type: 'string' },
      url: { type: 'string' },
      ...BROWSER_FLAG_OPTIONS,
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(AUDIT_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one RUN argument, got ${parsed.positionals.length}. Usage: trajsynth audit RUN [--levels L] [--env ID] [--json]`,
    );
  const layout = resolveRun(parsed.positionals[0]!, stringFlag(parsed, 'out'));
  await assertReadable(layout);
  const concurrency = integerFlag('concurrency', stringFlag(parsed, 'concurrency'), 2, { min: 1, max: 64 });
  const json = booleanFlag(parsed, 'json');
  const { levelsFlag } = await import('./eval-command.js');
  const levels = levelsFlag(stringFlag(parsed, 'levels'));
  const kinds = kindsFlag(stringFlag(parsed, 'kinds'));
  const environments = parsed.values.env as string[] | undefined;
  const siteUrl = stringFlag(parsed, 'url');
  const bar = json || booleanFlag(parsed, 'quiet') ? undefined : new CountingBar('chains');
  const { auditRun } = await import('../eval/audit.js');
  const browser = await connectRemoteBrowser(browserEndpointFlag(parsed), signal);
  const report = await auditRun({
    layout,
    ...(browser ? { browser } : {}),
    concurrency,
    ...(levels ? { levels } : {}),
    ...(kinds ? { kinds } : {}),
    ...(environments?.length ? { environments } : {}),
    ...(siteUrl ? { siteUrl } : {}),
    signal,
    ...(bar
      ? {
          onEvent: (event) => {
            if (event.type === 'audit-started') bar.start(event.chains);
            else if (event.type === 'audit-chain')
              bar.tick(
                event.survived ? 'with survivors' : 'sound',
                `chain ${event.chainId}: ${event.mutants} mutants, ${event.survived} survived`,
              );
          },
        }
      : {}),
  }).finally(() => browser?.close());
  bar?.finish();
  if (json) {
    const { tasks, mutants, ...summary } = report;
    process.stdout.write(
      `${JSON.stringify(
        {
          ...summary,
          unsoundTasks: tasks.filter((task) => !task.sound).map((task) => `${task.chainId}/L${task.level}`),
          survivors: mutants.filter((mutant) => mutant.outcome === 'survived'),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(auditText(report, layout.auditFile));
  }
  return 0;
}

function kindsFlag(raw: string | undefined): MutantKind[] | undefined {
  if (raw === undefined) return undefined;
  const kinds = raw.split(',').map((kind) => kind.trim());
  const unknown = kinds.filter((kind) => !(MUTANT_KINDS as readonly string[]).includes(kind));
  if (unknown.length || kinds.length === 0)
    throw new UsageError(`Expected --kinds from ${MUTANT_KINDS.join(', ')}, got "${unknown.join(', ') || raw}"`);
  return kinds as MutantKind[];
}

function scoreText(score: MutationScore): string {
  const rate = score.score === undefined ? '  n/a' : `${(score.score * 100).toFixed(1).padStart(5)}%`;
  return `${rate}  ${score.killed}/${score.replayed} killed${score.stuck ? `, ${score.stuck} stuck` : ''}${score.equivalent ? `, ${score.equivalent} equivalent` : ''}`;
}

export function auditText(report: AuditReport, file: string): string {
  const table = (title: string, rows: Record<string, MutationScore>, label = (key: string) => key) => [
    `  ${title}`,
    ...Object.entries(rows).map(([key, score]) => `    ${label(key).padEnd(16)} ${scoreText(score)}`),
  ];
  const invalid = report.tasks.filter((task) => !task.goldPasses);
  const unsound = report.tasks.filter((task) => task.goldPasses && !task.sound);
  const lines = [
    '',
    `Audit of ${report.runId}: mutation score ${scoreText(report.overall)} over ${report.tasks.length} level-k tasks in ${(report.wallMs / 1000).toFixed(0)}s`,
    `  sound tasks  ${report.tasks.filter((task) => task.sound).length}/${report.tasks.length}${invalid.length ? ` (${invalid.length} not audited: their gold does not pass)` : ''}`,
    ...table('by level', report.byLevel, (key) => `L${key}`),
    ...table('by app', report.byEnvironment),
    ...table('by mutant kind', report.byKind),
    ...table('by predicate kind (of the mutated subtask)', report.byPredicateKind),
  ];
  const survivors = report.mutants.filter((mutant) => mutant.outcome === 'survived');
  if (survivors.length) {
    lines.push(`  surviving mutants (${survivors.length}: the checker passed wrong work):`);
    for (const mutant of survivors) {
      const task = report.tasks.find((candidate) => candidate.chainId === mutant.chainId && candidate.level === mutant.level);
      lines.push(
        `    ${mutant.chainId} L${mutant.level} (${mutant.environment}) ${mutant.kind}, subtask ${mutant.subtask}: ${mutant.mutation}`,
      );
      lines.push(`      checker: ${task?.checker.join(' AND ') ?? ''}`);
    }
  }
  if (unsound.length === 0 && survivors.length === 0 && invalid.length === 0) lines.push('  no mutant survived');
  for (const task of invalid) lines.push(`  not audited: ${task.chainId} L${task.level}: ${task.goldFailure ?? ''}`);
  lines.push(`  stored in ${file} (eval --valid-only, export --valid-only, stats and view use it)`, '');
  return lines.join('\n');
}

/** What the checkers' audit did to the run's levels: kept (how many near-misses rejected), strengthened, not stored as unsound. */
export function synthAuditLines(records: readonly ChainRecord[], row: (label: string, value: string) => string): string[] {
  const levels = records.flatMap((record) => record.levels);
  const audited = levels.filter((level) => level.audit);
  const unsound = records.flatMap((record) => record.skippedLevels ?? []).filter((skipped) => skipped.reason.startsWith('unsound checker'));
  if (audited.length === 0 && unsound.length === 0) return [];
  const mode = audited[0]?.audit?.mode ?? 'fast';
  const killed = audited.reduce((total, level) => total + (level.audit?.killed ?? 0), 0);
  const strengthened = audited.filter((level) => level.audit?.strengthened?.length).length;
  return [
    row(
      'audit',
      `${mode}: ${audited.length} level-k task(s) kept, ${killed} near-misses rejected${strengthened ? `, ${strengthened} checker(s) strengthened` : ''}, ${unsound.length} not stored as unsound (\`trajsynth audit RUN\` replays every near-miss)`,
    ),
  ];
}
