import { z } from 'zod';
import { ActionSchema, TargetSchema } from './action.js';
import { PredicateSchema } from './predicate.js';
import { UsageSchema } from './usage.js';

/** Kinds of interaction a task exercises; also what environments declare as affordances. */
export const InteractionKindSchema = z.enum(['form', 'toggle', 'select', 'navigate', 'item-action', 'search', 'read']);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

/** A task a proposer suggests: what to do, how to check it, and the constants it names. */
export const ProposalSchema = z.object({
  description: z.string().min(1),
  predicates: z.array(PredicateSchema).min(1),
  interaction: InteractionKindSchema,
  /** Names, numbers and dates the description mentions; summaries must keep every one. */
  entities: z.array(z.string()),
  /** Intended steps, for executors that follow a plan (the heuristic one); models may ignore it. */
  plan: z.array(ActionSchema).optional(),
  /** For information-seeking tasks: the element whose text answers it, read on the live page. */
  answerFrom: TargetSchema.optional(),
  /** Stable key of the page affordance the task exercises, for exploration and coverage. */
  affordance: z.string().optional(),
  /** URL (path and query) of the page the task was proposed on. */
  proposedAt: z.string(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const VerdictSchema = z.object({
  success: z.boolean(),
  /** Each predicate's value before and after the attempt, in order. */
  before: z.array(z.boolean()),
  after: z.array(z.boolean()),
  reason: z.string(),
  method: z.enum(['checker', 'judge']),
  /** A model judge's opinion: the verdict itself where there is no probe, else compared with the checker. */
  judge: z
    .object({
      success: z.boolean(),
      confidence: z.number().min(0).max(1),
      reasons: z.array(z.string()),
      model: z.string(),
      /** Where a checker decided: whether the judge agreed with it. */
      agreesWithChecker: z.boolean().optional(),
    })
    .optional(),
  /**
   * Several judges (`--verifier A,B,C`): each one's say and their majority (ties fail). `judge` then
   * summarizes them (the majority, the lowest confidence) for readers that know one judge.
   */
  jury: z
    .object({
      jurors: z.array(
        z.object({
          model: z.string(),
          /** Undefined: no valid verdict (the juror abstained). */
          success: z.boolean().optional(),
          confidence: z.number().min(0).max(1).optional(),
          reasons: z.array(z.string()).default([]),
          agreesWithChecker: z.boolean().optional(),
        }),
      ),
      /** The majority of the jurors' seats said success. */
      success: z.boolean(),
      /** The jurors did not all say the same. */
      split: z.boolean(),
    })
    .optional(),
  /**
   * Where no probe decides and the jury split: the subtask is not accepted but set aside for a
   * person to look at (`trajsynth reviews` lists it; the viewer marks it).
   */
  flaggedForReview: z.literal(true).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const StepRangeSchema = z.object({
  /** Index of the first step (inclusive). */
  start: z.number().int().nonnegative(),
  /** Index after the last step (exclusive). */
  end: z.number().int().nonnegative(),
});
export type StepRange = z.infer<typeof StepRangeSchema>;

/** One attempt in a chain, with its lineage: proposed, or revised from a failed proposal. */
export const SubtaskSchema = ProposalSchema.extend({
  id: z.string(),
  origin: z.enum(['proposed', 'revised']),
  revisedFrom: z.string().optional(),
  status: z.enum(['accepted', 'failed']),
  /** Position among the chain's accepted subtasks (1-based), when accepted. */
  level: z.number().int().positive().optional(),
  steps: StepRangeSchema,
  verdict: VerdictSchema,
  answer: z.string().optional(),
  usage: UsageSchema,
});
export type Subtask = z.infer<typeof SubtaskSchema>;

/** What synthesis's own audit of a level found (stored with the level; see core/audit for the kinds). */
export const LevelAuditSchema = z.object({
  mode: z.enum(['full', 'fast']),
  /**
   * Near-misses the checker rejected: replayed in the browser, judged on the chain itself (the last
   * subtask left out, its form left unsubmitted) or on the answer alone (a wrong answer). A stored
   * level has no surviving one.
   */
  killed: z.number().int().nonnegative(),
  /** Replays that could not go on (they prove nothing). */
  stuck: z.number().int().nonnegative(),
  /** Predicates added to the checker because a near-miss passed without them (described). */
  strengthened: z.array(z.string()).optional(),
});
export type LevelAudit = z.infer<typeof LevelAuditSchema>;

/** A level-k task: the summary of subtasks 1..k, its derived checker and gold trajectory. */
export const LevelSchema = z.object({
  level: z.number().int().positive(),
  task: z.string(),
  checker: z.array(PredicateSchema),
  subtaskIds: z.array(z.string()),
  /** Gold steps, as a range of the chain's steps; they start from reset(envSeed). */
  gold: StepRangeSchema,
  entities: z.array(z.string()),
  /**
   * Each subtask's own postcondition, in order (subtask 1 first), for scoring partial progress:
   * an evaluation counts the subtasks whose postconditions became true in order.
   */
  subtaskChecks: z.array(z.array(PredicateSchema)).optional(),
  /**
   * The answer the gold trajectory gave, when the level-k task asks for one: every value it asks to
   * report, in order, joined by "; ".
   */
  answer: z.string().optional(),
  /**
   * Success also needs each subtask's postcondition (`subtaskChecks`) to have held, in order, at some
   * step of the episode, as progress scores it, with answer predicates read from the final answer: a
   * subtask whose effect a later one hides or undoes (a filter applied, a page visited and left) is
   * still checked. Levels stored before this existed are decided by `checker` alone.
   */
  ordered: z.boolean().optional(),
  /** What synthesis's audit of the level found. */
  audit: LevelAuditSchema.optional(),
  /** In an aimed run: the success the target agent's weakness model predicts for this task. */
  predictedSuccess: z.number().min(0).max(1).optional(),
  /** What producing this level-k task cost: the chain's usage up to and including its summary. */
  usage: UsageSchema.optional(),
});
export type Level = z.infer<typeof LevelSchema>;

/**
 * Affordance keys that name one control whose second use in a chain repeats or reverses the first
 * (a toggle, a select, a row action, a bulk action); forms, searches, links and reads take new values or lead on.
 */
export function isOneUseAffordance(key: string): boolean {
  return /^(toggle|select|item|bulk):/.test(key);
}
