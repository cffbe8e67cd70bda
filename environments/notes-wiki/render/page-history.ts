import { html, quoted, type SafeHtml } from '../../kit/html.js';
import { formatDateTime } from '../clock.js';
import { diffLines } from '../diff.js';
import { renderMarkdown } from '../markdown.js';
import type { Page, Version } from '../model.js';
import { linkResolver } from '../queries.js';
import type { WikiStore } from '../store.js';
import { personChip } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { pageChrome } from './page-chrome.js';

function restoreButton(page: Page, version: Version): SafeHtml {
  return html`<button type="button" class="button small" data-open-dialog="restore-dialog-${version.version}" aria-label="Restore ${quoted(`${page.title} v${version.version}`)}">${icon('restore')}Restore</button>`;
}

function restoreDialog(store: WikiStore, page: Page, version: Version): SafeHtml {
  const editor = store.person(version.editorId);
  return html`<dialog id="restore-dialog-${version.version}" class="dialog" aria-labelledby="restore-title-${version.version}" aria-describedby="restore-text-${version.version}">
    <h2 id="restore-title-${version.version}">Restore version ${version.version}?</h2>
    <p id="restore-text-${version.version}">${quoted(page.title)} will go back to version ${version.version}, saved by ${editor?.name ?? 'someone'} on ${formatDateTime(version.editedAt)}. The current text stays in the history as v${page.version}.</p>
    <form method="post" action="/pages/${page.id}/restore" class="dialog-actions">
      <input type="hidden" name="version" value="${version.version}">
      <button type="button" class="button" data-close-dialog>Cancel</button>
      <button type="submit" class="button primary">Confirm</button>
    </form>
  </dialog>`;
}

export function renderHistory(store: WikiStore, page: Page, flash: string | undefined): string {
  const versions = store.history(page.id);
  const rows = versions.map(
    (version) => html`<tr${version.version === page.version ? html` class="is-current"` : ''}>
    <td><a class="version-link" href="/pages/${page.id}/versions/${version.version}">v${version.version}</a>${version.version === page.version ? html` <span class="pill">Current</span>` : ''}</td>
    <td>${personChip(store.person(version.editorId))}</td>
    <td><time datetime="${version.editedAt}">${formatDateTime(version.editedAt)}</time></td>
    <td class="summary-cell">${version.summary}</td>
    <td class="col-actions">${version.version === page.version ? html`<span class="meta">Latest</span>` : restoreButton(page, version)}</td>
  </tr>`,
  );
  const body = html`
    ${pageChrome(store, page, 'history', `/pages/${page.id}/history`)}
    <section class="card table-card" aria-labelledby="history-heading">
      <div class="card-header"><h2 id="history-heading">Version history <span class="count">${versions.length}</span></h2><span class="meta">Restoring a version saves it as a new version; nothing is lost.</span></div>
      <table class="table">
        <caption class="visually-hidden">Versions of ${page.title}</caption>
        <thead><tr><th scope="col">Version</th><th scope="col">Edited by</th><th scope="col">Date</th><th scope="col">Summary</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${rows}</tbody>
      </table>
    </section>
    ${versions.filter((version) => version.version !== page.version).map((version) => restoreDialog(store, page, version))}`;
  return layout(store, { title: `History of ${page.title}`, section: 'none', pageId: page.id, flash, body });
}

export function renderVersion(store: WikiStore, page: Page, version: Version, flash?: string): string {
  const previous = store.history(page.id).find((entry) => entry.version < version.version);
  const changes = diffLines(previous?.content ?? '', version.content).filter((line) => line.kind !== 'same' && line.text.trim() !== '');
  const current = version.version === page.version;
  const editor = store.person(version.editorId);
  const body = html`
    ${pageChrome(store, page, 'history', `/pages/${page.id}/versions/${version.version}`, `${page.title} v${version.version}`)}
    <div class="banner info">${icon('history')}<p>${current ? 'This is the current version' : `You are viewing version ${version.version} of ${page.version}`}, saved by ${editor?.name ?? 'someone'} on ${formatDateTime(version.editedAt)}: <span class="strong">${version.summary}</span></p>
      ${current ? '' : restoreButton(page, version)}</div>
    <div class="doc-grid">
      <article class="card doc" aria-label="Version content"><h2 class="visually-hidden">Content of version ${version.version}</h2>${version.content === '' ? html`<p class="muted">This version is empty.</p>` : html`<div class="prose">${renderMarkdown(version.content, linkResolver(store)).html}</div>`}</article>
      <aside class="doc-side" aria-label="Changes">
        <section class="card side-card" aria-labelledby="changes-heading">
          <h2 id="changes-heading" class="side-title">${previous ? `Changes from v${previous.version}` : 'First version'}</h2>
          ${
            changes.length === 0
              ? html`<p class="muted">No text changes.</p>`
              : html`<ul class="diff">${changes.slice(0, 40).map((line) => html`<li class="diff-${line.kind}"><span class="visually-hidden">${line.kind === 'added' ? 'Added: ' : 'Removed: '}</span><span aria-hidden="true">${line.kind === 'added' ? '+' : '−'}</span> ${line.text}</li>`)}</ul>`
          }
          <p><a href="/pages/${page.id}/history">${icon('chevronLeft')}Back to history</a></p>
        </section>
      </aside>
    </div>
    ${current ? '' : restoreDialog(store, page, version)}`;
  return layout(store, { title: `${page.title} v${version.version}`, section: 'none', pageId: page.id, flash, body });
}
