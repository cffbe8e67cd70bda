/** The mail client's records, as kept in memory by the store. */

/** Where a message lives. Starred and Drafts are views, not storage folders. */
export const FOLDERS = ['inbox', 'sent', 'archive', 'trash'] as const;
export type Folder = (typeof FOLDERS)[number];

export const FOLDER_LABELS: Record<Folder, string> = {
  inbox: 'Inbox',
  sent: 'Sent',
  archive: 'Archive',
  trash: 'Trash',
};

/** The sidebar's mailboxes, in order. */
export const MAILBOXES = ['inbox', 'starred', 'sent', 'drafts', 'archive', 'trash'] as const;
export type Mailbox = (typeof MAILBOXES)[number];
/** Mailboxes shown as a message table at /mail/:mailbox (Drafts has its own page). */
export type ListMailbox = Exclude<Mailbox, 'drafts'>;

export const MAILBOX_LABELS: Record<Mailbox, string> = {
  inbox: 'Inbox',
  starred: 'Starred',
  sent: 'Sent',
  drafts: 'Drafts',
  archive: 'Archive',
  trash: 'Trash',
};

export function isFolder(value: string): value is Folder {
  return (FOLDERS as readonly string[]).includes(value);
}

export function isListMailbox(value: string): value is ListMailbox {
  return value !== 'drafts' && (MAILBOXES as readonly string[]).includes(value);
}

export const LABEL_COLORS = ['blue', 'green', 'orange', 'purple', 'red', 'teal', 'pink', 'gray'] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export const LABEL_COLOR_NAMES: Record<LabelColor, string> = {
  blue: 'Blue',
  green: 'Green',
  orange: 'Orange',
  purple: 'Purple',
  red: 'Red',
  teal: 'Teal',
  pink: 'Pink',
  gray: 'Gray',
};

/** Swatch colors: [dot/foreground, soft background]. */
export const LABEL_COLOR_HEX: Record<LabelColor, readonly [string, string]> = {
  blue: ['#2563eb', '#e8f0fe'],
  green: ['#15803d', '#e6f6ec'],
  orange: ['#c2410c', '#fdeee3'],
  purple: ['#7c3aed', '#f1eafe'],
  red: ['#dc2626', '#fdeaea'],
  teal: ['#0f766e', '#e0f4f1'],
  pink: ['#db2777', '#fce8f2'],
  gray: ['#4b5563', '#eef0f3'],
};

export function isLabelColor(value: string): value is LabelColor {
  return (LABEL_COLORS as readonly string[]).includes(value);
}

export interface Message {
  id: number;
  /** Messages of one conversation share a thread id (the first message's id). */
  threadId: number;
  folder: Folder;
  /** The folder a trashed message came from, so Restore puts it back. */
  trashedFrom: Folder | null;
  fromName: string;
  from: string;
  toName: string;
  to: string;
  /** Comma-separated addresses, or ''. */
  cc: string;
  subject: string;
  body: string;
  /** ISO timestamp. */
  date: string;
  read: boolean;
  starred: boolean;
  labelIds: number[];
  inReplyToId: number | null;
  forwardOfId: number | null;
  /** The signature appended when the current user sent it ('' for received mail). */
  signature: string;
}

export interface Label {
  id: number;
  name: string;
  color: LabelColor;
}

export interface Draft {
  id: number;
  to: string;
  cc: string;
  subject: string;
  body: string;
  replyToId: number | null;
  forwardOfId: number | null;
  updatedAt: string;
}

export interface Settings {
  displayName: string;
  email: string;
  signature: string;
  vacationEnabled: boolean;
  vacationMessage: string;
  /** YYYY-MM-DD or null. */
  vacationEndDate: string | null;
}

export interface Contact {
  name: string;
  email: string;
}

export interface MailData {
  messages: Message[];
  labels: Label[];
  drafts: Draft[];
  settings: Settings;
  contacts: Contact[];
}
