import { z } from 'zod';
import { CLIENT_SCRIPT } from './client-script.js';
import { jsonResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { buildState } from './probe.js';
import * as actions from './routes-actions.js';
import * as pages from './routes-pages.js';
import type { CalendarStore } from './store.js';
import { STYLES } from './styles.js';

export const STATE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';

const ResetBodySchema = z.object({ seed: z.number().int() });

/** `param` is the pattern's first capture (an id, a date or a month), or '' when it has none. */
type Handler = (store: CalendarStore, request: AppRequest, param: string) => AppResponse;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const route = (method: Route['method'], pattern: string, handler: Handler): Route => ({ method, pattern: new RegExp(`^${pattern}$`), handler });

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
  const path = request.url.pathname.length > 1 ? request.url.pathname.replace(/\/+$/, '') : '/';
  const method = request.method === 'HEAD' ? 'GET' : request.method;

  if (path === STATE_PATH && method === 'GET') return jsonResponse(buildState(store));
  if (path === RESET_PATH && method === 'POST') return reset(store, request.body);
  if (path === '/assets/app.css' && method === 'GET') return { status: 200, body: STYLES, contentType: 'text/css; charset=utf-8' };
  if (path === '/assets/app.js' && method === 'GET') return { status: 200, body: CLIENT_SCRIPT, contentType: 'text/javascript; charset=utf-8' };
  if (path === '/favicon.ico') return { status: 204, body: '' };

  let pathMatched = false;
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    return candidate.handler(store, request, match[1] ?? '');
  }
  if (pathMatched) return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return pages.notFound(store);
}

function reset(store: CalendarStore, body: string): AppResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === '' ? '{}' : body);
  } catch {
    return jsonResponse({ ok: false, error: 'Expected a JSON body like {"seed": 1}, got invalid JSON' }, 400);
  }
  const result = ResetBodySchema.safeParse(parsed);
  if (!result.success) return jsonResponse({ ok: false, error: `Expected {"seed": <integer>}, got ${body.slice(0, 100)}` }, 400);
  store.reset(result.data.seed);
  return jsonResponse({ ok: true });
}
