import type { Predicate } from '../core/predicate.js';
import type { Subtask } from '../core/task.js';
import { evaluatePredicates, type PredicateContext } from '../environments/predicates.js';

/**
 * The level-k checker is derived, not written: the predicates of subtasks 1..k-1 that still hold in
 * the state after subtask k, plus all predicates of subtask k. Answers to earlier subtasks cannot be
 * checked at the end of a longer task, so earlier answer predicates are left out.
 */
export async function deriveChecker(accepted: readonly Subtask[], now: PredicateContext): Promise<Predicate[]> {
  const last = accepted[accepted.length - 1];
  if (!last) return [];
  const earlier = accepted.slice(0, -1).flatMap((subtask) => subtask.predicates.filter((predicate) => predicate.kind !== 'answer'));
  const held = await evaluatePredicates(earlier, { ...now, answer: undefined });
  const checker: Predicate[] = [];
  const seen = new Set<string>();
  for (const predicate of [...earlier.filter((_, index) => held[index]), ...last.predicates]) {
    const key = JSON.stringify(predicate);
    if (seen.has(key)) continue;
    seen.add(key);
    checker.push(predicate);
  }
  return checker;
}
