import { html } from '../../kit/html.js';
import {
  SHORT_WEEKDAYS,
  TODAY,
  WEEKDAYS,
  addDays,
  dayOfMonth,
  formatLongDate,
  formatRange,
  formatShortDay,
  startOfWeek,
  weekdayOf,
  LONG_MONTHS,
  minutesOf,
  formatDuration,
} from '../clock.js';
import { occurrencesBetween } from '../recurrence.js';
import type { CalendarStore } from '../store.js';
import { calendarChip } from './components.js';
import { layout } from './layout.js';
import { dayColumn, hourGutter, hourRange } from './timeline.js';
import { countLabel, hiddenNote, viewToolbar } from './view-toolbar.js';

function dayName(date: string): string {
  return `${WEEKDAYS[weekdayOf(date)]}, ${LONG_MONTHS[Number(date.slice(5, 7)) - 1]} ${dayOfMonth(date)}`;
}

/** Seven day columns on a shared time axis, starting on the configured first day of the week. */
export function renderWeek(store: CalendarStore, date: string, flash: string | undefined, path: string): string {
  const start = startOfWeek(date, store.settings.weekStart === 'sunday' ? 0 : 1);
  const end = addDays(start, 6);
  const occurrences = occurrencesBetween(store.visibleEvents(), start, end);
  const range = hourRange(occurrences);
  const days = Array.from({ length: 7 }, (_, index) => addDays(start, index));
  const heads = days.map(
    (day) =>
      html`<a class="week-day-head${day === TODAY ? ' today' : ''}" href="/day/${day}" aria-label="${dayName(day)}"${day === TODAY ? html` aria-current="date"` : ''}><span class="dow">${SHORT_WEEKDAYS[weekdayOf(day)]}</span><span class="dom">${dayOfMonth(day)}</span></a>`,
  );
  const columns = days.map((day) =>
    dayColumn(
      store,
      day,
      occurrences.filter((occurrence) => occurrence.date === day),
      range,
      false,
    ),
  );
  const anchor = days.includes(TODAY) ? TODAY : start;
  const body = html`
    ${viewToolbar({
      view: 'week',
      heading: formatRange(start, end),
      subtitle: `${countLabel(occurrences.length)} this week`,
      anchor,
      previous: `/week/${addDays(start, -7)}`,
      next: `/week/${addDays(start, 7)}`,
      today: `/week/${TODAY}`,
      unit: 'week',
    })}
    ${hiddenNote(store)}
    <section class="card timeline week" aria-label="Week of ${formatRange(start, end)}">
      <div class="timeline-head"><div class="gutter-head" aria-hidden="true"></div>${heads}</div>
      <div class="timeline-body">${hourGutter(range)}<div class="cols cols-7">${columns}</div></div>
    </section>`;
  return layout(store, { title: `Week of ${formatRange(start, end)}`, section: 'calendar', path, flash, body });
}

/** One day on the time axis, with a summary card beside it. */
export function renderDay(store: CalendarStore, date: string, flash: string | undefined, path: string): string {
  const occurrences = occurrencesBetween(store.visibleEvents(), date, date);
  const range = hourRange(occurrences);
  const busy = occurrences.reduce((sum, { event }) => sum + minutesOf(event.endTime) - minutesOf(event.startTime), 0);
  const calendars = [...new Set(occurrences.map((occurrence) => occurrence.event.calendarId))]
    .map((id) => store.calendar(id)!)
    .filter(Boolean);
  const invitations = store.pendingInvitations().filter((invitation) => invitation.date === date);
  const body = html`
    ${viewToolbar({
      view: 'day',
      heading: formatLongDate(date),
      subtitle: date === TODAY ? `Today · ${countLabel(occurrences.length)}` : countLabel(occurrences.length),
      anchor: date,
      previous: `/day/${addDays(date, -1)}`,
      next: `/day/${addDays(date, 1)}`,
      today: `/day/${TODAY}`,
      unit: 'day',
    })}
    ${hiddenNote(store)}
    <div class="day-layout">
      <section class="card timeline day" aria-label="${formatLongDate(date)}">
        <div class="timeline-body">${hourGutter(range)}<div class="cols cols-1">${dayColumn(store, date, occurrences, range, true)}</div></div>
      </section>
      <aside class="day-side" aria-label="Day summary">
        <section class="card">
          <div class="card-header"><h2>At a glance</h2><span class="meta">${formatShortDay(date)}</span></div>
          <dl class="facts">
            <div><dt>Events</dt><dd>${occurrences.length}</dd></div>
            <div><dt>Scheduled</dt><dd>${busy === 0 ? 'Nothing' : formatDuration(busy)}</dd></div>
            <div><dt>First start</dt><dd>${occurrences[0]?.event.startTime ?? '—'}</dd></div>
            <div><dt>Calendars</dt><dd>${calendars.length === 0 ? html`<span class="muted">None</span>` : calendars.map((calendar) => calendarChip(calendar))}</dd></div>
          </dl>
        </section>
        <section class="card">
          <div class="card-header"><h2>Invitations for this day</h2></div>
          ${
            invitations.length === 0
              ? html`<p class="card-body muted">No pending invitations.</p>`
              : html`<ul class="side-list">${invitations.map((invitation) => html`<li><span class="strong">${invitation.title}</span><span class="meta">${invitation.startTime} – ${invitation.endTime}</span></li>`)}</ul>
               <p class="card-body"><a href="/invitations">Respond in Invitations</a></p>`
          }
        </section>
      </aside>
    </div>`;
  return layout(store, { title: formatLongDate(date), section: 'calendar', path, flash, body });
}
