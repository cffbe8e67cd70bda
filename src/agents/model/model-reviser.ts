import { z } from 'zod';
import { PredicateSchema, describePredicate, isStatePredicate } from '../../core/predicate.js';
import { InteractionKindSchema, type Proposal } from '../../core/task.js';
import type { LanguageModel } from '../../model/language-model.js';
import { evaluatePredicates } from '../../environments/predicates.js';
import { diffStates } from '../heuristic/state-diff.js';
import type { ReviseInput, Reviser } from '../roles.js';
import { screenshotPart } from './observation-content.js';
import { askStructured, isInvalidOutput } from './structured.js';
import { snapshotDiff } from './snapshot-diff.js';
import { reviserSystem, reviserUser } from './prompts/reviser.js';

const RevisionSchema = z.object({
  achieved: z.boolean(),
  description: z.string().optional(),
  interaction: InteractionKindSchema.optional(),
  entities: z.array(z.string()).optional(),
  predicates: z.array(PredicateSchema).max(6).optional(),
});

/**
 * Relabels a failed attempt to what it actually achieved, from the state diff, the snapshot change
 * and the screens before and after; the new predicates must be false before and true after.
 */
export class ModelReviser implements Reviser {
  readonly id: string;

  constructor(private readonly model: LanguageModel) {
    this.id = `model-reviser:${model.provider}:${model.model}`;
  }

  async revise(input: ReviseInput): Promise<Proposal | undefined> {
    const hasStateProbe = input.hasStateProbe ?? input.stateBefore !== undefined;
    const changes = input.stateBefore && input.stateAfter ? diffStates(input.stateBefore, input.stateAfter) : [];
    const stateChanges = changes
      .slice(0, 12)
      .map(
        (change) =>
          `${change.kind} in ${change.collection}: ${JSON.stringify(change.kind === 'updated' ? change.fields : change.record).slice(0, 300)}`,
      )
      .join('\n');
    const final = input.attempt.finalObservation;
    const content = [
      ...(input.observationBefore && input.observationBefore.screenshotWebp.byteLength > 0
        ? [screenshotPart(input.observationBefore)]
        : []),
      ...(final.screenshotWebp.byteLength > 0 ? [screenshotPart(final)] : []),
      {
        type: 'text' as const,
        text: reviserUser(
          input.proposal.description,
          input.attempt.actions,
          stateChanges,
          snapshotDiff(input.pageBefore.text, input.pageAfter.text),
        ),
      },
    ];
    let answer: z.infer<typeof RevisionSchema>;
    try {
      answer = await askStructured({
        model: this.model,
        role: 'reviser',
        system: reviserSystem(hasStateProbe),
        content,
        schema: RevisionSchema,
        toolName: 'revise_task',
        toolDescription: 'Describe what the attempt actually achieved, or achieved=false.',
        validate: async (candidate) => {
          if (!candidate.achieved) return undefined;
          if (!candidate.description || !candidate.interaction || !candidate.predicates || candidate.predicates.length === 0) {
            return 'When achieved is true, give description, interaction, entities and at least one predicate.';
          }
          if (
            hasStateProbe &&
            ['form', 'toggle', 'select', 'item-action'].includes(candidate.interaction) &&
            !candidate.predicates.some(isStatePredicate)
          )
            return 'A task that changes data needs at least one state predicate.';
          const before = await evaluatePredicates(candidate.predicates, { state: input.stateBefore, page: input.pageBefore });
          const after = await evaluatePredicates(candidate.predicates, {
            state: input.stateAfter,
            page: input.pageAfter,
            ...(input.attempt.answer !== undefined ? { answer: input.attempt.answer } : {}),
          });
          if (before.every(Boolean))
            return `The predicates already held before the attempt: ${candidate.predicates.map(describePredicate).join('; ')}.`;
          const failing = candidate.predicates.filter((_, index) => !after[index]);
          if (failing.length > 0) return `These predicates are false after the attempt: ${failing.map(describePredicate).join('; ')}.`;
          return undefined;
        },
        ...(input.recorder ? { recorder: input.recorder } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
    } catch (error) {
      if (isInvalidOutput(error)) return undefined; // no valid relabelling: the attempt stays a failure
      throw error;
    }
    if (!answer.achieved || !answer.description || !answer.interaction || !answer.predicates) return undefined;
    const { pathname, search } = new URL(input.attempt.finalObservation.url);
    return {
      description: answer.description,
      interaction: answer.interaction,
      entities: answer.entities ?? [],
      predicates: answer.predicates,
      proposedAt: input.proposal.proposedAt || pathname + search,
      ...(input.proposal.affordance ? { affordance: input.proposal.affordance } : {}),
    };
  }
}
