import { CONSENSUS_LABELS } from '../core/review-consensus.js';
import { FORMAT_IDS } from '../export/formats/index.js';
import type { ExportOptions } from '../export/export-dataset.js';
import type { ActionSpace, CoordinateSystem, ExportUnitKind, ImageFormat } from '../export/sample.js';
import { parseKinds, type SampleFilters } from '../export/select-samples.js';
import { DEFAULT_SPLIT, parseSplitRule } from '../export/split.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, type ParsedCommand } from './args.js';
import { resolveRun } from './inspect-command.js';
import { CountingBar } from './progress.js';

export const EXPORT_HELP = `Usage: trajsynth export SOURCE... --format F --dest DIR [flags]

Write training data from synthesis or evaluation runs: one sample per level-k task (or evaluation
episode), or one per step, in a format trainers load unmodified, with manifest.json (content
fingerprint, sources, flags, counts). The dataset is written beside DIR and renamed into place at the
end: a failure never leaves half a dataset. Same sources and flags give byte-identical files.
SOURCE is a run id (looked up under --out) or the path of a run directory.

Formats (--format):
  openai      chat fine-tuning JSONL: messages with image_url parts, actions as tool calls
  anthropic   Messages JSONL: image blocks, tool_use/tool_result, the computer-use action vocabulary
  sharegpt    LLaMA-Factory multimodal ShareGPT (<image> markers) plus its dataset_info.json entry
  parquet     Hugging Face datasets: Parquet per split with an Image column, and a dataset card
  raw         trajsynth's own records, one JSON line per sample, images as files
  dpo         preference pairs (prompt, chosen, rejected), TRL's conversational layout
  openai-preference  OpenAI's preference fine-tuning JSONL (input, preferred/non_preferred output)
  playwright-trace   one Playwright trace .zip per trajectory (a group per subtask, each step with
                     its point and screenshots) for \`npx playwright show-trace FILE\`; trajectory units only

Flags:
  --out DIR            output directory the runs were written to (default .)
  --format F           one of the formats above (required)
  --dest DIR           the dataset directory: new, or empty (required)
  --force              replace a non-empty --dest (only once the new dataset is complete)
  --unit U             trajectory (one multi-turn sample per task, default) or step (one per step)
  --history N          step units: earlier screenshots and actions given with each step (default 2)
  --action-space S     pixel (default), ref or both: how actions name their element; ref and both
                       give each screen's accessibility snapshot, where the refs are
  --coords C           absolute (pixels of the exported image, default), unit (0..1) or thousandths (0..1000)
  --image-format F     webp (default), png or jpeg
  --max-side PX        scale screenshots so the longest side is at most PX (coordinates follow)
  --min-level K, --max-level K   only level-k tasks in this range
  --env ID             only this app (repeatable, or comma-separated)
  --kind K             only tasks with a subtask of this interaction kind (form, toggle, select,
                       navigate, item-action, search, read; repeatable)
  --valid-only         drop tasks whose gold steps failed \`trajsynth replay\` (needs replay results)
  --reviewed LABEL     only tasks whose human-review consensus is LABEL: accepted, rejected, unsure,
                       disputed or pending (see trajsynth reviews; majority rule)
  --min-reviewers N    reviewers a task needs for a consensus (default 2)
  --success-only       evaluation runs: only successful episodes
  --split SPEC         e.g. train=0.9,val=0.05,test=0.05 (default train=1): by a hash of the chain,
                       so all levels of a chain land in one split
  --json               print the manifest's summary as JSON
  --quiet              no progress bar
`;

const UNITS: readonly ExportUnitKind[] = ['trajectory', 'step'];
const SPACES: readonly ActionSpace[] = ['pixel', 'ref', 'both'];
const COORDS: readonly CoordinateSystem[] = ['absolute', 'unit', 'thousandths'];
const IMAGE_FORMATS: readonly ImageFormat[] = ['webp', 'png', 'jpeg'];

function choice<T extends string>(parsed: ParsedCommand, name: string, allowed: readonly T[], fallback: T): T {
  const raw = stringFlag(parsed, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new UsageError(`Expected --${name} to be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function listFlag(parsed: ParsedCommand, name: string): string[] | undefined {
  const values = (parsed.values[name] as string[] | undefined)
    ?.flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return values?.length ? values : undefined;
}

export function exportFilters(parsed: ParsedCommand): SampleFilters {
  const filters: SampleFilters = {};
  const minLevel = stringFlag(parsed, 'min-level');
  const maxLevel = stringFlag(parsed, 'max-level');
  if (minLevel !== undefined) filters.minLevel = integerFlag('min-level', minLevel, 1, { min: 1, max: 100 });
  if (maxLevel !== undefined) filters.maxLevel = integerFlag('max-level', maxLevel, 1, { min: 1, max: 100 });
  const environments = listFlag(parsed, 'env');
  if (environments) filters.environments = environments;
  const kinds = listFlag(parsed, 'kind');
  if (kinds) {
    try {
      filters.kinds = parseKinds(kinds);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  if (booleanFlag(parsed, 'valid-only')) filters.validOnly = true;
  const reviewed = stringFlag(parsed, 'reviewed');
  if (reviewed !== undefined) {
    if (!(CONSENSUS_LABELS as readonly string[]).includes(reviewed))
      throw new UsageError(`Expected --reviewed to be one of ${CONSENSUS_LABELS.join(', ')}, got "${reviewed}"`);
    filters.reviewed = reviewed;
  }
  if (booleanFlag(parsed, 'success-only')) filters.successOnly = true;
  return filters;
}

export async function exportCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'export',
    argv,
    {
      out: { type: 'string' },
      format: { type: 'string' },
      dest: { type: 'string' },
      force: { type: 'boolean' },
      unit: { type: 'string' },
      history: { type: 'string' },
      'action-space': { type: 'string' },
      coords: { type: 'string' },
      'image-format': { type: 'string' },
      'max-side': { type: 'string' },
      'min-level': { type: 'string' },
      'max-level': { type: 'string' },
      env: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      'valid-only': { type: 'boolean' },
      reviewed: { type: 'string' },
      'min-reviewers': { type: 'string' },
      'success-only': { type: 'boolean' },
      split: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (parsed.positionals.length === 0)
    throw new UsageError('Expected at least one SOURCE run. Usage: trajsynth export SOURCE... --format F --dest DIR');
  const format = stringFlag(parsed, 'format');
  if (!format) throw new UsageError(`Expected --format, one of ${FORMAT_IDS.join(', ')}`);
  if (!FORMAT_IDS.includes(format)) throw new UsageError(`Expected --format to be one of ${FORMAT_IDS.join(', ')}, got "${format}"`);
  const dest = stringFlag(parsed, 'dest');
  if (!dest) throw new UsageError('Expected --dest DIR, the directory to write the dataset to (new or empty)');
  let split = DEFAULT_SPLIT;
  const splitText = stringFlag(parsed, 'split');
  if (splitText !== undefined) {
    try {
      split = parseSplitRule(splitText);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const maxSide = stringFlag(parsed, 'max-side');
  const json = booleanFlag(parsed, 'json');
  const bar = json || booleanFlag(parsed, 'quiet') ? undefined : new CountingBar('samples');
  const options: ExportOptions = {
    sources: parsed.positionals.map((source) => resolveRun(source, stringFlag(parsed, 'out'))),
    format,
    dest,
    force: booleanFlag(parsed, 'force'),
    unit: choice(parsed, 'unit', UNITS, 'trajectory'),
    history: integerFlag('history', stringFlag(parsed, 'history'), 2, { min: 0, max: 50 }),
    actionSpace: choice(parsed, 'action-space', SPACES, 'pixel'),
    coords: choice(parsed, 'coords', COORDS, 'absolute'),
    imageFormat: choice(parsed, 'image-format', IMAGE_FORMATS, 'webp'),
    ...(maxSide !== undefined ? { maxSide: integerFlag('max-side', maxSide, 1024, { min: 16, max: 10000 }) } : {}),
    filters: exportFilters(parsed),
    consensus: { minReviewers: integerFlag('min-reviewers', stringFlag(parsed, 'min-reviewers'), 2, { min: 1, max: 1000 }) },
    split,
    signal,
    ...(bar
      ? {
          onProgress: (progress) => {
            if (progress.phase !== 'write') return;
            if (progress.done === 1) bar.start(progress.total);
            bar.tick('written');
          },
        }
      : {}),
  };
  const { exportDataset } = await import('../export/export-dataset.js');
  const result = await exportDataset(options);
  bar?.finish();
  const manifest = result.manifest;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ dest: result.dest, format: manifest.format, unit: manifest.unit, fingerprint: manifest.fingerprint, counts: manifest.counts, notes: manifest.notes, excluded: result.excluded }, null, 2)}\n`,
    );
    return 0;
  }
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  const out = [
    `Exported ${manifest.counts.samples} sample(s) as ${manifest.counts.records} ${manifest.format} record(s) (${manifest.unit} units) to ${result.dest}`,
    `  splits       ${Object.entries(manifest.counts.bySplit)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ')}`,
    `  levels       ${Object.entries(manifest.counts.byLevel)
      .map(([name, count]) => `${name}: ${count}`)
      .join('  ')}`,
    `  images       ${manifest.counts.images}`,
    ...(manifest.counts.pairs !== undefined ? [`  pairs        ${manifest.counts.pairs}`] : []),
    `  size         ${(bytes / 1e6).toFixed(1)} MB in ${manifest.files.length} file(s)`,
    `  fingerprint  ${manifest.fingerprint}`,
  ];
  const excluded = Object.entries(result.excluded);
  if (excluded.length) out.push(`  left out     ${excluded.map(([filter, count]) => `${count} by ${filter}`).join(', ')}`);
  for (const note of manifest.notes) out.push(`  note: ${note}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
