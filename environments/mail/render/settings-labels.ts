import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { LABEL_COLORS, LABEL_COLOR_NAMES } from '../model.js';
import { labelCounts } from '../queries.js';
import type { MailStore } from '../store.js';
import type { LabelErrors } from '../validation.js';
import { confirmDialog, emptyState, formErrors, inputField, selectField, swatch } from './components.js';
import { icon } from './icons.js';

export interface LabelFormState {
  values: { name: string; color: string };
  errors: LabelErrors;
}

export const EMPTY_LABEL_FORM: LabelFormState = { values: { name: '', color: '' }, errors: {} };

export function labelsPanel(store: MailStore, form: LabelFormState): SafeHtml {
  const errorId = 'label-errors';
  const ref = (error: string | undefined): string | undefined => (error ? errorId : undefined);
  const rows = store.labels.map((label) => {
    const counts = labelCounts(store, label);
    return html`<tr>
      <td><a class="label-link" href="/labels/${label.id}">${swatch(label)}${label.name}</a></td>
      <td>${LABEL_COLOR_NAMES[label.color]}</td>
      <td class="num">${counts.total}</td>
      <td class="num">${counts.unread}</td>
      <td class="col-actions"><button type="button" class="button ghost small row-action" data-open-dialog="delete-label-${label.id}" aria-label="Delete ${quoted(label.name)}" title="Delete label">${icon('trash')}<span aria-hidden="true">Delete</span></button>
        ${confirmDialog({ id: `delete-label-${label.id}`, title: 'Delete this label?', text: `The label ${quoted(label.name)} will be removed from ${counts.total} message${counts.total === 1 ? '' : 's'}. The messages stay where they are.`, action: `/labels/${label.id}/delete`, confirm: 'Delete' })}</td>
    </tr>`;
  });
  return html`<div class="labels-layout">
    <section class="card table-card" aria-labelledby="labels-table-heading">
      <div class="card-header"><h2 id="labels-table-heading">Your labels <span class="count">${store.labels.length}</span></h2></div>
      ${
        store.labels.length === 0
          ? emptyState('No labels yet', 'Create one with the form on the right.')
          : html`<table class="table labels-table"><thead><tr><th scope="col">Name</th><th scope="col">Color</th><th scope="col" class="num">Messages</th><th scope="col" class="num">Unread</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>${rows}</tbody></table>`
      }
    </section>
    <section class="card settings-card" aria-labelledby="new-label-heading">
      <div class="settings-card-head"><h2 id="new-label-heading">${icon('plus')}New label</h2><p class="meta">Labels appear in the sidebar and on messages.</p></div>
      <form method="post" action="/labels" aria-label="New label" class="stack" novalidate>
        ${formErrors(errorId, [form.errors.name, form.errors.color])}
        ${inputField({ id: 'label-name', name: 'name', label: 'Name', value: form.values.name, maxLength: 40, placeholder: 'e.g. Receipts', errorId: ref(form.errors.name) })}
        ${selectField({ id: 'label-color', name: 'color', label: 'Color', options: [{ value: '', label: 'Choose a color…' }, ...LABEL_COLORS.map((color) => ({ value: color, label: LABEL_COLOR_NAMES[color] }))], selected: form.values.color, errorId: ref(form.errors.color) })}
        <div class="form-actions"><button type="submit" class="button primary">Create label</button></div>
      </form>
    </section>
  </div>`;
}
