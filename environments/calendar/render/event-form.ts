import { html, type SafeHtml } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { REPEATS, REPEATS_LABELS, TIME_ZONES, type CalendarEvent } from '../model.js';
import type { CalendarStore } from '../store.js';
import { TITLE_MAX_LENGTH, type EventFieldErrors, type EventFormValues } from '../validation.js';
import { formErrors, inputField, pageHeader, selectField, textareaField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export interface EventFormState {
  values: EventFormValues;
  errors: EventFieldErrors;
}

/** The New event form starts empty; selects start on the defaults from Settings. */
export function emptyEventForm(store: CalendarStore): EventFormState {
  return {
    values: {
      title: '',
      date: '',
      startTime: '',
      endTime: '',
      calendarId: String(store.settings.defaultCalendarId),
      location: '',
      attendees: '',
      repeats: 'none',
      timeZone: store.settings.timeZone,
      description: '',
    },
    errors: {},
  };
}

export function eventFormFor(event: CalendarEvent): EventFormState {
  return {
    values: {
      title: event.title,
      date: event.date,
      startTime: event.startTime,
      endTime: event.endTime,
      calendarId: String(event.calendarId),
      location: event.location,
      attendees: event.attendees.join(', '),
      repeats: event.repeats,
      timeZone: event.timeZone,
      description: event.description,
    },
    errors: {},
  };
}

function eventFields(store: CalendarStore, state: EventFormState, prefix: string): SafeHtml {
  const errorId = `${prefix}-errors`;
  const { values, errors } = state;
  const ref = (error: string | undefined) => (error ? errorId : undefined);
  const calendars = store.calendars.map((calendar) => ({ value: String(calendar.id), label: calendar.name }));
  return html`
    ${formErrors(errorId, [errors.title, errors.date, errors.startTime, errors.endTime, errors.calendarId, errors.location, errors.attendees, errors.repeats, errors.timeZone])}
    ${inputField({ type: 'text', id: `${prefix}-title`, name: 'title', label: 'Title', value: values.title, placeholder: 'Add a title', maxLength: TITLE_MAX_LENGTH, className: 'field-title', errorId: ref(errors.title) })}
    <div class="field-grid grid-3">
      ${inputField({ type: 'date', id: `${prefix}-date`, name: 'date', label: 'Date', value: values.date, errorId: ref(errors.date) })}
      ${inputField({ type: 'time', id: `${prefix}-start`, name: 'startTime', label: 'Start time', value: values.startTime, errorId: ref(errors.startTime) })}
      ${inputField({ type: 'time', id: `${prefix}-end`, name: 'endTime', label: 'End time', value: values.endTime, errorId: ref(errors.endTime) })}
    </div>
    <div class="field-grid grid-3">
      ${selectField({ id: `${prefix}-calendar`, name: 'calendarId', label: 'Calendar', options: calendars, selected: values.calendarId, errorId: ref(errors.calendarId) })}
      ${selectField({ id: `${prefix}-repeats`, name: 'repeats', label: 'Repeats', options: REPEATS.map((value) => ({ value, label: REPEATS_LABELS[value] })), selected: values.repeats, errorId: ref(errors.repeats) })}
      ${selectField({ id: `${prefix}-tz`, name: 'timeZone', label: 'Time zone', options: TIME_ZONES, selected: values.timeZone, errorId: ref(errors.timeZone) })}
    </div>
    <div class="field-grid grid-2">
      ${inputField({ type: 'text', id: `${prefix}-location`, name: 'location', label: 'Location', value: values.location, placeholder: 'Room, address or video link', maxLength: 200, errorId: ref(errors.location) })}
      ${inputField({ type: 'email', id: `${prefix}-attendees`, name: 'attendees', label: 'Attendees', value: values.attendees, placeholder: 'name@example.com', multiple: true, hint: 'Separate several addresses with commas.', errorId: ref(errors.attendees) })}
    </div>
    ${textareaField({ id: `${prefix}-description`, name: 'description', label: 'Description', value: values.description, rows: 4, placeholder: 'Agenda, links or notes for attendees' })}`;
}

export function renderNewEvent(store: CalendarStore, state: EventFormState, flash: string | undefined): string {
  const body = html`
    ${pageHeader('New event', 'Schedule a meeting, appointment or reminder on one of your calendars.')}
    <div class="form-layout">
      <section class="card" aria-labelledby="new-event-heading">
        <div class="card-header"><h2 id="new-event-heading">${icon('calendar')}Event details</h2></div>
        <form method="post" action="/events" aria-label="New event" class="stack card-body" novalidate>
          ${eventFields(store, state, 'new-event')}
          <div class="form-actions"><a class="button" href="/">Cancel</a><button type="submit" class="button primary">Create event</button></div>
        </form>
      </section>
      ${tips()}
    </div>`;
  return layout(store, { title: 'New event', section: 'calendar', path: '/events/new', flash, body });
}

export function renderEditEvent(store: CalendarStore, event: CalendarEvent, state: EventFormState, flash: string | undefined): string {
  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/month/${event.date.slice(0, 7)}">Calendar</a></li><li><a href="/events/${event.id}">${event.title}</a></li><li aria-current="page">Edit</li></ol></nav>
    ${pageHeader(`Edit ${event.title}`, `Originally scheduled for ${formatDate(event.date)}, ${event.startTime} – ${event.endTime}`)}
    <div class="form-layout">
      <section class="card" aria-labelledby="edit-event-heading">
        <div class="card-header"><h2 id="edit-event-heading">${icon('edit')}Event details</h2></div>
        <form method="post" action="/events/${event.id}" aria-label="Edit event" class="stack card-body" novalidate>
          ${eventFields(store, state, 'edit-event')}
          <div class="form-actions"><a class="button" href="/events/${event.id}">Cancel</a><button type="submit" class="button primary">Save changes</button></div>
        </form>
      </section>
      ${tips()}
    </div>`;
  return layout(store, { title: `Edit ${event.title}`, section: 'calendar', path: `/events/${event.id}/edit`, flash, body });
}

function tips(): SafeHtml {
  return html`<aside class="card tips" aria-labelledby="tips-heading">
    <div class="card-header"><h2 id="tips-heading">Good to know</h2></div>
    <ul class="tip-list">
      <li>${icon('clock')}<span>Times use the 24-hour clock; the end must be after the start.</span></li>
      <li>${icon('repeat')}<span>Repeating events appear in every view from their first date on.</span></li>
      <li>${icon('globe')}<span>Times are kept in the event's own time zone.</span></li>
      <li>${icon('mail')}<span>Attendees get an invitation by email.</span></li>
    </ul>
  </aside>`;
}
