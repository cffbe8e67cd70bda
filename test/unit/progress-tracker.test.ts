import { describe, expect, it } from 'vitest';
import type { Predicate } from '../../src/core/predicate.js';
import { decideLevel, ProgressTracker } from '../../src/eval/progress-tracker.js';

/** A world of named facts; a predicate `text X` holds when fact X is set. Answers are read by the tracker itself. */
function world() {
  const facts = new Set<string>();
  let evaluations = 0;
  const holdsNow = async (predicates: readonly Predicate[]) => {
    evaluations += 1;
    expect(predicates.some((predicate) => predicate.kind === 'answer')).toBe(false);
    return predicates.every((predicate) => predicate.kind === 'text' && facts.has(predicate.text));
  };
  return {
    facts,
    holdsNow,
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
    const tracker = new ProgressTracker([[fact('a')], [fact('b')], [fact('c'), fact('d')]], w.holdsNow);
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
    const tracker = new ProgressTracker([[fact('open')], [fact('saved')]], w.holdsNow);
    w.facts.add('open');
    await tracker.update(1);
    w.facts.delete('open');
    w.facts.add('saved');
    await tracker.update(2);
    expect(tracker.progress).toBe(2);
  });

  it('lets a read in the middle wait for the final answer without holding up the subtasks after it', async () => {
    const w = world();
    const tracker = new ProgressTracker([[fact('a')], [answer('Jul 19')], [fact('b')]], w.holdsNow);
    w.facts.add('a');
    await tracker.update(1);
    // A transient third subtask: it held after step 2 only.
    w.facts.add('b');
    await tracker.update(2);
    w.facts.delete('b');
    expect(tracker.progress).toBe(3);
    // The answer decides the read: without its value, progress ends before it.
    expect(tracker.progressWith('It is due Jun 2')).toBe(1);
    expect(tracker.progressWith('13 Jul 19th')).toBe(1);
    expect(tracker.progressWith(undefined)).toBe(1);
    await tracker.finish(3, 'Due Jul 19, 2026');
    expect(tracker.progress).toBe(3);
    expect(tracker.milestones).toEqual([1, 1, 2]);
  });

  it('ends progress at the first read whose value the final answer lacks', async () => {
    const w = world();
    const tracker = new ProgressTracker([[answer('42')], [fact('a')], [answer('Low')]], w.holdsNow);
    w.facts.add('a');
    await tracker.finish(1, 'Low; 142');
    expect(tracker.progress).toBe(0);
    expect(tracker.milestones).toEqual([]);
  });

  it('scores nothing without subtask postconditions, and all on success', async () => {
    const w = world();
    expect(new ProgressTracker([], w.holdsNow).scored).toBe(false);
    const tracker = new ProgressTracker([[fact('x')], [fact('y')]], w.holdsNow);
    tracker.creditAll(7);
    expect(tracker.progress).toBe(2);
    expect(tracker.milestones).toEqual([7, 7]);
  });
});

describe("decideLevel: the checker at the end, and an ordered level's subtasks in order", () => {
  const level = { checker: [fact('saved')], subtaskChecks: [[fact('searched')], [fact('saved')]] };
  it('fails an ordered level whose checker holds but whose earlier subtask never did', () => {
    expect(decideLevel({ ...level, ordered: true }, [true], 1)).toEqual({
      success: false,
      reason: 'subtask 2 was never completed in order (text "saved")',
    });
    expect(decideLevel({ ...level, ordered: true }, [true], 2)).toEqual({ success: true });
  });

  it('decides a level stored before ordering by its checker alone', () => {
    expect(decideLevel(level, [true], 0)).toEqual({ success: true });
    expect(decideLevel(level, [false], 2)).toEqual({ success: false, reason: 'at the end, unmet: text "saved"' });
  });
});
