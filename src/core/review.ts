import { z } from 'zod';
import { TrajsynthError } from './errors.js';

/** Version of a line of trajectories/<run>/reviews.jsonl. */
export const REVIEW_SCHEMA_VERSION = 1;

/** What a person said about a level-k task. */
export const ReviewVerdictKindSchema = z.enum(['valid', 'invalid', 'unsure']);
export type ReviewVerdictKind = z.infer<typeof ReviewVerdictKindSchema>;

/** Why a task is invalid: the text is unclear, it cannot be done, its checker is wrong, it is trivial, or unsafe. */
export const ReviewReasonSchema = z.enum(['unclear', 'unsolvable', 'wrong-checker', 'trivial', 'unsafe']);
export type ReviewReason = z.infer<typeof ReviewReasonSchema>;

/** Which stream of the review queue served the task: the most uncertain one, or a uniformly random one. */
export const ReviewQueueStreamSchema = z.enum(['uncertain', 'random']);
export type ReviewQueueStream = z.infer<typeof ReviewQueueStreamSchema>;

const TASK_ID = /^([^/]+)\/([^/]+)\/L([1-9]\d*)$/;

/**
 * One line of trajectories/<run>/reviews.jsonl: one reviewer's verdict on one level-k task at one
 * time. The file is append-only; a reviewer's latest line on a task is the one that counts.
 */
export const ReviewVerdictSchema = z
  .object({
    schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
    /** `<run>/<chain>/L<k>`, the exporter's sample id of the task. */
    taskId: z.string().regex(TASK_ID, 'Expected a task id such as "run/c0001/L2"'),
    runId: z.string().min(1),
    chainId: z.string().min(1),
    level: z.number().int().positive(),
    /** Who judged: a non-empty name without surrounding spaces. */
    reviewer: z.string().regex(/^\S(?:.*\S)?$/, 'Expected a non-empty reviewer name without surrounding spaces'),
    verdict: ReviewVerdictKindSchema,
    /** Required when the verdict is invalid, absent otherwise. */
    reason: ReviewReasonSchema.optional(),
    comment: z.string().optional(),
    /** When the verdict was given (ISO 8601). */
    at: z.iso.datetime({ offset: true }),
    queue: ReviewQueueStreamSchema.optional(),
    /** sha256 (hex) of the task text the reviewer saw, to notice a task that changed since. */
    taskTextSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'Expected 64 lowercase hex digits')
      .optional(),
  })
  .superRefine((verdict, context) => {
    if (verdict.verdict === 'invalid' && verdict.reason === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `Expected a reason (${ReviewReasonSchema.options.join(', ')}) for an invalid verdict, got none`,
      });
    }
    if (verdict.verdict !== 'invalid' && verdict.reason !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `Expected no reason for a ${verdict.verdict} verdict, got "${verdict.reason}"`,
      });
    }
    const expected = reviewTaskId(verdict.runId, verdict.chainId, verdict.level);
    if (verdict.taskId !== expected) {
      context.addIssue({
        code: 'custom',
        path: ['taskId'],
        message: `Expected taskId "${expected}" (runId/chainId/L<level>), got "${verdict.taskId}"`,
      });
    }
  });
export type ReviewVerdict = z.infer<typeof ReviewVerdictSchema>;

/** `<run>/<chain>/L<k>`: the id of a level-k task, as the exporter names its sample. */
export function reviewTaskId(runId: string, chainId: string, level: number): string {
  return `${runId}/${chainId}/L${level}`;
}

/** The parts of a task id, or undefined when it is not `<run>/<chain>/L<k>`. */
export function parseReviewTaskId(taskId: string): { runId: string; chainId: string; level: number } | undefined {
  const match = TASK_ID.exec(taskId);
  return match ? { runId: match[1]!, chainId: match[2]!, level: Number(match[3]) } : undefined;
}

/** What a caller (the review page) gives to record a verdict; the rest is derived. */
export interface NewReviewVerdict {
  taskId: string;
  reviewer: string;
  verdict: ReviewVerdictKind;
  reason?: ReviewReason;
  comment?: string;
  /** Defaults to now. */
  at?: string;
  queue?: ReviewQueueStream;
  taskTextSha256?: string;
}

/**
 * Builds a verdict line from what a reviewer gave, validated by the schema: run, chain and level
 * come from the task id, `at` defaults to now. Bad input throws a BAD_INPUT error naming the field.
 */
export function newReviewVerdict(input: NewReviewVerdict): ReviewVerdict {
  const parts = parseReviewTaskId(input.taskId);
  const result = ReviewVerdictSchema.safeParse({
    schemaVersion: REVIEW_SCHEMA_VERSION,
    taskId: input.taskId,
    runId: parts?.runId ?? '',
    chainId: parts?.chainId ?? '',
    level: parts?.level ?? 0,
    reviewer: input.reviewer,
    verdict: input.verdict,
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.comment !== undefined && input.comment.trim() !== '' ? { comment: input.comment } : {}),
    at: input.at ?? new Date().toISOString(),
    ...(input.queue !== undefined ? { queue: input.queue } : {}),
    ...(input.taskTextSha256 !== undefined ? { taskTextSha256: input.taskTextSha256 } : {}),
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : '(root)';
  throw new TrajsynthError(`Expected a valid review verdict, field \`${field}\`: ${issue?.message ?? 'invalid'}`, {
    code: 'BAD_INPUT',
    hint: 'Give a task id such as "run/c0001/L2", a reviewer name, a verdict (valid, invalid, unsure) and, for invalid, a reason.',
  });
}

/** A verdict's identity across copies of a reviews file: reviewer, task and time. */
export function reviewVerdictKey(verdict: Pick<ReviewVerdict, 'reviewer' | 'taskId' | 'at'>): string {
  return `${verdict.reviewer}\u0000${verdict.taskId}\u0000${verdict.at}`;
}
