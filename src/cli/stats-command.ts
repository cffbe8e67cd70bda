import { datasetStats } from '../export/dataset-stats.js';
import { readStatsSource } from '../export/stats-sources.js';
import { booleanFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';
import { resolveExportSource } from './export-source.js';
import { statsText } from './stats-text.js';

export const STATS_HELP = `Usage: trajsynth stats RUN... [flags]

How diverse and how long the level-k tasks of one or more runs are: counts by app, level,
interaction kind and persona with their Shannon entropy (bits, and normalized by log2 of the
number of categories); distinct-1 and distinct-2 of the task texts; near-duplicate tasks (Jaccard
similarity of word 3-shingles, never pairing tasks of one chain, which nest by construction);
affordance coverage per app; gold steps and task-text tokens (an estimate) per level. Evaluation
runs count their tasks and their episodes' outcomes by level.
RUN is a run id (looked up under --out) or a run's directory.

Flags:
  --out DIR          store directory holding trajectories/ (default .)
  --json             print the stats as JSON
  --near-dup X       similarity at which two tasks count as near-duplicates (0 < X <= 1, default 0.8)
`;

export async function statsCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'stats',
    argv,
    { out: { type: 'string' }, json: { type: 'boolean' }, 'near-dup': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(STATS_HELP);
    return 0;
  }
  if (parsed.positionals.length === 0)
    throw new UsageError('Expected at least one RUN. Usage: trajsynth stats RUN... [--out DIR] [--json] [--near-dup 0.8]');
  const threshold = nearDuplicateFlag(stringFlag(parsed, 'near-dup'));
  const sources = [];
  for (const source of parsed.positionals) {
    const resolved = resolveExportSource(source, stringFlag(parsed, 'out'), { datasets: false });
    if (resolved.kind === 'run') sources.push(await readStatsSource(resolved.layout));
  }
  const stats = datasetStats(
    sources.flatMap((source) => source.samples),
    { nearDuplicateThreshold: threshold, coverage: sources.flatMap((source) => source.coverage) },
  );
  const names = sources.map((source) => `${source.runId} (${source.kind})`);
  process.stdout.write(
    `${booleanFlag(parsed, 'json') ? JSON.stringify({ sources: names, ...stats }, null, 2) : statsText(stats, names)}\n`,
  );
  return 0;
}

function nearDuplicateFlag(raw: string | undefined): number {
  if (raw === undefined) return 0.8;
  const value = Number(raw);
  if (!/^\s*(0?\.\d+|1(\.0*)?|0)\s*$/.test(raw) || !(value > 0 && value <= 1))
    throw new UsageError(`Expected --near-dup to be a similarity above 0 and at most 1, got "${raw}". Example: --near-dup 0.8`);
  return value;
}
