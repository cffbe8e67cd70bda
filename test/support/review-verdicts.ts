import { newReviewVerdict, type ReviewReason, type ReviewVerdict } from '../../src/core/review.js';

/** A verdict for unit tests: on task `run/c0001/L1` unless `task` says otherwise, at minute `minute` of 2026-01-01. */
export function verdict(
  reviewer: string,
  kind: ReviewVerdict['verdict'],
  options: { task?: string; reason?: ReviewReason; minute?: number; comment?: string } = {},
): ReviewVerdict {
  return newReviewVerdict({
    taskId: options.task ?? 'run/c0001/L1',
    reviewer,
    verdict: kind,
    ...(kind === 'invalid' ? { reason: options.reason ?? 'unclear' } : {}),
    ...(options.comment ? { comment: options.comment } : {}),
    at: new Date(Date.UTC(2026, 0, 1, 0, options.minute ?? 0)).toISOString(),
  });
}
