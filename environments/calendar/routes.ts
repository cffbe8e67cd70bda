import { routeRequest, type AppRoute } from '../kit/app-router.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { type AppRequest, type AppResponse } from '../kit/http-types.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { CalendarStore } from './store.js';
import { STYLES } from './styles.js';

/** `param` is the pattern's first capture (an id, a date or a month), or '' when it has none. */
type Handler = (store: CalendarStore, request: AppRequest, param: string) => AppResponse;

type Route = AppRoute<CalendarStore, string>;

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const route = (method: Route['method'], pattern: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^${pattern}$`),
  handler,
});

const ROUTES: readonly Route[] = [
  route('GET', '/', pages.homePage),
  route('GET', '/month(?:/(\\d{4}-\\d{2}))?', pages.monthPage),
  route('GET', `/week(?:/${DATE})?`, pages.weekPage),
  route('GET', `/day(?:/${DATE})?`, pages.dayPage),
  route('GET', '/goto', pages.gotoPage),
  route('GET', '/list', pages.listPage),
  route('GET', '/events/new', pages.newEventPage),
  route('POST', '/events', actions.createEvent),
  route('GET', '/events/(\\d+)', pages.eventPage),
  route('POST', '/events/(\\d+)', actions.updateEvent),
  route('GET', '/events/(\\d+)/edit', pages.editEventPage),
  route('POST', '/events/(\\d+)/delete', actions.deleteEvent),
  route('POST', '/events/(\\d+)/duplicate', actions.duplicateEvent),
  route('POST', '/events/(\\d+)/attendees', actions.addAttendee),
  route('POST', '/events/(\\d+)/attendees/remove', actions.removeAttendee),
  route('GET', '/invitations', pages.invitationsPage),
  route('POST', '/invitations/(\\d+)/accept', (store, request, id) => actions.respondToInvitation(store, request, id, true)),
  route('POST', '/invitations/(\\d+)/decline', (store, request, id) => actions.respondToInvitation(store, request, id, false)),
  route('GET', '/calendars', pages.calendarsPage),
  route('POST', '/calendars', actions.createCalendar),
  route('POST', '/calendars/(\\d+)/visibility', actions.setCalendarVisibility),
  route('GET', '/settings', pages.settingsPage),
  route('POST', '/settings', actions.saveSettings),
  route('GET', '/search', pages.searchPage),
];

export function handle(store: CalendarStore, request: AppRequest): AppResponse {
  return routeRequest(store, request, ROUTES, {
    state: buildState,
    reset: (current, seed) => current.reset(seed),
    styles: STYLES,
    script: CLIENT_SCRIPT,
    notFound: pages.notFound,
    param: (match) => match[1] ?? '',
  });
}
