import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type ChainRecord } from '../../src/core/chain.js';
import type { ReviewVerdict } from '../../src/core/review.js';
import type { Subtask } from '../../src/core/task.js';
import { emptyUsage } from '../../src/core/usage.js';
import {
  nextReviewTasks,
  remainingReviewTasks,
  uncertaintyScore,
  UNCERTAINTY_WEIGHTS,
  type QueueCandidate,
} from '../../src/view/review-queue.js';
import { machineViews, reviewTasksOf, taskTextSha256 } from '../../src/view/review-tasks.js';
import { verdict } from '../support/review-verdicts.js';

const id = (n: number) => `run/c${String(n).padStart(4, '0')}/L1`;

/** n tasks with uncertainties spread over [0, 1) in a scrambled order, and a few ties. */
function candidates(n: number): QueueCandidate[] {
  return Array.from({ length: n }, (_, index) => ({ taskId: id(index + 1), uncertainty: ((index * 37) % 100) / 100 }));
}

describe('review queue', () => {
  it('serves about uncertainShare of ~1000 picks from the uncertain stream', () => {
    const picks = nextReviewTasks(candidates(1200), { reviewer: 'ana', verdicts: [], seed: 42, count: 1000 });
    expect(picks).toHaveLength(1000);
    expect(new Set(picks.map((pick) => pick.task.taskId)).size).toBe(1000);
    const share = picks.filter((pick) => pick.queue === 'uncertain').length / picks.length;
    expect(share).toBeGreaterThanOrEqual(0.65);
    expect(share).toBeLessThanOrEqual(0.75);
  });

  it('keeps the mix when asked one task at a time after each verdict', () => {
    const tasks = candidates(1200);
    const verdicts: ReviewVerdict[] = [];
    let uncertain = 0;
    for (let round = 0; round < 1000; round += 1) {
      const [pick] = nextReviewTasks(tasks, { reviewer: 'ana', verdicts, seed: 7, consensus: { minReviewers: 2 } });
      if (pick!.queue === 'uncertain') uncertain += 1;
      verdicts.push(verdict('ana', 'valid', { task: pick!.task.taskId, minute: round }));
    }
    expect(uncertain / 1000).toBeGreaterThanOrEqual(0.65);
    expect(uncertain / 1000).toBeLessThanOrEqual(0.75);
  });

  it('takes the most uncertain remaining task, ties by task id', () => {
    const tasks = [
      { taskId: 'run/c0003/L1', uncertainty: 0.9 },
      { taskId: 'run/c0002/L1', uncertainty: 0.9 },
      { taskId: 'run/c0001/L1', uncertainty: 0.1 },
    ];
    const picks = nextReviewTasks(tasks, { reviewer: 'ana', verdicts: [], seed: 1, uncertainShare: 1, count: 3 });
    expect(picks.map((pick) => [pick.task.taskId, pick.queue])).toEqual([
      ['run/c0002/L1', 'uncertain'],
      ['run/c0003/L1', 'uncertain'],
      ['run/c0001/L1', 'uncertain'],
    ]);
    expect(
      nextReviewTasks(tasks, { reviewer: 'ana', verdicts: [], seed: 1, uncertainShare: 0, count: 3 }).every(
        (pick) => pick.queue === 'random',
      ),
    ).toBe(true);
  });

  it('skips tasks the reviewer judged and tasks with a consensus, but keeps disputed and pending ones', () => {
    const tasks = candidates(5);
    const verdicts = [
      verdict('ana', 'unsure', { task: id(1) }), // ana judged it
      verdict('bo', 'valid', { task: id(2) }),
      verdict('cy', 'valid', { task: id(2) }), // accepted
      verdict('bo', 'valid', { task: id(3) }),
      verdict('cy', 'invalid', { task: id(3) }), // disputed
      verdict('bo', 'invalid', { task: id(4) }), // pending: one reviewer
    ];
    const left = remainingReviewTasks(tasks, { reviewer: 'ana', verdicts })
      .map((task) => task.taskId)
      .sort();
    expect(left).toEqual([id(3), id(4), id(5)]);
    const picks = nextReviewTasks(tasks, { reviewer: 'ana', verdicts, seed: 3, count: 10 });
    expect(picks.map((pick) => pick.task.taskId).sort()).toEqual([id(3), id(4), id(5)]);
    // With one reviewer enough, bo's lone invalid settles task 4.
    expect(
      remainingReviewTasks(tasks, { reviewer: 'ana', verdicts, consensus: { minReviewers: 1 } })
        .map((task) => task.taskId)
        .sort(),
    ).toEqual([id(3), id(5)]);
    expect(nextReviewTasks(tasks.slice(0, 2), { reviewer: 'ana', verdicts, seed: 3 })).toEqual([]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const tasks = candidates(300);
    const options = { reviewer: 'ana', verdicts: [verdict('bo', 'valid', { task: id(9) })], seed: 5, count: 50 };
    const first = nextReviewTasks(tasks, options);
    expect(nextReviewTasks([...tasks].reverse(), options)).toEqual(first);
    const other = nextReviewTasks(tasks, { ...options, seed: 6 });
    expect(other.map((pick) => pick.task.taskId)).not.toEqual(first.map((pick) => pick.task.taskId));
  });

  it('refuses a share outside [0, 1] and a count below 1', () => {
    expect(() => nextReviewTasks([], { reviewer: 'a', verdicts: [], seed: 1, uncertainShare: 1.5 })).toThrow(/uncertainShare/);
    expect(() => nextReviewTasks([], { reviewer: 'a', verdicts: [], seed: 1, count: 0 })).toThrow(/count/);
  });
});

describe('uncertainty and review tasks', () => {
  it('combines the signals with weights that sum to 1', () => {
    expect(Object.values(UNCERTAINTY_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    expect(
      uncertaintyScore({ judgeDisagrees: false, minJudgeConfidence: undefined, revisedSubtasks: 0, replayFailed: undefined, level: 1 }),
    ).toBe(0);
    expect(uncertaintyScore({ judgeDisagrees: true, minJudgeConfidence: 0, revisedSubtasks: 6, replayFailed: true, level: 6 })).toBeCloseTo(
      1,
      12,
    );
    // Level 3 with a revised subtask and a judge 0.8 sure: 0.2·0.2 + 0.15·(1/3) + 0.1·(2/5) = 0.04 + 0.05 + 0.04.
    expect(
      uncertaintyScore({ judgeDisagrees: false, minJudgeConfidence: 0.8, revisedSubtasks: 1, replayFailed: false, level: 3 }),
    ).toBeCloseTo(0.13, 12);
  });

  it('derives signals and views from chain records and replay', () => {
    const subtask = (
      n: number,
      options: { revised?: boolean; judge?: { success: boolean; confidence: number; agrees?: boolean } } = {},
    ): Subtask => ({
      id: `c0001-s0${n}`,
      description: `Subtask ${n}.`,
      predicates: [{ kind: 'url', includes: `/${n}` }],
      interaction: 'navigate',
      entities: [],
      proposedAt: '/',
      origin: options.revised ? 'revised' : 'proposed',
      status: 'accepted',
      level: n,
      steps: { start: n - 1, end: n },
      verdict: {
        success: true,
        before: [false],
        after: [true],
        reason: 'checker',
        method: 'checker',
        ...(options.judge
          ? {
              judge: {
                success: options.judge.success,
                confidence: options.judge.confidence,
                reasons: [],
                model: 'm',
                ...(options.judge.agrees !== undefined ? { agreesWithChecker: options.judge.agrees } : {}),
              },
            }
          : {}),
      },
      usage: emptyUsage(),
    });
    const subtasks = [
      subtask(1, { judge: { success: true, confidence: 0.9, agrees: true } }),
      subtask(2, { revised: true, judge: { success: false, confidence: 0.6, agrees: false } }),
    ];
    const level = (k: number) => ({
      level: k,
      task: `Task ${k}`,
      checker: [],
      subtaskIds: subtasks.slice(0, k).map((item) => item.id),
      gold: { start: 0, end: k },
      entities: [],
    });
    const chain: ChainRecord = {
      schemaVersion: SCHEMA_VERSION,
      chainId: 'c0001',
      index: 0,
      environment: 'shop',
      envSeed: 1,
      agentSeed: 2,
      persona: 'p',
      status: 'complete',
      subtasks,
      levels: [level(1), level(2)],
      stepCount: 2,
      usage: emptyUsage(),
    };
    const running: ChainRecord = { ...chain, chainId: 'c0002', status: 'running' };
    const replay = {
      tasks: [{ chainId: 'c0001', level: 2, environment: 'shop', valid: false, checkerAtStart: [], checkerAtEnd: [], steps: 2, notes: [] }],
    } as never;
    const tasks = reviewTasksOf('run', [running, chain], replay);
    expect(tasks.map((task) => task.taskId)).toEqual(['run/c0001/L1', 'run/c0001/L2']);
    const [one, two] = tasks;
    expect(one!.signals).toEqual({ judgeDisagrees: false, minJudgeConfidence: 0.9, revisedSubtasks: 0, replayFailed: undefined, level: 1 });
    expect(one).toMatchObject({ checkerView: 'valid', judgeView: 'valid', textSha256: taskTextSha256('Task 1') });
    expect(two!.signals).toEqual({ judgeDisagrees: true, minJudgeConfidence: 0.6, revisedSubtasks: 1, replayFailed: true, level: 2 });
    expect(two).toMatchObject({ checkerView: 'invalid', judgeView: 'invalid' });
    expect(two!.uncertainty).toBeGreaterThan(one!.uncertainty);
    const views = machineViews(tasks);
    expect(views.checkerViews.get('run/c0001/L2')).toBe('invalid');
    expect(views.judgeViews.size).toBe(2);
  });
});
