import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { formatRelative } from '../clock.js';
import type { Page } from '../model.js';
import { ancestors } from '../queries.js';
import type { WikiStore } from '../store.js';
import { avatar, tagBadges } from './components.js';
import { icon } from './icons.js';

export type PageTab = 'read' | 'edit' | 'history' | 'move';

/** Breadcrumb, title, meta line, actions (star, more menu, delete) and the Read/Edit/History/Move tabs. */
export function pageChrome(store: WikiStore, page: Page, tab: PageTab, returnTo: string, heading?: string): SafeHtml {
  const editor = store.person(page.lastEditorId);
  const crumbs = ancestors(store, page).map((ancestor) => html`<li><a href="/pages/${ancestor.id}">${ancestor.title}</a></li>`);
  const tabLink = (key: PageTab, href: string, label: string, iconName: Parameters<typeof icon>[0], count?: number): SafeHtml =>
    html`<a href="${href}" class="tab"${tab === key ? html` aria-current="page"` : ''}>${icon(iconName)}${label}${count === undefined ? '' : html`<span class="count" aria-hidden="true">${count}</span>`}</a>`;
  const star = html`<form method="post" action="/pages/${page.id}/star" class="inline">
    <input type="hidden" name="starred" value="${page.starred ? 'off' : 'on'}">${html`<input type="hidden" name="return" value="${returnTo}">`}
    <button type="submit" class="button star-button${page.starred ? ' is-starred' : ''}" aria-label="${page.starred ? 'Unstar' : 'Star'} ${quoted(page.title)}">${icon('star')}${page.starred ? 'Starred' : 'Star'}</button>
  </form>`;
  const menu = page.archived
    ? ''
    : html`<details class="menu">
    <summary class="button" role="button" aria-expanded="false" aria-label="More actions">${icon('more')}<span>More</span></summary>
    <div class="menu-panel">
      <a class="menu-item" href="/pages/new?parent=${page.id}">${icon('plus')}New subpage</a>
      <a class="menu-item" href="/pages/${page.id}/move">${icon('move')}Move page</a>
      <a class="menu-item" href="/pages/${page.id}/history">${icon('history')}Page history</a>
      <form method="post" action="/pages/${page.id}/archive"><input type="hidden" name="return" value="/pages/${page.id}"><button type="submit" class="menu-item">${icon('archive')}Archive page</button></form>
    </div>
  </details>`;
  return html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/pages">All pages</a></li>${crumbs}<li aria-current="page">${page.title}</li></ol></nav>
    ${
      page.archived
        ? html`<div class="banner">${icon('archive')}<p>This page is archived. It is hidden from the page tree, lists and search.</p>
        <form method="post" action="/pages/${page.id}/unarchive"><input type="hidden" name="return" value="/pages/${page.id}"><button type="submit" class="button small">${icon('restore')}Unarchive page</button></form></div>`
        : ''
    }
    <div class="page-header doc-header">
      <div>
        <h1>${heading ?? page.title}</h1>
        <p class="subtitle doc-meta">${editor ? avatar(editor) : ''}<span>Last edited by <span class="strong">${editor?.name ?? 'Unknown'}</span> · <time datetime="${page.updatedAt}">${formatRelative(page.updatedAt, store.now())}</time> · v${page.version}</span></p>
        ${page.tags.length > 0 ? html`<p class="tag-row" aria-label="Tags">${tagBadges(store, page.tags)}</p>` : ''}
      </div>
      <div class="page-actions">${star}${menu}<button type="button" class="button danger-outline" data-open-dialog="delete-dialog">${icon('trash')}Delete page</button></div>
    </div>
    <nav aria-label="Page views" class="tabs">
      ${tabLink('read', `/pages/${page.id}`, 'Read', 'book')}
      ${tabLink('edit', `/pages/${page.id}/edit`, 'Edit', 'edit')}
      ${tabLink('history', `/pages/${page.id}/history`, 'History', 'history', store.history(page.id).length)}
      ${tabLink('move', `/pages/${page.id}/move`, 'Move', 'move')}
    </nav>
    ${deleteDialog(store, page)}`;
}

function deleteDialog(store: WikiStore, page: Page): SafeHtml {
  const children = store.pages.filter((child) => child.parentId === page.id);
  const parent = store.page(page.parentId);
  const where = parent === undefined ? 'the top level' : quoted(parent.title);
  return html`<dialog id="delete-dialog" class="dialog" aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-text">
    <h2 id="delete-dialog-title">Delete this page?</h2>
    <p id="delete-dialog-text">${quoted(page.title)} and its ${store.history(page.id).length} saved versions will be permanently deleted.${children.length > 0 ? ` Its ${children.length} subpage${children.length === 1 ? '' : 's'} will move up to ${where}.` : ''} This cannot be undone.</p>
    <form method="post" action="/pages/${page.id}/delete" class="dialog-actions">
      <button type="button" class="button" data-close-dialog>Cancel</button>
      <button type="submit" class="button danger">Delete</button>
    </form>
  </dialog>`;
}
