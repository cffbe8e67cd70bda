import { html } from '../kit/html.js';
import { htmlResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { MAILBOX_LABELS, isListMailbox } from './model.js';
import {
  DEFAULT_QUERY,
  SHOW_FILTERS,
  SORT_KEYS,
  labelMessages,
  mailboxMessages,
  searchMessages,
  sentByUser,
  type ListQuery,
  type ShowFilter,
  type SortKey,
} from './queries.js';
import { EMPTY_COMPOSE, forwardState, renderCompose, replyState } from './render/compose.js';
import { emptyState, pageHeader, swatch } from './render/components.js';
import { renderDrafts } from './render/drafts.js';
import { layout } from './render/layout.js';
import { renderMessageList, type ListView } from './render/message-list.js';
import { renderMessageView } from './render/message-view.js';
import { EMPTY_LABEL_FORM, labelsPanel } from './render/settings-labels.js';
import { generalPanel, generalState, settingsPage, signaturePanel } from './render/settings.js';
import type { MailStore } from './store.js';

const EMPTY_TEXT: Record<string, readonly [string, string]> = {
  inbox: ['Your inbox is empty', 'New mail will show up here.'],
  starred: ['No starred messages', 'Star messages to find them quickly here.'],
  sent: ['Nothing sent yet', 'Messages you send appear here.'],
  archive: ['Archive is empty', 'Archived messages leave the inbox but stay searchable.'],
  trash: ['Trash is empty', 'Deleted messages stay here until you delete them forever.'],
};

export function notFound(store: MailStore, what = 'Page'): AppResponse {
  const body = html`${pageHeader(`${what} not found`, 'It may have been deleted, or the link is wrong.')}<div class="card">${emptyState('Nothing here', 'Go back to your inbox to keep going.')}<p class="center"><a class="button" href="/mail/inbox">Back to Inbox</a></p></div>`;
  return htmlResponse(layout(store, { title: `${what} not found`, section: 'none', body }), 404);
}

function pageNumber(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/** Reads ?show=&label=&sort=&dir= leniently: unknown values fall back to defaults. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const show = params.get('show') ?? 'all';
  const sort = params.get('sort') ?? DEFAULT_QUERY.sort;
  const label = params.get('label') ?? '';
  const validSort = (SORT_KEYS as readonly string[]).includes(sort);
  return {
    show: (SHOW_FILTERS as readonly string[]).includes(show) ? (show as ShowFilter) : 'all',
    labelId: /^\d+$/.test(label) ? Number(label) : undefined,
    sort: validSort ? (sort as SortKey) : DEFAULT_QUERY.sort,
    direction: params.get('dir') === 'asc' ? 'asc' : params.get('dir') === 'desc' ? 'desc' : validSort && sort !== 'date' ? 'asc' : 'desc',
  };
}

export function mailboxPage(store: MailStore, request: AppRequest, mailbox: string): AppResponse {
  if (!isListMailbox(mailbox)) return notFound(store, 'Folder');
  const params = request.url.searchParams;
  const view: ListView = {
    heading: MAILBOX_LABELS[mailbox],
    title: MAILBOX_LABELS[mailbox],
    basePath: `/mail/${mailbox}`,
    section: { mailbox },
    messages: mailboxMessages(store, mailbox),
    query: parseListQuery(params),
    page: pageNumber(params),
    flash: request.flash,
    showFolder: mailbox === 'starred',
    showLabelFilter: true,
    personHeader: mailbox === 'sent' ? 'To' : 'Sender',
    readAllScope: mailbox,
    empty: EMPTY_TEXT[mailbox]!,
  };
  return htmlResponse(renderMessageList(store, view));
}

export function labelPage(store: MailStore, request: AppRequest, id: string): AppResponse {
  const label = store.label(Number(id));
  if (label === undefined) return notFound(store, 'Label');
  const params = request.url.searchParams;
  const view: ListView = {
    heading: html`<span class="heading-label">${swatch(label)}${label.name}</span>`,
    title: label.name,
    basePath: `/labels/${label.id}`,
    section: { labelId: label.id },
    messages: labelMessages(store, label),
    query: { ...parseListQuery(params), labelId: undefined },
    page: pageNumber(params),
    flash: request.flash,
    showFolder: true,
    showLabelFilter: false,
    personHeader: 'Sender',
    readAllScope: `label:${label.id}`,
    empty: [`Nothing labelled ${label.name}`, 'Add this label to a message from its page, or drag a message onto it.'],
  };
  return htmlResponse(renderMessageList(store, view));
}

export function searchPage(store: MailStore, request: AppRequest): AppResponse {
  const params = request.url.searchParams;
  const q = (params.get('q') ?? '').trim();
  if (q === '') {
    const body = html`${pageHeader('Search', 'Find mail by subject, sender or words in the message.')}<div class="card">${emptyState('Type something to search', 'Use the search box at the top, e.g. a name, “invoice” or “flight”.')}</div>`;
    return htmlResponse(layout(store, { title: 'Search', section: 'search', flash: request.flash, body }));
  }
  const view: ListView = {
    heading: `Results for \u201c${q}\u201d`,
    title: `Search: ${q}`,
    basePath: '/search',
    baseParams: { q },
    section: 'search',
    messages: searchMessages(store, q),
    query: parseListQuery(params),
    page: pageNumber(params),
    flash: request.flash,
    searchQuery: q,
    showFolder: true,
    showLabelFilter: true,
    personHeader: 'Sender',
    empty: [`No messages match \u201c${q}\u201d`, 'Try a different word, a sender’s name or an email address.'],
  };
  return htmlResponse(renderMessageList(store, view));
}

/** Opening a message marks it read, as mail clients do (not when the harness reads it to check a task). */
export function messagePage(store: MailStore, request: AppRequest, id: string): AppResponse {
  const message = store.message(Number(id));
  if (message === undefined) return notFound(store, 'Message');
  if (!request.harnessRead) store.setRead(message, true);
  return htmlResponse(renderMessageView(store, message, request.flash));
}

export function composePage(store: MailStore, request: AppRequest): AppResponse {
  const params = request.url.searchParams;
  const reply = params.get('reply');
  const forward = params.get('forward');
  const draftParam = params.get('draft');
  if (reply !== null) {
    const message = store.message(Number(reply));
    if (message === undefined) return notFound(store, 'Message');
    return htmlResponse(renderCompose(store, replyState(message, sentByUser(store, message) ? message.to : message.from), request.flash));
  }
  if (forward !== null) {
    const message = store.message(Number(forward));
    if (message === undefined) return notFound(store, 'Message');
    return htmlResponse(renderCompose(store, forwardState(message), request.flash));
  }
  if (draftParam !== null) {
    const draft = store.draft(Number(draftParam));
    if (draft === undefined) return notFound(store, 'Draft');
    const state = {
      ...EMPTY_COMPOSE,
      mode: 'draft' as const,
      values: { to: draft.to, cc: draft.cc, subject: draft.subject, body: draft.body },
      draftId: draft.id,
      replyToId: draft.replyToId,
      forwardOfId: draft.forwardOfId,
    };
    return htmlResponse(renderCompose(store, state, request.flash));
  }
  return htmlResponse(renderCompose(store, EMPTY_COMPOSE, request.flash));
}

export function draftsPage(store: MailStore, request: AppRequest): AppResponse {
  return htmlResponse(renderDrafts(store, pageNumber(request.url.searchParams), request.flash));
}

export function generalSettingsPage(store: MailStore, request: AppRequest): AppResponse {
  return htmlResponse(settingsPage(store, 'general', generalPanel(store, generalState(store)), request.flash));
}

export function signatureSettingsPage(store: MailStore, request: AppRequest): AppResponse {
  return htmlResponse(settingsPage(store, 'signature', signaturePanel(store, store.settings.signature, undefined), request.flash));
}

export function labelSettingsPage(store: MailStore, request: AppRequest): AppResponse {
  return htmlResponse(settingsPage(store, 'labels', labelsPanel(store, EMPTY_LABEL_FORM), request.flash));
}
