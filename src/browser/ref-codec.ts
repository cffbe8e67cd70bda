import type { Page } from 'playwright-core';
import type { AriaNode } from './aria-node.js';

/**
 * Playwright prefixes AI-snapshot refs with a frame number (`f2e14`) that counts frames across the
 * whole browser, so the same page gets different refs depending on what else ran before or in
 * parallel. Refs of the page's main frame are published without that prefix (`e14`), which makes
 * them depend only on the page itself, so the same seed records the same refs. Refs of iframes keep
 * their prefix. The prefix is remembered per page to turn a published ref back into Playwright's.
 */
const mainFramePrefix = new WeakMap<Page, string>();
const REF = /^(f\d+)?(e\d+)$/;

export function publishRefs(page: Page, nodes: readonly AriaNode[]): void {
  const first = findFirstRef(nodes);
  const prefix = first ? (REF.exec(first)?.[1] ?? '') : '';
  mainFramePrefix.set(page, prefix);
  if (!prefix) return;
  const visit = (node: AriaNode): void => {
    if (node.ref) {
      const match = REF.exec(node.ref);
      if (match && match[1] === prefix) node.ref = match[2];
    }
    for (const child of node.children ?? []) if (typeof child !== 'string') visit(child);
  };
  nodes.forEach(visit);
}

/** The ref as Playwright knows it, for `page.getByRef`. */
export function playwrightRef(page: Page, ref: string): string {
  const prefix = mainFramePrefix.get(page) ?? '';
  return prefix && /^e\d+$/.test(ref) ? `${prefix}${ref}` : ref;
}

function findFirstRef(nodes: readonly AriaNode[]): string | undefined {
  for (const node of nodes) {
    if (node.ref) return node.ref;
    const nested = findFirstRef((node.children ?? []).filter((child): child is AriaNode => typeof child !== 'string'));
    if (nested) return nested;
  }
  return undefined;
}
