/**
 * Which of two task sets is more informative about one or two agents, on fresh episodes: success by
 * level, the share of tasks whose success lies in a band (neither trivial nor hopeless), the spread
 * of success across tasks, the share of subtasks of the agent's weak kinds, and, for two agents, how
 * well each set separates them (the difference in success over its bootstrap standard error,
 * clustered by chain, and the tasks needed for a separation of two standard errors). Pure functions.
 */
import { taskKey, type EpisodeRecord, type EvalTask } from '../core/eval.js';
import type { Interval } from '../core/results.js';
import { Rng } from '../core/random.js';
import type { SuccessBand } from '../core/target.js';
import { wilsonInterval } from './statistics.js';

export interface AgentOnSet {
  agent: string;
  /** The evaluation run the episodes are stored in. */
  evalRun: string;
  episodes: number;
  success: number;
  successInterval: Interval;
  byLevel: Array<{ level: number; episodes: number; successes: number; rate: number; interval: Interval }>;
  /** Tasks with a finished episode, and how many of them have a mean success inside the band. */
  tasks: number;
  tasksInBand: number;
  shareInBand: number;
  /** Standard deviation of per-task mean success across tasks. */
  spread: number;
}

export interface Separation {
  a: string;
  b: string;
  /** Mean success of a minus that of b, over the tasks both finished. */
  difference: number;
  /** Bootstrap standard error of the difference, resampling chains. */
  standardError: number;
  /** |difference| / standardError (Infinity when the error is 0 and the difference is not). */
  separation: number;
  /** Tasks a set like this one needs for a separation of 2 standard errors (the error shrinks as 1/√tasks). */
  tasksForTwoSe: number | undefined;
  tasks: number;
}

export interface SetSummary {
  label: string;
  /** The synthesis run (or tasks file) the set is. */
  source: string;
  tasks: number;
  /** Subtasks over the set's level-k tasks (a task of level k counts k), and those of a weak kind. */
  subtasks: number;
  weakSubtasks: number;
  weakShare: number;
  agents: AgentOnSet[];
  separation?: Separation;
}

export interface SetComparison {
  band: SuccessBand;
  weakKinds: string[];
  bootstrap: { resamples: number; seed: number };
  sets: SetSummary[];
}

export interface SetInput {
  label: string;
  source: string;
  tasks: readonly EvalTask[];
  runs: ReadonlyArray<{ agent: string; evalRun: string; episodes: readonly EpisodeRecord[] }>;
}

export function compareSets(
  sets: readonly SetInput[],
  options: { weakKinds: readonly string[]; band?: SuccessBand; resamples?: number; seed?: number },
): SetComparison {
  const band = options.band ?? { low: 0.2, high: 0.8 };
  const bootstrap = { resamples: options.resamples ?? 2000, seed: options.seed ?? 0 };
  const weak = new Set(options.weakKinds);
  return {
    band,
    weakKinds: [...weak],
    bootstrap,
    sets: sets.map((set) => {
      const subtasks = set.tasks.flatMap((task) => task.subtasks ?? []);
      const weakSubtasks = subtasks.filter((subtask) => weak.has(subtask.interaction)).length;
      const agents = set.runs.map((run) => agentOnSet(run, band));
      const [first, second] = set.runs;
      return {
        label: set.label,
        source: set.source,
        tasks: set.tasks.length,
        subtasks: subtasks.length,
        weakSubtasks,
        weakShare: subtasks.length ? weakSubtasks / subtasks.length : 0,
        agents,
        ...(first && second ? { separation: separation(first, second, bootstrap) } : {}),
      };
    }),
  };
}

function finished(episodes: readonly EpisodeRecord[]): EpisodeRecord[] {
  return episodes.filter((episode) => episode.status === 'finished' && episode.success !== undefined);
}

/** Mean success per task (taskKey → mean over its finished episodes). */
function perTask(episodes: readonly EpisodeRecord[]): Map<string, { chainId: string; mean: number }> {
  const sums = new Map<string, { chainId: string; successes: number; count: number }>();
  for (const episode of finished(episodes)) {
    const key = taskKey(episode.task);
    const entry = sums.get(key) ?? { chainId: episode.task.chainId, successes: 0, count: 0 };
    entry.successes += episode.success ? 1 : 0;
    entry.count += 1;
    sums.set(key, entry);
  }
  return new Map([...sums].map(([key, entry]) => [key, { chainId: entry.chainId, mean: entry.successes / entry.count }]));
}

function agentOnSet(run: SetInput['runs'][number], band: SuccessBand): AgentOnSet {
  const done = finished(run.episodes);
  const successes = done.filter((episode) => episode.success).length;
  const levels = [...new Set(done.map((episode) => episode.task.level))].sort((a, b) => a - b);
  const tasks = [...perTask(run.episodes).values()].map((task) => task.mean);
  const mean = tasks.reduce((sum, value) => sum + value, 0) / Math.max(1, tasks.length);
  const inBand = tasks.filter((value) => value >= band.low && value <= band.high).length;
  return {
    agent: run.agent,
    evalRun: run.evalRun,
    episodes: done.length,
    success: done.length ? successes / done.length : 0,
    successInterval: wilsonInterval(successes, done.length) ?? { low: 0, high: 1 },
    byLevel: levels.map((level) => {
      const at = done.filter((episode) => episode.task.level === level);
      const wins = at.filter((episode) => episode.success).length;
      return { level, episodes: at.length, successes: wins, rate: wins / at.length, interval: wilsonInterval(wins, at.length)! };
    }),
    tasks: tasks.length,
    tasksInBand: inBand,
    shareInBand: tasks.length ? inBand / tasks.length : 0,
    spread: Math.sqrt(tasks.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, tasks.length)),
  };
}

/**
 * How far apart two agents' success is on a set, in standard errors: per task, a's mean success
 * minus b's (tasks both finished); the standard error of the mean difference by a bootstrap that
 * resamples whole chains (a chain's levels share their first subtasks, so they are not independent).
 */
export function separation(
  a: SetInput['runs'][number],
  b: SetInput['runs'][number],
  bootstrap: { resamples: number; seed: number },
): Separation {
  const tasksA = perTask(a.episodes);
  const tasksB = perTask(b.episodes);
  const byChain = new Map<string, number[]>();
  for (const [key, task] of tasksA) {
    const other = tasksB.get(key);
    if (other) byChain.set(task.chainId, [...(byChain.get(task.chainId) ?? []), task.mean - other.mean]);
  }
  const clusters = [...byChain.values()];
  const all = clusters.flat();
  const difference = all.reduce((sum, value) => sum + value, 0) / Math.max(1, all.length);
  const rng = new Rng(bootstrap.seed);
  const draws: number[] = [];
  for (let resample = 0; resample < bootstrap.resamples && clusters.length > 0; resample += 1) {
    let sum = 0;
    let count = 0;
    for (let draw = 0; draw < clusters.length; draw += 1) {
      const cluster = clusters[rng.int(0, clusters.length - 1)]!;
      for (const value of cluster) sum += value;
      count += cluster.length;
    }
    draws.push(sum / count);
  }
  const mean = draws.reduce((sum, value) => sum + value, 0) / Math.max(1, draws.length);
  const standardError = Math.sqrt(draws.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, draws.length - 1));
  const z = standardError > 0 ? Math.abs(difference) / standardError : difference !== 0 ? Infinity : 0;
  return {
    a: a.agent,
    b: b.agent,
    difference,
    standardError,
    separation: z,
    tasksForTwoSe: z > 0 && Number.isFinite(z) ? Math.ceil(all.length * (2 / z) ** 2) : z === Infinity ? 1 : undefined,
    tasks: all.length,
  };
}
