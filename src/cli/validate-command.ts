import { validateDataset } from '../export/validate-dataset.js';
import { validateRun } from '../export/validate-run.js';
import { problemLine, type ValidationReport } from '../export/validation-problem.js';
import { booleanFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';
import { resolveExportSource } from './export-source.js';

export const VALIDATE_HELP = `Usage: trajsynth validate SOURCE [flags]

Check a run or an exported dataset before publishing it; print one line per problem
(file:line: field: problem) and exit 2 when there is any, else a one-line summary and exit 0.
SOURCE is a run id (synthesis or evaluation, looked up under --out), a run's directory, or a
dataset directory written by \`trajsynth export\` (it holds manifest.json).

Runs: every file reads through its schema at a known schema version; every screenshot and
snapshot a step names exists; every screenshot decodes in full at the viewport size; steps are
numbered 0..n-1; gold ranges lie inside the chain's steps and hold their subtasks' steps; checkers
are non-empty and use state predicates only where the environment has a probe; summaries keep every
constant of their subtasks; no level-k task is duplicated; the tasks file agrees with chain.json.
Datasets: manifest.json parses; every listed file exists with its size and sha256 and no other file
is there; image files are named by their hash and decode; the fingerprint recomputes; the counts
add up; each data file passes its format's reader.

Flags:
  --out DIR     store directory holding trajectories/ and tasks/ (default .)
  --json        print the report as JSON ({kind, source, problems, counts})
`;

export async function validateCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'validate',
    argv,
    { out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(VALIDATE_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one SOURCE (a run id or a dataset directory), got ${parsed.positionals.length}. Usage: trajsynth validate SOURCE [--out DIR] [--json]`,
    );
  const source = resolveExportSource(parsed.positionals[0]!, stringFlag(parsed, 'out'), { datasets: true });
  const report = source.kind === 'dataset' ? await validateDataset(source.dir) : await validateRun(source.layout);
  if (booleanFlag(parsed, 'json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${reportText(report)}\n`);
  return report.problems.length > 0 ? 2 : 0;
}

function reportText(report: ValidationReport): string {
  const lines = report.problems.map(problemLine);
  const what = summaryCounts(report);
  lines.push(report.problems.length > 0 ? `invalid: ${report.problems.length} problem(s) in ${report.source} (${what})` : `valid: ${what}`);
  return lines.join('\n');
}

function summaryCounts(report: ValidationReport): string {
  const c = report.counts;
  if (report.kind === 'synth-run')
    return `${c.chains} chains, ${c.levelTasks} level-k tasks, ${c.steps} steps, ${c.screenshotsDecoded} screenshots decoded`;
  if (report.kind === 'eval-run') return `${c.episodes} episodes, ${c.steps} steps, ${c.screenshotsDecoded} screenshots decoded`;
  if (c.records === undefined) return 'no readable manifest';
  return `${c.samples} samples, ${c.records} records, ${c.files} files, ${c.imagesDecoded} images decoded`;
}
