import { html } from '../../kit/html.js';
import { TODAY, addDays, daysBetween, formatDate, formatRelative } from '../clock.js';
import { plainText } from '../markdown.js';
import { activePages, ancestors, childrenOf, tagSummaries } from '../queries.js';
import type { WikiStore } from '../store.js';
import { WORKSPACE_NAME } from '../vocab-people.js';
import { avatar, emptyState, pageHeader, tagBadge } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const RECENT_LIMIT = 8;

export function renderHome(store: WikiStore, flash: string | undefined): string {
  const user = store.currentUser();
  const pages = activePages(store);
  const spaces = childrenOf(store, null);
  const weekAgo = `${addDays(TODAY, -7)}T00:00:00Z`;
  const editsThisWeek = store.versions.filter((version) => version.editedAt >= weekAgo).length;
  const recent = [...pages]
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id - b.id))
    .slice(0, RECENT_LIMIT);
  const starred = pages.filter((page) => page.starred).sort((a, b) => a.title.localeCompare(b.title));
  const inUse = tagSummaries(store).filter((summary) => summary.count > 0);
  const popular = [...inUse].sort((a, b) => b.count - a.count || a.tag.name.localeCompare(b.tag.name)).slice(0, 10);
  const reviews = pages
    .filter((page) => page.reviewDate !== null && daysBetween(TODAY, page.reviewDate) <= 14)
    .sort((a, b) => a.reviewDate!.localeCompare(b.reviewDate!))
    .slice(0, 5);
  const stat = (label: string, value: number, hint: string, tone: string) =>
    html`<div class="stat stat-${tone}"><dt>${label}</dt><dd><span class="stat-value">${value}</span><span class="stat-hint">${hint}</span></dd></div>`;

  const recentTable = html`<table class="table compact">
    <thead><tr><th scope="col">Page</th><th scope="col">Space</th><th scope="col">Updated</th><th scope="col">Edited by</th></tr></thead>
    <tbody>${recent.map((page) => {
      const editor = store.person(page.lastEditorId);
      const space = ancestors(store, page)[0];
      return html`<tr><td><a class="title-link" href="/pages/${page.id}">${page.title}</a></td><td class="muted">${space?.title ?? 'Top level'}</td>
        <td><time datetime="${page.updatedAt}">${formatRelative(page.updatedAt, store.now())}</time></td><td>${editor ? html`<span class="person">${avatar(editor)}${editor.name}</span>` : ''}</td></tr>`;
    })}</tbody></table>`;

  const body = html`
    ${pageHeader(`Good morning, ${user.name.split(' ')[0]}`, `${WORKSPACE_NAME} knowledge base · Monday, June 15, 2026`, html`<a class="button primary" href="/pages/new">${icon('plus')}New page</a>`)}
    <dl class="stats">
      ${stat('Pages', pages.length, `in ${spaces.length} spaces`, 'teal')}
      ${stat('Tags', inUse.length, 'in use', 'blue')}
      ${stat('Edits this week', editsThisWeek, 'across the wiki', 'violet')}
      ${stat('Reviews due', reviews.length, 'in the next 2 weeks', 'amber')}
    </dl>
    <div class="home-grid">
      <div class="stack-lg">
        <section class="card" aria-labelledby="recent-heading">
          <div class="card-header"><h2 id="recent-heading">Recently updated</h2><a href="/changes" class="small">All changes</a></div>
          ${recentTable}
        </section>
        <section aria-labelledby="spaces-heading">
          <h2 id="spaces-heading" class="section-title">Spaces</h2>
          <div class="space-grid">${spaces.map((space) => {
            const count = store.descendants(space).filter((page) => !page.archived).length;
            return html`<div class="card space-card"><span class="space-icon" aria-hidden="true">${icon('book')}</span><div><h3><a href="/pages/${space.id}">${space.title}</a></h3>
              <p class="meta">${count} page${count === 1 ? '' : 's'}</p><p class="space-intro">${plainText(space.content).slice(0, 90)}${plainText(space.content).length > 90 ? '…' : ''}</p></div></div>`;
          })}</div>
        </section>
      </div>
      <div class="stack-lg">
        <section class="card" aria-labelledby="starred-heading">
          <div class="card-header"><h2 id="starred-heading">${icon('star')}Starred</h2><a href="/starred" class="small">View all</a></div>
          ${starred.length === 0 ? emptyState('No starred pages', 'Star a page to keep it close.') : html`<ul class="link-list">${starred.slice(0, 6).map((page) => html`<li>${icon('file')}<a href="/pages/${page.id}">${page.title}</a></li>`)}</ul>`}
        </section>
        <section class="card" aria-labelledby="review-heading">
          <div class="card-header"><h2 id="review-heading">${icon('calendar')}Due for review</h2></div>
          ${reviews.length === 0 ? html`<p class="muted card-body">Nothing due in the next two weeks.</p>` : html`<ul class="link-list">${reviews.map((page) => html`<li>${icon('file')}<a href="/pages/${page.id}">${page.title}</a><span class="meta${page.reviewDate! < TODAY ? ' due-overdue' : ''}">${formatDate(page.reviewDate!)}</span></li>`)}</ul>`}
        </section>
        <section class="card" aria-labelledby="tags-heading">
          <div class="card-header"><h2 id="tags-heading">${icon('tag')}Popular tags</h2><a href="/tags" class="small">All tags</a></div>
          <p class="card-body tag-cloud">${popular.map((summary) => tagBadge(store, summary.tag.name))}</p>
        </section>
      </div>
    </div>`;
  return layout(store, { title: 'Home', section: 'home', flash, body });
}
