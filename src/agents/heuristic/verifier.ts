import { describePredicate } from '../../core/predicate.js';
import type { Verdict } from '../../core/task.js';
import { evaluatePredicates } from '../../environments/predicates.js';
import type { Verifier, VerifyInput } from '../roles.js';

/**
 * Ground truth over judgment: a task succeeds only if its postcondition (the conjunction of its
 * predicates) was false before the attempt and is true after it.
 */
export class CheckerVerifier implements Verifier {
  readonly id = 'checker';

  async verify(input: VerifyInput): Promise<Verdict> {
    const after = await evaluatePredicates(input.proposal.predicates, input.after);
    return verdictFrom(input.proposal.predicates.map(describePredicate), input.before, after);
  }
}

export function verdictFrom(descriptions: readonly string[], before: readonly boolean[], after: readonly boolean[]): Verdict {
  const heldBefore = before.length > 0 && before.every(Boolean);
  const holdsAfter = after.length > 0 && after.every(Boolean);
  let reason: string;
  if (heldBefore) reason = 'postcondition already held before the attempt';
  else if (holdsAfter) reason = 'postcondition false before, true after';
  else {
    const failing = descriptions.filter((_, index) => !after[index]);
    reason = `not satisfied after the attempt: ${failing.join('; ')}`;
  }
  return { success: !heldBefore && holdsAfter, before: [...before], after: [...after], reason, method: 'checker' };
}
