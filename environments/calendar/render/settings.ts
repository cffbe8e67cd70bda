import { html } from '../../kit/html.js';
import { TIME_ZONES, VIEWS, VIEW_LABELS, WEEK_STARTS, WEEK_START_LABELS, type Settings } from '../model.js';
import type { CalendarStore } from '../store.js';
import type { SettingsFieldErrors } from '../validation.js';
import { formErrors, pageHeader, selectField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export interface SettingsFormState {
  values: Record<keyof Settings, string>;
  errors: SettingsFieldErrors;
}

export function settingsForm(settings: Readonly<Settings>): SettingsFormState {
  return {
    values: {
      timeZone: settings.timeZone,
      weekStart: settings.weekStart,
      defaultCalendarId: String(settings.defaultCalendarId),
      defaultView: settings.defaultView,
    },
    errors: {},
  };
}

export function renderSettings(store: CalendarStore, form: SettingsFormState, flash: string | undefined): string {
  const errorId = 'settings-errors';
  const { values, errors } = form;
  const ref = (error: string | undefined) => (error ? errorId : undefined);
  const user = store.currentUser();
  const body = html`
    ${pageHeader('Settings', 'How Meridian shows your calendar.')}
    <div class="settings-layout">
      <section class="card" aria-labelledby="general-heading">
        <div class="card-header"><h2 id="general-heading">${icon('settings')}General</h2></div>
        <form method="post" action="/settings" aria-label="Calendar settings" class="stack card-body" novalidate>
          ${formErrors(errorId, [errors.timeZone, errors.weekStart, errors.defaultCalendarId, errors.defaultView])}
          ${selectField({ id: 'settings-tz', name: 'timeZone', label: 'Time zone', options: TIME_ZONES, selected: values.timeZone, hint: 'New events start in this time zone.', errorId: ref(errors.timeZone) })}
          ${selectField({ id: 'settings-week-start', name: 'weekStart', label: 'Week starts on', options: WEEK_STARTS.map((value) => ({ value, label: WEEK_START_LABELS[value] })), selected: values.weekStart, hint: 'The first column of the week and month views.', errorId: ref(errors.weekStart) })}
          ${selectField({ id: 'settings-default-calendar', name: 'defaultCalendarId', label: 'Default calendar', options: store.calendars.map((calendar) => ({ value: String(calendar.id), label: calendar.name })), selected: values.defaultCalendarId, hint: 'Used for new events and accepted invitations.', errorId: ref(errors.defaultCalendarId) })}
          ${selectField({ id: 'settings-default-view', name: 'defaultView', label: 'Default view', options: VIEWS.map((value) => ({ value, label: VIEW_LABELS[value] })), selected: values.defaultView, hint: 'What opens when you click Calendar.', errorId: ref(errors.defaultView) })}
          <div class="form-actions"><button type="submit" class="button primary">Save settings</button></div>
        </form>
      </section>
      <section class="card" aria-labelledby="account-heading">
        <div class="card-header"><h2 id="account-heading">${icon('user')}Account</h2></div>
        <dl class="facts">
          <div><dt>Name</dt><dd>${user.name}</dd></div>
          <div><dt>Email</dt><dd>${user.email}</dd></div>
          <div><dt>Role</dt><dd>${user.title}</dd></div>
          <div><dt>Calendars</dt><dd>${store.calendars.length}</dd></div>
        </dl>
      </section>
    </div>`;
  return layout(store, { title: 'Settings', section: 'settings', path: '/settings', flash, body });
}
