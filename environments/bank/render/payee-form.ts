import { html, type SafeHtml } from '../../kit/html.js';
import { PAYEE_CATEGORY_LABELS } from '../model.js';
import { formErrors, selectField, textField } from './components.js';

export interface PayeeFormState {
  values: { name: string; email: string; category: string };
  errors: { name?: string; email?: string; category?: string };
}

export const EMPTY_PAYEE_FORM: PayeeFormState = { values: { name: '', email: '', category: '' }, errors: {} };

/** The New payee and Payee details forms share their fields; `prefix` keeps ids unique. */
export function payeeFields(prefix: string, form: PayeeFormState, errorId: string, withPlaceholder: boolean): SafeHtml {
  const e = form.errors;
  const ref = (error: string | undefined) => (error ? errorId : undefined);
  const categories = Object.entries(PAYEE_CATEGORY_LABELS).map(([value, label]) => ({ value, label }));
  return html`
    ${formErrors(errorId, [e.name, e.email, e.category])}
    ${textField({ id: `${prefix}-name`, name: 'name', label: 'Name', value: form.values.name, maxLength: 80, placeholder: withPlaceholder ? 'Company or person' : '', errorId: ref(e.name) })}
    ${textField({ id: `${prefix}-email`, name: 'email', label: 'Email', type: 'email', value: form.values.email, placeholder: withPlaceholder ? 'billing@example.com' : '', hint: withPlaceholder ? '' : 'We send a receipt here for every payment.', errorId: ref(e.email) })}
    ${selectField({ id: `${prefix}-category`, name: 'category', label: 'Category', options: withPlaceholder ? [{ value: '', label: 'Choose a category…' }, ...categories] : categories, selected: form.values.category, errorId: ref(e.category) })}`;
}
