import { describe, expect, it } from 'vitest';
import { agreementStats, bradleyTerry, clusteredBootstrap, wilsonInterval } from '../../src/eval/statistics.js';

// Expected Wilson values come from the closed form, with p = s/n and q = z²/n (z = 1.959964):
//   center = (p + q/2) / (1 + q),  half = z / (1 + q) · sqrt(p(1-p)/n + q/(4n)),  [center - half, center + half].
describe('wilsonInterval', () => {
  it('0/10: low is exactly 0, high = 2·center = 2 · 0.19207/1.38415 ≈ 0.2775', () => {
    const interval = wilsonInterval(0, 10)!;
    expect(interval.low).toBe(0);
    expect(interval.high).toBeCloseTo(0.2775, 4);
  });

  it('5/10: center 0.5, half = 1.41601 · sqrt(0.025 + 0.0096036) ≈ 0.2634', () => {
    const interval = wilsonInterval(5, 10)!;
    expect(interval.low).toBeCloseTo(0.2366, 4);
    expect(interval.high).toBeCloseTo(0.7634, 4);
  });

  it('10/10: mirror of 0/10, high exactly 1', () => {
    const interval = wilsonInterval(10, 10)!;
    expect(interval.low).toBeCloseTo(0.7225, 4);
    expect(interval.high).toBe(1);
  });

  it('1/20: center 0.14604/1.19207 ≈ 0.12251, half 1.64418 · sqrt(0.002375 + 0.0024009) ≈ 0.11363', () => {
    const interval = wilsonInterval(1, 20)!;
    expect(interval.low).toBeCloseTo(0.00888, 4);
    expect(interval.high).toBeCloseTo(0.23613, 4);
  });

  it('is undefined with no trials', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it('throws a RangeError on impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow('Expected 0 <= successes <= trials, got successes -1 and trials 2');
    expect(() => wilsonInterval(Number.NaN, 2)).toThrow(RangeError);
  });
});

const mean = (items: readonly number[]): number | undefined =>
  items.length === 0 ? undefined : items.reduce((sum, item) => sum + item, 0) / items.length;

describe('clusteredBootstrap', () => {
  // 20 chains with 1 to 4 levels each, success pattern varying by chain.
  const clusters = Array.from({ length: 20 }, (_, chain) =>
    Array.from({ length: 1 + (chain % 4) }, (_, level) => ((chain * 7 + level * 3) % 5 < 3 ? 1 : 0)),
  );
  const pointEstimate = mean(clusters.flat())!;

  it('is deterministic for a seed and differs across seeds', () => {
    const first = clusteredBootstrap(clusters, mean, { resamples: 500, seed: 7 });
    const again = clusteredBootstrap(clusters, mean, { resamples: 500, seed: 7 });
    const other = clusteredBootstrap(clusters, mean, { resamples: 500, seed: 8 });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('contains the point estimate', () => {
    const interval = clusteredBootstrap(clusters, mean, { resamples: 1000, seed: 1 })!;
    expect(interval.low).toBeLessThan(pointEstimate);
    expect(interval.high).toBeGreaterThan(pointEstimate);
    expect(interval.low).toBeGreaterThanOrEqual(0);
    expect(interval.high).toBeLessThanOrEqual(1);
  });

  it('a narrower confidence gives a narrower interval', () => {
    const wide = clusteredBootstrap(clusters, mean, { resamples: 1000, seed: 3 })!;
    const narrow = clusteredBootstrap(clusters, mean, { resamples: 1000, seed: 3, confidence: 0.5 })!;
    expect(narrow.low).toBeGreaterThanOrEqual(wide.low);
    expect(narrow.high).toBeLessThanOrEqual(wide.high);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it('a single cluster gives a zero-width interval at the statistic', () => {
    // Every resample is that one cluster, so every value is mean([1, 0, 1, 1]) = 0.75.
    expect(clusteredBootstrap([[1, 0, 1, 1]], mean, { resamples: 50, seed: 2 })).toEqual({ low: 0.75, high: 0.75 });
  });

  it('resampling clusters is wider than resampling items when items within a cluster agree', () => {
    // 10 chains of 10 identical episodes, 5 all-success and 5 all-failure. Resampling chains has
    // standard error sqrt(0.25 / 10) ≈ 0.158; treating the 100 episodes as independent gives
    // sqrt(0.25 / 100) = 0.05, about a third, so the 95% widths are ≈ 0.62 against ≈ 0.2.
    const chains = Array.from({ length: 10 }, (_, chain) => new Array<number>(10).fill(chain < 5 ? 1 : 0));
    const clustered = clusteredBootstrap(chains, mean, { resamples: 2000, seed: 11 })!;
    const independent = clusteredBootstrap(
      chains.flat().map((item) => [item]),
      mean,
      { resamples: 2000, seed: 11 },
    )!;
    expect(clustered.high - clustered.low).toBeGreaterThan(2 * (independent.high - independent.low));
    expect(clustered.high - clustered.low).toBeGreaterThan(0.45);
    expect(independent.high - independent.low).toBeLessThan(0.3);
  });

  it('skips undefined resamples and is undefined when none is defined', () => {
    expect(clusteredBootstrap([], mean, { resamples: 10, seed: 1 })).toBeUndefined();
    expect(clusteredBootstrap([[], []], mean, { resamples: 10, seed: 1 })).toBeUndefined();
    // Either cluster alone or both give mean 1 when defined; the all-empty resamples are skipped.
    expect(clusteredBootstrap([[], [1]], mean, { resamples: 100, seed: 1 })).toEqual({ low: 1, high: 1 });
  });

  it('rejects bad options', () => {
    expect(() => clusteredBootstrap(clusters, mean, { resamples: 0, seed: 1 })).toThrow(RangeError);
    expect(() => clusteredBootstrap(clusters, mean, { resamples: 10, seed: 1, confidence: 1 })).toThrow(RangeError);
  });
});

function table(counts: { tp: number; fp: number; fn: number; tn: number }): Array<{ predicted: boolean; actual: boolean }> {
  return [
    ...new Array(counts.tp).fill({ predicted: true, actual: true }),
    ...new Array(counts.fp).fill({ predicted: true, actual: false }),
    ...new Array(counts.fn).fill({ predicted: false, actual: true }),
    ...new Array(counts.tn).fill({ predicted: false, actual: false }),
  ];
}

describe('agreementStats', () => {
  it('matches a hand-computed 2x2 table', () => {
    // n = 50. po = (20 + 15)/50 = 0.7. Judge says true 25/50 = 0.5, checker 30/50 = 0.6, so
    // pe = 0.5·0.6 + 0.5·0.4 = 0.5 and kappa = (0.7 - 0.5)/(1 - 0.5) = 0.4.
    // precision = 20/(20 + 5) = 0.8, recall = 20/(20 + 10) = 2/3.
    const stats = agreementStats(table({ tp: 20, fp: 5, fn: 10, tn: 15 }));
    expect(stats.episodes).toBe(50);
    expect(stats.agreement).toBeCloseTo(0.7, 12);
    expect(stats.kappa).toBeCloseTo(0.4, 12);
    expect(stats.precision).toBeCloseTo(0.8, 12);
    expect(stats.recall).toBeCloseTo(0.6667, 4);
  });

  it('perfect agreement gives kappa 1', () => {
    expect(agreementStats(table({ tp: 3, fp: 0, fn: 0, tn: 7 }))).toEqual({
      episodes: 10,
      agreement: 1,
      precision: 1,
      recall: 1,
      kappa: 1,
    });
  });

  it('leaves out what cannot be computed', () => {
    expect(agreementStats([])).toStrictEqual({ episodes: 0 });
    // Both always say false: pe = 1, so no kappa; no true predictions or actuals, so no precision or recall.
    expect(agreementStats(table({ tp: 0, fp: 0, fn: 0, tn: 4 }))).toStrictEqual({ episodes: 4, agreement: 1 });
  });
});

describe('bradleyTerry', () => {
  const average = (ratings: readonly number[]): number => ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length;

  it('gives equal ratings for symmetric results', () => {
    // A round robin where each pair splits two games, plus a tie between 0 and 1.
    const games = [
      { a: 0, b: 1, scoreA: 1 },
      { a: 1, b: 0, scoreA: 1 },
      { a: 0, b: 1, scoreA: 0.5 },
      { a: 1, b: 2, scoreA: 1 },
      { a: 2, b: 1, scoreA: 1 },
      { a: 0, b: 2, scoreA: 1 },
      { a: 2, b: 0, scoreA: 1 },
    ];
    for (const rating of bradleyTerry(3, games)) expect(rating).toBeCloseTo(1000, 9);
    for (const rating of bradleyTerry(3, games, { priorGames: 0 })) expect(rating).toBeCloseTo(1000, 9);
  });

  it('without a prior, 3 wins in 4 gives a 3:1 strength ratio, 400·log10(3) ≈ 190.85 points', () => {
    // The MM fixed point for two players: γ0 = 3(γ0 + γ1)/4 and γ1 = (γ0 + γ1)/4, so γ0/γ1 = 3.
    const games = [
      { a: 0, b: 1, scoreA: 1 },
      { a: 0, b: 1, scoreA: 1 },
      { a: 1, b: 0, scoreA: 0 },
      { a: 0, b: 1, scoreA: 0 },
    ];
    const [strong, weak] = bradleyTerry(2, games, { priorGames: 0 }) as [number, number];
    expect(strong - weak).toBeCloseTo(190.8485, 3);
    expect(strong).toBeCloseTo(1000 + 190.8485 / 2, 3);
    // The default prior pulls the two towards each other but keeps the order.
    const [priorStrong, priorWeak] = bradleyTerry(2, games) as [number, number];
    expect(priorStrong).toBeGreaterThan(priorWeak);
    expect(priorStrong - priorWeak).toBeLessThan(strong - weak);
  });

  it('keeps an undefeated player finite with the default prior, and refuses without one', () => {
    const games = Array.from({ length: 5 }, () => ({ a: 0, b: 1, scoreA: 1 }));
    const ratings = bradleyTerry(2, games);
    expect(ratings.every(Number.isFinite)).toBe(true);
    expect(ratings[0]!).toBeGreaterThan(ratings[1]!);
    expect(() => bradleyTerry(2, games, { priorGames: 0 })).toThrow(RangeError);
  });

  it('averages 1000 and gives 1000 to players with no games', () => {
    const games = [
      { a: 0, b: 1, scoreA: 1 },
      { a: 0, b: 2, scoreA: 1 },
      { a: 1, b: 2, scoreA: 0.5 },
      { a: 2, b: 3, scoreA: 0 },
      { a: 3, b: 0, scoreA: 0.5 },
      { a: 1, b: 3, scoreA: 1 },
    ];
    const ratings = bradleyTerry(5, games);
    expect(ratings).toHaveLength(5);
    expect(ratings[4]).toBe(1000);
    expect(average(ratings)).toBeCloseTo(1000, 9);
    expect(ratings[0]!).toBeGreaterThan(ratings[1]!);
    expect(bradleyTerry(3, [])).toEqual([1000, 1000, 1000]);
  });

  it('rejects bad games', () => {
    expect(() => bradleyTerry(2, [{ a: 0, b: 2, scoreA: 1 }])).toThrow('Expected a player index in [0, 2), got 2');
    expect(() => bradleyTerry(2, [{ a: 1, b: 1, scoreA: 1 }])).toThrow(RangeError);
    expect(() => bradleyTerry(2, [{ a: 0, b: 1, scoreA: 2 }])).toThrow(RangeError);
  });
});
