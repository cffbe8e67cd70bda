import { episodeOpinions, type EpisodeRecord } from '../core/eval.js';
import type { JudgeAgreement, JuryAgreement } from '../core/results.js';
import { agreementStats, balancedSample } from './statistics.js';

export const JURY_RULE = 'majority of the judges; a tie fails';

/** One finished episode as the jury saw it: the checker's verdict, each judge's, and the majority's. */
export interface JudgedEpisode {
  /** Unique within the evaluation (the episode id): orders the sample so that it is reproducible. */
  key: string;
  level?: number;
  /** The checker's verdict. */
  checker: boolean;
  /** Each judge's verdict by spec; a judge that gave none is absent. */
  votes: ReadonlyMap<string, boolean>;
  /** The jury's majority (the single judge's verdict with one judge). */
  jury: boolean;
  split: boolean;
}

/** A finished episode with at least one judge's verdict as the jury saw it; undefined otherwise. */
export function judgedEpisode(episode: EpisodeRecord): JudgedEpisode | undefined {
  if (episode.status !== 'finished') return undefined;
  const opinions = episodeOpinions(episode);
  if (opinions.length === 0) return undefined;
  return {
    key: episode.episodeId,
    level: episode.task.level,
    checker: episode.success === true,
    votes: new Map(opinions.map((opinion) => [opinion.model, opinion.success])),
    jury: episode.jury ? episode.jury.success : opinions[0]!.success,
    split: episode.jury?.split ?? false,
  };
}

/**
 * Each judge's and the jury's accuracy, precision, recall and Cohen's kappa against the checker, on
 * a sample with as many checker successes as checker failures (seeded; see balancedSample) and on
 * every judged episode. Raw agreement alone rewards a judge that always says "failure" at high
 * levels, where most episodes fail; on the balanced sample that judge scores 50% and kappa 0.
 */
export function juryAgreement(judges: readonly string[], episodes: readonly JudgedEpisode[], options: { seed: number }): JuryAgreement {
  const { sample, positives, negatives } = balancedSample(episodes, {
    label: (episode) => episode.checker,
    key: (episode) => episode.key,
    seed: options.seed,
  });
  const versus = (items: readonly JudgedEpisode[], verdict: (episode: JudgedEpisode) => boolean | undefined): JudgeAgreement =>
    agreementStats(
      items.flatMap((episode) => {
        const predicted = verdict(episode);
        return predicted === undefined ? [] : [{ predicted, actual: episode.checker }];
      }),
    );
  const row = (judge: string, verdict: (episode: JudgedEpisode) => boolean | undefined) => ({
    judge,
    balanced: versus(sample, verdict),
    all: versus(episodes, verdict),
  });
  return {
    judges: [...judges],
    rule: JURY_RULE,
    sample: { seed: options.seed, from: episodes.length, checkerSuccesses: positives, checkerFailures: negatives },
    jurors: judges.map((judge) => row(judge, (episode) => episode.votes.get(judge))),
    jury: row('jury', (episode) => episode.jury),
    splits: episodes.filter((episode) => episode.split).length,
  };
}
