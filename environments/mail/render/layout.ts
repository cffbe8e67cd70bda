import { html, type SafeHtml } from '../../kit/html.js';
import { MAILBOX_LABELS, type Mailbox } from '../model.js';
import { labelCounts, mailboxCounts } from '../queries.js';
import type { MailStore } from '../store.js';
import { avatar, swatch } from './components.js';
import { icon, type IconName } from './icons.js';

export const PRODUCT_NAME = 'Larkmail';

/** What the sidebar highlights. */
export type Section = { mailbox: Mailbox } | { labelId: number } | 'compose' | 'search' | 'settings' | 'none';

export interface LayoutOptions {
  /** Page name; the document title becomes "<title> · Larkmail". */
  title: string;
  section: Section;
  flash?: string | undefined;
  searchQuery?: string;
  body: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%232563eb'/%3E%3Cpath d='M7 11l9 6.5L25 11M7 10h18v12H7z' stroke='white' stroke-width='2.4' fill='none' stroke-linejoin='round'/%3E%3C/svg%3E";

const MAILBOX_ICONS: Record<Mailbox, IconName> = {
  inbox: 'inbox',
  starred: 'star',
  sent: 'send',
  drafts: 'draft',
  archive: 'archive',
  trash: 'trash',
};
/** Sidebar folders a message row can be dragged onto. */
const DROP_FOLDERS: ReadonlySet<Mailbox> = new Set(['inbox', 'archive', 'trash']);

function sidebar(store: MailStore, section: Section): SafeHtml {
  const counts = mailboxCounts(store);
  const folderLinks = (Object.keys(MAILBOX_LABELS) as Mailbox[]).map((mailbox) => {
    const current = typeof section === 'object' && 'mailbox' in section && section.mailbox === mailbox;
    const href = mailbox === 'drafts' ? '/drafts' : `/mail/${mailbox}`;
    const count = mailbox === 'drafts' ? counts.drafts.total : counts[mailbox].unread;
    const countHtml =
      count === 0
        ? ''
        : mailbox === 'drafts'
          ? html`<span class="nav-count">${count}</span>`
          : html`<span class="nav-count${mailbox === 'inbox' ? ' strong-count' : ''}">${count}<span class="visually-hidden"> unread</span></span>`;
    return html`<li><a href="${href}" class="nav-link"${current ? html` aria-current="page"` : ''}${DROP_FOLDERS.has(mailbox) ? html` data-drop-folder="${mailbox}"` : ''}>${icon(MAILBOX_ICONS[mailbox])}<span class="nav-text">${MAILBOX_LABELS[mailbox]}</span>${countHtml}</a></li>`;
  });
  const labelLinks = store.labels.map((label) => {
    const current = typeof section === 'object' && 'labelId' in section && section.labelId === label.id;
    const unread = labelCounts(store, label).unread;
    return html`<li><a href="/labels/${label.id}" class="nav-link nav-label"${current ? html` aria-current="page"` : ''} data-drop-label="${label.id}">${swatch(label)}<span class="nav-text">${label.name}</span>${unread > 0 ? html`<span class="nav-count">${unread}<span class="visually-hidden"> unread</span></span>` : ''}</a></li>`;
  });
  return html`<aside class="sidebar">
    <a class="brand" href="/mail/inbox"><span class="brand-mark" aria-hidden="true">${icon('mail')}</span><span class="brand-name">${PRODUCT_NAME}</span></a>
    <a class="compose-button${section === 'compose' ? ' active' : ''}" href="/compose">${icon('pencil')}<span>Compose</span></a>
    <nav aria-label="Folders" class="nav"><ul>${folderLinks}</ul></nav>
    <nav aria-labelledby="labels-heading" class="nav nav-labels">
      <div class="nav-heading-row"><h2 id="labels-heading" class="nav-heading">Labels</h2><a href="/settings/labels" class="nav-heading-action" title="Manage labels">${icon('plus')}<span class="visually-hidden">Manage labels</span></a></div>
      <ul>${labelLinks}</ul>
    </nav>
    <div class="storage" aria-hidden="true"><div class="storage-bar"><span style="width:31%"></span></div><p>4.6 GB of 15 GB used</p></div>
  </aside>`;
}

function accountMenu(store: MailStore): SafeHtml {
  const { displayName, email } = store.settings;
  return html`<details class="menu account-menu">
    <summary class="menu-trigger" role="button" aria-label="Account menu">${avatar(displayName, email, 'md')}<span class="account-name">${displayName}</span>${icon('chevronDown')}</summary>
    <div class="menu-panel">
      <p class="menu-head"><span class="strong">${displayName}</span><span class="meta">${email}</span></p>
      <ul>
        <li><a href="/settings">${icon('settings')}Settings</a></li>
        <li><a href="/settings/signature">${icon('signature')}Signature</a></li>
        <li><a href="/settings/labels">${icon('tag')}Labels</a></li>
        <li><a href="/drafts">${icon('draft')}Drafts</a></li>
      </ul>
    </div>
  </details>`;
}

export function layout(store: MailStore, options: LayoutOptions): string {
  const vacation = store.settings.vacationEnabled
    ? html`<a class="vacation-pill" href="/settings">${icon('sun')}Vacation responder on</a>`
    : '';
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${PRODUCT_NAME}</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<div class="app">
  ${sidebar(store, options.section)}
  <div class="main">
    <header class="topbar">
      <form role="search" action="/search" method="get" class="search-form">
        <label for="global-search" class="visually-hidden">Search mail</label>
        ${icon('search', 'icon search-icon')}
        <input type="search" id="global-search" name="q" value="${options.searchQuery ?? ''}" placeholder="Search mail by subject, sender or text" autocomplete="off">
        <button type="submit" class="search-button">Search</button>
      </form>
      <div class="topbar-right">
        ${vacation}
        <a class="icon-link" href="/settings" title="Settings">${icon('settings')}<span class="visually-hidden">Settings</span></a>
        ${accountMenu(store)}
      </div>
    </header>
    <main id="content" class="content">
      ${options.flash ? html`<div class="flash" role="status">${icon('check')}<span>${options.flash}</span></div>` : ''}
      ${options.body}
    </main>
  </div>
</div>
</body>
</html>
`;
  return page.value;
}
