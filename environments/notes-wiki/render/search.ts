import { html } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { pathLabel, searchPages } from '../queries.js';
import type { WikiStore } from '../store.js';
import { clampPage, emptyState, pageHeader, pager, tagBadges } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const PAGE_SIZE = 10;

export function renderSearch(store: WikiStore, query: string, requestedPage: number, flash?: string): string {
  const trimmed = query.trim();
  const hits = searchPages(store, trimmed);
  const page = clampPage(requestedPage, hits.length, PAGE_SIZE);
  const visible = hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const results = html`<section class="card" aria-labelledby="results-heading">
    <div class="card-header"><h2 id="results-heading">Pages <span class="count">${hits.length}</span></h2><span class="meta">Matching titles first</span></div>
    ${
      hits.length === 0
        ? emptyState('No pages found', 'Try a shorter word, or check the spelling.')
        : html`<ol class="results">${visible.map(
            (hit) => html`<li class="result">
          <span class="result-icon" aria-hidden="true">${icon('file')}</span>
          <div class="result-body">
            <p class="result-title"><a href="/pages/${hit.page.id}">${hit.page.title}</a>${hit.titleMatch ? html` <span class="pill">Title match</span>` : ''}</p>
            <p class="meta">${pathLabel(store, hit.page)} · Updated ${formatDate(hit.page.updatedAt)}</p>
            <p class="snippet">${hit.snippet.before}${hit.snippet.match === '' ? '' : html`<mark>${hit.snippet.match}</mark>`}${hit.snippet.after}</p>
            ${hit.page.tags.length > 0 ? html`<p class="row-tags">${tagBadges(store, hit.page.tags)}</p>` : ''}
          </div></li>`,
          )}</ol>
        ${pager(hits.length, page, PAGE_SIZE, 'results', (target) => `/search?q=${encodeURIComponent(trimmed)}${target > 1 ? `&page=${target}` : ''}`)}`
    }
  </section>`;
  const body =
    trimmed === ''
      ? html`${pageHeader('Search', 'Search page titles and content across the wiki.')}<div class="card">${emptyState('Type something to search', 'Use the search box at the top, e.g. “rollback” or “parental leave”.')}</div>`
      : html`${pageHeader(`Results for \u201c${trimmed}\u201d`, `${hits.length} page${hits.length === 1 ? '' : 's'} match in titles or content`)}${results}`;
  return layout(store, { title: trimmed === '' ? 'Search' : `Search: ${trimmed}`, section: 'search', searchQuery: trimmed, flash, body });
}
