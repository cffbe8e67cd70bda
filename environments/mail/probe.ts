import { formatDay, formatFullDate, formatListDate } from './clock.js';
import { FOLDER_LABELS, LABEL_COLOR_NAMES, MAILBOXES, MAILBOX_LABELS } from './model.js';
import { labelCounts, mailboxCounts, sentByUser } from './queries.js';
import type { MailStore } from './store.js';

type Scalar = string | number | boolean | null;
export type StateRecord = Record<string, Scalar>;
export type MailState = Record<'messages' | 'labels' | 'drafts' | 'folders' | 'settings', StateRecord[]>;

/**
 * The state probe's JSON: flat records of scalars with ids and the values the pages show (folder
 * and label names, formatted dates), so a checker can match on either.
 */
export function buildState(store: MailStore): MailState {
  const counts = mailboxCounts(store);
  const settings = store.settings;
  return {
    messages: store.messages.map((message) => ({
      id: message.id,
      threadId: message.threadId,
      folder: message.folder,
      folderLabel: FOLDER_LABELS[message.folder],
      from: message.from,
      fromName: message.fromName,
      to: message.to,
      toName: message.toName,
      cc: message.cc,
      subject: message.subject,
      body: message.body,
      date: message.date,
      dateLabel: formatListDate(message.date),
      dateTimeLabel: formatFullDate(message.date),
      read: message.read,
      starred: message.starred,
      labels: store
        .labelsOf(message)
        .map((label) => label.name)
        .join(', '),
      labelIds: message.labelIds.join(','),
      labelCount: message.labelIds.length,
      sent: sentByUser(store, message),
      inReplyToId: message.inReplyToId,
      forwardOfId: message.forwardOfId,
      replied: store.messages.some((other) => other.inReplyToId === message.id && sentByUser(store, other)),
      signature: message.signature,
    })),
    labels: store.labels.map((label) => {
      const labelCount = labelCounts(store, label);
      return {
        id: label.id,
        name: label.name,
        color: label.color,
        colorLabel: LABEL_COLOR_NAMES[label.color],
        messageCount: labelCount.total,
        unreadCount: labelCount.unread,
      };
    }),
    drafts: store.drafts.map((draft) => ({
      id: draft.id,
      to: draft.to,
      cc: draft.cc,
      subject: draft.subject,
      body: draft.body,
      replyToId: draft.replyToId,
      forwardOfId: draft.forwardOfId,
      updatedAt: draft.updatedAt,
      updatedLabel: formatListDate(draft.updatedAt),
    })),
    folders: MAILBOXES.map((mailbox, index) => ({
      id: index + 1,
      key: mailbox,
      name: MAILBOX_LABELS[mailbox],
      messageCount: counts[mailbox].total,
      unreadCount: counts[mailbox].unread,
    })),
    settings: [
      {
        id: 1,
        displayName: settings.displayName,
        email: settings.email,
        signature: settings.signature,
        vacationEnabled: settings.vacationEnabled,
        vacationMessage: settings.vacationMessage,
        vacationEndDate: settings.vacationEndDate,
        vacationEndLabel: settings.vacationEndDate === null ? null : formatDay(settings.vacationEndDate),
      },
    ],
  };
}
