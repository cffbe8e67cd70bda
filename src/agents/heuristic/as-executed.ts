import type { Action, ExecutedAction } from '../../core/action.js';
import type { Observation } from '../../core/observation.js';
import { Rng } from '../../core/random.js';
import type { Proposal } from '../../core/task.js';
import type { Persona } from '../personas.js';
import { findAffordances, type Affordance } from './affordances.js';
import { regroundAction } from './executor.js';
import { proposalFromAffordance } from './propose-from-affordance.js';

/** Steps an executor adds around a plan: a scroll to bring an element into view, a wait, the final `done`. */
const AROUND_PLAN: ReadonlySet<Action['type']> = new Set(['scroll', 'wait', 'done']);

export interface AsExecutedInput {
  proposal: Proposal;
  actions: readonly ExecutedAction[];
  /** The page the attempt started on: where the element it really clicked is looked up. */
  observationBefore: Observation;
  persona: Persona;
  hasStateProbe: boolean;
}

/**
 * The task an attempt carried out when it strayed from its plan the way agents slip, as a person
 * relabels it: a click that landed on the neighbouring control becomes the task for that control
 * (“Tick the checkbox next to “Cedar Soy Candle”” when the plan was the row above), and text typed or
 * an option chosen other than planned replaces the planned one (“Add “Buy mlik””). Only attempts that
 * went through every planned step, each step succeeding, are relabeled; the result is checked like
 * any revision (false before, true after), so a stray click that did nothing yields no task. Needs no
 * state probe: it is what a site the tool has never seen gets when a slip happens.
 */
export function taskAsExecuted(input: AsExecutedInput): Proposal | undefined {
  const plan = input.proposal.plan ?? [];
  const done = input.actions.filter((executed) => !AROUND_PLAN.has(executed.action.type));
  if (plan.length === 0 || done.length < plan.length || !done.slice(0, plan.length).every((executed) => executed.outcome.ok))
    return undefined;
  const strayed = plan.findIndex((step, index) => clickedElsewhere(step, done[index]!, index === 0 ? input.observationBefore : undefined));
  let base = input.proposal;
  if (strayed > 0) return undefined;
  if (strayed === 0) {
    const rebuilt = taskForClicked(input, done[0]!, plan);
    if (!rebuilt) return undefined;
    base = rebuilt;
  }
  let revised = base;
  (base.plan ?? []).forEach((step, index) => {
    const executed = done[index]!.action;
    const planned = step.type === 'type' ? step.text : step.type === 'select' ? step.value : undefined;
    const actual = executed.type === 'type' ? executed.text : executed.type === 'select' ? executed.value : undefined;
    if (planned !== undefined && actual !== undefined && planned !== actual) revised = replaced(revised, planned, actual) ?? revised;
  });
  if (revised === input.proposal) return undefined;
  return { ...revised, plan: [] };
}

/**
 * Whether a planned click or double-click reached another element than the one planned. On the
 * first step the planned target is grounded in the page the attempt started on and compared by ref;
 * on later steps (no observation of the page then) by role and name.
 */
function clickedElsewhere(step: Action, executed: ExecutedAction, observation: Observation | undefined): boolean {
  if ((step.type !== 'click' && step.type !== 'dblclick') || executed.action.type !== step.type) return false;
  if (observation) {
    const intended = regroundAction(step, observation);
    const ref = executed.element?.ref ?? (executed.action.type === step.type ? executed.action.target.ref : undefined);
    const intendedRef = intended.type === step.type ? intended.target.ref : undefined;
    return ref !== undefined && intendedRef !== undefined && ref !== intendedRef;
  }
  const reached = executed.element ?? executed.action.target;
  return (
    (reached.role !== undefined && reached.role !== step.target.role) ||
    (step.target.name !== undefined && reached.name !== undefined && reached.name !== step.target.name)
  );
}

/**
 * The task the control actually clicked would have been proposed as, when its plan has the same
 * steps as the one carried out (a cell edited in place instead of its neighbour: double-click, type,
 * Enter); the text typed into it is substituted afterwards. A control no task can be written for
 * (a decorative button) gives none.
 */
function taskForClicked(input: AsExecutedInput, first: ExecutedAction, plan: readonly Action[]): Proposal | undefined {
  const ref =
    first.element?.ref ?? (first.action.type === 'click' || first.action.type === 'dblclick' ? first.action.target.ref : undefined);
  if (ref === undefined) return undefined;
  const onElement = findAffordances(input.observationBefore).filter(
    (affordance): affordance is Extract<Affordance, { element: unknown }> => 'element' in affordance && affordance.element.ref === ref,
  );
  for (const affordance of onElement) {
    if (affordance.key === input.proposal.affordance) continue;
    const rebuilt = proposalFromAffordance({
      affordance,
      observation: input.observationBefore,
      persona: input.persona,
      // Its own generator: relabeling must not shift the chain's.
      rng: new Rng(0),
      hasStateProbe: input.hasStateProbe,
      chainEntities: [],
    });
    const steps = rebuilt?.plan ?? [];
    if (rebuilt && steps.length === plan.length && steps.every((step, index) => step.type === plan[index]!.type)) return rebuilt;
  }
  return undefined;
}

/**
 * The proposal with `planned` replaced by `actual` wherever it names it (description, entities,
 * predicates, where an answer is read); undefined when the description does not name it, since the
 * task would then not say what was done.
 */
function replaced(proposal: Proposal, planned: string, actual: string): Proposal | undefined {
  if (planned.trim().length < 2 || !proposal.description.includes(planned)) return undefined;
  const swap = (value: unknown): unknown => {
    if (typeof value === 'string') return value.split(planned).join(actual);
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, swap(inner)]));
    return value;
  };
  return {
    ...proposal,
    description: proposal.description.split(planned).join(actual),
    entities: swap(proposal.entities) as string[],
    predicates: swap(proposal.predicates) as Proposal['predicates'],
    ...(proposal.answerFrom ? { answerFrom: swap(proposal.answerFrom) as Proposal['answerFrom'] } : {}),
  };
}
