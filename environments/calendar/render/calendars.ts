import { html, quoted } from '../../kit/html.js';
import type { CalendarStore } from '../store.js';
import type { CalendarFieldErrors } from '../validation.js';
import { CALENDAR_COLORS, colorLabel } from '../vocabulary-people.js';
import { formErrors, inputField, pageHeader, returnInput, selectField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export interface CalendarFormState {
  values: { name: string; color: string; description: string };
  errors: CalendarFieldErrors;
}

export const EMPTY_CALENDAR_FORM: CalendarFormState = { values: { name: '', color: '', description: '' }, errors: {} };

export function renderCalendars(store: CalendarStore, form: CalendarFormState, flash: string | undefined): string {
  const rows = store.calendars.map((calendar) => {
    const count = store.events.filter((event) => event.calendarId === calendar.id).length;
    const isDefault = calendar.id === store.settings.defaultCalendarId;
    return html`<tr${calendar.visible ? '' : html` class="is-hidden"`}>
      <td class="col-title"><span class="cal-name"><span class="swatch-lg" style="--cal:${calendar.color}" aria-hidden="true"></span><span class="strong">${calendar.name}</span></span></td>
      <td class="muted">${calendar.description || '—'}</td>
      <td>${colorLabel(calendar.color)}</td>
      <td class="num">${count}</td>
      <td class="nowrap">${calendar.visible ? 'Shown' : 'Hidden'}${isDefault ? ' · Default' : ''}</td>
      <td class="col-check"><form method="post" action="/calendars/${calendar.id}/visibility">${returnInput('/calendars')}<input type="checkbox" class="cal-check" name="visible" value="on" style="--cal:${calendar.color}" aria-label="Show ${quoted(calendar.name)}" data-autosubmit${calendar.visible ? html` checked` : ''}></form></td>
    </tr>`;
  });
  const errorId = 'new-calendar-errors';
  const colorOptions = [{ value: '', label: 'Choose a color…' }, ...CALENDAR_COLORS];
  const body = html`
    ${pageHeader('Calendars', 'Choose which calendars appear in your views, or add a new one.')}
    <div class="two-col-wide">
      <div class="card table-card">
        <table class="table calendars-table">
          <caption class="visually-hidden">Your calendars</caption>
          <thead><tr><th scope="col">Calendar</th><th scope="col">Description</th><th scope="col">Color</th><th scope="col" class="num">Events</th><th scope="col">Status</th><th scope="col" class="col-check">Show</th></tr></thead>
          <tbody>${rows}</tbody>
        </table>
      </div>
      <section class="card form-card" aria-labelledby="new-calendar-heading">
        <h2 id="new-calendar-heading" class="card-title">${icon('plus')}New calendar</h2>
        <p class="meta">Group related events, like a project or a sports team.</p>
        <form method="post" action="/calendars" aria-label="New calendar" class="stack" novalidate>
          ${formErrors(errorId, [form.errors.name, form.errors.color])}
          ${inputField({ type: 'text', id: 'new-calendar-name', name: 'name', label: 'Name', value: form.values.name, placeholder: 'e.g. Book club', maxLength: 60, errorId: form.errors.name ? errorId : undefined })}
          ${selectField({ id: 'new-calendar-color', name: 'color', label: 'Color', options: colorOptions, selected: form.values.color, errorId: form.errors.color ? errorId : undefined })}
          ${inputField({ type: 'text', id: 'new-calendar-description', name: 'description', label: 'Description', value: form.values.description, placeholder: 'What is this calendar for?', maxLength: 200 })}
          <button type="submit" class="button primary">Create calendar</button>
        </form>
      </section>
    </div>`;
  return layout(store, { title: 'Calendars', section: 'calendars', path: '/calendars', flash, calendarToggles: false, body });
}
