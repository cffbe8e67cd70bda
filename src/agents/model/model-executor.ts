import { z } from 'zod';
import { ActionSchema, type Action, type ExecutedAction } from '../../core/action.js';
import { throwIfAborted } from '../../core/errors.js';
import type { CapturedObservation } from '../../core/observation.js';
import type { LanguageModel } from '../../model/language-model.js';
import type { Attempt, ExecuteInput, Executor } from '../roles.js';
import { observationContent } from './observation-content.js';
import { askStructured, isInvalidOutput } from './structured.js';
import { executorSystem, executorUser } from './prompts/executor.js';

const ActAnswerSchema = z.object({
  thought: z.string().describe('One sentence: why this action.'),
  action: ActionSchema,
});

/**
 * Executes a task by asking the model for one action per step, grounded by element refs from the
 * accessibility snapshot (role and name re-grounded on the live page by the browser layer). Each
 * step sees the task, the actions so far with their outcomes, and the current screenshot and
 * snapshot. Stops at `done`, at the step limit, or when the model's answer is invalid twice.
 */
export class ModelExecutor implements Executor {
  readonly id: string;

  constructor(private readonly model: LanguageModel) {
    this.id = `model-executor:${model.provider}:${model.model}`;
  }

  async run(input: ExecuteInput): Promise<Attempt> {
    const actions: ExecutedAction[] = [];
    let observation: CapturedObservation = input.observation;
    for (let step = 0; step < input.maxSteps; step += 1) {
      throwIfAborted(input.signal);
      let action: Action;
      try {
        const answer = await askStructured({
          model: this.model,
          role: 'executor',
          system: executorSystem(),
          content: [...observationContent(observation), { type: 'text', text: executorUser(input.proposal.description, actions, input.maxSteps - step) }],
          schema: ActAnswerSchema,
          toolName: 'act',
          toolDescription: 'Perform one browser action, or finish with done.',
          maxOutputTokens: 800,
          ...(input.recorder ? { recorder: input.recorder } : {}),
          ...(input.signal ? { signal: input.signal } : {}),
        });
        action = answer.action;
      } catch (error) {
        if (!isInvalidOutput(error)) throw error;
        return { stepCount: actions.length, actions, finalObservation: observation, stoppedBecause: `model error: ${(error as Error).message}` };
      }
      if (action.type === 'done') {
        return { stepCount: actions.length, actions, finalObservation: observation, ...(action.answer !== undefined ? { answer: action.answer } : {}) };
      }
      const before = observation;
      const { executed, actionMs } = await input.session.execute(action, { observation: before, ...(input.signal ? { signal: input.signal } : {}) });
      const after = await input.session.observe(input.signal ? { signal: input.signal } : {});
      await input.recordStep({ before, executed, actionMs, after });
      actions.push(executed);
      observation = after;
    }
    return { stepCount: actions.length, actions, finalObservation: observation, stoppedBecause: `step limit (${input.maxSteps}) reached` };
  }
}
