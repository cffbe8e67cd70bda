import { basename } from 'node:path';
import { sha256Hex } from '../fingerprint.js';
import type { EncodedImage, ExportAction, ExportTurn, ExportUnit, ExportUnitKind } from '../sample.js';
import { BOOL, IMAGE, INT64, listOf, STRING, type ColumnSpec } from './hf-features.js';

/**
 * The columns of a Parquet export and how a unit becomes a row. One row per unit: a whole trajectory
 * (`--unit trajectory`) or one step with its history (`--unit step`). Actions are JSON strings, not
 * structs: the action fields present depend on the action space, a struct would be mostly nulls, and
 * `datasets`' `Json` feature exists only in recent releases (an older `datasets` fails on a feature
 * type it does not know); a trainer puts the action into a message as text anyway.
 */

/** An `Image` cell as the `datasets` library stores it: the file's bytes and its file name. */
export interface ImageCell {
  bytes: Uint8Array;
  path: string;
}

export type Row = Record<string, unknown>;

const SAMPLE_COLUMNS: ColumnSpec[] = [
  {
    name: 'id',
    feature: STRING,
    required: true,
    description: 'Unit id: `<run>/<chain>/L<k>` for a level-k task, `<eval-run>/<episode>` for an episode; step rows add `#s<step>`.',
  },
  { name: 'run_id', feature: STRING, required: true, description: 'The run the sample was read from.' },
  {
    name: 'source_run_id',
    feature: STRING,
    required: true,
    description: 'The synthesis run the task comes from (the run itself for synthesis samples).',
  },
  { name: 'kind', feature: STRING, required: true, description: '`synth` (a gold trajectory) or `eval` (an evaluated agent episode).' },
  { name: 'chain_id', feature: STRING, required: true, description: 'The chain the task belongs to; all levels of a chain share a split.' },
  { name: 'level', feature: INT64, required: true, description: 'k: the number of chained subtasks the task summarizes.' },
  { name: 'environment', feature: STRING, required: true, description: 'The environment id.' },
  { name: 'env_seed', feature: INT64, required: true, description: 'Seed of the environment reset the trajectory starts from.' },
  { name: 'start_path', feature: STRING, required: true, description: 'Path the episode starts on.' },
  { name: 'persona', feature: STRING, required: false, description: 'The persona the tasks were proposed for, if any.' },
  { name: 'task', feature: STRING, required: true, description: 'The level-k instruction the agent is given.' },
  { name: 'subtasks', feature: listOf(STRING), required: true, description: 'The subtask descriptions the task summarizes, in order.' },
  {
    name: 'interactions',
    feature: listOf(STRING),
    required: true,
    description: 'Interaction kind of each subtask (form, toggle, select, navigate, ...).',
  },
  { name: 'checker', feature: STRING, required: true, description: 'JSON array of the predicates that decide success.' },
  { name: 'answer', feature: STRING, required: false, description: 'The final answer, for information-seeking tasks.' },
  { name: 'success', feature: BOOL, required: false, description: 'Evaluation episodes: whether the checker passed.' },
  { name: 'progress', feature: INT64, required: false, description: 'Evaluation episodes: subtasks completed in order.' },
  {
    name: 'coordinate_system',
    feature: STRING,
    required: true,
    description: 'How action points are written: `absolute`, `unit` or `thousandths`.',
  },
  { name: 'action_space', feature: STRING, required: true, description: 'Which action fields are present: `pixel`, `ref` or `both`.' },
];

const TRAJECTORY_COLUMNS: ColumnSpec[] = [
  ...SAMPLE_COLUMNS,
  { name: 'images', feature: listOf(IMAGE), required: true, description: 'The screenshots, one per turn that has one, in turn order.' },
  {
    name: 'image_indices',
    feature: listOf(INT64),
    required: true,
    description: 'For each turn, the index in `images` of the screenshot its action was chosen on (null: none).',
  },
  { name: 'step_indices', feature: listOf(INT64), required: true, description: 'For each turn, the step index in the source run.' },
  { name: 'urls', feature: listOf(STRING), required: true, description: 'For each turn, the page URL before the action.' },
  { name: 'titles', feature: listOf(STRING), required: true, description: 'For each turn, the page title before the action.' },
  {
    name: 'actions',
    feature: listOf(STRING),
    required: true,
    description: 'For each turn, the action as a JSON object; the last is `done` on the end state.',
  },
  { name: 'actions_ok', feature: listOf(BOOL), required: true, description: 'For each turn, whether the action succeeded.' },
  {
    name: 'actions_error',
    feature: listOf(STRING),
    required: true,
    description: 'For each turn, the error the agent was shown (null when it succeeded).',
  },
];

const STEP_COLUMNS: ColumnSpec[] = [
  ...SAMPLE_COLUMNS,
  { name: 'step_index', feature: INT64, required: true, description: 'The target step index in the source run.' },
  { name: 'url', feature: STRING, required: true, description: 'The page URL before the target action.' },
  { name: 'title', feature: STRING, required: true, description: 'The page title before the target action.' },
  { name: 'image', feature: IMAGE, required: false, description: 'The screenshot the target action is chosen on.' },
  { name: 'action', feature: STRING, required: true, description: 'The target action as a JSON object.' },
  { name: 'action_ok', feature: BOOL, required: true, description: 'Whether the target action succeeded.' },
  { name: 'action_error', feature: STRING, required: false, description: 'The error the agent was shown, when it failed.' },
  {
    name: 'history_images',
    feature: listOf(IMAGE),
    required: true,
    description: 'Screenshots of the history turns that have one, oldest first.',
  },
  {
    name: 'history_image_indices',
    feature: listOf(INT64),
    required: true,
    description: 'For each history turn, the index in `history_images` of its screenshot (null: none).',
  },
  {
    name: 'history_actions',
    feature: listOf(STRING),
    required: true,
    description: 'The actions before the target, oldest first, as JSON objects.',
  },
];

export function columnsFor(unit: ExportUnitKind): readonly ColumnSpec[] {
  return unit === 'trajectory' ? TRAJECTORY_COLUMNS : STEP_COLUMNS;
}

/** Which layout a file has, from its column names (`images` for trajectories, `image` for steps). */
export function unitKindOfColumns(names: readonly string[]): ExportUnitKind | undefined {
  if (names.includes('images')) return 'trajectory';
  if (names.includes('image')) return 'step';
  return undefined;
}

/** The action in a fixed key order, so the same action always serializes to the same text. */
export function actionJson(action: ExportAction): string {
  const ordered: Record<string, unknown> = { type: action.type };
  if (action.ref !== undefined) ordered.ref = action.ref;
  if (action.role !== undefined) ordered.role = action.role;
  if (action.elementName !== undefined) ordered.elementName = action.elementName;
  if (action.point !== undefined) ordered.point = { x: action.point.x, y: action.point.y };
  if (action.text !== undefined) ordered.text = action.text;
  if (action.keys !== undefined) ordered.keys = [...action.keys];
  if (action.value !== undefined) ordered.value = action.value;
  if (action.url !== undefined) ordered.url = action.url;
  if (action.scroll !== undefined) ordered.scroll = { deltaX: action.scroll.deltaX, deltaY: action.scroll.deltaY };
  if (action.waitMs !== undefined) ordered.waitMs = action.waitMs;
  if (action.answer !== undefined) ordered.answer = action.answer;
  return JSON.stringify(ordered);
}

/** The image as a cell: the bytes (not copied) and the file name the dataset's manifest knows it by. */
export function imageCell(image: EncodedImage): ImageCell {
  return { bytes: image.bytes, path: basename(image.path) };
}

/** The turns' screenshots, one per turn that has one, and for each turn the index of its own (or null). */
function imagesOf(turns: readonly ExportTurn[]): { images: ImageCell[]; indices: (bigint | null)[] } {
  const images: ImageCell[] = [];
  const indices: (bigint | null)[] = [];
  for (const turn of turns) {
    if (!turn.image) {
      indices.push(null);
      continue;
    }
    images.push(imageCell(turn.image));
    indices.push(BigInt(images.length - 1));
  }
  return { images, indices };
}

function sampleCells(unit: ExportUnit): Row {
  const sample = unit.sample;
  return {
    id: unit.id,
    run_id: sample.runId,
    source_run_id: sample.sourceRunId,
    kind: sample.kind,
    chain_id: sample.chainId,
    level: BigInt(sample.level),
    environment: sample.environment,
    env_seed: BigInt(sample.envSeed),
    start_path: sample.startPath,
    persona: sample.persona ?? null,
    task: sample.task,
    subtasks: [...sample.subtaskTexts],
    interactions: [...sample.interactions],
    checker: JSON.stringify(sample.checker),
    answer: sample.answer ?? null,
    success: sample.outcome ? sample.outcome.success : null,
    progress: sample.outcome ? BigInt(sample.outcome.progress) : null,
    coordinate_system: unit.coords,
    action_space: unit.actionSpace,
  };
}

/** The unit as a row of its layout's columns (in column order). */
export function rowOf(unit: ExportUnit): Row {
  if (unit.unit === 'trajectory') {
    const { images, indices } = imagesOf(unit.turns);
    return {
      ...sampleCells(unit),
      images,
      image_indices: indices,
      step_indices: unit.turns.map((turn) => BigInt(turn.stepIndex)),
      urls: unit.turns.map((turn) => turn.url),
      titles: unit.turns.map((turn) => turn.title),
      actions: unit.turns.map((turn) => actionJson(turn.action)),
      actions_ok: unit.turns.map((turn) => turn.ok),
      actions_error: unit.turns.map((turn) => turn.error ?? null),
    };
  }
  const target = unit.turns.at(-1)!;
  const history = unit.turns.slice(0, -1);
  const { images, indices } = imagesOf(history);
  return {
    ...sampleCells(unit),
    step_index: BigInt(target.stepIndex),
    url: target.url,
    title: target.title,
    image: target.image ? imageCell(target.image) : null,
    action: actionJson(target.action),
    action_ok: target.ok,
    action_error: target.error ?? null,
    history_images: images,
    history_image_indices: indices,
    history_actions: history.map((turn) => actionJson(turn.action)),
  };
}

const imageHashes = new WeakMap<Uint8Array, string>();

function imageHash(bytes: Uint8Array): string {
  let hash = imageHashes.get(bytes);
  if (hash === undefined) {
    hash = sha256Hex(bytes);
    imageHashes.set(bytes, hash);
  }
  return hash;
}

/**
 * sha256 of the row as written: its cells in column order as JSON, with each image's bytes replaced
 * by their sha256 (so any changed pixel byte changes the record hash without hashing it twice).
 */
export function rowHash(row: Row): string {
  const text = JSON.stringify(row, (_key, value: unknown) => {
    if (value instanceof Uint8Array) return `sha256:${imageHash(value)}`;
    if (typeof value === 'bigint') return Number(value);
    return value;
  });
  return sha256Hex(text);
}

/** Image bytes a row carries (repeats counted: each is stored per row), for sizing row groups. */
export function rowImageBytes(row: Row): number {
  let total = 0;
  for (const value of Object.values(row)) {
    const cells = Array.isArray(value) ? value : [value];
    for (const cell of cells) {
      if (cell && typeof cell === 'object' && (cell as ImageCell).bytes instanceof Uint8Array)
        total += (cell as ImageCell).bytes.byteLength;
    }
  }
  return total;
}
