import type { Action } from '../../core/action.js';
import type { Element, Observation } from '../../core/observation.js';
import type { Predicate } from '../../core/predicate.js';
import type { Rng } from '../../core/random.js';
import type { Proposal } from '../../core/task.js';
import type { Persona } from '../personas.js';
import { isWithin } from '../../core/observation.js';
import { normalizedIncludes } from '../../core/text-match.js';
import { affordanceKind, isInNavigationArea, nthOf, rowLabel, unquote, type Affordance } from './affordances.js';
import { choosableOptions, classifyField, isDateText, valueForField } from './field-values.js';
import * as p from './phrasing.js';

export interface BuildInput {
  affordance: Affordance;
  observation: Observation;
  persona: Persona;
  rng: Rng;
  hasStateProbe: boolean;
  /** Entities the chain already touched, most recent first (search terms, references). */
  chainEntities: readonly string[];
}

/** Turns one affordance into a task: a description, its postcondition and a plan. */
export function proposalFromAffordance(input: BuildInput): Proposal | undefined {
  const { affordance, observation } = input;
  const proposedAt = pathOf(observation.url);
  const base = { interaction: affordanceKind(affordance), affordance: affordance.key, proposedAt };
  // Page predicates name their page with its client-side route (`/#/recipes`): a view of another
  // route is another page, where a row that is not shown must not count as a row changed.
  const built = buildParts(input, proposedAt + routeHash(new URL(observation.url).hash));
  if (!built) return undefined;
  return { ...base, ...built, description: p.ensurePeriod(p.upperFirst(built.description)) };
}

const CONTROL_ROLES = new Set(['button', 'checkbox', 'switch', 'radio', 'tab', 'combobox', 'menuitem']);

/** Row actions after which the row leaves the list it was in. */
const REMOVING_VERBS = /^(remove|delete|archive|unarchive|restore|dismiss|decline)$/i;

type Parts = Pick<Proposal, 'description' | 'predicates' | 'entities' | 'plan' | 'answerFrom'>;

function target(element: Element, elements: readonly Element[], within?: string) {
  if (within === undefined) return { role: element.role, name: element.name, ref: element.ref, nth: nthOf(elements, element) };
  // Told apart by its row: `nth` counts among the matches in that row.
  return {
    role: element.role,
    name: element.name,
    ref: element.ref,
    within,
    nth: nthOf(
      elements.filter((candidate) => isWithin(candidate, within)),
      element,
    ),
  };
}

function buildParts(input: BuildInput, proposedAt: string): Parts | undefined {
  const { affordance, observation, rng } = input;
  const elements = observation.elements;
  switch (affordance.kind) {
    case 'form':
      return affordance.search ? buildSearch(input, affordance) : buildForm(input, affordance, proposedAt);
    case 'toggle': {
      const element = affordance.element;
      const checking = element.checked !== true;
      if (affordance.item !== undefined) return buildRowToggle(input, affordance, checking, proposedAt);
      const name = p.displayName(unquote(element.name));
      const imperative =
        /^(mark|enable|disable|show|hide|notify|subscribe|include|star|pin|follow|watch|save|add|keep|allow|send|use|receive|remember|favorite|freeze|mute)\b/i.test(
          name,
        );
      const templates =
        element.role === 'switch'
          ? checking
            ? p.SWITCH_ON_TEMPLATES
            : p.SWITCH_OFF_TEMPLATES
          : checking
            ? imperative
              ? p.TOGGLE_IMPERATIVE_TEMPLATES
              : p.TOGGLE_ON_TEMPLATES
            : imperative
              ? p.TOGGLE_IMPERATIVE_OFF_TEMPLATES
              : p.TOGGLE_OFF_TEMPLATES;
      // A name that already quotes its item (`Show “Work”`) is not wrapped in quotes again.
      const quoted = /[\u201C"]/.test(name) ? name : p.q(name);
      const description = p.phrase(rng, templates, { imperative: name, imperativeLower: p.lowerFirst(name), quoted, plain: name });
      return {
        description,
        predicates: [{ kind: 'element', role: element.role, name: element.name, present: true, checked: checking, path: proposedAt }],
        // A name that is itself the instruction ("Show my email address …") starts the sentence, and a
        // summary changes its first letter; only the names quoted in it are constants.
        entities: imperative && !/[\u201C"]/.test(name) ? [] : quotedConstants(name),
        plan: [{ type: 'click', target: target(element, elements) }],
      };
    }
    case 'choice': {
      const { element, group } = affordance;
      const option = unquote(element.name);
      const segment = element.role === 'button';
      const templates = segment ? p.SEGMENT_TEMPLATES : group ? p.CHOICE_GROUP_TEMPLATES : p.CHOICE_TEMPLATES;
      return {
        description: p.phrase(rng, templates, { option: p.q(option), group: p.q(p.displayName(group ?? '')) }),
        predicates: [
          segment
            ? { kind: 'element', role: 'button', name: element.name, present: true, pressed: true, path: proposedAt }
            : { kind: 'element', role: 'radio', name: element.name, present: true, checked: true, path: proposedAt },
        ],
        entities: [option],
        plan: [{ type: 'click', target: target(element, elements) }],
      };
    }
    case 'cell-edit':
      return buildCellEdit(input, affordance, proposedAt);
    case 'bulk': {
      const element = affordance.element;
      const name = p.displayName(unquote(element.name));
      return {
        description: p.phrase(rng, p.BULK_TEMPLATES, { quoted: p.q(name), plain: name }),
        // The bulk action has nothing left to do: its button is gone or disabled.
        predicates: [{ kind: 'element', role: 'button', name: element.name, present: false, enabled: true, path: proposedAt }],
        entities: [],
        plan: [{ type: 'click', target: target(element, elements) }],
      };
    }
    case 'select': {
      const element = affordance.element;
      const options = choosableOptions(element);
      if (options.length === 0) return undefined;
      const option = rng.pick(options);
      return {
        description: p.phrase(rng, p.SELECT_TEMPLATES, { quoted: p.q(p.displayName(element.name)), option: p.q(option) }),
        predicates: [{ kind: 'element', role: 'combobox', name: element.name, present: true, value: option, path: proposedAt }],
        entities: [option],
        plan: [{ type: 'select', target: target(element, elements), value: option }],
      };
    }
    case 'navigate': {
      const element = affordance.element;
      const destination = sameOriginPath(element.url, observation.url);
      if (!destination || pathOf(observation.url) + routeHash(new URL(observation.url).hash) === destination) return undefined;
      const templates = element.role === 'tab' ? p.TAB_TEMPLATES : affordance.sorts ? p.SORT_TEMPLATES : p.NAVIGATE_TEMPLATES;
      return {
        description: p.phrase(rng, templates, { quoted: p.q(affordance.label) }),
        predicates: [{ kind: 'url', includes: destination, exact: true }],
        entities: [affordance.label],
        plan: [{ type: 'click', target: target(element, elements) }],
      };
    }
    case 'item-action': {
      const { element, verb, item, noun, within } = affordance;
      // The button is gone from the page it was on (the item left the list, or its page no longer
      // exists), or from its row (the row went away, or a glyph button changed to its other state).
      // Not "no record with this name": other records often keep the name (links, order lines,
      // versions), so that would be false even after a correct deletion.
      // A row removed by its own button is checked by the element that names the row leaving it: the
      // button may be shown only on hover (absent before anything was done), and the name itself may
      // stay on the page in a notice ("Deleted “Rent”").
      const shownBy = affordance.rowLabel;
      const predicates: Predicate[] =
        within !== undefined && shownBy && REMOVING_VERBS.test(verb)
          ? [{ kind: 'element', role: shownBy.role, name: shownBy.name, within, present: false, path: proposedAt }]
          : [
              {
                kind: 'element',
                role: 'button',
                name: element.name,
                present: false,
                ...(within !== undefined ? { within } : {}),
                path: proposedAt,
              },
            ];
      const verbWord = p.upperFirst(verb.toLowerCase());
      return {
        description: p.phrase(rng, noun ? p.ITEM_NOUN_ACTION_TEMPLATES : p.ITEM_ACTION_TEMPLATES, {
          verb: verbWord,
          verbLower: verb.toLowerCase(),
          item: p.q(item),
          noun: noun ?? '',
        }),
        predicates,
        entities: [item],
        plan: [{ type: 'click', target: target(element, elements, within) }],
      };
    }
    case 'read': {
      const { element, attribute, item } = affordance;
      const value = unquote(element.name || element.text || '');
      return {
        description: p.phrase(rng, p.READ_TEMPLATES, { attribute: p.attributePhrase(attribute), item: p.q(item) }),
        predicates: [{ kind: 'answer', includes: value }],
        entities: [item],
        plan: [],
        answerFrom: { role: element.role, name: element.name, nth: affordance.nth },
      };
    }
  }
}

/**
 * A checkbox or switch told apart by its row: "Tick the checkbox next to “Buy milk”", or, when it
 * has a name shared by every row, "Tick “Paid” for “Rent”".
 */
function buildRowToggle(
  input: BuildInput,
  affordance: Extract<Affordance, { kind: 'toggle' }>,
  checking: boolean,
  proposedAt: string,
): Parts {
  const { element } = affordance;
  const item = affordance.item!;
  const named = /[\p{L}\p{N}]/u.test(element.name);
  const control = element.role === 'switch' ? 'switch' : 'checkbox';
  const templates = named
    ? checking
      ? p.ROW_NAMED_ON_TEMPLATES
      : p.ROW_NAMED_OFF_TEMPLATES
    : checking
      ? p.ROW_TOGGLE_ON_TEMPLATES
      : p.ROW_TOGGLE_OFF_TEMPLATES;
  return {
    description: p.phrase(input.rng, templates, { item: p.q(item), quoted: p.q(p.displayName(unquote(element.name))), control }),
    predicates: [
      {
        kind: 'element',
        role: element.role,
        name: element.name,
        present: true,
        checked: checking,
        within: affordance.within!,
        path: proposedAt,
      },
    ],
    entities: [item],
    plan: [{ type: 'click', target: target(element, input.observation.elements, affordance.within) }],
  };
}

/**
 * Edits a grid cell in place: double-click it, type into the editor that appears in its row, press
 * Enter. A number keeps the cell's own format ("$650.00" → "$700.00"), so the check can name the value
 * the cell will show; text becomes a short note.
 */
function buildCellEdit(input: BuildInput, affordance: Extract<Affordance, { kind: 'cell-edit' }>, proposedAt: string): Parts | undefined {
  const { element, item, attribute, value } = affordance;
  const elements = input.observation.elements;
  const number = /^([^\d-−]*)([-−]?)([\d,]*\d)(\.\d+)?([^\d]*)$/.exec(value);
  let typed: string;
  let shown: string;
  if (number) {
    const [, prefix, , digits, decimals = '', suffix] = number;
    const old = Number(digits!.replace(/,/g, ''));
    const step = old >= 100 ? 50 : old >= 10 ? 5 : 1;
    const next = Math.round(old / step) * step + step * input.rng.int(1, 3);
    const grouped = digits!.includes(',') ? next.toLocaleString('en-US') : String(next);
    typed = decimals ? `${next}${decimals.replace(/\d/g, '0')}` : String(next);
    shown = `${prefix}${grouped}${decimals.replace(/\d/g, '0')}${suffix}`;
  } else {
    if (value.length > 40) return undefined;
    typed = valueForField({ ...element, role: 'textbox', name: 'note' }, input.persona, input.rng, []);
    shown = typed;
  }
  if (shown === value) return undefined;
  const cell = target(element, elements, item);
  return {
    description: p.phrase(input.rng, p.CELL_EDIT_TEMPLATES, {
      attribute: p.attributePhrase(attribute),
      item: p.q(item),
      quoted: p.q(shown),
    }),
    predicates: [{ kind: 'element', role: 'gridcell', name: shown, within: item, present: true, path: proposedAt }],
    entities: [item, shown],
    plan: [
      { type: 'dblclick', target: cell },
      // The editor appears in the row only after the double-click; it is found there by its role.
      { type: 'type', target: { role: 'textbox', within: item }, text: typed },
      { type: 'press', key: 'Enter', target: { role: 'textbox', within: item } },
    ],
  };
}

function buildSearch(input: BuildInput, form: Extract<Affordance, { kind: 'form' }>): Parts | undefined {
  const field = form.fields.find((candidate) => candidate.role !== 'combobox' && candidate.role !== 'checkbox');
  if (!field) return undefined;
  // Names of items in lists and tables make good searches; action links ("New page") do not.
  const inItem = (element: Element) => element.path.some((entry) => /^(row|listitem|cell|gridcell|article)\b/.test(entry));
  const fromPage = input.observation.elements
    .filter((element) => element.role === 'link' && inItem(element) && !isInNavigationArea(element))
    .map((element) => unquote(element.name))
    // Item names make searches; one-word chrome such as "Next" or "Today" does not.
    .filter((term) => term.length >= 6 && term.length <= 40 && /\s/.test(term));
  if (!form.submit) {
    const live = buildFilter(input, form, field);
    if (live) return live;
  }
  // A control's label ("Select all") is no thing to search for.
  const controls = new Set(input.observation.elements.filter((element) => CONTROL_ROLES.has(element.role)).map((element) => element.name));
  const terms = [...input.chainEntities.filter((entity) => entity.length <= 40 && !controls.has(entity)), ...fromPage];
  const term = valueForField(field, input.persona, input.rng, terms);
  if (field.value && field.value === term) return undefined;
  return {
    description: p.phrase(input.rng, p.SEARCH_TEMPLATES, { quoted: p.q(term) }),
    predicates: [{ kind: 'url', includes: term }],
    entities: [term],
    plan: [
      { type: 'type', target: target(field, input.observation.elements), text: term },
      submitAction(form, field, input.observation.elements),
    ],
  };
}

function buildForm(input: BuildInput, form: Extract<Affordance, { kind: 'form' }>, proposedAt: string): Parts | undefined {
  const { rng, persona, observation } = input;
  const elements = observation.elements;
  const textFields = form.fields.filter((field) => field.role === 'textbox' || field.role === 'spinbutton');
  const combos = form.fields.filter((field) => field.role === 'combobox' && choosableOptions(field).length > 0);
  if (!form.submit) return buildEntry(input, form);
  const isEdit = textFields.some((field) => (field.value ?? '').trim() !== '');
  const submit = target(form.submit, elements);

  if (isEdit) {
    const item = editedItemName(observation, textFields);
    const changeCombo = combos.length > 0 && (textFields.length === 0 || rng.next() < 0.7);
    if (changeCombo) {
      const field = rng.pick(combos);
      const option = rng.pick(choosableOptions(field));
      return {
        description: p.phrase(rng, p.EDIT_FIELD_TEMPLATES, { label: field.name.toLowerCase(), item: p.q(item), quoted: p.q(option) }),
        predicates: [{ kind: 'element', role: 'combobox', name: field.name, present: true, value: option, path: proposedAt }],
        entities: [item, option],
        plan: [
          { type: 'select', target: target(field, elements), value: option },
          { type: 'click', target: submit },
        ],
      };
    }
    const field = rng.pick(textFields);
    const value = valueForField(field, persona, rng, []);
    const predicates: Predicate[] = input.hasStateProbe
      ? [{ kind: 'state-value', value, present: true }]
      : [{ kind: 'element', role: field.role, name: field.name, present: true, value, path: proposedAt }];
    return {
      description: p.phrase(rng, p.EDIT_FIELD_TEMPLATES, { label: field.name.toLowerCase(), item: p.q(item), quoted: p.q(value) }),
      predicates,
      entities: [item, value],
      plan: [
        { type: 'type', target: target(field, elements), text: value },
        { type: 'click', target: submit },
      ],
    };
  }

  if (textFields.length === 0) {
    if (combos.length === 0) return undefined;
    const field = rng.pick(combos);
    const option = rng.pick(choosableOptions(field));
    return {
      description: p.phrase(rng, p.FORM_CHOICE_TEMPLATES, {
        label: p.q(field.name),
        option: p.q(option),
        form: p.q(form.formName),
        submit: p.q(form.submit.name),
      }),
      predicates: [{ kind: 'element', role: 'combobox', name: field.name, present: true, value: option }],
      entities: [option],
      plan: [
        { type: 'select', target: target(field, elements), value: option },
        { type: 'click', target: submit },
      ],
    };
  }
  const plan: Action[] = [];
  const filled: Array<{ label: string; value: string; kind: string }> = [];
  for (const field of textFields) {
    const value = valueForField(field, persona, rng, []);
    plan.push({ type: 'type', target: target(field, elements), text: value });
    filled.push({ label: field.name, value, kind: classifyField(field) });
  }
  for (const field of combos) {
    const option = rng.pick(choosableOptions(field));
    plan.push({ type: 'select', target: target(field, elements), value: option });
    filled.push({ label: field.name, value: option, kind: 'option' });
  }
  plan.push({ type: 'click', target: submit });
  // The value the check looks for: a name or title, else any free text. A small number or a date could
  // already be in the state before the task (as an id or another record's date), making a useless check.
  const primary =
    filled.find((entry) => entry.kind === 'title' || entry.kind === 'name') ??
    filled.find((entry) => ['text', 'long-text', 'email', 'url', 'phone', 'code', 'tags'].includes(entry.kind)) ??
    filled[0]!;
  const predicates: Predicate[] = input.hasStateProbe
    ? [{ kind: 'state-value', value: primary.value, present: true }]
    : [{ kind: 'text', text: primary.value, present: true }];
  const entities = filled.map((entry) => entry.value);
  if (filled.length === 1) {
    return {
      description: p.phrase(rng, p.FORM_SINGLE_TEMPLATES, {
        form: p.q(form.formName),
        quoted: p.q(primary.value),
        label: primary.label.toLowerCase(),
        submit: p.q(form.submit.name),
      }),
      predicates,
      entities,
      plan,
    };
  }
  const details = filled
    .filter((entry) => entry !== primary)
    .map((entry) => `${entry.label.toLowerCase()} ${isDateText(entry.value) ? '' : 'set to '}${p.q(entry.value)}`.replace(/ {2}/g, ' '));
  return {
    description: p.phrase(rng, p.FORM_CREATE_TEMPLATES, {
      noun: p.nounFromFormName(form.formName),
      form: p.q(form.formName),
      quoted: p.q(primary.value),
      details: details.length ? `, with ${p.joinList(details)}` : '',
    }),
    predicates,
    entities,
    plan,
  };
}

/**
 * A lone field submitted with Enter: type a value, press Enter, and the value shows on the page
 * (the new item, the sent message). Without a probe the check is that text; with one, the record.
 */
function buildEntry(input: BuildInput, form: Extract<Affordance, { kind: 'form' }>): Parts | undefined {
  const field = form.fields[0];
  if (!field) return undefined;
  const value = valueForField(field, input.persona, input.rng, []);
  const label = unquote(field.name || field.placeholder || '');
  if (!label) return undefined;
  return {
    description: p.phrase(input.rng, p.ENTRY_TEMPLATES, { quoted: p.q(value), label: p.q(label) }),
    predicates: input.hasStateProbe ? [{ kind: 'state-value', value, present: true }] : [{ kind: 'text', text: value, present: true }],
    entities: [value],
    plan: [
      { type: 'type', target: target(field, input.observation.elements), text: value },
      submitAction(form, field, input.observation.elements),
    ],
  };
}

/**
 * A search box with no button over a list of items (a live filter, or a search run with Enter): look
 * for one item by its name; the check is that the item is still shown and another one is not, which
 * holds after filtering in place and after a search that loads a results page alike.
 */
function buildFilter(input: BuildInput, form: Extract<Affordance, { kind: 'form' }>, field: Element): Parts | undefined {
  const elements = input.observation.elements;
  const labels = [
    ...new Set(
      elements
        .filter((element) => element.role !== 'button')
        .map((element) => rowLabel(element, input.observation))
        .filter((label): label is string => label !== undefined),
    ),
  ];
  if (labels.length < 2) return undefined;
  const term = input.rng.pick(labels);
  const others = labels.filter((label) => !normalizedIncludes(label, term) && !normalizedIncludes(term, label));
  if (others.length === 0) return undefined;
  const other = input.rng.pick(others);
  return {
    description: p.phrase(input.rng, p.FILTER_TEMPLATES, {
      quoted: p.q(term),
      label: p.q(unquote(field.name || field.placeholder || 'search')),
    }),
    predicates: [
      { kind: 'text', text: term, present: true },
      { kind: 'text', text: other, present: false },
    ],
    entities: [term],
    plan: [{ type: 'type', target: target(field, elements), text: term }, submitAction(form, field, elements)],
  };
}

/** How a form is submitted: its button, or Enter in the field for a form without one. */
function submitAction(form: Extract<Affordance, { kind: 'form' }>, field: Element, elements: readonly Element[]): Action {
  return form.submit
    ? { type: 'click', target: target(form.submit, elements) }
    : { type: 'press', key: 'Enter', target: target(field, elements) };
}

function editedItemName(observation: Observation, textFields: Element[]): string {
  const heading = observation.elements.find((element) => element.role === 'heading' && element.level === 1);
  const titled = textFields.find((field) => ['title', 'name'].includes(classifyField(field)));
  return unquote(heading?.name || titled?.value || observation.title);
}

/** Quoted constants inside a name, e.g. `Mark “Fix login” done` → ["Fix login"]. */
function quotedConstants(text: string): string[] {
  const found = [...text.matchAll(/[\u201C"]([^\u201D"]+)[\u201D"]/g)].map((match) => match[1]!);
  return found.length ? found : [text];
}

export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/**
 * A hash that is a client-side route (`#/active`, `#!/inbox`), kept as part of where a link leads;
 * an in-page anchor (`#comments`) is not a place of its own.
 */
export function routeHash(hash: string): string {
  // `#/` is the root route: the same view as no hash at all.
  return /^#!?\/./.test(hash) ? hash : '';
}

function sameOriginPath(href: string | undefined, pageUrl: string): string | undefined {
  if (!href) return undefined;
  try {
    const target = new URL(href, pageUrl);
    if (target.origin !== new URL(pageUrl).origin) return undefined;
    return target.pathname + target.search + routeHash(target.hash);
  } catch {
    return undefined;
  }
}
