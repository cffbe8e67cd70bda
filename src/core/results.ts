import { z } from 'zod';

/**
 * results.json, written by `trajsynth report`: an agent's success and progress by level, with
 * intervals, cost and failure reasons, for one or more agents side by side. Versioned: a reader
 * checks `schema` and `version` before trusting the rest.
 */
export const RESULTS_SCHEMA_ID = 'trajsynth-results';
export const RESULTS_VERSION = 1;

export const IntervalSchema = z.object({ low: z.number(), high: z.number() });
export type Interval = z.infer<typeof IntervalSchema>;

export const CountSchema = z.object({ reason: z.string(), count: z.number().int().positive() });

export const LevelResultSchema = z.object({
  level: z.number().int().positive(),
  /** Distinct level-k tasks evaluated (chains). */
  tasks: z.number().int().nonnegative(),
  /** Episodes that finished (harness errors excluded). */
  episodes: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  /** successes / episodes; undefined with no finished episode. */
  success: z.number().min(0).max(1).optional(),
  /** 95% Wilson score interval of the success rate. */
  successCi: IntervalSchema.optional(),
  /** Mean subtasks completed in order (0..level). */
  meanProgress: z.number().nonnegative().optional(),
  /** 95% bootstrap interval of mean progress, resampling chains. */
  progressCi: IntervalSchema.optional(),
  meanSteps: z.number().nonnegative().optional(),
  wallMsPerEpisode: z.number().nonnegative().optional(),
  /** Model calls made by trajsynth for the agent and judge, plus what the agent reported; undefined if any call was unpriced. */
  costUsdPerEpisode: z.number().nonnegative().optional(),
  costUsdPerSuccess: z.number().nonnegative().optional(),
  /** Episodes that ended in a harness or agent-endpoint error (not counted as failures). */
  errors: z.number().int().nonnegative(),
});
export type LevelResult = z.infer<typeof LevelResultSchema>;

export const JudgeAgreementSchema = z.object({
  level: z.number().int().positive().optional(),
  /** Episodes with both a judge verdict and a checker verdict. */
  episodes: z.number().int().nonnegative(),
  agreement: z.number().min(0).max(1).optional(),
  /** Of the episodes the judge called a success, the share the checker also did. */
  precision: z.number().min(0).max(1).optional(),
  /** Of the checker's successes, the share the judge found. */
  recall: z.number().min(0).max(1).optional(),
  /** Cohen's kappa between judge and checker (undefined when chance agreement is 1). */
  kappa: z.number().min(-1).max(1).optional(),
});
export type JudgeAgreement = z.infer<typeof JudgeAgreementSchema>;

/** One judge's agreement with the checker (or the jury's, as `jury`): on the balanced sample and on every episode. */
export const JurorAgreementSchema = z.object({
  /** The judge spec, or "jury" for the majority verdict. */
  judge: z.string(),
  /** On the sample balanced by checker verdict (see JuryAgreement.sample): the figures to compare judges by. */
  balanced: JudgeAgreementSchema,
  /** On every episode the judge gave a verdict on: easy to game where most episodes fail (high levels). */
  all: JudgeAgreementSchema,
});
export type JurorAgreement = z.infer<typeof JurorAgreementSchema>;

/**
 * The judges of an evaluation against the checker: each judge and, with several, their majority
 * (ties fail), on a sample with as many checker successes as checker failures, drawn with a seed.
 */
export const JuryAgreementSchema = z.object({
  judges: z.array(z.string()).min(1),
  /** How the jury decides. */
  rule: z.string(),
  sample: z.object({
    seed: z.number().int(),
    /** Episodes with a checker verdict and at least one judge's verdict, the sample was drawn from. */
    from: z.number().int().nonnegative(),
    /** Checker successes in the sample (all of them when they are the smaller class). */
    checkerSuccesses: z.number().int().nonnegative(),
    /** Checker failures in the sample: always as many as the successes. */
    checkerFailures: z.number().int().nonnegative(),
  }),
  /** One row per judge, in --judge order. */
  jurors: z.array(JurorAgreementSchema),
  /** The majority verdict; with one judge, the judge's own. */
  jury: JurorAgreementSchema,
  /** Episodes on which the jurors did not all say the same (0 with one judge). */
  splits: z.number().int().nonnegative(),
});
export type JuryAgreement = z.infer<typeof JuryAgreementSchema>;

export const AgentResultSchema = z.object({
  /** The name on the chart and in tables: the agent spec, with the run id when two runs share one. */
  label: z.string(),
  agent: z.string(),
  runs: z.array(z.string()),
  levels: z.array(LevelResultSchema),
  pooled: z.object({
    episodes: z.number().int().nonnegative(),
    successes: z.number().int().nonnegative(),
    chains: z.number().int().nonnegative(),
    success: z.number().min(0).max(1).optional(),
    /** 95% bootstrap interval, resampling chains (a chain's levels share their first subtasks). */
    successCi: IntervalSchema.optional(),
    /** Mean of progress / level over episodes. */
    progressFraction: z.number().min(0).max(1).optional(),
    progressFractionCi: IntervalSchema.optional(),
    meanSteps: z.number().nonnegative().optional(),
    wallMsPerEpisode: z.number().nonnegative().optional(),
    costUsd: z.number().nonnegative().optional(),
    costUsdPerEpisode: z.number().nonnegative().optional(),
    costUsdPerSuccess: z.number().nonnegative().optional(),
  }),
  errors: z.number().int().nonnegative(),
  errorReasons: z.array(CountSchema),
  failureReasons: z.array(CountSchema),
  /** The judge's (with several, the jury's majority) agreement with the checker over every judged episode, overall and by level. */
  judge: z.object({ overall: JudgeAgreementSchema, levels: z.array(JudgeAgreementSchema) }).optional(),
  /** Each judge and the jury against the checker on a sample balanced by checker verdict. */
  jury: JuryAgreementSchema.optional(),
});
export type AgentResult = z.infer<typeof AgentResultSchema>;

export const ResultsSchema = z.object({
  schema: z.literal(RESULTS_SCHEMA_ID),
  version: z.literal(RESULTS_VERSION),
  generatedAt: z.string(),
  tool: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  /** Bootstrap resamples behind every bootstrap interval, and the seed that drew them. */
  bootstrap: z.object({ resamples: z.number().int().positive(), seed: z.number().int() }),
  agents: z.array(AgentResultSchema),
});
export type Results = z.infer<typeof ResultsSchema>;
