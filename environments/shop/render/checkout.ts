import { TODAY, addDays, formatDate } from '../clock.js';
import { html } from '../../kit/html.js';
import { FREE_SHIPPING_CENTS, formatMoney } from '../money.js';
import { COUNTRIES, SHIPPING_METHODS } from '../model.js';
import { cardLabel } from '../probe.js';
import { cartSummary } from '../queries.js';
import type { ShopStore } from '../store.js';
import { EMPTY_FORM, type FormState } from '../validation.js';
import {
  breadcrumb,
  dateField,
  emptyState,
  fieldId,
  formErrors,
  pageHeader,
  productArt,
  selectField,
  textField,
  textareaField,
  totals,
} from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export const COUNTRY_OPTIONS = [
  { value: '', label: 'Choose a country…' },
  ...Object.entries(COUNTRIES).map(([value, label]) => ({ value, label })),
];

export function renderCheckout(store: ShopStore, flash: string | undefined, form: FormState = EMPTY_FORM): string {
  const cart = cartSummary(store);
  const values = form.values;
  const errorId = 'checkout-errors';
  const ref = (name: string) => (form.errors[name] ? errorId : undefined);
  const id = (name: string) => fieldId('checkout', name);
  const standard = cart.subtotal >= FREE_SHIPPING_CENTS ? 0 : SHIPPING_METHODS.standard.cents;
  const cardOptions = [
    { value: '', label: 'Choose a card…' },
    ...store.data.cards.map((card) => ({ value: String(card.id), label: cardLabel(card) })),
  ];
  const methodOptions = Object.entries(SHIPPING_METHODS).map(([value, method]) => ({
    value,
    label: `${method.label} (${method.note.split(',')[0]})`,
  }));
  const earliest = addDays(TODAY, 2);
  const latest = addDays(TODAY, 90);

  const content =
    cart.lines.length === 0 && Object.keys(form.errors).length === 0
      ? html`<div class="card">${emptyState('Your cart is empty', 'Add a product to your cart before checking out.', html`<a class="button primary" href="/products">Browse products</a>`)}</div>`
      : html`<div class="checkout-layout">
        <form method="post" action="/checkout" aria-label="Checkout" class="card checkout-form" novalidate>
          ${formErrors(errorId, form.errors)}
          <fieldset>
            <legend><span class="step">1</span>Shipping address</legend>
            <div class="field-grid two">
              ${textField({ id: id('fullName'), name: 'fullName', label: 'Full name', value: values.fullName ?? '', maxLength: 80, className: 'span-2', errorId: ref('fullName') })}
              ${textField({ id: id('street'), name: 'street', label: 'Street', value: values.street ?? '', maxLength: 120, placeholder: 'e.g. 14 Harbor Lane', className: 'span-2', errorId: ref('street') })}
              ${textField({ id: id('city'), name: 'city', label: 'City', value: values.city ?? '', maxLength: 80, errorId: ref('city') })}
              ${textField({ id: id('postalCode'), name: 'postalCode', label: 'Postal code', value: values.postalCode ?? '', maxLength: 10, errorId: ref('postalCode') })}
              ${selectField({ id: id('country'), name: 'country', label: 'Country', options: COUNTRY_OPTIONS, selected: values.country ?? '', className: 'span-2', errorId: ref('country') })}
            </div>
          </fieldset>
          <fieldset>
            <legend><span class="step">2</span>Delivery</legend>
            <div class="field-grid two">
              ${selectField({ id: id('shippingMethod'), name: 'shippingMethod', label: 'Shipping method', options: methodOptions, selected: values.shippingMethod ?? 'standard', errorId: ref('shippingMethod') })}
              ${dateField({ id: id('deliveryDate'), name: 'deliveryDate', label: 'Delivery date', value: values.deliveryDate ?? '', min: earliest, max: latest, hint: `Any day from ${formatDate(earliest)} to ${formatDate(latest)}`, errorId: ref('deliveryDate') })}
              ${textareaField({ id: id('deliveryNote'), name: 'deliveryNote', label: 'Delivery note', value: values.deliveryNote ?? '', rows: 2, placeholder: 'Optional: where to leave the parcel', className: 'span-2', errorId: ref('deliveryNote') })}
            </div>
          </fieldset>
          <fieldset>
            <legend><span class="step">3</span>Payment</legend>
            <div class="field-grid two">
              ${selectField({ id: id('cardId'), name: 'cardId', label: 'Payment card', options: cardOptions, selected: values.cardId ?? '', errorId: ref('cardId'), hint: 'Cards saved to your account' })}
              <p class="secure-note">${icon('shield')}Payments are encrypted and processed securely. You will not be charged until your order ships.</p>
            </div>
          </fieldset>
          <div class="form-actions"><a class="button ghost" href="/cart">Back to cart</a><button type="submit" class="button primary large">${icon('check')}Place order</button></div>
        </form>
        <aside class="card summary-card" aria-labelledby="checkout-summary-heading">
          <h2 id="checkout-summary-heading">In your order</h2>
          <ul class="mini-lines">${cart.lines.map(({ item, product, lineTotal }) => {
            const category = store.data.categories.find((candidate) => candidate.id === product.categoryId)!;
            return html`<li>${productArt(product, category, 'sm')}<span class="mini-name">${product.name}<span class="meta">Qty ${item.quantity}</span></span><span class="strong">${formatMoney(lineTotal)}</span></li>`;
          })}</ul>
          ${totals([
            ['Subtotal', formatMoney(cart.subtotal)],
            ['Standard shipping', standard === 0 ? 'Free' : formatMoney(standard)],
            ['Tax (8%)', formatMoney(cart.tax)],
            ['Total with standard shipping', formatMoney(cart.total + standard), true],
          ])}
          <p class="meta">Express shipping is ${formatMoney(SHIPPING_METHODS.express.cents)} and arrives in 1–2 business days.</p>
        </aside>
      </div>`;
  const body = html`
    ${breadcrumb([
      ['Cart', '/cart'],
      ['Checkout', undefined],
    ])}
    ${pageHeader('Checkout', html`${icon('shield')} Secure checkout · ${cart.itemCount} item${cart.itemCount === 1 ? '' : 's'}`)}
    ${content}`;
  return layout(store, { title: 'Checkout', section: 'checkout', flash, body });
}
