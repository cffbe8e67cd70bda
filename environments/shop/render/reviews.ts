import { formatDate } from '../clock.js';
import { html, type SafeHtml } from '../../kit/html.js';
import { RATING_LABELS, initialsOf, type Product } from '../model.js';
import { ratingOf } from '../queries.js';
import type { ShopStore } from '../store.js';
import { EMPTY_FORM, type FormState } from '../validation.js';
import { fieldId, formErrors, selectField, textField, textareaField } from './components.js';
import { icon, stars } from './icons.js';

const RATING_OPTIONS = [
  { value: '', label: 'Choose a rating…' },
  ...[5, 4, 3, 2, 1].map((value) => ({ value: String(value), label: `${value} star${value === 1 ? '' : 's'} — ${RATING_LABELS[value]}` })),
];

export function reviewsSection(store: ShopStore, product: Product, form: FormState = EMPTY_FORM): SafeHtml {
  const reviews = [...store.reviewsOf(product.id)].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id,
  );
  const rating = ratingOf(store, product.id);
  const bars = [5, 4, 3, 2, 1].map((value) => {
    const count = reviews.filter((review) => review.rating === value).length;
    const share = reviews.length === 0 ? 0 : Math.round((count / reviews.length) * 100);
    return html`<li><span class="bar-label">${value} star</span><span class="bar" aria-hidden="true"><span style="width:${share}%"></span></span><span class="bar-count">${count}</span></li>`;
  });
  const items = reviews.map(
    (review) => html`<li class="review">
      <div class="review-head">
        <span class="avatar avatar-sm" aria-hidden="true">${initialsOf(review.authorName)}</span>
        <div><p class="strong">${review.authorName}${review.mine ? html` <span class="tag">Your review</span>` : html` <span class="tag tag-green">${icon('check')}Verified buyer</span>`}</p>
        <p class="meta"><time datetime="${review.createdAt}">${formatDate(review.createdAt)}</time></p></div>
      </div>
      <p class="review-stars">${stars(review.rating)}<span class="visually-hidden">${review.rating} out of 5 stars</span></p>
      <h3 class="review-title">${review.title}</h3>
      <p class="review-body">${review.body}</p>
    </li>`,
  );
  const errorId = 'review-errors';
  const ref = (name: string) => (form.errors[name] ? errorId : undefined);
  const id = (name: string) => fieldId('review', name);
  return html`<section class="reviews" id="reviews" aria-labelledby="reviews-heading">
    <div class="section-head"><h2 id="reviews-heading">Customer reviews <span class="count">${reviews.length}</span></h2></div>
    <div class="reviews-layout">
      <div class="reviews-side">
        <div class="card rating-card">
          <p class="rating-big">${rating.count === 0 ? '–' : rating.average.toFixed(1)}</p>
          ${stars(rating.average, 'stars stars-lg')}
          <p class="meta">${rating.count === 0 ? 'No reviews yet' : `Based on ${rating.count} review${rating.count === 1 ? '' : 's'}`}</p>
          <ul class="bars">${bars}</ul>
        </div>
        <section class="card form-card" aria-labelledby="add-review-heading">
          <h2 id="add-review-heading">Write a review</h2>
          <p class="meta">Share what you liked, or what could be better.</p>
          <form method="post" action="/products/${product.id}/reviews" aria-label="Add review" class="stack" novalidate>
            ${formErrors(errorId, form.errors)}
            ${textField({ id: id('title'), name: 'title', label: 'Title', value: form.values.title ?? '', placeholder: 'Sum it up in a few words', maxLength: 120, errorId: ref('title') })}
            ${selectField({ id: id('rating'), name: 'rating', label: 'Rating', options: RATING_OPTIONS, selected: form.values.rating ?? '', errorId: ref('rating') })}
            ${textareaField({ id: id('body'), name: 'body', label: 'Review text', value: form.values.body ?? '', rows: 4, placeholder: 'How did it work for you?', errorId: ref('body') })}
            <button type="submit" class="button primary block">Submit review</button>
          </form>
        </section>
      </div>
      <div class="reviews-main card">
        ${reviews.length === 0 ? html`<div class="empty"><p class="empty-title">No reviews yet</p><p class="muted">Be the first to review this product.</p></div>` : html`<ol class="review-list">${items}</ol>`}
      </div>
    </div>
  </section>`;
}
