import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import type { Subtask } from '../../src/core/task.js';
import { HeuristicSummarizer } from '../../src/agents/heuristic/summarizer.js';
import { missingConstants } from '../../src/agents/summary-constants.js';

function subtask(description: string, entities: string[]): Subtask {
  return {
    id: 's',
    origin: 'proposed',
    status: 'accepted',
    description,
    entities,
    predicates: [{ kind: 'url', includes: '/' }],
    interaction: 'form',
    proposedAt: '/',
    steps: { start: 0, end: 1 },
    verdict: { success: true, before: [false], after: [true], reason: '', method: 'checker' },
    usage: {
      calls: 0,
      steps: 0,
      wallMs: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      images: 0,
      costUsd: 0,
    },
  };
}

const chain = [
  subtask('Create a new task “Audit CI cache for v2.4”, with due date “2026-07-02” and priority set to “High”.', [
    'Audit CI cache for v2.4',
    '2026-07-02',
    'High',
  ]),
  subtask('Mark “Audit CI cache for v2.4” (from step 1) done.', ['Audit CI cache for v2.4']),
  subtask('Find the due of “Write docs” and report it as your answer.', ['Write docs']),
  subtask('Open “Apollo 11”.', ['Apollo 11']),
];

describe('heuristic summarizer', () => {
  it('keeps every constant of every level, for many seeds', async () => {
    const summarizer = new HeuristicSummarizer();
    for (let seed = 0; seed < 50; seed += 1) {
      for (let k = 1; k <= chain.length; k += 1) {
        const summary = await summarizer.summarize({ subtasks: chain.slice(0, k), rng: new Rng(seed) });
        expect(missingConstants(summary, chain.slice(0, k))).toEqual([]);
      }
    }
  });

  it('composes levels with connectives and keeps the order of subtasks', async () => {
    const summary = await new HeuristicSummarizer().summarize({ subtasks: chain, rng: new Rng(3) });
    const positions = ['Audit CI cache', 'done', 'Write docs', 'Apollo 11'].map((text) => summary.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary).toMatch(/^(First,|Start by|To begin,)/);
    expect(summary).toMatch(/(Finally,|Lastly,|To finish,) open “Apollo 11”\.$/);
  });

  it('opens a polite request with its verb, not with “doing this: Please”', async () => {
    const polite = [
      subtask('Please favorite “Lemon Garlic Spaghetti”.', ['Lemon Garlic Spaghetti']),
      subtask('Open “dinner”.', ['dinner']),
    ];
    const openers = new Set<string>();
    for (let seed = 0; seed < 30; seed += 1) {
      const summary = await new HeuristicSummarizer().summarize({ subtasks: polite, rng: new Rng(seed) });
      expect(summary).not.toMatch(/doing this/);
      if (summary.startsWith('Start by')) expect(summary).toMatch(/^Start by favoriting “Lemon Garlic Spaghetti”\./);
      openers.add(summary.split(' ')[0]!);
    }
    expect(openers.has('Start')).toBe(true);
  });

  it('level 1 is the subtask itself', async () => {
    expect(await new HeuristicSummarizer().summarize({ subtasks: chain.slice(0, 1), rng: new Rng(1) })).toBe(chain[0]!.description);
  });

  it('missingConstants reports what a summary dropped', () => {
    expect(missingConstants('Create a task and mark it done.', chain.slice(0, 2))).toEqual([
      'Audit CI cache for v2.4',
      '2026-07-02',
      'High',
    ]);
  });
});
