import type { AppServer, AppStartOptions, BundledApp } from '../../src/core/environment.js';
import { startServer } from './server.js';

/**
 * Folio, a team knowledge base: pages in a tree (sidebar with expandable sections), rendered
 * markdown with [[Page title]] links and backlinks, tags, version history with restore, search,
 * stars and archiving. Server-rendered HTML; the only script auto-submits row checkboxes, opens
 * confirmation dialogs and drives the editor's formatting toolbar.
 */
export const notesWiki: BundledApp = {
  manifest: {
    id: 'notes-wiki',
    title: 'Folio (team knowledge base)',
    domain: 'knowledge base',
    description:
      'A team wiki: nested pages for engineering, product, people and security, with markdown content, [[links]] and backlinks, tags, version history with restore, search, stars and archiving.',
    startPath: '/',
    viewport: { width: 1280, height: 800 },
    allowedOrigins: [],
    hasStateProbe: true,
    affordances: [
      { route: '/', kind: 'read', description: 'read a value from the recently updated table or the review list' },
      { route: '*', kind: 'search', description: 'search page titles and content from the top bar' },
      { route: '/', kind: 'navigate', description: 'expand a section of the sidebar page tree and open a page' },
      { route: '/pages/new', kind: 'form', name: 'New page', description: 'create a page with a title, parent page, tags and content' },
      { route: '/pages', kind: 'navigate', description: 'sort, page and switch between the Active and Archived tabs of the page list' },
      { route: '/pages', kind: 'select', name: 'Filter', description: 'filter the page list by tag or author' },
      { route: '/pages', kind: 'toggle', name: 'Star', description: 'star or unstar a page from its row checkbox' },
      { route: '/pages', kind: 'item-action', name: 'Archive', description: 'archive a page (and its subpages) from its row' },
      { route: '/pages', kind: 'item-action', name: 'Unarchive', description: 'bring back an archived page from the Archived tab' },
      { route: '/pages/:id', kind: 'read', description: 'read the content, backlinks, subpages or page info of a page' },
      { route: '/pages/:id', kind: 'toggle', name: 'Star', description: 'star or unstar the page from its header button' },
      { route: '/pages/:id', kind: 'item-action', name: 'Delete', description: 'delete the page through its confirmation dialog' },
      {
        route: '/pages/:id/edit',
        kind: 'form',
        name: 'Edit page',
        description: 'edit title, tags, review date and content (with the formatting toolbar) and save a new version',
      },
      {
        route: '/pages/:id/history',
        kind: 'item-action',
        name: 'Restore',
        description: 'restore an earlier version through its confirmation dialog',
      },
      { route: '/pages/:id/history', kind: 'read', description: 'read who edited a version, when, and its summary' },
      { route: '/pages/:id/move', kind: 'form', name: 'Move page', description: 'move the page under another parent page' },
      { route: '/tags|/tags/:tag', kind: 'read', description: 'read how many pages carry a tag, or open a tag’s page list' },
      { route: '/search', kind: 'read', description: 'read a search result’s title, location or snippet' },
      { route: '/starred', kind: 'item-action', name: 'Unstar', description: 'unstar a page from the Starred list' },
      { route: '/changes', kind: 'read', description: 'read the wiki-wide change log (page, version, editor, date, summary)' },
    ],
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default notesWiki;
