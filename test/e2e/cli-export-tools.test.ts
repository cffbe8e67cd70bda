import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFingerprint, sha256Hex } from '../../src/export/fingerprint.js';
import type { DatasetManifest } from '../../src/export/manifest.js';
import { chainLayout, runLayout } from '../../src/store/layout.js';
import { runCli } from '../support/cli.js';
import { copyStore, FIXTURE_RUN_ID, writeFixtureRun } from '../support/export-fixture.js';

/** The built CLI (npm run build) on a fixture run and hand-made datasets: exit codes and what a person reads. */
let temp: string;
let good: string;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-export-tools-'));
  good = join(temp, 'good');
  await writeFixtureRun(good);
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

async function writeDataset(dir: string, records: { key: string; line: string }[], options: Record<string, unknown> = {}): Promise<void> {
  await mkdir(join(dir, 'data'), { recursive: true });
  const data = records.map((record) => record.line).join('\n') + '\n';
  await writeFile(join(dir, 'data/train.jsonl'), data);
  const manifestRecords = records.map((record) => ({ key: record.key, sha256: sha256Hex(record.line), split: 'train' }));
  const samples = new Set(records.map((record) => record.key.split('#')[0])).size;
  const manifest: DatasetManifest = {
    manifestVersion: 1,
    generator: { name: 'trajsynth', version: '0.1.0' },
    format: 'chat-jsonl',
    unit: 'step',
    fingerprint: datasetFingerprint(manifestRecords, []),
    sources: [{ runId: 'r', kind: 'synth', status: 'complete', config: {}, toolVersion: '0.1.0' }],
    options,
    split: { rule: 'hash', ratios: { train: 1 } },
    counts: {
      samples,
      records: records.length,
      images: 0,
      bySplit: { train: samples },
      byLevel: { '1': samples },
      byEnvironment: { shop: samples },
    },
    files: [{ path: 'data/train.jsonl', sha256: sha256Hex(data), bytes: Buffer.byteLength(data), split: 'train', records: records.length }],
    records: manifestRecords,
    notes: [],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

describe('trajsynth validate', () => {
  it('exits 0 with a one-line summary on a sound run', async () => {
    const result = await runCli(['validate', FIXTURE_RUN_ID, '--out', good]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('valid: 2 chains, 4 level-k tasks, 8 steps, 10 screenshots decoded\n');
    expect(result.code).toBe(0);
  });

  it('exits 2 with one line per problem on a damaged run', async () => {
    const out = join(temp, 'damaged');
    await copyStore(good, out);
    const layout = runLayout(out, FIXTURE_RUN_ID);
    await unlink(join(chainLayout(layout, 'c0001').screensDir, '0002.webp'));
    const chainFile = chainLayout(layout, 'c0002').chainFile;
    const record = JSON.parse(await readFile(chainFile, 'utf8'));
    record.levels[0].checker = [];
    await writeFile(chainFile, JSON.stringify(record));
    const result = await runCli(['validate', FIXTURE_RUN_ID, '--out', out]);
    expect(result.code).toBe(2);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      `trajectories/${FIXTURE_RUN_ID}/chains/c0001/steps.jsonl:2: after.screenshot: screens/0002.webp does not exist`,
    );
    expect(
      lines.some((line) =>
        line.startsWith(`trajectories/${FIXTURE_RUN_ID}/chains/c0002/chain.json: levels[0].checker: Expected at least one predicate`),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^invalid: \d+ problem\(s\) in fixture-run/);
    const json = await runCli(['validate', FIXTURE_RUN_ID, '--out', out, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).problems.length).toBe(lines.length - 1);
  });

  it('validates a dataset directory; an unknown format is a problem', async () => {
    const dir = join(temp, 'dataset-unknown-format');
    await writeDataset(dir, [{ key: 'r/c0001/L1#s0', line: '{"a":1}' }]);
    const result = await runCli(['validate', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^manifest\.json: format: Expected a format this build \(trajsynth [^)]*\) can read, got "chat-jsonl"/m);
  });

  it('says in one line what SOURCE must be, and rejects unknown flags', async () => {
    const missing = await runCli(['validate', 'no-such-run', '--out', good]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^trajsynth: Expected SOURCE to be a run id or an exported dataset directory, got "no-such-run"/);
    expect(missing.stderr).toContain('fix: ');
    const flag = await runCli(['validate', FIXTURE_RUN_ID, '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--bogus'.*trajsynth validate --help/);
  });
});

describe('trajsynth stats', () => {
  it('prints the tables', async () => {
    const result = await runCli(['stats', FIXTURE_RUN_ID, '--out', good]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const heading of [
      'By app: 2 categories, entropy 1.00 bits (normalized 1.000)',
      'By level:',
      'By interaction',
      'By persona:',
      'distinct-1',
      'distinct-2',
      'Near-duplicate tasks',
      'Affordance coverage',
      'Gold steps per level-k task',
      'Task text tokens (estimate',
    ]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toMatch(/^ {2}shop +2 +50% +█+$/m);
    const json = await runCli(['stats', FIXTURE_RUN_ID, '--out', good, '--json', '--near-dup', '0.5']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ tasks: 4, nearDuplicates: { threshold: 0.5 } });
  });

  it('rejects a near-duplicate threshold outside (0, 1]', async () => {
    const result = await runCli(['stats', FIXTURE_RUN_ID, '--out', good, '--near-dup', '1.5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected --near-dup to be a similarity above 0 and at most 1, got "1.5"');
  });
});

describe('trajsynth diff', () => {
  it('exits 0 on identical datasets, 1 when they differ, 2 on a directory that is not a dataset', async () => {
    const a = join(temp, 'diff-a');
    const b = join(temp, 'diff-b');
    const c = join(temp, 'diff-c');
    await writeDataset(a, [
      { key: 'r/c0001/L1#s0', line: '{"step":0}' },
      { key: 'r/c0001/L1#s1', line: '{"step":1}' },
    ]);
    await writeDataset(b, [
      { key: 'r/c0001/L1#s0', line: '{"step":0}' },
      { key: 'r/c0001/L1#s1', line: '{"step":1}' },
    ]);
    await writeDataset(
      c,
      [
        { key: 'r/c0001/L1#s0', line: '{"step":0}' },
        { key: 'r/c0001/L1#s1', line: '{"step":"one"}' },
        { key: 'r/c0002/L1#s0', line: '{"step":0}' },
      ],
      { images: 'last' },
    );
    const same = await runCli(['diff', a, b]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^identical \(sha256:[0-9a-f]{64}\)\n$/);
    const differ = await runCli(['diff', a, c]);
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain('samples: 1 added, 0 removed, 1 changed; records: 1 added, 0 removed, 1 changed, 1 unchanged');
    expect(differ.stdout).toContain('options.images: (none) → "last"');
    expect(differ.stdout).toContain('~ r/c0001/L1  (1 changed record)');
    expect(differ.stdout).toContain('+ r/c0002/L1  (1 added record)');
    const notDataset = await runCli(['diff', a, good]);
    expect(notDataset.code).toBe(2);
    expect(notDataset.stderr).toContain(`got ${good}, which has no manifest.json: it is not an exported dataset`);
  });
});
