import { describe, expect, it } from 'vitest';
import type { Predicate } from '../../src/core/predicate.js';
import { ProgressTracker } from '../../src/eval/progress-tracker.js';

/** A world of named facts; a predicate `text X` holds when fact X is set, `answer X` when the answer includes X. */
function world() {
  const facts = new Set<string>();
  let evaluations = 0;
  const evaluate = async (predicates: readonly Predicate[], answer: string | undefined) => {
    evaluations += 1;
    return predicates.map((predicate) =>
      predicate.kind === 'answer' ? (answer ?? '').includes(predicate.includes) : predicate.kind === 'text' && facts.has(predicate.text),
    );
  };
  return {
    facts,
    evaluate,
    get evaluations() {
      return evaluations;
    },
  };
}

const fact = (text: string): Predicate => ({ kind: 'text', text, present: true });
const answer = (includes: string): Predicate => ({ kind: 'answer', includes });

describe('ProgressTracker: subtasks completed in order', () => {
  it('credits subtasks in order, several at one step when they hold together, and records when', async () => {
    const w = world();
    const tracker = new ProgressTracker([[fact('a')], [fact('b')], [fact('c'), fact('d')]], w.evaluate);
    w.facts.add('b');
    await tracker.update(1);
    expect(tracker.progress).toBe(0); // b holds, but a (first) does not: not in order
    w.facts.add('a');
    await tracker.update(2);
    expect(tracker.progress).toBe(2);
    w.facts.add('c');
    await tracker.update(3);
    expect(tracker.progress).toBe(2); // c without d is not the third postcondition
    w.facts.add('d');
    await tracker.update(4);
    expect(tracker.progress).toBe(3);
    expect(tracker.milestones).toEqual([2, 2, 4]);
  });

  it('keeps credit for a postcondition that held after some step, even if undone later', async () => {
    const w = world();
    const tracker = new ProgressTracker([[fact('open')], [fact('saved')]], w.evaluate);
    w.facts.add('open');
    await tracker.update(1);
    w.facts.delete('open');
    w.facts.add('saved');
    await tracker.update(2);
    expect(tracker.progress).toBe(2);
  });

  it('credits a read subtask in the middle only against the final answer', async () => {
    const w = world();
    const tracker = new ProgressTracker([[fact('a')], [answer('Jul 19')], [fact('b')]], w.evaluate);
    w.facts.add('a');
    w.facts.add('b');
    await tracker.update(1);
    expect(tracker.progress).toBe(1); // waits at the read subtask: no answer yet
    await tracker.update(2, 'It is due Jun 2');
    expect(tracker.progress).toBe(1);
    await tracker.update(2, 'Due Jul 19, 2026');
    expect(tracker.progress).toBe(3);
  });

  it('scores nothing without subtask postconditions, and all on success', async () => {
    const w = world();
    expect(new ProgressTracker([], w.evaluate).scored).toBe(false);
    const tracker = new ProgressTracker([[fact('x')], [fact('y')]], w.evaluate);
    tracker.creditAll(7);
    expect(tracker.progress).toBe(2);
    expect(tracker.milestones).toEqual([7, 7]);
  });
});
