import type { Predicate } from '../core/predicate.js';
import { isOneUseAffordance, type Proposal, type Subtask } from '../core/task.js';
import { normalizedEquals } from '../core/text-match.js';

/**
 * The chain's diversity guard, whichever agent proposed: a subtask that would reverse an accepted
 * one (uncheck what it checked, bring back what it removed, write another value over the one it set) or use the same control again (the
 * same toggle, select or row action) is not a step forward in a long task, only a way to make its
 * checker hold at the start. Returns why the proposal is refused, or undefined when it may go on.
 */
export function refusedByGuard(proposal: Proposal, accepted: readonly Subtask[]): string | undefined {
  for (const earlier of accepted) {
    if (proposal.affordance && earlier.affordance === proposal.affordance && isOneUseAffordance(proposal.affordance)) {
      return `it uses the control of ${earlier.id} again (${proposal.affordance})`;
    }
    if (proposal.affordance && earlier.affordance && undoesAction(proposal.affordance, earlier.affordance)) {
      return `it would undo ${earlier.id} (“${earlier.description}”)`;
    }
    for (const predicate of proposal.predicates) {
      const reversed = earlier.predicates.find((previous) => reverses(predicate, previous));
      if (reversed) return `it would undo ${earlier.id} (“${earlier.description}”)`;
    }
  }
  return undefined;
}

/** Whether `next` asks for the opposite of what `previous` established on the same thing. */
export function reverses(next: Predicate, previous: Predicate): boolean {
  if (next.kind === 'element' && previous.kind === 'element') {
    if (next.role !== previous.role || !normalizedEquals(next.name, previous.name) || (next.within ?? '') !== (previous.within ?? ''))
      return false;
    if (next.checked !== undefined && previous.checked !== undefined && next.checked !== previous.checked) return true;
    // Another value in the same field on the same page: the earlier subtask's value is written over.
    if (
      next.value !== undefined &&
      previous.value !== undefined &&
      (next.path ?? '') === (previous.path ?? '') &&
      !normalizedEquals(next.value, previous.value)
    )
      return true;
    return next.present !== previous.present;
  }
  if (next.kind === 'state-value' && previous.kind === 'state-value') {
    return (
      next.present !== previous.present &&
      next.value === previous.value &&
      next.collection === previous.collection &&
      next.field === previous.field
    );
  }
  if (next.kind === 'state-field' && previous.kind === 'state-field') {
    // The same record and field set to another value: a boolean flipped back (done → not done), or a
    // value written over (priority High, then Low), which leaves nothing of the earlier subtask.
    return (
      next.collection === previous.collection &&
      next.field === previous.field &&
      JSON.stringify(next.match) === JSON.stringify(previous.match) &&
      next.equals !== previous.equals
    );
  }
  return false;
}

/**
 * Whether one row action undoes another on the same item by its verb: `item:Unstar “X”` after
 * `item:Star “X”`, `item:Unarchive “X”` after `item:Archive “X”` (and the other way round).
 */
export function undoesAction(next: string, previous: string): boolean {
  const parse = (key: string) => /^item:(un)?(\p{L}+)\b(.*)$/iu.exec(key);
  const a = parse(next);
  const b = parse(previous);
  if (!a || !b) return false;
  return a[2]!.toLowerCase() === b[2]!.toLowerCase() && a[3] === b[3] && Boolean(a[1]) !== Boolean(b[1]);
}
