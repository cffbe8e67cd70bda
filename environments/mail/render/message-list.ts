import { formatFullDate, formatListDate } from '../clock.js';
import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { FOLDER_LABELS, type Message } from '../model.js';
import {
  DEFAULT_QUERY,
  SHOW_FILTERS,
  SHOW_LABELS,
  correspondent,
  filterAndSort,
  sentByUser,
  snippet,
  type ListQuery,
  type SortKey,
} from '../queries.js';
import type { MailStore } from '../store.js';
import { avatar, emptyState, labelBadge, options, pageHeader, pager, returnInput } from './components.js';
import { icon } from './icons.js';
import { layout, type Section } from './layout.js';

export const PAGE_SIZE = 15;

export interface ListView {
  /** The h1, e.g. "Inbox" or a label name. */
  heading: SafeHtml | string;
  /** Document title (before " · Larkmail"). */
  title: string;
  basePath: string;
  /** Extra query parameters every link keeps, e.g. { q } on the search page. */
  baseParams?: Record<string, string>;
  section: Section;
  messages: readonly Message[];
  query: ListQuery;
  page: number;
  flash: string | undefined;
  searchQuery?: string;
  /** Show the Folder column (views that mix folders). */
  showFolder: boolean;
  showLabelFilter: boolean;
  /** The person column: "To" in Sent, else "Sender". */
  personHeader: string;
  /** Value of the "Mark all as read" scope, or undefined to hide the button. */
  readAllScope?: string;
  empty: readonly [title: string, body: string];
}

function listHref(view: ListView, query: ListQuery, page: number): string {
  const params = new URLSearchParams(view.baseParams ?? {});
  if (query.show !== 'all') params.set('show', query.show);
  if (query.labelId !== undefined) params.set('label', String(query.labelId));
  if (query.sort !== DEFAULT_QUERY.sort || query.direction !== DEFAULT_QUERY.direction) {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `${view.basePath}${search ? `?${search}` : ''}`;
}

export function renderMessageList(store: MailStore, view: ListView): string {
  const messages = filterAndSort(store, view.messages, view.query);
  const pageCount = Math.max(1, Math.ceil(messages.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pageCount);
  const visible = messages.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const here = listHref(view, view.query, page);
  const unread = view.messages.filter((message) => !message.read).length;
  const filtered = view.query.show !== 'all' || view.query.labelId !== undefined;

  const header = (key: SortKey, label: string): SafeHtml => {
    const active = view.query.sort === key;
    const nextDirection = active ? (view.query.direction === 'asc' ? 'desc' : 'asc') : key === 'date' ? 'desc' : 'asc';
    const ariaSort = active ? html` aria-sort="${view.query.direction === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = active ? (view.query.direction === 'asc' ? '↑' : '↓') : '↕';
    return html`<th scope="col" class="col-${key}"${ariaSort}><a class="sort-link${active ? ' active' : ''}" href="${listHref(view, { ...view.query, sort: key, direction: nextDirection }, 1)}">${label}<span class="sort-arrow" aria-hidden="true">${arrow}</span></a></th>`;
  };

  const table =
    visible.length === 0
      ? filtered
        ? emptyState('No messages match this filter', 'Try showing all messages or another label.')
        : emptyState(view.empty[0], view.empty[1])
      : html`<table class="table mail-table">
          <caption class="visually-hidden">Messages: ${view.title}</caption>
          <thead><tr>
            <th scope="col" class="col-check"><span class="visually-hidden">Read</span></th>
            <th scope="col" class="col-star"><span class="visually-hidden">Starred</span></th>
            ${header('sender', view.personHeader)}
            ${header('subject', 'Subject')}
            <th scope="col" class="col-labels">Labels</th>
            ${view.showFolder ? html`<th scope="col" class="col-folder">Folder</th>` : ''}
            ${header('date', 'Date')}
            <th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th>
          </tr></thead>
          <tbody>${visible.map((message) => messageRow(store, message, here, view.showFolder, view.personHeader))}</tbody>
        </table>`;

  const markAll =
    view.readAllScope !== undefined && unread > 0
      ? html`<form method="post" action="/mark-all-read"><input type="hidden" name="scope" value="${view.readAllScope}">${returnInput(here)}<button type="submit" class="button small">${icon('mailOpen')}Mark all as read</button></form>`
      : '';
  const subtitle = `${view.messages.length} message${view.messages.length === 1 ? '' : 's'}${unread > 0 ? ` · ${unread} unread` : ''}`;
  const body = html`
    ${pageHeader(view.heading, subtitle, html`<a class="button primary" href="/compose">${icon('pencil')}Compose</a>`)}
    <div class="card table-card">
      <div class="list-toolbar">${filterForm(store, view)}${markAll}</div>
      ${table}
      ${pager((target) => listHref(view, view.query, target), page, pageCount, messages.length, PAGE_SIZE, 'messages')}
    </div>`;
  return layout(store, { title: view.title, section: view.section, flash: view.flash, searchQuery: view.searchQuery ?? '', body });
}

function rowAction(message: Message, returnTo: string): SafeHtml {
  const name = quoted(message.subject);
  const [path, verb, iconName] =
    message.folder === 'trash'
      ? (['restore', 'Restore', 'restore'] as const)
      : message.folder === 'archive'
        ? (['unarchive', 'Unarchive', 'inbox'] as const)
        : (['archive', 'Archive', 'archive'] as const);
  return html`<form method="post" action="/messages/${message.id}/${path}">${returnInput(returnTo)}<button type="submit" class="button ghost small row-action" aria-label="${verb} ${name}" title="${verb}">${icon(iconName)}<span aria-hidden="true">${verb}</span></button></form>`;
}

function messageRow(store: MailStore, message: Message, returnTo: string, showFolder: boolean, personHeader: string): SafeHtml {
  const person = correspondent(store, message);
  const name = quoted(message.subject);
  const labels = store.labelsOf(message);
  const showTo = personHeader !== 'To' && sentByUser(store, message);
  return html`<tr class="${message.read ? 'is-read' : 'is-unread'}" draggable="true" data-message-id="${message.id}">
    <td class="col-check"><form method="post" action="/messages/${message.id}/read">${returnInput(returnTo)}<input type="checkbox" class="read-toggle" name="read" value="on" aria-label="Mark ${name} read" title="${message.read ? 'Read' : 'Unread'}" data-autosubmit${message.read ? html` checked` : ''}></form></td>
    <td class="col-star"><form method="post" action="/messages/${message.id}/star">${returnInput(returnTo)}<input type="checkbox" class="star-toggle" name="starred" value="on" aria-label="Star ${name}" title="${message.starred ? 'Starred' : 'Not starred'}" data-autosubmit${message.starred ? html` checked` : ''}></form></td>
    <td class="col-sender"><span class="sender">${avatar(person.name, person.email)}<span class="sender-name">${showTo ? html`<span class="to-prefix">To:</span> ` : ''}${person.name}</span></span></td>
    <td class="col-subject"><a class="subject-link" href="/messages/${message.id}">${message.subject}</a><span class="snippet" aria-hidden="true"> – ${snippet(message)}</span></td>
    <td class="col-labels">${labels.length === 0 ? '' : html`<span class="badges">${labels.map(labelBadge)}</span>`}</td>
    ${showFolder ? html`<td class="col-folder"><span class="folder-chip">${FOLDER_LABELS[message.folder]}</span></td>` : ''}
    <td class="col-date"><time datetime="${message.date}" title="${formatFullDate(message.date)}">${formatListDate(message.date)}</time></td>
    <td class="col-actions">${rowAction(message, returnTo)}</td>
  </tr>`;
}

function filterForm(store: MailStore, view: ListView): SafeHtml {
  const { query } = view;
  const keep = html`${Object.entries(view.baseParams ?? {}).map(([key, value]) => html`<input type="hidden" name="${key}" value="${value}">`)}${
    query.sort !== DEFAULT_QUERY.sort || query.direction !== DEFAULT_QUERY.direction
      ? html`<input type="hidden" name="sort" value="${query.sort}"><input type="hidden" name="dir" value="${query.direction}">`
      : ''
  }`;
  return html`<form method="get" action="${view.basePath}" aria-label="Filter messages" class="filter-bar">
    ${keep}
    <div class="field inline"><label for="filter-show">Show</label><select id="filter-show" name="show">${options(
      SHOW_FILTERS.map((value) => ({ value, label: SHOW_LABELS[value] })),
      query.show,
    )}</select></div>
    ${view.showLabelFilter ? labelFilter(store, view) : ''}
    <button type="submit" class="button small">Apply filter</button>
    ${query.show !== 'all' || query.labelId !== undefined ? html`<a class="clear-link" href="${listHref(view, { ...query, show: 'all', labelId: undefined }, 1)}">Clear filter</a>` : ''}
  </form>`;
}

function labelFilter(store: MailStore, view: ListView): SafeHtml {
  const labelOptions = store.labels.map((label) => ({ value: String(label.id), label: label.name }));
  return html`<div class="field inline"><label for="filter-label">Label</label><select id="filter-label" name="label">${options(
    [{ value: '', label: 'All labels' }, ...labelOptions],
    view.query.labelId === undefined ? '' : String(view.query.labelId),
  )}</select></div>`;
}
