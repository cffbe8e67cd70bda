import { html, quoted } from '../../kit/html.js';
import { formatDate, formatDateTime } from '../clock.js';
import { activePages, recentChanges } from '../queries.js';
import type { WikiStore } from '../store.js';
import { clampPage, emptyState, pageHeader, pager, personChip, returnInput } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const PAGE_SIZE = 15;

export function renderStarred(store: WikiStore, flash: string | undefined): string {
  const starred = activePages(store)
    .filter((page) => page.starred)
    .sort((a, b) => a.title.localeCompare(b.title));
  const body = html`
    ${pageHeader('Starred', 'Pages you starred, for quick access.')}
    <section class="card table-card" aria-label="Starred pages">
      ${
        starred.length === 0
          ? emptyState('No starred pages', 'Use the Star button on any page to add it here.')
          : html`<table class="table">
          <thead><tr><th scope="col">Title</th><th scope="col">Parent</th><th scope="col">Updated</th><th scope="col">Last edited by</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${starred.map(
            (page) => html`<tr>
            <td class="col-title"><span class="star-mark" aria-hidden="true">${icon('star')}</span><a class="title-link" href="/pages/${page.id}">${page.title}</a></td>
            <td>${store.page(page.parentId)?.title ?? html`<span class="muted">Top level</span>`}</td>
            <td><time datetime="${page.updatedAt}">${formatDate(page.updatedAt)}</time></td>
            <td>${personChip(store.person(page.lastEditorId))}</td>
            <td class="col-actions"><form method="post" action="/pages/${page.id}/star">${returnInput('/starred')}<input type="hidden" name="starred" value="off"><button type="submit" class="button ghost small" aria-label="Unstar ${quoted(page.title)}">${icon('star')}Unstar</button></form></td>
          </tr>`,
          )}</tbody></table>`
      }
    </section>`;
  return layout(store, { title: 'Starred', section: 'starred', flash, body });
}

export function renderChanges(store: WikiStore, requestedPage: number, flash?: string): string {
  const changes = recentChanges(store);
  const page = clampPage(requestedPage, changes.length, PAGE_SIZE);
  const visible = changes.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const body = html`
    ${pageHeader('Recent changes', 'Every saved version across the wiki, newest first.')}
    <section class="card table-card" aria-label="Change log">
      <table class="table">
        <thead><tr><th scope="col">Page</th><th scope="col">Version</th><th scope="col">Edited by</th><th scope="col">Date</th><th scope="col">Summary</th></tr></thead>
        <tbody>${visible.map((version) => {
          const target = store.page(version.pageId);
          return html`<tr>
            <td class="col-title">${target === undefined ? version.title : html`<a class="title-link" href="/pages/${target.id}">${target.title}</a>`}${target?.archived ? html` <span class="pill muted-pill">Archived</span>` : ''}</td>
            <td>${target === undefined ? `v${version.version}` : html`<a class="muted-link" href="/pages/${target.id}/versions/${version.version}">v${version.version}</a>`}</td>
            <td>${personChip(store.person(version.editorId))}</td>
            <td><time datetime="${version.editedAt}">${formatDateTime(version.editedAt)}</time></td>
            <td class="summary-cell">${version.summary}</td>
          </tr>`;
        })}</tbody>
      </table>
      ${pager(changes.length, page, PAGE_SIZE, 'changes', (target) => `/changes${target > 1 ? `?page=${target}` : ''}`)}
    </section>`;
  return layout(store, { title: 'Recent changes', section: 'changes', flash, body });
}

export function renderNotFound(store: WikiStore, what: string, flash?: string): string {
  const body = html`${pageHeader(`${what} not found`, 'It may have been deleted, or the link is wrong.')}
    <div class="card">${emptyState('Nothing here', 'Go back to the page list to find what you need.')}<p class="center"><a class="button" href="/pages">${icon('pages')}All pages</a></p></div>`;
  return layout(store, { title: `${what} not found`, section: 'none', flash, body });
}
