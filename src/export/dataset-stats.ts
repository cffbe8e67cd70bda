import type { AppCoverage } from '../core/run.js';
import { CHARS_PER_TOKEN, textTokens } from '../cost/token-estimate.js';
import { nearDuplicatePairs } from './near-duplicates.js';
import type { TrajectorySample } from './sample.js';
import { ngrams, wordTokens } from './text-tokens.js';

/**
 * One level-k task (or evaluation episode) as the stats read it: a subset of `TrajectorySample`'s
 * fields, so an exporter's samples can be passed as they are.
 */
export type StatsSample = Pick<TrajectorySample, 'environment' | 'level' | 'interactions' | 'task'> &
  Partial<Pick<TrajectorySample, 'id' | 'runId' | 'sourceRunId' | 'chainId' | 'persona' | 'outcome'>> & {
    /** The task's gold steps; only their number is used. */
    steps: readonly unknown[];
    /** What synthesis's own audit of the level found (levels stored with one). */
    synthAudit?: { mode: string; killed: number; stuck: number };
    /** What `trajsynth audit` found (runs with audit.json). */
    checkerAudit?: { sound: boolean; killed: number; replayed: number; stuck: number };
  };

export interface Distribution {
  counts: Record<string, number>;
  total: number;
  categories: number;
  /** Shannon entropy in bits. */
  entropyBits: number;
  /** entropyBits / log2(categories): 1 is an even spread; undefined with fewer than two categories. */
  normalizedEntropy: number | undefined;
}

export interface NumberSummary {
  count: number;
  min: number;
  median: number;
  /** Nearest-rank 90th percentile. */
  p90: number;
  max: number;
  mean: number;
}

export interface DatasetStats {
  /** Distinct level-k tasks counted (an evaluation's repeats of a task count once). */
  tasks: number;
  distributions: { app: Distribution; level: Distribution; interaction: Distribution; persona: Distribution };
  distinct: { distinct1: number | undefined; distinct2: number | undefined; unigrams: number; bigrams: number };
  nearDuplicates: {
    threshold: number;
    shingleWords: number;
    /** Pairs at or above the threshold (tasks of the same chain are never paired: they nest by construction). */
    pairs: number;
    tasksWithNearDuplicate: number;
    share: number | undefined;
    examples: { a: { id?: string; task: string }; b: { id?: string; task: string }; similarity: number }[];
  };
  coverage: { environment: string; declared: number; exercised: number; share: number | undefined }[];
  /** Gold steps per level-k task. */
  stepLengths: { overall: NumberSummary | undefined; byLevel: Record<string, NumberSummary> };
  /** Task text length in tokens: an estimate (characters / CHARS_PER_TOKEN), not a tokenizer's count. */
  tokenLengths: { estimate: string; overall: NumberSummary | undefined; byLevel: Record<string, NumberSummary> };
  /**
   * Whether the checkers reject wrong work: the levels synthesis audited before keeping them, and the
   * run's `trajsynth audit` (tasks sound, mutants killed of those replayed to their end). Undefined
   * when no task carries either.
   */
  soundness:
    | {
        synthAudited: number;
        synthModes: Record<string, number>;
        audited: number;
        sound: number;
        killed: number;
        replayed: number;
        stuck: number;
        mutationScore: number | undefined;
      }
    | undefined;
  /** Evaluation episodes: success by level. Undefined when no sample has an outcome. */
  outcomes:
    { episodes: number; successes: number; byLevel: Record<string, { episodes: number; successes: number; rate: number }> } | undefined;
}

export interface StatsOptions {
  /** Jaccard threshold for near-duplicate tasks (default 0.8). */
  nearDuplicateThreshold?: number;
  /** Run coverage (run.json `coverage`), merged per app. */
  coverage?: readonly AppCoverage[];
  maxExamples?: number;
}

export function datasetStats(samples: readonly StatsSample[], options: StatsOptions = {}): DatasetStats {
  const threshold = options.nearDuplicateThreshold ?? 0.8;
  const tasks = uniqueTasks(samples);
  const texts = tasks.map((task) => task.task);
  const groups = tasks.map((task) => (task.chainId === undefined ? undefined : `${task.sourceRunId ?? task.runId ?? ''}/${task.chainId}`));
  const pairs = nearDuplicatePairs(texts, threshold, { groupOf: (index) => groups[index] });
  const withDuplicate = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));
  const example = (index: number) => ({ ...(tasks[index]!.id !== undefined ? { id: tasks[index]!.id } : {}), task: texts[index]! });
  return {
    tasks: tasks.length,
    distributions: {
      app: distribution(tasks.map((task) => task.environment)),
      level: distribution(tasks.map((task) => String(task.level))),
      // The kind of the subtask each level adds: every accepted subtask of a chain counts once.
      interaction: distribution(tasks.flatMap((task) => task.interactions.slice(-1))),
      persona: distribution(tasks.flatMap((task) => (task.persona === undefined ? [] : [task.persona]))),
    },
    distinct: distinctN(texts),
    nearDuplicates: {
      threshold,
      shingleWords: 3,
      pairs: pairs.length,
      tasksWithNearDuplicate: withDuplicate.size,
      share: tasks.length ? withDuplicate.size / tasks.length : undefined,
      examples: pairs
        .slice(0, options.maxExamples ?? 5)
        .map((pair) => ({ a: example(pair.a), b: example(pair.b), similarity: pair.similarity })),
    },
    coverage: mergedCoverage(options.coverage ?? []),
    stepLengths: byLevel(tasks, (task) => task.steps.length),
    tokenLengths: {
      estimate: `characters / ${CHARS_PER_TOKEN} (src/cost/token-estimate.ts), not a tokenizer's count`,
      ...byLevel(tasks, (task) => textTokens(task.task)),
    },
    outcomes: outcomes(samples),
    soundness: soundness(tasks),
  };
}

function soundness(tasks: readonly StatsSample[]): DatasetStats['soundness'] {
  const synth = tasks.filter((task) => task.synthAudit);
  const audited = tasks.filter((task) => task.checkerAudit);
  if (synth.length === 0 && audited.length === 0) return undefined;
  const sum = (pick: (audit: NonNullable<StatsSample['checkerAudit']>) => number) =>
    audited.reduce((total, task) => total + pick(task.checkerAudit!), 0);
  const synthModes: Record<string, number> = {};
  for (const task of synth) synthModes[task.synthAudit!.mode] = (synthModes[task.synthAudit!.mode] ?? 0) + 1;
  const replayed = sum((audit) => audit.replayed);
  const killed = sum((audit) => audit.killed);
  return {
    synthAudited: synth.length,
    synthModes,
    audited: audited.length,
    sound: audited.filter((task) => task.checkerAudit!.sound).length,
    killed,
    replayed,
    stuck: sum((audit) => audit.stuck),
    mutationScore: replayed > 0 ? killed / replayed : undefined,
  };
}

/** Counts, Shannon entropy (bits) and entropy normalized by log2 of the number of categories. */
export function distribution(values: readonly string[]): Distribution {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  const total = values.length;
  const categories = Object.keys(counts).length;
  let entropyBits = 0;
  for (const count of Object.values(counts)) {
    const p = count / total;
    entropyBits -= p * Math.log2(p);
  }
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
  return {
    counts: sorted,
    total,
    categories,
    entropyBits,
    normalizedEntropy: categories >= 2 ? entropyBits / Math.log2(categories) : undefined,
  };
}

/** Distinct n-grams / total n-grams over the texts (lowercased word tokens, n-grams within each text). */
export function distinctN(texts: readonly string[]): DatasetStats['distinct'] {
  const unigrams: string[] = [];
  const bigrams: string[] = [];
  for (const text of texts) {
    const tokens = wordTokens(text);
    unigrams.push(...tokens);
    bigrams.push(...ngrams(tokens, 2));
  }
  const ratio = (grams: string[]) => (grams.length ? new Set(grams).size / grams.length : undefined);
  return { distinct1: ratio(unigrams), distinct2: ratio(bigrams), unigrams: unigrams.length, bigrams: bigrams.length };
}

export function summarize(values: readonly number[]): NumberSummary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    count: sorted.length,
    min: sorted[0]!,
    median,
    p90: sorted[Math.ceil(0.9 * sorted.length) - 1]!,
    max: sorted.at(-1)!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

function byLevel(
  tasks: readonly StatsSample[],
  measure: (task: StatsSample) => number,
): { overall: NumberSummary | undefined; byLevel: Record<string, NumberSummary> } {
  const levels = [...new Set(tasks.map((task) => task.level))].sort((a, b) => a - b);
  const perLevel: Record<string, NumberSummary> = {};
  for (const level of levels) perLevel[String(level)] = summarize(tasks.filter((task) => task.level === level).map(measure))!;
  return { overall: summarize(tasks.map(measure)), byLevel: perLevel };
}

/** One sample per task id (an evaluation's repeated episodes of a task share it); samples without an id each count. */
function uniqueTasks(samples: readonly StatsSample[]): StatsSample[] {
  const seen = new Set<string>();
  return samples.filter((sample) => {
    if (sample.id === undefined) return true;
    if (seen.has(sample.id)) return false;
    seen.add(sample.id);
    return true;
  });
}

function mergedCoverage(coverage: readonly AppCoverage[]): DatasetStats['coverage'] {
  const byApp = new Map<string, { declared: number; exercised: Set<string> }>();
  for (const app of coverage) {
    const entry = byApp.get(app.environment) ?? { declared: 0, exercised: new Set<string>() };
    entry.declared = Math.max(entry.declared, app.declared);
    for (const item of app.exercised) entry.exercised.add(`${item.route}\u0000${item.kind}\u0000${item.name ?? ''}`);
    byApp.set(app.environment, entry);
  }
  return [...byApp.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([environment, { declared, exercised }]) => ({
      environment,
      declared,
      exercised: exercised.size,
      share: declared ? exercised.size / declared : undefined,
    }));
}

function outcomes(samples: readonly StatsSample[]): DatasetStats['outcomes'] {
  const episodes = samples.filter((sample) => sample.outcome !== undefined);
  if (episodes.length === 0) return undefined;
  const perLevel: Record<string, { episodes: number; successes: number; rate: number }> = {};
  for (const level of [...new Set(episodes.map((sample) => sample.level))].sort((a, b) => a - b)) {
    const at = episodes.filter((sample) => sample.level === level);
    const successes = at.filter((sample) => sample.outcome!.success).length;
    perLevel[String(level)] = { episodes: at.length, successes, rate: successes / at.length };
  }
  return { episodes: episodes.length, successes: episodes.filter((sample) => sample.outcome!.success).length, byLevel: perLevel };
}
