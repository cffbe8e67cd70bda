import { html, type SafeHtml } from '../../kit/html.js';
import type { Page } from '../model.js';
import { ancestors, childrenOf } from '../queries.js';
import type { WikiStore } from '../store.js';
import { icon } from './icons.js';

/**
 * The sidebar's page tree: nested lists where a page with subpages has its link followed by a
 * <details> whose summary (a button named "<title> subpages") expands and collapses its subpages
 * without script. The current page's ancestors (and the page itself) start open.
 */
export function pageTree(store: WikiStore, currentPageId: number | undefined): SafeHtml {
  const current = store.page(currentPageId ?? null);
  const open = new Set<number>(current === undefined ? [] : [...ancestors(store, current).map((page) => page.id), current.id]);
  return html`<ul class="tree" role="list">${childrenOf(store, null).map((page) => node(store, page, 0, open, currentPageId))}</ul>`;
}

function node(store: WikiStore, page: Page, depth: number, open: ReadonlySet<number>, currentPageId: number | undefined): SafeHtml {
  const children = childrenOf(store, page.id);
  const current = page.id === currentPageId ? html` aria-current="page"` : '';
  const link = html`<a class="tree-link" href="/pages/${page.id}"${current}>${depth === 0 ? icon('book') : icon('file')}<span>${page.title}</span></a>`;
  if (children.length === 0) return html`<li class="tree-leaf">${link}</li>`;
  const expanded = open.has(page.id);
  // The link stays outside <details> so it is never nested in the toggle; CSS puts the caret before it.
  return html`<li class="tree-branch">${link}<details class="tree-node"${expanded ? html` open` : ''}><summary role="button" aria-expanded="${expanded}" aria-label="${page.title} subpages" title="Show or hide subpages">${icon('chevronRight', 'icon tree-caret')}</summary>
    <ul class="tree" role="list">${children.map((child) => node(store, child, depth + 1, open, currentPageId))}</ul></details></li>`;
}
