import type { Action, Target } from '../core/action.js';
import type { MutantKind } from '../core/audit.js';
import type { ChainRecord } from '../core/chain.js';
import { isWithin, rowContext, type Observation } from '../core/observation.js';
import { readableText } from '../core/page-text.js';
import type { Step } from '../core/step.js';
import type { Level, Subtask } from '../core/task.js';
import { normalizedEquals, normalizedIncludes } from '../core/text-match.js';

/**
 * Near-misses of a chain's gold trajectory, as edits of its steps (core/audit lists the kinds). A
 * mutant changes one subtask; every stored level that includes that subtask is judged on it, in one
 * replay of the whole edited chain. A change that needs the live page (another option of the same
 * select, the same action on a sibling row) is made at replay time, on the page the gold step saw.
 */
export interface MutantPlan {
  kind: Exclude<MutantKind, 'wrong-answer'>;
  /** The mutated subtask's position among the chain's accepted subtasks (1-based). */
  subtask: number;
  /** What the mutant does, in words; a change made at replay time completes it. */
  mutation: string;
  /** Gold steps (indices in steps.jsonl) left out. */
  drop: ReadonlySet<number>;
  /** A gold step done differently: the action as re-grounded on the live page in, the mutated action out (undefined: not applicable there). */
  change?: { step: number; apply: (action: Action, observation: Observation) => { action: Action; detail: string } | undefined };
}

/**
 * The candidate submit steps of a chain (the last acting step of each form or search subtask) whose
 * recorded page before and after are the same: the URL and what the page shows. `snapshotOf` reads
 * a step's recorded snapshot file.
 */
export async function noOpSubmitSteps(
  record: Pick<ChainRecord, 'subtasks'>,
  steps: readonly Step[],
  snapshotOf: (reference: string) => Promise<string | undefined>,
): Promise<Set<number>> {
  const noOps = new Set<number>();
  for (const subtask of acceptedSubtasks(record)) {
    if (!['form', 'search'].includes(subtask.interaction)) continue;
    const last = actingSteps(steps, subtask).at(-1);
    if (!last) continue;
    const [before, after] = await Promise.all([snapshotOf(last.before.snapshot), snapshotOf(last.after.snapshot)]);
    if (before === undefined || after === undefined) continue;
    if (last.before.url === last.after.url && readableText(before) === readableText(after)) noOps.add(last.index);
  }
  return noOps;
}

/** The chain's accepted subtasks in order (level k chains the first k). */
export function acceptedSubtasks(record: Pick<ChainRecord, 'subtasks'>): Subtask[] {
  return record.subtasks.filter((subtask) => subtask.status === 'accepted').sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
}

/** The steps of a subtask that act (its `done` is no action). */
function actingSteps(steps: readonly Step[], subtask: Subtask): Step[] {
  return steps.filter(
    (step) => step.index >= subtask.steps.start && step.index < subtask.steps.end && step.executed.action.type !== 'done',
  );
}

/** Every mutant of the chain's subtasks from `fromSubtask` on (1-based), of the kinds asked for. */
export function planMutants(
  record: Pick<ChainRecord, 'subtasks'>,
  steps: readonly Step[],
  kinds: ReadonlySet<MutantKind>,
  options: {
    fromSubtask?: number;
    /** Steps that changed nothing on the page (an Enter in a box that filters as one types): no submit to leave out. */
    noOpSteps?: ReadonlySet<number>;
  } = {},
): MutantPlan[] {
  const fromSubtask = options.fromSubtask ?? 1;
  const plans: MutantPlan[] = [];
  acceptedSubtasks(record).forEach((subtask, index) => {
    const position = index + 1;
    if (position < fromSubtask) return;
    const acting = actingSteps(steps, subtask);
    if (acting.length === 0) return;
    if (kinds.has('drop-subtask')) {
      plans.push({
        kind: 'drop-subtask',
        subtask: position,
        mutation: `leave out subtask ${position}`,
        drop: new Set(acting.map((step) => step.index)),
      });
    }
    const submit = submitStep(subtask, acting, options.noOpSteps);
    if (kinds.has('no-submit') && submit) {
      plans.push({
        kind: 'no-submit',
        subtask: position,
        mutation: `fill in subtask ${position}'s form but leave out its submit (${describeAction(submit.executed.action)})`,
        drop: new Set([submit.index]),
      });
    }
    if (kinds.has('change-value')) plans.push(...valueMutants(subtask, position, acting));
    if (kinds.has('wrong-row')) plans.push(...rowMutants(subtask, position, acting));
  });
  return plans;
}

/**
 * A form's submit: its last step, a click or Enter, after a field was filled in the same subtask, and
 * one that changed something (an Enter in a box that filters as one types submits nothing).
 */
function submitStep(subtask: Subtask, acting: readonly Step[], noOpSteps: ReadonlySet<number> | undefined): Step | undefined {
  const last = acting[acting.length - 1];
  if (!last || acting.length < 2 || noOpSteps?.has(last.index)) return undefined;
  const action = last.executed.action;
  const submits = action.type === 'click' || (action.type === 'press' && action.key === 'Enter');
  const filled = acting.slice(0, -1).some((step) => step.executed.action.type === 'type' || step.executed.action.type === 'select');
  return submits && filled && ['form', 'search'].includes(subtask.interaction) ? last : undefined;
}

const TOGGLE_ROLES = new Set(['checkbox', 'switch']);

/**
 * Each value the task states, changed: a typed text edited, another option picked, a box in a form
 * left as it was. A value the steps entered that the task does not state (a sort order picked on the
 * way) is no near-miss: any value would do.
 */
function valueMutants(subtask: Subtask, position: number, acting: readonly Step[]): MutantPlan[] {
  const plans: MutantPlan[] = [];
  const stated = (value: string) => subtask.entities.some((entity) => normalizedEquals(entity.toLowerCase(), value.toLowerCase()));
  for (const step of acting) {
    const action = step.executed.action;
    if (action.type === 'type' && action.text.trim() !== '' && stated(action.text)) {
      const edited = editedText(action.text);
      plans.push({
        kind: 'change-value',
        subtask: position,
        mutation: `type “${edited}” instead of “${action.text}”${fieldName(action.target)}`,
        drop: new Set(),
        change: {
          step: step.index,
          apply: (live) => (live.type === 'type' ? { action: { ...live, text: edited }, detail: '' } : undefined),
        },
      });
    } else if (action.type === 'select' && stated(action.value)) {
      plans.push({
        kind: 'change-value',
        subtask: position,
        mutation: `pick another option than “${action.value}”${fieldName(action.target)}`,
        drop: new Set(),
        change: {
          step: step.index,
          apply: (live, observation) => {
            if (live.type !== 'select') return undefined;
            const other = otherOption(live.target, live.value, observation);
            return other === undefined ? undefined : { action: { ...live, value: other }, detail: `: “${other}”` };
          },
        },
      });
    } else if (
      action.type === 'click' &&
      TOGGLE_ROLES.has(action.target.role ?? '') &&
      acting.length > 1 &&
      action.target.name !== undefined &&
      normalizedIncludes(subtask.description, action.target.name)
    ) {
      // A box ticked as part of a form ("notify me"): left as it was. A subtask that is only the
      // click is the drop-subtask mutant already.
      plans.push({
        kind: 'change-value',
        subtask: position,
        mutation: `leave the ${action.target.role}${fieldName(action.target)} as it was`,
        drop: new Set([step.index]),
      });
    }
  }
  return plans;
}

/** The same row action on a sibling row: the same control in another row, or the same verb on another item. */
function rowMutants(subtask: Subtask, position: number, acting: readonly Step[]): MutantPlan[] {
  if (!['item-action', 'toggle', 'form'].includes(subtask.interaction)) return [];
  const plans: MutantPlan[] = [];
  const item = subtask.entities[0];
  for (const step of acting) {
    const action = step.executed.action;
    if (action.type !== 'click' && action.type !== 'dblclick') continue;
    const target = action.target;
    const byRow = target.within !== undefined;
    const byName =
      !byRow &&
      item !== undefined &&
      target.name !== undefined &&
      normalizedIncludes(target.name, item) &&
      !normalizedEquals(target.name, item);
    if (!byRow && !byName) continue;
    plans.push({
      kind: 'wrong-row',
      subtask: position,
      mutation: `${action.type} ${describeTarget(target)} on a sibling row instead`,
      drop: new Set(),
      change: {
        step: step.index,
        apply: (live, observation) => {
          if ((live.type !== 'click' && live.type !== 'dblclick') || !('target' in live)) return undefined;
          const sibling = byRow ? siblingInRow(live.target, observation) : siblingByName(live.target, item!, observation);
          return sibling ? { action: { ...live, target: sibling.target }, detail: `: ${sibling.detail}` } : undefined;
        },
      },
    });
    break;
  }
  return plans;
}

/** The same control (role and name) in the first other row that has one. */
function siblingInRow(target: Target, observation: Observation): { target: Target; detail: string } | undefined {
  const within = target.within!;
  for (const element of observation.elements) {
    if (element.role !== target.role || (target.name !== undefined && !normalizedEquals(element.name, target.name))) continue;
    const row = rowContext(element);
    if (row === undefined || isWithin(element, within)) continue;
    const label = row.replace(/…$/, '').trim();
    if (label === '' || normalizedIncludes(label, within) || normalizedIncludes(within, label)) continue;
    return {
      target: { role: element.role, ...(target.name !== undefined ? { name: element.name } : {}), within: label },
      detail: `the row “${label}”`,
    };
  }
  return undefined;
}

/** A control named for another item the same way (`Archive “X”` → `Archive “Y”`). */
function siblingByName(target: Target, item: string, observation: Observation): { target: Target; detail: string } | undefined {
  const name = target.name!;
  const at = name.toLowerCase().indexOf(item.toLowerCase());
  if (at < 0) return undefined;
  const [prefix, suffix] = [name.slice(0, at), name.slice(at + item.length)];
  const other = observation.elements.find(
    (element) =>
      element.role === target.role &&
      !normalizedEquals(element.name, name) &&
      element.name.startsWith(prefix) &&
      element.name.endsWith(suffix) &&
      element.name.length > prefix.length + suffix.length &&
      !element.disabled,
  );
  return other ? { target: { role: other.role, name: other.name }, detail: `“${other.name}”` } : undefined;
}

/** Another option of the same select: the one after the gold's (wrapping), never a blank or a prompt. */
function otherOption(target: Target, value: string, observation: Observation): string | undefined {
  const element =
    observation.elements.find((candidate) => candidate.ref !== undefined && candidate.ref === target.ref) ??
    observation.elements.find((candidate) => candidate.role === target.role && candidate.name === target.name);
  const options = (element?.options ?? []).filter((option) => option.trim() !== '' && !/^(select|choose|pick|--|—)/i.test(option.trim()));
  const at = options.findIndex((option) => normalizedEquals(option, value));
  const others = [...options.slice(at + 1), ...options.slice(0, Math.max(at, 0))].filter((option) => !normalizedEquals(option, value));
  return others[0];
}

/**
 * Another valid value of the same shape: the last letter or digit of the value changed (before the
 * "@" of an email), so "2026-06-24" becomes "2026-06-25", "45" "46", "Buy milk" "Buy milj". Never a
 * string that contains the original (a check by inclusion would not tell them apart).
 */
export function editedText(text: string): string {
  const at = text.indexOf('@');
  const end = at > 0 ? at : text.length;
  for (let index = end - 1; index >= 0; index -= 1) {
    const char = text[index]!;
    let next: string | undefined;
    if (/[0-8]/.test(char)) next = String(Number(char) + 1);
    else if (char === '9') next = '8';
    else if (/[a-yA-Y]/.test(char)) next = String.fromCharCode(char.charCodeAt(0) + 1);
    else if (/[zZ]/.test(char)) next = char === 'z' ? 'y' : 'Y';
    if (next !== undefined) return text.slice(0, index) + next + text.slice(index + 1);
  }
  return `${text}x`;
}

/** The values a level-k task asks to report, in order: the answers of its read subtasks. */
export function levelAnswerValues(record: Pick<ChainRecord, 'subtasks'>, level: Pick<Level, 'subtaskIds'>): string[] {
  return level.subtaskIds
    .map((id) => record.subtasks.find((subtask) => subtask.id === id))
    .filter((subtask): subtask is Subtask => subtask !== undefined && subtask.predicates.some((predicate) => predicate.kind === 'answer'))
    .map((subtask) => subtask.answer ?? '')
    .filter((answer) => answer.trim() !== '');
}

/** A list of reported values as one answer. */
export function joinAnswers(values: readonly string[]): string {
  return values.join('; ');
}

/** Wrong answers for a task that asks to report `values`: each value left out, and each answered wrong. */
export function wrongAnswers(values: readonly string[]): Array<{ answer: string | undefined; mutation: string; value: number }> {
  const wrong: Array<{ answer: string | undefined; mutation: string; value: number }> = [];
  values.forEach((value, index) => {
    const without = values.filter((_, other) => other !== index);
    wrong.push({ answer: without.length ? joinAnswers(without) : undefined, mutation: `leave “${value}” out of the answer`, value: index });
    const edited = editedText(value);
    wrong.push({
      answer: joinAnswers(values.map((other, position) => (position === index ? edited : other))),
      mutation: `answer “${edited}” instead of “${value}”`,
      value: index,
    });
  });
  return wrong;
}

function fieldName(target: Target | undefined): string {
  return target?.name ? ` in “${target.name}”` : '';
}

function describeTarget(target: Target): string {
  return `${target.role ?? 'element'}${target.name ? ` “${target.name}”` : ''}${target.within !== undefined ? ` in the row “${target.within}”` : ''}`;
}

function describeAction(action: Action): string {
  if (action.type === 'press') return `press ${action.key}`;
  return 'target' in action && action.target ? `${action.type} ${describeTarget(action.target)}` : action.type;
}
