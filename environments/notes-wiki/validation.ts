import { isValidIsoDate } from './clock.js';
import type { Page } from './model.js';
import type { NewPageInput, PageUpdate, WikiStore } from './store.js';
import { parseTagList } from './tags.js';

export const TITLE_MAX_LENGTH = 120;
export const CONTENT_MAX_LENGTH = 20_000;
export const NOTE_MAX_LENGTH = 200;

type Result<Value> = { ok: true; value: Value } | { ok: false; errors: FieldErrors };

export interface FieldErrors {
  title?: string;
  parentId?: string;
  tags?: string;
  content?: string;
  reviewDate?: string;
  note?: string;
}

export function errorList(errors: FieldErrors): string[] {
  return [errors.title, errors.parentId, errors.tags, errors.content, errors.reviewDate, errors.note].filter((error): error is string =>
    Boolean(error),
  );
}

function parseTitle(store: WikiStore, form: URLSearchParams, self: Page | undefined, errors: FieldErrors): string {
  const title = (form.get('title') ?? '').trim().replace(/\s+/g, ' ');
  const clash = store.pageByTitle(title);
  if (title === '') errors.title = 'Title is required';
  else if (title.length > TITLE_MAX_LENGTH) errors.title = `Title must be at most ${TITLE_MAX_LENGTH} characters`;
  else if (/[[\]]/.test(title)) errors.title = 'Title cannot contain square brackets';
  else if (clash !== undefined && clash.id !== self?.id) errors.title = `A page titled \u201c${clash.title}\u201d already exists`;
  return title;
}

function parseContent(form: URLSearchParams, errors: FieldErrors): string {
  const content = (form.get('content') ?? '').replace(/\r\n?/g, '\n').trim();
  if (content.length > CONTENT_MAX_LENGTH)
    errors.content = `Content must be at most ${CONTENT_MAX_LENGTH.toLocaleString('en-US')} characters`;
  return content;
}

/** '' is the top level; otherwise an unarchived page that is not `moving` or inside it. */
export function parseParent(store: WikiStore, value: string | null, moving: Page | undefined, errors: FieldErrors): number | null {
  const raw = (value ?? '').trim();
  if (raw === '') return null;
  const parent = /^\d+$/.test(raw) ? store.page(Number(raw)) : undefined;
  if (parent === undefined || parent.archived) {
    errors.parentId = 'Choose a valid parent page';
    return null;
  }
  if (moving !== undefined && (parent.id === moving.id || store.descendants(moving).some((child) => child.id === parent.id))) {
    errors.parentId = 'A page cannot move inside itself or one of its subpages';
    return null;
  }
  return parent.id;
}

export function parseNewPageForm(store: WikiStore, form: URLSearchParams): Result<NewPageInput> {
  const errors: FieldErrors = {};
  const title = parseTitle(store, form, undefined, errors);
  const parentId = parseParent(store, form.get('parentId'), undefined, errors);
  const tags = parseTagList(form.get('tags') ?? '', store.tags);
  if (tags.error !== undefined) errors.tags = tags.error;
  const content = parseContent(form, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, parentId, tags: tags.tags, content } };
}

export function parseEditPageForm(store: WikiStore, page: Page, form: URLSearchParams): Result<PageUpdate> {
  const errors: FieldErrors = {};
  const title = parseTitle(store, form, page, errors);
  const tags = form.has('tags') ? parseTagList(form.get('tags') ?? '', store.tags) : { tags: page.tags };
  if (tags.error !== undefined) errors.tags = tags.error;
  const content = form.has('content') ? parseContent(form, errors) : page.content;
  const reviewValue = form.has('reviewDate') ? (form.get('reviewDate') ?? '').trim() : (page.reviewDate ?? '');
  if (reviewValue !== '' && !isValidIsoDate(reviewValue)) errors.reviewDate = 'Review date must be a valid date (YYYY-MM-DD)';
  const note = (form.get('note') ?? '').trim().replace(/\s+/g, ' ');
  if (note.length > NOTE_MAX_LENGTH) errors.note = `Change note must be at most ${NOTE_MAX_LENGTH} characters`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, tags: tags.tags, content, reviewDate: reviewValue === '' ? null : reviewValue, note } };
}

/** A same-origin path to go back to after a row action; anything else falls back. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
