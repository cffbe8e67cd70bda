import { describe, expect, it } from 'vitest';
import { consensusByTask, consensusLabelOf, consensusOptions, latestVerdicts, taskConsensus } from '../../src/core/review-consensus.js';
import { newReviewVerdict, parseReviewTaskId, ReviewVerdictSchema } from '../../src/core/review.js';
import { verdict } from '../support/review-verdicts.js';

describe('ReviewVerdictSchema', () => {
  it('requires a reason exactly when the verdict is invalid', () => {
    const base = {
      schemaVersion: 1,
      taskId: 'r/c0001/L2',
      runId: 'r',
      chainId: 'c0001',
      level: 2,
      reviewer: 'ana',
      at: '2026-01-01T00:00:00.000Z',
    };
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'valid' }).success).toBe(true);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'invalid', reason: 'trivial' }).success).toBe(true);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'invalid' }).success).toBe(false);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'valid', reason: 'trivial' }).success).toBe(false);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'valid', reviewer: ' ' }).success).toBe(false);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'valid', taskId: 'r/c0002/L2' }).success).toBe(false);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'valid', at: 'yesterday' }).success).toBe(false);
    expect(ReviewVerdictSchema.safeParse({ ...base, verdict: 'valid', queue: 'random', taskTextSha256: 'a'.repeat(64) }).success).toBe(
      true,
    );
  });

  it('builds verdicts from a task id and says which field is wrong', () => {
    expect(parseReviewTaskId('seed-7/c0003/L4')).toEqual({ runId: 'seed-7', chainId: 'c0003', level: 4 });
    expect(parseReviewTaskId('seed-7/c0003')).toBeUndefined();
    const made = newReviewVerdict({ taskId: 'seed-7/c0003/L4', reviewer: 'ana', verdict: 'unsure', comment: '  ' });
    expect(made).toMatchObject({ schemaVersion: 1, runId: 'seed-7', chainId: 'c0003', level: 4 });
    expect(made.comment).toBeUndefined();
    expect(() => newReviewVerdict({ taskId: 'seed-7/c0003/L4', reviewer: 'ana', verdict: 'invalid' })).toThrow(/field `reason`/);
    expect(() => newReviewVerdict({ taskId: 'nonsense', reviewer: 'ana', verdict: 'valid' })).toThrow(/field `taskId`/);
  });
});

describe('consensus', () => {
  it("counts a reviewer's latest verdict by time, not by line order", () => {
    const lines = [
      verdict('ana', 'valid', { minute: 5 }),
      verdict('ana', 'invalid', { minute: 1 }),
      verdict('bo', 'invalid', { minute: 2 }),
      verdict('bo', 'valid', { minute: 3 }),
    ];
    const latest = latestVerdicts(lines);
    expect(latest.map((line) => `${line.reviewer}:${line.verdict}`)).toEqual(['ana:valid', 'bo:valid']);
    expect(consensusByTask(lines).get('run/c0001/L1')?.label).toBe('accepted');
  });

  it('labels by majority: strictly more than half of the reviewers', () => {
    expect(taskConsensus([verdict('a', 'valid'), verdict('b', 'valid'), verdict('c', 'invalid')]).label).toBe('accepted');
    expect(taskConsensus([verdict('a', 'valid'), verdict('b', 'invalid')]).label).toBe('disputed');
    expect(taskConsensus([verdict('a', 'valid'), verdict('b', 'invalid'), verdict('c', 'unsure')]).label).toBe('disputed');
    expect(taskConsensus([verdict('a', 'unsure'), verdict('b', 'unsure'), verdict('c', 'valid')]).label).toBe('unsure');
    expect(taskConsensus([verdict('a', 'valid'), verdict('b', 'valid'), verdict('c', 'invalid'), verdict('d', 'invalid')]).label).toBe(
      'disputed',
    );
  });

  it('labels pending below minReviewers and by unanimity under the unanimous rule', () => {
    expect(taskConsensus([verdict('a', 'valid')]).label).toBe('pending');
    expect(taskConsensus([verdict('a', 'valid')], { minReviewers: 1 }).label).toBe('accepted');
    expect(taskConsensus([verdict('a', 'valid'), verdict('b', 'valid')], { minReviewers: 3 }).label).toBe('pending');
    const twoToOne = [verdict('a', 'valid'), verdict('b', 'valid'), verdict('c', 'invalid')];
    expect(taskConsensus(twoToOne, { rule: 'unanimous' }).label).toBe('disputed');
    expect(taskConsensus(twoToOne.slice(0, 2), { rule: 'unanimous' }).label).toBe('accepted');
    expect(consensusLabelOf(consensusByTask(twoToOne), 'run/c0009/L1')).toBe('pending');
  });

  it('gives the reason of a rejection when most invalid verdicts share one', () => {
    const rejected = taskConsensus([
      verdict('a', 'invalid', { reason: 'trivial' }),
      verdict('b', 'invalid', { reason: 'trivial' }),
      verdict('c', 'invalid', { reason: 'unsafe' }),
    ]);
    expect(rejected).toMatchObject({ label: 'rejected', reason: 'trivial', counts: { valid: 0, invalid: 3, unsure: 0 } });
    const split = taskConsensus([verdict('a', 'invalid', { reason: 'trivial' }), verdict('b', 'invalid', { reason: 'unsafe' })]);
    expect(split.label).toBe('rejected');
    expect(split.reason).toBeUndefined();
  });

  it('refuses options that make no sense', () => {
    expect(() => consensusOptions({ minReviewers: 0 })).toThrow(/minReviewers to be an integer >= 1/);
    expect(() => consensusOptions({ minReviewers: 1.5 })).toThrow(/minReviewers/);
  });
});
