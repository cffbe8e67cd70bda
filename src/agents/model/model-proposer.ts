import { z } from 'zod';
import { PredicateSchema, describePredicate, isStatePredicate } from '../../core/predicate.js';
import { InteractionKindSchema, type Proposal } from '../../core/task.js';
import { pageViewOf } from '../../core/page-text.js';
import type { LanguageModel } from '../../model/language-model.js';
import { evaluatePredicates } from '../../environments/predicates.js';
import type { ProposeInput, Proposer } from '../roles.js';
import { observationContent } from './observation-content.js';
import { askStructured } from './structured.js';
import { proposerSystem, proposerUser } from './prompts/proposer.js';
import { stateOutline } from './prompts/state-outline.js';

/** Interactions that change the app's data: with a probe, their checker must read it. */
const CHANGES_STATE = new Set(['form', 'toggle', 'select', 'item-action']);

export const ProposalAnswerSchema = z.object({
  description: z.string().min(8).describe('The task as the user would ask for it.'),
  interaction: InteractionKindSchema,
  entities: z.array(z.string()).describe('Every constant the description mentions.'),
  predicates: z.array(PredicateSchema).min(1).max(6),
});
export type ProposalAnswer = z.infer<typeof ProposalAnswerSchema>;

export interface ModelProposerOptions {
  model: LanguageModel;
  followUp: boolean;
}

/**
 * Proposes a task from the page's screenshot and snapshot, with a persona; follow-ups see the
 * chain's accepted subtasks and must build on them. Predicates are validated: they must parse, be
 * false on the current page and state, use the probe where there is one, and an information-seeking
 * task must carry an answer predicate. One repair turn, then the error goes to the chain runner.
 */
export class ModelProposer implements Proposer {
  readonly id: string;
  private readonly model: LanguageModel;
  private readonly followUp: boolean;

  constructor(options: ModelProposerOptions) {
    this.model = options.model;
    this.followUp = options.followUp;
    this.id = `${options.followUp ? 'model-follow-up' : 'model-proposer'}:${options.model.provider}:${options.model.model}`;
  }

  async propose(input: ProposeInput): Promise<Proposal | undefined> {
    const state = input.state;
    const user = proposerUser({
      persona: input.persona,
      hasStateProbe: input.hasStateProbe,
      followUp: this.followUp,
      accepted: input.chain.accepted,
      avoid: input.chain.attempted.filter((subtask) => subtask.status === 'failed').map((subtask) => subtask.description),
      retry: input.retry,
      ...(input.kindWeights ? { kindWeights: input.kindWeights } : {}),
    });
    const content = [
      ...observationContent(input.observation),
      ...(state ? [{ type: 'text' as const, text: `App state (ground truth, for predicates):\n${stateOutline(state)}` }] : []),
      { type: 'text' as const, text: user },
    ];
    const answer = await askStructured({
      model: this.model,
      role: this.followUp ? 'follow-up' : 'proposer',
      system: proposerSystem({ hasStateProbe: input.hasStateProbe, followUp: this.followUp }),
      content,
      schema: ProposalAnswerSchema,
      toolName: 'propose_task',
      toolDescription: 'Propose one task with its checker predicates.',
      validate: async (candidate) => {
        if (input.hasStateProbe && CHANGES_STATE.has(candidate.interaction) && !candidate.predicates.some(isStatePredicate)) {
          return `This app has a state probe: a ${candidate.interaction} task changes data, so include at least one state predicate (state-value, state-field or state-count).`;
        }
        if (candidate.interaction === 'read' && !candidate.predicates.some((predicate) => predicate.kind === 'answer')) {
          return 'An information-seeking (read) task needs an answer predicate with the exact value.';
        }
        const values = await evaluatePredicates(candidate.predicates, {
          state,
          page: pageViewOf(input.observation),
          ...(input.reader ? { reader: input.reader } : {}),
        });
        const alreadyTrue = candidate.predicates.filter((predicate, index) => predicate.kind !== 'answer' && values[index]);
        if (
          alreadyTrue.length > 0 &&
          alreadyTrue.length === candidate.predicates.filter((predicate) => predicate.kind !== 'answer').length
        ) {
          return `Every predicate is already true before the task (${alreadyTrue.map(describePredicate).join('; ')}): the checker must be false now.`;
        }
        return undefined;
      },
      ...(input.recorder ? { recorder: input.recorder } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const { pathname, search } = new URL(input.observation.url);
    return { ...answer, proposedAt: pathname + search };
  }
}
