import { html, quoted } from '../../kit/html.js';
import { formatDate } from '../clock.js';
import { INVITATION_STATUS_LABELS, type Invitation } from '../model.js';
import type { CalendarStore } from '../store.js';
import { avatar, emptyState, pageHeader } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export type InvitationTab = 'pending' | 'responded';

export function renderInvitations(store: CalendarStore, tab: InvitationTab, flash: string | undefined): string {
  const pending = store.pendingInvitations().sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const responded = store.invitations
    .filter((invitation) => invitation.status !== 'pending')
    .sort((a, b) => (b.respondedAt ?? '').localeCompare(a.respondedAt ?? ''));
  const rows = tab === 'pending' ? pending : responded;
  const tabLink = (value: InvitationTab, label: string, count: number) =>
    html`<a class="tab" href="/invitations${value === 'pending' ? '' : '?tab=responded'}"${tab === value ? html` aria-current="page"` : ''}>${label}<span class="count">${count}</span></a>`;

  const organizerCell = (invitation: Invitation) => {
    const organizer = store.person(invitation.organizerId);
    return organizer
      ? html`<span class="person">${avatar(organizer)}<span>${organizer.name}</span></span>`
      : html`<span class="muted">Unknown</span>`;
  };
  const titleCell = (invitation: Invitation) =>
    invitation.status === 'accepted' && invitation.eventId !== null
      ? html`<a class="event-link" href="/events/${invitation.eventId}">${invitation.title}</a>`
      : html`<span class="strong">${invitation.title}</span>`;

  const table = html`<table class="table invitations-table">
    <caption class="visually-hidden">${tab === 'pending' ? 'Invitations awaiting your response' : 'Invitations you responded to'}</caption>
    <thead><tr><th scope="col">Event</th><th scope="col">Organizer</th><th scope="col">Date</th><th scope="col">Time</th><th scope="col">Location</th><th scope="col">${tab === 'pending' ? 'Respond' : 'Status'}</th></tr></thead>
    <tbody>${rows.map(
      (invitation) => html`<tr>
        <td class="col-title">${titleCell(invitation)}</td>
        <td>${organizerCell(invitation)}</td>
        <td class="nowrap">${formatDate(invitation.date)}</td>
        <td class="nowrap tabular">${invitation.startTime} – ${invitation.endTime}</td>
        <td>${invitation.location}</td>
        <td class="nowrap">${
          tab === 'pending'
            ? html`<div class="respond">
              <form method="post" action="/invitations/${invitation.id}/accept"><button type="submit" class="button small accept" aria-label="Accept ${quoted(invitation.title)}">${icon('check')}Accept</button></form>
              <form method="post" action="/invitations/${invitation.id}/decline"><button type="submit" class="button small ghost" aria-label="Decline ${quoted(invitation.title)}">${icon('x')}Decline</button></form>
            </div>`
            : html`<span class="badge status-${invitation.status}">${INVITATION_STATUS_LABELS[invitation.status]}</span>`
        }</td>
      </tr>`,
    )}</tbody>
  </table>`;

  const body = html`
    ${pageHeader('Invitations', pending.length === 0 ? 'You are all caught up.' : `${pending.length} invitation${pending.length === 1 ? '' : 's'} waiting for your response`)}
    <nav aria-label="Invitation status" class="tabs">${tabLink('pending', 'Pending', pending.length)}${tabLink('responded', 'Responded', responded.length)}</nav>
    <div class="card table-card">
      ${
        rows.length === 0
          ? emptyState(
              tab === 'pending' ? 'No pending invitations' : 'No responses yet',
              tab === 'pending' ? 'New invitations from your team show up here.' : 'Invitations you accept or decline are listed here.',
            )
          : table
      }
    </div>
    <p class="footnote">${icon('inbox')}Accepted invitations are added to your default calendar with the organizer as an attendee.</p>`;
  return layout(store, {
    title: tab === 'pending' ? 'Invitations' : 'Responded invitations',
    section: 'invitations',
    path: tab === 'pending' ? '/invitations' : '/invitations?tab=responded',
    flash,
    body,
  });
}
