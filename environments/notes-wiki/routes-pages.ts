import { htmlResponse, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { DEFAULT_LIST_QUERY, SORT_KEYS, type ListQuery, type SortKey } from './queries.js';
import { renderAllPages } from './render/all-pages.js';
import { renderHome } from './render/home.js';
import { renderChanges, renderNotFound, renderStarred } from './render/lists.js';
import { editPageForm, emptyPageForm, renderEditPage, renderNewPage } from './render/page-form.js';
import { renderHistory, renderVersion } from './render/page-history.js';
import { renderMovePage } from './render/page-move.js';
import { renderPageView } from './render/page-view.js';
import { renderSearch } from './render/search.js';
import { renderTag, renderTags } from './render/tags-view.js';
import type { WikiStore } from './store.js';

export function notFound(store: WikiStore, what: string, flash?: string): AppResponse {
  return htmlResponse(renderNotFound(store, what, flash), 404);
}

function pageNumber(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/** Reads ?tab=&tag=&author=&sort=&dir=&page= leniently: unknown values fall back to defaults. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const sort = params.get('sort') ?? DEFAULT_LIST_QUERY.sort;
  const author = params.get('author') ?? '';
  const tag = params.get('tag') ?? '';
  return {
    tab: params.get('tab') === 'archived' ? 'archived' : 'active',
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : DEFAULT_LIST_QUERY.sort,
    direction: params.has('dir') ? (params.get('dir') === 'asc' ? 'asc' : 'desc') : sort === 'updated' ? 'desc' : 'asc',
    tag: /^[a-z0-9-]+$/.test(tag) ? tag : undefined,
    authorId: /^\d+$/.test(author) ? Number(author) : undefined,
  };
}

export function homePage(store: WikiStore, request: AppRequest): AppResponse {
  return htmlResponse(renderHome(store, request.flash));
}

export function allPagesPage(store: WikiStore, request: AppRequest): AppResponse {
  return htmlResponse(renderAllPages(store, parseListQuery(request.url.searchParams), pageNumber(request.url.searchParams), request.flash));
}

export function newPagePage(store: WikiStore, request: AppRequest): AppResponse {
  const parent = store.page(Number(request.url.searchParams.get('parent') ?? 'NaN'));
  return htmlResponse(renderNewPage(store, emptyPageForm(parent === undefined || parent.archived ? '' : String(parent.id)), request.flash));
}

export function pageView(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = store.page(Number(id));
  return page === undefined ? notFound(store, 'Page') : htmlResponse(renderPageView(store, page, request.flash));
}

export function editPage(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = store.page(Number(id));
  return page === undefined ? notFound(store, 'Page') : htmlResponse(renderEditPage(store, page, editPageForm(page), request.flash));
}

export function historyPage(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = store.page(Number(id));
  return page === undefined ? notFound(store, 'Page') : htmlResponse(renderHistory(store, page, request.flash));
}

export function versionPage(store: WikiStore, request: AppRequest, [id, number]: string[]): AppResponse {
  const page = store.page(Number(id));
  const version = page === undefined ? undefined : store.history(page.id).find((entry) => entry.version === Number(number));
  return page === undefined || version === undefined
    ? notFound(store, 'Version')
    : htmlResponse(renderVersion(store, page, version, request.flash));
}

export function movePage(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = store.page(Number(id));
  return page === undefined
    ? notFound(store, 'Page')
    : htmlResponse(renderMovePage(store, page, { selected: String(page.parentId ?? '') }, request.flash));
}

export function starredPage(store: WikiStore, request: AppRequest): AppResponse {
  return htmlResponse(renderStarred(store, request.flash));
}

export function tagsPage(store: WikiStore, request: AppRequest): AppResponse {
  const params = request.url.searchParams;
  const sort = params.get('sort') === 'pages' ? 'pages' : 'name';
  const direction = params.has('dir') ? (params.get('dir') === 'desc' ? 'desc' : 'asc') : sort === 'pages' ? 'desc' : 'asc';
  return htmlResponse(renderTags(store, sort, direction, request.flash));
}

export function tagPage(store: WikiStore, request: AppRequest, [slug]: string[]): AppResponse {
  const tag = store.tagBySlug(slug ?? '');
  return tag === undefined
    ? notFound(store, 'Tag')
    : htmlResponse(renderTag(store, tag, pageNumber(request.url.searchParams), request.flash));
}

export function changesPage(store: WikiStore, request: AppRequest): AppResponse {
  return htmlResponse(renderChanges(store, pageNumber(request.url.searchParams), request.flash));
}

export function searchPage(store: WikiStore, request: AppRequest): AppResponse {
  return htmlResponse(renderSearch(store, request.url.searchParams.get('q') ?? '', pageNumber(request.url.searchParams), request.flash));
}
