import { describe, expect, it } from 'vitest';
import type { ReviewReason, ReviewVerdict } from '../../src/core/review.js';
import { cohenKappa, fleissKappa, pairwiseAgreement, reviewAgreement, type MachineView } from '../../src/view/agreement.js';
import { verdict } from '../support/review-verdicts.js';

const task = (n: number) => `run/c${String(n).padStart(4, '0')}/L1`;

/**
 * Fleiss (1971), as on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories.
 * Column totals 20, 28, 39, 21, 32 of 140: p_j = .143 .200 .279 .150 .229, P̄e = 4170/19600 = 0.2128.
 * Σ_i (Σ_j n_ij² − 14) = 182+46+56+80+60+84+44+32+52+52 = 688, P̄ = 688/(10·14·13) = 0.3780.
 * κ = (0.3780 − 0.2128)/(1 − 0.2128) = 0.2099 ≈ 0.210.
 */
const FLEISS_1971 = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe('Fleiss kappa', () => {
  it('gives the textbook value on Fleiss (1971)', () => {
    const result = fleissKappa(FLEISS_1971);
    expect(result.observed).toBeCloseTo(688 / 1820, 10);
    expect(result.expected).toBeCloseTo(4170 / 19600, 10);
    expect(result.kappa).toBeCloseTo(0.2099, 4);
    expect(result.kappa!.toFixed(3)).toBe('0.210');
    expect(result.tasks).toBe(10);
  });

  it('gives the same from 14 reviewers’ verdicts, on fine and on coarse categories', () => {
    // Columns as fine categories: valid, invalid:unclear, invalid:unsolvable, invalid:wrong-checker, unsure.
    const columns: Array<{ kind: ReviewVerdict['verdict']; reason?: ReviewReason }> = [
      { kind: 'valid' },
      { kind: 'invalid', reason: 'unclear' },
      { kind: 'invalid', reason: 'unsolvable' },
      { kind: 'invalid', reason: 'wrong-checker' },
      { kind: 'unsure' },
    ];
    const verdicts: ReviewVerdict[] = [];
    FLEISS_1971.forEach((row, subject) => {
      let rater = 0;
      row.forEach((count, column) => {
        for (let index = 0; index < count; index += 1) {
          rater += 1;
          const { kind, reason } = columns[column]!;
          verdicts.push(verdict(`r${String(rater).padStart(2, '0')}`, kind, { task: task(subject + 1), ...(reason ? { reason } : {}) }));
        }
      });
    });
    const stats = reviewAgreement({ verdicts });
    expect(stats.fine.kappa).toMatchObject({ method: 'fleiss', tasks: 10 });
    expect(stats.fine.kappa!.reviewers).toHaveLength(14);
    expect(stats.fine.kappa!.kappa).toBeCloseTo(0.2099, 4);
    expect(stats.fine.percentAgreement.value).toBeCloseTo(688 / 1820, 10);
    // Coarse (columns 2–4 are all invalid): rows (valid, invalid, unsure) 0/0/14, 0/12/2, 0/8/6, 0/14/0,
    // 2/11/1, 7/7/0, 3/11/0, 2/10/2, 6/8/0, 0/7/7. Totals 20/88/32: P̄e = (400+7744+1024)/19600 = 0.46776.
    // Σ(Σn² − 14) = 182+134+86+182+112+84+116+94+86+84 = 1160, P̄ = 1160/1820 = 0.63736.
    // κ = (0.63736 − 0.46776)/(1 − 0.46776) = 0.31866.
    expect(stats.coarse.kappa!.kappa).toBeCloseTo(0.31866, 5);
    expect(stats.coarse.percentAgreement.value).toBeCloseTo(1160 / 1820, 12);
  });

  it('computes on tasks judged by every reviewer and says how many', () => {
    // Three reviewers; task 3 has only two of them. On tasks 1–2: rows (valid, invalid, unsure) 3/0/0 and 2/1/0.
    // P_1 = (9−3)/6 = 1, P_2 = (4+1−3)/6 = 1/3, P̄ = 2/3; p = 5/6, 1/6: P̄e = 26/36; κ = (24/36 − 26/36)/(10/36) = −0.2.
    const verdicts = [
      verdict('a', 'valid', { task: task(1) }),
      verdict('b', 'valid', { task: task(1) }),
      verdict('c', 'valid', { task: task(1) }),
      verdict('a', 'valid', { task: task(2) }),
      verdict('b', 'valid', { task: task(2) }),
      verdict('c', 'invalid', { task: task(2) }),
      verdict('a', 'valid', { task: task(3) }),
      verdict('b', 'unsure', { task: task(3) }),
    ];
    const stats = reviewAgreement({ verdicts });
    expect(stats.coarse.kappa).toMatchObject({ method: 'fleiss', tasks: 2 });
    expect(stats.coarse.kappa!.kappa).toBeCloseTo(-0.2, 10);
    // Percent agreement over all three tasks with >= 2 reviewers: (1 + 1/3 + 0) / 3.
    expect(stats.coarse.percentAgreement.value).toBeCloseTo(4 / 9, 10);
    expect(stats.coarse.percentAgreement.tasks).toBe(3);
  });
});

describe('Cohen kappa and agreement with consensus, checkers and judge', () => {
  // Two reviewers on t1–t10 (t11 only A). Coarse contingency (rows A, columns B; valid, invalid, unsure):
  //   valid   4 1 0      A marginals 5 3 2, B marginals 5 4 1, N = 10
  //   invalid 1 2 0      p_o = (4+2+1)/10 = 0.7
  //   unsure  0 1 1      p_e = (5·5 + 3·4 + 2·1)/100 = 0.39, κ = (0.7 − 0.39)/(1 − 0.39) = 0.31/0.61 = 0.508197
  // Fine: t8 is invalid:unclear for A but invalid:trivial for B, so p_o = 0.6; A: valid 5, unclear 3, unsure 2;
  //   B: valid 5, unclear 3, trivial 1, unsure 1; p_e = (25 + 9 + 2)/100 = 0.36; κ = 0.24/0.64 = 0.375.
  const A: Array<[number, ReviewVerdict['verdict'], ReviewReason?]> = [
    [1, 'valid'],
    [2, 'valid'],
    [3, 'valid'],
    [4, 'valid'],
    [5, 'valid'],
    [6, 'invalid', 'unclear'],
    [7, 'invalid', 'unclear'],
    [8, 'invalid', 'unclear'],
    [9, 'unsure'],
    [10, 'unsure'],
    [11, 'valid'],
  ];
  const B: Array<[number, ReviewVerdict['verdict'], ReviewReason?]> = [
    [1, 'valid'],
    [2, 'valid'],
    [3, 'valid'],
    [4, 'valid'],
    [5, 'invalid', 'unclear'],
    [6, 'valid'],
    [7, 'invalid', 'unclear'],
    [8, 'invalid', 'trivial'],
    [9, 'invalid', 'unclear'],
    [10, 'unsure'],
  ];
  const of = (name: string, list: typeof A) =>
    list.map(([n, kind, reason]) => verdict(name, kind, { task: task(n), ...(reason ? { reason } : {}) }));
  // An older line of B's on t1 that no longer counts.
  const verdicts = [verdict('B', 'invalid', { task: task(1), minute: -5 }), ...of('A', A), ...of('B', B)];
  const checkerViews = new Map<string, MachineView>(
    Array.from({ length: 11 }, (_, index) => [task(index + 1), index + 1 === 8 || index + 1 === 9 ? 'invalid' : 'valid']),
  );
  const judgeViews = new Map<string, MachineView>([
    [task(1), 'valid'],
    [task(7), 'valid'],
    [task(8), 'invalid'],
    [task(5), 'invalid'],
  ]);

  it('gives the hand-computed kappas and percent agreement', () => {
    const stats = reviewAgreement({ verdicts, checkerViews, judgeViews });
    expect(stats.coarse.kappa).toMatchObject({ method: 'cohen', tasks: 10, reviewers: ['A', 'B'] });
    expect(stats.coarse.kappa!.observed).toBeCloseTo(0.7, 10);
    expect(stats.coarse.kappa!.expected).toBeCloseTo(0.39, 10);
    expect(stats.coarse.kappa!.kappa).toBeCloseTo(0.31 / 0.61, 10);
    expect(stats.fine.kappa!.kappa).toBeCloseTo(0.375, 10);
    expect(stats.coarse.percentAgreement).toEqual({ value: 0.7, tasks: 10 });
    expect(stats.tasks).toBe(11);
    expect(stats.reviewers.map((reviewer) => [reviewer.reviewer, reviewer.tasks, reviewer.counts])).toEqual([
      ['A', 11, { valid: 6, invalid: 3, unsure: 2 }],
      ['B', 10, { valid: 5, invalid: 4, unsure: 1 }],
    ]);
  });

  it('measures each reviewer against the consensus and the checkers, and the judge', () => {
    const stats = reviewAgreement({ verdicts, checkerViews, judgeViews });
    // Settled: t1–t4 accepted, t7–t8 rejected, t10 unsure; t5, t6, t9 disputed; t11 pending (one reviewer).
    const [a, b] = stats.reviewers;
    expect(a!.withConsensus).toEqual({ agreed: 7, total: 7, rate: 1 });
    expect(b!.withConsensus).toEqual({ agreed: 7, total: 7, rate: 1 });
    // A, unsure left out: t1–t5 valid = checker (5), t6, t7 invalid ≠ valid, t8 invalid = invalid, t11 valid = valid: 7/9.
    expect(a!.withCheckers).toEqual({ agreed: 7, total: 9, rate: 7 / 9 });
    // B: t1–t4 (4), t5 no, t6 yes, t7 no, t8 yes, t9 yes; t10 unsure left out: 7/9.
    expect(b!.withCheckers).toEqual({ agreed: 7, total: 9, rate: 7 / 9 });
    // Consensus valid/invalid on t1–t4 (checker valid: 4 agree), t7 (rejected vs valid), t8 (rejected vs invalid): 5/6.
    expect(stats.consensusWithCheckers).toEqual({ agreed: 5, total: 6, rate: 5 / 6 });
    // Judge: t1 agrees, t7 valid vs rejected, t8 agrees; t5 is disputed. Against checkers: t1, t7, t8 agree, t5 not.
    expect(stats.judge).toEqual({ withConsensus: { agreed: 2, total: 3, rate: 2 / 3 }, withCheckers: { agreed: 3, total: 4, rate: 0.75 } });
  });

  it('leaves out a task where the reviewer is the only vote', () => {
    const stats = reviewAgreement({ verdicts, consensus: { minReviewers: 1 } });
    // t11 is now accepted on A's vote alone: still 7 of 7 for A.
    expect(stats.reviewers[0]!.withConsensus.total).toBe(7);
    expect(stats.judge).toBeUndefined();
  });
});

describe('undefined statistics', () => {
  it('are undefined, never 0 or NaN', () => {
    expect(cohenKappa([])).toEqual({ kappa: undefined, observed: undefined, expected: undefined, tasks: 0 });
    // Both always say valid: p_e = 1, so κ is 0/0.
    expect(
      cohenKappa([
        ['valid', 'valid'],
        ['valid', 'valid'],
      ]).kappa,
    ).toBeUndefined();
    expect(fleissKappa([]).kappa).toBeUndefined();
    expect(
      fleissKappa([
        [3, 0, 0],
        [3, 0, 0],
      ]).kappa,
    ).toBeUndefined();
    expect(pairwiseAgreement([['valid']])).toEqual({ value: undefined, tasks: 0 });
    const one = reviewAgreement({ verdicts: [verdict('a', 'valid')] });
    expect(one.coarse.kappa).toBeUndefined();
    expect(one.reviewers[0]!.withConsensus.rate).toBeUndefined();
    const disjoint = reviewAgreement({ verdicts: [verdict('a', 'valid', { task: task(1) }), verdict('b', 'valid', { task: task(2) })] });
    expect(disjoint.coarse.kappa).toMatchObject({ method: 'cohen', tasks: 0, kappa: undefined });
    expect(disjoint.coarse.percentAgreement.value).toBeUndefined();
  });
});
