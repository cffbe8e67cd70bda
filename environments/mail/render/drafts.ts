import { formatFullDate, formatListDate } from '../clock.js';
import { html, quoted } from '../../kit/html.js';
import type { Draft } from '../model.js';
import type { MailStore } from '../store.js';
import { confirmDialog, emptyState, pageHeader, pager } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { PAGE_SIZE } from './message-list.js';

export function draftTitle(draft: Draft): string {
  return draft.subject === '' ? '(no subject)' : draft.subject;
}

export function renderDrafts(store: MailStore, page: number, flash: string | undefined): string {
  const drafts = [...store.drafts].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id));
  const pageCount = Math.max(1, Math.ceil(drafts.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const visible = drafts.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  const rows = visible.map((draft) => {
    const title = draftTitle(draft);
    const snippet = draft.body.replace(/\s+/g, ' ').slice(0, 70);
    return html`<tr>
      <td class="col-to">${draft.to === '' ? html`<span class="muted">(no recipient)</span>` : html`<span class="draft-to">${store.contactName(draft.to)}</span>`}</td>
      <td class="col-subject"><span class="draft-tag" aria-hidden="true">Draft</span><a class="subject-link" href="/compose?draft=${draft.id}">${title}</a></td>
      <td class="col-snippet"><span class="muted">${snippet === '' ? '(empty)' : `${snippet}${draft.body.length > 70 ? '…' : ''}`}</span></td>
      <td class="col-date"><time datetime="${draft.updatedAt}" title="${formatFullDate(draft.updatedAt)}">${formatListDate(draft.updatedAt)}</time></td>
      <td class="col-actions"><button type="button" class="button ghost small row-action" data-open-dialog="delete-draft-${draft.id}" aria-label="Delete ${quoted(title)}" title="Delete draft">${icon('trash')}<span aria-hidden="true">Delete</span></button>
        ${confirmDialog({ id: `delete-draft-${draft.id}`, title: 'Delete this draft?', text: `The draft ${quoted(title)} will be deleted. This cannot be undone.`, action: `/drafts/${draft.id}/delete`, confirm: 'Delete' })}</td>
    </tr>`;
  });

  const table =
    visible.length === 0
      ? emptyState('No drafts', 'Messages you save with “Save draft” show up here.')
      : html`<table class="table mail-table drafts-table">
          <caption class="visually-hidden">Drafts</caption>
          <thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Message</th><th scope="col">Last edited</th><th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${rows}</tbody>
        </table>`;
  const body = html`
    ${pageHeader('Drafts', `${drafts.length} draft${drafts.length === 1 ? '' : 's'} saved`, html`<a class="button primary" href="/compose">${icon('pencil')}Compose</a>`)}
    <div class="card table-card">
      ${table}
      ${pager((target) => (target > 1 ? `/drafts?page=${target}` : '/drafts'), current, pageCount, drafts.length, PAGE_SIZE, 'drafts')}
    </div>`;
  return layout(store, { title: 'Drafts', section: { mailbox: 'drafts' }, flash, body });
}
