import { z } from 'zod';
import type { LanguageModel } from '../../model/language-model.js';
import { HeuristicSummarizer } from '../heuristic/summarizer.js';
import type { SummarizeInput, Summarizer } from '../roles.js';
import { missingConstants } from '../summary-constants.js';
import { askStructured, isInvalidOutput } from './structured.js';
import { summarizerSystem, summarizerUser } from './prompts/summarizer.js';

const SummarySchema = z.object({ task: z.string().min(1) });

/**
 * Merges subtasks 1..k into one instruction with a model. Every constant must survive (checked
 * mechanically, with one repair turn); if the model still drops one, the heuristic summarizer's
 * faithful composition is used instead, so a level-k task never loses a constant.
 */
export class ModelSummarizer implements Summarizer {
  readonly id: string;
  private readonly fallback = new HeuristicSummarizer();

  constructor(private readonly model: LanguageModel) {
    this.id = `model-summarizer:${model.provider}:${model.model}`;
  }

  async summarize(input: SummarizeInput): Promise<string> {
    if (input.subtasks.length === 1) return input.subtasks[0]!.description;
    try {
      const answer = await askStructured({
        model: this.model,
        role: 'summarizer',
        system: summarizerSystem(),
        content: [{ type: 'text', text: summarizerUser(input.subtasks) }],
        schema: SummarySchema,
        toolName: 'summary',
        toolDescription: 'The merged instruction.',
        maxOutputTokens: 800,
        validate: (candidate) => {
          const missing = missingConstants(candidate.task, input.subtasks);
          return missing.length > 0
            ? `The summary leaves out these constants: ${missing.map((entity) => JSON.stringify(entity)).join(', ')}; keep each verbatim.`
            : undefined;
        },
        ...(input.recorder ? { recorder: input.recorder } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
      return answer.task;
    } catch (error) {
      if (!isInvalidOutput(error)) throw error;
      return this.fallback.summarize(input);
    }
  }
}
