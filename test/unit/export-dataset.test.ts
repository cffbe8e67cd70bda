import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset, type ExportOptions } from '../../src/export/export-dataset.js';
import { convertPoint, exportAction } from '../../src/export/export-action.js';
import { datasetFingerprint, sha256Hex } from '../../src/export/fingerprint.js';
import { DatasetManifestSchema } from '../../src/export/manifest.js';
import { RawRecordSchema } from '../../src/export/formats/raw.js';
import { parseSplitRule, splitOf } from '../../src/export/split.js';
import { pairSamples } from '../../src/export/preference-pairs.js';
import { retrySamples } from '../../src/export/retry-samples.js';
import type { ChainRecord } from '../../src/core/chain.js';
import type { Step } from '../../src/core/step.js';
import type { Subtask } from '../../src/core/task.js';
import { validateDataset } from '../../src/export/validate-dataset.js';
import { runLayout, type RunLayout } from '../../src/store/layout.js';
import { FIXTURE_RUN_ID, writeFixtureEvalRun, writeFixtureRun } from '../support/export-fixture.js';
import { newReviewVerdict } from '../../src/core/review.js';

/** The exporter end to end on a small real store (chains, steps, WebP screenshots) written through the schemas. */
let temp: string;
let store: string;
let run: RunLayout;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-export-'));
  store = join(temp, 'store');
  run = await writeFixtureRun(store);
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function options(dest: string, overrides: Partial<ExportOptions> = {}): ExportOptions {
  return {
    sources: [run],
    format: 'raw',
    dest: join(temp, dest),
    unit: 'trajectory',
    history: 2,
    actionSpace: 'both',
    coords: 'absolute',
    imageFormat: 'webp',
    filters: {},
    split: parseSplitRule('train=0.5,test=0.5'),
    ...overrides,
  };
}

async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (at: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(at, entry.name), `${prefix}${entry.name}/`);
      else out.set(`${prefix}${entry.name}`, sha256Hex(await readFile(join(at, entry.name))));
    }
  };
  await walk(dir, '');
  return out;
}

async function rawRecords(dir: string) {
  const records = [];
  for (const file of (await readdir(join(dir, 'data'))).sort()) {
    for (const line of (await readFile(join(dir, 'data', file), 'utf8')).trim().split('\n'))
      records.push(RawRecordSchema.parse(JSON.parse(line)));
  }
  return records;
}

describe('export: the dataset as a whole', () => {
  it('re-exports byte for byte, and every level of a chain lands in one split', async () => {
    const first = await exportDataset(options('raw-a'));
    const second = await exportDataset(options('raw-b'));
    expect(await filesOf(second.dest)).toEqual(await filesOf(first.dest));
    const manifest = DatasetManifestSchema.parse(JSON.parse(await readFile(join(first.dest, 'manifest.json'), 'utf8')));
    expect(manifest.counts.samples).toBe(4);
    const records = await rawRecords(first.dest);
    const splitByChain = new Map<string, Set<string>>();
    for (const record of records) {
      const splits = splitByChain.get(record.source.chainId) ?? new Set();
      splits.add(record.split);
      splitByChain.set(record.source.chainId, splits);
      expect(record.split).toBe(splitOf(parseSplitRule('train=0.5,test=0.5'), record.source.sourceRunId, record.source.chainId));
    }
    expect([...splitByChain.values()].every((splits) => splits.size === 1)).toBe(true);
    // Every image a record names is in the dataset and named by its own hash.
    for (const record of records) {
      for (const turn of record.turns) {
        const bytes = await readFile(join(first.dest, turn.image!.path));
        expect(turn.image!.path).toBe(`images/${sha256Hex(bytes)}.webp`);
      }
    }
    expect((await validateDataset(first.dest)).problems).toEqual([]);
  });

  it('writes every format at both units, each read back clean by its own checks and the dataset checks', async () => {
    for (const format of ['openai', 'anthropic', 'sharegpt', 'parquet', 'raw']) {
      for (const unit of ['trajectory', 'step'] as const) {
        const result = await exportDataset(options(`all-${format}-${unit}`, { format, unit, actionSpace: 'both' }));
        expect(result.manifest.counts.samples, `${format} ${unit}`).toBe(4);
        expect(result.manifest.counts.records, `${format} ${unit}`).toBeGreaterThanOrEqual(4);
        expect((await validateDataset(result.dest)).problems, `${format} ${unit}`).toEqual([]);
      }
    }
  });

  it('step units carry at most --history earlier turns; scaling and coordinate systems follow the image', async () => {
    const result = await exportDataset(
      options('raw-step', { unit: 'step', history: 1, maxSide: 640, coords: 'thousandths', imageFormat: 'png' }),
    );
    const records = await rawRecords(result.dest);
    expect(records.length).toBeGreaterThan(4);
    for (const record of records) {
      expect(record.turns.length).toBeLessThanOrEqual(2);
      const target = record.turns.at(-1)!;
      expect(target.image).toMatchObject({ width: 640, height: 400 });
      const point = target.action['point'] as { x: number; y: number } | undefined;
      if (point) {
        expect(point.x).toBeGreaterThanOrEqual(0);
        expect(point.x).toBeLessThanOrEqual(1000);
        // The recorded pixel, converted: thousandths of the screenshot width.
        const pixel = target.executed?.coordinates;
        if (pixel) expect(point.x).toBe(Math.round((1000 * pixel.x) / 1280));
      }
      const meta = await sharp(join(result.dest, target.image!.path)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 640, 400]);
    }
  });

  it('refuses bad input in one line and leaves nothing half-written', async () => {
    await expect(exportDataset(options('x', { format: 'csv' }))).rejects.toThrow(/Expected --format to be one of .*openai.*, got "csv"/);
    await expect(exportDataset(options('x', { filters: { minLevel: 9 } }))).rejects.toThrow(
      /Expected the filters to select at least one level-k task, got none of 4 \(--min-level left out 4\)/,
    );
    await expect(exportDataset(options('x', { filters: { successOnly: true } }))).rejects.toThrow(/--success-only/);
    await expect(exportDataset(options('x', { filters: { validOnly: true } }))).rejects.toThrow(/replay or audit results/);
    await expect(exportDataset(options('x', { sources: [runLayout(store, 'no-such-run')] }))).rejects.toThrow(/no run\.json/);
    await expect(exportDataset(options('x', { format: 'dpo' }))).rejects.toThrow(
      /Expected at least one preference pair, got none: only synthesis runs/,
    );
    // A non-empty destination is refused, then replaced with --force once the new dataset is whole.
    const dest = join(temp, 'occupied');
    await mkdir(dest, { recursive: true });
    await writeFile(join(dest, 'notes.txt'), 'mine');
    await expect(exportDataset(options('occupied'))).rejects.toThrow(/Expected --dest .* to be empty or absent, got 1 entry/);
    expect(await readFile(join(dest, 'notes.txt'), 'utf8')).toBe('mine');
    await exportDataset(options('occupied', { force: true }));
    expect(existsSync(join(dest, 'notes.txt'))).toBe(false);
    expect(existsSync(join(dest, 'manifest.json'))).toBe(true);
    // A damaged screenshot: a clear error naming the file, no dataset, no temporary directory.
    const damaged = join(temp, 'damaged-store');
    await cp(store, damaged, { recursive: true });
    const chainDir = join(damaged, 'trajectories', FIXTURE_RUN_ID, 'chains', 'c0001');
    const firstStep = JSON.parse((await readFile(join(chainDir, 'steps.jsonl'), 'utf8')).split('\n')[0]!) as {
      before: { screenshot: string };
    };
    const victim = join(chainDir, firstStep.before.screenshot);
    const whole = await readFile(victim);
    await writeFile(victim, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(exportDataset(options('from-damaged', { sources: [runLayout(damaged, FIXTURE_RUN_ID)] }))).rejects.toThrow(
      new RegExp(`Expected .*${firstStep.before.screenshot}`),
    );
    expect(existsSync(join(temp, 'from-damaged'))).toBe(false);
    expect((await readdir(temp)).filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('validates an export and catches one changed byte of one image; the fingerprint ignores order', async () => {
    const result = await exportDataset(options('sharegpt', { format: 'sharegpt', actionSpace: 'pixel' }));
    expect((await validateDataset(result.dest)).problems).toEqual([]);
    const manifest = result.manifest;
    const imageHashes = manifest.files.filter((file) => file.path.startsWith('images/')).map((file) => file.sha256);
    expect(datasetFingerprint([...manifest.records].reverse(), [...imageHashes].reverse())).toBe(manifest.fingerprint);
    const image = manifest.files.find((file) => file.path.startsWith('images/'))!;
    const bytes = await readFile(join(result.dest, image.path));
    bytes[bytes.length - 5] ^= 0xff;
    await writeFile(join(result.dest, image.path), bytes);
    const problems = (await validateDataset(result.dest)).problems.map((problem) => `${problem.file}: ${problem.message}`);
    expect(problems.some((line) => line.includes(image.path))).toBe(true);
    expect(
      datasetFingerprint(
        manifest.records,
        imageHashes.map((hash) => (hash === image.sha256 ? sha256Hex(bytes) : hash)),
      ),
    ).not.toBe(manifest.fingerprint);
  });

  it('exports evaluation episodes with their outcome, and --success-only keeps the successes', async () => {
    const evalRun = await writeFixtureEvalRun(store);
    const all = await exportDataset(options('eval-all', { sources: [evalRun] }));
    const successes = await exportDataset(options('eval-ok', { sources: [evalRun], filters: { successOnly: true } }));
    const outcomes = (await rawRecords(all.dest)).map((record) => record.outcome?.success);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
    expect((await rawRecords(successes.dest)).every((record) => record.outcome?.success === true)).toBe(true);
    expect(successes.excluded['--success-only']).toBe(outcomes.filter((success) => !success).length);
  });
});

describe('export: human reviews', () => {
  it('labels synthesis samples and evaluation episodes with their task consensus; --reviewed keeps one label', async () => {
    const reviewedStore = join(temp, 'reviewed-store');
    const reviewed = await writeFixtureRun(reviewedStore);
    const evalRun = await writeFixtureEvalRun(reviewedStore);
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const lines = [
      newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0001/L1`, reviewer: 'ana', verdict: 'valid', at: at(1) }),
      newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0001/L1`, reviewer: 'bo', verdict: 'valid', at: at(2) }),
      newReviewVerdict({ taskId: `${FIXTURE_RUN_ID}/c0002/L2`, reviewer: 'ana', verdict: 'invalid', reason: 'unsafe', at: at(3) }),
    ];
    await writeFile(reviewed.reviewsFile, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const accepted = await exportDataset(options('reviewed-accepted', { sources: [reviewed], filters: { reviewed: 'accepted' } }));
    expect(accepted.manifest.records.map((record) => record.key)).toEqual([`${FIXTURE_RUN_ID}/c0001/L1`]);
    expect(accepted.excluded['--reviewed']).toBe(3);
    // With one reviewer enough, ana's lone invalid verdict rejects c0002/L2.
    const rejected = await exportDataset(
      options('reviewed-rejected', { sources: [reviewed], filters: { reviewed: 'rejected' }, consensus: { minReviewers: 1 } }),
    );
    expect(rejected.manifest.records.map((record) => record.key)).toEqual([`${FIXTURE_RUN_ID}/c0002/L2`]);
    expect(rejected.manifest.options.reviewConsensus).toEqual({ rule: 'majority', minReviewers: 1 });
    // Episodes take the consensus of their source run's task.
    const episodes = await exportDataset(options('reviewed-episodes', { sources: [evalRun], filters: { reviewed: 'accepted' } }));
    expect(episodes.manifest.records.map((record) => record.key)).toEqual(['fixture-eval/c0001-L1-r0']);
    // A run nobody reviewed cannot answer --reviewed.
    await expect(exportDataset(options('reviewed-none', { filters: { reviewed: 'accepted' } }))).rejects.toThrow(
      /human reviews for --reviewed accepted/,
    );
  });
});

describe('export: coordinates and splits', () => {
  const image = { width: 640, height: 400, scale: 0.5 };
  it('converts a screenshot pixel into the exported image in each coordinate system', () => {
    expect(convertPoint({ x: 640, y: 400 }, image, 'absolute')).toEqual({ x: 320, y: 200 });
    expect(convertPoint({ x: 640, y: 400 }, image, 'unit')).toEqual({ x: 0.5, y: 0.5 });
    expect(convertPoint({ x: 1279, y: 0 }, image, 'thousandths')).toEqual({ x: 999, y: 0 });
    const action = exportAction(
      {
        action: { type: 'click', target: { ref: 'e4', role: 'button', name: 'Save' } },
        element: { ref: 'e9', role: 'button', name: 'Save', box: { x: 100, y: 100, width: 50, height: 20 }, groundedBy: 'role-name' },
        outcome: { ok: true },
        urlAfter: '/',
      },
      image,
      'ref',
      'absolute',
    );
    // The ref the agent saw (the target's), no point in ref space.
    expect(action).toEqual({ type: 'click', ref: 'e4', role: 'button', elementName: 'Save' });
    expect(
      exportAction(
        {
          action: { type: 'click', target: {} },
          element: { box: { x: 100, y: 100, width: 50, height: 20 }, groundedBy: 'point' },
          outcome: { ok: true },
          urlAfter: '/',
        },
        image,
        'pixel',
        'absolute',
      ).point,
    ).toEqual({ x: 63, y: 55 });
  });

  it('splits by a hash of the chain, near the requested shares, and rejects malformed rules', () => {
    const rule = parseSplitRule('train=0.9,val=0.05,test=0.05');
    const counts: Record<string, number> = {};
    for (let index = 0; index < 4000; index += 1) {
      const split = splitOf(rule, 'run', `c${index}`);
      counts[split] = (counts[split] ?? 0) + 1;
    }
    expect(counts['train']! / 4000).toBeGreaterThan(0.87);
    expect(counts['test']! / 4000).toBeGreaterThan(0.03);
    expect(splitOf(rule, 'run', 'c7')).toBe(splitOf(rule, 'run', 'c7'));
    expect(() => parseSplitRule('train=0.9,test=0.2')).toThrow(/sum to 1, got 1.1/);
    expect(() => parseSplitRule('train:0.9')).toThrow(/name=share pairs/);
    expect(() => parseSplitRule('train=0.5,train=0.5')).toThrow(/"train" twice/);
  });
});

describe('export: retried subtasks as preference samples', () => {
  const click = (name: string) => ({
    action: { type: 'click' as const, target: { role: 'button', name } },
    outcome: { ok: true as const },
    urlAfter: 'http://127.0.0.1:5000/',
  });
  const step = (index: number, subtaskId: string, name: string): Step => ({
    index,
    subtaskId,
    before: {
      index,
      url: 'http://127.0.0.1:5000/',
      title: 'Home',
      screenshot: `screens/${index}.webp`,
      snapshot: `snapshots/${index}.yaml`,
    },
    executed: click(name),
    after: {
      index: index + 1,
      url: 'http://127.0.0.1:5000/',
      title: 'Home',
      screenshot: `screens/${index + 1}.webp`,
      snapshot: `snapshots/${index + 1}.yaml`,
    },
    timings: { actionMs: 1, observeMs: 1, screenshotMs: 1, snapshotMs: 1, encodeMs: 1, writeMs: 1 },
  });
  const verdict = { success: false, before: [false], after: [false], reason: '', method: 'checker' as const };
  const subtask = (id: string, status: 'accepted' | 'failed', start: number, end: number, extra: Partial<Subtask> = {}): Subtask => ({
    id,
    origin: 'proposed',
    status,
    description: 'Archive the item “Quarterly report”.',
    predicates: [{ kind: 'text', text: 'Quarterly report', present: false }],
    interaction: 'item-action',
    entities: ['Quarterly report'],
    proposedAt: '/',
    steps: { start, end },
    verdict: { ...verdict, success: status === 'accepted' },
    usage: {
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      images: 0,
      costUsd: 0,
      steps: end - start,
      wallMs: 1,
    } as Subtask['usage'],
    ...(status === 'accepted' ? { level: 1 } : {}),
    ...extra,
  });
  const chain = (subtasks: Subtask[]) => ({ chainId: 'c0001', subtasks }) as unknown as ChainRecord;
  const steps = [step(0, 's1', 'Archive'), step(1, 's2', 'Archive “Quarterly report”')];
  const options = (record: ChainRecord, snapshots: Record<number, string>) => ({
    runId: 'r',
    chain: record,
    steps,
    snapshotBefore: async (at: Step) => snapshots[at.index] ?? '',
    sampleStep: (at: Step, subtaskIndex: number, attempt: 'accepted' | 'failed') => ({
      index: at.index,
      subtaskIndex,
      attempt,
      url: '/',
      title: 'Home',
      screenshotPath: at.before.screenshot,
      snapshotPath: at.before.snapshot,
      executed: at.executed,
    }),
    base: {
      runId: 'r',
      kind: 'synth' as const,
      chainId: 'c0001',
      sourceRunId: 'r',
      environment: 'shop',
      envSeed: 1,
      startPath: '/',
      viewport: { width: 1280, height: 800 },
    },
    finalOf: (at: Step) => ({ finalScreenshotPath: at.after.screenshot, finalUrl: '/', finalTitle: 'Home' }),
  });

  it('pairs a failed attempt with its accepted retry of the same task from the same page (refs aside)', async () => {
    const record = chain([subtask('s1', 'failed', 0, 1), subtask('s2', 'accepted', 1, 2)]);
    const { samples, differentStart } = await retrySamples(
      options(record, { 0: '- button "Archive" [ref=e3]', 1: '- button "Archive" [ref=e7]' }),
    );
    expect(differentStart).toBe(0);
    expect(samples.map((sample) => [sample.id, sample.outcome?.success, sample.pairKey])).toEqual([
      ['r/c0001/s2', true, 'r/c0001/s2'],
      ['r/c0001/s1', false, 'r/c0001/s2'],
    ]);
    const pairs = pairSamples(samples.map((sample) => ({ ...sample, split: 'train' })));
    expect(pairs.map((pair) => [pair.chosen.id, pair.rejected.id])).toEqual([['r/c0001/s2', 'r/c0001/s1']]);
  });

  it('pairs nothing when the failed attempt changed the page, or when the reviser relabelled it', async () => {
    const changed = await retrySamples(
      options(chain([subtask('s1', 'failed', 0, 1), subtask('s2', 'accepted', 1, 2)]), {
        0: '- button "Archive"',
        1: '- dialog "Confirm"',
      }),
    );
    expect([changed.samples.length, changed.differentStart]).toEqual([0, 1]);
    const relabelled = await retrySamples(
      options(
        chain([
          subtask('s1', 'failed', 0, 1),
          subtask('s1r', 'accepted', 0, 1, { origin: 'revised', revisedFrom: 's1', description: 'Open the menu.' }),
          subtask('s2', 'accepted', 1, 2),
        ]),
        {},
      ),
    );
    expect(relabelled.samples).toEqual([]);
  });
});
