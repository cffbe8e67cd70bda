import { isWithin, pathDescriptor, rowContext, type Element, type Observation } from '../../core/observation.js';
import { normalizedEquals, normalizedIncludes } from '../../core/text-match.js';
import type { InteractionKind } from '../../core/task.js';

/** Something on the page a person could do or read, found from the accessibility tree alone. */
export type Affordance =
  /** A form; without `submit`, a lone field that is submitted by pressing Enter (new-item inputs, chat boxes). */
  | { kind: 'form'; key: string; formName: string; fields: Element[]; submit?: Element; search: boolean }
  /** A checkbox or switch; `item` and `within` when it is told apart only by its row ("the checkbox next to “Buy milk”"). */
  | { kind: 'toggle'; key: string; element: Element; item?: string; within?: string }
  | { kind: 'select'; key: string; element: Element }
  /** One radio button of a group, or one button of a pressed-button group (a segmented control), chosen. */
  | { kind: 'choice'; key: string; element: Element; group?: string }
  | { kind: 'navigate'; key: string; element: Element; inNavigation: boolean; sorts: boolean; label: string }
  /** A row action; `within` when the button is told apart only by its row ("Remove" or "×" in every row). */
  | {
      kind: 'item-action';
      key: string;
      element: Element;
      verb: string;
      item: string;
      noun?: string;
      within?: string;
      glyph?: boolean;
      rowLabel?: Element;
    }
  /** A cell of an interactive grid (a spreadsheet), edited in place: double-click, type, Enter. */
  | { kind: 'cell-edit'; key: string; element: Element; item: string; attribute: string; value: string }
  /** An action on many items at once ("Clear completed", "Mark all as read"), checked by the button going away or off. */
  | { kind: 'bulk'; key: string; element: Element }
  | { kind: 'read'; key: string; element: Element; attribute: string; item: string; nth: number };

export const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'checkbox']);
const ITEM_VERBS =
  /^(archive|delete|remove|complete|close|approve|reject|restore|star|unstar|pin|unpin|duplicate|unarchive|dismiss|accept|decline|cancel|pause|resume|freeze|unfreeze)\b\s*(.*)$/i;
const NON_SUBMIT = /^(cancel|close|reset|clear|back|delete|remove)\b/i;
const NAVIGATION_CONTAINERS = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);

export interface Descriptor {
  role: string;
  name: string;
}

/** Parses an element path entry such as `form "New task"` into its role and name. */
export function parseDescriptor(descriptor: string): Descriptor {
  const match = /^(\S+)(?: "(.*)")?$/.exec(descriptor);
  return match ? { role: match[1]!, name: match[2] ?? '' } : { role: descriptor, name: '' };
}

/** Strips one pair of quotes from around a whole name (`“Apollo”` → `Apollo`), leaving inner quotes alone. */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const match = /^["'\u201C\u2018](.*)["'\u201D\u2019]$/s.exec(trimmed);
  if (match && !/["\u201C\u201D]/.test(match[1]!)) return match[1]!.trim();
  return trimmed;
}

export function isInNavigationArea(element: Element): boolean {
  return isInNavigation(element);
}

export function affordanceKind(affordance: Affordance): InteractionKind {
  if (affordance.kind === 'form') return affordance.search ? 'search' : 'form';
  if (affordance.kind === 'choice') return 'select';
  if (affordance.kind === 'bulk') return 'item-action';
  if (affordance.kind === 'cell-edit') return 'form';
  return affordance.kind;
}

/**
 * What icon-only buttons mean on most sites, by glyph: the verb a task can use, the verb that undoes
 * it (for a glyph that shows the done state, such as a filled star), and whether it removes the row.
 */
const GLYPH_VERBS: ReadonlyArray<{ glyphs: RegExp; verb: string }> = [
  { glyphs: /^[☆✩]$/u, verb: 'Star' },
  { glyphs: /^[★⭐]$/u, verb: 'Unstar' },
  { glyphs: /^[♡🤍]$/u, verb: 'Favorite' },
  { glyphs: /^[♥❤]\uFE0F?$/u, verb: 'Unfavorite' },
  { glyphs: /^[×✕✖✗╳🗙]$/u, verb: 'Remove' },
  { glyphs: /^🗑\uFE0F?$/u, verb: 'Delete' },
];

/** Verbs of buttons that act on many items at once: "Clear completed", "Mark all as read", "Archive selected". */
const BULK_NAME =
  /^(clear|mark|archive|delete|remove|turn off|turn on|sign out of|select|unselect|deselect|complete|close|dismiss|restore|resolve|expand|collapse)\b[^"\u201C]*\b(all|selected|checked|completed)\b[^"\u201C]*$/i;

/** Words that say a row action takes no item of its own ("Archive selected", "Delete all"). */
const NOT_AN_ITEM = /^(selected|all|checked|completed|everything)\b/i;

function searchLike(element: Element): boolean {
  return element.role === 'searchbox' || /\b(search|filter|find)\b/i.test(`${element.name} ${element.placeholder ?? ''}`);
}

function formIndexInPath(element: Element): number {
  for (let index = element.path.length - 1; index >= 0; index -= 1) {
    const role = parseDescriptor(element.path[index]!).role;
    if (role === 'form' || role === 'search') return index;
  }
  return -1;
}

function isInNavigation(element: Element): boolean {
  return element.path.some((entry) => NAVIGATION_CONTAINERS.has(parseDescriptor(entry).role));
}

function isDialogOpen(observation: Observation): boolean {
  return observation.elements.some((element) => element.path.some((entry) => parseDescriptor(entry).role === 'dialog'));
}

/** Finds every affordance on the page. Disabled elements and elements without names are skipped. */
export function findAffordances(observation: Observation): Affordance[] {
  const elements = observation.elements.filter((element) => !element.disabled && element.box && element.box.width > 0);
  if (isDialogOpen(observation)) return [];
  const affordances: Affordance[] = [];
  affordances.push(...findForms(elements));
  const implicit = findImplicitForm(observation, elements);
  if (implicit) affordances.push(implicit);
  const inImplicit = (element: Element) => implicit?.kind === 'form' && (implicit.fields.includes(element) || implicit.submit === element);
  const inForm = (element: Element) => formIndexInPath(element) >= 0 || inImplicit(element);
  for (const element of elements) {
    // A name with no letter or digit (☆, ×, 🗑) says nothing a task could name the control by; its row may.
    if (!/[\p{L}\p{N}]/u.test(element.name)) {
      const contextual = inForm(element) ? undefined : rowControl(element, observation);
      if (contextual) affordances.push(contextual);
      continue;
    }
    if ((element.role === 'checkbox' || element.role === 'switch') && !inForm(element)) {
      // The same name in every row ("Paid", "Select") says which row only through the row.
      const row = sharesName(element, elements) ? rowLabel(element, observation) : undefined;
      if (sharesName(element, elements) && !row) continue;
      affordances.push(
        row
          ? { kind: 'toggle', key: `toggle:${element.name} “${row}”`, element, item: row, within: row }
          : { kind: 'toggle', key: `toggle:${element.name}`, element },
      );
    } else if (element.role === 'radio' && element.checked !== true && element.name.length <= 40) {
      const group = radioGroupName(element);
      affordances.push({ kind: 'choice', key: `select:${group ?? element.name}`, element, ...(group ? { group } : {}) });
    } else if (element.role === 'button' && element.pressed === undefined && isSegmentOption(element, elements)) {
      // One of a group of buttons of which one is pressed ("Jan" "Feb" "Mar"): choosing another.
      const group = parseDescriptor(element.path[element.path.length - 1] ?? '').name || undefined;
      affordances.push({
        kind: 'choice',
        key: `select:${group ?? pressedSibling(element, elements)!.name}`,
        element,
        ...(group ? { group } : {}),
      });
    } else if (element.role === 'button' && !inForm(element) && BULK_NAME.test(element.name.trim())) {
      affordances.push({ kind: 'bulk', key: `bulk:${element.name}`, element });
    } else if (
      (element.role === 'textbox' || element.role === 'searchbox') &&
      !inForm(element) &&
      !(element.value ?? '').trim() &&
      !inUnnamedForm(element, elements)
    ) {
      // A field outside any form is submitted with Enter, as new-item inputs, chat boxes and search
      // fields on most sites are.
      affordances.push({
        kind: 'form',
        key: `entry:${element.name}`,
        formName: element.name,
        fields: [element],
        search: searchLike(element),
      });
    } else if (element.role === 'combobox' && !inForm(element) && (element.options?.length ?? 0) > 1) {
      affordances.push({ kind: 'select', key: `select:${element.name}`, element });
    } else if ((element.role === 'link' || element.role === 'tab') && element.url !== undefined) {
      if (/^skip to\b/i.test(element.name)) continue;
      // Two links of one name to different places ("Manage" twice): a task could not say which.
      if (
        elements.some(
          (other) => other.role === element.role && other.name === element.name && other.url !== undefined && other.url !== element.url,
        )
      )
        continue;
      const sorts = element.path.some((entry) => parseDescriptor(entry).role === 'columnheader');
      affordances.push({
        kind: 'navigate',
        key: `${sorts ? 'sort' : 'navigate'}:${element.name}`,
        element,
        inNavigation: isInNavigation(element),
        sorts,
        label: withoutCount(element, observation.elements),
      });
    } else if (element.role === 'tab' && element.selected !== true) {
      affordances.push({
        kind: 'navigate',
        key: `navigate:${element.name}`,
        element,
        inNavigation: isInNavigation(element),
        sorts: false,
        label: withoutCount(element, observation.elements),
      });
    } else if (element.role === 'button' && !inForm(element)) {
      const match = ITEM_VERBS.exec(element.name.trim());
      if (match) {
        const rest = unquote(match[2] ?? '');
        // A bare "Cancel" (or "Close") dismisses something; it is not an action on an item.
        if (rest === '' && /^(cancel|close)$/i.test(match[1]!)) continue;
        if (NOT_AN_ITEM.test(rest)) continue;
        // "Delete task" names the kind of thing, not the thing: the item is the row it sits in, else
        // the page's subject.
        const generic = rest === '' || /^(this |the )?[a-z]+$/.test(rest);
        const labelled = generic && sharesName(element, elements) ? rowLabelElement(element, observation) : undefined;
        if (generic && sharesName(element, elements) && !labelled) continue;
        const row = labelled?.label;
        const item = row ?? (generic ? pageHeading(observation) : rest);
        const noun = generic && rest ? rest.replace(/^(this|the) /, '') : undefined;
        const key = row ? `item:${element.name} “${row}”` : `item:${element.name}`;
        const scoped = labelled ? { within: labelled.label, rowLabel: labelled.shownBy } : {};
        if (item) affordances.push({ kind: 'item-action', key, element, verb: match[1]!, item, ...(noun ? { noun } : {}), ...scoped });
      }
    }
  }
  affordances.push(...findReadableCells(observation, elements));
  affordances.push(...findEditableCells(observation, elements));
  affordances.push(...findDescribedValues(observation, elements));
  return affordances;
}

/**
 * Values in description lists (`term` → `definition`), read as facts about the page's subject:
 * "the Open tasks of “My work”", "the Last edited of “Design System”".
 */
function findDescribedValues(observation: Observation, visible: readonly Element[]): Affordance[] {
  const item = pageHeading(observation);
  if (!item) return [];
  const all = observation.elements;
  const reads: Affordance[] = [];
  for (let index = 0; index < all.length; index += 1) {
    const term = all[index]!;
    if (term.role !== 'term') continue;
    const attribute = unquote(term.text || term.name || '');
    if (!/^\p{L}[\p{L}\p{N} '&/().,-]{0,38}$/u.test(attribute) || formIndexInPath(term) >= 0) continue;
    // The definition that follows the term, and the first text in it (its own, or a child's).
    let value: Element | undefined;
    for (let next = index + 1; next < all.length && all[next]!.role !== 'term'; next += 1) {
      const candidate = all[next]!;
      const inDefinition =
        candidate.role === 'definition' || parseDescriptor(candidate.path[candidate.path.length - 1] ?? '').role === 'definition';
      if (!inDefinition) continue;
      if (FIELD_ROLES.has(candidate.role) || candidate.role === 'button') break;
      if ((candidate.text || candidate.name).trim() !== '') {
        value = candidate;
        break;
      }
    }
    const text = value ? unquote(value.text || value.name) : '';
    if (!value || !visible.includes(value) || text.length > 60) continue;
    reads.push({ kind: 'read', key: `read:${attribute}`, element: value, attribute, item, nth: nthOf(all, value) });
  }
  return reads;
}

function pageHeading(observation: Observation): string | undefined {
  const heading = observation.elements.find((element) => element.role === 'heading' && element.level === 1);
  return heading ? unquote(heading.name || heading.text || '') : undefined;
}

const SUBMIT_NAME = /^(save|submit|update|apply|send|create|sign up|sign in|log in|continue)\b/i;

/**
 * Fields that no named form groups (an HTML form without a label is not a landmark) but that share
 * their container with exactly one submit-like button ("Save changes"), and show saved values: a
 * settings or profile page, edited in place.
 */
function findImplicitForm(observation: Observation, elements: Element[]): Affordance | undefined {
  const loose = elements.filter((element) => formIndexInPath(element) < 0);
  const buttons = loose.filter((element) => element.role === 'button' && SUBMIT_NAME.test(element.name.trim()));
  for (const submit of buttons) {
    const container = submit.path.join(' > ');
    const fields = loose.filter(
      (element) =>
        ['textbox', 'spinbutton', 'combobox'].includes(element.role) &&
        element.name.trim() !== '' &&
        element.path.join(' > ') === container,
    );
    const rivals = buttons.filter((other) => other !== submit && other.path.join(' > ') === container);
    // Only an edit form (fields that show saved values) says what it is about: the page's subject.
    if (fields.length < 2 || rivals.length > 0 || !fields.some((field) => (field.value ?? '').trim() !== '')) continue;
    const formName = pageHeading(observation) ?? submit.name;
    return { kind: 'form', key: `form:${formName}`, formName, fields, submit, search: false };
  }
  return undefined;
}

/**
 * Whether an empty field outside any named form sits with other fields and one submit-like button
 * ("Current password", "New password", "Update password"): one field of a form, which Enter in it
 * alone would not fill in; no new-item input.
 */
function inUnnamedForm(field: Element, elements: readonly Element[]): boolean {
  const container = field.path.join(' > ');
  const here = elements.filter((element) => formIndexInPath(element) < 0 && element.path.join(' > ') === container);
  const others = here.filter(
    (element) => element !== field && ['textbox', 'spinbutton', 'combobox'].includes(element.role) && element.name.trim() !== '',
  );
  return others.length > 0 && here.some((element) => element.role === 'button' && SUBMIT_NAME.test(element.name.trim()));
}

function findForms(elements: Element[]): Affordance[] {
  const groups = new Map<string, { formName: string; search: boolean; members: Element[] }>();
  for (const element of elements) {
    const index = formIndexInPath(element);
    if (index < 0) continue;
    const groupKey = element.path.slice(0, index + 1).join(' > ');
    const descriptor = parseDescriptor(element.path[index]!);
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        formName: descriptor.name || (descriptor.role === 'search' ? 'Search' : 'form'),
        search: descriptor.role === 'search',
        members: [],
      };
      groups.set(groupKey, group);
    }
    group.members.push(element);
  }
  const forms: Affordance[] = [];
  for (const group of groups.values()) {
    const fields = group.members.filter((element) => FIELD_ROLES.has(element.role) && element.name.trim() !== '');
    const buttons = group.members.filter((element) => element.role === 'button' && !NON_SUBMIT.test(element.name.trim()));
    const submit = buttons[buttons.length - 1];
    const lone = fields.length === 1 && ['textbox', 'searchbox'].includes(fields[0]!.role) && !(fields[0]!.value ?? '').trim();
    if (!submit && lone) {
      // A search landmark or form with one field and no button: typed into, then Enter (or live).
      const field = fields[0]!;
      forms.push({
        kind: 'form',
        key: `entry:${field.name}`,
        formName: field.name,
        fields: [field],
        search: group.search || searchLike(field),
      });
      continue;
    }
    if (!submit || fields.length === 0) continue;
    const search = group.search || fields.some((field) => field.role === 'searchbox');
    forms.push({ kind: 'form', key: `form:${group.formName}`, formName: group.formName, fields, submit, search });
  }
  return forms;
}

/** Table cells whose column header and row label make a question ("the Due of “X”"). */
function findReadableCells(observation: Observation, elements: Element[]): Affordance[] {
  const headersByTable = new Map<string, string[]>();
  for (const element of observation.elements) {
    if (element.role !== 'columnheader') continue;
    const tableKey = tablePathKey(element);
    const list = headersByTable.get(tableKey) ?? [];
    list.push(unquote(element.name || element.text || ''));
    headersByTable.set(tableKey, list);
  }
  const cellsByRow = new Map<string, Element[]>();
  for (const element of elements) {
    if (element.role !== 'cell' && element.role !== 'gridcell') continue;
    const rowIndex = element.path.findIndex((entry) => parseDescriptor(entry).role === 'row');
    if (rowIndex < 0) continue;
    const rowKey = element.path.slice(0, rowIndex + 1).join(' > ');
    const list = cellsByRow.get(rowKey) ?? [];
    list.push(element);
    cellsByRow.set(rowKey, list);
  }
  const reads: Affordance[] = [];
  for (const cells of cellsByRow.values()) {
    const headers = headersByTable.get(tablePathKey(cells[0]!));
    if (!headers) continue;
    const labelColumn = rowLabelColumn(cells, elements);
    const inside = (cell: Element) => elementsInside(cell, elements);
    if (labelColumn === undefined) continue;
    const item = labelColumn.label;
    cells.forEach((cell, column) => {
      const value = unquote(cell.name || cell.text || '');
      const attribute = headers[column];
      // A cell that repeats the row's label (a name column beside the one that labels the row) would ask
      // for what the question already says.
      if (column === labelColumn.column || !attribute || !value || value.length > 60 || normalizedEquals(value, item)) return;
      if (inside(cell).some((element) => FIELD_ROLES.has(element.role) || element.role === 'button')) return;
      reads.push({ kind: 'read', key: `read:${attribute}`, element: cell, attribute, item, nth: nthOf(observation.elements, cell) });
    });
  }
  return reads;
}

/**
 * Cells of an ARIA grid (an interactive table, as spreadsheets are) that hold a value: edited in place
 * by double-click on most such sites. Each is named by its row's label and its column header.
 */
function findEditableCells(observation: Observation, elements: Element[]): Affordance[] {
  return findReadableCells(observation, elements)
    .filter((read): read is Extract<Affordance, { kind: 'read' }> => read.kind === 'read' && read.element.role === 'gridcell')
    .filter((read) => read.element.path.some((entry) => parseDescriptor(entry).role === 'grid') && isWithin(read.element, read.item))
    .map((read) => ({
      kind: 'cell-edit',
      key: `edit:${read.attribute}`,
      element: read.element,
      item: read.item,
      attribute: read.attribute,
      value: unquote(read.element.name || read.element.text || ''),
    }));
}

/** Elements nested inside `container` (by their ancestor path). */
function elementsInside(container: Element, elements: readonly Element[]): Element[] {
  const prefix = [...container.path, descriptorOf(container)].join(' > ');
  return elements.filter((element) => element !== container && element.path.join(' > ').startsWith(prefix));
}

function descriptorOf(element: Element): string {
  return pathDescriptor(element.role, element.name);
}

/**
 * The column that names a row: the first cell holding a link (its link text is the label), else the
 * first cell with text that holds no form control.
 */
function rowLabelColumn(cells: Element[], elements: Element[]): { column: number; label: string } | undefined {
  const inside = (cell: Element) => elementsInside(cell, elements);
  for (const [column, cell] of cells.entries()) {
    const link = inside(cell).find((element) => element.role === 'link' && element.name.trim() !== '');
    if (link) return { column, label: unquote(link.name) };
  }
  for (const [column, cell] of cells.entries()) {
    const text = unquote(cell.name || cell.text || '');
    if (text && !inside(cell).some((element) => FIELD_ROLES.has(element.role) || element.role === 'button')) return { column, label: text };
  }
  return undefined;
}

function tablePathKey(element: Element): string {
  const tableIndex = element.path.findIndex((entry) => ['table', 'grid', 'treegrid'].includes(parseDescriptor(entry).role));
  return tableIndex < 0 ? '' : element.path.slice(0, tableIndex + 1).join(' > ');
}

/** Index of `element` among the page's elements with the same role and name (for role+name grounding). */
export function nthOf(elements: readonly Element[], element: Element): number {
  let count = 0;
  for (const candidate of elements) {
    if (candidate === element) return count;
    if (candidate.role === element.role && candidate.name === element.name) count += 1;
  }
  return count;
}

/** Whether another element of the same role has the same name (a control repeated in every row). */
function sharesName(element: Element, elements: readonly Element[]): boolean {
  return elements.some((other) => other !== element && other.role === element.role && other.name === element.name);
}

/**
 * A control that has no name of its own but sits in a row: the row's checkbox ("the checkbox next
 * to “Buy milk and eggs”"), or an icon button whose glyph says what it does (☆ star, × remove).
 */
function rowControl(element: Element, observation: Observation): Affordance | undefined {
  if (!['checkbox', 'switch', 'button'].includes(element.role)) return undefined;
  const labelled = rowLabelElement(element, observation);
  if (!labelled) return undefined;
  const item = labelled.label;
  if (element.role !== 'button') return { kind: 'toggle', key: `toggle:row “${item}”`, element, item, within: item };
  const glyph = GLYPH_VERBS.find((entry) => entry.glyphs.test(element.name.trim()));
  if (!glyph) return undefined;
  return {
    kind: 'item-action',
    key: `item:${glyph.verb} “${item}”`,
    element,
    verb: glyph.verb,
    item,
    within: item,
    glyph: true,
    rowLabel: labelled.shownBy,
  };
}

/**
 * The text that names the row an element sits in, as a person would point at it: the row's first
 * link, else its first piece of text with a few letters in it, that no other row on the page shares
 * ("Buy milk and eggs", not the "☆" beside it or an author's name on several messages).
 */
export function rowLabel(element: Element, observation: Observation): string | undefined {
  return rowLabelElement(element, observation)?.label;
}

/** The row's label (see `rowLabel`) with the element that shows it, for checks that the row is gone. */
export function rowLabelElement(element: Element, observation: Observation): { label: string; shownBy: Element } | undefined {
  const context = rowContext(element);
  if (!context) return undefined;
  const depth = rowDepth(element);
  const rowPath = element.path.slice(0, depth + 1).join(' > ');
  const inRow = observation.elements.filter(
    (candidate) => candidate.path.length > depth && candidate.path.slice(0, depth + 1).join(' > ') === rowPath,
  );
  const rows = new Set(observation.elements.map((candidate) => rowContext(candidate)).filter((text): text is string => text !== undefined));
  const texts = [
    ...inRow.filter((candidate) => candidate.role === 'link').map((candidate) => ({ text: candidate.name, shownBy: candidate })),
    ...inRow
      .filter((candidate) => !FIELD_ROLES.has(candidate.role) && candidate.role !== 'button' && candidate.role !== 'link')
      .map((candidate) => ({ text: candidate.text ?? '', shownBy: candidate })),
  ].map((entry) => ({ ...entry, text: unquote(entry.text) }));
  for (const { text, shownBy } of texts) {
    if (text.length > 60 || (text.match(/\p{L}/gu)?.length ?? 0) < 3) continue;
    if (!isWithin(element, text)) continue;
    const rowsWithIt = [...rows].filter((row) => normalizedIncludes(row.replace(/…$/, ''), text));
    if (rowsWithIt.length === 1) return { label: text, shownBy };
  }
  return undefined;
}

/** Index in `path` of the element's nearest row or list item. */
function rowDepth(element: Element): number {
  for (let index = element.path.length - 1; index >= 0; index -= 1) {
    if (['row', 'listitem', 'article', 'treeitem'].includes(parseDescriptor(element.path[index]!).role)) return index;
  }
  return -1;
}

function radioGroupName(element: Element): string | undefined {
  for (let index = element.path.length - 1; index >= 0; index -= 1) {
    const descriptor = parseDescriptor(element.path[index]!);
    if (descriptor.role === 'radiogroup' || descriptor.role === 'group') return descriptor.name || undefined;
  }
  return undefined;
}

/**
 * A link's or tab's name without a live count ("design 3" → "design", "Products 13" → "Products"):
 * a trailing number that the link shows as a badge of its own, which changes as the data does.
 */
export function withoutCount(element: Element, elements: readonly Element[]): string {
  const name = unquote(element.name);
  const match = /^(.*\p{L}.*?)\s+(\d{1,5})$/u.exec(name);
  if (!match) return name;
  const own = pathDescriptor(element.role, element.name);
  const badge = elements.some(
    (candidate) => candidate.path[candidate.path.length - 1] === own && (candidate.text ?? '').trim() === match[2],
  );
  return badge ? match[1]! : name;
}

/** The pressed button among an element's siblings (same container), if any. */
function pressedSibling(element: Element, elements: readonly Element[]): Element | undefined {
  const container = element.path.join(' > ');
  return elements.find(
    (other) => other !== element && other.role === 'button' && other.pressed === true && other.path.join(' > ') === container,
  );
}

/**
 * A button in a segmented control: its siblings are buttons too, and exactly one of them shows as
 * pressed (a month switch, a view switch). Sibling toggles that are each pressed or not on their own
 * (bold, italic) are told apart by more than one being pressed.
 */
function isSegmentOption(element: Element, elements: readonly Element[]): boolean {
  if (!pressedSibling(element, elements) || !/[\p{L}\p{N}]/u.test(element.name) || element.name.length > 30) return false;
  const container = element.path.join(' > ');
  const siblings = elements.filter((other) => other.path.join(' > ') === container && other.role === 'button');
  // Three or more worded options (Jan, Feb, Mar): two buttons, one a pressed "♥", are a card's actions.
  const worded = siblings.every((other) => /[\p{L}\p{N}]/u.test(other.name));
  return worded && siblings.filter((other) => other.pressed === true).length === 1 && siblings.length >= 3 && siblings.length <= 12;
}
