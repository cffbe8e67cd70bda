import { html, raw, type SafeHtml } from '../../kit/html.js';
import { TODAY, formatShortDate } from '../clock.js';
import { formatMoney } from '../money.js';
import { maskedNumber } from '../queries.js';
import type { BankStore } from '../store.js';
import { accountGlyph } from './components.js';
import { icon, type IconName } from './icons.js';

export const PRODUCT_NAME = 'Tidewell';

export type NavSection = 'overview' | 'account' | 'transfer' | 'payments' | 'payees' | 'statements' | 'cards' | 'search' | 'none';

export interface LayoutOptions {
  /** Page name; the document title becomes "<title> · Tidewell". */
  title: string;
  section: NavSection;
  /** The account being viewed, highlighted in the sidebar. */
  accountId?: number;
  flash?: string | undefined;
  searchQuery?: string;
  body: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%230e7c66'/%3E%3Cpath d='M6 19c3-3 6-3 10 0s7 3 10 0M6 13c3-3 6-3 10 0s7 3 10 0' stroke='white' stroke-width='2.6' fill='none' stroke-linecap='round'/%3E%3C/svg%3E";

const WAVE =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"><path d="M3 14.5c2.5-2.5 5-2.5 8.5 0s6 2.5 9 0M3 9c2.5-2.5 5-2.5 8.5 0s6 2.5 9 0"/></svg>';

export function layout(store: BankStore, options: LayoutOptions): string {
  const customer = store.customer;
  const navLink = (href: string, label: string, section: NavSection, iconName: IconName): SafeHtml =>
    html`<li><a href="${href}" class="nav-link"${options.section === section ? html` aria-current="page"` : ''}>${icon(iconName)}<span>${label}</span></a></li>`;
  const accountLinks = store.accounts.map(
    (account) =>
      html`<li><a href="/accounts/${account.id}" class="nav-link nav-account"${options.accountId === account.id ? html` aria-current="page"` : ''}>${accountGlyph(account)}<span class="nav-account-text"><span class="nav-account-name">${account.name}</span><span class="nav-account-balance" aria-hidden="true">${formatMoney(store.balance(account))} · ${maskedNumber(account.last4)}</span></span></a></li>`,
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
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">${raw(WAVE)}</span><span class="brand-name">${PRODUCT_NAME}</span></a>
    <nav aria-label="Main" class="nav">
      <ul>
        ${navLink('/', 'Overview', 'overview', 'home')}
        ${navLink('/transfer', 'Transfer money', 'transfer', 'transfer')}
        ${navLink('/payments', 'Pay bills', 'payments', 'bill')}
        ${navLink('/payees', 'Payees', 'payees', 'users')}
        ${navLink('/statements', 'Statements', 'statements', 'file')}
        ${navLink('/cards', 'Cards & limits', 'cards', 'card')}
      </ul>
    </nav>
    <nav aria-labelledby="sidebar-accounts-heading" class="nav nav-accounts">
      <h2 id="sidebar-accounts-heading" class="nav-heading">Your accounts</h2>
      <ul>${accountLinks}</ul>
    </nav>
    <div class="sidebar-footer">${icon('shield')}<p>Protected by 256-bit encryption. FDIC insured up to $250,000.</p></div>
  </aside>
  <div class="main">
    <header class="topbar">
      <form role="search" action="/search" method="get" class="search-form" aria-label="Search">
        <label for="global-search" class="visually-hidden">Search</label>
        ${icon('search', 'icon search-icon')}
        <input type="search" id="global-search" name="q" value="${options.searchQuery ?? ''}" placeholder="Search transactions and payees" autocomplete="off">
        <button type="submit" class="search-button">Search</button>
      </form>
      <div class="topbar-right">
        <span class="today">${icon('calendar')}Mon, ${formatShortDate(TODAY)}</span>
        <details class="menu user-menu">
          <summary aria-label="Account menu for ${customer.name}"><span class="avatar avatar-sm avatar-user" aria-hidden="true">${customer.initials}</span><span class="user-name">${customer.name}</span>${icon('chevronDown')}</summary>
          <div class="menu-panel">
            <p class="menu-caption">Signed in as ${customer.email}</p>
            <ul>
              <li><a href="/cards">Cards &amp; limits</a></li>
              <li><a href="/payees">Manage payees</a></li>
              <li><a href="/statements">Statements &amp; documents</a></li>
            </ul>
          </div>
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
