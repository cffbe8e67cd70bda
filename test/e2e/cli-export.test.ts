import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/export/fingerprint.js';
import { validateDataset } from '../../src/export/validate-dataset.js';
import { runCli } from '../support/cli.js';
import { sharedCliRun, TRACKER_SEED5 } from '../support/shared-run.js';

/** `trajsynth export`, `validate` and `stats` on a run the pipeline really made, read back by independent readers. */
let out: string;
const RUN = TRACKER_SEED5.name;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'trajsynth-cli-export-'));
  const made = await sharedCliRun(TRACKER_SEED5, out);
  expect(made.code, made.stderr).toBe(0);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function storedScreenshotHashes(): Promise<Set<string>> {
  const hashes = new Set<string>();
  const chains = join(out, 'trajectories', RUN, 'chains');
  for (const chain of await readdir(chains)) {
    for (const file of await readdir(join(chains, chain, 'screens')))
      hashes.add(sha256Hex(await readFile(join(chains, chain, 'screens', file))));
  }
  return hashes;
}

// The tests run side by side: each exports to destinations of its own and only reads the run.
describe.concurrent('trajsynth export on a synthesized run', () => {
  it('writes each format through the CLI from a synthesized run, each passing validate, and the run passes too', async () => {
    const checked = await runCli(['validate', RUN, '--out', out]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^valid: 2 chains, 6 level-k tasks, \d+ steps, \d+ screenshots decoded/m);
    // Every format at both units is covered in-process on a fixture store (export-dataset.test.ts);
    // here each format once, through the CLI, on what the pipeline really made.
    const formats = [
      ['openai', 'trajectory'],
      ['anthropic', 'step'],
      ['sharegpt', 'trajectory'],
      ['raw', 'step'],
      ['playwright-trace', 'trajectory'],
    ] as const;
    const exports = await Promise.all(
      formats.map(([format, unit]) =>
        runCli([
          'export',
          RUN,
          '--out',
          out,
          '--format',
          format,
          '--unit',
          unit,
          '--dest',
          join(out, 'exports', `${format}-${unit}`),
          '--split',
          'train=0.5,test=0.5',
          '--quiet',
        ]),
      ),
    );
    for (const [index, [format, unit]] of formats.entries()) {
      const dest = join(out, 'exports', `${format}-${unit}`);
      const exported = exports[index]!;
      expect(exported.code, `${format} ${unit}: ${exported.stderr}`).toBe(0);
      expect(exported.stdout).toMatch(new RegExp(`Exported 6 sample\\(s\\) as \\d+ ${format} record\\(s\\) \\(${unit} units\\)`));
      expect(exported.stdout).toMatch(/fingerprint {2}sha256:[0-9a-f]{64}/);
      expect((await validateDataset(dest)).problems, `${format} ${unit}`).toEqual([]);
    }
  });

  it('writes Parquet that DuckDB reads, with Image structs holding the stored screenshots and the datasets features in the footer', async () => {
    const dest = join(out, 'exports', 'parquet-duck');
    const exported = await runCli(['export', RUN, '--out', out, '--format', 'parquet', '--unit', 'step', '--dest', dest, '--quiet']);
    expect(exported.code, exported.stderr).toBe(0);
    const file = join(dest, 'data', 'train-00000-of-00001.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjects();
      expect(columns.find((column) => column['column_name'] === 'image')?.['column_type']).toBe('STRUCT(bytes BLOB, path VARCHAR)');
      const rows = (
        await connection.runAndReadAll(`SELECT id, image.bytes AS bytes FROM read_parquet('${file}') WHERE image IS NOT NULL`)
      ).getRowObjects();
      const manifest = JSON.parse(await readFile(join(dest, 'manifest.json'), 'utf8')) as { counts: { records: number } };
      const total = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)).getRowObjects()[0]!['n'];
      expect(total).toBe(manifest.counts.records);
      expect(rows.length).toBe(total);
      const stored = await storedScreenshotHashes();
      for (const row of rows) {
        const bytes = Buffer.from((row['bytes'] as { bytes: Uint8Array }).bytes);
        // WebP screenshots pass through unscaled: the dataset holds the very bytes the run stored.
        expect(stored.has(sha256Hex(bytes)), String(row['id'])).toBe(true);
        const meta = await sharp(bytes).metadata();
        expect([meta.width, meta.height]).toEqual([1280, 800]);
      }
      const kv = (
        await connection.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`)
      ).getRowObjects();
      const features = JSON.parse(String(kv.find((entry) => entry['key'] === 'huggingface')!['value'])) as {
        info: { features: Record<string, unknown> };
      };
      expect(features.info.features['image']).toEqual({ _type: 'Image' });
      expect(features.info.features['history_images']).toEqual({ feature: { _type: 'Image' }, _type: 'Sequence' });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('prints diversity and coverage metrics for the run', async () => {
    const stats = await runCli(['stats', RUN, '--out', out]);
    expect(stats.code, stats.stderr).toBe(0);
    for (const heading of [
      'By app',
      'By level',
      'By interaction',
      'distinct-1',
      'Near-duplicate',
      'Affordance coverage',
      'Gold steps per level-k task',
    ])
      expect(stats.stdout).toContain(heading);
  });

  it('pairs a solved and a failed episode of one task as preferences, and says why a synthesis run alone gives none', async () => {
    const evaluated = await runCli([
      'eval',
      RUN,
      '--out',
      out,
      '--agent',
      'noisy-gold:0.8',
      '--episodes',
      '4',
      '--levels',
      '1',
      '--limit',
      '1',
      '--run',
      'noisy',
      '--quiet',
    ]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toMatch(/L1 1\/4/);
    const formats = [
      ['dpo', 'trajectory'],
      ['dpo', 'step'],
      ['openai-preference', 'step'],
    ] as const;
    const exports = await Promise.all(
      formats.map(([format, unit]) =>
        runCli([
          'export',
          'noisy',
          '--out',
          out,
          '--format',
          format,
          '--unit',
          unit,
          '--dest',
          join(out, 'exports', `${format}-${unit}`),
          '--quiet',
        ]),
      ),
    );
    for (const [index, [format, unit]] of formats.entries()) {
      const dest = join(out, 'exports', `${format}-${unit}`);
      const exported = exports[index]!;
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toMatch(/pairs {8}1\n/);
      expect((await validateDataset(dest)).problems, `${format} ${unit}`).toEqual([]);
    }
    const record = JSON.parse((await readFile(join(out, 'exports', 'openai-preference-step', 'data', 'train.jsonl'), 'utf8')).trim()) as {
      preferred_output: unknown[];
      non_preferred_output: unknown[];
    };
    expect(record.preferred_output).not.toEqual(record.non_preferred_output);
    const [none, trajectoryPreference] = await Promise.all([
      runCli(['export', RUN, '--out', out, '--format', 'dpo', '--dest', join(out, 'exports', 'no-pairs')]),
      runCli(['export', 'noisy', '--out', out, '--format', 'openai-preference', '--dest', join(out, 'exports', 'oap-trajectory')]),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Expected at least one preference pair, got none: only synthesis runs/);
    expect(trajectoryPreference.code).toBe(2);
    expect(trajectoryPreference.stderr).toMatch(/Expected --unit step for --format openai-preference/);
  });

  it('answers bad flags and sources in one line with the fix', async () => {
    const notEmpty = join(out, 'exports', 'not-empty');
    await mkdir(notEmpty, { recursive: true });
    await writeFile(join(notEmpty, 'kept.txt'), 'an earlier export\n');
    const cases: [string[], RegExp][] = [
      [
        ['export', RUN, '--out', out, '--format', 'csv', '--dest', 'x'],
        /Expected --format to be one of openai, anthropic, sharegpt, parquet, raw, dpo, openai-preference, playwright-trace, got "csv"/,
      ],
      [['export', RUN, '--out', out, '--format', 'raw'], /Expected --dest DIR/],
      [
        ['export', RUN, '--out', out, '--format', 'playwright-trace', '--unit', 'step', '--dest', join(out, 'exports', 'trace-step')],
        /Expected --unit trajectory for --format playwright-trace, got --unit step/,
      ],
      [['export', RUN, '--out', out, '--format', 'raw', '--dest', 'x', '--kind', 'dance'], /Expected --kind to be one of form, toggle/],
      [['export', RUN, '--out', out, '--format', 'raw', '--dest', 'x', '--split', 'train=2'], /shares to sum to 1/],
      [['export', 'nothing-here', '--out', out, '--format', 'raw', '--dest', 'x'], /no run\.json there/],
      [['export', RUN, '--out', out, '--format', 'raw', '--dest', notEmpty], /Expected --dest .* to be empty or absent/],
      [
        ['export', RUN, '--out', out, '--format', 'raw', '--dest', 'x', '--env', 'shop'],
        /Expected the filters to select at least one level-k task, got none of 6 \(--env left out 6\)/,
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [index, [args, message]] of cases.entries()) {
      const result = results[index]!;
      expect(result.code, args.join(' ')).toBeGreaterThan(0);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n').length, result.stderr).toBeLessThanOrEqual(2);
    }
  });
});
