import { timestampAt } from './clock.js';
import { generateData } from './data.js';
import {
  FOLDER_LABELS,
  type Contact,
  type Draft,
  type Folder,
  type Label,
  type LabelColor,
  type MailData,
  type Message,
  type Settings,
} from './model.js';

export interface ComposeInput {
  to: string;
  cc: string;
  subject: string;
  body: string;
  replyToId: number | null;
  forwardOfId: number | null;
}

export interface GeneralSettingsInput {
  displayName: string;
  vacationEnabled: boolean;
  vacationMessage: string;
  vacationEndDate: string | null;
}

/** One episode's in-memory mailbox. Every mutation stamps records from the fixed app clock. */
export class MailStore {
  private data: MailData;
  /** Minutes past 09:30 today; advances by one per mutation so new records sort after seeded ones. */
  private tick = 0;
  /** Highest id ever removed per collection, so ids are never reused within an episode. */
  private retired = { message: 0, draft: 0, label: 0 };

  constructor(seed: number) {
    this.data = generateData(seed);
  }

  reset(seed: number): void {
    this.data = generateData(seed);
    this.tick = 0;
    this.retired = { message: 0, draft: 0, label: 0 };
  }

  get messages(): readonly Message[] {
    return this.data.messages;
  }
  get labels(): readonly Label[] {
    return this.data.labels;
  }
  get drafts(): readonly Draft[] {
    return this.data.drafts;
  }
  get settings(): Readonly<Settings> {
    return this.data.settings;
  }

  /** The app's current instant (the last mutation's stamp). */
  now(): string {
    return timestampAt(this.tick);
  }

  message(id: number): Message | undefined {
    return this.data.messages.find((message) => message.id === id);
  }
  label(id: number): Label | undefined {
    return this.data.labels.find((label) => label.id === id);
  }
  draft(id: number): Draft | undefined {
    return this.data.drafts.find((draft) => draft.id === id);
  }
  labelsOf(message: Message): Label[] {
    return this.data.labels.filter((label) => message.labelIds.includes(label.id));
  }
  thread(message: Message): Message[] {
    return this.data.messages.filter((other) => other.threadId === message.threadId);
  }

  /** A known contact's name for an address, else the address itself. */
  contactName(email: string): string {
    const lower = email.toLowerCase();
    const known: Contact | undefined = this.data.contacts.find((contact) => contact.email.toLowerCase() === lower);
    return known?.name ?? email;
  }

  setRead(message: Message, read: boolean): void {
    message.read = read;
  }

  setStarred(message: Message, starred: boolean): void {
    message.starred = starred;
  }

  move(message: Message, folder: Folder): void {
    if (message.folder === folder) return;
    message.trashedFrom = folder === 'trash' ? message.folder : null;
    message.folder = folder;
  }

  /** Out of the Trash, back where it came from. */
  restore(message: Message): Folder {
    const folder = message.trashedFrom ?? (message.from === this.settings.email ? 'sent' : 'inbox');
    this.move(message, folder);
    return folder;
  }

  /** Moves to Trash; a message already in the Trash is deleted for good. Returns whether it was purged. */
  deleteMessage(message: Message): boolean {
    if (message.folder !== 'trash') {
      this.move(message, 'trash');
      return false;
    }
    this.retired.message = Math.max(this.retired.message, message.id);
    this.data.messages = this.data.messages.filter((other) => other.id !== message.id);
    return true;
  }

  addLabel(message: Message, label: Label): void {
    if (!message.labelIds.includes(label.id)) message.labelIds = [...message.labelIds, label.id].sort((a, b) => a - b);
  }

  removeLabel(message: Message, label: Label): void {
    message.labelIds = message.labelIds.filter((id) => id !== label.id);
  }

  send(input: ComposeInput, draftId: number | null): Message {
    const parent = input.replyToId === null ? undefined : this.message(input.replyToId);
    const id = nextId(this.data.messages, this.retired.message);
    const message: Message = {
      id,
      threadId: parent?.threadId ?? id,
      folder: 'sent',
      trashedFrom: null,
      fromName: this.settings.displayName,
      from: this.settings.email,
      toName: this.contactName(input.to),
      to: input.to,
      cc: input.cc,
      subject: input.subject,
      body: input.body,
      date: this.advance(),
      read: true,
      starred: false,
      labelIds: [],
      inReplyToId: parent?.id ?? null,
      forwardOfId: input.forwardOfId,
      signature: this.settings.signature,
    };
    this.data.messages.push(message);
    if (draftId !== null) this.deleteDraft(draftId);
    return message;
  }

  saveDraft(input: ComposeInput, draftId: number | null): Draft {
    const existing = draftId === null ? undefined : this.draft(draftId);
    const updatedAt = this.advance();
    if (existing) {
      Object.assign(existing, input, { updatedAt });
      return existing;
    }
    const draft: Draft = { id: nextId(this.data.drafts, this.retired.draft), ...input, updatedAt };
    this.data.drafts.push(draft);
    return draft;
  }

  deleteDraft(id: number): void {
    this.retired.draft = Math.max(this.retired.draft, id);
    this.data.drafts = this.data.drafts.filter((draft) => draft.id !== id);
  }

  updateGeneral(input: GeneralSettingsInput): void {
    Object.assign(this.data.settings, input);
  }

  updateSignature(signature: string): void {
    this.data.settings.signature = signature;
  }

  createLabel(name: string, color: LabelColor): Label {
    const label: Label = { id: nextId(this.data.labels, this.retired.label), name, color };
    this.data.labels.push(label);
    return label;
  }

  deleteLabel(label: Label): void {
    this.retired.label = Math.max(this.retired.label, label.id);
    this.data.labels = this.data.labels.filter((other) => other.id !== label.id);
    for (const message of this.data.messages) message.labelIds = message.labelIds.filter((id) => id !== label.id);
  }

  folderLabel(folder: Folder): string {
    return FOLDER_LABELS[folder];
  }

  private advance(): string {
    this.tick += 1;
    return timestampAt(this.tick);
  }
}

function nextId(records: ReadonlyArray<{ id: number }>, floor = 0): number {
  return records.reduce((max, record) => Math.max(max, record.id), floor) + 1;
}
