import { html, type SafeHtml } from '../../kit/html.js';
import { LABEL_COLOR_HEX, type Label } from '../model.js';
import { icon } from './icons.js';

const AVATAR_COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ec4899', '#8b5cf6', '#14b8a6', '#ef4444', '#64748b', '#0891b2'];

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

export function initials(name: string): string {
  const words = name
    .replace(/[^\p{L}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '?';
  return `${words[0]![0] ?? ''}${words.length > 1 ? (words[words.length - 1]![0] ?? '') : ''}`.toUpperCase();
}

/** Initials in a colored circle, colored by the address so a sender always looks the same. */
export function avatar(name: string, email: string, size: 'sm' | 'md' | 'lg' = 'sm'): SafeHtml {
  const color = AVATAR_COLORS[hash(email.toLowerCase()) % AVATAR_COLORS.length];
  return html`<span class="avatar avatar-${size}" style="background:${color}" aria-hidden="true">${initials(name)}</span>`;
}

export function labelBadge(label: Label): SafeHtml {
  const [fg, bg] = LABEL_COLOR_HEX[label.color];
  return html`<span class="label-badge" style="color:${fg};background:${bg}">${label.name}</span>`;
}

export function swatch(label: Label): SafeHtml {
  return html`<span class="swatch" style="background:${LABEL_COLOR_HEX[label.color][0]}" aria-hidden="true"></span>`;
}

export function pageHeader(title: SafeHtml | string, subtitle: SafeHtml | string, actions: SafeHtml | string = ''): SafeHtml {
  return html`<div class="page-header"><div><h1>${title}</h1>${subtitle ? html`<p class="subtitle">${subtitle}</p>` : ''}</div>${actions ? html`<div class="page-actions">${actions}</div>` : ''}</div>`;
}

export function emptyState(title: string, body: string): SafeHtml {
  return html`<div class="empty">${icon('mailOpen', 'icon empty-icon')}<p class="empty-title">${title}</p><p class="muted">${body}</p></div>`;
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

export interface FieldOptions {
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

function hint(field: FieldOptions): SafeHtml {
  return field.hint ? html`<p class="field-hint">${field.hint}</p>` : html``;
}

export function inputField(
  field: FieldOptions & { value: string; type?: 'text' | 'email' | 'date'; placeholder?: string; maxLength?: number },
): SafeHtml {
  const type = field.type ?? 'text';
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="${type}" id="${field.id}" name="${field.name}" value="${field.value}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''} autocomplete="off"${invalid(field.errorId)}>${hint(field)}</div>`;
}

export function textareaField(field: FieldOptions & { value: string; rows?: number; placeholder?: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 3}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${invalid(field.errorId)}>${field.value}</textarea>${hint(field)}</div>`;
}

export function selectField(field: FieldOptions & { options: readonly Option[]; selected: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><select id="${field.id}" name="${field.name}"${invalid(field.errorId)}>${options(field.options, field.selected)}</select>${hint(field)}</div>`;
}

export function checkboxField(field: FieldOptions & { checked: boolean }): SafeHtml {
  return html`<div class="check-field ${field.className ?? ''}"><input type="checkbox" class="checkbox" id="${field.id}" name="${field.name}" value="on"${field.checked ? html` checked` : ''}><div><label for="${field.id}">${field.label}</label>${hint(field)}</div></div>`;
}

export function options(list: readonly Option[], selected: string): SafeHtml {
  return html`${list.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.label}</option>`)}`;
}

/** A form that posts back and returns to `returnTo`. */
export function returnInput(returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return" value="${returnTo}">`;
}

/** "Showing 1–15 of 38" with Previous page / Next page links. */
export function pager(
  hrefFor: (page: number) => string,
  page: number,
  pageCount: number,
  total: number,
  pageSize: number,
  noun: string,
): SafeHtml {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return html`<nav aria-label="Pagination" class="pagination">
    <p class="meta">Showing ${first}–${last} of ${total} ${noun}</p>
    <div class="pager">
      ${page > 1 ? html`<a class="button small" href="${hrefFor(page - 1)}">${icon('chevronLeft')}Previous page</a>` : html`<span class="button small disabled" aria-hidden="true">${icon('chevronLeft')}Previous</span>`}
      <span class="page-of">Page ${page} of ${pageCount}</span>
      ${page < pageCount ? html`<a class="button small" href="${hrefFor(page + 1)}">Next page${icon('chevronRight')}</a>` : html`<span class="button small disabled" aria-hidden="true">Next${icon('chevronRight')}</span>`}
    </div>
  </nav>`;
}

/** A confirmation <dialog> whose confirm button posts to `action`. */
export function confirmDialog(options: {
  id: string;
  title: string;
  text: string;
  action: string;
  confirm: string;
  hidden?: SafeHtml;
}): SafeHtml {
  return html`<dialog id="${options.id}" class="dialog" aria-labelledby="${options.id}-title" aria-describedby="${options.id}-text">
    <h2 id="${options.id}-title">${options.title}</h2>
    <p id="${options.id}-text">${options.text}</p>
    <form method="post" action="${options.action}" class="dialog-actions">
      ${options.hidden ?? ''}
      <button type="button" class="button" data-close-dialog>Cancel</button>
      <button type="submit" class="button danger">${options.confirm}</button>
    </form>
  </dialog>`;
}

/** Paragraphs of a plain-text body; single newlines become line breaks. */
export function bodyParagraphs(text: string): SafeHtml {
  const paragraphs = text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
  return html`${paragraphs.map((paragraph) => html`<p>${paragraph.split('\n').map((line, index) => html`${index > 0 ? html`<br>` : ''}${line}`)}</p>`)}`;
}
