/**
 * What a page says, read from its AI-mode accessibility snapshot (the YAML-like text of
 * src/browser/aria-render.ts): the names and text of its nodes, without refs, roles, link targets or
 * what sits in an editable field. A value typed into a textbox is not something the page shows: a
 * check that reads it would pass a form that was filled and never submitted.
 */

import type { Observation, PageView } from './observation.js';

/** A page as predicates see it, from an observation already captured (no extra browser round trip). */
export function pageViewOf(observation: Pick<Observation, 'url' | 'snapshot' | 'elements'>): PageView {
  return { url: observation.url, text: readableText(observation.snapshot), elements: observation.elements, snapshot: observation.snapshot };
}

/** Roles whose text in the snapshot is the control's current value (what was typed or picked), not content. */
const EDITABLE_VALUE_ROLES = new Set(['textbox', 'searchbox', 'spinbutton', 'combobox']);
/** Containers that hold one item of a list or table (as in core/observation's rowContext). */
const ROW_ROLES = new Set(['row', 'listitem', 'article', 'treeitem']);

export interface SnapshotNode {
  depth: number;
  role: string;
  name?: string;
  /** The node's text after the colon: content, or an editable control's value. */
  value?: string;
  /**
   * Inside an editable control (a textbox's value shown as its child `text:` line, next to its
   * placeholder): what was typed, not what the page shows.
   */
  inEditable?: boolean;
}

/** The snapshot's nodes in document order (property lines such as `/url` are left out). */
export function snapshotNodes(snapshot: string): SnapshotNode[] {
  const nodes: SnapshotNode[] = [];
  // Depths of the editable controls the current line is inside.
  const editable: number[] = [];
  for (const line of snapshot.split('\n')) {
    const match = /^(\s*)- (.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 2;
    while (editable.length > 0 && editable[editable.length - 1]! >= depth) editable.pop();
    const inEditable = editable.length > 0 ? { inEditable: true } : {};
    const { key, value } = splitKeyValue(match[2]!);
    if (key.startsWith('/')) continue;
    if (key === 'text') {
      if (value !== undefined) nodes.push({ depth, role: 'text', value, ...inEditable });
      continue;
    }
    const head = /^([a-zA-Z][\w-]*)(?: ("(?:[^"\\]|\\.)*"))?/.exec(key);
    if (!head) continue;
    const node: SnapshotNode = { depth, role: head[1]!, ...inEditable };
    if (head[2] !== undefined) node.name = parseJsonString(head[2]);
    if (value !== undefined && value !== '') node.value = value;
    nodes.push(node);
    if (EDITABLE_VALUE_ROLES.has(node.role)) editable.push(depth);
  }
  return nodes;
}

/**
 * The page's readable text: every node's name and text, one per line, without what editable fields
 * hold (their labels stay). What text predicates read.
 */
export function readableText(snapshot: string): string {
  return snapshotNodes(snapshot)
    .flatMap((node) => nodeWords(node))
    .join('\n');
}

/**
 * The readable text of every row, list item, article or tree item, each with everything inside it,
 * in document order. What a text predicate `within` a row reads.
 */
export function rowTexts(snapshot: string): string[] {
  const nodes = snapshotNodes(snapshot);
  const rows: string[] = [];
  nodes.forEach((node, index) => {
    if (!ROW_ROLES.has(node.role)) return;
    const parts = [...nodeWords(node)];
    for (let next = index + 1; next < nodes.length && nodes[next]!.depth > node.depth; next += 1) parts.push(...nodeWords(nodes[next]!));
    rows.push(parts.join('\n'));
  });
  return rows;
}

/**
 * Whether a snapshot shows an element of `role` named `name` (case and spacing aside), inside a row
 * whose text includes `within` when that is given. For telling, from a recorded page, that a step
 * aimed at it would find nothing.
 */
export function snapshotShows(snapshot: string, target: { role: string; name?: string | undefined; within?: string | undefined }): boolean {
  const nodes = snapshotNodes(snapshot);
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const rowOf = (index: number): string | undefined => {
    const depth = nodes[index]!.depth;
    for (let at = index - 1, limit = depth; at >= 0; at -= 1) {
      const node = nodes[at]!;
      if (node.depth >= limit) continue;
      limit = node.depth;
      if (ROW_ROLES.has(node.role)) {
        const parts = [...nodeWords(node)];
        for (let next = at + 1; next < nodes.length && nodes[next]!.depth > node.depth; next += 1) parts.push(...nodeWords(nodes[next]!));
        return parts.join('\n');
      }
    }
    return undefined;
  };
  return nodes.some((node, index) => {
    if (node.role !== target.role) return false;
    if (target.name !== undefined && norm(node.name ?? '') !== norm(target.name)) return false;
    if (target.within === undefined) return true;
    const row = rowOf(index);
    return row !== undefined && norm(row).includes(norm(target.within));
  });
}

function nodeWords(node: SnapshotNode): string[] {
  // A combobox's options are the page's own text; a textbox's content is what was typed.
  if (node.inEditable && node.role !== 'option') return [];
  const words: string[] = [];
  if (node.name) words.push(node.name);
  if (node.value !== undefined && !EDITABLE_VALUE_ROLES.has(node.role)) words.push(node.value);
  return words;
}

/** `key: value` as aria-render writes it: the key possibly single-quoted, the value possibly double-quoted. */
function splitKeyValue(rest: string): { key: string; value?: string } {
  let key: string;
  let after: string;
  if (rest.startsWith("'")) {
    let end = 1;
    while (end < rest.length) {
      if (rest[end] === "'" && rest[end + 1] === "'") end += 2;
      else if (rest[end] === "'") break;
      else end += 1;
    }
    key = rest.slice(1, end).replace(/''/g, "'");
    after = rest.slice(end + 1);
  } else {
    // The key ends at the first ": " or final ":" outside a double-quoted name.
    let inString = false;
    let end = 0;
    for (; end < rest.length; end += 1) {
      const char = rest[end];
      if (inString) {
        if (char === '\\') end += 1;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === ':' && (end === rest.length - 1 || rest[end + 1] === ' ')) break;
    }
    key = rest.slice(0, end);
    after = rest.slice(end);
  }
  if (!after.startsWith(':')) return { key };
  const raw = after.slice(1).trim();
  return { key, value: raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? parseJsonString(raw) : raw };
}

function parseJsonString(quoted: string): string {
  try {
    const parsed: unknown = JSON.parse(quoted.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1'));
    return typeof parsed === 'string' ? parsed : quoted.slice(1, -1);
  } catch {
    return quoted.slice(1, -1);
  }
}
