import { describePredicate } from '../../core/predicate.js';
import { tallyJury } from '../../core/jury.js';
import type { Verdict } from '../../core/task.js';
import type { LanguageModel } from '../../model/language-model.js';
import { evaluatePredicates } from '../../environments/predicates.js';
import { verdictFrom } from '../heuristic/verifier.js';
import type { Verifier, VerifyInput } from '../roles.js';
import { askJudge, judgeRequestFor, type JudgeAnswer } from './model-verifier.js';
import { isInvalidOutput } from './structured.js';

export interface JuryVerifierOptions {
  /** The jurors, at least two (one model is a JudgeVerifier). */
  models: readonly LanguageModel[];
  /** Below this confidence a juror's "success" counts as a "no" (where the jury decides). */
  minConfidence?: number;
}

type Juror = NonNullable<Verdict['jury']>['jurors'][number];

/**
 * Several model judges asked the same question. Where the environment has a state probe the checker
 * decides, as with one judge, and each juror's opinion is stored beside it with whether it agrees.
 * Without a probe the jury decides among the attempts the page predicates accept (it never accepts
 * one they reject): a subtask is accepted only when the jurors all say success (which
 * is then the majority); when they split it is not accepted but flagged for human review, whatever
 * the majority (ties fail); a juror without a valid verdict abstains and counts as a "no".
 */
export class JuryVerifier implements Verifier {
  readonly id: string;
  private readonly models: readonly LanguageModel[];
  private readonly minConfidence: number;

  constructor(options: JuryVerifierOptions) {
    if (options.models.length < 2) throw new RangeError(`Expected at least two jurors, got ${options.models.length}`);
    this.models = options.models;
    this.minConfidence = options.minConfidence ?? 0.6;
    this.id = `jury:${this.models.map(specOf).join(',')}`;
  }

  async verify(input: VerifyInput): Promise<Verdict> {
    const after = await evaluatePredicates(input.proposal.predicates, input.after);
    const checker = verdictFrom(input.proposal.predicates.map(describePredicate), input.before, after);
    const answers = await Promise.all(this.models.map((model) => this.ask(model, input)));
    const probeDecides = input.hasStateProbe !== false && input.after.state !== undefined;
    const jurors: Juror[] = answers.map((answer, index) => ({
      model: specOf(this.models[index]!),
      reasons: answer?.reasons ?? ['no valid verdict'],
      ...(answer ? { success: answer.success, confidence: answer.confidence } : {}),
      ...(answer && probeDecides ? { agreesWithChecker: answer.success === checker.success } : {}),
    }));
    // Where the jury decides, a "success" below the confidence floor is a "no" (as for one judge).
    const votes = answers.map((answer) =>
      answer === undefined ? undefined : answer.success && (probeDecides || answer.confidence >= this.minConfidence),
    );
    const tally = tallyJury(votes);
    const jury = { jurors, success: tally.success, split: tally.split };
    const answered = answers.filter((answer): answer is JudgeAnswer => answer !== undefined);
    const summary = answered.length
      ? {
          success: tally.success,
          confidence: Math.min(...answered.map((answer) => answer.confidence)),
          reasons: [`${tally.successes} of ${tally.jurors} judges said success${tally.split ? ' (split)' : ''}`],
          model: this.id,
          ...(probeDecides ? { agreesWithChecker: tally.success === checker.success } : {}),
        }
      : undefined;
    if (probeDecides) return { ...checker, ...(summary ? { judge: summary } : {}), jury };
    // A jury never accepts what the page predicates reject (nor needs a person to look at it).
    if (!checker.success) {
      return {
        ...checker,
        ...(summary ? { judge: summary } : {}),
        jury,
        reason: `${checker.reason} (a jury never overrides the checker; ${tally.successes} of ${tally.jurors} said success)`,
      };
    }
    const base = { ...checker, method: 'judge' as const, ...(summary ? { judge: summary } : {}), jury };
    if (tally.split) {
      return {
        ...base,
        success: false,
        reason: `the judges split (${tally.successes} of ${tally.jurors} said success): not accepted, flagged for human review`,
        flaggedForReview: true,
      };
    }
    const reasons = answered.flatMap((answer) => answer.reasons);
    return {
      ...base,
      success: tally.success,
      reason: `jury (${tally.successes} of ${tally.jurors} said success): ${reasons.join('; ') || 'no valid verdict'}`,
    };
  }

  private async ask(model: LanguageModel, input: VerifyInput): Promise<JudgeAnswer | undefined> {
    try {
      return await askJudge(judgeRequestFor(model, input));
    } catch (error) {
      if (isInvalidOutput(error)) return undefined;
      throw error;
    }
  }
}

function specOf(model: LanguageModel): string {
  return `${model.provider === 'openai-compatible' ? 'openai' : model.provider}:${model.model}`;
}
