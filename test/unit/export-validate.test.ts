import { mkdtemp, readFile, rename, rm, truncate, unlink, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/chain.js';
import { datasetFingerprint, sha256Hex } from '../../src/export/fingerprint.js';
import { MANIFEST_VERSION, type DatasetManifest } from '../../src/export/manifest.js';
import type { DatasetFormat } from '../../src/export/sample.js';
import { validateDataset } from '../../src/export/validate-dataset.js';
import { validateRun } from '../../src/export/validate-run.js';
import { problemLine, type ValidationProblem } from '../../src/export/validation-problem.js';
import { chainLayout, runLayout, type RunLayout } from '../../src/store/layout.js';
import { copyStore, editChain, FIXTURE_RUN_ID, screenshotWebp, writeFixtureEvalRun, writeFixtureRun } from '../support/export-fixture.js';

let temp: string;
let pristine: string;
let copies = 0;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-validate-'));
  pristine = join(temp, 'pristine');
  await writeFixtureRun(pristine);
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** A fresh copy of the fixture store to damage one way. */
async function damagedCopy(): Promise<RunLayout> {
  copies += 1;
  const out = join(temp, `copy-${copies}`);
  await copyStore(pristine, out);
  return runLayout(out, FIXTURE_RUN_ID);
}

const chainFile = (chainId: string) => `trajectories/${FIXTURE_RUN_ID}/chains/${chainId}/chain.json`;
const stepsFile = (chainId: string) => `trajectories/${FIXTURE_RUN_ID}/chains/${chainId}/steps.jsonl`;

describe('validate a run', () => {
  it('passes the undamaged run and counts what it checked', async () => {
    const report = await validateRun(runLayout(pristine, FIXTURE_RUN_ID));
    expect(report.problems.map(problemLine)).toEqual([]);
    expect(report.kind).toBe('synth-run');
    expect(report.counts).toEqual({ chains: 2, levelTasks: 4, steps: 8, screenshotsDecoded: 10 });
  });

  it('names the step, field and file of a missing screenshot, once', async () => {
    const layout = await damagedCopy();
    await unlink(join(chainLayout(layout, 'c0001').screensDir, '0002.webp'));
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      { file: stepsFile('c0001'), line: 2, field: 'after.screenshot', message: 'screens/0002.webp does not exist' },
    ]);
    expect(problemLine(problems[0]!)).toBe(`${stepsFile('c0001')}:2: after.screenshot: screens/0002.webp does not exist`);
  });

  it('decodes every screenshot: a truncated WebP is reported at the step that shows it', async () => {
    const layout = await damagedCopy();
    const path = join(chainLayout(layout, 'c0002').screensDir, '0003.webp');
    const size = (await readFile(path)).length;
    await truncate(path, Math.floor(size / 2));
    const { problems } = await validateRun(layout);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: stepsFile('c0002'), line: 3, field: 'after.screenshot' });
    expect(problems[0]!.message).toMatch(/^screens\/0003\.webp does not decode/);
  });

  it('checks screenshots have the viewport size', async () => {
    const layout = await damagedCopy();
    await writeFile(join(chainLayout(layout, 'c0001').screensDir, '0000.webp'), await screenshotWebp(9, { width: 640, height: 400 }));
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: stepsFile('c0001'),
        line: 1,
        field: 'before.screenshot',
        message: 'screens/0000.webp: Expected 1280x800 (the viewport), got 640x400',
      },
    ]);
  });

  it('reports a gold range past the end of the chain', async () => {
    const layout = await damagedCopy();
    await editChain(layout, 'c0001', (record) => {
      record.levels[1]!.gold.end = 9;
      return record;
    });
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: chainFile('c0001'),
        field: 'levels[1].gold',
        message: "Expected 0 <= start < end <= 4 (the chain's steps), got start 0, end 9",
      },
    ]);
  });

  it('reports a gold range that leaves out steps of its subtasks', async () => {
    const layout = await damagedCopy();
    await editChain(layout, 'c0002', (record) => {
      record.levels[1]!.gold = { start: 0, end: 3 };
      return record;
    });
    const { problems } = await validateRun(layout);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: chainFile('c0002'), field: 'levels[1].gold' });
    expect(problems[0]!.message).toContain('c0002-s02');
  });

  it('reports an empty checker', async () => {
    const layout = await damagedCopy();
    await editChain(layout, 'c0001', (record) => {
      record.levels[0]!.checker = [];
      return record;
    });
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: chainFile('c0001'),
        field: 'levels[0].checker',
        message: expect.stringMatching(/^Expected at least one predicate, got an empty checker/),
      },
    ]);
  });

  it('reports state predicates in a run on a site without a probe', async () => {
    const layout = await damagedCopy();
    const meta = JSON.parse(await readFile(layout.runFile, 'utf8'));
    meta.config.environment = 'url';
    meta.config.site = { url: 'http://127.0.0.1:4000/', allowedOrigins: [] };
    await writeFile(layout.runFile, JSON.stringify(meta));
    await editChain(layout, 'c0002', (record) => ({ ...record, environment: 'url' }));
    const { problems } = await validateRun(layout);
    expect(problems.map((problem) => problem.field)).toEqual(['levels[1].checker[1]', 'levels[1].subtaskChecks[1][0]']);
    expect(problems[0]!.message).toContain('no state probe');
  });

  it('reports a summary that drops a constant of its subtasks', async () => {
    const layout = await damagedCopy();
    await editChain(layout, 'c0001', (record) => {
      record.levels[1]!.task = 'First, save “Seaside Foam Roller” to wishlist. Then open the saved items.';
      return record;
    });
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: chainFile('c0001'),
        field: 'levels[1].task',
        message: 'Expected the summary to keep every constant of its subtasks, missing "Wishlist"',
      },
    ]);
  });

  it('reports a duplicated task, naming both', async () => {
    const layout = await damagedCopy();
    // A third chain that repeats c0001 (same environment, start path and texts).
    const from = chainLayout(layout, 'c0001').dir;
    await cp(from, chainLayout(layout, 'c0003').dir, { recursive: true });
    await editChain(layout, 'c0003', (record) => ({ ...record, chainId: 'c0003', index: 2 }));
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: chainFile('c0003'),
        field: 'levels[0].task',
        message: `Expected each level-k task once, got a duplicate of c0001 L1 (${chainFile('c0001')}: levels[0].task): same environment, start path and text`,
      },
      { file: chainFile('c0003'), field: 'levels[1].task', message: expect.stringContaining('duplicate of c0001 L2') },
    ]);
  });

  it('names an unknown schema version and the one this build reads', async () => {
    const layout = await damagedCopy();
    await editChain(layout, 'c0002', (record) => ({ ...record, schemaVersion: 7 }));
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: chainFile('c0002'),
        field: 'schemaVersion',
        message: expect.stringMatching(new RegExp(`^Expected schemaVersion ${SCHEMA_VERSION} \\(what trajsynth .* reads\\), got 7`)),
      },
    ]);
  });

  it('reports a tasks file that disagrees with chain.json', async () => {
    const layout = await damagedCopy();
    const lines = (await readFile(layout.tasksFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    lines[1].levels[0].task = 'Something else entirely with “Quarterly invoice”.';
    await writeFile(layout.tasksFile, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const { problems } = await validateRun(layout);
    expect(problems).toEqual([
      {
        file: `tasks/${FIXTURE_RUN_ID}.jsonl`,
        line: 2,
        field: 'levels[0]',
        message: `Expected level 1 as in ${chainFile('c0002')}, got a different task`,
      },
    ]);
  });

  it('reports step indexes that are not contiguous, and a corrupt line through run-damage', async () => {
    const layout = await damagedCopy();
    const file = chainLayout(layout, 'c0001').stepsFile;
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const third = JSON.parse(lines[2]!);
    third.index = 5;
    lines[2] = JSON.stringify(third);
    lines[3] = '{"index": 3, "subtaskId": 4}';
    await writeFile(file, lines.join('\n') + '\n');
    const problems: ValidationProblem[] = (await validateRun(layout)).problems;
    expect(problems).toContainEqual({
      file: stepsFile('c0001'),
      line: 3,
      field: 'index',
      message: 'Expected step index 2 (indexes run 0..n-1 in order), got 5',
    });
    expect(problems).toContainEqual(expect.objectContaining({ file: stepsFile('c0001'), line: 4, field: 'subtaskId' }));
  });
});

describe('validate a reviewed run', () => {
  it('passes valid verdict lines and names a damaged one by line and field; a torn last line is not damage', async () => {
    const layout = await damagedCopy();
    const verdict = {
      schemaVersion: 1,
      taskId: `${FIXTURE_RUN_ID}/c0001/L1`,
      runId: FIXTURE_RUN_ID,
      chainId: 'c0001',
      level: 1,
      reviewer: 'ana',
      verdict: 'valid',
      at: '2026-01-01T00:00:00.000Z',
    };
    await writeFile(layout.reviewsFile, `${JSON.stringify(verdict)}\n${JSON.stringify({ ...verdict, verdict: 'invalid' })}\n{"schema`);
    const problems: ValidationProblem[] = (await validateRun(layout)).problems;
    expect(problems).toEqual([expect.objectContaining({ file: `trajectories/${FIXTURE_RUN_ID}/reviews.jsonl`, line: 2, field: 'reason' })]);
  });
});

describe('validate an evaluation run', () => {
  it('passes a sound one and names a missing episode screenshot and a stepCount that disagrees', async () => {
    const layout = await damagedCopy();
    const evalLayout = await writeFixtureEvalRun(layout.outDir);
    const sound = await validateRun(evalLayout);
    expect(sound.problems).toEqual([]);
    expect(sound).toMatchObject({ kind: 'eval-run', counts: { episodes: 4, steps: 12, screenshotsDecoded: 16 } });
    const episodeDir = join(evalLayout.episodesDir, 'c0002-L2-r0');
    await unlink(join(episodeDir, 'screens', '0004.webp'));
    const episode = JSON.parse(await readFile(join(episodeDir, 'episode.json'), 'utf8'));
    await writeFile(join(episodeDir, 'episode.json'), JSON.stringify({ ...episode, stepCount: 9 }));
    const { problems } = await validateRun(evalLayout);
    expect(problems.map(problemLine)).toEqual([
      'trajectories/fixture-eval/episodes/c0002-L2-r0/episode.json: stepCount: Expected 4 (the steps in steps.jsonl), got 9',
      'trajectories/fixture-eval/episodes/c0002-L2-r0/steps.jsonl:4: after.screenshot: screens/0004.webp does not exist',
    ]);
  });
});

describe('validate a dataset', () => {
  const fakeFormat: DatasetFormat = {
    id: 'fake-jsonl',
    imageFiles: true,
    write: () => Promise.reject(new Error('not used')),
    checkFile: async (root, file) => {
      const lines = (await readFile(join(root, file), 'utf8')).trim().split('\n');
      return lines.flatMap((line, index) =>
        JSON.parse(line).messages ? [] : [`${file}:${index + 1}: messages: Expected an array, got none`],
      );
    },
  };
  const formatFor = (id: string) => {
    if (id !== 'fake-jsonl') throw new Error(`unknown format ${id}`);
    return fakeFormat;
  };

  /** A two-record JSONL dataset with one image, manifest and all. */
  async function writeDataset(dir: string): Promise<{ manifest: DatasetManifest; image: string }> {
    await mkdir(join(dir, 'data'), { recursive: true });
    await mkdir(join(dir, 'images'), { recursive: true });
    const imageBytes = await screenshotWebp(3);
    const imageHash = sha256Hex(imageBytes);
    const image = `images/${imageHash}.webp`;
    await writeFile(join(dir, image), imageBytes);
    const lines = [
      JSON.stringify({ id: 'r/c0001/L1', messages: [{ role: 'user', content: [{ type: 'image', path: image }] }] }),
      JSON.stringify({ id: 'r/c0001/L2', messages: [{ role: 'user', content: 'x' }] }),
    ];
    const data = `${lines.join('\n')}\n`;
    await writeFile(join(dir, 'data/train.jsonl'), data);
    const records = [
      { key: 'r/c0001/L1', sha256: sha256Hex(lines[0]!), split: 'train' },
      { key: 'r/c0001/L2', sha256: sha256Hex(lines[1]!), split: 'train' },
    ];
    const manifest: DatasetManifest = {
      manifestVersion: MANIFEST_VERSION,
      generator: { name: 'trajsynth', version: '0.1.0' },
      format: 'fake-jsonl',
      unit: 'trajectory',
      fingerprint: datasetFingerprint(records, [imageHash]),
      sources: [{ runId: 'r', kind: 'synth', status: 'complete', config: { seed: 1 }, toolVersion: '0.1.0' }],
      options: { images: 'all' },
      split: { rule: 'hash of runId/chainId', ratios: { train: 1 } },
      counts: { samples: 2, records: 2, images: 1, bySplit: { train: 2 }, byLevel: { '1': 1, '2': 1 }, byEnvironment: { shop: 2 } },
      files: [
        { path: 'data/train.jsonl', sha256: sha256Hex(data), bytes: Buffer.byteLength(data), split: 'train', records: 2 },
        { path: image, sha256: imageHash, bytes: imageBytes.length },
      ],
      records,
      notes: [],
    };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return { manifest, image };
  }

  async function dataset(): Promise<{ dir: string; manifest: DatasetManifest; image: string }> {
    copies += 1;
    const dir = join(temp, `dataset-${copies}`);
    return { dir, ...(await writeDataset(dir)) };
  }

  const rewriteManifest = (dir: string, manifest: DatasetManifest) =>
    writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));

  it('passes a sound dataset and runs the format check on each data file', async () => {
    const { dir } = await dataset();
    const report = await validateDataset(dir, { formatFor });
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ samples: 2, records: 2, files: 2, imagesDecoded: 1 });
  });

  it('reports an unknown format as a problem of manifest.json', async () => {
    const { dir } = await dataset();
    const { problems } = await validateDataset(dir, {
      formatFor: () => {
        throw new Error('no formats');
      },
    });
    expect(problems).toEqual([{ file: 'manifest.json', field: 'format', message: expect.stringContaining('got "fake-jsonl"') }]);
  });

  it('reports a data file whose sha256 does not match, and what its format reader says', async () => {
    const { dir } = await dataset();
    const path = join(dir, 'data/train.jsonl');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"content":"x"', '"content":"y"').replace('"messages"', '"massages"'));
    const { problems } = await validateDataset(dir, { formatFor });
    expect(problems).toEqual([
      { file: 'data/train.jsonl', message: expect.stringMatching(/^Expected sha256 [0-9a-f]{64} \(manifest.json\), got [0-9a-f]{64}$/) },
      { file: 'data/train.jsonl', line: 1, message: 'messages: Expected an array, got none' },
    ]);
  });

  it('reports a file the manifest does not list', async () => {
    const { dir } = await dataset();
    await writeFile(join(dir, 'data/notes.txt'), 'stray');
    const { problems } = await validateDataset(dir, { formatFor });
    expect(problems).toEqual([{ file: 'data/notes.txt', message: 'is not listed in manifest.json files (remove it, or re-export)' }]);
  });

  it('reports a fingerprint that does not recompute', async () => {
    const { dir, manifest } = await dataset();
    await rewriteManifest(dir, { ...manifest, fingerprint: `sha256:${'0'.repeat(64)}` });
    const { problems } = await validateDataset(dir, { formatFor });
    expect(problems).toEqual([
      {
        file: 'manifest.json',
        field: 'fingerprint',
        message: `Expected ${manifest.fingerprint} (recomputed from records and image files), got sha256:${'0'.repeat(64)}`,
      },
    ]);
  });

  it('reports an image whose name is not its hash', async () => {
    const { dir, manifest, image } = await dataset();
    const renamed = `images/${'a'.repeat(64)}.webp`;
    await rename(join(dir, image), join(dir, renamed));
    await rewriteManifest(dir, {
      ...manifest,
      files: manifest.files.map((file) => (file.path === image ? { ...file, path: renamed } : file)),
    });
    const { problems } = await validateDataset(dir, { formatFor });
    expect(problems).toEqual([
      { file: renamed, message: `Expected the name to be the sha256 of the bytes, got content hashing to ${image.slice(7, 71)}` },
    ]);
  });

  it('reports a listed file that is missing and counts that do not add up', async () => {
    const { dir, manifest } = await dataset();
    await rewriteManifest(dir, { ...manifest, counts: { ...manifest.counts, samples: 3, byLevel: { '1': 1, '2': 1 } } });
    await unlink(join(dir, 'data/train.jsonl'));
    const { problems } = await validateDataset(dir, { formatFor });
    expect(problems.map(problemLine)).toEqual([
      'data/train.jsonl: is listed in manifest.json but does not exist',
      'manifest.json: counts.samples: Expected 2 (distinct sample ids among the records), got 3',
      'manifest.json: counts.byLevel: Expected 3 (counts.samples; the sum by level), got 2',
      'manifest.json: counts.byEnvironment: Expected 3 (counts.samples; the sum by environment), got 2',
    ]);
  });

  it('says a directory without manifest.json is not a dataset', async () => {
    const dir = join(temp, 'empty-dir');
    await mkdir(dir, { recursive: true });
    const { problems } = await validateDataset(dir);
    expect(problems).toEqual([{ file: 'manifest.json', message: 'does not exist: this is not an exported dataset' }]);
  });
});
