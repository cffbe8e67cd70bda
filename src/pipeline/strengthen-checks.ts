import type { ExecutedAction } from '../core/action.js';
import type { EnvironmentState } from '../core/environment.js';
import { isWithin, type PageView } from '../core/observation.js';
import type { Predicate, Scalar } from '../core/predicate.js';
import type { Proposal } from '../core/task.js';
import { normalizedIncludes } from '../core/text-match.js';
import { diffStates, labelField, type RecordChange } from '../agents/heuristic/state-diff.js';
import {
  isScalar,
  matchesValue,
  pathOption,
  recordKey,
  rowEvidence,
  sameText,
  savedFieldEvidence,
  stateEvidence,
  textEvidence,
  urlEvidence,
} from './value-evidence.js';

/** The state and page at one moment of a chain (after a step). */
export interface Moment {
  state: EnvironmentState | undefined;
  page: PageView;
}

export interface StrengthenInput {
  proposal: Pick<Proposal, 'interaction' | 'predicates' | 'entities' | 'plan'>;
  before: Moment;
  after: Moment;
  /** What the attempt did, in order: the values it typed and picked are the ones to check. */
  actions: readonly ExecutedAction[];
  /** Loads a path afresh in the episode's browser context (what a reload shows), for saved settings. */
  readFresh?: (path: string) => Promise<PageView | undefined>;
}

export type StrengthenResult = { predicates: Predicate[]; added: Predicate[] } | { refused: string };

/** Roles whose value is what was typed or picked: a predicate on it holds before anything is submitted. */
const EDITABLE_ROLES = new Set(['textbox', 'searchbox', 'spinbutton', 'combobox']);

/**
 * Makes a subtask's postcondition check what its text states, on what the work produced. A form's
 * every stated value (each one typed or picked) must be found in the result: a field of the record
 * the submission created or changed (through the probe: `tasks[title=X].priorityLabel = "High"`), else
 * on the page outside any field (the URL's query, the new row showing it, new text), else the subtask
 * is refused: its text would state a value nothing checks. A row action is tied to the record it
 * changed or removed, where a probe shows one. Predicates added here hold after the attempt by
 * construction and did not before.
 */
export async function strengthenChecks(input: StrengthenInput): Promise<StrengthenResult> {
  const pinned = {
    ...input,
    proposal: { ...input.proposal, predicates: input.proposal.predicates.map((predicate) => pinToPage(predicate, input.after.page.url)) },
  };
  if (input.proposal.interaction === 'form') return strengthenForm(pinned);
  if (input.proposal.interaction === 'item-action') return strengthenRowAction(pinned);
  if (input.proposal.interaction === 'search') return searchedPage(pinned);
  return { predicates: pinned.proposal.predicates, added: [] };
}

/**
 * A search that opened a page of results is checked there too by its address: its results, read on
 * that page loaded afresh, would show without the search ever being run.
 */
function searchedPage(input: StrengthenInput): StrengthenResult {
  const predicates = [...input.proposal.predicates];
  const before = pathOption(input.before.page.url).path;
  const after = pathOption(input.after.page.url).path;
  if (after === undefined || before === after || predicates.some((predicate) => predicate.kind === 'url')) return { predicates, added: [] };
  const visited: Predicate = { kind: 'url', includes: after, exact: true };
  return { predicates: [...predicates, visited], added: [visited] };
}

/**
 * A page predicate that names no page is read where the attempt verified it (with its client-side
 * route): read on whatever page an agent is on, "no “Overnight Oats”" holds on any page that lists no
 * recipes, and "“Avocado Toast” shown" on a shopping list that names it.
 */
function pinToPage(predicate: Predicate, url: string): Predicate {
  if ((predicate.kind !== 'text' && predicate.kind !== 'element') || predicate.path !== undefined) return predicate;
  const path = pathOption(url).path;
  return path === undefined ? predicate : { ...predicate, path };
}

async function strengthenForm(input: StrengthenInput): Promise<StrengthenResult> {
  const { proposal, before, after } = input;
  // The values the task states for its fields: what its plan types and picks (else, for a task with
  // no plan, what the attempt entered), where the text names them. A value the plan states and the
  // attempt did not enter (an executor that slipped) is looked for all the same, and not found.
  const fields = enteredFields(input.actions);
  const planned = input.proposal.plan?.length
    ? enteredFields(input.proposal.plan.map((action) => ({ action, outcome: { ok: true }, urlAfter: '' })))
    : fields;
  const entered = planned.map((entry) => entry.value).filter((value) => proposal.entities.some((entity) => sameText(entity, value)));
  const predicates = [...proposal.predicates];
  const added: Predicate[] = [];
  const primary = primaryValue(proposal.predicates) ?? entered[0];
  const changes = before.state && after.state ? diffStates(before.state, after.state) : [];
  for (const value of unique(entered)) {
    if (covers(predicates, value, primary)) continue;
    const evidence =
      stateEvidence(value, primary, changes, proposal.entities, after.state) ??
      urlEvidence(value, before.page.url, after.page.url, entered.length === 1) ??
      rowEvidence(value, primary, before.page, after.page) ??
      textEvidence(value, before.page, after.page) ??
      (await savedFieldEvidence(value, fields, before.page, input.readFresh));
    if (!evidence) {
      return {
        refused: `its text states “${value}”, but nothing the submission produced shows it (no record field, URL, row or text outside the form holds it)`,
      };
    }
    predicates.push(evidence);
    added.push(evidence);
  }
  // Evidence of the submission itself: a form checked only by what its fields hold passes unsubmitted.
  if (entered.length > 0 && predicates.every(readsOnlyAField)) {
    return { refused: 'its check reads only what the form’s fields hold, which is true before anything is submitted' };
  }
  return { predicates, added };
}

/**
 * A row action, tied to what it did: where a probe shows its record, the record's changed fields or
 * its removal; on a page, what the row shows now that it did not before (the "★" a "☆" became), so
 * a row that is merely not shown (another view, a filter) does not count as a row changed.
 */
function strengthenRowAction(input: StrengthenInput): StrengthenResult {
  const { proposal, before, after } = input;
  const predicates = [...proposal.predicates];
  const item = proposal.entities[0];
  if (!before.state || !after.state) {
    const shown = rowChangeEvidence(proposal.predicates, before.page, after.page);
    return shown ? { predicates: [...predicates, shown], added: [shown] } : { predicates, added: [] };
  }
  if (item === undefined) return { predicates, added: [] };
  // The record the row stands for (its own name is the item: the task "X", not a comment on "X"),
  // else one that names it.
  const changes = diffStates(before.state, after.state).filter((candidate) => candidate.kind !== 'created');
  const named = (candidate: RecordChange) => {
    const label = labelField(candidate.record);
    return label !== undefined && matchesValue(candidate.record[label], item);
  };
  const change =
    changes.find(named) ?? changes.find((candidate) => Object.values(candidate.record).some((value) => matchesValue(value, item)));
  if (!change) return { predicates, added: [] };
  const key = recordKey(change, before.state, after.state);
  const added: Predicate[] =
    change.kind === 'removed'
      ? [{ kind: 'state-count', collection: change.collection, where: key, op: 'eq', count: 0 }]
      : change.fields
          .filter((field) => isScalar(field.after) && !Object.keys(key).includes(field.field))
          .map((field) => ({
            kind: 'state-field',
            collection: change.collection,
            match: key,
            field: field.field,
            equals: field.after as Scalar,
          }));
  return { predicates: [...predicates, ...added], added };
}

/** A control the acted-on row shows after the action and did not before (its new name or state). */
function rowChangeEvidence(predicates: readonly Predicate[], before: PageView, after: PageView): Predicate | undefined {
  const absent = predicates.find((predicate) => predicate.kind === 'element' && !predicate.present && predicate.within !== undefined);
  if (!absent || absent.kind !== 'element') return undefined;
  const within = absent.within!;
  const key = (element: PageView['elements'][number]) =>
    `${element.role}|${element.name}|${element.checked ?? ''}|${element.pressed ?? ''}`;
  const beforeKeys = new Set(before.elements.filter((element) => isWithin(element, within)).map(key));
  const appeared = after.elements.filter(
    (element) => isWithin(element, within) && !beforeKeys.has(key(element)) && element.name.trim() !== '',
  );
  const shown =
    appeared.find((element) => element.role === absent.role) ??
    appeared.find((element) => element.role !== 'generic' && element.role !== 'text');
  if (!shown) return undefined;
  return {
    kind: 'element',
    role: shown.role,
    name: shown.name,
    present: true,
    within,
    ...(typeof shown.checked === 'boolean' ? { checked: shown.checked } : {}),
    ...(shown.pressed === true ? { pressed: true } : {}),
    ...(absent.path !== undefined ? { path: absent.path } : {}),
  };
}

/** The values the attempt typed and picked, in order, with the fields they went into. */
function enteredFields(actions: readonly ExecutedAction[]): Array<{ value: string; role?: string; name?: string }> {
  return actions
    .flatMap(({ action, element }) => {
      if (action.type !== 'type' && action.type !== 'select') return [];
      const value = action.type === 'type' ? action.text : action.value;
      const role = element?.role ?? action.target.role;
      const name = element?.name ?? action.target.name;
      return [{ value, ...(role ? { role } : {}), ...(name ? { name } : {}) }];
    })
    .filter((entry) => entry.value.trim() !== '');
}

/** The value a proposal's own check names (the title of what a form creates), if any. */
function primaryValue(predicates: readonly Predicate[]): string | undefined {
  for (const predicate of predicates) {
    if (predicate.kind === 'state-value' && predicate.present && typeof predicate.value === 'string') return predicate.value;
    if (predicate.kind === 'text' && predicate.present && predicate.within === undefined) return predicate.text;
  }
  return undefined;
}

/**
 * Whether a predicate already checks `value` on what the submission produced: a record field, the
 * URL, text outside the fields (tied to the new row, unless it is the row's own name).
 */
function covers(predicates: readonly Predicate[], value: string, primary: string | undefined): boolean {
  const isPrimary = primary !== undefined && sameText(primary, value);
  return predicates.some((predicate) => {
    switch (predicate.kind) {
      case 'state-field':
        return matchesValue(predicate.equals, value);
      case 'state-value':
        return isPrimary && predicate.present && matchesValue(predicate.value, value);
      case 'text':
        return predicate.present && normalizedIncludes(predicate.text, value) && (isPrimary || predicate.within !== undefined);
      case 'url':
        return normalizedIncludes(predicate.includes, value);
      default:
        return false;
    }
  });
}

/** A predicate that reads only what a field holds (true as soon as it is typed or picked). */
function readsOnlyAField(predicate: Predicate): boolean {
  return predicate.kind === 'element' && predicate.value !== undefined && EDITABLE_ROLES.has(predicate.role) && !predicate.fresh;
}

function unique(values: readonly string[]): string[] {
  return values.filter((value, index) => values.findIndex((other) => sameText(other, value)) === index);
}
