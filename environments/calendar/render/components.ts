import { html, type SafeHtml } from '../../kit/html.js';
import type { Calendar, Person } from '../model.js';
import { icon } from './icons.js';

const AVATAR_COLORS = ['#2f5bea', '#0891b2', '#059669', '#d97706', '#db2777', '#7c3aed', '#0d9488', '#dc2626', '#475569'];

function colorFor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}

/** Initials in a colored circle; decorative (the name is always written next to it). */
export function avatar(person: Person, size: 'sm' | 'md' | 'lg' = 'sm'): SafeHtml {
  return html`<span class="avatar avatar-${size}" style="background:${colorFor(person.email)}" aria-hidden="true">${person.initials}</span>`;
}

/** Avatar for a bare email address: the first letters of its local part. */
export function emailAvatar(email: string): SafeHtml {
  const local = email.split('@')[0] ?? email;
  const parts = local.split(/[._-]+/).filter(Boolean);
  const initials = ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? parts[0]?.[1] ?? '')).toUpperCase();
  return html`<span class="avatar avatar-sm" style="background:${colorFor(email)}" aria-hidden="true">${initials}</span>`;
}

export function calendarChip(calendar: Calendar): SafeHtml {
  return html`<span class="cal-chip"><span class="swatch" style="background:${calendar.color}" aria-hidden="true"></span>${calendar.name}</span>`;
}

export function pageHeader(title: string, subtitle: SafeHtml | string, actions: SafeHtml | string = ''): SafeHtml {
  return html`<div class="page-header"><div><h1>${title}</h1>${subtitle ? html`<p class="subtitle">${subtitle}</p>` : ''}</div>${actions ? html`<div class="page-actions">${actions}</div>` : ''}</div>`;
}

export function emptyState(title: string, body: string): SafeHtml {
  return html`<div class="empty">${icon('calendar', 'icon empty-icon')}<p class="empty-title">${title}</p><p class="muted">${body}</p></div>`;
}

/** Error summary at the top of a form; `id` is referenced by the invalid fields' aria-describedby. */
export function formErrors(id: string, errors: ReadonlyArray<string | undefined>): SafeHtml {
  const messages = errors.filter((error): error is string => Boolean(error));
  if (messages.length === 0) return html``;
  return html`<div class="form-error" role="alert" id="${id}">${icon('alert')}<div>${messages.map((error) => html`<p>${error}</p>`)}</div></div>`;
}

export interface Option {
  value: string;
  label: string;
}

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  /** id of the error summary, when this field is invalid */
  errorId?: string | undefined;
  className?: string;
  hint?: string;
}

function invalid(errorId: string | undefined): SafeHtml {
  return errorId ? html` aria-invalid="true" aria-describedby="${errorId}"` : html``;
}

function wrap(field: FieldOptions, control: SafeHtml): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label>${control}${field.hint ? html`<p class="hint">${field.hint}</p>` : ''}</div>`;
}

export function inputField(
  field: FieldOptions & {
    type: 'text' | 'date' | 'time' | 'email';
    value: string;
    placeholder?: string;
    maxLength?: number;
    multiple?: boolean;
  },
): SafeHtml {
  return wrap(
    field,
    html`<input type="${field.type}" id="${field.id}" name="${field.name}" value="${field.value}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''}${field.multiple ? html` multiple` : ''} autocomplete="off"${invalid(field.errorId)}>`,
  );
}

export function textareaField(field: FieldOptions & { value: string; rows?: number; placeholder?: string }): SafeHtml {
  return wrap(
    field,
    html`<textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 3}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${invalid(field.errorId)}>${field.value}</textarea>`,
  );
}

export function selectField(field: FieldOptions & { options: readonly Option[]; selected: string; autosubmit?: boolean }): SafeHtml {
  return wrap(
    field,
    html`<select id="${field.id}" name="${field.name}"${field.autosubmit ? html` data-autosubmit` : ''}${invalid(field.errorId)}>${options(field.options, field.selected)}</select>`,
  );
}

export function options(list: readonly Option[], selected: string): SafeHtml {
  return html`${list.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.label}</option>`)}`;
}

/** A form that posts back and returns to `returnTo`. */
export function returnInput(returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return" value="${returnTo}">`;
}

/** "Showing 1–15 of 32 events" and Previous page / Next page links. */
export function pager(
  info: { page: number; pageCount: number; first: number; last: number; total: number; noun: string },
  href: (page: number) => string,
): SafeHtml {
  return html`<nav aria-label="Pagination" class="pagination">
    <p class="meta">Showing ${info.first}–${info.last} of ${info.total} ${info.noun}</p>
    <div class="pager">
      ${info.page > 1 ? html`<a class="button small" href="${href(info.page - 1)}">${icon('chevronLeft')}Previous page</a>` : html`<span class="button small disabled" aria-hidden="true">${icon('chevronLeft')}Previous</span>`}
      <span class="page-of">Page ${info.page} of ${info.pageCount}</span>
      ${info.page < info.pageCount ? html`<a class="button small" href="${href(info.page + 1)}">Next page${icon('chevronRight')}</a>` : html`<span class="button small disabled" aria-hidden="true">Next${icon('chevronRight')}</span>`}
    </div>
  </nav>`;
}
