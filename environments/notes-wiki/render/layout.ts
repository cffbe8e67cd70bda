import { html, type SafeHtml } from '../../kit/html.js';
import type { WikiStore } from '../store.js';
import { PRODUCT_NAME, WORKSPACE_NAME } from '../vocab-people.js';
import { avatar } from './components.js';
import { icon, type IconName } from './icons.js';
import { pageTree } from './page-tree.js';

export type NavSection = 'home' | 'pages' | 'starred' | 'tags' | 'changes' | 'search' | 'new' | 'none';

export interface LayoutOptions {
  /** Page name; the document title becomes "<title> · Folio". */
  title: string;
  section: NavSection;
  /** The wiki page being viewed, highlighted and opened in the tree. */
  pageId?: number;
  flash?: string | undefined;
  searchQuery?: string;
  body: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%230f766e'/%3E%3Cpath d='M9 8h10l4 4v12H9z' fill='white'/%3E%3C/svg%3E";

export function layout(store: WikiStore, options: LayoutOptions): string {
  const user = store.currentUser();
  const starred = store.pages.filter((page) => page.starred && !page.archived).length;
  const navLink = (href: string, label: string, section: NavSection, iconName: IconName, count?: number): SafeHtml =>
    html`<li><a href="${href}" class="nav-link"${options.section === section ? html` aria-current="page"` : ''}>${icon(iconName)}<span>${label}</span>${count ? html`<span class="nav-count">${count}</span>` : ''}</a></li>`;
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
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">${icon('book')}</span><span class="brand-name">${PRODUCT_NAME}</span></a>
    <p class="workspace"><span class="workspace-mark" aria-hidden="true">${WORKSPACE_NAME.slice(0, 1)}</span>${WORKSPACE_NAME}</p>
    <a class="button primary new-page-button" href="/pages/new"${options.section === 'new' ? html` aria-current="page"` : ''}>${icon('plus')}New page</a>
    <nav aria-label="Main" class="nav">
      <ul>
        ${navLink('/', 'Home', 'home', 'home')}
        ${navLink('/pages', 'All pages', 'pages', 'pages')}
        ${navLink('/starred', 'Starred', 'starred', 'star', starred)}
        ${navLink('/tags', 'Tags', 'tags', 'tag')}
        ${navLink('/changes', 'Recent changes', 'changes', 'history')}
      </ul>
    </nav>
    <nav aria-labelledby="tree-heading" class="nav nav-tree">
      <h2 id="tree-heading" class="nav-heading">Page tree</h2>
      ${pageTree(store, options.pageId)}
    </nav>
    <div class="sidebar-footer">${avatar(user, 'sm')}<div><p class="sidebar-user">${user.name}</p><p class="sidebar-role">${user.role}</p></div></div>
  </aside>
  <div class="main">
    <header class="topbar">
      <form role="search" action="/search" method="get" class="search-form">
        <label for="global-search" class="visually-hidden">Search pages</label>
        ${icon('search', 'icon search-icon')}
        <input type="search" id="global-search" name="q" value="${options.searchQuery ?? ''}" placeholder="Search titles and content" autocomplete="off">
        <button type="submit" class="search-button">Search</button>
      </form>
      <div class="topbar-right">
        <span class="today">${icon('calendar')}Mon, Jun 15</span>
        <span class="topbar-user">${avatar(user, 'md', true)}</span>
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
