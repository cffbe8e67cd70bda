import { TODAY, isValidIsoDate, isValidIsoMonth } from './clock.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { isViewName } from './model.js';
import { DEFAULT_LIST_QUERY, LIST_SCOPES, SORT_KEYS, type ListQuery, type ListScope, type SortKey } from './queries.js';
import { renderCalendars, EMPTY_CALENDAR_FORM } from './render/calendars.js';
import { renderEventDetail } from './render/event-detail.js';
import { emptyEventForm, eventFormFor, renderEditEvent, renderNewEvent } from './render/event-form.js';
import { renderInvitations } from './render/invitations.js';
import { renderList } from './render/list.js';
import { renderMonth } from './render/month.js';
import { renderNotFound, renderSearch } from './render/search.js';
import { renderSettings, settingsForm } from './render/settings.js';
import { viewHref } from './render/view-toolbar.js';
import { renderDay, renderWeek } from './render/week.js';
import type { CalendarStore } from './store.js';

export function notFound(store: CalendarStore, what = 'Page'): AppResponse {
  return htmlResponse(renderNotFound(store, what), 404);
}

function pathOf(request: AppRequest): string {
  return request.url.pathname + request.url.search;
}

/** "/" shows the default view (Settings) for today. */
export function homePage(store: CalendarStore, request: AppRequest): AppResponse {
  const view = store.settings.defaultView;
  if (view === 'month') return htmlResponse(renderMonth(store, TODAY.slice(0, 7), request.flash, '/'));
  if (view === 'week') return htmlResponse(renderWeek(store, TODAY, request.flash, '/'));
  if (view === 'day') return htmlResponse(renderDay(store, TODAY, request.flash, '/'));
  return htmlResponse(renderList(store, DEFAULT_LIST_QUERY, 1, request.flash, '/'));
}

export function monthPage(store: CalendarStore, request: AppRequest, month: string): AppResponse {
  const value = month || TODAY.slice(0, 7);
  if (!isValidIsoMonth(value)) return notFound(store, 'Month');
  return htmlResponse(renderMonth(store, value, request.flash, pathOf(request)));
}

export function weekPage(store: CalendarStore, request: AppRequest, date: string): AppResponse {
  const value = date || TODAY;
  if (!isValidIsoDate(value)) return notFound(store, 'Week');
  return htmlResponse(renderWeek(store, value, request.flash, pathOf(request)));
}

export function dayPage(store: CalendarStore, request: AppRequest, date: string): AppResponse {
  const value = date || TODAY;
  if (!isValidIsoDate(value)) return notFound(store, 'Day');
  return htmlResponse(renderDay(store, value, request.flash, pathOf(request)));
}

/** The Go to date form: GET /goto?view=week&date=2026-07-02 → /week/2026-07-02. */
export function gotoPage(store: CalendarStore, request: AppRequest): AppResponse {
  const params = request.url.searchParams;
  const view = params.get('view') ?? 'month';
  const date = (params.get('date') ?? '').trim();
  return redirect(viewHref(isViewName(view) ? view : 'month', isValidIsoDate(date) ? date : TODAY));
}

export function parseListQuery(params: URLSearchParams): { query: ListQuery; page: number } {
  const scope = params.get('scope') ?? DEFAULT_LIST_QUERY.scope;
  const sort = params.get('sort') ?? DEFAULT_LIST_QUERY.sort;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    query: {
      scope: (LIST_SCOPES as readonly string[]).includes(scope) ? (scope as ListScope) : DEFAULT_LIST_QUERY.scope,
      sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : DEFAULT_LIST_QUERY.sort,
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    },
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function listPage(store: CalendarStore, request: AppRequest): AppResponse {
  const { query, page } = parseListQuery(request.url.searchParams);
  return htmlResponse(renderList(store, query, page, request.flash, pathOf(request)));
}

export function eventPage(store: CalendarStore, request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  const on = request.url.searchParams.get('on') ?? '';
  return htmlResponse(renderEventDetail(store, event, { on: isValidIsoDate(on) ? on : event.date, flash: request.flash }));
}

export function newEventPage(store: CalendarStore, request: AppRequest): AppResponse {
  return htmlResponse(renderNewEvent(store, emptyEventForm(store), request.flash));
}

export function editEventPage(store: CalendarStore, request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  return htmlResponse(renderEditEvent(store, event, eventFormFor(event), request.flash));
}

export function invitationsPage(store: CalendarStore, request: AppRequest): AppResponse {
  const tab = request.url.searchParams.get('tab') === 'responded' ? 'responded' : 'pending';
  return htmlResponse(renderInvitations(store, tab, request.flash));
}

export function calendarsPage(store: CalendarStore, request: AppRequest): AppResponse {
  return htmlResponse(renderCalendars(store, EMPTY_CALENDAR_FORM, request.flash));
}

export function settingsPage(store: CalendarStore, request: AppRequest): AppResponse {
  return htmlResponse(renderSettings(store, settingsForm(store.settings), request.flash));
}

export function searchPage(store: CalendarStore, request: AppRequest): AppResponse {
  return htmlResponse(renderSearch(store, request.url.searchParams.get('q') ?? '', request.flash));
}
