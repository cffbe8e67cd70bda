import { html } from '../../kit/html.js';
import { quoted } from '../../kit/html.js';
import { searchEvents } from '../queries.js';
import type { CalendarStore } from '../store.js';
import { emptyState, pageHeader } from './components.js';
import { eventTable } from './event-table.js';
import { layout } from './layout.js';

const MAX_RESULTS = 25;

export function renderSearch(store: CalendarStore, query: string, flash: string | undefined): string {
  const trimmed = query.trim();
  const results = searchEvents(store, trimmed);
  const shown = results.slice(0, MAX_RESULTS).map((event) => ({ event, date: event.date }));
  const body =
    trimmed === ''
      ? html`${pageHeader('Search', 'Find events by title, place, attendee or calendar.')}<div class="card">${emptyState('Type something to search', 'Use the search box at the top, e.g. “review” or a colleague’s email.')}</div>`
      : html`${pageHeader(`Results for ${quoted(trimmed)}`, `${results.length} event${results.length === 1 ? '' : 's'} found${results.length > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''} (hidden calendars included)`)}
        <div class="card table-card">${results.length === 0 ? emptyState('No matching events', 'Check the spelling or try a shorter word.') : eventTable(store, shown, `Events matching ${quoted(trimmed)}`)}</div>`;
  return layout(store, {
    title: trimmed === '' ? 'Search' : `Search: ${trimmed}`,
    section: 'search',
    path: trimmed === '' ? '/search' : `/search?q=${encodeURIComponent(trimmed)}`,
    flash,
    searchQuery: trimmed,
    body,
  });
}

export function renderNotFound(store: CalendarStore, what: string): string {
  const body = html`${pageHeader(`${what} not found`, 'It may have been deleted, or the link is wrong.')}<div class="card">${emptyState('Nothing here', 'Go back to your calendar to find what you were looking for.')}<p class="center"><a class="button" href="/">Back to calendar</a></p></div>`;
  return layout(store, { title: `${what} not found`, section: 'none', path: '/', flash: undefined, body });
}
