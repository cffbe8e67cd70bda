import { html } from '../../kit/html.js';
import { TODAY } from '../clock.js';
import { DEFAULT_LIST_QUERY, LIST_SCOPES, LIST_SCOPE_LABELS, listEvents, paginate, type ListQuery } from '../queries.js';
import type { CalendarStore } from '../store.js';
import { emptyState, pager } from './components.js';
import { eventTable } from './event-table.js';
import { layout } from './layout.js';
import { hiddenNote, viewToolbar } from './view-toolbar.js';

export const PAGE_SIZE = 15;

/** The list URL with defaults left out. */
export function listHref(query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.scope !== DEFAULT_LIST_QUERY.scope) params.set('scope', query.scope);
  if (query.sort !== DEFAULT_LIST_QUERY.sort || query.direction !== DEFAULT_LIST_QUERY.direction) {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/list${search ? `?${search}` : ''}`;
}

/** The agenda: one row per event (series), tabs for upcoming / past / all, sortable and paged. */
export function renderList(store: CalendarStore, query: ListQuery, requestedPage: number, flash: string | undefined, path: string): string {
  const all = listEvents(store, query);
  const paged = paginate(all, requestedPage, PAGE_SIZE);
  const tabs = LIST_SCOPES.map((scope) => {
    const current = scope === query.scope;
    const count = listEvents(store, { ...query, scope }).length;
    return html`<a class="tab" href="${listHref({ ...query, scope }, 1)}"${current ? html` aria-current="page"` : ''}>${LIST_SCOPE_LABELS[scope]}<span class="count">${count}</span></a>`;
  });
  const subtitle =
    query.scope === 'upcoming'
      ? 'Events from today on; recurring events show their next date'
      : query.scope === 'past'
        ? 'Events that have already happened'
        : 'Every event on your visible calendars';
  const body = html`
    ${viewToolbar({ view: 'list', heading: 'Agenda', subtitle, anchor: TODAY, previous: '', next: '', today: '', unit: '' })}
    ${hiddenNote(store)}
    <nav aria-label="Agenda range" class="tabs">${tabs}</nav>
    <div class="card table-card">
      ${
        paged.rows.length === 0
          ? emptyState('No events here', 'Try another range, or turn on more calendars under My calendars.')
          : eventTable(store, paged.rows, `${LIST_SCOPE_LABELS[query.scope]} events`, {
              sort: query.sort,
              direction: query.direction,
              href: (sort, direction) => listHref({ ...query, sort, direction }, 1),
            })
      }
      ${pager({ ...paged, total: all.length, noun: 'events' }, (page) => listHref(query, page))}
    </div>`;
  return layout(store, { title: `Agenda · ${LIST_SCOPE_LABELS[query.scope]}`, section: 'calendar', path, flash, body });
}
