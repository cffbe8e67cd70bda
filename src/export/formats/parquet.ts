import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { errorMessage, TrajsynthError } from '../../core/errors.js';
import type { ActionSpace, CoordinateSystem, DatasetFormat, ExportUnit, ExportUnitKind, FormatContext, FormatOutput } from '../sample.js';
import { CARD_FILE, renderDatasetCard } from './dataset-card.js';
import { huggingfaceMetadata, parquetSchema, type ColumnSpec } from './hf-features.js';
import { checkParquetFile, checkCardFile } from './parquet-check.js';
import { columnsFor, rowHash, rowImageBytes, rowOf, type Row } from './parquet-rows.js';

/**
 * `--format parquet`: the Hugging Face datasets layout. One Parquet file per split,
 * `data/<split>-00000-of-00001.parquet` (the Hub's shard naming), with images embedded as `datasets`
 * `Image` structs and the `huggingface` footer metadata `datasets` reads its features from, plus a
 * dataset card (README.md) whose YAML header names the splits' files, features and sizes.
 *
 * Output is deterministic: the same units give byte-identical files (fixed `created_by`, no times,
 * row groups cut by a rule that depends only on the rows).
 */

/** Rows per row group at most: what `datasets` uses for image datasets (PARQUET_ROW_GROUP_SIZE_FOR_IMAGE_DATASETS). */
const ROW_GROUP_MAX_ROWS = 100;
/** A row group also closes once its rows carry this many image bytes, so long trajectories stay bounded in memory. */
const ROW_GROUP_MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const CREATED_BY = 'trajsynth';
/** What `datasets` accepts as a split name (`datasets.splits._split_re`). */
const SPLIT_NAME = /^\w+(\.\w+)*$/;

export function splitFilePath(split: string): string {
  return `data/${split}-00000-of-00001.parquet`;
}

export function splitFileGlob(split: string): string {
  return `data/${split}-*`;
}

/** One split's file, written a row group at a time. */
class SplitFile {
  readonly path: string;
  rowCount = 0;
  private readonly writer: ParquetWriter;
  private pending: Row[] = [];
  private pendingImageBytes = 0;

  constructor(
    root: string,
    readonly split: string,
    private readonly columns: readonly ColumnSpec[],
  ) {
    this.path = splitFilePath(split);
    const absolute = join(root, this.path);
    this.writer = unwritable(absolute, () => {
      mkdirSync(dirname(absolute), { recursive: true });
      return new ParquetWriter({
        writer: fileWriter(absolute),
        schema: parquetSchema(columns),
        kvMetadata: [{ key: 'huggingface', value: huggingfaceMetadata(columns) }],
        createdBy: CREATED_BY,
      });
    });
  }

  add(row: Row): void {
    this.pending.push(row);
    this.pendingImageBytes += rowImageBytes(row);
    this.rowCount += 1;
    if (this.pending.length >= ROW_GROUP_MAX_ROWS || this.pendingImageBytes >= ROW_GROUP_MAX_IMAGE_BYTES) this.flush();
  }

  finish(): void {
    this.flush();
    unwritable(this.path, () => this.writer.finish());
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.pendingImageBytes = 0;
    const columnData = this.columns.map((column) => ({ name: column.name, data: rows.map((row) => row[column.name]) }));
    unwritable(this.path, () => this.writer.write({ columnData, rowGroupSize: rows.length }));
  }
}

/** Runs a synchronous write, turning a file-system failure into OUTPUT_UNWRITABLE. */
function unwritable<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof TrajsynthError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string') {
      throw new TrajsynthError(`Expected to write ${path}, got ${code}: ${errorMessage(error)}`, {
        code: 'OUTPUT_UNWRITABLE',
        cause: error,
      });
    }
    throw new TrajsynthError(`Expected hyparquet-writer to write ${path}, got: ${errorMessage(error)}`, { code: 'INTERNAL', cause: error });
  }
}

/** The one layout and the action conventions of an export, fixed by its first unit. */
interface ExportShape {
  unit: ExportUnitKind;
  columns: readonly ColumnSpec[];
  coords: CoordinateSystem;
  actionSpace: ActionSpace;
}

function checkUnit(unit: ExportUnit, shape: ExportShape): void {
  if (unit.unit !== shape.unit) {
    throw new TrajsynthError(`Expected every unit of a Parquet export to be a ${shape.unit} unit, got a ${unit.unit} unit (${unit.id})`, {
      code: 'BAD_INPUT',
    });
  }
  if (unit.turns.length === 0) {
    throw new TrajsynthError(`Expected unit ${unit.id} to have at least one turn, got none`, { code: 'BAD_INPUT' });
  }
  if (!SPLIT_NAME.test(unit.sample.split)) {
    throw new TrajsynthError(`Expected a split name of word characters (what datasets accepts), got "${unit.sample.split}"`, {
      code: 'BAD_INPUT',
    });
  }
}

async function writeParquet(units: AsyncIterable<ExportUnit> | Iterable<ExportUnit>, context: FormatContext): Promise<FormatOutput> {
  const files = new Map<string, SplitFile>();
  const records: FormatOutput['records'] = [];
  const environments = new Set<string>();
  const levels = new Set<number>();
  let shape: ExportShape | undefined;
  let stepsWithoutImage = 0;
  for await (const unit of units) {
    shape ??= { unit: unit.unit, columns: columnsFor(unit.unit), coords: unit.coords, actionSpace: unit.actionSpace };
    checkUnit(unit, shape);
    const row = rowOf(unit);
    if (unit.unit === 'step' && row.image === null) stepsWithoutImage += 1;
    const split = unit.sample.split;
    let file = files.get(split);
    if (!file) {
      file = new SplitFile(context.root, split, shape.columns);
      files.set(split, file);
    }
    file.add(row);
    records.push({ key: unit.id, sha256: rowHash(row), split });
    environments.add(unit.sample.environment);
    levels.add(unit.sample.level);
  }
  const notes: string[] = [];
  const ordered = [...files.values()].sort(
    (a, b) => splitRank(a.split, context.splits) - splitRank(b.split, context.splits) || (a.split < b.split ? -1 : 1),
  );
  for (const file of ordered) file.finish();
  for (const split of context.splits) {
    if (!files.has(split))
      notes.push(`Split ${split} has no rows: no Parquet file was written for it and the dataset card does not list it.`);
  }
  if (stepsWithoutImage > 0) notes.push(`${stepsWithoutImage} step rows have no screenshot (their image column is null).`);
  const card = renderDatasetCard({
    columns: shape?.columns ?? columnsFor('trajectory'),
    splits: ordered.map((file) => ({ name: file.split, pathGlob: splitFileGlob(file.split), numExamples: file.rowCount })),
    unit: shape?.unit ?? 'trajectory',
    coords: shape?.coords ?? 'absolute',
    actionSpace: shape?.actionSpace ?? 'both',
    environments: [...environments].sort(),
    levels: [...levels].sort((a, b) => a - b),
  });
  try {
    await writeFile(join(context.root, CARD_FILE), card);
  } catch (error) {
    throw new TrajsynthError(`Expected to write ${CARD_FILE}, got: ${errorMessage(error)}`, { code: 'OUTPUT_UNWRITABLE', cause: error });
  }
  return {
    files: ordered.map((file) => ({ path: file.path, split: file.split, records: file.rowCount })),
    records,
    notes,
  };
}

function splitRank(split: string, splits: readonly string[]): number {
  const index = splits.indexOf(split);
  return index < 0 ? splits.length : index;
}

export const parquetFormat: DatasetFormat = {
  id: 'parquet',
  imageFiles: false,
  write: writeParquet,
  checkFile: (root, file) => (file === CARD_FILE ? checkCardFile(root) : checkParquetFile(root, file)),
};
