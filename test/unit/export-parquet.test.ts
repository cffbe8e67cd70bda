import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFormat } from '../../src/export/formats/index.js';
import { imageComplete, imageSignature } from '../../src/export/formats/parquet-check.js';
import type {
  EncodedImage,
  ExportAction,
  ExportTurn,
  ExportUnit,
  FormatContext,
  FormatOutput,
  TrajectorySample,
} from '../../src/export/sample.js';

/**
 * The Parquet export, read back by engines that share no code with its writer: DuckDB for the data,
 * the column types and the footer metadata; sharp to decode the embedded images; a small YAML reader
 * below for the dataset card. Images are real screenshots (test/fixtures/export) encoded to PNG here.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures/export');
const parquet = datasetFormat('parquet');
const IMAGE_STRUCT = 'STRUCT(bytes BLOB, path VARCHAR)';

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

async function encodedPng(file: string): Promise<EncodedImage> {
  const bytes = new Uint8Array(await sharp(join(FIXTURES, file)).png().toBuffer());
  const { width, height } = await sharp(bytes).metadata();
  return { path: `images/${sha256(bytes)}.png`, bytes, mimeType: 'image/png', width: width!, height: height!, scale: 1 };
}

function sample(overrides: Partial<TrajectorySample>): TrajectorySample {
  return {
    id: 'synth-7/c0001/L2',
    runId: 'synth-7',
    kind: 'synth',
    chainId: 'c0001',
    sourceRunId: 'synth-7',
    level: 2,
    environment: 'project-tracker',
    envSeed: 7,
    startPath: '/',
    persona: 'support-agent',
    interactions: ['form', 'toggle'],
    task: 'Add a task called "Write report" and then mark it done',
    subtaskTexts: ['Add a task called "Write report"', 'Mark "Write report" done'],
    checker: [
      { kind: 'url', includes: '/tasks' },
      { kind: 'text', text: 'Write report', present: true },
    ],
    entities: ['Write report'],
    steps: [],
    finalScreenshotPath: '/nonexistent/final.webp',
    finalUrl: '/tasks',
    finalTitle: 'Tasks · Tracker',
    viewport: { width: 1280, height: 800 },
    split: 'train',
    ...overrides,
  };
}

function turn(stepIndex: number, image: EncodedImage | undefined, action: ExportAction, error?: string): ExportTurn {
  return {
    stepIndex,
    url: 'http://127.0.0.1:4100/tasks',
    title: 'Tasks · Tracker',
    ...(image ? { image } : {}),
    action,
    ok: error === undefined,
    ...(error ? { error } : {}),
  };
}

const CLICK: ExportAction = { type: 'click', ref: 'e12', role: 'button', elementName: 'Add task', point: { x: 412, y: 96 } };
const TYPE: ExportAction = {
  type: 'type',
  ref: 'e14',
  role: 'textbox',
  elementName: 'Title',
  point: { x: 300, y: 140 },
  text: 'Write report',
};
const PRESS: ExportAction = { type: 'press', keys: ['Enter'] };

let images: EncodedImage[];
let trajectoryUnits: ExportUnit[];
let stepUnits: ExportUnit[];
const temps: string[] = [];
let duck: DuckDBInstance;
let db: DuckDBConnection;

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trajsynth-parquet-'));
  temps.push(dir);
  return dir;
}

async function exportTo(units: ExportUnit[], splits = ['train', 'test']): Promise<{ root: string; output: FormatOutput }> {
  const root = await tempDir();
  const context: FormatContext = {
    root,
    writeImage: () => Promise.reject(new Error('a Parquet export embeds its images')),
    systemPrompt: 'unused by parquet',
    splits,
  };
  return { root, output: await parquet.write(units, context) };
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

async function columnTypes(file: string): Promise<Record<string, string>> {
  const rows = await query(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
  return Object.fromEntries(rows.map((row) => [row.column_name as string, row.column_type as string]));
}

async function footer(file: string): Promise<string> {
  const rows = await query(`SELECT decode(value) AS value FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'huggingface'`);
  expect(rows).toHaveLength(1);
  return rows[0]!.value as string;
}

/** A block-style YAML subset (mappings, sequences, plain and double-quoted scalars): enough for a card header. */
function parseYaml(text: string): unknown {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  let index = 0;
  const scalar = (raw: string): unknown => {
    const value = raw.trim();
    if (value.startsWith('"')) return JSON.parse(value);
    if (/^-?\d+$/.test(value)) return Number(value);
    return value;
  };
  const indentOf = (line: string): number => line.length - line.trimStart().length;
  function block(indent: number): unknown {
    const isList = lines[index]!.trimStart().startsWith('- ');
    const result: unknown[] | Record<string, unknown> = isList ? [] : {};
    while (index < lines.length && indentOf(lines[index]!) === indent && lines[index]!.trimStart().startsWith('- ') === isList) {
      if (isList) {
        // "- key: value" opens a mapping whose keys sit at indent + 2.
        lines[index] = ' '.repeat(indent + 2) + lines[index]!.trimStart().slice(2);
        (result as unknown[]).push(lines[index]!.includes(':') ? block(indent + 2) : scalar(lines[index++]!));
        continue;
      }
      const match = /^\s*([^:]+):(.*)$/.exec(lines[index]!)!;
      index += 1;
      const key = match[1]!.trim();
      if (match[2]!.trim() !== '') (result as Record<string, unknown>)[key] = scalar(match[2]!);
      else
        (result as Record<string, unknown>)[key] =
          index < lines.length &&
          indentOf(lines[index]!) >= indent &&
          (indentOf(lines[index]!) > indent || lines[index]!.trimStart().startsWith('- '))
            ? block(indentOf(lines[index]!))
            : null;
    }
    return result;
  }
  return block(0);
}

async function cardHeader(root: string): Promise<Record<string, any>> {
  const text = await readFile(join(root, 'README.md'), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(match, 'README.md starts with a YAML header').not.toBeNull();
  return parseYaml(match![1]!) as Record<string, any>;
}

beforeAll(async () => {
  images = await Promise.all(['screen-1.webp', 'screen-2.webp', 'screen-3.webp'].map(encodedPng));
  const [one, two, three] = images as [EncodedImage, EncodedImage, EncodedImage];
  const a = sample({});
  const b = sample({
    id: 'eval-3/ep0002',
    runId: 'eval-3',
    kind: 'eval',
    chainId: 'c0004',
    level: 1,
    environment: 'mail',
    interactions: ['navigate'],
    task: 'Open the Archive folder',
    subtaskTexts: ['Open the Archive folder'],
    outcome: { success: false, progress: 0 },
    split: 'test',
    persona: undefined,
  });
  const c = sample({
    id: 'synth-7/c0002/L1',
    chainId: 'c0002',
    level: 1,
    environment: 'bank',
    interactions: ['read'],
    task: 'What is the Q3 budget?',
    subtaskTexts: ['What is the Q3 budget?'],
    answer: 'Q3 budget: 4,200 €',
  });
  const unit = (id: string, s: TrajectorySample, kind: 'trajectory' | 'step', turns: ExportTurn[]): ExportUnit => ({
    id,
    unit: kind,
    sample: s,
    turns,
    coords: 'absolute',
    actionSpace: 'both',
  });
  const aTurns = [
    turn(0, undefined, CLICK),
    turn(1, two, TYPE),
    turn(2, three, PRESS, 'Element is not visible'),
    turn(3, one, { type: 'done' }),
  ];
  trajectoryUnits = [
    unit(a.id, a, 'trajectory', aTurns),
    unit(b.id, b, 'trajectory', [turn(0, three, CLICK), turn(1, two, { type: 'done' })]),
    unit(c.id, c, 'trajectory', [
      turn(0, two, { type: 'scroll', scroll: { deltaX: 0, deltaY: 600 } }),
      turn(1, three, { type: 'done', answer: c.answer! }),
    ]),
  ];
  stepUnits = [
    unit(`${a.id}#s0`, a, 'step', [aTurns[0]!]),
    unit(`${a.id}#s2`, a, 'step', aTurns.slice(0, 3)),
    unit(`${b.id}#s0`, b, 'step', [turn(0, three, CLICK)]),
  ];
  duck = await DuckDBInstance.create(':memory:');
  db = await duck.connect();
});

afterAll(async () => {
  db?.closeSync();
  duck?.closeSync();
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('parquet export, --unit trajectory', () => {
  it('writes a file per split in the Hub layout, with the row counts and records the exporter needs', async () => {
    const { root, output } = await exportTo(trajectoryUnits);
    expect(parquet.imageFiles).toBe(false);
    expect(output.files).toEqual([
      { path: 'data/train-00000-of-00001.parquet', split: 'train', records: 2 },
      { path: 'data/test-00000-of-00001.parquet', split: 'test', records: 1 },
    ]);
    expect(output.records.map((record) => [record.key, record.split])).toEqual(trajectoryUnits.map((unit) => [unit.id, unit.sample.split]));
    for (const record of output.records) expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const { path, records } of output.files) {
      expect(await query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(root, path)}')`)).toEqual([{ n: records }]);
    }
  });

  it('has the column types datasets expects: Image structs of bytes and path, lists, strings, int64', async () => {
    const { root } = await exportTo(trajectoryUnits);
    const types = await columnTypes(join(root, 'data/train-00000-of-00001.parquet'));
    expect(types).toMatchObject({
      id: 'VARCHAR',
      level: 'BIGINT',
      env_seed: 'BIGINT',
      task: 'VARCHAR',
      checker: 'VARCHAR',
      interactions: 'VARCHAR[]',
      images: `${IMAGE_STRUCT}[]`,
      image_indices: 'BIGINT[]',
      actions: 'VARCHAR[]',
      actions_ok: 'BOOLEAN[]',
    });
  });

  it("embeds the exact image bytes, which decode to the screenshots' size, one per turn that has one", async () => {
    const { root } = await exportTo(trajectoryUnits);
    const rows = await query(
      `SELECT id, images, image_indices, actions, actions_error, answer, level FROM read_parquet('${join(root, 'data/train-00000-of-00001.parquet')}') ORDER BY id`,
    );
    const first = rows.find((row) => row.id === 'synth-7/c0001/L2')!;
    const embedded = first.images as { bytes: Uint8Array; path: string }[];
    const expected = [images[1]!, images[2]!, images[0]!];
    expect(embedded.map((image) => image.path)).toEqual(expected.map((image) => image.path.replace('images/', '')));
    for (const [index, image] of embedded.entries()) {
      expect(Buffer.from(image.bytes).equals(Buffer.from(expected[index]!.bytes))).toBe(true);
      const { width, height, format } = await sharp(image.bytes).metadata();
      expect({ width, height, format }).toEqual({ width: expected[index]!.width, height: expected[index]!.height, format: 'png' });
    }
    expect((first.image_indices as unknown[]).map((value) => (value === null ? null : Number(value)))).toEqual([null, 0, 1, 2]);
    expect((first.actions as string[]).map((text) => JSON.parse(text))).toEqual([CLICK, TYPE, PRESS, { type: 'done' }]);
    expect(first.actions_error).toEqual([null, null, 'Element is not visible', null]);
    expect(Number(first.level)).toBe(2);
    expect(rows.find((row) => row.id === 'synth-7/c0002/L1')!.answer).toBe('Q3 budget: 4,200 €');
  });

  it('stores the huggingface footer metadata as datasets writes it', async () => {
    const { root } = await exportTo(trajectoryUnits);
    const file = join(root, 'data/train-00000-of-00001.parquet');
    const raw = await footer(file);
    // json.dumps' separators, and datasets 4's spelling of a list of images.
    expect(raw).toContain('"images": {"feature": {"_type": "Image"}, "_type": "Sequence"}');
    const features = (JSON.parse(raw) as { info: { features: Record<string, unknown> } }).info.features;
    expect(Object.keys(features)).toEqual(Object.keys(await columnTypes(file)));
    expect(features).toMatchObject({
      id: { dtype: 'string', _type: 'Value' },
      level: { dtype: 'int64', _type: 'Value' },
      interactions: { feature: { dtype: 'string', _type: 'Value' }, _type: 'Sequence' },
      images: { feature: { _type: 'Image' }, _type: 'Sequence' },
      image_indices: { feature: { dtype: 'int64', _type: 'Value' }, _type: 'Sequence' },
      actions_ok: { feature: { dtype: 'bool', _type: 'Value' }, _type: 'Sequence' },
      success: { dtype: 'bool', _type: 'Value' },
    });
  });

  it("writes a dataset card whose YAML header names each split's files, the features and the row counts", async () => {
    const { root } = await exportTo(trajectoryUnits);
    const header = await cardHeader(root);
    expect(header.configs).toEqual([
      {
        config_name: 'default',
        data_files: [
          { split: 'train', path: 'data/train-*' },
          { split: 'test', path: 'data/test-*' },
        ],
      },
    ]);
    expect(header.dataset_info.splits).toEqual([
      { name: 'train', num_examples: 2 },
      { name: 'test', num_examples: 1 },
    ]);
    expect(header.dataset_info.features).toContainEqual({ name: 'images', list: 'image' });
    expect(header.dataset_info.features).toContainEqual({ name: 'level', dtype: 'int64' });
    expect(header.tags).toEqual(expect.arrayContaining(['trajsynth', 'computer-use']));
    expect(header.license).toBeUndefined();
    const body = await readFile(join(root, 'README.md'), 'utf8');
    expect(body).toContain('Coordinates (`absolute`)');
    expect(body).toContain('Action space (`both`)');
  });

  it('writes byte-identical files for the same units', async () => {
    const first = await exportTo(trajectoryUnits);
    const second = await exportTo(trajectoryUnits);
    for (const path of ['data/train-00000-of-00001.parquet', 'data/test-00000-of-00001.parquet', 'README.md']) {
      expect(sha256(await readFile(join(second.root, path)))).toBe(sha256(await readFile(join(first.root, path))));
    }
    expect(second.output.records).toEqual(first.output.records);
  });

  it('omits a split without rows from the files and the card, with a note', async () => {
    const { root, output } = await exportTo(
      trajectoryUnits.filter((unit) => unit.sample.split === 'train'),
      ['train', 'validation', 'test'],
    );
    expect(output.files.map((file) => file.split)).toEqual(['train']);
    expect(output.notes.join('\n')).toMatch(/validation has no rows/);
    expect((await cardHeader(root)).dataset_info.splits).toEqual([{ name: 'train', num_examples: 2 }]);
  });
});

describe('parquet export, --unit step', () => {
  it('writes the current screenshot as an Image, the history as lists, and the target action', async () => {
    const { root, output } = await exportTo(stepUnits);
    expect(output.files.map((file) => [file.split, file.records])).toEqual([
      ['train', 2],
      ['test', 1],
    ]);
    const file = join(root, 'data/train-00000-of-00001.parquet');
    expect(await columnTypes(file)).toMatchObject({
      image: IMAGE_STRUCT,
      history_images: `${IMAGE_STRUCT}[]`,
      history_actions: 'VARCHAR[]',
      action: 'VARCHAR',
      step_index: 'BIGINT',
    });
    const rows = await query(
      `SELECT id, image, history_images, history_image_indices, history_actions, action, action_ok, action_error FROM read_parquet('${file}') ORDER BY id`,
    );
    const target = rows.find((row) => row.id === 'synth-7/c0001/L2#s2')!;
    expect(Buffer.from((target.image as { bytes: Uint8Array }).bytes).equals(Buffer.from(images[2]!.bytes))).toBe(true);
    expect((target.history_images as { bytes: Uint8Array }[]).map((image) => sha256(image.bytes))).toEqual([sha256(images[1]!.bytes)]);
    expect((target.history_image_indices as unknown[]).map((value) => (value === null ? null : Number(value)))).toEqual([null, 0]);
    expect((target.history_actions as string[]).map((text) => JSON.parse(text))).toEqual([CLICK, TYPE]);
    expect(JSON.parse(target.action as string)).toEqual(PRESS);
    expect([target.action_ok, target.action_error]).toEqual([false, 'Element is not visible']);
    const noImage = rows.find((row) => row.id === 'synth-7/c0001/L2#s0')!;
    expect(noImage.image).toBeNull();
    expect(output.notes.join('\n')).toMatch(/1 step rows have no screenshot/);
    const features = (JSON.parse(await footer(file)) as { info: { features: Record<string, unknown> } }).info.features;
    expect(features).toMatchObject({
      image: { _type: 'Image' },
      history_images: { feature: { _type: 'Image' }, _type: 'Sequence' },
      action: { dtype: 'string', _type: 'Value' },
    });
    expect((await cardHeader(root)).dataset_info.features).toContainEqual({ name: 'image', dtype: 'image' });
  });

  it('cuts row groups at 100 rows, and every row group reads back', async () => {
    const many = Array.from({ length: 230 }, (_, index) => ({ ...stepUnits[1]!, id: `synth-7/c0001/L2#s2-copy${index}` }));
    const { root, output } = await exportTo(many);
    const file = join(root, 'data/train-00000-of-00001.parquet');
    const groups = await query(
      `SELECT DISTINCT row_group_id::INTEGER AS id, row_group_num_rows::INTEGER AS rows FROM parquet_metadata('${file}') ORDER BY id`,
    );
    expect(groups).toEqual([
      { id: 0, rows: 100 },
      { id: 1, rows: 100 },
      { id: 2, rows: 30 },
    ]);
    const hashes = await query(`SELECT DISTINCT sha256(image.bytes) AS hash FROM read_parquet('${file}')`);
    expect(hashes).toEqual([{ hash: sha256(images[2]!.bytes) }]);
    expect(output.records).toHaveLength(230);
    expect(await parquet.checkFile(root, 'data/train-00000-of-00001.parquet')).toEqual([]);
  });

  it('refuses a mix of unit kinds', async () => {
    await expect(exportTo([...trajectoryUnits, ...stepUnits])).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('parquet checkFile', () => {
  const TRAIN = 'data/train-00000-of-00001.parquet';

  async function exportedCopy(): Promise<string> {
    const { root } = await exportTo(trajectoryUnits);
    const copy = await tempDir();
    await cp(root, copy, { recursive: true });
    return copy;
  }

  it('finds nothing wrong in what the format wrote', async () => {
    const trajectories = await exportTo(trajectoryUnits);
    const steps = await exportTo(stepUnits);
    for (const { root, output } of [trajectories, steps]) {
      for (const { path } of output.files) expect(await parquet.checkFile(root, path)).toEqual([]);
      expect(await parquet.checkFile(root, 'README.md')).toEqual([]);
    }
  });

  it('finds a damaged image byte', async () => {
    const root = await exportedCopy();
    const bytes = await readFile(join(root, TRAIN));
    const at = bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = 0x51; // "PNG" → "QNG"
    await writeFile(join(root, TRAIN), bytes);
    const problems = await parquet.checkFile(root, TRAIN);
    expect(problems.join('\n')).toMatch(
      /data\/train-00000-of-00001\.parquet: row \d+: images\[\d+\]\.bytes: Expected PNG, JPEG or WebP bytes, got \d+ bytes starting 89 51 4e 47/,
    );
  });

  it('tells a whole PNG, JPEG or WebP from one cut short', async () => {
    const fixture = join(FIXTURES, 'screen-1.webp');
    const files = {
      png: images[0]!.bytes,
      jpeg: new Uint8Array(await sharp(fixture).jpeg().toBuffer()),
      webp: new Uint8Array(await readFile(fixture)),
    };
    for (const [format, bytes] of Object.entries(files) as ['png' | 'jpeg' | 'webp', Uint8Array][]) {
      expect(imageSignature(bytes)).toBe(format);
      expect(imageComplete(bytes, format)).toBe(true);
      expect(imageComplete(bytes.subarray(0, bytes.byteLength - 100), format)).toBe(false);
    }
    expect(imageSignature(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
  });

  it('finds missing huggingface metadata', async () => {
    const root = await exportedCopy();
    const bytes = await readFile(join(root, TRAIN));
    const at = bytes.lastIndexOf(Buffer.from('huggingface'));
    bytes.write('huggingfacX', at, 'latin1');
    await writeFile(join(root, TRAIN), bytes);
    expect(await parquet.checkFile(root, TRAIN)).toEqual([
      `${TRAIN}: metadata: Expected the footer key "huggingface" (the datasets features), got none`,
    ]);
  });

  it('finds a card whose row count disagrees with the file, and a file that is not Parquet', async () => {
    const root = await exportedCopy();
    const card = await readFile(join(root, 'README.md'), 'utf8');
    await writeFile(join(root, 'README.md'), card.replace('num_examples: 2', 'num_examples: 5'));
    expect(await parquet.checkFile(root, TRAIN)).toEqual([
      `${TRAIN}: README.md: dataset_info.splits[train].num_examples: Expected 2 (the file's rows), got 5`,
    ]);
    expect(await parquet.checkFile(root, 'README.md')).toEqual([
      `README.md: dataset_info.splits[train].num_examples: Expected 2 (the rows of ${TRAIN}), got 5`,
    ]);
    await writeFile(join(root, TRAIN), 'not parquet at all');
    expect((await parquet.checkFile(root, TRAIN))[0]).toMatch(/^data\/train-00000-of-00001\.parquet: Expected a Parquet file, got: /);
  });
});
