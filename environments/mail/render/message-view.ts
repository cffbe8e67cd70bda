import { formatAgo, formatFullDate, formatListDate } from '../clock.js';
import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { FOLDER_LABELS, type Folder, type Message } from '../model.js';
import { correspondent, sentByUser } from '../queries.js';
import type { MailStore } from '../store.js';
import { avatar, bodyParagraphs, confirmDialog, labelBadge, options, returnInput } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const MOVE_TARGETS: readonly Folder[] = ['inbox', 'archive', 'trash'];

function folderPath(message: Message): string {
  return `/mail/${message.folder}`;
}

export function renderMessageView(store: MailStore, message: Message, flash: string | undefined): string {
  const here = `/messages/${message.id}`;
  const labels = store.labelsOf(message);
  const available = store.labels.filter((label) => !message.labelIds.includes(label.id));
  const moveTargets = MOVE_TARGETS.includes(message.folder) ? MOVE_TARGETS : [message.folder, ...MOVE_TARGETS];
  const inTrash = message.folder === 'trash';

  const toolbar = html`<div class="message-toolbar card">
    <a class="button icon-button" href="${folderPath(message)}" title="Back to ${FOLDER_LABELS[message.folder]}">${icon('arrowLeft')}<span class="visually-hidden">Back to ${FOLDER_LABELS[message.folder]}</span></a>
    <span class="toolbar-divider" aria-hidden="true"></span>
    <a class="button" href="/compose?reply=${message.id}">${icon('reply')}Reply</a>
    <a class="button" href="/compose?forward=${message.id}">${icon('forward')}Forward</a>
    <span class="toolbar-divider" aria-hidden="true"></span>
    <form method="post" action="/messages/${message.id}/move" class="toolbar-select">${returnInput(here)}
      <label for="move-to">Move to</label>
      <select id="move-to" name="folder" data-autosubmit>${options(
        moveTargets.map((folder) => ({ value: folder, label: FOLDER_LABELS[folder] })),
        message.folder,
      )}</select>
    </form>
    <form method="post" action="/messages/${message.id}/labels" class="toolbar-select">${returnInput(here)}
      <label for="add-label">Add label</label>
      <select id="add-label" name="labelId" data-autosubmit${available.length === 0 ? html` disabled` : ''}>${options(
        [
          { value: '', label: available.length === 0 ? 'All labels applied' : 'Choose a label…' },
          ...available.map((label) => ({ value: String(label.id), label: label.name })),
        ],
        '',
      )}</select>
    </form>
    <span class="toolbar-spacer"></span>
    ${moreMenu(message, here)}
    <button type="button" class="button danger-outline" data-open-dialog="delete-dialog">${icon('trash')}Delete message</button>
  </div>`;

  const labelChips =
    labels.length === 0
      ? ''
      : html`<ul class="applied-labels" aria-label="Labels">${labels.map(
          (label) =>
            html`<li>${labelBadge(label)}<form method="post" action="/messages/${message.id}/unlabel"><input type="hidden" name="labelId" value="${label.id}">${returnInput(here)}<button type="submit" class="chip-remove" aria-label="Remove ${quoted(label.name)}" title="Remove label ${label.name}">×</button></form></li>`,
        )}</ul>`;

  const thread = store.thread(message).filter((other) => other.id !== message.id);
  const threadCard =
    thread.length === 0
      ? ''
      : html`<section class="card thread-card" aria-labelledby="thread-heading">
          <div class="card-header"><h2 id="thread-heading">In this conversation <span class="count">${thread.length + 1}</span></h2></div>
          <ul class="thread-list">${thread.map((other) => {
            const person = { name: other.fromName, email: other.from };
            return html`<li>${avatar(person.name, person.email)}<div><a href="/messages/${other.id}" class="strong">${other.subject}</a><p class="meta">${person.name} · ${formatListDate(other.date)} · ${FOLDER_LABELS[other.folder]}</p></div></li>`;
          })}</ul>
        </section>`;

  const sender = correspondent(store, message);
  const sentCount = store.messages.filter((other) => other.from === sender.email || other.to === sender.email).length;
  const body = html`
    ${toolbar}
    <div class="message-layout">
      <article class="card message-card" aria-labelledby="message-subject">
        <header class="message-head">
          <div class="subject-row">
            <h1 id="message-subject">${message.subject}</h1>
            <span class="folder-chip">${FOLDER_LABELS[message.folder]}</span>
            <form method="post" action="/messages/${message.id}/star" class="star-form">${returnInput(here)}<input type="checkbox" class="star-toggle large" name="starred" value="on" aria-label="Star ${quoted(message.subject)}" data-autosubmit${message.starred ? html` checked` : ''}></form>
          </div>
          ${labelChips}
          <div class="message-meta">
            ${avatar(message.fromName, message.from, 'lg')}
            <div class="meta-lines">
              <p><span class="strong">${message.fromName}</span> <span class="meta">&lt;${message.from}&gt;</span></p>
              <p class="meta">to ${message.toName === message.to ? message.to : html`${message.toName} &lt;${message.to}&gt;`}${message.cc ? html` · cc ${message.cc}` : ''}</p>
            </div>
            <p class="message-date"><time datetime="${message.date}">${formatFullDate(message.date)}</time><span class="meta">${formatAgo(message.date, store.now())}</span></p>
          </div>
        </header>
        <div class="message-body">${bodyParagraphs(message.body)}${message.signature ? html`<div class="signature">${bodyParagraphs(`-- \n${message.signature}`)}</div>` : ''}</div>
      </article>
      <aside class="message-side" aria-label="About this ${sentByUser(store, message) ? 'recipient' : 'sender'}">
        <section class="card contact-card">
          ${avatar(sender.name, sender.email, 'lg')}
          <p class="strong">${sender.name}</p>
          <p class="meta">${sender.email}</p>
          <p class="contact-stat"><span>${sentCount}</span> message${sentCount === 1 ? '' : 's'} together</p>
          <a class="button small" href="/search?q=${encodeURIComponent(sender.email)}">${icon('search')}Show all messages</a>
        </section>
        ${threadCard}
      </aside>
    </div>
    ${confirmDialog({
      id: 'delete-dialog',
      title: inTrash ? 'Delete this message forever?' : 'Delete this message?',
      text: inTrash
        ? `${quoted(message.subject)} will be permanently deleted. This cannot be undone.`
        : `${quoted(message.subject)} will be moved to Trash.`,
      action: `/messages/${message.id}/delete`,
      confirm: 'Delete',
    })}`;
  return layout(store, { title: message.subject, section: { mailbox: message.folder }, flash, body });
}

function moreMenu(message: Message, here: string): SafeHtml {
  const archiveItem =
    message.folder === 'inbox' || message.folder === 'sent'
      ? html`<li><form method="post" action="/messages/${message.id}/archive"><input type="hidden" name="return" value="/mail/${message.folder}"><button type="submit">${icon('archive')}Archive message</button></form></li>`
      : message.folder === 'trash'
        ? html`<li><form method="post" action="/messages/${message.id}/restore">${returnInput(here)}<button type="submit">${icon('restore')}Restore message</button></form></li>`
        : '';
  return html`<details class="menu more-menu">
    <summary class="button" role="button" aria-label="More actions">${icon('more')}More</summary>
    <div class="menu-panel menu-right">
      <ul>
        <li><form method="post" action="/messages/${message.id}/read"><input type="hidden" name="return" value="/mail/${message.folder}"><button type="submit">${icon('mail')}Mark as unread</button></form></li>
        ${archiveItem}
        <li><a href="/search?q=${encodeURIComponent(message.from)}">${icon('search')}Find messages from ${message.fromName}</a></li>
      </ul>
    </div>
  </details>`;
}
