import type { ExecutedAction } from '../core/action.js';
import type { PageView } from '../core/observation.js';
import { describePredicate, type Predicate } from '../core/predicate.js';
import type { Proposal } from '../core/task.js';
import { evaluatePredicates } from '../environments/predicates.js';
import { readsAnotherPage } from './derive-checker.js';
import { strengthenChecks, type Moment } from './strengthen-checks.js';

export interface SoundnessInput {
  proposal: Proposal;
  /** The state and page before the attempt, and after it. */
  before: Moment;
  after: Moment;
  /** After each acting step of the attempt, in order (its final `done` is no step here). */
  moments: readonly Moment[];
  actions: readonly ExecutedAction[];
  /** The chain's seeded reset on its start page: where every level-k task starts. */
  atStart: Moment;
  /** Evaluates predicates at the reset where they read other pages (a second server at the reset). */
  checkAtReset?: ((predicates: Predicate[]) => Promise<boolean[]>) | undefined;
  readFresh?: (path: string) => Promise<PageView | undefined>;
}

export type SoundnessResult = { predicates: Predicate[]; added: Predicate[] } | { refused: string };

/**
 * A verified subtask's postcondition made sound before the subtask is accepted:
 * - strengthened to check every value its text states, on what the work produced (strengthen-checks);
 * - not already true before its last step, when that step changed something: a form that is checked
 *   once its fields are filled passes unsubmitted, a deletion checked while its dialog is open passes
 *   unconfirmed (typing is not doing);
 * - not already true at the chain's seeded reset, where every level-k task starts: an agent that did
 *   nothing would satisfy it there.
 * Refused otherwise, with the reason.
 */
export async function soundPostcondition(input: SoundnessInput): Promise<SoundnessResult> {
  const strengthened = await strengthenChecks({
    proposal: input.proposal,
    before: input.before,
    after: input.after,
    actions: input.actions,
    ...(input.readFresh ? { readFresh: input.readFresh } : {}),
  });
  if ('refused' in strengthened) return strengthened;
  const { predicates } = strengthened;
  const { moments } = input;
  const acting = input.actions.filter((executed) => executed.action.type !== 'done');
  if (moments.length >= 2 && acting.length === moments.length) {
    const last = moments.length - 1;
    const lastChanged = changedBetween(moments[last - 1]!, moments[last]!);
    for (let index = 0; index < last && lastChanged; index += 1) {
      if (await holdsAt(predicates, moments[index]!)) {
        return {
          refused: `its check already held after step ${index + 1} of ${moments.length}, before its last step (${describeAction(acting[last]!)}): it does not tell whether that step was done`,
        };
      }
    }
  }
  if (await holdsAtReset(predicates, input.atStart, input.checkAtReset)) {
    return {
      refused: `its check already holds at the seeded reset, where every level-k task starts: ${predicates.map(describePredicate).join(' AND ')}`,
    };
  }
  return strengthened;
}

/** Whether every predicate holds at a recorded moment (a predicate that needs another page does not). */
async function holdsAt(predicates: readonly Predicate[], moment: Moment): Promise<boolean> {
  if (predicates.some((predicate) => predicate.kind === 'answer')) return false;
  const values = await evaluatePredicates(predicates, { state: moment.state, page: moment.page });
  return values.length > 0 && values.every(Boolean);
}

async function holdsAtReset(predicates: Predicate[], atStart: Moment, checkAtReset: SoundnessInput['checkAtReset']): Promise<boolean> {
  if (predicates.length === 0 || predicates.some((predicate) => predicate.kind === 'answer')) return false;
  const local = predicates.filter((predicate) => !readsAnotherPage(predicate));
  const values = await evaluatePredicates(local, { state: atStart.state, page: atStart.page });
  if (values.some((value) => !value)) return false;
  if (local.length === predicates.length) return true;
  if (!checkAtReset) return false;
  const all = await checkAtReset(predicates);
  return all.length > 0 && all.every(Boolean);
}

/** Whether a step changed the state or the page (its URL or what it shows). */
function changedBetween(before: Moment, after: Moment): boolean {
  return (
    before.page.url !== after.page.url ||
    before.page.text !== after.page.text ||
    JSON.stringify(before.state ?? null) !== JSON.stringify(after.state ?? null)
  );
}

function describeAction(executed: ExecutedAction): string {
  const { action } = executed;
  if (action.type === 'press') return `press ${action.key}`;
  if (!('target' in action) || !action.target) return action.type;
  const name = executed.element?.name ?? action.target.name;
  return `${action.type} ${executed.element?.role ?? action.target.role ?? ''}${name ? ` “${name}”` : ''}`.replace(/\s+/g, ' ').trim();
}
