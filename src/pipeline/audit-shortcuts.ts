import type { EnvironmentState } from '../core/environment.js';
import { snapshotShows } from '../core/page-text.js';
import { isStatePredicate, type Predicate } from '../core/predicate.js';
import type { Step } from '../core/step.js';
import type { Level, Subtask } from '../core/task.js';
import { diffStates } from '../agents/heuristic/state-diff.js';
import { urlHolds } from '../environments/predicates.js';
import type { LevelEnd } from './chain-audit.js';
import type { MutantPlan } from './mutants.js';

/**
 * Where synthesis's audit need not replay a near-miss to its end: one sure to stop at its first step,
 * and one whose every later level is sure to fail once a level failed for want of the subtask it left
 * out. Each is read from the recorded chain (its steps, pages and the state at each level's end).
 */

/**
 * Whether a replay that leaves out a subtask, started on the page the subtask began on, would stop at
 * once: the first step after it that names an element (after steps that leave the page as it is,
 * such as a scroll) names one that page does not show. Read from the recorded page, without a replay.
 */
export async function stuckAtOnce(
  plan: MutantPlan,
  from: number,
  steps: readonly Step[],
  stepFile: (reference: string) => Promise<string | undefined>,
): Promise<number | undefined> {
  const startPage = steps.find((step) => step.index === from)?.before.snapshot;
  if (startPage === undefined) return undefined;
  for (const step of steps) {
    if (step.index < from || plan.drop.has(step.index)) continue;
    const { action } = step.executed;
    if (action.type === 'scroll' || action.type === 'wait' || action.type === 'done') continue;
    if (!('target' in action) || !action.target || !step.executed.outcome.ok) return undefined;
    const { target } = action;
    if (!target.role || (target.name === undefined && target.within === undefined)) return undefined;
    const snapshot = await stepFile(startPage);
    const shown = snapshot === undefined || snapshotShows(snapshot, { role: target.role, name: target.name, within: target.within });
    return shown ? undefined : step.index;
  }
  return undefined;
}

/**
 * When a replay that left out subtask j (or its form's submit) can stop, once a level failed because
 * subtask j was never completed: every later level is sure to fail the same way when what j would
 * have done cannot come back.
 * - For a postcondition the app's state decides (probe predicates, pages read at their own path):
 *   the state differs from the gold's there only in records j changed, and no later subtask of the
 *   gold changes any of them.
 * - For one with an address (a filter applied, a page visited): the replay has caught up with the
 *   gold (the same state and page there), so it goes on exactly as the gold did, and no later step of
 *   the gold is at an address that postcondition accepts.
 */
export function decidedEarly(
  plan: MutantPlan,
  subtasks: readonly Subtask[],
  levels: readonly Level[],
  steps: readonly Step[],
  ends: ReadonlyMap<number, LevelEnd>,
): ((level: number, state: EnvironmentState | undefined, progress: number, product: string) => string | undefined) | undefined {
  if (plan.kind !== 'drop-subtask' && plan.kind !== 'no-submit') return undefined;
  const j = plan.subtask;
  const lastLevel = Math.max(...levels.map((level) => level.level));
  const postcondition = subtasks[j - 1]?.predicates ?? [];
  if (postcondition.length === 0) return undefined;
  const stateDecides = (predicate: Predicate) =>
    isStatePredicate(predicate) || ((predicate.kind === 'element' || predicate.kind === 'text') && predicate.path !== undefined);
  const reason = `subtask ${j} was never completed in order, and nothing after it could complete it`;
  if (postcondition.every(stateDecides)) {
    const before = ends.get(j - 1)?.state;
    const after = ends.get(j)?.state;
    const changedByJ = before && after ? recordKeys(before, after) : new Set<string>();
    if (changedByJ.size === 0) return undefined;
    return (level, state, progress) => {
      const gold = ends.get(level)?.state;
      if (progress >= j || !state || !gold) return undefined;
      if (![...recordKeys(state, gold)].every((key) => changedByJ.has(key))) return undefined;
      for (let later = level + 1; later <= lastLevel; later += 1) {
        const from = ends.get(later - 1)?.state;
        const to = ends.get(later)?.state;
        if (!from || !to || [...recordKeys(from, to)].some((key) => changedByJ.has(key))) return undefined;
      }
      return reason;
    };
  }
  const addresses = postcondition.filter((predicate): predicate is Extract<Predicate, { kind: 'url' }> => predicate.kind === 'url');
  if (addresses.length === 0) return undefined;
  const accepts = (url: string) => {
    try {
      return addresses.every((predicate) => urlHolds(predicate, url));
    } catch {
      return false;
    }
  };
  return (level, _state, progress, product) => {
    if (progress >= j || product !== ends.get(level)?.product) return undefined;
    const end = levels.find((candidate) => candidate.level === level)?.gold.end;
    if (end === undefined || steps.some((step) => step.index >= end && accepts(step.executed.urlAfter))) return undefined;
    return reason;
  };
}

/** The records that differ between two states, as collection and id. */
function recordKeys(before: EnvironmentState, after: EnvironmentState): Set<string> {
  return new Set(
    diffStates(before, after).map((change) => `${change.collection}|${String(change.record.id ?? JSON.stringify(change.record))}`),
  );
}
