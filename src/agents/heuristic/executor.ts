import type { Action, ExecutedAction, Target } from '../../core/action.js';
import { throwIfAborted } from '../../core/errors.js';
import { isWithin, type CapturedObservation, type Element, type Observation } from '../../core/observation.js';
import type { Rng } from '../../core/random.js';
import { normalizedEquals } from '../../core/text-match.js';
import type { Attempt, ExecuteInput, Executor } from '../roles.js';
import { nthOf, parseDescriptor, unquote } from './affordances.js';

const CONFIRM_NAMES = /^(confirm|ok|yes|continue|delete|remove|archive|save|submit)\b/i;
const DISMISS_NAMES = /^(cancel|close|no|not now|dismiss|back|keep|never ?mind|go back)\b/i;

/**
 * Follows the proposal's plan, re-grounding every step on the live page: the intended element is
 * looked up by role and accessible name in the current observation (falling back to the name alone,
 * then the original ref), so the plan survives re-renders. Confirms dialogs the plan opens, and
 * reads answers for information-seeking tasks from the page as it is now.
 */
export interface HeuristicExecutorOptions {
  /**
   * Probability that a planned step slips the way real agents do (a neighbouring option chosen, a
   * typo, the next element of the same kind clicked). Slips give the verifier real failures and the
   * reviser real work; 0 makes the executor exact.
   */
  slipRate?: number;
}

export const DEFAULT_SLIP_RATE = 0.08;

export class HeuristicExecutor implements Executor {
  readonly id = 'heuristic-executor';
  private readonly slipRate: number;

  constructor(options: HeuristicExecutorOptions = {}) {
    this.slipRate = options.slipRate ?? DEFAULT_SLIP_RATE;
  }

  async run(input: ExecuteInput): Promise<Attempt> {
    const { proposal, session, maxSteps, signal } = input;
    let observation = input.observation;
    let steps = 0;
    let slipped = false;
    const actions: ExecutedAction[] = [];
    /** Executes one action, observes the result and records the step. */
    const perform = async (action: Action): Promise<boolean> => {
      const { executed, actionMs } = await session.execute(action, { observation, signal });
      // `done` changes nothing on the page: the observation before it is the one after it.
      const after = action.type === 'done' ? observation : await session.observe({ signal });
      await input.recordStep({ before: observation, executed, actionMs, after });
      actions.push(executed);
      observation = after;
      steps += 1;
      return executed.outcome.ok;
    };
    const act = async (action: Action, planned = false): Promise<boolean> => {
      throwIfAborted(signal);
      // Scroll first, as its own step, when the element is outside the viewport: every recorded
      // action's pixel coordinates then point at the element in its own "before" screenshot.
      const scroll = scrollIntoViewAction(action, observation);
      if (scroll && steps < maxSteps - 2) await perform(scroll);
      const intended = regroundAction(action, observation);
      // At most one slip per attempt, so the reviser sees one clear deviation.
      const grounded = planned && !slipped && input.rng.next() < this.slipRate ? slip(intended, observation, input.rng) : intended;
      if (grounded !== intended) slipped = true;
      return perform(grounded);
    };

    for (const action of proposal.plan ?? []) {
      if (steps >= maxSteps - 1) return { stepCount: steps, actions, finalObservation: observation, stoppedBecause: 'step limit' };
      const ok = await act(action, true);
      if (!ok) {
        return {
          stepCount: steps,
          actions,
          finalObservation: observation,
          stoppedBecause: `step ${steps} failed: ${lastError(observation)}`,
        };
      }
    }
    const confirm = findDialogConfirm(observation);
    if (confirm && steps < maxSteps - 1) {
      // The dialog's button may share its name with the button behind the dialog that opened it.
      await act({
        type: 'click',
        target: { role: 'button', name: confirm.name, ref: confirm.ref, nth: nthOf(observation.elements, confirm) },
      });
    }
    const answer = proposal.answerFrom ? readAnswer(proposal.answerFrom, observation) : undefined;
    await act(answer === undefined ? { type: 'done' } : { type: 'done', answer });
    return { stepCount: steps, actions, finalObservation: observation, ...(answer === undefined ? {} : { answer }) };
  }
}

/** A wheel scroll that brings the action's target element to the middle of the viewport, if it is outside. */
function scrollIntoViewAction(action: Action, observation: Observation): Action | undefined {
  if (!('target' in action) || !action.target || action.type === 'scroll') return undefined;
  const element = findTarget(action.target, observation.elements);
  const box = element?.box;
  if (!box) return undefined;
  const { height } = observation.viewport;
  if (box.y >= 0 && box.y + box.height <= height) return undefined;
  return { type: 'scroll', deltaY: Math.round(box.y + box.height / 2 - height / 2) };
}

/** A plausible mistake on this step, or the step itself when none fits. */
export function slip(action: Action, observation: Observation, rng: Rng): Action {
  switch (action.type) {
    case 'select': {
      const element = findTarget(action.target, observation.elements);
      const others = (element?.options ?? []).filter((option) => option !== action.value && option !== element?.value);
      return others.length ? { ...action, value: rng.pick(others) } : action;
    }
    case 'type': {
      if (action.text.length < 6) return action;
      const at = rng.int(1, action.text.length - 3);
      const text = action.text.slice(0, at) + action.text[at + 1] + action.text[at] + action.text.slice(at + 2);
      return text === action.text ? action : { ...action, text };
    }
    case 'click':
    case 'dblclick': {
      // A double click slips like a click: onto the next element of the same kind (the next cell).
      const element = findTarget(action.target, observation.elements);
      if (!element || element.role === 'link') return action;
      const same = observation.elements.filter(
        (candidate) => candidate.role === element.role && candidate !== element && !candidate.disabled,
      );
      const neighbour =
        same[same.findIndex((candidate) => observation.elements.indexOf(candidate) > observation.elements.indexOf(element))];
      // `nth` keeps a name shared by many (“Add to shopping list” in every card) on this neighbour.
      return neighbour
        ? {
            type: action.type,
            target: { role: neighbour.role, name: neighbour.name, ref: neighbour.ref, nth: nthOf(observation.elements, neighbour) },
          }
        : action;
    }
    default:
      return action;
  }
}

function findTarget(target: Target, elements: readonly Element[]): Element | undefined {
  if (target.ref) {
    const byRef = elements.find((element) => element.ref === target.ref);
    if (byRef) return byRef;
  }
  return elements.find(
    (element) =>
      element.role === target.role &&
      (target.name === undefined && target.within !== undefined ? true : normalizedEquals(element.name, target.name ?? '')) &&
      isWithin(element, target.within),
  );
}

function lastError(observation: CapturedObservation): string {
  return observation.error ?? 'the action did not succeed';
}

/** Points the action's target at the element as it is on the live page now. */
export function regroundAction(action: Action, observation: Observation): Action {
  if (!('target' in action) || !action.target) return action;
  const target = regroundTarget(action.target, observation.elements);
  return { ...action, target } as Action;
}

function regroundTarget(target: Target, elements: readonly Element[]): Target {
  if (!target.name && target.within === undefined) return target;
  // A target told apart by its row is looked for in that row only; `nth` counts there.
  const scope = elements.filter((element) => isWithin(element, target.within));
  // Within a row, a target without a name is any element of its role there (an editor that appears).
  const byRoleName = scope.filter(
    (element) =>
      element.role === target.role &&
      (target.name === undefined ? target.within !== undefined : normalizedEquals(element.name, target.name)),
  );
  const nth = Math.min(target.nth ?? 0, Math.max(0, byRoleName.length - 1));
  const exact = byRoleName[nth];
  if (exact) return { ...target, ref: exact.ref, nth, ...(exact.box ? { point: center(exact) } : {}) };
  if (!target.name) return target;
  const byName = scope.find((element) => normalizedEquals(element.name, target.name!));
  if (byName) return { role: byName.role, name: byName.name, ref: byName.ref, ...(byName.box ? { point: center(byName) } : {}) };
  return target;
}

function center(element: Element): { x: number; y: number } {
  const box = element.box!;
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

function findDialogConfirm(observation: Observation): Element | undefined {
  const inDialog = observation.elements.filter(
    (element) => element.role === 'button' && element.path.some((entry) => parseDescriptor(entry).role === 'dialog'),
  );
  const named = inDialog.find((element) => CONFIRM_NAMES.test(element.name.trim()));
  if (named) return named;
  // A dialog that says what it confirms ("Turn on", "Sign out everywhere"): its one button that
  // neither dismisses it nor is a glyph.
  const affirmative = inDialog.filter((element) => /\p{L}/u.test(element.name) && !DISMISS_NAMES.test(element.name.trim()));
  return affirmative.length === 1 ? affirmative[0] : undefined;
}

function readAnswer(from: Target, observation: Observation): string | undefined {
  const matches = observation.elements.filter((element) => element.role === from.role && normalizedEquals(element.name, from.name ?? ''));
  const element = matches[Math.min(from.nth ?? 0, matches.length - 1)];
  if (!element) return undefined;
  return unquote(element.text || element.name || element.value || '');
}
