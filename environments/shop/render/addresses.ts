import { formatDate } from '../clock.js';
import { html, quoted } from '../../kit/html.js';
import { COUNTRIES } from '../model.js';
import type { ShopStore } from '../store.js';
import { EMPTY_FORM, type FormState } from '../validation.js';
import { COUNTRY_OPTIONS } from './checkout.js';
import { emptyState, fieldId, formErrors, pageHeader, selectField, textField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export function renderAddresses(store: ShopStore, flash: string | undefined, form: FormState = EMPTY_FORM): string {
  const addresses = store.data.addresses;
  const errorId = 'address-errors';
  const ref = (name: string) => (form.errors[name] ? errorId : undefined);
  const id = (name: string) => fieldId('address', name);
  const cards = addresses.map(
    (address) => html`<li class="card address-card">
      <div class="address-top"><span class="address-icon" aria-hidden="true">${icon('pin')}</span><h2>${address.nickname}</h2></div>
      <p class="address">${address.fullName}<br> ${address.street}<br> ${address.city} ${address.postalCode}<br> ${COUNTRIES[address.country]}</p>
      <div class="address-foot"><span class="meta">Added ${formatDate(address.createdAt)}</span>
        <button type="button" class="button ghost small" data-open-dialog="delete-address-${address.id}" aria-label="Delete ${quoted(address.nickname)}">${icon('trash')}Delete</button></div>
      <dialog id="delete-address-${address.id}" class="dialog" aria-labelledby="delete-address-${address.id}-title">
        <h2 id="delete-address-${address.id}-title">Delete the address ${quoted(address.nickname)}?</h2>
        <p>${address.street}, ${address.city} will be removed from your address book. Past orders keep their shipping address.</p>
        <form method="post" action="/addresses/${address.id}/delete" class="dialog-actions">
          <button type="button" class="button" data-close-dialog>Keep address</button>
          <button type="submit" class="button danger">Delete</button>
        </form>
      </dialog>
    </li>`,
  );
  const body = html`
    ${pageHeader('Addresses', 'Where we ship your orders; new checkout addresses are saved here too')}
    <div class="addresses-layout">
      <div>${addresses.length === 0 ? html`<div class="card">${emptyState('No saved addresses', 'Add one with the form.')}</div>` : html`<ul class="address-grid">${cards}</ul>`}</div>
      <section class="card form-card" aria-labelledby="new-address-heading">
        <h2 id="new-address-heading">${icon('plus')}New address</h2>
        <form method="post" action="/addresses" aria-label="New address" class="stack" novalidate>
          ${formErrors(errorId, form.errors)}
          ${textField({ id: id('nickname'), name: 'nickname', label: 'Nickname', value: form.values.nickname ?? '', placeholder: 'e.g. Cabin, Studio (optional)', maxLength: 80, errorId: ref('nickname') })}
          ${textField({ id: id('fullName'), name: 'fullName', label: 'Full name', value: form.values.fullName ?? '', maxLength: 80, errorId: ref('fullName') })}
          ${textField({ id: id('street'), name: 'street', label: 'Street', value: form.values.street ?? '', maxLength: 120, errorId: ref('street') })}
          <div class="field-grid two">
            ${textField({ id: id('city'), name: 'city', label: 'City', value: form.values.city ?? '', maxLength: 80, errorId: ref('city') })}
            ${textField({ id: id('postalCode'), name: 'postalCode', label: 'Postal code', value: form.values.postalCode ?? '', maxLength: 10, errorId: ref('postalCode') })}
          </div>
          ${selectField({ id: id('country'), name: 'country', label: 'Country', options: COUNTRY_OPTIONS, selected: form.values.country ?? '', errorId: ref('country') })}
          <button type="submit" class="button primary block">Add address</button>
        </form>
      </section>
    </div>`;
  return layout(store, { title: 'Addresses', section: 'account', flash, body });
}
