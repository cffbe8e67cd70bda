import { html, type SafeHtml } from '../../kit/html.js';
import { CATEGORY_LABELS, type Account, type Category } from '../model.js';
import { formatMoney, formatSigned } from '../money.js';
import { icon, type IconName } from './icons.js';

export const CATEGORY_COLORS: Record<Category, string> = {
  income: '#059669',
  groceries: '#65a30d',
  dining: '#ea580c',
  transport: '#0284c7',
  shopping: '#db2777',
  bills: '#7c3aed',
  housing: '#b45309',
  entertainment: '#e11d48',
  health: '#0d9488',
  travel: '#2563eb',
  subscriptions: '#9333ea',
  cash: '#475569',
  transfer: '#64748b',
  interest: '#16a34a',
};

const AVATAR_COLORS = ['#0e7c66', '#2563eb', '#9333ea', '#db2777', '#ea580c', '#0891b2', '#65a30d', '#b45309', '#475569'];

export interface Option {
  value: string;
  label: string;
}

export const CATEGORY_OPTIONS: Option[] = Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }));

export function pageHeader(title: string, subtitle: SafeHtml | string, actions: SafeHtml | string = ''): SafeHtml {
  return html`<div class="page-header"><div><h1>${title}</h1>${subtitle ? html`<p class="subtitle">${subtitle}</p>` : ''}</div>${actions ? html`<div class="page-actions">${actions}</div>` : ''}</div>`;
}

export function emptyState(title: string, body: string): SafeHtml {
  return html`<div class="empty"><p class="empty-title">${title}</p><p class="muted">${body}</p></div>`;
}

/** "+$2,450.00" in green for money in, "-$45.20" for money out. */
export function amountText(value: number): SafeHtml {
  return html`<span class="amount ${value > 0 ? 'amount-in' : 'amount-out'}">${formatSigned(value)}</span>`;
}

export function moneyText(value: number): SafeHtml {
  return html`<span class="money">${formatMoney(value)}</span>`;
}

export function categoryChip(category: Category): SafeHtml {
  return html`<span class="category"><span class="category-dot" style="background:${CATEGORY_COLORS[category]}" aria-hidden="true"></span>${CATEGORY_LABELS[category]}</span>`;
}

export function pendingBadge(): SafeHtml {
  return html`<span class="badge badge-pending">Pending</span>`;
}

/** Initials in a colored circle; decorative. */
export function initialsAvatar(name: string, seed: number, size: 'sm' | 'md' | 'lg' = 'md'): SafeHtml {
  const initials = name
    .split(/\s+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
  return html`<span class="avatar avatar-${size}" style="background:${AVATAR_COLORS[Math.abs(seed) % AVATAR_COLORS.length]}" aria-hidden="true">${initials || '?'}</span>`;
}

export function accountIconName(account: Account): IconName {
  return account.type === 'checking' ? 'wallet' : account.type === 'savings' ? 'savings' : 'card';
}

export function accountGlyph(account: Account, size: 'sm' | 'lg' = 'sm'): SafeHtml {
  return html`<span class="account-glyph account-glyph-${account.type} account-glyph-${size}" aria-hidden="true">${icon(accountIconName(account))}</span>`;
}

/** Error summary at the top of a form; `id` is referenced by the invalid fields' aria-describedby. */
export function formErrors(id: string, errors: ReadonlyArray<string | undefined>): SafeHtml {
  const messages = errors.filter((error): error is string => Boolean(error));
  if (messages.length === 0) return html``;
  return html`<div class="form-error" role="alert" id="${id}">${icon('alert')}<div>${messages.map((error) => html`<p>${error}</p>`)}</div></div>`;
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

function hint(field: FieldOptions): SafeHtml {
  return field.hint ? html`<span class="hint">${field.hint}</span>` : html``;
}

export function textField(
  field: FieldOptions & {
    value: string;
    type?: 'text' | 'email' | 'number';
    placeholder?: string;
    maxLength?: number;
    inputMode?: string;
    prefix?: string;
  },
): SafeHtml {
  const type = field.type ?? 'text';
  const extra = html`${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''}${field.inputMode ? html` inputmode="${field.inputMode}"` : ''}${type === 'number' ? html` min="1" step="1"` : ''}`;
  const input = html`<input type="${type}" id="${field.id}" name="${field.name}" value="${field.value}"${extra} autocomplete="off"${invalid(field.errorId)}>`;
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label>${field.prefix ? html`<span class="input-prefix"><span aria-hidden="true">${field.prefix}</span>${input}</span>` : input}${hint(field)}</div>`;
}

export function dateField(field: FieldOptions & { value: string; min?: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="date" id="${field.id}" name="${field.name}" value="${field.value}"${field.min ? html` min="${field.min}"` : ''}${invalid(field.errorId)}>${hint(field)}</div>`;
}

export function textareaField(field: FieldOptions & { value: string; rows?: number; placeholder?: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 3}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${invalid(field.errorId)}>${field.value}</textarea>${hint(field)}</div>`;
}

export function selectField(field: FieldOptions & { options: readonly Option[]; selected: string; autosubmit?: boolean }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><select id="${field.id}" name="${field.name}"${field.autosubmit ? html` data-autosubmit` : ''}${invalid(field.errorId)}>${options(field.options, field.selected)}</select>${hint(field)}</div>`;
}

export function options(list: readonly Option[], selected: string): SafeHtml {
  return html`${list.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.label}</option>`)}`;
}

export function returnInput(returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return" value="${returnTo}">`;
}

/** A confirmation <dialog> for a destructive action, opened by a button with data-open-dialog. */
export function confirmDialog(dialog: {
  id: string;
  title: string;
  text: string;
  action: string;
  confirm: string;
  returnTo?: string;
}): SafeHtml {
  return html`<dialog id="${dialog.id}" class="dialog" aria-labelledby="${dialog.id}-title" aria-describedby="${dialog.id}-text">
    <h2 id="${dialog.id}-title">${dialog.title}</h2>
    <p id="${dialog.id}-text">${dialog.text}</p>
    <form method="post" action="${dialog.action}" class="dialog-actions">
      ${dialog.returnTo ? returnInput(dialog.returnTo) : ''}
      <button type="button" class="button" data-close-dialog>Cancel</button>
      <button type="submit" class="button danger">${dialog.confirm}</button>
    </form>
  </dialog>`;
}

export interface PagerOptions {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  noun: string;
  hrefFor: (page: number) => string;
}

export function pager(options: PagerOptions): SafeHtml {
  const { page, pageCount, total, pageSize } = options;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return html`<nav aria-label="Pagination" class="pagination">
    <p class="meta">Showing ${first}–${last} of ${total} ${options.noun}</p>
    <div class="pager">
      ${page > 1 ? html`<a class="button small" href="${options.hrefFor(page - 1)}">${icon('chevronLeft')}Previous page</a>` : html`<span class="button small disabled" aria-hidden="true">${icon('chevronLeft')}Previous</span>`}
      <span class="page-of">Page ${page} of ${pageCount}</span>
      ${page < pageCount ? html`<a class="button small" href="${options.hrefFor(page + 1)}">Next page${icon('chevronRight')}</a>` : html`<span class="button small disabled" aria-hidden="true">Next${icon('chevronRight')}</span>`}
    </div>
  </nav>`;
}
