import { diffManifests, readDatasetManifest, type DatasetDiff, type SampleDiff } from '../export/dataset-diff.js';
import { booleanFlag, parseCommandArgs, UsageError } from './args.js';

export const DIFF_HELP = `Usage: trajsynth diff A B [flags]

Compare two exported datasets by their manifests: "identical" (exit 0) when their fingerprints
match; else the records added, removed and changed (same key, different content), grouped by
sample, and the format, unit, split, options and sources that differ (exit 1, like diff(1)).

Flags:
  --json        print the comparison as JSON
`;

export async function diffCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs('diff', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(DIFF_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 2)
    throw new UsageError(`Expected two dataset directories A and B, got ${parsed.positionals.length}. Usage: trajsynth diff A B [--json]`);
  const [dirA, dirB] = parsed.positionals as [string, string];
  const diff = diffManifests(await readDatasetManifest(dirA), await readDatasetManifest(dirB), { a: dirA, b: dirB });
  process.stdout.write(`${booleanFlag(parsed, 'json') ? JSON.stringify(diff, null, 2) : diffText(diff)}\n`);
  return diff.identical ? 0 : 1;
}

const MARK: Record<SampleDiff['status'], string> = { added: '+', removed: '-', changed: '~' };

function diffText(diff: DatasetDiff): string {
  if (diff.identical) return `identical (${diff.a.fingerprint})`;
  const { samples, records } = diff.counts;
  const lines = [
    `--- ${diff.a.dir} (${diff.a.format}, ${diff.a.records} records, ${diff.a.fingerprint})`,
    `+++ ${diff.b.dir} (${diff.b.format}, ${diff.b.records} records, ${diff.b.fingerprint})`,
    `samples: ${samples.added} added, ${samples.removed} removed, ${samples.changed} changed; records: ${records.added} added, ${records.removed} removed, ${records.changed} changed, ${records.unchanged} unchanged`,
  ];
  for (const field of diff.fields) lines.push(`${field.field}: ${show(field.a)} → ${show(field.b)}`);
  for (const sample of diff.samples) {
    const parts = [
      sample.added.length ? `${sample.added.length} added` : '',
      sample.removed.length ? `${sample.removed.length} removed` : '',
      sample.changed.length ? `${sample.changed.length} changed` : '',
    ].filter(Boolean);
    lines.push(
      `${MARK[sample.status]} ${sample.sampleId}  (${parts.join(', ')} record${sample.added.length + sample.removed.length + sample.changed.length === 1 ? '' : 's'})`,
    );
  }
  return lines.join('\n');
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
