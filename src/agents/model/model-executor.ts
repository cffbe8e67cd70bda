import { z } from 'zod';
import { ActionSchema } from '../../core/action.js';
import type { LanguageModel } from '../../model/language-model.js';
import { PolicyExecutor } from '../policy-executor.js';
import type { EpisodePolicy, PolicyDecision, PolicyStepInput } from '../policy.js';
import { observationContent } from './observation-content.js';
import { askStructured, isInvalidOutput } from './structured.js';
import { executorSystem, executorUser } from './prompts/executor.js';

const ActAnswerSchema = z.object({
  thought: z.string().describe('One sentence: why this action.'),
  action: ActionSchema,
});

/**
 * One model decision per step, grounded by element refs from the accessibility snapshot (role and
 * name re-grounded on the live page by the browser layer). Each step sees the task, the actions so
 * far with their outcomes, and the current screenshot and snapshot. An answer that is still invalid
 * after its repair turn is an invalid decision, not an exception.
 */
export class ModelRefsPolicy implements EpisodePolicy {
  constructor(
    private readonly model: LanguageModel,
    private readonly task: string,
  ) {}

  async next(input: PolicyStepInput): Promise<PolicyDecision> {
    try {
      const answer = await askStructured({
        model: this.model,
        role: 'executor',
        system: executorSystem(),
        content: [
          ...observationContent(input.observation),
          { type: 'text', text: executorUser(this.task, input.history, input.maxSteps - input.step) },
        ],
        schema: ActAnswerSchema,
        toolName: 'act',
        toolDescription: 'Perform one browser action, or finish with done.',
        maxOutputTokens: 800,
        ...(input.recorder ? { recorder: input.recorder } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
      return { kind: 'action', action: answer.action, thought: answer.thought };
    } catch (error) {
      if (!isInvalidOutput(error)) throw error;
      return { kind: 'invalid', error: `model error: ${(error as Error).message}` };
    }
  }
}

/** Executes a subtask with a ModelRefsPolicy; stops at `done`, the step limit, or an invalid answer. */
export class ModelExecutor extends PolicyExecutor {
  constructor(model: LanguageModel) {
    super(`model-executor:${model.provider}:${model.model}`, (task) => new ModelRefsPolicy(model, task));
  }
}
