import { extractLinkTitles, plainText, type LinkResolver } from './markdown.js';
import type { Page, Tag, Version } from './model.js';
import type { WikiStore } from './store.js';

export const SORT_KEYS = ['title', 'parent', 'updated', 'author'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListQuery {
  sort: SortKey;
  direction: 'asc' | 'desc';
  tab: 'active' | 'archived';
  /** Tag slug. */
  tag?: string | undefined;
  authorId?: number | undefined;
}

export const DEFAULT_LIST_QUERY: ListQuery = { sort: 'updated', direction: 'desc', tab: 'active' };

const byTitle = (a: Page, b: Page): number => a.title.localeCompare(b.title);

/** Visible (unarchived) children of a page, or the top-level spaces for null, by title. */
export function childrenOf(store: WikiStore, parentId: number | null): Page[] {
  return store.pages.filter((page) => page.parentId === parentId && !page.archived).sort(byTitle);
}

/** The page's ancestors, top-level space first. */
export function ancestors(store: WikiStore, page: Page): Page[] {
  const chain: Page[] = [];
  for (let parent = store.page(page.parentId); parent !== undefined && chain.length < 50; parent = store.page(parent.parentId))
    chain.unshift(parent);
  return chain;
}

/** "Engineering / Runbooks / Deploying to Production" */
export function pathLabel(store: WikiStore, page: Page): string {
  return [...ancestors(store, page), page].map((entry) => entry.title).join(' / ');
}

export function linkResolver(store: WikiStore): LinkResolver {
  return (title) => {
    const page = store.pageByTitle(title);
    return page === undefined ? undefined : { href: `/pages/${page.id}`, archived: page.archived };
  };
}

/** Unarchived pages whose content links to this page's title. */
export function backlinks(store: WikiStore, page: Page): Page[] {
  const key = page.title.toLowerCase();
  return store.pages
    .filter(
      (other) => other.id !== page.id && !other.archived && extractLinkTitles(other.content).some((title) => title.toLowerCase() === key),
    )
    .sort(byTitle);
}

export function activePages(store: WikiStore): Page[] {
  return store.pages.filter((page) => !page.archived);
}

export function pagesWithTag(store: WikiStore, tag: Tag): Page[] {
  const key = tag.name.toLowerCase();
  return activePages(store)
    .filter((page) => page.tags.some((name) => name.toLowerCase() === key))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : byTitle(a, b)));
}

export function listPages(store: WikiStore, query: ListQuery): Page[] {
  const tag = query.tag === undefined ? undefined : store.tagBySlug(query.tag);
  const rows = store.pages.filter((page) => {
    if (page.archived !== (query.tab === 'archived')) return false;
    if (tag !== undefined && !page.tags.some((name) => name.toLowerCase() === tag.name.toLowerCase())) return false;
    if (query.authorId !== undefined && page.authorId !== query.authorId) return false;
    return true;
  });
  const key = (page: Page): string => {
    switch (query.sort) {
      case 'title':
        return page.title.toLowerCase();
      case 'parent':
        return (store.page(page.parentId)?.title ?? '').toLowerCase();
      case 'author':
        return (store.person(page.authorId)?.name ?? '').toLowerCase();
      case 'updated':
        return page.updatedAt;
    }
  };
  const sign = query.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : byTitle(a, b);
  });
}

export interface SearchHit {
  page: Page;
  titleMatch: boolean;
  /** Text around the first match in the content: before, match, after (empty match = no content hit). */
  snippet: { before: string; match: string; after: string };
}

const SNIPPET_RADIUS = 80;

/** Case-insensitive substring search over the titles and contents of unarchived pages. */
export function searchPages(store: WikiStore, query: string): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const hits: SearchHit[] = [];
  for (const page of activePages(store)) {
    const titleMatch = page.title.toLowerCase().includes(needle);
    const text = plainText(page.content);
    const at = text.toLowerCase().indexOf(needle);
    if (!titleMatch && at < 0) continue;
    const snippet =
      at < 0
        ? { before: trimEnd(text, SNIPPET_RADIUS * 2), match: '', after: '' }
        : {
            before: at > SNIPPET_RADIUS ? `…${text.slice(at - SNIPPET_RADIUS, at).replace(/^\S*\s/, '')}` : text.slice(0, at),
            match: text.slice(at, at + needle.length),
            after: trimEnd(text.slice(at + needle.length), SNIPPET_RADIUS),
          };
    hits.push({ page, titleMatch, snippet });
  }
  return hits.sort((a, b) => Number(b.titleMatch) - Number(a.titleMatch) || byTitle(a.page, b.page));
}

function trimEnd(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 20))}…`;
}

/** Every version across the wiki, newest first. */
export function recentChanges(store: WikiStore): Version[] {
  return [...store.versions].sort((a, b) => (a.editedAt < b.editedAt ? 1 : a.editedAt > b.editedAt ? -1 : b.id - a.id));
}

export interface TagSummary {
  tag: Tag;
  count: number;
  latest: Page | undefined;
}

export function tagSummaries(store: WikiStore): TagSummary[] {
  return store.tags.map((tag) => {
    const pages = pagesWithTag(store, tag);
    return { tag, count: pages.length, latest: pages[0] };
  });
}
