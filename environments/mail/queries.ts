import type { Label, ListMailbox, Mailbox, Message } from './model.js';
import type { MailStore } from './store.js';

export const SORT_KEYS = ['date', 'sender', 'subject'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const SHOW_FILTERS = ['all', 'unread', 'read', 'starred'] as const;
export type ShowFilter = (typeof SHOW_FILTERS)[number];
export const SHOW_LABELS: Record<ShowFilter, string> = { all: 'All messages', unread: 'Unread', read: 'Read', starred: 'Starred' };

export interface ListQuery {
  show: ShowFilter;
  labelId: number | undefined;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_QUERY: ListQuery = { show: 'all', labelId: undefined, sort: 'date', direction: 'desc' };

export function sentByUser(store: MailStore, message: Message): boolean {
  return message.from.toLowerCase() === store.settings.email.toLowerCase();
}

/** Who a row is about: the recipient of mail the user sent, else the sender. */
export function correspondent(store: MailStore, message: Message): { name: string; email: string } {
  return sentByUser(store, message) ? { name: message.toName, email: message.to } : { name: message.fromName, email: message.from };
}

export function mailboxMessages(store: MailStore, mailbox: ListMailbox): Message[] {
  if (mailbox === 'starred') return store.messages.filter((message) => message.starred && message.folder !== 'trash');
  return store.messages.filter((message) => message.folder === mailbox);
}

export function labelMessages(store: MailStore, label: Label): Message[] {
  return store.messages.filter((message) => message.labelIds.includes(label.id) && message.folder !== 'trash');
}

/** Case-insensitive match on subject, sender, recipient and body, across every folder. */
export function searchMessages(store: MailStore, query: string): Message[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return store.messages.filter((message) =>
    [message.subject, message.fromName, message.from, message.toName, message.to, message.body].some((field) =>
      field.toLowerCase().includes(needle),
    ),
  );
}

export function filterAndSort(store: MailStore, messages: readonly Message[], query: ListQuery): Message[] {
  const filtered = messages.filter(
    (message) =>
      (query.show === 'all' || (query.show === 'unread' ? !message.read : query.show === 'read' ? message.read : message.starred)) &&
      (query.labelId === undefined || message.labelIds.includes(query.labelId)),
  );
  const sign = query.direction === 'asc' ? 1 : -1;
  const compare = (a: Message, b: Message): number => {
    switch (query.sort) {
      case 'sender':
        return correspondent(store, a).name.localeCompare(correspondent(store, b).name, 'en');
      case 'subject':
        return a.subject.replace(/^(re|fwd):\s*/i, '').localeCompare(b.subject.replace(/^(re|fwd):\s*/i, ''), 'en');
      case 'date':
        return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    }
  };
  return filtered.sort((a, b) => sign * compare(a, b) || b.id - a.id);
}

export interface Counts {
  total: number;
  unread: number;
}

function count(messages: readonly Message[]): Counts {
  return { total: messages.length, unread: messages.filter((message) => !message.read).length };
}

export function mailboxCounts(store: MailStore): Record<Mailbox, Counts> {
  return {
    inbox: count(mailboxMessages(store, 'inbox')),
    starred: count(mailboxMessages(store, 'starred')),
    sent: count(mailboxMessages(store, 'sent')),
    drafts: { total: store.drafts.length, unread: 0 },
    archive: count(mailboxMessages(store, 'archive')),
    trash: count(mailboxMessages(store, 'trash')),
  };
}

export function labelCounts(store: MailStore, label: Label): Counts {
  return count(labelMessages(store, label));
}

/** First line of the body, for the list's snippet. */
export function snippet(message: Message, length = 64): string {
  const text = message.body.replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}
