import { describe, expect, it } from 'vitest';
import type { EpisodeRecord, EvalTask } from '../../src/core/eval.js';
import { compareSets, separation } from '../../src/eval/compare-sets.js';
import { weightedOrder } from '../../src/environments/environment-source.js';

function task(chainId: string, level: number, kinds: Array<'form' | 'toggle'>): EvalTask {
  return {
    source: 'set',
    chainId,
    level,
    environment: 'app',
    envSeed: 1,
    startPath: '/',
    text: 't',
    checker: [],
    subtaskChecks: [],
    gold: { start: 0, end: 1 },
    subtasks: kinds.slice(0, level).map((interaction) => ({ interaction, steps: { start: 0, end: 1 } })),
  };
}

const episode = (evalTask: EvalTask, success: boolean): EpisodeRecord => ({ task: evalTask, status: 'finished', success }) as EpisodeRecord;

describe('compare-sets', () => {
  it('counts weak-kind subtasks over the level-k tasks, tasks in the band, and the spread across tasks', () => {
    const tasks = [task('c1', 1, ['form']), task('c1', 2, ['form', 'toggle']), task('c2', 1, ['toggle'])];
    const episodes = [
      ...[true, false].map((success) => episode(tasks[0]!, success)), // 0.5: in the band
      ...[true, true].map((success) => episode(tasks[1]!, success)), // 1.0
      ...[false, false].map((success) => episode(tasks[2]!, success)), // 0.0
      { task: tasks[2]!, status: 'error' } as EpisodeRecord, // an error counts for nothing
    ];
    const comparison = compareSets([{ label: 'u', source: 'set', tasks, runs: [{ agent: 'a', evalRun: 'e', episodes }] }], {
      weakKinds: ['form'],
    });
    const [set] = comparison.sets;
    expect(set!.subtasks).toBe(4);
    expect(set!.weakSubtasks).toBe(2);
    expect(set!.weakShare).toBe(0.5);
    const [agent] = set!.agents;
    expect(agent!.episodes).toBe(6);
    expect(agent!.success).toBe(0.5);
    expect(agent!.tasks).toBe(3);
    expect(agent!.tasksInBand).toBe(1);
    expect(agent!.spread).toBeCloseTo(Math.sqrt(((0.5 - 0.5) ** 2 + 0.25 + 0.25) / 3), 10);
    expect(agent!.byLevel.map((level) => [level.level, level.successes, level.episodes])).toEqual([
      [1, 1, 4],
      [2, 2, 2],
    ]);
    expect(set!.separation).toBeUndefined();
  });

  it('measures separation as the mean difference over its chain-clustered bootstrap error, and the tasks for 2 SE', () => {
    // Twenty chains of one task: a always succeeds, b succeeds on every other chain.
    const tasks = Array.from({ length: 20 }, (_, index) => task(`c${index}`, 1, ['form']));
    const a = { agent: 'a', evalRun: 'ea', episodes: tasks.map((evalTask) => episode(evalTask, true)) };
    const b = { agent: 'b', evalRun: 'eb', episodes: tasks.map((evalTask, index) => episode(evalTask, index % 2 === 0)) };
    const result = separation(a, b, { resamples: 4000, seed: 1 });
    expect(result.difference).toBeCloseTo(0.5, 10);
    // The differences are 0 or 1, half each: the standard error of their mean is 0.5/√20.
    expect(result.standardError).toBeGreaterThan(0.1);
    expect(result.standardError).toBeLessThan(0.125);
    expect(result.separation).toBeCloseTo(0.5 / result.standardError, 10);
    expect(result.tasksForTwoSe).toBe(Math.ceil(20 * (2 / result.separation) ** 2));
    // Identical agents are never separated.
    expect(separation(a, { ...a, agent: 'a2' }, { resamples: 100, seed: 1 }).tasksForTwoSe).toBeUndefined();
  });
});

describe('weighted chain allocation over apps', () => {
  it('gives each app its share of turns, spread out, the same every time', () => {
    const order = weightedOrder([3, 1, 1]);
    const turns = Array.from({ length: 50 }, (_, index) => order(index));
    expect(turns.filter((app) => app === 0)).toHaveLength(30);
    expect(turns.filter((app) => app === 1)).toHaveLength(10);
    expect(turns.slice(0, 5).sort()).toEqual([0, 0, 0, 1, 2]);
    expect(Array.from({ length: 50 }, (_, index) => weightedOrder([3, 1, 1])(index))).toEqual(turns);
    // Equal weights: plain round-robin.
    expect(Array.from({ length: 6 }, (_, index) => weightedOrder([1, 1, 1])(index))).toEqual([0, 1, 2, 0, 1, 2]);
  });
});
