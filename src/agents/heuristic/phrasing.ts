import type { Rng } from '../../core/random.js';

/** Wraps a constant in typographic quotes, the way every task names its entities. */
export function q(text: string): string {
  return `\u201C${text}\u201D`;
}

/** "a task", "an event", "a user": the indefinite article a noun takes, by how it starts. */
export function withArticle(noun: string): string {
  return `${/^([aeio]|u(?!ni|s[aeiou]|ti))/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "a, b and c" */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Lower-cases the first letter of a sentence-initial verb ("Create …" → "create …"), leaving names alone. */
export function lowerFirst(sentence: string): string {
  if (/^[A-Z][a-z]/.test(sentence)) return sentence[0]!.toLowerCase() + sentence.slice(1);
  return sentence;
}

export function upperFirst(sentence: string): string {
  return sentence ? sentence[0]!.toUpperCase() + sentence.slice(1) : sentence;
}

export function ensurePeriod(sentence: string): string {
  return /[.?!]$/.test(sentence.trim()) ? sentence.trim() : `${sentence.trim()}.`;
}

/** Fills one of several templates; `{name}` placeholders are replaced from `values`. */
export function phrase(rng: Rng, templates: readonly string[], values: Record<string, string>): string {
  const template = rng.pick(templates);
  // "a {noun}" takes the article its noun needs: "a task", "an event".
  return template
    .replace(/\ba \{noun\}/g, () => withArticle(values.noun ?? ''))
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** "New task" → "task", "Add comment" → "comment", "Create project" → "project". */
export function nounFromFormName(formName: string): string {
  const words = formName.trim().split(/\s+/);
  const rest = /^(new|add|create|edit|update|compose|write)$/i.test(words[0] ?? '') ? words.slice(1) : words;
  return (rest.join(' ') || formName).toLowerCase();
}

export const FORM_CREATE_TEMPLATES = [
  'Create a new {noun} {quoted}{details}.',
  'Add a {noun} named {quoted}{details}.',
  'Use the {form} form to add {quoted}{details}.',
  'Set up a {noun} called {quoted}{details}.',
];
export const FORM_SINGLE_TEMPLATES = [
  'In the {form} form, enter {quoted} as the {label} and submit it with {submit}.',
  'Fill in the {label} field of the {form} form with {quoted} and press {submit}.',
  'Using the {form} form, submit {quoted} as the {label}.',
];
/** A lone field submitted with Enter; {label} is its name or placeholder. */
export const ENTRY_TEMPLATES = [
  'Type {quoted} into the {label} box and press Enter.',
  'Add {quoted} using the {label} field (press Enter to submit).',
  'Enter {quoted} in {label} and submit it with the Enter key.',
];
export const EDIT_FIELD_TEMPLATES = [
  'Change the {label} of {item} to {quoted}.',
  'Update {item} so that its {label} is {quoted}.',
  'Set the {label} of {item} to {quoted} and save the change.',
];
export const FORM_CHOICE_TEMPLATES = [
  'In the {form} form, set {label} to {option} and press {submit}.',
  'Choose {option} for {label} and apply it with {submit}.',
  'Use the {form} form: pick {option} under {label}, then click {submit}.',
];
/** A grid cell edited in place. */
export const CELL_EDIT_TEMPLATES = [
  'Double-click the {attribute} of {item} and change it to {quoted}.',
  'Edit the {attribute} of {item} in place so that it reads {quoted}.',
  'Change the {attribute} of {item} to {quoted} (double-click the cell to edit it, Enter to save).',
];
/** A search box that filters the list on the page. */
export const FILTER_TEMPLATES = [
  'Use the {label} box to find {quoted}.',
  'Filter the list down to {quoted} with {label}.',
  'Search {label} for {quoted} (press Enter if the list does not update).',
];
export const SEARCH_TEMPLATES = ['Search for {quoted}.', 'Look up {quoted} using the search.', 'Run a search for {quoted}.'];
export const TOGGLE_IMPERATIVE_TEMPLATES = ['{imperative}.', '{imperative} using its checkbox.', 'Tick the checkbox to {imperativeLower}.'];
export const TOGGLE_ON_TEMPLATES = ['Tick the checkbox {quoted}.', 'Turn on {quoted}.', 'Check {quoted}.'];
export const TOGGLE_OFF_TEMPLATES = ['Uncheck {quoted}.', 'Clear the checkbox {quoted}.', 'Turn off {quoted}.'];
export const TOGGLE_IMPERATIVE_OFF_TEMPLATES = [
  'Clear the checkbox that says {plain}.',
  'Untick the {plain} checkbox.',
  'Turn off the {plain} checkbox.',
];
/** A switch (`role=switch`): on and off, never ticked. */
export const SWITCH_ON_TEMPLATES = ['Turn on the {quoted} switch.', 'Switch {quoted} on.', 'Turn on {quoted}.'];
export const SWITCH_OFF_TEMPLATES = ['Turn off the {quoted} switch.', 'Switch {quoted} off.', 'Turn off {quoted}.'];
/** An unlabeled checkbox in a row, named by the row. */
export const ROW_TOGGLE_ON_TEMPLATES = ['Tick the checkbox next to {item}.', 'Check the box for {item}.', 'Select the checkbox of {item}.'];
export const ROW_TOGGLE_OFF_TEMPLATES = [
  'Untick the checkbox next to {item}.',
  'Clear the checkbox for {item}.',
  'Uncheck the box of {item}.',
];
/** A checkbox with the same name in every row ("Paid"), named by the control and its row. */
export const ROW_NAMED_ON_TEMPLATES = ['Turn on {quoted} for {item}.', 'Tick {quoted} in the row of {item}.', 'Mark {item} as {quoted}.'];
export const ROW_NAMED_OFF_TEMPLATES = [
  'Turn off {quoted} for {item}.',
  'Untick {quoted} in the row of {item}.',
  'Clear {quoted} for {item}.',
];
/** One radio button of a group. */
export const CHOICE_GROUP_TEMPLATES = ['Set {group} to {option}.', 'Choose {option} under {group}.', 'Pick {option} for {group}.'];
/** One button of a segmented control (one pressed at a time). */
export const SEGMENT_TEMPLATES = ['Switch to {option}.', 'Show {option} instead.', 'Select {option} with its button.'];
export const CHOICE_TEMPLATES = ['Select the {option} option.', 'Choose {option}.', 'Pick the option {option}.'];
/** An action on many items at once. */
export const BULK_TEMPLATES = ['Click {quoted}.', 'Use the {quoted} button.', 'Press {quoted} to act on every item it covers.'];
export const SELECT_TEMPLATES = ['Set {quoted} to {option}.', 'Choose {option} in the {quoted} menu.', 'Switch {quoted} to {option}.'];
export const NAVIGATE_TEMPLATES = ['Open {quoted}.', 'Go to {quoted}.', 'Navigate to {quoted}.', 'Click through to {quoted}.'];
export const TAB_TEMPLATES = ['Switch to the {quoted} tab.', 'Open the {quoted} tab.', 'Show the {quoted} view.'];
export const SORT_TEMPLATES = [
  'Sort the table by {quoted}.',
  'Order the list by {quoted}.',
  'Click the {quoted} column header to sort by it.',
];
export const ITEM_NOUN_ACTION_TEMPLATES = [
  '{verb} the {noun} {item}.',
  '{verb} the {noun} {item} and confirm.',
  'Please {verbLower} the {noun} {item}.',
];
export const ITEM_ACTION_TEMPLATES = ['{verb} {item}.', '{verb} the item {item}.', 'Please {verbLower} {item}.'];
export const READ_TEMPLATES = [
  'Find the {attribute} of {item} and report it as your answer.',
  'Report the {attribute} shown for {item} as your answer.',
  'Look up the {attribute} listed for {item} and report it.',
];

/**
 * A control's name as a person would say it: developer labels lose their widget word and casing
 * (`Toggle All Input` → `Toggle all`, `toggleAll` → `Toggle all`, `due_date` → `Due date`). Names that
 * read as prose are left alone, and so is the case of a name that needed no other change.
 */
export function displayName(name: string): string {
  const original = name.trim();
  let text = original;
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(text)) text = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  if (/^[a-z0-9]+(?:[_-][a-z0-9]+)+$/i.test(text)) text = text.replace(/[_-]+/g, ' ');
  const widget = /^(.+?)\s+(input|button|btn|checkbox|field|control|dropdown)$/i.exec(text);
  if (widget) text = widget[1]!;
  if (text === original) return original;
  const words = text.split(/\s+/);
  return [upperFirst(words[0]!), ...words.slice(1).map((word) => (/^[A-Z][a-z]+$/.test(word) ? word.toLowerCase() : word))].join(' ');
}

/**
 * A column or field label as it reads inside a sentence: a plain capitalised word is lower-cased
 * ("Due" → "due"), an acronym is kept ("SKU"), and a participle or adjective gets a noun to lean on
 * ("Planned" → "planned amount" would guess; "“Planned” value" does not).
 */
export function attributePhrase(attribute: string): string {
  const text = attribute.trim();
  if (/^\p{Lu}{2,}\b/u.test(text)) return text;
  const lower = /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
  if (
    /^\p{L}+(ed|ing|al|ive|ous|ible|able)$/iu.test(text) &&
    !/^(need|feed|speed|seed|bed|shed|ring|thing|string|setting|rating|listing|heading|building|meeting|booking|total|rental|signal|interval|capital|journal|portal|arrival|approval|proposal|archive|objective|narrative)$/i.test(
      text,
    )
  )
    return `${q(text)} value`;
  return lower;
}
