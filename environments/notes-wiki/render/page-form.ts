import { html, type SafeHtml } from '../../kit/html.js';
import type { Page } from '../model.js';
import { childrenOf } from '../queries.js';
import type { WikiStore } from '../store.js';
import { TITLE_MAX_LENGTH, errorList, type FieldErrors } from '../validation.js';
import { dateField, formErrors, pageHeader, textField } from './components.js';
import { icon, type IconName } from './icons.js';
import { layout } from './layout.js';
import { pageChrome } from './page-chrome.js';

export interface PageFormState {
  values: { title: string; parentId: string; tags: string; content: string; reviewDate: string; note: string };
  errors: FieldErrors;
}

export function emptyPageForm(parentId = ''): PageFormState {
  return { values: { title: '', parentId, tags: '', content: '', reviewDate: '', note: '' }, errors: {} };
}

export function editPageForm(page: Page): PageFormState {
  return {
    values: {
      title: page.title,
      parentId: String(page.parentId ?? ''),
      tags: page.tags.join(', '),
      content: page.content,
      reviewDate: page.reviewDate ?? '',
      note: '',
    },
    errors: {},
  };
}

const TOOLS: ReadonlyArray<readonly [format: string, label: string, iconName: IconName]> = [
  ['bold', 'Bold', 'bold'],
  ['italic', 'Italic', 'italic'],
  ['heading', 'Heading', 'heading'],
  ['bullets', 'Bulleted list', 'list'],
  ['numbers', 'Numbered list', 'numbered'],
  ['code', 'Inline code', 'code'],
  ['link', 'Link to page', 'link'],
];

/** Content textarea with a toolbar whose buttons insert markdown (they are type=button, never submit). */
function contentField(id: string, value: string, errorId: string | undefined): SafeHtml {
  return html`<div class="field">
    <label for="${id}">Content</label>
    <div class="editor${errorId ? ' is-invalid' : ''}">
      <div class="toolbar" role="toolbar" aria-label="Formatting" aria-controls="${id}">
        ${TOOLS.map(([format, label, iconName]) => html`<button type="button" class="tool" data-format="${format}" data-target="${id}" aria-label="${label}" title="${label}">${icon(iconName)}</button>`)}
        <span class="toolbar-hint">Markdown · [[Page title]] links</span>
      </div>
      <textarea id="${id}" name="content" rows="14" placeholder="Write with markdown: ## headings, - lists, **bold**, [[Page title]] links" aria-describedby="${id}-hint${errorId ? ` ${errorId}` : ''}"${errorId ? html` aria-invalid="true"` : ''}>${value}</textarea>
    </div>
    <p class="hint" id="${id}-hint">Link to another page by writing its title in double brackets, e.g. [[Deploying to Production]].</p>
  </div>`;
}

/** Parent options in tree order, grouped by top-level space; `exclude` drops a page and its subtree. */
function parentOptions(store: WikiStore, selected: string, exclude: ReadonlySet<number>): SafeHtml {
  const option = (page: Page): SafeHtml =>
    html`<option value="${page.id}"${String(page.id) === selected ? html` selected` : ''}>${page.title}</option>`;
  const walk = (page: Page): SafeHtml[] => (exclude.has(page.id) ? [] : [option(page), ...childrenOf(store, page.id).flatMap(walk)]);
  return html`<option value=""${selected === '' ? html` selected` : ''}>No parent (top level)</option>${childrenOf(store, null)
    .filter((space) => !exclude.has(space.id))
    .map((space) => html`<optgroup label="${space.title}">${walk(space)}</optgroup>`)}`;
}

export function parentSelect(
  store: WikiStore,
  id: string,
  label: string,
  selected: string,
  exclude: ReadonlySet<number>,
  errorId: string | undefined,
): SafeHtml {
  return html`<div class="field"><label for="${id}">${label}</label><select id="${id}" name="parentId"${errorId ? html` aria-invalid="true" aria-describedby="${errorId}"` : ''}>${parentOptions(store, selected, exclude)}</select></div>`;
}

const HELP = html`<section class="card side-card" aria-labelledby="help-heading">
  <h2 id="help-heading" class="side-title">Formatting help</h2>
  <dl class="syntax">
    <div><dt><code>## Heading</code></dt><dd>Section heading</dd></div>
    <div><dt><code>- item</code></dt><dd>Bulleted list</dd></div>
    <div><dt><code>1. step</code></dt><dd>Numbered list</dd></div>
    <div><dt><code>**bold**</code></dt><dd>Bold text</dd></div>
    <div><dt><code>*italic*</code></dt><dd>Italic text</dd></div>
    <div><dt><code>[[Page title]]</code></dt><dd>Link to a page</dd></div>
  </dl>
</section>`;

export function renderNewPage(store: WikiStore, form: PageFormState, flash?: string): string {
  const errorId = 'new-page-errors';
  const e = form.errors;
  const ref = (error: string | undefined): string | undefined => (error ? errorId : undefined);
  const body = html`
    ${pageHeader('New page', 'Add a page to the knowledge base. You can move it anywhere in the tree later.')}
    <div class="form-grid">
      <section class="card form-card" aria-label="Page details">
        <form method="post" action="/pages" aria-label="New page" class="stack" novalidate>
          ${formErrors(errorId, errorList(e))}
          ${textField({ id: 'new-title', name: 'title', label: 'Title', value: form.values.title, placeholder: 'e.g. Release checklist', maxLength: TITLE_MAX_LENGTH, errorId: ref(e.title) })}
          <div class="field-row">
            ${parentSelect(store, 'new-parent', 'Parent page', form.values.parentId, new Set(), ref(e.parentId))}
            ${textField({ id: 'new-tags', name: 'tags', label: 'Tags', value: form.values.tags, placeholder: 'e.g. runbook, security', hint: 'Separate tags with commas.', errorId: ref(e.tags) })}
          </div>
          ${contentField('new-content', form.values.content, ref(e.content))}
          <div class="form-actions"><a class="button ghost" href="/pages">Cancel</a><button type="submit" class="button primary">${icon('check')}Create page</button></div>
        </form>
      </section>
      <aside>${HELP}</aside>
    </div>`;
  return layout(store, { title: 'New page', section: 'new', flash, body });
}

export function renderEditPage(store: WikiStore, page: Page, form: PageFormState, flash?: string): string {
  const errorId = 'edit-page-errors';
  const e = form.errors;
  const ref = (error: string | undefined): string | undefined => (error ? errorId : undefined);
  const body = html`
    ${pageChrome(store, page, 'edit', `/pages/${page.id}/edit`)}
    <div class="form-grid">
      <section class="card form-card" aria-label="Editor">
        <form method="post" action="/pages/${page.id}" aria-label="Edit page" class="stack" novalidate>
          ${formErrors(errorId, errorList(e))}
          ${textField({ id: 'edit-title', name: 'title', label: 'Title', value: form.values.title, maxLength: TITLE_MAX_LENGTH, errorId: ref(e.title) })}
          <div class="field-row">
            ${textField({ id: 'edit-tags', name: 'tags', label: 'Tags', value: form.values.tags, hint: 'Separate tags with commas.', errorId: ref(e.tags) })}
            ${dateField({ id: 'edit-review', name: 'reviewDate', label: 'Review date', value: form.values.reviewDate, hint: 'When this page should next be checked. Optional.', errorId: ref(e.reviewDate) })}
          </div>
          ${contentField('edit-content', form.values.content, ref(e.content))}
          ${textField({ id: 'edit-note', name: 'note', label: 'Change note', value: form.values.note, placeholder: 'What did you change?', hint: 'Optional. Shown in the page history.', maxLength: 200, errorId: ref(e.note) })}
          <div class="form-actions"><a class="button ghost" href="/pages/${page.id}">Cancel</a><button type="submit" class="button primary">${icon('check')}Save page</button></div>
        </form>
      </section>
      <aside>${HELP}</aside>
    </div>`;
  return layout(store, { title: `Edit ${page.title}`, section: 'none', pageId: page.id, flash, body });
}
