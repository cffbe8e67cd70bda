import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { TODAY, formatDate, formatDateTime, formatDuration, formatLongDate, formatShortDay, minutesOf } from '../clock.js';
import { REPEATS_LABELS, timeZoneLabel, type CalendarEvent } from '../model.js';
import { nextOccurrence, occursOn } from '../recurrence.js';
import type { CalendarStore } from '../store.js';
import { avatar, calendarChip, emailAvatar, formErrors, inputField, returnInput } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export interface AttendeeFormState {
  email: string;
  error?: string;
}

export interface EventDetailView {
  /** The occurrence being looked at (from ?on=), else the first date. */
  on: string;
  flash: string | undefined;
  attendee?: AttendeeFormState;
}

function upcomingDates(event: CalendarEvent, count: number): string[] {
  const dates: string[] = [];
  let from = event.date > TODAY ? event.date : TODAY;
  while (dates.length < count) {
    const next = nextOccurrence(event, from);
    if (next === undefined) break;
    dates.push(next);
    from = new Date(Date.parse(`${next}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return dates;
}

export function renderEventDetail(store: CalendarStore, event: CalendarEvent, view: EventDetailView): string {
  const calendar = store.calendarOf(event);
  const organizer = store.person(event.organizerId);
  const on = occursOn(event, view.on) ? view.on : event.date;
  const here = on === event.date ? `/events/${event.id}` : `/events/${event.id}?on=${on}`;
  const duration = minutesOf(event.endTime) - minutesOf(event.startTime);
  const attendee = view.attendee ?? { email: '' };
  const recurring = event.repeats !== 'none';

  const attendees = event.attendees.map((email) => {
    const person = store.personByEmail(email);
    return html`<li class="attendee">${person ? avatar(person) : emailAvatar(email)}<div class="attendee-text"><span class="strong">${person?.name ?? email}</span>${person ? html`<span class="meta">${email}</span>` : ''}</div>
      <form method="post" action="/events/${event.id}/attendees/remove">${returnInput(here)}<input type="hidden" name="email" value="${email}"><button type="submit" class="button ghost small" aria-label="Remove ${quoted(email)}">${icon('x')}Remove</button></form></li>`;
  });

  const fact = (iconName: Parameters<typeof icon>[0], label: string, value: SafeHtml | string): SafeHtml =>
    html`<div class="fact">${icon(iconName)}<dt>${label}</dt><dd>${value}</dd></div>`;

  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/month/${on.slice(0, 7)}">Calendar</a></li><li><a href="/day/${on}">${formatShortDay(on)}</a></li><li aria-current="page">${event.title}</li></ol></nav>
    <div class="event-hero card" style="--cal:${calendar.color}">
      <div class="event-hero-text">
        <p class="eyebrow">${calendarChip(calendar)}${recurring ? html`<span class="repeat-badge">${icon('repeat')}${REPEATS_LABELS[event.repeats]}</span>` : ''}</p>
        <h1>${event.title}</h1>
        <p class="subtitle">${formatLongDate(on)} · ${event.startTime} – ${event.endTime} <span class="muted">(${formatDuration(duration)})</span></p>
      </div>
      <div class="page-actions">
        <a class="button" href="/events/${event.id}/edit">${icon('edit')}Edit event</a>
        <form method="post" action="/events/${event.id}/duplicate"><button type="submit" class="button">${icon('copy')}Duplicate event</button></form>
        <button type="button" class="button danger-outline" data-open-dialog="delete-dialog">${icon('trash')}Delete event</button>
      </div>
    </div>
    <div class="detail-grid">
      <div class="detail-main">
        <section class="card" aria-labelledby="details-heading">
          <div class="card-header"><h2 id="details-heading">Details</h2><span class="meta">Updated ${formatDateTime(event.updatedAt)}</span></div>
          <dl class="fact-list">
            ${fact('calendar', 'Date', recurring ? html`${formatDate(on)} <span class="muted">· series started ${formatDate(event.date)}</span>` : formatDate(event.date))}
            ${fact('clock', 'Time', `${event.startTime} – ${event.endTime}`)}
            ${fact('globe', 'Time zone', timeZoneLabel(event.timeZone))}
            ${fact('repeat', 'Repeats', REPEATS_LABELS[event.repeats])}
            ${fact('pin', 'Location', event.location || html`<span class="muted">No location</span>`)}
            ${fact('user', 'Organizer', organizer ? html`${organizer.name} <span class="muted">${organizer.email}</span>` : '—')}
            ${fact('text', 'Description', event.description || html`<span class="muted">No description</span>`)}
          </dl>
        </section>
        <section class="card" aria-labelledby="attendees-heading">
          <div class="card-header"><h2 id="attendees-heading">Attendees <span class="count">${event.attendees.length}</span></h2></div>
          <div class="card-body">
            ${event.attendees.length === 0 ? html`<p class="muted">No attendees yet. Invite someone below.</p>` : html`<ul class="attendees">${attendees}</ul>`}
            <form method="post" action="/events/${event.id}/attendees" aria-label="Add attendee" class="attendee-form" novalidate>
              ${returnInput(here)}
              ${formErrors('attendee-errors', [attendee.error])}
              <div class="inline-fields">
                ${inputField({ type: 'email', id: 'attendee-email', name: 'email', label: 'Email', value: attendee.email, placeholder: 'name@example.com', className: 'grow', errorId: attendee.error ? 'attendee-errors' : undefined })}
                <button type="submit" class="button primary">${icon('plus')}Add attendee</button>
              </div>
            </form>
          </div>
        </section>
      </div>
      <aside class="detail-side" aria-label="Event summary">
        <section class="card" aria-labelledby="when-heading">
          <div class="card-header"><h2 id="when-heading">${recurring ? 'Next dates' : 'When'}</h2></div>
          <ul class="side-list">${(recurring ? upcomingDates(event, 5) : [event.date]).map(
            (date) =>
              html`<li><a href="/day/${date}">${formatShortDay(date)}</a><span class="meta">${event.startTime} – ${event.endTime}</span></li>`,
          )}</ul>
        </section>
        <section class="card" aria-labelledby="meta-heading">
          <div class="card-header"><h2 id="meta-heading">About</h2></div>
          <dl class="facts">
            <div><dt>Calendar</dt><dd>${calendarChip(calendar)}</dd></div>
            <div><dt>Created</dt><dd>${formatDateTime(event.createdAt)}</dd></div>
            <div><dt>Source</dt><dd>${event.invitationId === null ? 'Created here' : 'Accepted invitation'}</dd></div>
          </dl>
        </section>
      </aside>
    </div>
    <dialog id="delete-dialog" class="dialog" aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-text">
      <h2 id="delete-dialog-title">Delete this event?</h2>
      <p id="delete-dialog-text">${quoted(event.title)}${recurring ? ' and all of its repeats' : ''} will be removed from ${calendar.name}${event.attendees.length > 0 ? ` and ${event.attendees.length} attendee${event.attendees.length === 1 ? '' : 's'} will be notified` : ''}. This cannot be undone.</p>
      <form method="post" action="/events/${event.id}/delete" class="dialog-actions">
        <button type="button" class="button" data-close-dialog>Cancel</button>
        <button type="submit" class="button danger">Delete</button>
      </form>
    </dialog>`;
  return layout(store, { title: event.title, section: 'calendar', path: here, flash: view.flash, body });
}
