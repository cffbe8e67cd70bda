import type { Box } from '../core/geometry.js';
import { pathDescriptor, type Element } from '../core/observation.js';
import type { AriaChild, AriaNode } from './aria-node.js';

/** Roles whose accessible name comes from their content (WAI-ARIA 1.2 "name from: contents"). */
const NAME_FROM_CONTENT_ROLES = new Set([
  'button',
  'cell',
  'checkbox',
  'columnheader',
  'gridcell',
  'heading',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'row',
  'rowheader',
  'switch',
  'tab',
  'tooltip',
  'treeitem',
]);
const CHECKABLE_ROLES = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);
const SELECTABLE_ROLES = new Set(['option', 'tab']);
/** Roles whose `text` in the snapshot is the control's current value, not content. */
const TEXT_VALUE_ROLES = new Set(['textbox', 'searchbox', 'spinbutton']);
const CHOICE_ROLES = new Set(['combobox', 'listbox']);
/** Leaf roles whose name is their visible text (a cell "Jun 20", a heading "Tasks"). */
const TEXT_LEAF_ROLES = new Set([
  'cell',
  'gridcell',
  'columnheader',
  'rowheader',
  'heading',
  'listitem',
  'paragraph',
  'caption',
  'status',
  'alert',
  'tooltip',
  'term',
  'definition',
  'note',
  'blockquote',
  'generic',
  'strong',
  'emphasis',
  'code',
  'time',
]);
/** Unnamed containers of these roles say nothing about grouping and are left out of paths. */
const WRAPPER_ROLES = new Set(['generic', 'none', 'presentation', 'rowgroup']);
/** Unnamed containers of these roles are described in paths by their content. */
const DESCRIBED_BY_CONTENT_ROLES = new Set(['row', 'listitem', 'article']);
/** Containers whose name, when Playwright omits it, is rebuilt from content for paths as for elements. */
const NAMED_BY_CONTENT_IN_PATHS = new Set([
  'cell',
  'gridcell',
  'columnheader',
  'rowheader',
  'row',
  'listitem',
  'heading',
  'link',
  'button',
  'tab',
  'option',
  'menuitem',
]);

/**
 * Flattens an AI-mode aria snapshot into the elements an agent can act on or read: every node that
 * has a ref, with its ancestors as `path` (outermost first, e.g. ['main', 'form "New task"']).
 *
 * Playwright's AI mode omits names that repeat printed descendants (a row's name is the text of its
 * cells; a heading wrapping a link has no name of its own). For roles whose accessible name comes
 * from content, the name is filled back in from the content so role+name grounding still works.
 * Boxes of elements inside iframes are shifted by the iframe's own box into page viewport coordinates.
 */
export function flattenAriaElements(nodes: readonly AriaNode[]): Element[] {
  const elements: Element[] = [];
  const visit = (node: AriaNode, path: readonly string[], offset: { x: number; y: number }): void => {
    if (node.ref) elements.push(toElement(node, path, offset));
    const descriptor = pathDescriptorOf(node);
    const childPath = descriptor === undefined ? path : [...path, descriptor];
    const childOffset = node.role === 'iframe' && node.box ? { x: offset.x + node.box.x, y: offset.y + node.box.y } : offset;
    for (const child of node.children ?? []) {
      if (typeof child !== 'string') visit(child, childPath, childOffset);
    }
  };
  for (const node of nodes) visit(node, [], { x: 0, y: 0 });
  return elements;
}

function toElement(node: AriaNode, path: readonly string[], offset: { x: number; y: number }): Element {
  const element: Element = { ref: node.ref ?? '', role: node.role, name: accessibleName(node), path: [...path] };
  const text = elementText(node);
  if (text !== undefined) element.text = text;
  const value = elementValue(node);
  if (value !== undefined) element.value = value;
  if (node.checked !== undefined) element.checked = node.checked;
  else if (CHECKABLE_ROLES.has(node.role)) element.checked = false;
  if (node.selected) element.selected = true;
  else if (SELECTABLE_ROLES.has(node.role)) element.selected = false;
  if (node.pressed !== undefined) element.pressed = node.pressed;
  if (node.disabled) element.disabled = true;
  if (node.expanded) element.expanded = true;
  if (node.level !== undefined) element.level = node.level;
  if (node.url !== undefined) element.url = node.url;
  if (node.placeholder !== undefined) element.placeholder = node.placeholder;
  if (CHOICE_ROLES.has(node.role)) {
    const options = optionNodes(node);
    if (options.length > 0) element.options = options.map((option) => option.name ?? contentText(option));
  }
  if (node.box) element.box = shiftBox(node.box, offset);
  if (node.cursor === 'pointer') element.clickable = true;
  return element;
}

function accessibleName(node: AriaNode): string {
  if (node.name) return node.name;
  if (NAME_FROM_CONTENT_ROLES.has(node.role)) return contentText(node);
  return '';
}

function elementText(node: AriaNode): string | undefined {
  if (TEXT_VALUE_ROLES.has(node.role) || CHOICE_ROLES.has(node.role)) return undefined;
  if (node.text !== undefined) return node.text;
  const children = node.children ?? [];
  if (children.length > 0 && children.every((child) => typeof child === 'string')) {
    return collapseWhitespace(children.join(' '));
  }
  if (children.length === 0 && node.name && TEXT_LEAF_ROLES.has(node.role)) return node.name;
  return undefined;
}

function elementValue(node: AriaNode): string | undefined {
  if (TEXT_VALUE_ROLES.has(node.role)) return node.text ?? contentText(node);
  if (!CHOICE_ROLES.has(node.role)) return undefined;
  const options = optionNodes(node);
  if (options.length === 0) return node.role === 'combobox' ? (node.text ?? '') : undefined;
  const selected = options.find((option) => option.selected);
  return selected ? (selected.name ?? contentText(selected)) : undefined;
}

/** Option descendants of a combobox or listbox, through optgroups, in document order. */
function optionNodes(node: AriaNode): AriaNode[] {
  const options: AriaNode[] = [];
  const visit = (child: AriaChild): void => {
    if (typeof child === 'string') return;
    if (child.role === 'option') options.push(child);
    else for (const grandchild of child.children ?? []) visit(grandchild);
  };
  for (const child of node.children ?? []) visit(child);
  return options;
}

/** The text a node's content contributes to an accessible name, whitespace collapsed (approximate). */
export function contentText(node: AriaNode): string {
  if (node.text !== undefined) return collapseWhitespace(node.text);
  const parts: string[] = [];
  for (const child of node.children ?? []) {
    if (typeof child === 'string') parts.push(child);
    else if (child.ariaHidden)
      continue; // aria-hidden content never contributes to a name
    else if (TEXT_VALUE_ROLES.has(child.role)) parts.push(child.text ?? '');
    else if (CHOICE_ROLES.has(child.role)) parts.push(elementValue(child) ?? '');
    else parts.push(child.name || contentText(child));
  }
  return collapseWhitespace(parts.join(' '));
}

function pathDescriptorOf(node: AriaNode): string | undefined {
  if (node.role === 'text') return undefined;
  let name = node.name || (NAMED_BY_CONTENT_IN_PATHS.has(node.role) ? accessibleName(node) : '');
  if (!name && DESCRIBED_BY_CONTENT_ROLES.has(node.role)) name = contentText(node);
  if (!name && WRAPPER_ROLES.has(node.role)) return undefined;
  return pathDescriptor(node.role, name);
}

function shiftBox(box: Box, offset: { x: number; y: number }): Box {
  if (offset.x === 0 && offset.y === 0) return { ...box };
  return { x: box.x + offset.x, y: box.y + offset.y, width: box.width, height: box.height };
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
