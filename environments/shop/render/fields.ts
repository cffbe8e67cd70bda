import { html, type SafeHtml } from '../../kit/html.js';
import { icon } from './icons.js';

export interface Option {
  value: string;
  label: string;
}

interface FieldOptions {
  /** Unique element id; the label's `for`. */
  id: string;
  name: string;
  label: string;
  /** id of the error summary, when this field is invalid */
  errorId?: string | undefined;
  className?: string;
  hint?: string;
}

/** The element id for a field of a form: "<form>-<name>". */
export function fieldId(form: string, name: string): string {
  return `${form}-${name}`;
}

function invalid(errorId: string | undefined): SafeHtml {
  return errorId ? html` aria-invalid="true" aria-describedby="${errorId}"` : html``;
}

function hint(field: FieldOptions): SafeHtml {
  return field.hint ? html`<span class="hint">${field.hint}</span>` : html``;
}

/** Error summary at the top of a form; `id` is referenced by the invalid fields' aria-describedby. */
export function formErrors(id: string, errors: Record<string, string>): SafeHtml {
  const messages = Object.values(errors);
  if (messages.length === 0) return html``;
  return html`<div class="form-error" role="alert" id="${id}">${icon('alert')}<div>${messages.map((message) => html`<p>${message}</p>`)}</div></div>`;
}

export function textField(
  field: FieldOptions & { value: string; placeholder?: string; maxLength?: number; autocomplete?: string },
): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="text" id="${field.id}" name="${field.name}" value="${field.value}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${field.maxLength ? html` maxlength="${field.maxLength}"` : ''} autocomplete="${field.autocomplete ?? 'off'}"${invalid(field.errorId)}>${hint(field)}</div>`;
}

export function dateField(field: FieldOptions & { value: string; min?: string; max?: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><input type="date" id="${field.id}" name="${field.name}" value="${field.value}"${field.min ? html` min="${field.min}"` : ''}${field.max ? html` max="${field.max}"` : ''}${invalid(field.errorId)}>${hint(field)}</div>`;
}

export function textareaField(field: FieldOptions & { value: string; rows?: number; placeholder?: string }): SafeHtml {
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 3}"${field.placeholder ? html` placeholder="${field.placeholder}"` : ''}${invalid(field.errorId)}>${field.value}</textarea>${hint(field)}</div>`;
}

/** `ariaLabel` overrides the visible label as the accessible name (it should contain the label text). */
export function selectField(
  field: FieldOptions & { options: readonly Option[]; selected: string; ariaLabel?: string; autosubmit?: boolean },
): SafeHtml {
  const name = field.ariaLabel ? html` aria-label="${field.ariaLabel}"` : '';
  return html`<div class="field ${field.className ?? ''}"><label for="${field.id}">${field.label}</label><select id="${field.id}" name="${field.name}"${name}${field.autosubmit ? html` data-autosubmit` : ''}${invalid(field.errorId)}>${options(field.options, field.selected)}</select>${hint(field)}</div>`;
}

export function options(list: readonly Option[], selected: string): SafeHtml {
  return html`${list.map((option) => html`<option value="${option.value}"${option.value === selected ? html` selected` : ''}>${option.label}</option>`)}`;
}

/** A form that posts back and returns to `returnTo`. */
export function returnInput(returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return" value="${returnTo}">`;
}
