import { formatDay } from '../clock.js';
import { html, type SafeHtml } from '../../kit/html.js';
import type { MailStore } from '../store.js';
import type { GeneralErrors } from '../validation.js';
import { bodyParagraphs, checkboxField, formErrors, inputField, pageHeader, textareaField } from './components.js';
import { icon, type IconName } from './icons.js';
import { layout } from './layout.js';

export type SettingsTab = 'general' | 'signature' | 'labels';

const TABS: ReadonlyArray<readonly [SettingsTab, string, string, IconName]> = [
  ['general', 'General', '/settings', 'settings'],
  ['signature', 'Signature', '/settings/signature', 'signature'],
  ['labels', 'Labels', '/settings/labels', 'tag'],
];

/** The settings shell: heading, tab strip and the active tab's panel. */
export function settingsPage(store: MailStore, tab: SettingsTab, panel: SafeHtml, flash: string | undefined): string {
  const label = TABS.find(([key]) => key === tab)![1];
  const body = html`
    ${pageHeader('Settings', 'Manage how Larkmail looks and behaves for you.')}
    <div class="tabs" role="tablist" aria-label="Settings sections">
      ${TABS.map(([key, name, href, iconName]) => html`<a role="tab" id="tab-${key}" class="tab" href="${href}" aria-selected="${key === tab ? 'true' : 'false'}"${key === tab ? html` aria-controls="panel-${key}"` : ''}>${icon(iconName)}${name}</a>`)}
    </div>
    <div class="tab-panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}">${panel}</div>`;
  return layout(store, { title: `${label} settings`, section: 'settings', flash, body });
}

export interface GeneralState {
  values: { displayName: string; vacationEnabled: boolean; vacationMessage: string; vacationEndDate: string };
  errors: GeneralErrors;
}

export function generalState(store: MailStore): GeneralState {
  const settings = store.settings;
  return {
    values: {
      displayName: settings.displayName,
      vacationEnabled: settings.vacationEnabled,
      vacationMessage: settings.vacationMessage,
      vacationEndDate: settings.vacationEndDate ?? '',
    },
    errors: {},
  };
}

export function generalPanel(store: MailStore, state: GeneralState): SafeHtml {
  const errorId = 'general-errors';
  const { values, errors } = state;
  const ref = (error: string | undefined): string | undefined => (error ? errorId : undefined);
  const settings = store.settings;
  const status = settings.vacationEnabled
    ? html`<span class="status-pill on">On${settings.vacationEndDate ? ` until ${formatDay(settings.vacationEndDate)}` : ''}</span>`
    : html`<span class="status-pill">Off</span>`;
  return html`<form method="post" action="/settings/general" aria-label="General settings" class="settings-form" novalidate>
    ${formErrors(errorId, [errors.displayName, errors.vacationMessage, errors.vacationEndDate])}
    <section class="card settings-card" aria-labelledby="profile-heading">
      <div class="settings-card-head"><h2 id="profile-heading">${icon('user')}Profile</h2><p class="meta">How your name appears to people you email.</p></div>
      <div class="settings-grid">
        ${inputField({ id: 'settings-name', name: 'displayName', label: 'Display name', value: values.displayName, maxLength: 80, errorId: ref(errors.displayName) })}
        <div class="field"><span class="field-label">Email address</span><p class="static-value">${settings.email}</p></div>
      </div>
    </section>
    <section class="card settings-card" aria-labelledby="vacation-heading">
      <div class="settings-card-head"><h2 id="vacation-heading">${icon('sun')}Vacation responder ${status}</h2><p class="meta">Automatically reply to people who email you while you are away.</p></div>
      <div class="stack">
        ${checkboxField({ id: 'settings-vacation', name: 'vacationEnabled', label: 'Vacation responder', checked: values.vacationEnabled, hint: 'Send an automatic reply to incoming messages' })}
        ${textareaField({ id: 'settings-vacation-message', name: 'vacationMessage', label: 'Vacation message', value: values.vacationMessage, rows: 3, errorId: ref(errors.vacationMessage) })}
        ${inputField({ id: 'settings-vacation-end', name: 'vacationEndDate', label: 'Vacation end date', type: 'date', value: values.vacationEndDate, className: 'narrow', hint: 'Optional. The responder turns off after this day.', errorId: ref(errors.vacationEndDate) })}
      </div>
    </section>
    <div class="form-actions sticky-actions"><button type="submit" class="button primary">Save changes</button></div>
  </form>`;
}

export function signaturePanel(store: MailStore, value: string, error: string | undefined): SafeHtml {
  return html`<div class="signature-layout">
    <section class="card settings-card" aria-labelledby="signature-heading">
      <div class="settings-card-head"><h2 id="signature-heading">${icon('signature')}Email signature</h2><p class="meta">Added below every message you send.</p></div>
      <form method="post" action="/settings/signature" aria-label="Signature" class="stack" novalidate>
        ${formErrors('signature-errors', [error])}
        ${textareaField({ id: 'settings-signature', name: 'signature', label: 'Signature', value, rows: 5, errorId: error ? 'signature-errors' : undefined })}
        <div class="form-actions"><button type="submit" class="button primary">Save signature</button></div>
      </form>
    </section>
    <section class="card settings-card preview-card" aria-labelledby="preview-heading">
      <div class="settings-card-head"><h2 id="preview-heading">Preview</h2></div>
      <div class="preview-mail"><p class="meta">From ${store.settings.displayName} &lt;${store.settings.email}&gt;</p><p>Hi there,</p><p class="muted">…</p>
      <div class="signature">${store.settings.signature === '' ? html`<p class="muted">No signature</p>` : bodyParagraphs(`-- \n${store.settings.signature}`)}</div></div>
    </section>
  </div>`;
}
