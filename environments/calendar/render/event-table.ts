import { html, type SafeHtml } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { REPEATS_LABELS, type Occurrence } from '../model.js';
import type { SortKey } from '../queries.js';
import type { CalendarStore } from '../store.js';
import { calendarChip } from './components.js';
import { icon } from './icons.js';
import { occurrenceHref } from './view-toolbar.js';

export interface SortableHeaders {
  sort: SortKey;
  direction: 'asc' | 'desc';
  href(sort: SortKey, direction: 'asc' | 'desc'): string;
}

const COLUMNS: ReadonlyArray<readonly [label: string, key: SortKey | undefined]> = [
  ['Date', 'date'],
  ['Time', undefined],
  ['Title', 'title'],
  ['Calendar', 'calendar'],
  ['Location', 'location'],
  ['Repeats', undefined],
];

/** Date, Time, Title (the row's link), Calendar, Location, Repeats; headers sort when given. */
export function eventTable(store: CalendarStore, rows: readonly Occurrence[], caption: string, sortable?: SortableHeaders): SafeHtml {
  const header = ([label, key]: readonly [string, SortKey | undefined]): SafeHtml => {
    if (!sortable || key === undefined) return html`<th scope="col">${label}</th>`;
    const active = sortable.sort === key;
    const next = active && sortable.direction === 'asc' ? 'desc' : 'asc';
    const ariaSort = active ? html` aria-sort="${sortable.direction === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = active ? (sortable.direction === 'asc' ? '↑' : '↓') : '↕';
    return html`<th scope="col"${ariaSort}><a class="sort-link${active ? ' active' : ''}" href="${sortable.href(key, next)}">${label}<span class="sort-arrow" aria-hidden="true">${arrow}</span></a></th>`;
  };
  return html`<table class="table events-table">
    <caption class="visually-hidden">${caption}</caption>
    <thead><tr>${COLUMNS.map(header)}</tr></thead>
    <tbody>${rows.map((occurrence) => {
      const { event } = occurrence;
      return html`<tr>
        <td class="nowrap">${formatDate(occurrence.date)}</td>
        <td class="nowrap tabular">${event.startTime} – ${event.endTime}</td>
        <td class="col-title"><a class="event-link" href="${occurrenceHref(occurrence)}">${event.title}</a></td>
        <td>${calendarChip(store.calendarOf(event))}</td>
        <td>${event.location || html`<span class="muted">—</span>`}</td>
        <td>${event.repeats === 'none' ? html`<span class="muted">${REPEATS_LABELS.none}</span>` : html`<span class="repeat-badge">${icon('repeat')}${REPEATS_LABELS[event.repeats]}</span>`}</td>
      </tr>`;
    })}</tbody>
  </table>`;
}
