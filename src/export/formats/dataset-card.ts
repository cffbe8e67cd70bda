import type { ActionSpace, CoordinateSystem } from '../sample.js';
import { featureYaml, type ColumnSpec, type HfFeature } from './hf-features.js';

/**
 * The dataset card (README.md at the dataset root) the Hugging Face Hub reads: a YAML header with
 * `configs` (which files make which split) and `dataset_info` (features and split sizes), then a body
 * for people. Layout from huggingface/hub-docs datasetcard.md and what `push_to_hub` writes: one
 * `default` config, `data_files` as `data/<split>-*` globs, features as `Features._to_yaml_list` renders
 * them, `splits` with `num_examples`. No `license`: trajsynth cannot know it, and `license: other`
 * requires a `license_name`; the body asks the publisher to set one.
 */

export const CARD_FILE = 'README.md';
export const CARD_TAGS = ['trajsynth', 'computer-use', 'gui-agent', 'synthetic'];

/** A split as the card lists it. */
export interface CardSplit {
  name: string;
  /** The `data_files` glob of the split, relative to the dataset root. */
  pathGlob: string;
  numExamples: number;
}

export interface DatasetCardOptions {
  columns: readonly ColumnSpec[];
  splits: readonly CardSplit[];
  unit: 'trajectory' | 'step';
  coords: CoordinateSystem;
  actionSpace: ActionSpace;
  environments: readonly string[];
  levels: readonly number[];
}

const COORDINATES: Record<CoordinateSystem, string> = {
  absolute: "pixels of the row's own image (origin top left, x to the right, y down)",
  unit: "fractions 0..1 of the image's width and height (origin top left)",
  thousandths: "integers 0..1000 of the image's width and height (origin top left)",
};

const ACTION_SPACES: Record<ActionSpace, string> = {
  pixel: 'actions name their target by `point` only',
  ref: "actions name their target by the accessibility snapshot's `ref`, with its `role` and `elementName`; no points",
  both: 'actions carry both the element (`ref`, `role`, `elementName`) and the `point` the pointer went to',
};

/** YAML-safe scalar: plain when it is a simple word, else a double-quoted (JSON) string. */
function scalar(text: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./*-]*$/.test(text) ? text : JSON.stringify(text);
}

function featureTypeText(feature: HfFeature): string {
  if (feature.kind === 'value') return feature.dtype;
  if (feature.kind === 'image') return 'image';
  return `list of ${featureTypeText(feature.of)}`;
}

export function renderDatasetCard(options: DatasetCardOptions): string {
  const header = [
    '---',
    'configs:',
    '- config_name: default',
    '  data_files:',
    ...options.splits.flatMap((split) => [`  - split: ${scalar(split.name)}`, `    path: ${scalar(split.pathGlob)}`]),
    'dataset_info:',
    '  features:',
    ...options.columns.flatMap((column) => [`  - name: ${scalar(column.name)}`, ...featureYaml(column.feature, '    ')]),
    '  splits:',
    ...options.splits.flatMap((split) => [`  - name: ${scalar(split.name)}`, `    num_examples: ${split.numExamples}`]),
    'tags:',
    ...CARD_TAGS.map((tag) => `- ${tag}`),
    '---',
  ];
  const total = options.splits.reduce((sum, split) => sum + split.numExamples, 0);
  const rowKind =
    options.unit === 'trajectory'
      ? 'a whole trajectory (every step, then a final `done` on the end state)'
      : 'one step: the screenshot, the history before it and the action to predict';
  const body = [
    '',
    '# Computer-use trajectories (trajsynth)',
    '',
    `Computer-use trajectories synthesized by trajsynth in a real headless Chromium: ${total} rows, each ${rowKind}.`,
    `Environments: ${options.environments.join(', ') || 'none'}. Levels: ${options.levels.join(', ') || 'none'}.`,
    '',
    'No license is set: add a `license:` field to the header above before publishing.',
    '',
    '```python',
    'from datasets import load_dataset',
    'dataset = load_dataset("path/to/this/directory")  # or the Hub repository id',
    '```',
    '',
    '## Splits',
    '',
    '| split | rows | files |',
    '| --- | --- | --- |',
    ...options.splits.map((split) => `| ${split.name} | ${split.numExamples} | \`${split.pathGlob}\` |`),
    '',
    '## Columns',
    '',
    '| column | type | description |',
    '| --- | --- | --- |',
    ...options.columns.map((column) => `| \`${column.name}\` | ${featureTypeText(column.feature)} | ${column.description} |`),
    '',
    'Images are embedded (the `datasets` `Image` feature: a struct of `bytes` and `path`, `path` being the',
    'file name `<sha256>.<ext>`).',
    '',
    '## Actions',
    '',
    'Each action is a JSON object with a `type` (click, dblclick, type, press, select, scroll, hover,',
    'navigate, back, wait, done) and the fields that type uses: `ref`, `role`, `elementName`, `point`',
    '`{x, y}`, `text`, `keys` (Playwright key names), `value`, `url`, `scroll` `{deltaX, deltaY}`, `waitMs`,',
    '`answer`.',
    '',
    `- Coordinates (\`${options.coords}\`): ${COORDINATES[options.coords]}.`,
    `- Action space (\`${options.actionSpace}\`): ${ACTION_SPACES[options.actionSpace]}.`,
    '',
  ];
  return [...header, ...body].join('\n');
}

/** What a card's YAML header says about its splits, read back for validation. */
export interface CardSplitsRead {
  /** `dataset_info.splits`: split → num_examples. */
  numExamples: Map<string, number>;
  /** `configs[default].data_files`: split → path glob. */
  dataFiles: Map<string, string>;
  problems: string[];
}

function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('"')) {
    try {
      return JSON.parse(trimmed) as string;
    } catch {
      return trimmed;
    }
  }
  return trimmed.startsWith("'") && trimmed.endsWith("'") ? trimmed.slice(1, -1).replace(/''/g, "'") : trimmed;
}

/**
 * Reads the split entries of a card this format wrote (block-style YAML at known indents). Not a YAML
 * parser: enough to find `data_files` and `splits` entries and report a header that lacks them.
 */
export function readCardSplits(text: string): CardSplitsRead {
  const result: CardSplitsRead = { numExamples: new Map(), dataFiles: new Map(), problems: [] };
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') {
    result.problems.push('Expected a YAML header starting with "---" on the first line');
    return result;
  }
  const end = lines.indexOf('---', 1);
  if (end < 0) {
    result.problems.push('Expected the YAML header to end with a "---" line, got none');
    return result;
  }
  let section = '';
  let pending: string | undefined;
  for (const line of lines.slice(1, end)) {
    const key = line.match(/^( {2})?([A-Za-z_][\w-]*):/);
    if (key) section = key[1] ? `${section.split('.')[0]}.${key[2]}` : key[2]!;
    let match: RegExpMatchArray | null;
    if (section === 'configs.data_files' && (match = line.match(/^ {2}- split:(.*)$/))) pending = unquote(match[1]!);
    else if (section === 'configs.data_files' && pending !== undefined && (match = line.match(/^ {4}path:(.*)$/))) {
      result.dataFiles.set(pending, unquote(match[1]!));
      pending = undefined;
    } else if (section === 'dataset_info.splits' && (match = line.match(/^ {2}- name:(.*)$/))) pending = unquote(match[1]!);
    else if (section === 'dataset_info.splits' && pending !== undefined && (match = line.match(/^ {4}num_examples:\s*(\S+)\s*$/))) {
      const count = Number(match[1]);
      if (Number.isInteger(count) && count >= 0) result.numExamples.set(pending, count);
      else result.problems.push(`dataset_info.splits[${pending}].num_examples: Expected a whole number, got "${match[1]}"`);
      pending = undefined;
    }
  }
  return result;
}
