import { taskKey, type EpisodeRecord, type EvalTask } from '../core/eval.js';
import type { Interval } from '../core/results.js';
import type { EvalRunData } from './results.js';
import { bradleyTerry, clusteredBootstrap } from './statistics.js';

export interface PairResult {
  a: string;
  b: string;
  tasks: number;
  /** Tasks where a did better: more success, or equal success and more progress. */
  winsA: number;
  winsB: number;
  ties: number;
  /** (winsA + ties / 2) / tasks. */
  winRateA: number;
}

export interface Rating {
  agent: string;
  /** Bradley–Terry strength on the Elo scale (mean 1000). */
  rating: number;
  /** 95% percentile bootstrap interval, resampling chains. */
  ci?: Interval;
}

export interface Comparison {
  agents: string[];
  sharedTasks: number;
  sharedChains: number;
  pairs: PairResult[];
  ratings: Rating[];
  bootstrap: { resamples: number; seed: number };
}

interface TaskScore {
  success: number;
  progress: number;
}

/**
 * Arena-style comparison of evaluation runs on the tasks they all share: per task, each agent's mean
 * success then mean progress (over its episodes) decides a win, a loss or a tie for every pair;
 * pairwise win rates, and Bradley–Terry ratings fitted on all those games with bootstrap intervals
 * that resample chains (a chain's levels share their first subtasks).
 */
export function compareRuns(runs: readonly EvalRunData[], options: { resamples?: number; seed?: number } = {}): Comparison {
  const bootstrap = { resamples: options.resamples ?? 1000, seed: options.seed ?? 0 };
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.meta.config.agent, (counts.get(run.meta.config.agent) ?? 0) + 1);
  const agents = runs.map((run) =>
    counts.get(run.meta.config.agent)! > 1 ? `${run.meta.config.agent} (${run.meta.runId})` : run.meta.config.agent,
  );
  const scores = runs.map((run) => scoresByTask(run.episodes));
  const shared = [...(scores[0]?.keys() ?? [])].filter((key) => scores.every((table) => table.has(key))).sort();
  const chainOf = new Map(shared.map((key) => [key, key.slice(0, key.lastIndexOf('/'))]));
  const chains = [...new Set(chainOf.values())];
  const pairs: PairResult[] = [];
  for (let a = 0; a < runs.length; a += 1) {
    for (let b = a + 1; b < runs.length; b += 1) {
      let winsA = 0;
      let winsB = 0;
      for (const key of shared) {
        const outcome = outcomeOf(scores[a]!.get(key)!, scores[b]!.get(key)!);
        if (outcome === 1) winsA += 1;
        else if (outcome === 0) winsB += 1;
      }
      const ties = shared.length - winsA - winsB;
      pairs.push({
        a: agents[a]!,
        b: agents[b]!,
        tasks: shared.length,
        winsA,
        winsB,
        ties,
        winRateA: shared.length ? (winsA + ties / 2) / shared.length : 0.5,
      });
    }
  }
  const fit = (keys: readonly string[]) => {
    const games = [];
    for (const key of keys) {
      for (let a = 0; a < runs.length; a += 1) {
        for (let b = a + 1; b < runs.length; b += 1) games.push({ a, b, scoreA: outcomeOf(scores[a]!.get(key)!, scores[b]!.get(key)!) });
      }
    }
    return bradleyTerry(runs.length, games);
  };
  const point = fit(shared);
  const clusters = chains.map((chain) => shared.filter((key) => chainOf.get(key) === chain));
  const ratings: Rating[] = agents.map((agent, index) => {
    const ci = runs.length > 1 ? clusteredBootstrap(clusters, (keys) => fit(keys)[index], bootstrap) : undefined;
    return { agent, rating: point[index]!, ...(ci ? { ci } : {}) };
  });
  ratings.sort((x, y) => y.rating - x.rating);
  return { agents, sharedTasks: shared.length, sharedChains: chains.length, pairs, ratings, bootstrap };
}

/** 1 when x did better (success, then progress), 0 when worse, 0.5 for a tie. */
function outcomeOf(x: TaskScore, y: TaskScore): number {
  if (x.success !== y.success) return x.success > y.success ? 1 : 0;
  if (x.progress !== y.progress) return x.progress > y.progress ? 1 : 0;
  return 0.5;
}

function scoresByTask(episodes: readonly EpisodeRecord[]): Map<string, TaskScore> {
  const grouped = new Map<string, EpisodeRecord[]>();
  for (const episode of episodes) {
    if (episode.status !== 'finished') continue;
    const key = taskKey(episode.task as EvalTask);
    grouped.set(key, [...(grouped.get(key) ?? []), episode]);
  }
  const scores = new Map<string, TaskScore>();
  for (const [key, list] of grouped) {
    scores.set(key, {
      success: list.filter((episode) => episode.success).length / list.length,
      progress: list.reduce((sum, episode) => sum + (episode.progress ?? 0), 0) / list.length,
    });
  }
  return scores;
}
