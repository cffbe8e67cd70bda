/**
 * Small statistics for evaluation reports: confidence intervals for success rates, a bootstrap
 * that respects chains, judge-versus-checker agreement and Bradley–Terry ratings. Pure functions.
 */
import { deriveSeed, Rng } from '../core/random.js';
import type { Interval } from '../core/results.js';

export type { Interval };

/**
 * Wilson score interval for a binomial proportion (95% by default); undefined when trials is 0.
 * Exact at the boundaries: 0 successes gives low 0, all successes gives high 1.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): Interval | undefined {
  if (!(Number.isFinite(trials) && successes >= 0 && successes <= trials)) {
    throw new RangeError(`Expected 0 <= successes <= trials, got successes ${successes} and trials ${trials}`);
  }
  if (!(z > 0 && Number.isFinite(z))) throw new RangeError(`Expected a positive finite z, got ${z}`);
  if (trials === 0) return undefined;
  const p = successes / trials;
  const zSquaredOverN = (z * z) / trials;
  const center = (p + zSquaredOverN / 2) / (1 + zSquaredOverN);
  const halfWidth = (z / (1 + zSquaredOverN)) * Math.sqrt((p * (1 - p)) / trials + zSquaredOverN / (4 * trials));
  return {
    low: successes === 0 ? 0 : Math.max(0, center - halfWidth),
    high: successes === trials ? 1 : Math.min(1, center + halfWidth),
  };
}

/**
 * Percentile bootstrap interval that resamples whole clusters (e.g. all episodes of one chain) with
 * replacement, concatenates their items and evaluates `statistic`. Resamples where the statistic is
 * undefined are skipped; returns undefined with no clusters or no defined resample. Deterministic
 * for a seed. Quantiles use linear interpolation between order statistics (Hyndman–Fan type 7, R's
 * default): for sorted values x[0..m-1] and probability q, h = (m - 1) q and the quantile is
 * x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]).
 */
export function clusteredBootstrap<T>(
  clusters: readonly (readonly T[])[],
  statistic: (items: readonly T[]) => number | undefined,
  options: { resamples: number; seed: number; confidence?: number },
): Interval | undefined {
  const { resamples, seed, confidence = 0.95 } = options;
  if (!(Number.isInteger(resamples) && resamples > 0)) {
    throw new RangeError(`Expected resamples to be a positive integer, got ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`Expected 0 < confidence < 1, got ${confidence}`);
  if (clusters.length === 0) return undefined;
  const rng = new Rng(seed);
  const values: number[] = [];
  for (let resample = 0; resample < resamples; resample += 1) {
    const items: T[] = [];
    for (let draw = 0; draw < clusters.length; draw += 1) items.push(...clusters[rng.int(0, clusters.length - 1)]!);
    const value = statistic(items);
    if (value !== undefined && !Number.isNaN(value)) values.push(value);
  }
  if (values.length === 0) return undefined;
  values.sort((left, right) => left - right);
  const tail = (1 - confidence) / 2;
  return { low: quantile(values, tail), high: quantile(values, 1 - tail) };
}

/** Type-7 quantile of already sorted, non-empty values. */
function quantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below]!;
  return lower + (position - below) * (sorted[above]! - lower);
}

/**
 * A sample balanced by a binary label: every item of the smaller class and as many of the larger
 * one, drawn without replacement by a seeded shuffle. Items are ordered by `key` first, so the same
 * items in any order and the same seed give the same sample, returned in key order. Agreement on such
 * a sample cannot be earned by always answering the majority label (kappa and accuracy then show it).
 */
export function balancedSample<T>(
  items: readonly T[],
  options: { label: (item: T) => boolean; key: (item: T) => string; seed: number },
): { sample: T[]; positives: number; negatives: number } {
  const byKey = [...items].sort((a, b) => compareKeys(options.key(a), options.key(b)));
  const positives = byKey.filter((item) => options.label(item));
  const negatives = byKey.filter((item) => !options.label(item));
  const size = Math.min(positives.length, negatives.length);
  const draw = (pool: T[], label: string): T[] => {
    const rng = new Rng(deriveSeed(options.seed, 'balanced-sample', label));
    const shuffled = pool.slice();
    for (let index = shuffled.length - 1; index > 0; index -= 1) {
      const other = rng.int(0, index);
      [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
    }
    return shuffled.slice(0, size);
  };
  const chosen = new Set([...draw(positives, 'positive'), ...draw(negatives, 'negative')]);
  return { sample: byKey.filter((item) => chosen.has(item)), positives: size, negatives: size };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface AgreementStats {
  episodes: number;
  agreement?: number;
  precision?: number;
  recall?: number;
  kappa?: number;
}

/**
 * How well a model judge (`predicted`) matches the checker (`actual`): share of agreement,
 * precision and recall of the judge's "true", and Cohen's kappa. A field that cannot be computed
 * (no episodes, judge never said true, checker never true, chance agreement of 1) is absent.
 */
export function agreementStats(pairs: ReadonlyArray<{ predicted: boolean; actual: boolean }>): AgreementStats {
  const episodes = pairs.length;
  const stats: AgreementStats = { episodes };
  if (episodes === 0) return stats;
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) truePositives += 1;
    else if (predicted) falsePositives += 1;
    else if (actual) falseNegatives += 1;
    else trueNegatives += 1;
  }
  const observed = (truePositives + trueNegatives) / episodes;
  stats.agreement = observed;
  const predictedTrue = truePositives + falsePositives;
  const actualTrue = truePositives + falseNegatives;
  if (predictedTrue > 0) stats.precision = truePositives / predictedTrue;
  if (actualTrue > 0) stats.recall = truePositives / actualTrue;
  const predictedShare = predictedTrue / episodes;
  const actualShare = actualTrue / episodes;
  const chance = predictedShare * actualShare + (1 - predictedShare) * (1 - actualShare);
  if (chance !== 1) stats.kappa = (observed - chance) / (1 - chance);
  return stats;
}

/**
 * Bradley–Terry ratings fitted by the MM algorithm (Hunter 2004). `scoreA` in [0, 1] is A's share
 * of the game (a tie is 0.5 to each side). Each player with games also gets `priorGames` (default 1)
 * virtual games against a fixed average player of strength 1, half won and half lost, which keeps
 * the fit finite. Returns Elo-scale ratings 1000 + 400·log10(strength / geometric mean strength of
 * players with games); players with no games get 1000, so the mean rating is 1000. With
 * `priorGames: 0` the "beats" graph of players with games must be strongly connected (Hunter's
 * condition for a finite fit), otherwise a RangeError is thrown.
 */
export function bradleyTerry(
  players: number,
  games: ReadonlyArray<{ a: number; b: number; scoreA: number }>,
  options: { iterations?: number; tolerance?: number; priorGames?: number } = {},
): number[] {
  const { iterations = 10_000, tolerance = 1e-12, priorGames = 1 } = options;
  if (!(Number.isInteger(players) && players >= 0)) throw new RangeError(`Expected a non-negative integer player count, got ${players}`);
  if (!(priorGames >= 0 && Number.isFinite(priorGames))) throw new RangeError(`Expected priorGames >= 0, got ${priorGames}`);
  const scores = new Array<number>(players).fill(0);
  const played = new Array<boolean>(players).fill(false);
  const beats = Array.from({ length: players }, () => new Set<number>());
  for (const { a, b, scoreA } of games) {
    for (const player of [a, b]) {
      if (!(Number.isInteger(player) && player >= 0 && player < players)) {
        throw new RangeError(`Expected a player index in [0, ${players}), got ${player}`);
      }
    }
    if (a === b) throw new RangeError(`Expected a game between two different players, got ${a} against itself`);
    if (!(scoreA >= 0 && scoreA <= 1)) throw new RangeError(`Expected scoreA in [0, 1], got ${scoreA}`);
    scores[a]! += scoreA;
    scores[b]! += 1 - scoreA;
    played[a] = played[b] = true;
    if (scoreA > 0) beats[a]!.add(b);
    if (scoreA < 1) beats[b]!.add(a);
  }
  const active = [...played.keys()].filter((player) => played[player]);
  if (priorGames === 0 && active.length > 0 && !stronglyConnected(active, beats)) {
    throw new RangeError(
      'Expected every group of players to beat someone outside it at least once when priorGames is 0, got a group that never does',
    );
  }
  let strengths = new Array<number>(players).fill(1);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const denominators = strengths.map((strength) => priorGames / (strength + 1));
    for (const { a, b } of games) {
      const share = 1 / (strengths[a]! + strengths[b]!);
      denominators[a]! += share;
      denominators[b]! += share;
    }
    const next = strengths.slice();
    for (const player of active) next[player] = (scores[player]! + priorGames / 2) / denominators[player]!;
    if (priorGames === 0) {
      // Without the virtual player the scale is free; pin the geometric mean to 1 to avoid drift.
      const meanLog = active.reduce((sum, player) => sum + Math.log(next[player]!), 0) / active.length;
      for (const player of active) next[player] = next[player]! / Math.exp(meanLog);
    }
    const change = active.reduce((most, player) => Math.max(most, Math.abs(next[player]! / strengths[player]! - 1)), 0);
    strengths = next;
    if (change < tolerance) break;
  }
  const meanLog10 = active.reduce((sum, player) => sum + Math.log10(strengths[player]!), 0) / Math.max(1, active.length);
  return strengths.map((strength, player) => (played[player] ? 1000 + 400 * (Math.log10(strength) - meanLog10) : 1000));
}

/** Whether every active player reaches every other along "beats" edges (and is reached back). */
function stronglyConnected(active: readonly number[], beats: ReadonlyArray<ReadonlySet<number>>): boolean {
  const beatenBy = beats.map(() => new Set<number>());
  beats.forEach((losers, winner) => losers.forEach((loser) => beatenBy[loser]!.add(winner)));
  const reach = (edges: ReadonlyArray<ReadonlySet<number>>): Set<number> => {
    const seen = new Set([active[0]!]);
    const queue = [active[0]!];
    while (queue.length > 0) {
      for (const next of edges[queue.pop()!]!) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  };
  return reach(beats).size === active.length && reach(beatenBy).size === active.length;
}
