import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
  type SchemaTree,
} from 'hyparquet';
import { errorMessage } from '../../core/errors.js';
import { CARD_FILE, readCardSplits } from './dataset-card.js';
import { featureDict, schemaElements, type ColumnSpec } from './hf-features.js';
import { columnsFor, unitKindOfColumns, type Row } from './parquet-rows.js';

/**
 * `trajsynth validate` for a Parquet export: reads a file back with hyparquet (a reader independent of
 * the writer's code paths) and checks it against what `datasets` and the Hub need: the columns and
 * their Parquet types, the `huggingface` footer metadata matching them, required cells present,
 * every embedded image a real PNG, JPEG or WebP, actions parseable, and the dataset card listing
 * the file's split with its row count. Rows are numbered from 0, as `dataset[i]` and DuckDB number them.
 */

const MAX_PROBLEMS = 50;
const SPLIT_FILE = /^data\/(.+)-00000-of-00001\.parquet$/;

class Problems {
  readonly lines: string[] = [];
  private dropped = 0;
  constructor(private readonly file: string) {}
  add(where: string, message: string): void {
    if (this.lines.length < MAX_PROBLEMS) this.lines.push(`${this.file}: ${where ? `${where}: ` : ''}${message}`);
    else this.dropped += 1;
  }
  done(): string[] {
    return this.dropped > 0 ? [...this.lines, `${this.file}: ... and ${this.dropped} more problems`] : this.lines;
  }
}

/** Which image a file's bytes are, by signature; undefined when none. */
export function imageSignature(bytes: Uint8Array): 'png' | 'jpeg' | 'webp' | undefined {
  const starts = (...prefix: number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp';
  return undefined;
}

/** Whether the image's bytes end where its format says it ends (a cheap test for a cut-off file). */
export function imageComplete(bytes: Uint8Array, format: 'png' | 'jpeg' | 'webp'): boolean {
  if (format === 'png') return Buffer.from(bytes.subarray(-8)).equals(Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])); // IEND + its CRC
  if (format === 'jpeg') return bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9; // EOI
  return (
    bytes.byteLength >= 12 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true) + 8 === bytes.byteLength
  ); // RIFF size
}

function hexStart(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

async function openParquet(path: string): Promise<{ buffer: AsyncBuffer; metadata: FileMetaData } | string> {
  let buffer: AsyncBuffer;
  try {
    buffer = await asyncBufferFromFile(path);
  } catch (error) {
    return `Expected a readable file, got: ${errorMessage(error)}`;
  }
  try {
    return { buffer, metadata: await parquetMetadataAsync(buffer) };
  } catch (error) {
    return `Expected a Parquet file, got: ${errorMessage(error)}`;
  }
}

function flatten(node: SchemaTree): Record<string, unknown>[] {
  const { name, type, converted_type, repetition_type, num_children } = node.element;
  return [{ name, type, converted_type, repetition_type, num_children }, ...node.children.flatMap(flatten)];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkLayout(metadata: FileMetaData, problems: Problems): readonly ColumnSpec[] | undefined {
  const tree = parquetSchema(metadata);
  const names = tree.children.map((child) => child.element.name);
  const kind = unitKindOfColumns(names);
  if (!kind) {
    problems.add('columns', `Expected the trajectory layout (with images) or the step layout (with image), got ${names.join(', ')}`);
    return undefined;
  }
  const columns = columnsFor(kind);
  if (
    !sameJson(
      names,
      columns.map((column) => column.name),
    )
  ) {
    problems.add('columns', `Expected ${columns.map((column) => column.name).join(', ')}, got ${names.join(', ')}`);
    return undefined;
  }
  for (const [index, column] of columns.entries()) {
    const expected = schemaElements(column.name, column.feature).map(({ name, type, converted_type, repetition_type, num_children }) => ({
      name,
      type,
      converted_type,
      repetition_type,
      num_children,
    }));
    const actual = flatten(tree.children[index]!);
    if (!sameJson(expected, actual))
      problems.add(`schema: ${column.name}`, `Expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  const value = metadata.key_value_metadata?.find((entry) => entry.key === 'huggingface')?.value;
  if (value === undefined) {
    problems.add('metadata', 'Expected the footer key "huggingface" (the datasets features), got none');
    return columns;
  }
  let features: unknown;
  try {
    features = (JSON.parse(value) as { info?: { features?: unknown } }).info?.features;
  } catch (error) {
    problems.add('metadata: huggingface', `Expected JSON, got: ${errorMessage(error)}`);
    return columns;
  }
  if (!features || typeof features !== 'object') {
    problems.add('metadata: huggingface', 'Expected {"info": {"features": {...}}}, got no features');
    return columns;
  }
  const declared = features as Record<string, unknown>;
  if (!sameJson(Object.keys(declared), names))
    problems.add('metadata: huggingface: features', `Expected the columns ${names.join(', ')}, got ${Object.keys(declared).join(', ')}`);
  for (const column of columns) {
    const expected = featureDict(column.feature);
    if (column.name in declared && !sameJson(declared[column.name], expected)) {
      problems.add(
        `metadata: huggingface: features.${column.name}`,
        `Expected ${JSON.stringify(expected)}, got ${JSON.stringify(declared[column.name])}`,
      );
    }
  }
  return columns;
}

function checkImage(cell: unknown, where: string, problems: Problems): void {
  const bytes = (cell as { bytes?: unknown } | null)?.bytes;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) {
    problems.add(where, `Expected an image struct with bytes, got ${cell === null || cell === undefined ? 'null' : 'no bytes'}`);
    return;
  }
  const format = imageSignature(bytes);
  if (!format)
    problems.add(`${where}.bytes`, `Expected PNG, JPEG or WebP bytes, got ${bytes.byteLength} bytes starting ${hexStart(bytes)}`);
  else if (!imageComplete(bytes, format))
    problems.add(`${where}.bytes`, `Expected a whole ${format.toUpperCase()} file, got ${bytes.byteLength} bytes that stop before its end`);
}

function checkActionJson(text: unknown, where: string, problems: Problems): void {
  try {
    const action = JSON.parse(String(text)) as { type?: unknown };
    if (typeof action?.type !== 'string') problems.add(where, `Expected a JSON action with a "type", got ${String(text).slice(0, 80)}`);
  } catch {
    problems.add(where, `Expected a JSON action, got ${String(text).slice(0, 80)}`);
  }
}

function checkIndices(indices: unknown, count: number, where: string, problems: Problems): void {
  if (!Array.isArray(indices)) return;
  for (const [turn, index] of indices.entries()) {
    if (index !== null && index !== undefined && !(Number(index) >= 0 && Number(index) < count)) {
      problems.add(`${where}[${turn}]`, `Expected an index below ${count} or null, got ${String(index)}`);
    }
  }
}

function checkRow(row: Row, rowIndex: number, columns: readonly ColumnSpec[], problems: Problems): void {
  const at = (column: string): string => `row ${rowIndex}: ${column}`;
  for (const column of columns) {
    const value = row[column.name];
    if (value === null || value === undefined) {
      if (column.required) problems.add(at(column.name), 'Expected a value, got null');
      continue;
    }
    if (column.feature.kind === 'image') checkImage(value, at(column.name), problems);
    if (column.feature.kind === 'list' && column.feature.of.kind === 'image' && Array.isArray(value)) {
      value.forEach((cell, index) => checkImage(cell, `${at(column.name)}[${index}]`, problems));
    }
  }
  if (typeof row.checker === 'string') {
    try {
      if (!Array.isArray(JSON.parse(row.checker)))
        problems.add(at('checker'), 'Expected a JSON array of predicates, got another JSON value');
    } catch {
      problems.add(at('checker'), `Expected a JSON array of predicates, got ${row.checker.slice(0, 80)}`);
    }
  }
  if ('action' in row && row.action !== null) checkActionJson(row.action, at('action'), problems);
  for (const name of ['actions', 'history_actions']) {
    if (Array.isArray(row[name]))
      (row[name] as unknown[]).forEach((text, index) => checkActionJson(text, `${at(name)}[${index}]`, problems));
  }
  if (Array.isArray(row.actions)) {
    const turns = row.actions.length;
    for (const name of ['image_indices', 'step_indices', 'urls', 'titles', 'actions_ok', 'actions_error']) {
      const length = Array.isArray(row[name]) ? (row[name] as unknown[]).length : undefined;
      if (length !== undefined && length !== turns) problems.add(at(name), `Expected one entry per turn (${turns}), got ${length}`);
    }
    checkIndices(row.image_indices, Array.isArray(row.images) ? row.images.length : 0, at('image_indices'), problems);
  }
  if (Array.isArray(row.history_actions) && Array.isArray(row.history_image_indices)) {
    if (row.history_image_indices.length !== row.history_actions.length) {
      problems.add(
        at('history_image_indices'),
        `Expected one entry per history turn (${row.history_actions.length}), got ${row.history_image_indices.length}`,
      );
    }
    checkIndices(
      row.history_image_indices,
      Array.isArray(row.history_images) ? row.history_images.length : 0,
      at('history_image_indices'),
      problems,
    );
  }
}

async function checkCardListsSplit(root: string, split: string, file: string, rows: number, problems: Problems): Promise<void> {
  let text: string;
  try {
    text = await readFile(join(root, CARD_FILE), 'utf8');
  } catch {
    problems.add(CARD_FILE, 'Expected the dataset card beside the data, got none');
    return;
  }
  const card = readCardSplits(text);
  for (const problem of card.problems) problems.add(CARD_FILE, problem);
  const listed = card.numExamples.get(split);
  if (listed === undefined)
    problems.add(
      `${CARD_FILE}: dataset_info.splits`,
      `Expected split "${split}", got ${[...card.numExamples.keys()].join(', ') || 'none'}`,
    );
  else if (listed !== rows)
    problems.add(`${CARD_FILE}: dataset_info.splits[${split}].num_examples`, `Expected ${rows} (the file's rows), got ${listed}`);
  const glob = card.dataFiles.get(split);
  const globPattern =
    glob === undefined
      ? undefined
      : new RegExp(
          `^${glob
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*')}$`,
        );
  if (!globPattern) problems.add(`${CARD_FILE}: configs.data_files`, `Expected an entry for split "${split}", got none`);
  else if (!globPattern.test(file))
    problems.add(`${CARD_FILE}: configs.data_files[${split}]`, `Expected a path matching ${file}, got ${glob}`);
}

export async function checkParquetFile(root: string, file: string): Promise<string[]> {
  const problems = new Problems(file);
  const opened = await openParquet(join(root, file));
  if (typeof opened === 'string') {
    problems.add('', opened);
    return problems.done();
  }
  const { buffer, metadata } = opened;
  const columns = checkLayout(metadata, problems);
  if (columns) {
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      const groupEnd = groupStart + Number(group.num_rows);
      try {
        const rows = await parquetReadObjects({ file: buffer, metadata, rowStart: groupStart, rowEnd: groupEnd, utf8: false });
        rows.forEach((row, offset) => checkRow(row, groupStart + offset, columns, problems));
      } catch (error) {
        problems.add(`rows ${groupStart}..${groupEnd - 1}`, `Expected readable rows, got: ${errorMessage(error)}`);
      }
      groupStart = groupEnd;
    }
  }
  const split = SPLIT_FILE.exec(file)?.[1];
  if (split === undefined) problems.add('', 'Expected a file named data/<split>-00000-of-00001.parquet');
  else await checkCardListsSplit(root, split, file, Number(metadata.num_rows), problems);
  return problems.done();
}

/** The card alone: it parses, and every split it lists has its file with that many rows. */
export async function checkCardFile(root: string): Promise<string[]> {
  const problems = new Problems(CARD_FILE);
  let text: string;
  try {
    text = await readFile(join(root, CARD_FILE), 'utf8');
  } catch (error) {
    problems.add('', `Expected a readable dataset card, got: ${errorMessage(error)}`);
    return problems.done();
  }
  const card = readCardSplits(text);
  for (const problem of card.problems) problems.add('', problem);
  if (card.numExamples.size === 0 && card.problems.length === 0)
    problems.add('dataset_info.splits', 'Expected at least one split, got none');
  for (const [split, listed] of card.numExamples) {
    if (!card.dataFiles.has(split)) problems.add('configs.data_files', `Expected an entry for split "${split}", got none`);
    const file = `data/${split}-00000-of-00001.parquet`;
    const opened = await openParquet(join(root, file));
    if (typeof opened === 'string') problems.add(`dataset_info.splits[${split}]`, `${file}: ${opened}`);
    else if (Number(opened.metadata.num_rows) !== listed)
      problems.add(
        `dataset_info.splits[${split}].num_examples`,
        `Expected ${opened.metadata.num_rows} (the rows of ${file}), got ${listed}`,
      );
  }
  return problems.done();
}
