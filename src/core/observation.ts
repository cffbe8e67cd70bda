import { z } from 'zod';
import { BoxSchema, ViewportSchema } from './geometry.js';
import { normalizedIncludes } from './text-match.js';

/**
 * One element of the accessibility tree that carries a ref (an element an agent can act on or read).
 * `path` lists the roles and names of its ancestors, outermost first, e.g. ['main', 'form "New task"'],
 * so agents can group fields into forms and rows without reading the DOM.
 */
export const ElementSchema = z.object({
  ref: z.string(),
  role: z.string(),
  name: z.string(),
  /** Text content when the node is a leaf (cells, headings, paragraphs). */
  text: z.string().optional(),
  /** Current value of a textbox, or the selected option of a combobox. */
  value: z.string().optional(),
  checked: z.union([z.boolean(), z.literal('mixed')]).optional(),
  selected: z.boolean().optional(),
  /** A toggle button's state (aria-pressed), as the snapshot shows it. */
  pressed: z.union([z.boolean(), z.literal('mixed')]).optional(),
  disabled: z.boolean().optional(),
  expanded: z.boolean().optional(),
  level: z.number().optional(),
  url: z.string().optional(),
  placeholder: z.string().optional(),
  /** Options of a combobox/listbox, by label. */
  options: z.array(z.string()).optional(),
  box: BoxSchema.optional(),
  /** Whether the element shows a pointer cursor (clickable) in the AI snapshot. */
  clickable: z.boolean().optional(),
  path: z.array(z.string()),
});
export type Element = z.infer<typeof ElementSchema>;

/** What an agent sees at one moment. The screenshot bytes travel beside it, not inside it. */
export const ObservationSchema = z.object({
  url: z.string(),
  title: z.string(),
  /** YAML-like accessibility snapshot with `[ref=eN]` markers, as Playwright renders it in AI mode. */
  snapshot: z.string(),
  elements: z.array(ElementSchema),
  viewport: ViewportSchema,
  /** Error the last action produced, shown to the agent as part of what it sees. */
  error: z.string().optional(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** An observation together with its screenshot, as the browser layer captures it. */
export interface CapturedObservation extends Observation {
  /** The screenshot, encoded as WebP. */
  screenshotWebp: Uint8Array;
  timings: CaptureTimings;
}

export interface CaptureTimings {
  /** Wall time of the whole capture; screenshot and snapshot run concurrently, so their times overlap. */
  observeMs: number;
  screenshotMs: number;
  snapshotMs: number;
  encodeMs: number;
}

/** What a page looks like to a predicate: its URL, readable text and elements. */
export interface PageView {
  url: string;
  /** What the page shows (core/page-text's readableText): never what an editable field holds. */
  text: string;
  elements: Element[];
  /** The accessibility snapshot the view was read from, for predicates that read one row's text. */
  snapshot?: string;
}

/**
 * Read access to pages for predicate evaluation. `read(path)` loads `path` (relative to the
 * environment's origin) in a scratch page of the episode's browser context, leaving the agent's page
 * untouched; `read()` reads the agent's current page.
 */
export interface PageReader {
  read(path?: string, signal?: AbortSignal): Promise<PageView>;
}

const MAX_PATH_NAME_LENGTH = 100;

/**
 * How an ancestor appears in an element's `path`: its role, then its accessible name in double
 * quotes when it has one (cut to 100 characters with an ellipsis), e.g. `form "New task"`.
 * Both the browser layer (writing paths) and agents (matching containers) use this one format.
 */
export function pathDescriptor(role: string, name: string): string {
  const collapsed = name.replace(/\s+/g, ' ').trim();
  if (!collapsed) return role;
  const cut = collapsed.length <= MAX_PATH_NAME_LENGTH ? collapsed : `${collapsed.slice(0, MAX_PATH_NAME_LENGTH - 1)}…`;
  return `${role} "${cut}"`;
}

const INTERACTIVE_ROLES = [
  'link',
  'button',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'switch',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'tab',
  'slider',
  'spinbutton',
];

/** What a page offers, counted by role ("4 links, 1 button, 0 fields"), for messages about a page. */
export function describeInteractive(elements: readonly Element[]): string {
  const counts = new Map<string, number>();
  for (const element of elements) {
    if (INTERACTIVE_ROLES.includes(element.role) && !element.disabled) counts.set(element.role, (counts.get(element.role) ?? 0) + 1);
  }
  if (counts.size === 0) return 'no links, buttons or fields';
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([role, count]) => `${count} ${role}${count === 1 ? '' : role.endsWith('x') ? 'es' : 's'}`)
    .join(', ');
}

/** Containers that hold one item of a list or table, whose text tells a row's controls apart. */
const ROW_ROLES = new Set(['row', 'listitem', 'article', 'treeitem']);

/**
 * The text of the row or list item an element sits in (its nearest such ancestor, as named in the
 * element's `path`), or undefined outside any. An unlabeled checkbox or a "×" in a to-do row is told
 * apart from its neighbours by this text ("Buy milk and eggs ☆").
 */
export function rowContext(element: Pick<Element, 'path'>): string | undefined {
  for (let index = element.path.length - 1; index >= 0; index -= 1) {
    const match = /^(\S+)(?: "(.*)")?$/.exec(element.path[index]!);
    if (match && ROW_ROLES.has(match[1]!)) return match[2] ?? '';
  }
  return undefined;
}

/** Whether an element sits in a row whose text includes `within` (case and spacing aside); true without `within`. */
export function isWithin(element: Pick<Element, 'path'>, within: string | undefined): boolean {
  if (within === undefined) return true;
  const context = rowContext(element);
  return context !== undefined && normalizedIncludes(context.replace(/…$/, ''), within);
}
