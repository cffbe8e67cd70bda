import { TODAY } from './clock.js';
import type { CalendarEvent, Occurrence } from './model.js';
import { nextOccurrence } from './recurrence.js';
import type { CalendarStore } from './store.js';

export const LIST_SCOPES = ['upcoming', 'past', 'all'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];
export const LIST_SCOPE_LABELS: Record<ListScope, string> = { upcoming: 'Upcoming', past: 'Past', all: 'All events' };

export const SORT_KEYS = ['date', 'title', 'calendar', 'location'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListQuery {
  scope: ListScope;
  sort: SortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_LIST_QUERY: ListQuery = { scope: 'upcoming', sort: 'date', direction: 'asc' };

/** The date a row shows: the next occurrence for upcoming recurring events, else the first date. */
export function listDate(event: CalendarEvent, scope: ListScope): string {
  return scope === 'upcoming' ? (nextOccurrence(event, TODAY) ?? event.date) : event.date;
}

function inScope(event: CalendarEvent, scope: ListScope): boolean {
  if (scope === 'all') return true;
  const upcoming = event.repeats !== 'none' || event.date >= TODAY;
  return scope === 'upcoming' ? upcoming : !upcoming;
}

/** The list view's rows: visible events in the scope, sorted; ties broken by date, time and id. */
export function listEvents(store: CalendarStore, query: ListQuery): Occurrence[] {
  const rows = store
    .visibleEvents()
    .filter((event) => inScope(event, query.scope))
    .map((event) => ({ event, date: listDate(event, query.scope) }));
  const byDate = (a: Occurrence, b: Occurrence) =>
    a.date.localeCompare(b.date) || a.event.startTime.localeCompare(b.event.startTime) || a.event.id - b.event.id;
  const compare = (a: Occurrence, b: Occurrence): number => {
    switch (query.sort) {
      case 'date':
        return byDate(a, b);
      case 'title':
        return a.event.title.localeCompare(b.event.title);
      case 'calendar':
        return store.calendarOf(a.event).name.localeCompare(store.calendarOf(b.event).name);
      case 'location':
        return (a.event.location || '\uffff').localeCompare(b.event.location || '\uffff');
    }
  };
  const sign = query.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => sign * compare(a, b) || byDate(a, b));
}

/** Events (on any calendar) whose title, location, description or attendees contain the query. */
export function searchEvents(store: CalendarStore, query: string): CalendarEvent[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return store.events
    .filter((event) =>
      [event.title, event.location, event.description, event.attendees.join(' '), store.calendarOf(event).name].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.id - b.id);
}

export function paginate<T>(
  items: readonly T[],
  page: number,
  size: number,
): { rows: T[]; page: number; pageCount: number; first: number; last: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = items.slice((current - 1) * size, current * size);
  return {
    rows,
    page: current,
    pageCount,
    first: items.length === 0 ? 0 : (current - 1) * size + 1,
    last: Math.min(current * size, items.length),
  };
}
