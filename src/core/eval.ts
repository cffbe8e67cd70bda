import { z } from 'zod';
import { AgentReportedUsageSchema } from './agent-protocol.js';
import { SCHEMA_VERSION } from './chain.js';
import { PredicateSchema } from './predicate.js';
import { InteractionKindSchema, StepRangeSchema } from './task.js';
import { UsageSchema } from './usage.js';

/**
 * A level-k task as the evaluation harness holds it: where it starts, what the agent is told, and
 * what decides it (the checker and each subtask's postcondition), which the agent never sees.
 */
export const EvalTaskSchema = z.object({
  /** The synthesis run (or tasks file) the task comes from. */
  source: z.string(),
  chainId: z.string(),
  level: z.number().int().positive(),
  environment: z.string(),
  envSeed: z.number().int(),
  startPath: z.string(),
  text: z.string(),
  checker: z.array(PredicateSchema),
  /** Each subtask's own postcondition, in order; empty when the source predates them. */
  subtaskChecks: z.array(z.array(PredicateSchema)),
  /** Success also needs the subtasks completed in order (see the level's `ordered`). */
  ordered: z.boolean().optional(),
  /** The gold trajectory's answer, when the task asks for one. */
  answer: z.string().optional(),
  gold: StepRangeSchema,
  /**
   * Each subtask's interaction kind and its steps in the chain (a range of steps.jsonl), in order;
   * from a run (a tasks file does not carry them). What a model of an agent's weakness groups by.
   */
  subtasks: z.array(z.object({ interaction: InteractionKindSchema, steps: StepRangeSchema })).optional(),
});
export type EvalTask = z.infer<typeof EvalTaskSchema>;

/** `source/chainId/Lk`: the identity of a task across evaluation runs (for compare and the gate). */
export function taskKey(task: Pick<EvalTask, 'source' | 'chainId' | 'level'>): string {
  return `${task.source}/${task.chainId}/L${task.level}`;
}

/** How an episode ended. `error` is the harness's or the agent endpoint's fault, never the agent's failure. */
export const EpisodeEndSchema = z.enum(['done', 'step-limit', 'invalid-actions', 'error']);
export type EpisodeEnd = z.infer<typeof EpisodeEndSchema>;

export const JudgeOpinionSchema = z.object({
  success: z.boolean(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  model: z.string(),
});
export type JudgeOpinion = z.infer<typeof JudgeOpinionSchema>;

/** Several judges asked about one episode (`--judge A --judge B ...`): each one's opinion and the majority (ties fail). */
export const JuryOpinionSchema = z.object({
  /** The majority of the jurors' seats said success (see tallyJury); a juror that abstained is not a "yes". */
  success: z.boolean(),
  /** The jurors did not all say the same. */
  split: z.boolean(),
  /** The opinions of the jurors that answered, in --judge order. */
  opinions: z.array(JudgeOpinionSchema),
  /** Jurors that gave no valid verdict. */
  abstained: z.array(z.string()).default([]),
});
export type JuryOpinion = z.infer<typeof JuryOpinionSchema>;

/** trajectories/<eval-run>/episodes/<episode>/episode.json */
export const EpisodeRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  episodeId: z.string(),
  task: EvalTaskSchema,
  /** Which repeat of the task this is (0-based; `--episodes N` gives 0..N-1). */
  repeat: z.number().int().nonnegative(),
  /** The `--agent` spec. */
  agent: z.string(),
  agentSeed: z.number().int(),
  maxSteps: z.number().int().positive(),
  status: z.enum(['running', 'finished', 'error']),
  endedBy: EpisodeEndSchema.optional(),
  /** The checker's verdict at the end (finished episodes). */
  success: z.boolean().optional(),
  /** Subtasks 1..j whose postconditions became true in order (0..level). */
  progress: z.number().int().nonnegative().optional(),
  /** For each credited subtask, the number of steps taken when its postcondition became true. */
  milestones: z.array(z.number().int().nonnegative()).optional(),
  answer: z.string().optional(),
  /** Each checker predicate's value at the end, in order. */
  checkerAtEnd: z.array(z.boolean()).optional(),
  /** Why the agent failed: the unmet predicates, the step limit, invalid answers. */
  failureReason: z.string().optional(),
  /** What went wrong in the harness or at the agent endpoint (status "error"). */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Answers that were not valid actions, shown to the agent as errors. */
  invalidAnswers: z.array(z.object({ step: z.number().int().nonnegative(), error: z.string() })).default([]),
  stepCount: z.number().int().nonnegative(),
  /** Steps, wall time, and the model calls trajsynth made for the episode (model agents, the judge). */
  usage: UsageSchema,
  /** What the agent said it spent (HTTP and module agents). */
  agentUsage: AgentReportedUsageSchema.optional(),
  /** The judge's opinion, with one --judge. */
  judge: JudgeOpinionSchema.optional(),
  /** The jury's, with several --judge (then `judge` is absent). */
  jury: JuryOpinionSchema.optional(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
});
export type EpisodeRecord = z.infer<typeof EpisodeRecordSchema>;

/** Every judge opinion an episode holds: its jury's, or its single judge's. */
export function episodeOpinions(episode: Pick<EpisodeRecord, 'judge' | 'jury'>): JudgeOpinion[] {
  return episode.jury?.opinions ?? (episode.judge ? [episode.judge] : []);
}

/** The judge specs of an evaluation: its jury, its single judge, or none. */
export function configJudges(config: Pick<EvalConfig, 'judge' | 'judges'>): string[] {
  return config.judges ?? (config.judge ? [config.judge] : []);
}

export const EvalConfigSchema = z.object({
  /** The synthesis run id or tasks file the tasks come from. */
  source: z.string(),
  sourceKind: z.enum(['run', 'tasks-file']),
  agent: z.string(),
  agentMode: z.enum(['refs', 'computer']).optional(),
  /** The --judge spec, when there was one. */
  judge: z.string().optional(),
  /** The --judge specs, when there were several (then `judge` is absent): a jury, majority rule, ties fail. */
  judges: z.array(z.string()).min(2).optional(),
  levels: z.array(z.number().int().positive()),
  environments: z.array(z.string()).optional(),
  limit: z.number().int().positive().optional(),
  validOnly: z.boolean(),
  /** With validOnly on a reviewed run: reviewers a task needed for its accepted consensus (majority rule). */
  minReviewers: z.number().int().positive().optional(),
  episodes: z.number().int().positive(),
  /** Explicit --max-steps; absent means the default, scaled with the level. */
  maxSteps: z.number().int().positive().optional(),
  maxStepsPerSubtask: z.number().int().positive(),
  seed: z.number().int(),
  concurrency: z.number().int().positive(),
});
export type EvalConfig = z.infer<typeof EvalConfigSchema>;

/** trajectories/<eval-run>/run.json for an evaluation run. */
export const EvalRunMetaSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal('eval'),
  runId: z.string(),
  tool: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'complete', 'interrupted', 'failed']),
  config: EvalConfigSchema,
  counts: z.object({
    planned: z.number().int().nonnegative(),
    finished: z.number().int().nonnegative(),
    successes: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
  }),
  usage: UsageSchema,
  agentUsage: AgentReportedUsageSchema.optional(),
  stopReason: z.string().optional(),
  budget: z.object({ limitUsd: z.number().nonnegative(), spentUsd: z.number().nonnegative(), reached: z.boolean() }).optional(),
});
export type EvalRunMeta = z.infer<typeof EvalRunMetaSchema>;

const RateSchema = z.object({
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1),
});

/** One level-k task's replay: checker false at the reset, gold steps replayed, checker true at the end. */
export const ReplayTaskSchema = z.object({
  chainId: z.string(),
  level: z.number().int().positive(),
  environment: z.string(),
  valid: z.boolean(),
  checkerAtStart: z.array(z.boolean()),
  checkerAtEnd: z.array(z.boolean()),
  steps: z.number().int().nonnegative(),
  failure: z
    .object({
      stage: z.enum(['start', 'step', 'end', 'error']),
      /** The gold step (index in the chain's steps.jsonl) where replay went wrong. */
      step: z.number().int().nonnegative().optional(),
      reason: z.string(),
    })
    .optional(),
  /** Recorded failures that succeeded on replay (or the reverse) that did not change the verdict. */
  notes: z.array(z.string()).default([]),
});
export type ReplayTask = z.infer<typeof ReplayTaskSchema>;

/** trajectories/<run>/replay.json */
export const ReplayReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  runId: z.string(),
  tool: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  createdAt: z.string(),
  wallMs: z.number().nonnegative(),
  passRate: z.number().min(0).max(1),
  total: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  byLevel: z.record(z.string(), RateSchema),
  byEnvironment: z.record(z.string(), RateSchema),
  tasks: z.array(ReplayTaskSchema),
});
export type ReplayReport = z.infer<typeof ReplayReportSchema>;
