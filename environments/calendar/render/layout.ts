import { formatShortDay, TODAY, NOW_TIME } from '../clock.js';
import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { timeZoneLabel } from '../model.js';
import type { CalendarStore } from '../store.js';
import { COMPANY_NAME } from '../vocabulary-people.js';
import { avatar, returnInput } from './components.js';
import { icon, type IconName } from './icons.js';

export const PRODUCT_NAME = 'Meridian';

export type NavSection = 'calendar' | 'invitations' | 'calendars' | 'settings' | 'search' | 'none';

export interface LayoutOptions {
  /** Page name; the document title becomes "<title> · Meridian". */
  title: string;
  section: NavSection;
  /** Path (and query) of this page, so sidebar toggles come back to it. */
  path: string;
  flash?: string | undefined;
  searchQuery?: string;
  /** Whether the sidebar shows the Show “<calendar>” checkboxes (not on the calendars page, which has its own). */
  calendarToggles?: boolean;
  body: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%232f5bea'/%3E%3Crect x='8' y='10' width='16' height='14' rx='2' fill='none' stroke='white' stroke-width='2.4'/%3E%3Cpath d='M8 15h16M12 7v5M20 7v5' stroke='white' stroke-width='2.4'/%3E%3C/svg%3E";

export function layout(store: CalendarStore, options: LayoutOptions): string {
  const user = store.currentUser();
  const pending = store.pendingInvitations().length;
  const navLink = (href: string, label: string, section: NavSection, iconName: IconName, badge = ''): SafeHtml =>
    html`<li><a href="${href}" class="nav-link"${options.section === section ? html` aria-current="page"` : ''}>${icon(iconName)}<span class="nav-label">${label}</span>${badge ? html`<span class="nav-badge" aria-label="${badge} pending">${badge}</span>` : ''}</a></li>`;
  const calendars = store.calendars.map((calendar) =>
    options.calendarToggles === false
      ? html`<li class="cal-toggle"><span class="swatch-lg" style="--cal:${calendar.color}" aria-hidden="true"></span><span>${calendar.name}</span></li>`
      : html`<li><form method="post" action="/calendars/${calendar.id}/visibility" class="cal-toggle">${returnInput(options.path)}<input type="checkbox" class="cal-check" id="cal-toggle-${calendar.id}" name="visible" value="on" style="--cal:${calendar.color}" aria-label="Show ${quoted(calendar.name)}" data-autosubmit${calendar.visible ? html` checked` : ''}><label for="cal-toggle-${calendar.id}" aria-hidden="true">${calendar.name}</label></form></li>`,
  );
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
  <aside class="sidebar">
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">${icon('calendar')}</span><span class="brand-name">${PRODUCT_NAME}</span></a>
    <a class="button primary new-event" href="/events/new">${icon('plus')}New event</a>
    <nav aria-label="Main" class="nav">
      <ul>
        ${navLink('/', 'Calendar', 'calendar', 'calendar')}
        ${navLink('/invitations', 'Invitations', 'invitations', 'inbox', pending > 0 ? String(pending) : '')}
        ${navLink('/calendars', 'Calendars', 'calendars', 'layers')}
        ${navLink('/settings', 'Settings', 'settings', 'settings')}
      </ul>
    </nav>
    <section class="my-calendars" aria-labelledby="my-calendars-heading">
      <h2 id="my-calendars-heading" class="nav-heading">My calendars</h2>
      <ul>${calendars}</ul>
    </section>
    <div class="sidebar-footer">${avatar(user, 'md')}<div class="sidebar-user-text"><p class="sidebar-user">${user.name}</p><p class="sidebar-role">${COMPANY_NAME} · ${user.title}</p></div></div>
  </aside>
  <div class="main">
    <header class="topbar">
      <form role="search" action="/search" method="get" class="search-form">
        <label for="global-search" class="visually-hidden">Search events</label>
        ${icon('search', 'icon search-icon')}
        <input type="search" id="global-search" name="q" value="${options.searchQuery ?? ''}" placeholder="Search events, places and people" autocomplete="off">
        <button type="submit" class="search-button">Search</button>
      </form>
      <div class="topbar-right">
        <a class="today-chip" href="/day/${TODAY}">${icon('clock')}<span>${formatShortDay(TODAY)} · ${NOW_TIME}</span></a>
        <a class="tz-chip" href="/settings" title="Time zone">${icon('globe')}<span>${timeZoneLabel(store.settings.timeZone)}</span></a>
        <details class="menu">
          <summary class="button small">${icon('plus')}Create${icon('chevronDown')}</summary>
          <ul class="menu-list">
            <li><a href="/events/new">${icon('calendar')}New event</a></li>
            <li><a href="/calendars#new-calendar-heading">${icon('layers')}New calendar</a></li>
          </ul>
        </details>
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
