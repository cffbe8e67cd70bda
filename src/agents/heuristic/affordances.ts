import { pathDescriptor, type Element, type Observation } from '../../core/observation.js';
import type { InteractionKind } from '../../core/task.js';

/** Something on the page a person could do or read, found from the accessibility tree alone. */
export type Affordance =
  /** A form; without `submit`, a lone field that is submitted by pressing Enter (new-item inputs, chat boxes). */
  | { kind: 'form'; key: string; formName: string; fields: Element[]; submit?: Element; search: boolean }
  | { kind: 'toggle'; key: string; element: Element }
  | { kind: 'select'; key: string; element: Element }
  | { kind: 'navigate'; key: string; element: Element; inNavigation: boolean; sorts: boolean }
  | { kind: 'item-action'; key: string; element: Element; verb: string; item: string; noun?: string }
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
  return affordance.kind;
}

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
  const inForm = (element: Element) => formIndexInPath(element) >= 0;
  for (const element of elements) {
    // A name with no letter or digit (☆, ×, 🗑) says nothing a task could name the control by.
    if (!/[\p{L}\p{N}]/u.test(element.name)) continue;
    if (element.role === 'checkbox' && !inForm(element)) {
      affordances.push({ kind: 'toggle', key: `toggle:${element.name}`, element });
    } else if ((element.role === 'textbox' || element.role === 'searchbox') && !inForm(element) && !(element.value ?? '').trim()) {
      // A field outside any form is submitted with Enter, as new-item inputs, chat boxes and search
      // fields on most sites are.
      affordances.push({ kind: 'form', key: `entry:${element.name}`, formName: element.name, fields: [element], search: searchLike(element) });
    } else if (element.role === 'combobox' && !inForm(element) && (element.options?.length ?? 0) > 1) {
      affordances.push({ kind: 'select', key: `select:${element.name}`, element });
    } else if ((element.role === 'link' || element.role === 'tab') && element.url !== undefined) {
      if (/^skip to\b/i.test(element.name)) continue;
      const sorts = element.path.some((entry) => parseDescriptor(entry).role === 'columnheader');
      affordances.push({ kind: 'navigate', key: `${sorts ? 'sort' : 'navigate'}:${element.name}`, element, inNavigation: isInNavigation(element), sorts });
    } else if (element.role === 'tab' && element.selected !== true) {
      affordances.push({ kind: 'navigate', key: `navigate:${element.name}`, element, inNavigation: isInNavigation(element), sorts: false });
    } else if (element.role === 'button' && !inForm(element)) {
      const match = ITEM_VERBS.exec(element.name.trim());
      if (match) {
        const rest = unquote(match[2] ?? '');
        // A bare "Cancel" (or "Close") dismisses something; it is not an action on an item.
        if (rest === '' && /^(cancel|close)$/i.test(match[1]!)) continue;
        // "Delete task" names the kind of thing, not the thing: the item is the page's subject.
        const generic = rest === '' || /^(this |the )?[a-z]+$/.test(rest);
        const item = generic ? pageHeading(observation) : rest;
        const noun = generic && rest ? rest.replace(/^(this|the) /, '') : undefined;
        if (item) affordances.push({ kind: 'item-action', key: `item:${element.name}`, element, verb: match[1]!, item, ...(noun ? { noun } : {}) });
      }
    }
  }
  affordances.push(...findReadableCells(observation, elements));
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
      const inDefinition = candidate.role === 'definition' || parseDescriptor(candidate.path[candidate.path.length - 1] ?? '').role === 'definition';
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

function findForms(elements: Element[]): Affordance[] {
  const groups = new Map<string, { formName: string; search: boolean; members: Element[] }>();
  for (const element of elements) {
    const index = formIndexInPath(element);
    if (index < 0) continue;
    const groupKey = element.path.slice(0, index + 1).join(' > ');
    const descriptor = parseDescriptor(element.path[index]!);
    let group = groups.get(groupKey);
    if (!group) {
      group = { formName: descriptor.name || (descriptor.role === 'search' ? 'Search' : 'form'), search: descriptor.role === 'search', members: [] };
      groups.set(groupKey, group);
    }
    group.members.push(element);
  }
  const forms: Affordance[] = [];
  for (const group of groups.values()) {
    const fields = group.members.filter((element) => FIELD_ROLES.has(element.role) && element.name.trim() !== '');
    const buttons = group.members.filter((element) => element.role === 'button' && !NON_SUBMIT.test(element.name.trim()));
    const submit = buttons[buttons.length - 1];
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
      if (column === labelColumn.column || !attribute || !value || value.length > 60) return;
      if (inside(cell).some((element) => FIELD_ROLES.has(element.role) || element.role === 'button')) return;
      reads.push({ kind: 'read', key: `read:${attribute}`, element: cell, attribute, item, nth: nthOf(observation.elements, cell) });
    });
  }
  return reads;
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
