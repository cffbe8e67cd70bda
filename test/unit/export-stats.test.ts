import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetStats, distinctN, distribution, summarize, type StatsSample } from '../../src/export/dataset-stats.js';
import { diffManifests } from '../../src/export/dataset-diff.js';
import type { DatasetManifest } from '../../src/export/manifest.js';
import { bandRows, nearDuplicatePairs } from '../../src/export/near-duplicates.js';
import { readStatsSource } from '../../src/export/stats-sources.js';
import { jaccard, shingles } from '../../src/export/text-tokens.js';
import { runLayout } from '../../src/store/layout.js';
import { FIXTURE_RUN_ID, writeFixtureEvalRun, writeFixtureRun } from '../support/export-fixture.js';

describe('distributions', () => {
  it('computes Shannon entropy in bits and normalizes it by log2 of the categories', () => {
    const even = distribution(['a', 'b', 'a', 'b']);
    expect(even.entropyBits).toBeCloseTo(1, 10);
    expect(even.normalizedEntropy).toBeCloseTo(1, 10);
    const skewed = distribution(['a', 'a', 'a', 'b']);
    expect(skewed.entropyBits).toBeCloseTo(-(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25)), 10);
    expect(skewed.entropyBits).toBeCloseTo(0.8113, 4);
    const four = distribution(['w', 'x', 'y', 'z', 'w', 'x', 'y', 'z']);
    expect(four.entropyBits).toBeCloseTo(2, 10);
    expect(four.normalizedEntropy).toBeCloseTo(1, 10);
    const one = distribution(['a', 'a']);
    expect(one).toMatchObject({ entropyBits: 0, categories: 1, normalizedEntropy: undefined, total: 2 });
    expect(Object.keys(skewed.counts)).toEqual(['a', 'b']);
  });

  it('summarizes lengths with a median and a nearest-rank p90', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, min: 1, median: 2.5, p90: 4, max: 4, mean: 2.5 });
    expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatchObject({ median: 5.5, p90: 9 });
    expect(summarize([])).toBeUndefined();
  });
});

describe('distinct-n', () => {
  it('divides distinct n-grams by all n-grams of lowercased word tokens', () => {
    expect(distinctN(['A b a B'])).toEqual({ distinct1: 0.5, distinct2: 2 / 3, unigrams: 4, bigrams: 3 });
    // n-grams never span two texts: "x y" + "y x" gives bigrams "x y" and "y x".
    expect(distinctN(['x y', 'y x'])).toEqual({ distinct1: 0.5, distinct2: 1, unigrams: 4, bigrams: 2 });
    expect(distinctN(['Open “Cart”.', 'open cart'])).toMatchObject({ distinct1: 0.5, distinct2: 0.5 });
    expect(distinctN([])).toEqual({ distinct1: undefined, distinct2: undefined, unigrams: 0, bigrams: 0 });
  });
});

describe('near-duplicates', () => {
  const words = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
  // 60 words: 58 shingles. Changing the last 4 words leaves 54 shared of 62: Jaccard 0.87.
  const base = words('w', 60);
  const close = [...base.slice(0, 56), ...words('z', 4)];
  // Keeping the first 40 words and replacing 20: 38 shared of 58 + 58 - 38 = 78: Jaccard 0.49.
  const half = [...base.slice(0, 40), ...words('q', 20)];

  it('finds the pair at 0.87 and not the one at 0.49', () => {
    const texts = [base.join(' '), close.join(' '), half.join(' ')];
    expect(jaccard(shingles(texts[0]!, 3), shingles(texts[1]!, 3))).toBeCloseTo(54 / 62, 10);
    expect(jaccard(shingles(texts[0]!, 3), shingles(texts[2]!, 3))).toBeCloseTo(38 / 78, 10);
    const pairs = nearDuplicatePairs(texts, 0.8);
    expect(pairs).toEqual([{ a: 0, b: 1, similarity: 54 / 62 }]);
    // A lower threshold takes the 0.49 pair in.
    expect(nearDuplicatePairs(texts, 0.45).map((pair) => [pair.a, pair.b])).toContainEqual([0, 2]);
  });

  it('never pairs texts of the same group (the nested level-k tasks of one chain)', () => {
    const texts = [base.join(' '), close.join(' ')];
    expect(nearDuplicatePairs(texts, 0.8, { groupOf: () => 'run/c0001' })).toEqual([]);
  });

  it('finds the same pairs with MinHash buckets as by comparing every pair, on 600 texts', () => {
    let seed = 1;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = words('v', 400);
    const texts = Array.from({ length: 600 }, () =>
      Array.from({ length: 12 + Math.floor(random() * 20) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' '),
    );
    // Plant near-duplicates: copies with one word changed, and the crafted pairs.
    for (let index = 0; index < 30; index += 1) {
      const tokens = texts[index]!.split(' ');
      tokens[tokens.length - 1] = `changed${index}`;
      texts.push(tokens.join(' '));
    }
    texts.push(base.join(' '), close.join(' '), half.join(' '));
    const exact = nearDuplicatePairs(texts, 0.8, { exactUpTo: Infinity });
    const bucketed = nearDuplicatePairs(texts, 0.8, { exactUpTo: 0 });
    expect(exact.length).toBeGreaterThanOrEqual(31);
    expect(bucketed).toEqual(exact);
  });

  it('picks band sizes that find a pair at the threshold almost surely', () => {
    expect(bandRows(0.8)).toBe(6);
    expect(bandRows(0.5)).toBe(3);
  });
});

describe('stats over a run', () => {
  let temp: string;
  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'trajsynth-stats-'));
    await writeFixtureRun(temp);
  });
  afterAll(async () => {
    await rm(temp, { recursive: true, force: true });
  });

  it('reads the level-k tasks of a run and reports every measure (the JSON shape)', async () => {
    const source = await readStatsSource(runLayout(temp, FIXTURE_RUN_ID));
    expect(source.samples.map((sample) => sample.id)).toEqual([
      `${FIXTURE_RUN_ID}/c0001/L1`,
      `${FIXTURE_RUN_ID}/c0001/L2`,
      `${FIXTURE_RUN_ID}/c0002/L1`,
      `${FIXTURE_RUN_ID}/c0002/L2`,
    ]);
    const stats = datasetStats(source.samples, { coverage: source.coverage });
    expect(Object.keys(stats).sort()).toEqual([
      'coverage',
      'distinct',
      'distributions',
      'nearDuplicates',
      'outcomes',
      'soundness',
      'stepLengths',
      'tasks',
      'tokenLengths',
    ]);
    expect(stats.tasks).toBe(4);
    expect(stats.distributions.app.counts).toEqual({ mail: 2, shop: 2 });
    expect(stats.distributions.level).toMatchObject({ counts: { '1': 2, '2': 2 }, entropyBits: 1, normalizedEntropy: 1 });
    expect(stats.distributions.interaction.counts).toEqual({ 'item-action': 1, navigate: 1, search: 1, toggle: 1 });
    expect(stats.distributions.interaction.entropyBits).toBeCloseTo(2, 10);
    expect(stats.distributions.persona.counts).toEqual({ 'operations-analyst': 2, 'support-agent': 2 });
    expect(stats.stepLengths.byLevel).toEqual({
      '1': { count: 2, min: 2, median: 2, p90: 2, max: 2, mean: 2 },
      '2': { count: 2, min: 4, median: 4, p90: 4, max: 4, mean: 4 },
    });
    expect(stats.tokenLengths.estimate).toContain('3.5');
    expect(stats.tokenLengths.overall!.count).toBe(4);
    expect(stats.coverage).toEqual([
      { environment: 'mail', declared: 5, exercised: 1, share: 0.2 },
      { environment: 'shop', declared: 4, exercised: 2, share: 0.5 },
    ]);
    // c0001 L1 and L2 nest, but tasks of one chain are never paired.
    expect(stats.nearDuplicates).toMatchObject({ threshold: 0.8, pairs: 0, tasksWithNearDuplicate: 0, share: 0, examples: [] });
    expect(stats.outcomes).toBeUndefined();
    expect(JSON.parse(JSON.stringify(stats))).toMatchObject({ distinct: { unigrams: expect.any(Number) } });
  });

  it('reads an evaluation run: its tasks with interactions and persona from the source run, and outcomes', async () => {
    const source = await readStatsSource(await writeFixtureEvalRun(temp));
    expect(source.kind).toBe('eval');
    expect(source.samples[0]).toMatchObject({
      id: `${FIXTURE_RUN_ID}/c0001/L1`,
      persona: 'support-agent',
      interactions: ['toggle'],
      outcome: { success: true },
    });
    const stats = datasetStats(source.samples);
    expect(stats.tasks).toBe(4);
    expect(stats.outcomes).toEqual({
      episodes: 4,
      successes: 2,
      byLevel: { '1': { episodes: 2, successes: 2, rate: 1 }, '2': { episodes: 2, successes: 0, rate: 0 } },
    });
  });

  it('counts a task once however many episodes ran it, and reports outcomes by level', () => {
    const episode = (level: number, success: boolean): StatsSample => ({
      id: `src/c0001/L${level}`,
      chainId: 'c0001',
      sourceRunId: 'src',
      environment: 'shop',
      level,
      interactions: ['form'],
      task: `Task ${level}`,
      steps: [0, 1],
      outcome: { success, progress: success ? level : 0 },
    });
    const stats = datasetStats([episode(1, true), episode(1, false), episode(2, false)]);
    expect(stats.tasks).toBe(2);
    expect(stats.outcomes).toEqual({
      episodes: 3,
      successes: 1,
      byLevel: { '1': { episodes: 2, successes: 1, rate: 0.5 }, '2': { episodes: 1, successes: 0, rate: 0 } },
    });
  });

  it('reports near-duplicates across chains, with examples', () => {
    const sample = (chainId: string, task: string): StatsSample => ({
      id: `r/${chainId}/L1`,
      runId: 'r',
      chainId,
      environment: 'shop',
      level: 1,
      interactions: ['form'],
      task,
      steps: [0],
    });
    const stats = datasetStats([
      sample('c0001', 'Add “Milk” to the shopping list and mark it as urgent for tomorrow morning please'),
      sample('c0002', 'Add “Milk” to the shopping list and mark it as urgent for tomorrow morning now'),
      sample('c0003', 'Open the settings page'),
    ]);
    expect(stats.nearDuplicates.pairs).toBe(1);
    expect(stats.nearDuplicates.tasksWithNearDuplicate).toBe(2);
    expect(stats.nearDuplicates.share).toBeCloseTo(2 / 3, 10);
    expect(stats.nearDuplicates.examples[0]).toMatchObject({ a: { id: 'r/c0001/L1' }, b: { id: 'r/c0002/L1' } });
  });
});

describe('dataset diff', () => {
  const manifest = (records: [string, string][], extra: Partial<DatasetManifest> = {}): DatasetManifest => ({
    manifestVersion: 1,
    generator: { name: 'trajsynth', version: '0.1.0' },
    format: 'chat-jsonl',
    unit: 'step',
    fingerprint: `sha256:${records
      .map(([key, hash]) => `${key}${hash}`)
      .join('')
      .length.toString(16)
      .padStart(64, '0')}`,
    sources: [{ runId: 'r', kind: 'synth', status: 'complete', config: { seed: 1 }, toolVersion: '0.1.0' }],
    options: { images: 'all' },
    split: { rule: 'hash', ratios: { train: 1 } },
    counts: { samples: 0, records: records.length, images: 0, bySplit: {}, byLevel: {}, byEnvironment: {} },
    files: [],
    records: records.map(([key, sha256]) => ({ key, sha256, split: 'train' })),
    notes: [],
    ...extra,
  });

  it('says identical when the fingerprints match', () => {
    const a = manifest([['r/c0001/L1#s0', 'h1']]);
    expect(diffManifests(a, a, { a: 'A', b: 'B' })).toMatchObject({ identical: true, samples: [], fields: [] });
  });

  it('groups added, removed and changed records by sample and lists changed settings', () => {
    const a = manifest([
      ['r/c0001/L1#s0', 'h1'],
      ['r/c0001/L1#s1', 'h2'],
      ['r/c0002/L1#s0', 'h3'],
    ]);
    const b = manifest(
      [
        ['r/c0001/L1#s0', 'h1'],
        ['r/c0001/L1#s1', 'CHANGED'],
        ['r/c0003/L1#s0', 'h4'],
        ['r/c0003/L1#s1', 'h5'],
      ],
      { fingerprint: `sha256:${'f'.repeat(64)}`, options: { images: 'last' } },
    );
    const diff = diffManifests(a, b, { a: 'A', b: 'B' });
    expect(diff.identical).toBe(false);
    expect(diff.samples).toEqual([
      { sampleId: 'r/c0001/L1', status: 'changed', added: [], removed: [], changed: ['r/c0001/L1#s1'] },
      { sampleId: 'r/c0002/L1', status: 'removed', added: [], removed: ['r/c0002/L1#s0'], changed: [] },
      { sampleId: 'r/c0003/L1', status: 'added', added: ['r/c0003/L1#s0', 'r/c0003/L1#s1'], removed: [], changed: [] },
    ]);
    expect(diff.counts).toEqual({
      samples: { added: 1, removed: 1, changed: 1 },
      records: { added: 2, removed: 1, changed: 1, unchanged: 1 },
    });
    expect(diff.fields).toEqual([{ field: 'options.images', a: 'all', b: 'last' }]);
  });
});
