import { html, type SafeHtml } from '../../kit/html.js';
import type { Person } from '../model.js';
import type { WikiStore } from '../store.js';
import { icon } from './icons.js';

const AVATAR_COLORS = ['#0f766e', '#2563eb', '#7c3aed', '#db2777', '#ea580c', '#0891b2', '#4d7c0f', '#9333ea', '#475569', '#b45309'];
const TAG_TONES = ['teal', 'blue', 'violet', 'rose', 'amber', 'slate', 'green', 'indigo'];

/** Initials in a colored circle; decorative unless `labelled`, then an image named for the person. */
export function avatar(person: Person, size: 'sm' | 'md' | 'lg' = 'sm', labelled = false): SafeHtml {
  const color = AVATAR_COLORS[(person.id - 1) % AVATAR_COLORS.length];
  return labelled
    ? html`<span class="avatar avatar-${size}" style="background:${color}" role="img" aria-label="${person.name}" title="${person.name}">${person.initials}</span>`
    : html`<span class="avatar avatar-${size}" style="background:${color}" aria-hidden="true">${person.initials}</span>`;
}

export function personChip(person: Person | undefined): SafeHtml {
  if (person === undefined) return html`<span class="person muted">Unknown</span>`;
  return html`<span class="person">${avatar(person)}<span>${person.name}</span></span>`;
}

/** A tag badge linking to the tag's page list. */
export function tagBadge(store: WikiStore, name: string): SafeHtml {
  const tag = store.tagByName(name);
  const tone = TAG_TONES[((tag?.id ?? 1) - 1) % TAG_TONES.length];
  return tag === undefined
    ? html`<span class="tag tag-${tone}">${name}</span>`
    : html`<a class="tag tag-${tone}" href="/tags/${tag.slug}">${icon('tag')}${tag.name}</a>`;
}

export function tagBadges(store: WikiStore, names: readonly string[]): SafeHtml {
  return html`${names.map((name) => tagBadge(store, name))}`;
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

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  /** id of the error summary, when this field is invalid */
  errorId?: string | undefined;
  hint?: string;
  className?: string;
}

function describedBy(field: FieldOptions): SafeHtml {
  const ids = [field.errorId, field.hint ? `${field.id}-hint` : undefined].filter(Boolean).join(' ');
  return html`${field.errorId ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}`;
}

function hint(field: FieldOptions): SafeHtml {
  return field.hint ? html`<p class="hint" id="${field.id}-hint">${field.hint}</p>` : html``;
}

export function textField(field: FieldOptions & { value: string; placeholder?: string; maxLength?: number }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="text" id="${field.id}" name="${field.name}" value="${field.value}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''} autocomplete="off"${describedBy(field)}>${hint(field)}</div>`;
}

export function dateField(field: FieldOptions & { value: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="date" id="${field.id}" name="${field.name}" value="${field.value}"${describedBy(field)}>${hint(field)}</div>`;
}

export function selectField(
  field: FieldOptions & { options: readonly Option[]; selected: string; ariaLabel?: string; autosubmit?: boolean },
): SafeHtml {
  const name = field.ariaLabel ? html` aria-label="${field.ariaLabel}"` : '';
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><select id="${field.id}" name="${field.name}"${name}${field.autosubmit ? html` data-autosubmit` : ''}${describedBy(field)}>${options(field.options, field.selected)}</select>${hint(field)}</div>`;
}

export function options(list: readonly Option[], selected: string): SafeHtml {
  return html`${list.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.label}</option>`)}`;
}

/** A form that posts back and returns to `returnTo`. */
export function returnInput(returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return" value="${returnTo}">`;
}

/** "Showing 1–15 of 40 pages" with Previous page / Next page links. */
export function pager(total: number, page: number, pageSize: number, noun: string, href: (page: number) => string): SafeHtml {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return html`<nav aria-label="Pagination" class="pagination">
    <p class="meta">Showing ${first}–${last} of ${total} ${noun}</p>
    <div class="pager">
      ${page > 1 ? html`<a class="button small" href="${href(page - 1)}">${icon('chevronLeft')}Previous page</a>` : html`<span class="button small disabled" aria-hidden="true">${icon('chevronLeft')}Previous</span>`}
      <span class="page-of">Page ${page} of ${pageCount}</span>
      ${page < pageCount ? html`<a class="button small" href="${href(page + 1)}">Next page${icon('chevronRight')}</a>` : html`<span class="button small disabled" aria-hidden="true">Next${icon('chevronRight')}</span>`}
    </div>
  </nav>`;
}

/** Clamps a requested page number into 1..pageCount. */
export function clampPage(requested: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, requested), Math.max(1, Math.ceil(total / pageSize)));
}
