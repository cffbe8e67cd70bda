import type { AriaNode } from './aria-node.js';

/**
 * Renders aria snapshot JSON to the YAML-like text Playwright produces in AI mode, e.g.
 *
 *   - form "New task" [ref=e13]:
 *     - textbox "Title" [ref=e15]: Buy milk
 *     - button "Save" [ref=e20]
 *
 * This mirrors Playwright 1.65's own renderer (packages/isomorphic/ariaSnapshotRenderer.ts) so one
 * `ariaSnapshotJSON` call yields both the text agents read and the tree the elements come from.
 * Boxes are left out by default: elements carry them, and they would double the text agents read.
 */
export interface RenderAriaOptions {
  /** Append `[box=x,y,width,height]` to each node that has one. */
  boxes?: boolean;
}

const MAX_RENDERED_NAME_LENGTH = 900;

export function renderAriaSnapshot(nodes: readonly AriaNode[], options: RenderAriaOptions = {}): string {
  const lines: string[] = [];
  const visitText = (text: string, depth: number): void => {
    const escaped = yamlEscapeValueIfNeeded(text);
    if (escaped) lines.push(`${indent(depth)}- text: ${escaped}`);
  };
  const visit = (node: AriaNode, depth: number): void => {
    if (node.role === 'text') {
      visitText(node.text ?? '', depth);
      return;
    }
    const key = `${indent(depth)}- ${yamlEscapeKeyIfNeeded(nodeKey(node, options))}`;
    const props: Array<[string, string]> = [];
    if (node.url !== undefined) props.push(['url', node.url]);
    if (node.placeholder !== undefined) props.push(['placeholder', node.placeholder]);
    if (node.text === undefined && props.length === 0 && !node.children?.length) {
      lines.push(key);
    } else if (node.text !== undefined && props.length === 0) {
      lines.push(`${key}: ${yamlEscapeValueIfNeeded(node.text)}`);
    } else {
      lines.push(`${key}:`);
      for (const [name, value] of props) lines.push(`${indent(depth + 1)}- /${name}: ${yamlEscapeValueIfNeeded(value)}`);
      if (node.text !== undefined) {
        visitText(node.text, depth + 1);
      } else {
        for (const child of node.children ?? []) {
          if (typeof child === 'string') visitText(child, depth + 1);
          else visit(child, depth + 1);
        }
      }
    }
  };
  for (const node of nodes) visit(node, 0);
  return lines.join('\n');
}

function nodeKey(node: AriaNode, options: RenderAriaOptions): string {
  let key = node.role;
  if (node.name && node.name.length <= MAX_RENDERED_NAME_LENGTH) key += ` ${JSON.stringify(node.name)}`;
  if (node.checked === 'mixed') key += ' [checked=mixed]';
  if (node.checked === true) key += ' [checked]';
  if (node.disabled) key += ' [disabled]';
  if (node.expanded) key += ' [expanded]';
  if (node.active) key += ' [active]';
  if (node.invalid === 'grammar' || node.invalid === 'spelling') key += ` [invalid=${node.invalid}]`;
  if (node.invalid === true) key += ' [invalid]';
  if (node.level) key += ` [level=${node.level}]`;
  if (node.pressed === 'mixed') key += ' [pressed=mixed]';
  if (node.pressed === true) key += ' [pressed]';
  if (node.selected === true) key += ' [selected]';
  if (node.ariaHidden) key += ' [aria-hidden]';
  if (node.ref) {
    key += ` [ref=${node.ref}]`;
    if (node.cursor === 'pointer') key += ' [cursor=pointer]';
  }
  if (options.boxes && node.box) key += ` [box=${node.box.x},${node.box.y},${node.box.width},${node.box.height}]`;
  return key;
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}

function yamlEscapeKeyIfNeeded(text: string): string {
  if (!yamlStringNeedsQuotes(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

function yamlEscapeValueIfNeeded(text: string): string {
  if (!yamlStringNeedsQuotes(text)) return text;
  const escaped = text.replace(/[\\"\x00-\x1f\x7f-\x9f]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
  return `"${escaped}"`;
}

const YAML_KEYWORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']);

function yamlStringNeedsQuotes(text: string): boolean {
  if (text.length === 0) return true;
  if (/^\s|\s$/.test(text)) return true;
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(text)) return true;
  if (/^-/.test(text)) return true;
  if (/[\n:](\s|$)/.test(text)) return true;
  if (/\s#/.test(text)) return true;
  if (/[\n\r]/.test(text)) return true;
  if (/^[&*\],?!>|@"'#%]/.test(text)) return true;
  if (/[{}`]/.test(text)) return true;
  if (/^\[/.test(text)) return true;
  if (!isNaN(Number(text)) || YAML_KEYWORDS.has(text.toLowerCase())) return true;
  if (/^[-+]?\.(inf|nan)$/i.test(text)) return true;
  return false;
}
