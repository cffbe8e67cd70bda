import { z } from 'zod';
import { describePredicate } from '../../core/predicate.js';
import type { Verdict } from '../../core/task.js';
import type { ExecutedAction } from '../../core/action.js';
import type { CapturedObservation } from '../../core/observation.js';
import type { CallRecorder, LanguageModel } from '../../model/language-model.js';
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
export type JudgeAnswer = z.infer<typeof JudgeAnswerSchema>;

export interface JudgeRequest {
  model: LanguageModel;
  task: string;
  actions: readonly ExecutedAction[];
  answer: string | undefined;
  /** The screen before the attempt (the episode's start), when there is one. */
  before: CapturedObservation | undefined;
  after: CapturedObservation;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

/**
 * Asks a model judge whether a task was completed, from the screens before and after, the actions
 * and their outcomes, the answer and the snapshot change. Throws MODEL_OUTPUT_INVALID when the
 * answer is still invalid after its repair turn.
 */
export async function askJudge(request: JudgeRequest): Promise<JudgeAnswer> {
  const { before, after } = request;
  const content = [
    ...(before && before.screenshotWebp.byteLength > 0 ? [screenshotPart(before)] : []),
    ...(after.screenshotWebp.byteLength > 0 ? [screenshotPart(after)] : []),
    {
      type: 'text' as const,
      text: judgeUser(request.task, request.actions, request.answer, before ? snapshotDiff(before.snapshot, after.snapshot) : ''),
    },
  ];
  return askStructured({
    model: request.model,
    role: 'verifier',
    system: judgeSystem(),
    content,
    schema: JudgeAnswerSchema,
    toolName: 'verdict',
    toolDescription: 'Report whether the task was completed.',
    maxOutputTokens: 600,
    ...(request.recorder ? { recorder: request.recorder } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
}

/** The judge's request about a synthesis attempt: its proposal, actions, answer and the screens around it. */
export function judgeRequestFor(model: LanguageModel, input: VerifyInput): JudgeRequest {
  return {
    model,
    task: input.proposal.description,
    actions: input.attempt.actions,
    answer: input.attempt.answer,
    before: input.observationBefore,
    after: input.attempt.finalObservation,
    ...(input.recorder ? { recorder: input.recorder } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  };
}

export interface JudgeVerifierOptions {
  model: LanguageModel;
  /** Below this confidence a judged success counts as failure (where the judge decides). */
  minConfidence?: number;
}

/**
 * A model judge over the screens before and after and the snapshot change. Where the environment
 * has a state probe the checker still decides and the judge's opinion is stored beside it with
 * whether they agree (so agreement is measured, not assumed); without a probe the judge decides
 * among the attempts the page predicates accept, and never accepts one they reject.
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
    let judged: JudgeAnswer;
    try {
      judged = await askJudge(judgeRequestFor(this.model, input));
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
    // Without a probe the judge decides among the attempts the checker accepts: it may reject one the
    // page predicates pass, never accept one they reject.
    if (!checker.success) {
      return {
        ...checker,
        reason: `${checker.reason} (a judge never overrides the checker; it said ${judged.success ? 'success' : 'failure'})`,
        judge,
      };
    }
    const success = judged.success && judged.confidence >= this.minConfidence;
    return { ...checker, success, method: 'judge', reason: `judge (${judged.confidence.toFixed(2)}): ${judged.reasons.join('; ')}`, judge };
  }
}
