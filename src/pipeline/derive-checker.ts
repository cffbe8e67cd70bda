import type { Predicate } from '../core/predicate.js';
import type { Subtask } from '../core/task.js';
import { evaluatePredicates, type PredicateContext } from '../environments/predicates.js';

/**
 * The level-k checker is derived, not written, from the chain's net change: the predicates of
 * subtasks 1..k-1 that still hold in the state after subtask k and did not already hold where the
 * chain started (what the task changed, not what was true anyway), plus all predicates of subtask k,
 * plus every value the task asks to report (one answer predicate each, read from the final answer).
 * A predicate that reads another page is read on that page loaded afresh, not dropped; it is not
 * evaluated at the start (it would need that page as it was), and the reset check of the whole
 * checker still applies to it. What a later subtask hid or undid is checked where it happened: a
 * level is `ordered` (core/task), so each subtask's postcondition must have held in order.
 */
export async function deriveChecker(accepted: readonly Subtask[], now: PredicateContext, start?: PredicateContext): Promise<Predicate[]> {
  const last = accepted[accepted.length - 1];
  if (!last) return [];
  const earlierAnswers = accepted.slice(0, -1).flatMap((subtask) => subtask.predicates.filter((predicate) => predicate.kind === 'answer'));
  const earlier = accepted.slice(0, -1).flatMap((subtask) => subtask.predicates.filter((predicate) => predicate.kind !== 'answer'));
  const held = await evaluatePredicates(earlier, { ...now, answer: undefined });
  const localAtStart = start ? earlier.map((predicate) => !readsAnotherPage(predicate)) : [];
  const heldAtStart = start
    ? await evaluatePredicates(
        earlier.filter((_, index) => localAtStart[index]),
        { ...start, answer: undefined },
      )
    : [];
  const changed = (index: number): boolean => {
    if (!start || !localAtStart[index]) return true;
    const position = localAtStart.slice(0, index).filter(Boolean).length;
    return !heldAtStart[position];
  };
  const checker: Predicate[] = [];
  const seen = new Set<string>();
  for (const predicate of [...earlier.filter((_, index) => held[index] && changed(index)), ...earlierAnswers, ...last.predicates]) {
    const key = JSON.stringify(predicate);
    if (seen.has(key)) continue;
    seen.add(key);
    checker.push(predicate);
  }
  return checker;
}

/** Whether a predicate reads a page other than the one the episode is on. */
export function readsAnotherPage(predicate: Predicate): boolean {
  return 'path' in predicate && predicate.path !== undefined;
}
