import { html } from '../../kit/html.js';
import type { Page } from '../model.js';
import { pathLabel } from '../queries.js';
import type { WikiStore } from '../store.js';
import { formErrors } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { pageChrome } from './page-chrome.js';
import { parentSelect } from './page-form.js';

export function renderMovePage(store: WikiStore, page: Page, state: { selected: string; error?: string }, flash?: string): string {
  const subtree = store.descendants(page);
  const exclude = new Set([page.id, ...subtree.map((child) => child.id)]);
  const errorId = state.error ? 'move-errors' : undefined;
  const body = html`
    ${pageChrome(store, page, 'move', `/pages/${page.id}/move`)}
    <div class="form-grid">
      <section class="card form-card" aria-labelledby="move-heading">
        <h2 id="move-heading">Move this page</h2>
        <p class="muted">Currently at <span class="strong">${pathLabel(store, page)}</span>.${subtree.length > 0 ? ` Its ${subtree.length} subpage${subtree.length === 1 ? '' : 's'} move with it.` : ''}</p>
        <form method="post" action="/pages/${page.id}/move" aria-label="Move page" class="stack" novalidate>
          ${formErrors('move-errors', state.error ? [state.error] : [])}
          ${parentSelect(store, 'move-parent', 'New parent', state.selected, exclude, errorId)}
          <div class="form-actions"><a class="button ghost" href="/pages/${page.id}">Cancel</a><button type="submit" class="button primary">${icon('move')}Move page</button></div>
        </form>
      </section>
      <aside>
        <section class="card side-card" aria-labelledby="move-help-heading">
          <h2 id="move-help-heading" class="side-title">About moving</h2>
          <p class="muted">Links written as [[${page.title}]] keep working after a move: they point at the title, not the location.</p>
        </section>
      </aside>
    </div>`;
  return layout(store, { title: `Move ${page.title}`, section: 'none', pageId: page.id, flash, body });
}
