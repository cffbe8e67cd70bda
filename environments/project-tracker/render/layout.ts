import { html, type SafeHtml } from '../../kit/html.js';
import type { TrackerStore } from '../store.js';
import { WORKSPACE_NAME } from '../vocabulary-people.js';
import { avatar } from './components.js';
import { icon } from './icons.js';

export const PRODUCT_NAME = 'Trackly';

export type NavSection = 'dashboard' | 'projects' | 'people' | 'search' | 'none';

export interface LayoutOptions {
  /** Page name; the document title becomes "<title> · Trackly". */
  title: string;
  section: NavSection;
  /** The project being viewed, highlighted in the sidebar. */
  projectId?: number;
  flash?: string | undefined;
  searchQuery?: string;
  body: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%234f46e5'/%3E%3Cpath d='M9 16.5l4.5 4.5L23 11' stroke='white' stroke-width='3.2' fill='none' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E";

export function layout(store: TrackerStore, options: LayoutOptions): string {
  const user = store.currentUser();
  const navLink = (href: string, label: string, section: NavSection, iconName: Parameters<typeof icon>[0]): SafeHtml =>
    html`<li><a href="${href}" class="nav-link"${options.section === section ? html` aria-current="page"` : ''}>${icon(iconName)}<span>${label}</span></a></li>`;
  const projectLinks = store.projects.map(
    (project) =>
      html`<li><a href="/projects/${project.id}" class="nav-link nav-project"${options.projectId === project.id ? html` aria-current="page"` : ''}><span class="swatch" style="background:${project.color}" aria-hidden="true"></span><span>${project.name}</span></a></li>`,
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
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">${icon('check')}</span><span class="brand-name">${PRODUCT_NAME}</span></a>
    <p class="workspace"><span class="workspace-mark" aria-hidden="true">${WORKSPACE_NAME.slice(0, 1)}</span>${WORKSPACE_NAME}</p>
    <nav aria-label="Main" class="nav">
      <ul>
        ${navLink('/', 'Dashboard', 'dashboard', 'home')}
        ${navLink('/projects', 'Projects', 'projects', 'folder')}
        ${navLink('/people', 'People', 'people', 'users')}
      </ul>
    </nav>
    <nav aria-labelledby="sidebar-projects-heading" class="nav nav-projects">
      <h2 id="sidebar-projects-heading" class="nav-heading">Your projects</h2>
      <ul>${projectLinks}</ul>
    </nav>
    <div class="sidebar-footer">${avatar(user, 'sm')}<div><p class="sidebar-user">${user.name}</p><p class="sidebar-role">${user.role}</p></div></div>
  </aside>
  <div class="main">
    <header class="topbar">
      <form role="search" action="/search" method="get" class="search-form">
        <label for="global-search" class="visually-hidden">Search</label>
        ${icon('search', 'icon search-icon')}
        <input type="search" id="global-search" name="q" value="${options.searchQuery ?? ''}" placeholder="Search tasks, projects and comments" autocomplete="off">
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
