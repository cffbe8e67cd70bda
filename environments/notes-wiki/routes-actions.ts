import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import type { Page } from './model.js';
import { renderEditPage, renderNewPage } from './render/page-form.js';
import { renderMovePage } from './render/page-move.js';
import { notFound } from './routes-pages.js';
import type { WikiStore } from './store.js';
import { parseEditPageForm, parseNewPageForm, parseParent, safeReturnPath, type FieldErrors } from './validation.js';

const UNPROCESSABLE = 422;

function findPage(store: WikiStore, id: string | undefined): Page | undefined {
  return store.page(Number(id));
}

function formValues(form: URLSearchParams, fallback: { parentId?: string; content?: string; tags?: string; reviewDate?: string } = {}) {
  return {
    title: form.get('title') ?? '',
    parentId: form.get('parentId') ?? fallback.parentId ?? '',
    tags: form.get('tags') ?? fallback.tags ?? '',
    content: form.get('content') ?? fallback.content ?? '',
    reviewDate: form.get('reviewDate') ?? fallback.reviewDate ?? '',
    note: form.get('note') ?? '',
  };
}

export function createPage(store: WikiStore, request: AppRequest): AppResponse {
  const result = parseNewPageForm(store, request.form);
  if (!result.ok) return htmlResponse(renderNewPage(store, { values: formValues(request.form), errors: result.errors }), UNPROCESSABLE);
  const page = store.createPage(result.value);
  return redirect(`/pages/${page.id}`, `Page ${quoted(page.title)} created`);
}

export function updatePage(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = findPage(store, id);
  if (page === undefined) return notFound(store, 'Page');
  const result = parseEditPageForm(store, page, request.form);
  if (!result.ok) {
    const values = formValues(request.form, { content: page.content, tags: page.tags.join(', '), reviewDate: page.reviewDate ?? '' });
    return htmlResponse(renderEditPage(store, page, { values, errors: result.errors }), UNPROCESSABLE);
  }
  const changed = store.updatePage(page, result.value);
  return redirect(
    `/pages/${page.id}`,
    changed ? `Page ${quoted(page.title)} saved as v${page.version}` : `No changes to save on ${quoted(page.title)}`,
  );
}

export function restoreVersion(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = findPage(store, id);
  if (page === undefined) return notFound(store, 'Page');
  const number = Number(request.form.get('version') ?? 'NaN');
  const version = store.history(page.id).find((entry) => entry.version === number);
  if (version === undefined || version.version === page.version) {
    return redirect(`/pages/${page.id}/history`, 'Choose an earlier version to restore');
  }
  store.restoreVersion(page, version);
  return redirect(`/pages/${page.id}`, `Restored ${quoted(page.title)} to version ${version.version} (saved as v${page.version})`);
}

export function movePage(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = findPage(store, id);
  if (page === undefined) return notFound(store, 'Page');
  const errors: FieldErrors = {};
  const parentId = parseParent(store, request.form.get('parentId'), page, errors);
  if (errors.parentId !== undefined) {
    return htmlResponse(
      renderMovePage(store, page, { selected: request.form.get('parentId') ?? '', error: errors.parentId }),
      UNPROCESSABLE,
    );
  }
  if (parentId === page.parentId) return redirect(`/pages/${page.id}`, `${quoted(page.title)} is already there`);
  store.movePage(page, parentId);
  const parent = store.page(parentId);
  return redirect(
    `/pages/${page.id}`,
    `Moved ${quoted(page.title)} ${parent === undefined ? 'to the top level' : `under ${quoted(parent.title)}`}`,
  );
}

/** The row checkbox (checked = star, unchecked sends nothing = unstar) and the page's Star button. */
export function starPage(store: WikiStore, request: AppRequest, [id]: string[]): AppResponse {
  const page = findPage(store, id);
  if (page === undefined) return notFound(store, 'Page');
  const starred = request.form.get('starred') === 'on';
  store.setStarred(page, starred);
  const back = safeReturnPath(request.form.get('return'), `/pages/${page.id}`);
  return redirect(back, `${starred ? 'Starred' : 'Unstarred'} ${quoted(page.title)}`);
}

export function archivePage(store: WikiStore, request: AppRequest, [id]: string[], archived: boolean): AppResponse {
  const page = findPage(store, id);
  if (page === undefined) return notFound(store, 'Page');
  const wasUnder = page.parentId;
  const subpages = store.setArchived(page, archived);
  const back = safeReturnPath(request.form.get('return'), archived ? '/pages' : `/pages/${page.id}`);
  const extra = subpages > 0 ? ` and ${subpages} subpage${subpages === 1 ? '' : 's'}` : '';
  const lifted = !archived && wasUnder !== page.parentId ? ' (moved to the top level because its parent is archived)' : '';
  return redirect(back, `${archived ? 'Archived' : 'Unarchived'} ${quoted(page.title)}${extra}${lifted}`);
}

export function deletePage(store: WikiStore, _request: AppRequest, [id]: string[]): AppResponse {
  const page = findPage(store, id);
  if (page === undefined) return notFound(store, 'Page');
  const parent = store.page(page.parentId);
  const moved = store.deletePage(page);
  const extra = moved.length > 0 ? `; ${moved.length} subpage${moved.length === 1 ? '' : 's'} moved up` : '';
  return redirect(parent === undefined || parent.archived ? '/pages' : `/pages/${parent.id}`, `Deleted ${quoted(page.title)}${extra}`);
}
