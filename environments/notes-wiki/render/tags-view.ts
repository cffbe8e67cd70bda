import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import type { Tag } from '../model.js';
import { pagesWithTag, tagSummaries } from '../queries.js';
import type { WikiStore } from '../store.js';
import { clampPage, emptyState, pageHeader, pager, personChip } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export type TagSort = 'name' | 'pages';
const PAGE_SIZE = 15;

export function renderTags(store: WikiStore, sort: TagSort, direction: 'asc' | 'desc', flash: string | undefined): string {
  const sign = direction === 'asc' ? 1 : -1;
  const summaries = tagSummaries(store).sort((a, b) =>
    sort === 'pages' ? sign * (a.count - b.count) || a.tag.name.localeCompare(b.tag.name) : sign * a.tag.name.localeCompare(b.tag.name),
  );
  const header = (key: TagSort, label: string, className = ''): SafeHtml => {
    const active = sort === key;
    const next = active ? (direction === 'asc' ? 'desc' : 'asc') : key === 'pages' ? 'desc' : 'asc';
    return html`<th scope="col" class="${className}"${active ? html` aria-sort="${direction === 'asc' ? 'ascending' : 'descending'}"` : ''}><a class="sort-link${active ? ' active' : ''}" href="/tags?sort=${key}&amp;dir=${next}">${label}<span class="sort-arrow" aria-hidden="true">${active ? (direction === 'asc' ? '↑' : '↓') : '↕'}</span></a></th>`;
  };
  const body = html`
    ${pageHeader('Tags', `${summaries.filter((summary) => summary.count > 0).length} tags in use. Add tags to a page from its Edit tab.`)}
    <section class="card table-card" aria-label="Tag list">
      <table class="table">
        <thead><tr>${header('name', 'Tag')}${header('pages', 'Pages', 'num')}<th scope="col">Most recently updated</th></tr></thead>
        <tbody>${summaries.map(
          (summary) => html`<tr>
          <td><a class="tag-link" href="/tags/${summary.tag.slug}">${icon('tag')}${summary.tag.name}</a></td>
          <td class="num">${summary.count}</td>
          <td>${summary.latest === undefined ? html`<span class="muted">No pages</span>` : html`<a class="muted-link" href="/pages/${summary.latest.id}">${summary.latest.title}</a> <span class="meta">· ${formatDate(summary.latest.updatedAt)}</span>`}</td>
        </tr>`,
        )}</tbody>
      </table>
    </section>`;
  return layout(store, { title: 'Tags', section: 'tags', flash, body });
}

export function renderTag(store: WikiStore, tag: Tag, requestedPage: number, flash?: string): string {
  const pages = pagesWithTag(store, tag);
  const page = clampPage(requestedPage, pages.length, PAGE_SIZE);
  const visible = pages.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/tags">Tags</a></li><li aria-current="page">${tag.name}</li></ol></nav>
    ${pageHeader(tag.name, `${pages.length} page${pages.length === 1 ? '' : 's'} tagged ${quoted(tag.name)}`)}
    <section class="card table-card" aria-label="Pages tagged ${tag.name}">
      ${
        visible.length === 0
          ? emptyState('No pages with this tag', 'Add the tag to a page from its Edit tab.')
          : html`<table class="table">
          <thead><tr><th scope="col">Title</th><th scope="col">Parent</th><th scope="col">Updated</th><th scope="col">Author</th></tr></thead>
          <tbody>${visible.map((entry) => {
            const parent = store.page(entry.parentId);
            return html`<tr><td class="col-title"><a class="title-link" href="/pages/${entry.id}">${entry.title}</a></td>
              <td>${parent === undefined ? html`<span class="muted">Top level</span>` : parent.title}</td>
              <td><time datetime="${entry.updatedAt}">${formatDate(entry.updatedAt)}</time></td><td>${personChip(store.person(entry.authorId))}</td></tr>`;
          })}</tbody></table>`
      }
      ${pager(pages.length, page, PAGE_SIZE, 'pages', (target) => `/tags/${tag.slug}${target > 1 ? `?page=${target}` : ''}`)}
    </section>`;
  return layout(store, { title: `Tag ${tag.name}`, section: 'tags', flash, body });
}
