import { resolve } from 'node:path';
import type { AgentResult, Interval, JuryAgreement, Results } from '../core/results.js';
import { booleanFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';
import { resolveRun } from './inspect-command.js';
import { assertReadable } from './run-health.js';

export const REPORT_HELP = `Usage: trajsynth report EVAL_RUN... [flags]

Score evaluation runs, one agent per run, side by side: success rate by level with 95% Wilson
intervals, mean progress (subtasks completed in order) with a bootstrap interval over chains, mean
steps, wall time and $ per episode and per success, errors (harness or agent endpoint failures,
never counted as failures) and failure reasons; pooled figures with a bootstrap clustered by chain;
the judge's agreement with the checker when the evaluation asked one (with a jury, each judge's and
the majority's accuracy, precision, recall and kappa on a sample balanced by checker verdict). Writes results.json (schema
"trajsynth-results", version 1), chart.svg and chart.png (success and progress by level with error
bars, one line per agent) and report.html.
EVAL_RUN is an evaluation run id (looked up under --out) or its directory.

Flags:
  --out DIR          store directory holding trajectories/ (default .)
  --output DIR       where to write the report (default <out>/reports/<run>[+<run>...])
  --json             print results.json to stdout instead of the tables
  --title TEXT       the chart's title
  --baseline FILE    a results.json to compare with: the regression gate
  --max-drop X       with --baseline: exit 2 when success at any level fell by more than X
                     (a rate, default 0.02 = two points)
`;

export async function reportCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'report',
    argv,
    {
      out: { type: 'string' },
      output: { type: 'string' },
      json: { type: 'boolean' },
      title: { type: 'string' },
      baseline: { type: 'string' },
      'max-drop': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(REPORT_HELP);
    return 0;
  }
  if (parsed.positionals.length === 0)
    throw new UsageError('Expected at least one EVAL_RUN. Usage: trajsynth report EVAL_RUN... [--out DIR] [--baseline results.json]');
  const maxDropRaw = stringFlag(parsed, 'max-drop');
  const baselineFile = stringFlag(parsed, 'baseline');
  if (maxDropRaw !== undefined && !baselineFile) throw new UsageError('Expected --baseline results.json together with --max-drop');
  const maxDrop = maxDropRaw === undefined ? 0.02 : Number(maxDropRaw);
  if (maxDropRaw !== undefined && (!/^\d*\.?\d+$/.test(maxDropRaw) || maxDrop > 1))
    throw new UsageError(`Expected --max-drop to be a rate from 0 to 1 (0.02 = two points), got "${maxDropRaw}"`);
  const layouts = parsed.positionals.map((run) => resolveRun(run, stringFlag(parsed, 'out')));
  const { loadEvalRun, buildResults } = await import('../eval/results.js');
  const { writeReportFiles } = await import('../eval/report-files.js');
  for (const layout of layouts) await assertReadable(layout);
  const runs = await Promise.all(layouts.map((layout) => loadEvalRun(layout)));
  const results = buildResults(runs);
  const outDir = resolve(stringFlag(parsed, 'out') ?? '.');
  const output = resolve(stringFlag(parsed, 'output') ?? resolve(outDir, 'reports', layouts.map((layout) => layout.runId).join('+')));
  const title = stringFlag(parsed, 'title');
  const files = await writeReportFiles(results, output, title ? { title } : {});
  if (booleanFlag(parsed, 'json')) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else
    process.stdout.write(
      `${resultsText(results)}\n  wrote ${files.results}\n        ${files.chartSvg} (and chart.png)\n        ${files.html}\n`,
    );
  if (!baselineFile) return 0;
  const { readResultsFile } = await import('../store/results-file.js');
  const { findRegressions } = await import('../eval/gate.js');
  const gate = findRegressions(results, await readResultsFile(resolve(baselineFile)), maxDrop);
  const out = booleanFlag(parsed, 'json') ? process.stderr : process.stdout;
  for (const label of gate.unmatched) out.write(`gate: no baseline for agent ${label}; not compared\n`);
  if (gate.regressions.length === 0) {
    out.write(
      `gate: passed — no level's success fell by more than ${(maxDrop * 100).toFixed(1)} points against ${baselineFile} (${gate.compared} level(s) compared)\n`,
    );
    return 0;
  }
  out.write(`gate: FAILED — success fell by more than ${(maxDrop * 100).toFixed(1)} points against ${baselineFile}:\n`);
  for (const regression of gate.regressions) {
    out.write(
      `  ${regression.agent} L${regression.level}: ${pct(regression.baseline)} → ${pct(regression.current)} (−${(regression.drop * 100).toFixed(1)} points)\n`,
    );
  }
  return 2;
}

function pct(rate: number | undefined): string {
  return rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function ci(interval: Interval | undefined, scale = 100, digits = 1): string {
  return interval ? `[${(interval.low * scale).toFixed(digits)}–${(interval.high * scale).toFixed(digits)}]` : '';
}

function usd(value: number | undefined): string {
  return value === undefined ? '—' : `$${value.toFixed(4)}`;
}

/** The report as tables, one per agent. */
export function resultsText(results: Results): string {
  const lines: string[] = [];
  for (const agent of results.agents) lines.push('', ...agentLines(agent));
  return lines.join('\n');
}

function agentLines(agent: AgentResult): string[] {
  const lines = [`Agent ${agent.label} (${agent.runs.join(', ')})`];
  lines.push(
    `  ${'level'.padEnd(6)}${'success'.padEnd(26)}${'progress'.padEnd(22)}${'steps'.padStart(6)}${'s/ep'.padStart(7)}${'$/ep'.padStart(10)}${'$/success'.padStart(11)}${'errors'.padStart(8)}`,
  );
  for (const level of agent.levels) {
    const success = `${level.successes}/${level.episodes} ${pct(level.success)} ${ci(level.successCi)}`;
    const progress =
      level.meanProgress === undefined ? '—' : `${level.meanProgress.toFixed(2)}/${level.level} ${ci(level.progressCi, 1, 2)}`;
    lines.push(
      `  ${`L${level.level}`.padEnd(6)}${success.padEnd(26)}${progress.padEnd(22)}${(level.meanSteps?.toFixed(1) ?? '—').padStart(6)}${(level.wallMsPerEpisode === undefined ? '—' : (level.wallMsPerEpisode / 1000).toFixed(1)).padStart(7)}${usd(level.costUsdPerEpisode).padStart(10)}${usd(level.costUsdPerSuccess).padStart(11)}${String(level.errors).padStart(8)}`,
    );
  }
  const pooled = agent.pooled;
  lines.push(
    `  pooled ${pooled.successes}/${pooled.episodes} ${pct(pooled.success)} ${ci(pooled.successCi)} over ${pooled.chains} chain(s) (bootstrap by chain); progress ${pct(pooled.progressFraction)} of subtasks ${ci(pooled.progressFractionCi)}; ${usd(pooled.costUsd)} in all`,
  );
  if (agent.errors)
    lines.push(`  errors (not counted as failures): ${agent.errorReasons.map((reason) => `${reason.count}× ${reason.reason}`).join('; ')}`);
  if (agent.failureReasons.length)
    lines.push(
      `  failures: ${agent.failureReasons
        .slice(0, 5)
        .map((reason) => `${reason.count}× ${reason.reason}`)
        .join('; ')}`,
    );
  if (agent.judge) {
    const judge = agent.judge.overall;
    const who = (agent.jury?.judges.length ?? 1) > 1 ? 'jury (majority)' : 'judge';
    lines.push(
      `  ${who} vs checker over ${judge.episodes} episode(s): agreement ${pct(judge.agreement)}, precision ${pct(judge.precision)}, recall ${pct(judge.recall)}, kappa ${judge.kappa?.toFixed(2) ?? '—'}`,
    );
    for (const level of agent.judge.levels) {
      lines.push(
        `    L${level.level}: n=${level.episodes} agreement ${pct(level.agreement)} precision ${pct(level.precision)} recall ${pct(level.recall)} kappa ${level.kappa?.toFixed(2) ?? '—'}`,
      );
    }
  }
  if (agent.jury) lines.push(...juryLines(agent.jury));
  return lines;
}

/** Each judge and the jury against the checker, on the balanced sample (and on every episode). */
function juryLines(jury: JuryAgreement): string[] {
  const { sample } = jury;
  const lines = [
    sample.checkerSuccesses > 0
      ? `  on a sample balanced by checker verdict: ${sample.checkerSuccesses} checker success(es) + ${sample.checkerFailures} checker failure(s) of ${sample.from} judged episode(s) (seed ${sample.seed})`
      : `  no balanced sample: the checker's verdicts on the ${sample.from} judged episode(s) all go one way`,
    `    ${'judge'.padEnd(34)}${'accuracy'.padStart(9)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'kappa'.padStart(7)}   all episodes: n, accuracy, kappa`,
  ];
  const rows = jury.judges.length > 1 ? [...jury.jurors, { ...jury.jury, judge: `jury (${jury.rule})` }] : jury.jurors;
  for (const row of rows) {
    const { balanced, all } = row;
    lines.push(
      `    ${row.judge.padEnd(34)}${pct(balanced.agreement).padStart(9)}${pct(balanced.precision).padStart(10)}${pct(balanced.recall).padStart(8)}${(balanced.kappa?.toFixed(2) ?? '—').padStart(7)}   ${all.episodes}, ${pct(all.agreement)}, ${all.kappa?.toFixed(2) ?? '—'}`,
    );
  }
  if (jury.judges.length > 1) lines.push(`  the judges split on ${jury.splits} of ${sample.from} episode(s)`);
  return lines;
}
