import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import type { Page } from '../model.js';
import { DEFAULT_LIST_QUERY, listPages, type ListQuery, type SortKey } from '../queries.js';
import type { WikiStore } from '../store.js';
import { clampPage, emptyState, pageHeader, pager, personChip, returnInput, selectField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export const PAGE_SIZE = 15;

const COLUMNS: ReadonlyArray<readonly [SortKey, string]> = [
  ['title', 'Title'],
  ['parent', 'Parent'],
  ['updated', 'Updated'],
  ['author', 'Author'],
];

/** The URL for this list view with defaults left out. */
export function listHref(query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.tab === 'archived') params.set('tab', 'archived');
  if (query.tag !== undefined) params.set('tag', query.tag);
  if (query.authorId !== undefined) params.set('author', String(query.authorId));
  if (query.sort !== DEFAULT_LIST_QUERY.sort || query.direction !== DEFAULT_LIST_QUERY.direction) {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/pages${search ? `?${search}` : ''}`;
}

export function renderAllPages(store: WikiStore, query: ListQuery, requestedPage: number, flash: string | undefined): string {
  const rows = listPages(store, query);
  const page = clampPage(requestedPage, rows.length, PAGE_SIZE);
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const here = listHref(query, page);
  const archivedView = query.tab === 'archived';
  const filtered = query.tag !== undefined || query.authorId !== undefined;
  const activeCount = store.pages.filter((entry) => !entry.archived).length;
  const archivedCount = store.pages.length - activeCount;

  const header = (key: SortKey, label: string): SafeHtml => {
    const active = query.sort === key;
    const next = active ? (query.direction === 'asc' ? 'desc' : 'asc') : key === 'updated' ? 'desc' : 'asc';
    const ariaSort = active ? html` aria-sort="${query.direction === 'asc' ? 'ascending' : 'descending'}"` : '';
    return html`<th scope="col"${ariaSort}><a class="sort-link${active ? ' active' : ''}" href="${listHref({ ...query, sort: key, direction: next }, 1)}">${label}<span class="sort-arrow" aria-hidden="true">${active ? (query.direction === 'asc' ? '↑' : '↓') : '↕'}</span></a></th>`;
  };
  const tab = (label: string, count: number, target: ListQuery['tab']): SafeHtml =>
    html`<a class="tab" href="${listHref({ ...DEFAULT_LIST_QUERY, tab: target }, 1)}"${query.tab === target ? html` aria-current="page"` : ''}>${label}<span class="count" aria-hidden="true">${count}</span></a>`;

  const table =
    visible.length === 0
      ? emptyState(
          filtered ? 'No pages match these filters' : archivedView ? 'Nothing is archived' : 'No pages yet',
          filtered ? 'Try another tag or author.' : 'Archived pages show up here.',
        )
      : html`<table class="table pages-table">
        <caption class="visually-hidden">${archivedView ? 'Archived pages' : 'All pages'}</caption>
        <thead><tr>${archivedView ? '' : html`<th scope="col" class="col-check"><span class="visually-hidden">Starred</span></th>`}${COLUMNS.map(([key, label]) => header(key, label))}<th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${visible.map((entry) => pageRow(store, entry, here, archivedView))}</tbody>
      </table>`;

  const body = html`
    ${pageHeader('All pages', `${activeCount} pages across ${store.pages.filter((entry) => entry.parentId === null && !entry.archived).length} spaces`, html`<a class="button primary" href="/pages/new">${icon('plus')}New page</a>`)}
    <nav aria-label="Page lists" class="tabs">${tab('Active', activeCount, 'active')}${tab('Archived', archivedCount, 'archived')}</nav>
    <div class="card table-card">
      ${filterForm(store, query)}
      ${table}
      ${pager(rows.length, page, PAGE_SIZE, 'pages', (target) => listHref(query, target))}
    </div>`;
  return layout(store, { title: archivedView ? 'Archived pages' : 'All pages', section: 'pages', flash, body });
}

function pageRow(store: WikiStore, page: Page, returnTo: string, archivedView: boolean): SafeHtml {
  const parent = store.page(page.parentId);
  const star = html`<td class="col-check"><form method="post" action="/pages/${page.id}/star">${returnInput(returnTo)}<input type="checkbox" class="star-check" name="starred" value="on" aria-label="Star ${quoted(page.title)}" data-autosubmit${page.starred ? html` checked` : ''}></form></td>`;
  const action = archivedView
    ? html`<form method="post" action="/pages/${page.id}/unarchive">${returnInput(returnTo)}<button type="submit" class="button ghost small" aria-label="Unarchive ${quoted(page.title)}">${icon('restore')}Unarchive</button></form>`
    : html`<form method="post" action="/pages/${page.id}/archive">${returnInput(returnTo)}<button type="submit" class="button ghost small" aria-label="Archive ${quoted(page.title)}">${icon('archive')}Archive</button></form>`;
  return html`<tr>
    ${archivedView ? '' : star}
    <td class="col-title"><a class="title-link" href="/pages/${page.id}">${page.title}</a>${page.tags.length > 0 ? html`<span class="row-tags">${page.tags.map((name) => html`<span class="tag tag-slate">${name}</span>`)}</span>` : ''}</td>
    <td>${parent === undefined ? html`<span class="muted">Top level</span>` : html`<a class="muted-link" href="/pages/${parent.id}">${parent.title}</a>`}</td>
    <td><time datetime="${page.updatedAt}">${formatDate(page.updatedAt)}</time></td>
    <td>${personChip(store.person(page.authorId))}</td>
    <td class="col-actions">${action}</td>
  </tr>`;
}

function filterForm(store: WikiStore, query: ListQuery): SafeHtml {
  const filtered = query.tag !== undefined || query.authorId !== undefined;
  const keep = html`${query.tab === 'archived' ? html`<input type="hidden" name="tab" value="archived">` : ''}${query.sort !== DEFAULT_LIST_QUERY.sort || query.direction !== DEFAULT_LIST_QUERY.direction ? html`<input type="hidden" name="sort" value="${query.sort}"><input type="hidden" name="dir" value="${query.direction}">` : ''}`;
  const tagOptions = [
    { value: '', label: 'All tags' },
    ...[...store.tags].sort((a, b) => a.name.localeCompare(b.name)).map((tag) => ({ value: tag.slug, label: tag.name })),
  ];
  const authorOptions = [
    { value: '', label: 'Anyone' },
    ...store.people.map((person) => ({ value: String(person.id), label: person.name })),
  ];
  return html`<form method="get" action="/pages" aria-label="Filter pages" class="filter-bar">
    ${keep}
    ${selectField({ id: 'filter-tag', name: 'tag', label: 'Tag', ariaLabel: 'Filter by tag', options: tagOptions, selected: query.tag ?? '' })}
    ${selectField({ id: 'filter-author', name: 'author', label: 'Author', ariaLabel: 'Filter by author', options: authorOptions, selected: query.authorId === undefined ? '' : String(query.authorId) })}
    <button type="submit" class="button">Apply filters</button>
    ${filtered ? html`<a class="clear-link" href="${listHref({ ...DEFAULT_LIST_QUERY, tab: query.tab }, 1)}">Clear filters</a>` : ''}
  </form>`;
}
