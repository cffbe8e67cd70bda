import type { AppServer, AppStartOptions, BundledApp } from '../../src/core/environment.js';
import { startServer } from './server.js';

/**
 * Larkmail, a webmail client: folders and labels with unread counts, a sortable, paged message list
 * with row controls, message pages with reply/forward/move/label/delete, compose and drafts, search,
 * and settings (profile, vacation responder, signature, labels). Server-rendered HTML; the only
 * script auto-submits row controls and selects, opens confirmation dialogs and handles drag and drop.
 */
export const mail: BundledApp = {
  manifest: {
    id: 'mail',
    title: 'Larkmail (webmail client)',
    domain: 'email',
    description:
      'A webmail client: inbox, starred, sent, drafts, archive and trash, color labels, compose with drafts, reply and forward, search, and settings for signature, labels and a vacation responder.',
    startPath: '/mail/inbox',
    viewport: { width: 1280, height: 800 },
    allowedOrigins: [],
    hasStateProbe: true,
    affordances: [
      { route: '*', kind: 'search', description: 'search mail from the top bar (subject, sender, body)' },
      {
        route: '/mail/:folder|/labels/:id',
        kind: 'navigate',
        description: 'open a folder or label from the sidebar, sort by a column, page, or open a message',
      },
      { route: '/mail/:folder|/labels/:id', kind: 'toggle', name: 'Mark', description: 'mark a message read or unread from its row' },
      {
        route: '/mail/:folder|/labels/:id|/messages/:id',
        kind: 'toggle',
        name: 'Star',
        description: 'star or unstar a message from its row or its page',
      },
      {
        route: '/mail/:folder|/labels/:id',
        kind: 'item-action',
        name: 'Archive',
        description: 'archive a message from its row (Unarchive in Archive, Restore in Trash)',
      },
      {
        route: '/mail/:folder|/labels/:id',
        kind: 'form',
        name: 'Filter messages',
        description: 'show only unread, read or starred messages, or one label',
      },
      { route: '/mail/:folder|/labels/:id', kind: 'read', description: 'read a message’s sender, labels or date from the table' },
      { route: '/messages/:id', kind: 'select', name: 'Move to', description: 'move the message to Inbox, Archive or Trash' },
      { route: '/messages/:id', kind: 'select', name: 'Add label', description: 'add a label to the message' },
      {
        route: '/messages/:id',
        kind: 'item-action',
        name: 'Delete',
        description: 'delete the message through its confirmation dialog (moves it to Trash)',
      },
      { route: '/messages/:id', kind: 'item-action', name: 'Remove', description: 'remove a label from the message' },
      { route: '/messages/:id', kind: 'navigate', name: 'Reply', description: 'open a prefilled reply or forward form' },
      {
        route: '/compose',
        kind: 'form',
        name: 'New message',
        description: 'write and send a message (To, Cc, Subject, Message) or save it as a draft',
      },
      { route: '/compose', kind: 'form', name: 'Reply', description: 'send a reply (or forward) from the prefilled form' },
      { route: '/drafts', kind: 'item-action', name: 'Delete', description: 'delete a draft through its confirmation dialog' },
      {
        route: '/settings',
        kind: 'form',
        name: 'General settings',
        description: 'change the display name and turn the vacation responder on with a message and end date',
      },
      { route: '/settings/signature', kind: 'form', name: 'Signature', description: 'edit the email signature' },
      { route: '/settings/labels', kind: 'form', name: 'New label', description: 'create a label with a name and color' },
      { route: '/settings/labels', kind: 'item-action', name: 'Delete', description: 'delete a label through its confirmation dialog' },
      { route: '/search', kind: 'read', description: 'read a field of a search result' },
    ],
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default mail;
