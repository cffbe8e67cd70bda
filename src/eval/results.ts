import { configJudges, type EpisodeRecord, type EvalRunMeta } from '../core/eval.js';
import {
  RESULTS_SCHEMA_ID,
  RESULTS_VERSION,
  type AgentResult,
  type JudgeAgreement,
  type LevelResult,
  type Results,
} from '../core/results.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { listEpisodeIds, readEpisode, readEvalRunMeta, type RunLayout } from '../store/index.js';
import { judgedEpisode, juryAgreement, type JudgedEpisode } from './jury-agreement.js';
import { agreementStats, clusteredBootstrap, wilsonInterval } from './statistics.js';

export interface EvalRunData {
  meta: EvalRunMeta;
  episodes: EpisodeRecord[];
}

/** An evaluation run's metadata and every episode on record (unfinished ones included, as "running"). */
export async function loadEvalRun(layout: RunLayout): Promise<EvalRunData> {
  const meta = await readEvalRunMeta(layout);
  const episodes: EpisodeRecord[] = [];
  for (const id of await listEpisodeIds(layout)) {
    const episode = await readEpisode(layout, id);
    if (episode) episodes.push(episode);
  }
  return { meta, episodes };
}

export interface ResultsOptions {
  /** Bootstrap resamples (default 2000) and their seed (default 0): the same inputs give the same file. */
  resamples?: number;
  seed?: number;
}

/**
 * Scores evaluation runs, one agent per run: success by level with 95% Wilson intervals, mean
 * progress with a bootstrap over chains, steps, wall time and dollars per episode and per success,
 * errors (never counted as failures) and failure reasons; pooled figures resample chains, because
 * the levels of one chain share their first subtasks; judge agreement where a judge (or a jury) was asked.
 */
export function buildResults(runs: readonly EvalRunData[], options: ResultsOptions = {}): Results {
  const bootstrap = { resamples: options.resamples ?? 2000, seed: options.seed ?? 0 };
  const specCounts = new Map<string, number>();
  for (const run of runs) specCounts.set(run.meta.config.agent, (specCounts.get(run.meta.config.agent) ?? 0) + 1);
  const agents = runs.map((run) => {
    const spec = run.meta.config.agent;
    const label = specCounts.get(spec)! > 1 ? `${spec} (${run.meta.runId})` : spec;
    return agentResult(label, spec, [run.meta.runId], run.episodes, bootstrap, configJudges(run.meta.config));
  });
  return {
    schema: RESULTS_SCHEMA_ID,
    version: RESULTS_VERSION,
    generatedAt: new Date().toISOString(),
    tool: { name: 'trajsynth', version: TOOL_VERSION },
    bootstrap,
    agents,
  };
}

const chainOf = (episode: EpisodeRecord) => `${episode.task.source}/${episode.task.chainId}`;

function agentResult(
  label: string,
  agent: string,
  runIds: string[],
  all: readonly EpisodeRecord[],
  bootstrap: { resamples: number; seed: number },
  judges: readonly string[],
): AgentResult {
  const finished = all.filter((episode) => episode.status === 'finished');
  const errored = all.filter((episode) => episode.status === 'error');
  const levels = [...new Set([...finished, ...errored].map((episode) => episode.task.level))].sort((a, b) => a - b);
  const clusters = clustersByChain(finished);
  const successRate = (items: readonly EpisodeRecord[]) =>
    items.length ? items.filter((episode) => episode.success).length / items.length : undefined;
  const progressFraction = (items: readonly EpisodeRecord[]) =>
    mean(items.filter((episode) => episode.progress !== undefined).map((episode) => episode.progress! / episode.task.level));
  const costs = totalCost(finished);
  const successes = finished.filter((episode) => episode.success).length;
  const pooledSuccess = successRate(finished);
  const pooledProgress = progressFraction(finished);
  const successCi = clusteredBootstrap(clusters, successRate, bootstrap);
  const progressCi = clusteredBootstrap(clusters, progressFraction, bootstrap);
  const meanSteps = mean(finished.map((episode) => episode.stepCount));
  const wall = mean(finished.map((episode) => episode.usage.wallMs));
  const judged = finished.map(judgedEpisode).filter((episode): episode is JudgedEpisode => episode !== undefined);
  // The judges as run.json names them; opinions of any judge it does not (an older run) come after.
  const jurors = [...new Set([...judges, ...judged.flatMap((episode) => [...episode.votes.keys()])])];
  return {
    label,
    agent,
    runs: runIds,
    levels: levels.map((level) => levelResult(level, finished, errored, bootstrap)),
    pooled: {
      episodes: finished.length,
      successes,
      chains: clusters.length,
      ...(pooledSuccess !== undefined ? { success: pooledSuccess } : {}),
      ...(successCi ? { successCi } : {}),
      ...(pooledProgress !== undefined ? { progressFraction: pooledProgress } : {}),
      ...(progressCi ? { progressFractionCi: progressCi } : {}),
      ...(meanSteps !== undefined ? { meanSteps } : {}),
      ...(wall !== undefined ? { wallMsPerEpisode: wall } : {}),
      ...(costs !== undefined ? { costUsd: costs } : {}),
      ...(costs !== undefined && finished.length ? { costUsdPerEpisode: costs / finished.length } : {}),
      ...(costs !== undefined && successes ? { costUsdPerSuccess: costs / successes } : {}),
    },
    errors: errored.length,
    errorReasons: countReasons(errored.map(errorReason)),
    failureReasons: countReasons(finished.filter((episode) => !episode.success).map(failureCategory)),
    ...(judged.length
      ? {
          judge: {
            overall: judgeAgreement(judged),
            levels: levels.map((level) => ({ level, ...judgeAgreement(judged.filter((episode) => episode.level === level)) })),
          },
          jury: juryAgreement(jurors, judged, { seed: bootstrap.seed }),
        }
      : {}),
  };
}

function levelResult(
  level: number,
  finished: readonly EpisodeRecord[],
  errored: readonly EpisodeRecord[],
  bootstrap: { resamples: number; seed: number },
): LevelResult {
  const at = finished.filter((episode) => episode.task.level === level);
  const successes = at.filter((episode) => episode.success).length;
  const scored = at.filter((episode) => episode.progress !== undefined);
  const meanProgress = mean(scored.map((episode) => episode.progress!));
  const progressCi = clusteredBootstrap(clustersByChain(scored), (items) => mean(items.map((episode) => episode.progress!)), {
    ...bootstrap,
    seed: bootstrap.seed + level,
  });
  const successCi = wilsonInterval(successes, at.length);
  const meanSteps = mean(at.map((episode) => episode.stepCount));
  const wall = mean(at.map((episode) => episode.usage.wallMs));
  const cost = totalCost(at);
  return {
    level,
    tasks: new Set(at.map(chainOf)).size,
    episodes: at.length,
    successes,
    ...(at.length ? { success: successes / at.length } : {}),
    ...(successCi ? { successCi } : {}),
    ...(meanProgress !== undefined ? { meanProgress } : {}),
    ...(progressCi ? { progressCi } : {}),
    ...(meanSteps !== undefined ? { meanSteps } : {}),
    ...(wall !== undefined ? { wallMsPerEpisode: wall } : {}),
    ...(cost !== undefined && at.length ? { costUsdPerEpisode: cost / at.length } : {}),
    ...(cost !== undefined && successes ? { costUsdPerSuccess: cost / successes } : {}),
    errors: errored.filter((episode) => episode.task.level === level).length,
  };
}

function clustersByChain(episodes: readonly EpisodeRecord[]): EpisodeRecord[][] {
  const clusters = new Map<string, EpisodeRecord[]>();
  for (const episode of episodes) {
    const key = chainOf(episode);
    clusters.set(key, [...(clusters.get(key) ?? []), episode]);
  }
  return [...clusters.values()];
}

function mean(values: readonly number[]): number | undefined {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : undefined;
}

/** Dollars trajsynth's metered calls cost plus what agents reported; undefined if any call was unpriced. */
function totalCost(episodes: readonly EpisodeRecord[]): number | undefined {
  let total = 0;
  for (const episode of episodes) {
    if (episode.usage.costUsd === undefined) return undefined;
    total += episode.usage.costUsd + (episode.agentUsage?.costUsd ?? 0);
  }
  return total;
}

/** A failure's group: how the episode ended and which kinds of checker predicates were unmet. */
export function failureCategory(episode: EpisodeRecord): string {
  if (episode.endedBy === 'invalid-actions') return 'ended by invalid answers';
  const kinds = [
    ...new Set(episode.task.checker.filter((_, index) => episode.checkerAtEnd?.[index] === false).map((predicate) => predicate.kind)),
  ].sort();
  return `${episode.endedBy === 'step-limit' ? 'step limit reached' : 'said done'}; unmet ${kinds.join(', ') || 'checker'}`;
}

/** An error's group: its code and message with episode ids and step numbers left out. */
function errorReason(episode: EpisodeRecord): string {
  const message = (episode.error?.message ?? 'unknown error').replace(/c\d{4}-L\d+-e\d+/g, '<episode>').replace(/\bstep \d+/g, 'step <n>');
  return `${episode.error?.code ?? 'ERROR'}: ${message}`;
}

function countReasons(reasons: readonly string[]): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** The judge's (a jury's majority) agreement with the checker over every judged episode. */
function judgeAgreement(episodes: readonly JudgedEpisode[]): JudgeAgreement {
  return agreementStats(episodes.map((episode) => ({ predicted: episode.jury, actual: episode.checker })));
}
