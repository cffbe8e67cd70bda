import { TODAY, daysBetween, formatDate } from '../clock.js';
import { html, type SafeHtml } from '../../kit/html.js';
import { PRIORITY_LABELS, STATUS_LABELS, type Person, type Task, type TaskPriority, type TaskStatus } from '../model.js';
import { isOpen } from '../queries.js';
import { icon } from './icons.js';

const AVATAR_COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ec4899', '#8b5cf6', '#14b8a6', '#ef4444', '#64748b'];

export function statusBadge(status: TaskStatus): SafeHtml {
  return html`<span class="badge status-${status.replace('_', '-')}"><span class="dot" aria-hidden="true"></span>${STATUS_LABELS[status]}</span>`;
}

export function priorityBadge(priority: TaskPriority): SafeHtml {
  return html`<span class="priority priority-${priority}"><span class="bars" aria-hidden="true"><i></i><i></i><i></i></span>${PRIORITY_LABELS[priority]}</span>`;
}

/** Initials in a colored circle; decorative unless `labelled`, then an image named for the person. */
export function avatar(person: Person, size: 'sm' | 'md' | 'lg' = 'sm', labelled = false): SafeHtml {
  const color = AVATAR_COLORS[(person.id - 1) % AVATAR_COLORS.length];
  return labelled
    ? html`<span class="avatar avatar-${size}" style="background:${color}" role="img" aria-label="${person.name}" title="${person.name}">${person.initials}</span>`
    : html`<span class="avatar avatar-${size}" style="background:${color}" aria-hidden="true">${person.initials}</span>`;
}

/** Avatar plus name, or a muted "Unassigned". */
export function personChip(person: Person | undefined, link = false): SafeHtml {
  if (person === undefined) return html`<span class="person muted">Unassigned</span>`;
  const name = link ? html`<a href="/people/${person.id}">${person.name}</a>` : html`${person.name}`;
  return html`<span class="person">${avatar(person)}<span>${name}</span></span>`;
}

export function dueDate(task: Task): SafeHtml {
  if (task.dueDate === null) return html`<span class="muted">No due date</span>`;
  const days = daysBetween(TODAY, task.dueDate);
  const tone = !isOpen(task) ? '' : days < 0 ? 'due-overdue' : days <= 3 ? 'due-soon' : '';
  const hint = !isOpen(task) ? '' : days < 0 ? 'Overdue' : days === 0 ? 'Today' : '';
  return html`<span class="due ${tone}"><time datetime="${task.dueDate}">${formatDate(task.dueDate)}</time>${hint ? html`<span class="due-hint">${hint}</span>` : ''}</span>`;
}

export function labelChips(labels: readonly string[]): SafeHtml {
  return html`${labels.map((label) => html`<span class="label">${label}</span>`)}`;
}

export function pageHeader(title: string, subtitle: SafeHtml | string, actions: SafeHtml | string = ''): SafeHtml {
  return html`<div class="page-header"><div><h1>${title}</h1>${subtitle ? html`<p class="subtitle">${subtitle}</p>` : ''}</div>${actions ? html`<div class="page-actions">${actions}</div>` : ''}</div>`;
}

export function emptyState(title: string, body: string): SafeHtml {
  return html`<div class="empty"><p class="empty-title">${title}</p><p class="muted">${body}</p></div>`;
}

/** Error summary at the top of a form; `id` is referenced by the invalid fields' aria-describedby. */
export function formErrors(id: string, errors: readonly string[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="form-error" role="alert" id="${id}">${icon('alert')}<div>${errors.map((error) => html`<p>${error}</p>`)}</div></div>`;
}

export interface Option {
  value: string;
  label: string;
}

export const STATUS_OPTIONS: Option[] = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));
export const PRIORITY_OPTIONS: Option[] = Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }));

export function peopleOptions(people: readonly Person[], emptyLabel: string | undefined): Option[] {
  const options = people.map((person) => ({ value: String(person.id), label: person.name }));
  return emptyLabel === undefined ? options : [{ value: '', label: emptyLabel }, ...options];
}

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  /** id of the error summary, when this field is invalid */
  errorId?: string | undefined;
  className?: string;
}

function invalid(errorId: string | undefined): SafeHtml {
  return errorId ? html` aria-invalid="true" aria-describedby="${errorId}"` : html``;
}

export function textField(field: FieldOptions & { value: string; placeholder?: string; required?: boolean; maxLength?: number }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="text" id="${field.id}" name="${field.name}" value="${field.value}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''} autocomplete="off"${invalid(field.errorId)}></div>`;
}

export function dateField(field: FieldOptions & { value: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="date" id="${field.id}" name="${field.name}" value="${field.value}"${invalid(field.errorId)}></div>`;
}

export function textareaField(field: FieldOptions & { value: string; rows?: number; placeholder?: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 3}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${invalid(field.errorId)}>${field.value}</textarea></div>`;
}

/** `ariaLabel` overrides the visible label as the accessible name (it should contain the label text). */
export function selectField(field: FieldOptions & { options: readonly Option[]; selected: string; ariaLabel?: string }): SafeHtml {
  const name = field.ariaLabel ? html` aria-label="${field.ariaLabel}"` : '';
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><select id="${field.id}" name="${field.name}"${name}${invalid(field.errorId)}>${options(field.options, field.selected)}</select></div>`;
}

export function options(list: readonly Option[], selected: string): SafeHtml {
  return html`${list.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.label}</option>`)}`;
}

/** A form that posts back and returns to `returnTo`. */
export function returnInput(returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return" value="${returnTo}">`;
}
