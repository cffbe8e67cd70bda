import { z } from 'zod';
import { describePredicate } from '../../core/predicate.js';
import type { Verdict } from '../../core/task.js';
import type { LanguageModel } from '../../model/language-model.js';
import { evaluatePredicates } from '../../environments/predicates.js';
import { verdictFrom } from '../heuristic/verifier.js';
import type { Verifier, VerifyInput } from '../roles.js';
import { screenshotPart } from './observation-content.js';
import { askStructured, isInvalidOutput } from './structured.js';
import { snapshotDiff } from './snapshot-diff.js';
import { judgeSystem, judgeUser } from './prompts/judge.js';

const JudgeAnswerSchema = z.object({
  success: z.boolean(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()).min(1).max(5),
});

export interface JudgeVerifierOptions {
  model: LanguageModel;
  /** Below this confidence a judged success counts as failure (where the judge decides). */
  minConfidence?: number;
}

/**
 * A model judge over the screens before and after and the snapshot change. Where the environment
 * has a state probe the checker still decides and the judge's opinion is stored beside it with
 * whether they agree (so agreement is measured, not assumed); without a probe the judge decides.
 */
export class JudgeVerifier implements Verifier {
  readonly id: string;
  private readonly model: LanguageModel;
  private readonly minConfidence: number;

  constructor(options: JudgeVerifierOptions) {
    this.model = options.model;
    this.minConfidence = options.minConfidence ?? 0.6;
    this.id = `judge:${options.model.provider}:${options.model.model}`;
  }

  async verify(input: VerifyInput): Promise<Verdict> {
    const after = await evaluatePredicates(input.proposal.predicates, input.after);
    const checker = verdictFrom(input.proposal.predicates.map(describePredicate), input.before, after);
    const final = input.attempt.finalObservation;
    const before = input.observationBefore;
    const content = [
      ...(before && before.screenshotWebp.byteLength > 0 ? [screenshotPart(before)] : []),
      ...(final.screenshotWebp.byteLength > 0 ? [screenshotPart(final)] : []),
      { type: 'text' as const, text: judgeUser(input.proposal.description, input.attempt.actions, input.attempt.answer, before ? snapshotDiff(before.snapshot, final.snapshot) : '') },
    ];
    let judged: z.infer<typeof JudgeAnswerSchema>;
    try {
      judged = await askStructured({
      model: this.model,
      role: 'verifier',
      system: judgeSystem(),
      content,
      schema: JudgeAnswerSchema,
      toolName: 'verdict',
      toolDescription: 'Report whether the task was completed.',
      maxOutputTokens: 600,
      ...(input.recorder ? { recorder: input.recorder } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      });
    } catch (error) {
      if (!isInvalidOutput(error)) throw error;
      // A judge that cannot answer validly: the checker's verdict stands where there is a probe;
      // without one the attempt is not accepted on no evidence.
      if (input.after.state !== undefined) return checker;
      return { ...checker, success: false, method: 'judge', reason: `the judge gave no valid verdict: ${(error as Error).message}` };
    }
    const judge = { ...judged, model: `${this.model.provider}:${this.model.model}` };
    if (input.hasStateProbe !== false && input.after.state !== undefined) {
      return { ...checker, judge: { ...judge, agreesWithChecker: judged.success === checker.success } };
    }
    const success = judged.success && judged.confidence >= this.minConfidence && !checker.reason.startsWith('postcondition already held');
    return { ...checker, success, method: 'judge', reason: `judge (${judged.confidence.toFixed(2)}): ${judged.reasons.join('; ')}`, judge };
  }
}
