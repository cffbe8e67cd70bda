import { z } from 'zod';
import type { Predicate } from './predicate.js';
import { InteractionKindSchema, type InteractionKind } from './task.js';

/**
 * What a model of one agent's weakness predicts from: a subtask's interaction kind, the app it is
 * in, its position in the chain (1 = the first subtask) and the kind of its postcondition.
 */
export interface SubtaskFeatures {
  interaction: InteractionKind | undefined;
  environment: string;
  position: number;
  predicate: string | undefined;
  /** The subtask's steps in its gold trajectory (actions, and the final answer), when known. */
  actions?: number;
}

/**
 * A logistic model of the probability that an agent completes a subtask, given the one before it
 * was completed: logit p = intercept + interaction + environment + predicate + position·(position−1)
 * + (actions + kindActions[interaction])·(gold steps − 1), the last term where the steps are known
 * (a longer form is harder than a short one, and more so for an agent weak on forms). Effects a
 * model never saw are 0 (the pooled rate).
 */
export const WeaknessModelSchema = z.object({
  intercept: z.number(),
  interaction: z.record(z.string(), z.number()),
  environment: z.record(z.string(), z.number()),
  predicate: z.record(z.string(), z.number()),
  position: z.number(),
  actions: z.number().default(0),
  kindActions: z.record(z.string(), z.number()).default({}),
});
export type WeaknessModel = z.infer<typeof WeaknessModelSchema>;

/** The probability the model gives an agent of completing a subtask with these features. */
export function predictSubtask(model: WeaknessModel, features: SubtaskFeatures): number {
  const logit =
    model.intercept +
    (features.interaction ? (model.interaction[features.interaction] ?? 0) : 0) +
    (model.environment[features.environment] ?? 0) +
    (features.predicate ? (model.predicate[features.predicate] ?? 0) : 0) +
    model.position * (features.position - 1) +
    (features.actions !== undefined
      ? ((model.actions ?? 0) + (features.interaction ? (model.kindActions?.[features.interaction] ?? 0) : 0)) * (features.actions - 1)
      : 0);
  return 1 / (1 + Math.exp(-logit));
}

/** A level-k task succeeds when each of its subtasks does, in order: the product of their probabilities. */
export function predictTask(model: WeaknessModel, subtasks: readonly SubtaskFeatures[]): number {
  return subtasks.reduce((product, features) => product * predictSubtask(model, features), 1);
}

/** The kind of a subtask's postcondition, as the model groups it: the kind of its first predicate. */
export function predicateKindOf(predicates: readonly Predicate[] | undefined): string | undefined {
  return predicates?.[0]?.kind;
}

export const SuccessBandSchema = z
  .object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) })
  .refine((band) => band.low < band.high, { message: 'Expected the band low < high' });
export type SuccessBand = z.infer<typeof SuccessBandSchema>;

/**
 * What an aimed synthesis run aims at (`synth --target-eval EVAL_RUN`), recorded in its run.json so
 * the dataset's provenance shows it: the agent and evaluation it was measured on, the frontier level
 * and weak kinds found there, how proposals and chains were weighted, and the band a task's
 * predicted success must fall in to be kept.
 */
export const SynthesisTargetSchema = z.object({
  /** The evaluation run the weakness model was fitted on, and its agent. */
  evalRun: z.string(),
  agent: z.string(),
  /** The seed of that evaluation's episodes (fresh episodes of a later comparison must use another). */
  evalSeed: z.number().int(),
  /** The success rate aimed at (default 0.5). */
  target: z.number().min(0).max(1),
  /** The level whose predicted success is nearest the target. */
  frontierLevel: z.number().int().positive(),
  /** Kinds whose completion rate sits significantly below the pooled rate. */
  weakKinds: z.array(InteractionKindSchema),
  /** Multipliers on the proposers' choice of interaction kind (1 = unchanged). */
  kindWeights: z.record(z.string(), z.number().positive()),
  /** Shares of chains per app, for runs over every app (absent: spread evenly). */
  appWeights: z.record(z.string(), z.number().positive()).optional(),
  /** Keep only level-k tasks whose predicted success lies in this band. */
  keepBand: SuccessBandSchema.optional(),
  model: WeaknessModelSchema,
});
export type SynthesisTarget = z.infer<typeof SynthesisTargetSchema>;
