import { z } from 'zod';
import { SCHEMA_VERSION } from './chain.js';

/**
 * Near-misses of a gold trajectory that its checker must reject (`trajsynth audit`):
 * - `drop-subtask`: the steps of one subtask left out;
 * - `change-value`: one typed text, picked option or ticked box changed to another valid one;
 * - `wrong-row`: the same row action on a sibling row;
 * - `no-submit`: a form's fields filled, its submit (click or Enter) left out;
 * - `wrong-answer`: one value the task asks to report answered wrong, or left out.
 */
export const MutantKindSchema = z.enum(['drop-subtask', 'change-value', 'wrong-row', 'no-submit', 'wrong-answer']);
export type MutantKind = z.infer<typeof MutantKindSchema>;
export const MUTANT_KINDS: readonly MutantKind[] = MutantKindSchema.options;

/** The kinds a fast audit runs (synthesis's default): the ones whose survivors are the worst false positives. */
export const FAST_MUTANT_KINDS: readonly MutantKind[] = ['drop-subtask', 'no-submit', 'wrong-answer'];

export const AuditModeSchema = z.enum(['full', 'fast', 'off']);
export type AuditMode = z.infer<typeof AuditModeSchema>;

/**
 * How a mutant ended: its checker rejected it (`killed`), accepted it (`survived`: the checker passes
 * wrong work), its replay could not go on (`stuck`: a later step found nothing to act on), or it was
 * accepted while it completed the changed subtask all the same and ended exactly where the gold did
 * (`equivalent`: a field the app saves on blur, so leaving out its Enter changed nothing). Stuck and
 * equivalent mutants prove nothing about the checker and count in no score.
 */
export const MutantOutcomeSchema = z.enum(['killed', 'survived', 'stuck', 'equivalent']);
export type MutantOutcome = z.infer<typeof MutantOutcomeSchema>;

/** One mutant of one level-k task and what its checker made of it. */
export const MutantResultSchema = z.object({
  chainId: z.string(),
  level: z.number().int().positive(),
  environment: z.string(),
  kind: MutantKindSchema,
  /** The subtask the mutation is in (1-based position among the level's subtasks). */
  subtask: z.number().int().positive(),
  /** What was changed, in words ("leave out subtask 2", "“High” → “Low” in “Priority”"). */
  mutation: z.string(),
  outcome: MutantOutcomeSchema,
  /** Kinds of the mutated subtask's postcondition predicates (what should have caught it). */
  predicateKinds: z.array(z.string()),
  /** Why the checker rejected it (the unmet predicate or milestone), for killed mutants. */
  reason: z.string().optional(),
  /** Where a stuck replay stopped: the gold step (index in steps.jsonl) and its error. */
  stuckAt: z.object({ step: z.number().int().nonnegative(), error: z.string() }).optional(),
});
export type MutantResult = z.infer<typeof MutantResultSchema>;

const ScoreSchema = z.object({
  /** Mutants replayed to their end (killed + survived). */
  replayed: z.number().int().nonnegative(),
  killed: z.number().int().nonnegative(),
  survived: z.number().int().nonnegative(),
  stuck: z.number().int().nonnegative(),
  equivalent: z.number().int().nonnegative().default(0),
  /** killed / replayed; undefined when nothing was replayed to its end. */
  score: z.number().min(0).max(1).optional(),
});
export type MutationScore = z.infer<typeof ScoreSchema>;

/** One level-k task's audit: sound when no mutant survived. */
export const AuditTaskSchema = z.object({
  chainId: z.string(),
  level: z.number().int().positive(),
  environment: z.string(),
  /** The unchanged gold trajectory passes the checker (else the level is invalid and its mutants prove nothing). */
  goldPasses: z.boolean(),
  goldFailure: z.string().optional(),
  /** The gold passes and no mutant survived. */
  sound: z.boolean(),
  score: ScoreSchema,
  /** The level's checker, described, for reading survivors against it. */
  checker: z.array(z.string()),
});
export type AuditTask = z.infer<typeof AuditTaskSchema>;

/** trajectories/<run>/audit.json */
export const AuditReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  runId: z.string(),
  tool: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  createdAt: z.string(),
  wallMs: z.number().nonnegative(),
  /** Which mutant kinds were tried. */
  kinds: z.array(MutantKindSchema),
  /** killed / replayed over every mutant; undefined when none was replayed to its end. */
  mutationScore: z.number().min(0).max(1).optional(),
  overall: ScoreSchema,
  byLevel: z.record(z.string(), ScoreSchema),
  byEnvironment: z.record(z.string(), ScoreSchema),
  byKind: z.record(z.string(), ScoreSchema),
  byPredicateKind: z.record(z.string(), ScoreSchema),
  tasks: z.array(AuditTaskSchema),
  mutants: z.array(MutantResultSchema),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** The mutation score of some mutants: killed over replayed to their end, stuck ones apart. */
export function mutationScoreOf(outcomes: readonly MutantOutcome[]): MutationScore {
  const killed = outcomes.filter((outcome) => outcome === 'killed').length;
  const survived = outcomes.filter((outcome) => outcome === 'survived').length;
  const stuck = outcomes.filter((outcome) => outcome === 'stuck').length;
  const equivalent = outcomes.filter((outcome) => outcome === 'equivalent').length;
  const replayed = killed + survived;
  return { replayed, killed, survived, stuck, equivalent, ...(replayed > 0 ? { score: killed / replayed } : {}) };
}

/** Mutants grouped by a key (level, app, kind …), each group's score. */
export function mutationScoresBy(
  mutants: readonly MutantResult[],
  keysOf: (mutant: MutantResult) => readonly string[],
): Record<string, MutationScore> {
  const groups = new Map<string, MutantOutcome[]>();
  for (const mutant of mutants) {
    for (const key of keysOf(mutant)) {
      const outcomes = groups.get(key) ?? [];
      outcomes.push(mutant.outcome);
      groups.set(key, outcomes);
    }
  }
  return Object.fromEntries(
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([key, outcomes]) => [key, mutationScoreOf(outcomes)]),
  );
}
