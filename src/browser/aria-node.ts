import type { Box } from '../core/index.js';

/**
 * One node of Playwright's aria snapshot JSON (`page.ariaSnapshotJSON({ mode: 'ai' })`). Children are
 * nodes or bare text fragments. Only `true` states are emitted by Playwright: an unchecked checkbox
 * has no `checked` key and a collapsed disclosure has no `expanded` key.
 */
export interface AriaNode {
  role: string;
  name?: string;
  ref?: string;
  /** Text content when it is the node's only child (also a textbox's value). */
  text?: string;
  children?: AriaChild[];
  checked?: boolean | 'mixed';
  disabled?: boolean;
  expanded?: boolean;
  active?: boolean;
  invalid?: boolean | 'grammar' | 'spelling';
  level?: number;
  pressed?: boolean | 'mixed';
  selected?: boolean;
  url?: string;
  placeholder?: string;
  ariaHidden?: boolean;
  cursor?: 'pointer';
  box?: Box;
}

export type AriaChild = AriaNode | string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function triState(value: unknown): boolean | 'mixed' | undefined {
  return value === true || value === false || value === 'mixed' ? value : undefined;
}

function parseBox(value: unknown): Box | undefined {
  if (!isRecord(value)) return undefined;
  const { x, y, width, height } = value;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof width !== 'number' || typeof height !== 'number') {
    return undefined;
  }
  return { x, y, width, height };
}

function parseNode(value: unknown): AriaChild | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value) || typeof value.role !== 'string') return undefined;
  const node: AriaNode = { role: value.role };
  const name = optionalString(value.name);
  if (name !== undefined) node.name = name;
  const ref = optionalString(value.ref);
  if (ref !== undefined) node.ref = ref;
  const text = optionalString(value.text);
  if (text !== undefined) node.text = text;
  const checked = triState(value.checked);
  if (checked !== undefined) node.checked = checked;
  const pressed = triState(value.pressed);
  if (pressed !== undefined) node.pressed = pressed;
  if (value.disabled === true) node.disabled = true;
  if (value.expanded === true) node.expanded = true;
  if (value.active === true) node.active = true;
  if (value.selected === true) node.selected = true;
  if (value.ariaHidden === true) node.ariaHidden = true;
  if (value.invalid === true || value.invalid === 'grammar' || value.invalid === 'spelling') node.invalid = value.invalid;
  if (typeof value.level === 'number') node.level = value.level;
  const url = optionalString(value.url);
  if (url !== undefined) node.url = url;
  const placeholder = optionalString(value.placeholder);
  if (placeholder !== undefined) node.placeholder = placeholder;
  if (value.cursor === 'pointer') node.cursor = 'pointer';
  const box = parseBox(value.box);
  if (box) node.box = box;
  if (Array.isArray(value.children)) {
    node.children = value.children.map(parseNode).filter((child): child is AriaChild => child !== undefined);
  }
  return node;
}

/**
 * Reads the untyped JSON Playwright returns into typed nodes, dropping anything malformed rather than
 * trusting it. A top-level text fragment becomes a `text` node, as Playwright itself renders it.
 */
export function parseAriaSnapshot(json: unknown): AriaNode[] {
  const roots = Array.isArray(json) ? json : [json];
  const nodes: AriaNode[] = [];
  for (const root of roots) {
    const parsed = parseNode(root);
    if (parsed === undefined) continue;
    nodes.push(typeof parsed === 'string' ? { role: 'text', text: parsed } : parsed);
  }
  return nodes;
}
