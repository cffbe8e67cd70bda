import { formatFullDate } from '../clock.js';
import { html, type SafeHtml } from '../../kit/html.js';
import type { Message } from '../model.js';
import type { MailStore } from '../store.js';
import type { ComposeErrors } from '../validation.js';
import { bodyParagraphs, formErrors, inputField, pageHeader, textareaField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export type ComposeMode = 'new' | 'reply' | 'forward' | 'draft';

/** The form's accessible name and the page heading for each mode. */
export const COMPOSE_NAMES: Record<ComposeMode, string> = {
  new: 'New message',
  reply: 'Reply',
  forward: 'Forward',
  draft: 'Edit draft',
};

export interface ComposeState {
  mode: ComposeMode;
  values: { to: string; cc: string; subject: string; body: string };
  errors: ComposeErrors;
  draftId: number | null;
  replyToId: number | null;
  forwardOfId: number | null;
}

export const EMPTY_COMPOSE: ComposeState = {
  mode: 'new',
  values: { to: '', cc: '', subject: '', body: '' },
  errors: {},
  draftId: null,
  replyToId: null,
  forwardOfId: null,
};

function withPrefix(prefix: string, subject: string): string {
  return subject.toLowerCase().startsWith(prefix.toLowerCase()) ? subject : `${prefix}${subject}`;
}

export function replyState(message: Message, replyTo: string): ComposeState {
  return {
    ...EMPTY_COMPOSE,
    mode: 'reply',
    values: { to: replyTo, cc: '', subject: withPrefix('Re: ', message.subject), body: '' },
    replyToId: message.id,
  };
}

export function forwardState(message: Message): ComposeState {
  return {
    ...EMPTY_COMPOSE,
    mode: 'forward',
    values: { to: '', cc: '', subject: withPrefix('Fwd: ', message.subject), body: '' },
    forwardOfId: message.id,
  };
}

function quotedOriginal(message: Message, mode: ComposeMode): SafeHtml {
  const intro =
    mode === 'forward'
      ? html`<p class="quote-head">---------- Forwarded message ----------<br>From: ${message.fromName} &lt;${message.from}&gt;<br>Date: ${formatFullDate(message.date)}<br>Subject: ${message.subject}</p>`
      : html`<p class="quote-head">On ${formatFullDate(message.date)}, ${message.fromName} &lt;${message.from}&gt; wrote:</p>`;
  return html`<details class="quoted"><summary>${icon('more')}${mode === 'forward' ? 'Show forwarded message' : 'Show original message'}</summary>${intro}<blockquote>${bodyParagraphs(message.body)}</blockquote></details>`;
}

export function renderCompose(store: MailStore, state: ComposeState, flash?: string): string {
  const name = COMPOSE_NAMES[state.mode];
  const errorId = 'compose-errors';
  const { errors, values } = state;
  const ref = (error: string | undefined): string | undefined => (error ? errorId : undefined);
  const original = state.replyToId ?? state.forwardOfId;
  const originalMessage = original === null ? undefined : store.message(original);
  const signature = store.settings.signature;
  const subtitle =
    state.mode === 'reply' && originalMessage
      ? html`Replying to ${originalMessage.fromName}`
      : state.mode === 'forward' && originalMessage
        ? html`Forwarding ${'\u201c'}${originalMessage.subject}${'\u201d'}`
        : state.mode === 'draft'
          ? 'Pick up where you left off. Sending removes the draft.'
          : `From ${store.settings.displayName} <${store.settings.email}>`;

  const body = html`
    ${pageHeader(name, subtitle)}
    <section class="card compose-card">
      <form method="post" action="/compose" aria-label="${name}" class="compose-form" novalidate data-default-submit="send">
        ${formErrors(errorId, [errors.to, errors.cc, errors.subject, errors.body])}
        ${state.draftId !== null ? html`<input type="hidden" name="draftId" value="${state.draftId}">` : ''}
        ${state.replyToId !== null ? html`<input type="hidden" name="replyToId" value="${state.replyToId}">` : ''}
        ${state.forwardOfId !== null ? html`<input type="hidden" name="forwardOfId" value="${state.forwardOfId}">` : ''}
        <div class="compose-fields">
          ${inputField({ id: 'compose-to', name: 'to', label: 'To', type: 'email', value: values.to, placeholder: 'name@example.com', className: 'row-field', errorId: ref(errors.to) })}
          ${inputField({ id: 'compose-cc', name: 'cc', label: 'Cc', type: 'email', value: values.cc, placeholder: 'Optional', className: 'row-field', errorId: ref(errors.cc) })}
          ${inputField({ id: 'compose-subject', name: 'subject', label: 'Subject', value: values.subject, maxLength: 200, className: 'row-field', errorId: ref(errors.subject) })}
        </div>
        ${textareaField({ id: 'compose-body', name: 'body', label: 'Message', value: values.body, rows: 9, placeholder: 'Write your message…', className: 'body-field', errorId: ref(errors.body) })}
        ${signature ? html`<div class="signature-preview"><p class="meta">${icon('signature')}Signature (added when sent) · <a href="/settings/signature">Edit</a></p>${bodyParagraphs(signature)}</div>` : ''}
        ${originalMessage && state.mode !== 'new' && state.mode !== 'draft' ? quotedOriginal(originalMessage, state.mode) : ''}
        <div class="compose-actions">
          <a class="discard-link" href="${state.mode === 'draft' ? '/drafts' : originalMessage ? `/messages/${originalMessage.id}` : '/mail/inbox'}">${icon('trash')}Discard</a>
          <span class="toolbar-spacer"></span>
          <button type="submit" name="intent" value="draft" class="button">${icon('draft')}Save draft</button>
          <button type="submit" name="intent" value="send" class="button primary">${icon('send')}Send</button>
        </div>
      </form>
    </section>`;
  return layout(store, { title: name, section: state.mode === 'draft' ? { mailbox: 'drafts' } : 'compose', flash, body });
}
