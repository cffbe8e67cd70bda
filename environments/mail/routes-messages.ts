import { quoted } from '../kit/html.js';
import { redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { FOLDER_LABELS, MAILBOX_LABELS, isFolder, isListMailbox, type Message } from './model.js';
import { labelMessages, mailboxMessages, sentByUser } from './queries.js';
import { notFound } from './routes-pages.js';
import type { MailStore } from './store.js';
import { safeReturnPath } from './validation.js';

type MessageAction = (store: MailStore, request: AppRequest, message: Message) => AppResponse;

/** Wraps an action on /messages/:id/… with the lookup and the 404. */
export function onMessage(action: MessageAction): (store: MailStore, request: AppRequest, id: string) => AppResponse {
  return (store, request, id) => {
    const message = store.message(Number(id));
    return message === undefined ? notFound(store, 'Message') : action(store, request, message);
  };
}

function back(request: AppRequest, fallback: string): string {
  return safeReturnPath(request.form.get('return'), fallback);
}

/** The row checkbox: checked marks it read, unchecked marks it unread. */
export const setRead = onMessage((store, request, message) => {
  const read = request.form.get('read') === 'on';
  store.setRead(message, read);
  return redirect(back(request, `/mail/${message.folder}`), `${quoted(message.subject)} marked as ${read ? 'read' : 'unread'}`);
});

export const setStarred = onMessage((store, request, message) => {
  const starred = request.form.get('starred') === 'on';
  store.setStarred(message, starred);
  return redirect(
    back(request, `/messages/${message.id}`),
    starred ? `${quoted(message.subject)} starred` : `Star removed from ${quoted(message.subject)}`,
  );
});

export const archive = onMessage((store, request, message) => {
  const from = message.folder;
  store.move(message, 'archive');
  return redirect(back(request, `/mail/${from}`), `${quoted(message.subject)} archived`);
});

/** Out of the Archive: mail the user sent goes back to Sent, the rest to the Inbox. */
export const unarchive = onMessage((store, request, message) => {
  const target = sentByUser(store, message) ? 'sent' : 'inbox';
  store.move(message, target);
  return redirect(back(request, '/mail/archive'), `${quoted(message.subject)} moved to ${FOLDER_LABELS[target]}`);
});

export const restore = onMessage((store, request, message) => {
  const folder = store.restore(message);
  return redirect(back(request, '/mail/trash'), `${quoted(message.subject)} restored to ${FOLDER_LABELS[folder]}`);
});

export const move = onMessage((store, request, message) => {
  const folder = request.form.get('folder') ?? '';
  const fallback = `/messages/${message.id}`;
  if (!isFolder(folder)) return redirect(back(request, fallback), `Choose a folder to move ${quoted(message.subject)} to`);
  if (folder === message.folder)
    return redirect(back(request, fallback), `${quoted(message.subject)} is already in ${FOLDER_LABELS[folder]}`);
  store.move(message, folder);
  return redirect(back(request, fallback), `${quoted(message.subject)} moved to ${FOLDER_LABELS[folder]}`);
});

export const addLabel = onMessage((store, request, message) => {
  const label = store.label(Number(request.form.get('labelId') ?? ''));
  const to = back(request, `/messages/${message.id}`);
  if (label === undefined) return redirect(to, 'Choose a label to add');
  store.addLabel(message, label);
  return redirect(to, `Label ${quoted(label.name)} added to ${quoted(message.subject)}`);
});

export const removeLabel = onMessage((store, request, message) => {
  const label = store.label(Number(request.form.get('labelId') ?? ''));
  const to = back(request, `/messages/${message.id}`);
  if (label === undefined) return redirect(to, 'That label no longer exists');
  store.removeLabel(message, label);
  return redirect(to, `Label ${quoted(label.name)} removed from ${quoted(message.subject)}`);
});

/** Delete message: to the Trash, or gone for good when it is already there. */
export const deleteMessage = onMessage((store, _request, message) => {
  const from = message.folder;
  const purged = store.deleteMessage(message);
  return redirect(`/mail/${from}`, purged ? `${quoted(message.subject)} deleted forever` : `${quoted(message.subject)} moved to Trash`);
});

/** "Mark all as read" on a folder or label list; scope is a mailbox key or "label:<id>". */
export function markAllRead(store: MailStore, request: AppRequest): AppResponse {
  const scope = request.form.get('scope') ?? '';
  const labelMatch = /^label:(\d+)$/.exec(scope);
  const label = labelMatch ? store.label(Number(labelMatch[1])) : undefined;
  const messages = label ? labelMessages(store, label) : isListMailbox(scope) ? mailboxMessages(store, scope) : undefined;
  const fallback = label ? `/labels/${label.id}` : `/mail/${isListMailbox(scope) ? scope : 'inbox'}`;
  if (messages === undefined) return redirect(back(request, fallback), 'Choose a folder or label to mark as read');
  const unread = messages.filter((message) => !message.read);
  for (const message of unread) store.setRead(message, true);
  const where = label ? label.name : isListMailbox(scope) ? MAILBOX_LABELS[scope] : 'Inbox';
  return redirect(back(request, fallback), `${unread.length} message${unread.length === 1 ? '' : 's'} in ${where} marked as read`);
}
