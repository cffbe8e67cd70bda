import { html } from '../../kit/html.js';
import { TODAY, daysBetween, formatDate, formatDateTime } from '../clock.js';
import { renderMarkdown } from '../markdown.js';
import type { Page } from '../model.js';
import { backlinks, childrenOf, linkResolver, pathLabel } from '../queries.js';
import type { WikiStore } from '../store.js';
import { emptyState, personChip } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { pageChrome } from './page-chrome.js';

export function renderPageView(store: WikiStore, page: Page, flash: string | undefined): string {
  const rendered = renderMarkdown(page.content, linkResolver(store));
  const children = childrenOf(store, page.id);
  const linking = backlinks(store, page);
  const review = page.reviewDate;
  const reviewDays = review === null ? 0 : daysBetween(TODAY, review);

  const toc =
    rendered.headings.length === 0
      ? ''
      : html`<section class="card side-card" aria-labelledby="toc-heading"><h2 id="toc-heading" class="side-title">On this page</h2>
        <ul class="toc">${rendered.headings.map((heading) => html`<li class="toc-${heading.level}"><a href="#${heading.id}">${heading.text}</a></li>`)}</ul></section>`;

  const body = html`
    ${pageChrome(store, page, 'read', `/pages/${page.id}`)}
    <div class="doc-grid">
      <div class="doc-main">
        <article class="card doc" aria-label="Page content">
          ${page.content === '' ? emptyState('This page is empty', 'Use the Edit tab to add content.') : html`<div class="prose">${rendered.html}</div>`}
        </article>
        <section class="card" aria-labelledby="subpages-heading">
          <div class="card-header"><h2 id="subpages-heading">Subpages <span class="count">${children.length}</span></h2>
            ${page.archived ? '' : html`<a class="button small" href="/pages/new?parent=${page.id}">${icon('plus')}New subpage</a>`}</div>
          ${
            children.length === 0
              ? html`<p class="muted card-body">No subpages yet.</p>`
              : html`<ul class="link-list">${children.map((child) => html`<li>${icon('file')}<a href="/pages/${child.id}">${child.title}</a><span class="meta">Updated ${formatDate(child.updatedAt)}</span></li>`)}</ul>`
          }
        </section>
        <section class="card" aria-labelledby="backlinks-heading">
          <div class="card-header"><h2 id="backlinks-heading">Backlinks <span class="count">${linking.length}</span></h2><span class="meta">Pages that link here with [[${page.title}]]</span></div>
          ${
            linking.length === 0
              ? html`<p class="muted card-body">No other page links here yet.</p>`
              : html`<ul class="link-list">${linking.map((other) => html`<li>${icon('link')}<a href="/pages/${other.id}">${other.title}</a><span class="meta">${pathLabel(store, other)}</span></li>`)}</ul>`
          }
        </section>
      </div>
      <aside class="doc-side" aria-label="Page details">
        ${toc}
        <section class="card side-card" aria-labelledby="info-heading">
          <h2 id="info-heading" class="side-title">Page info</h2>
          <dl class="facts">
            <div><dt>Created by</dt><dd>${personChip(store.person(page.authorId))}</dd></div>
            <div><dt>Created</dt><dd>${formatDate(page.createdAt)}</dd></div>
            <div><dt>Last edited by</dt><dd>${personChip(store.person(page.lastEditorId))}</dd></div>
            <div><dt>Updated</dt><dd>${formatDateTime(page.updatedAt)}</dd></div>
            <div><dt>Version</dt><dd><a href="/pages/${page.id}/history">v${page.version}</a></dd></div>
            <div><dt>Review date</dt><dd>${
              review === null
                ? html`<span class="muted">Not set</span>`
                : html`<span class="${reviewDays < 0 ? 'due-overdue' : reviewDays <= 14 ? 'due-soon' : ''}">${formatDate(review)}${reviewDays < 0 ? html` <span class="due-hint">Overdue</span>` : ''}</span>`
            }</dd></div>
          </dl>
        </section>
      </aside>
    </div>`;
  return layout(store, { title: page.title, section: 'none', pageId: page.id, flash, body });
}
