import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { formatDate } from './clock.js';
import { renderCalendars } from './render/calendars.js';
import { renderEventDetail } from './render/event-detail.js';
import { renderEditEvent, renderNewEvent } from './render/event-form.js';
import { renderSettings } from './render/settings.js';
import { notFound } from './routes-pages.js';
import type { CalendarStore } from './store.js';
import { eventFormValues, isEmail, parseCalendarForm, parseEventForm, parseSettingsForm, safeReturnPath } from './validation.js';

const UNPROCESSABLE = 422;

export function createEvent(store: CalendarStore, request: AppRequest): AppResponse {
  const values = eventFormValues(request.form);
  const result = parseEventForm(store, values);
  if (!result.ok) return htmlResponse(renderNewEvent(store, { values, errors: result.errors }, undefined), UNPROCESSABLE);
  const event = store.createEvent(result.value);
  return redirect(`/events/${event.id}`, `Event ${quoted(event.title)} created for ${formatDate(event.date)}`);
}

export function updateEvent(store: CalendarStore, request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  const values = eventFormValues(request.form);
  const result = parseEventForm(store, values);
  if (!result.ok) return htmlResponse(renderEditEvent(store, event, { values, errors: result.errors }, undefined), UNPROCESSABLE);
  store.updateEvent(event, result.value);
  return redirect(`/events/${event.id}`, `Event ${quoted(event.title)} saved`);
}

export function deleteEvent(store: CalendarStore, _request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  store.deleteEvent(event);
  return redirect(`/week/${event.date}`, `Event ${quoted(event.title)} deleted`);
}

export function duplicateEvent(store: CalendarStore, _request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  const copy = store.duplicateEvent(event);
  return redirect(`/events/${copy.id}`, `Event duplicated as ${quoted(copy.title)}`);
}

export function addAttendee(store: CalendarStore, request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  const email = (request.form.get('email') ?? '').trim();
  const back = safeReturnPath(request.form.get('return'), `/events/${event.id}`);
  const on = new URL(back, 'http://localhost').searchParams.get('on') ?? event.date;
  const error = email === '' ? 'Email is required' : !isEmail(email) ? `${quoted(email)} is not a valid email address` : undefined;
  if (error !== undefined) {
    return htmlResponse(renderEventDetail(store, event, { on, flash: undefined, attendee: { email, error } }), UNPROCESSABLE);
  }
  const added = store.addAttendee(event, email);
  return redirect(back, added ? `${email} invited to ${quoted(event.title)}` : `${email} is already invited`);
}

export function removeAttendee(store: CalendarStore, request: AppRequest, id: string): AppResponse {
  const event = store.event(Number(id));
  if (event === undefined) return notFound(store, 'Event');
  const email = (request.form.get('email') ?? '').trim();
  const back = safeReturnPath(request.form.get('return'), `/events/${event.id}`);
  const removed = store.removeAttendee(event, email);
  return redirect(back, removed ? `${email} removed from ${quoted(event.title)}` : `${email} was not invited`);
}

export function respondToInvitation(store: CalendarStore, request: AppRequest, id: string, accept: boolean): AppResponse {
  const invitation = store.invitation(Number(id));
  if (invitation === undefined) return notFound(store, 'Invitation');
  const back = safeReturnPath(request.form.get('return'), '/invitations');
  if (invitation.status !== 'pending') return redirect(back, `You already responded to ${quoted(invitation.title)}`);
  store.respond(invitation, accept);
  return redirect(back, accept ? `Accepted ${quoted(invitation.title)}, added to your calendar` : `Declined ${quoted(invitation.title)}`);
}

export function setCalendarVisibility(store: CalendarStore, request: AppRequest, id: string): AppResponse {
  const calendar = store.calendar(Number(id));
  if (calendar === undefined) return notFound(store, 'Calendar');
  const visible = request.form.getAll('visible').includes('on');
  store.setCalendarVisible(calendar, visible);
  const back = safeReturnPath(request.form.get('return'), '/calendars');
  return redirect(back, `${quoted(calendar.name)} ${visible ? 'shown' : 'hidden'}`);
}

export function createCalendar(store: CalendarStore, request: AppRequest): AppResponse {
  const result = parseCalendarForm(store, request.form);
  if (!result.ok) {
    const values = {
      name: request.form.get('name') ?? '',
      color: request.form.get('color') ?? '',
      description: request.form.get('description') ?? '',
    };
    return htmlResponse(renderCalendars(store, { values, errors: result.errors }, undefined), UNPROCESSABLE);
  }
  const calendar = store.createCalendar(result.value);
  return redirect('/calendars', `Calendar ${quoted(calendar.name)} created`);
}

export function saveSettings(store: CalendarStore, request: AppRequest): AppResponse {
  const result = parseSettingsForm(store, request.form);
  if (!result.ok) {
    const form = request.form;
    const values = {
      timeZone: form.get('timeZone') ?? '',
      weekStart: form.get('weekStart') ?? '',
      defaultCalendarId: form.get('defaultCalendarId') ?? '',
      defaultView: form.get('defaultView') ?? '',
    };
    return htmlResponse(renderSettings(store, { values, errors: result.errors }, undefined), UNPROCESSABLE);
  }
  store.updateSettings(result.value);
  return redirect('/settings', 'Settings saved');
}
