import { html, quoted } from '../../kit/html.js';
import { STATUS_LABELS, TASK_STATUSES, type Project } from '../model.js';
import { byUrgency, projectTasks } from '../queries.js';
import type { TrackerStore } from '../store.js';
import { STATUS_OPTIONS, avatar, dueDate, options, priorityBadge, returnInput } from './components.js';
import { layout } from './layout.js';
import { projectHeader } from './project-header.js';

/** Kanban view: one column per status; each card can be moved with its status select. */
export function renderProjectBoard(store: TrackerStore, project: Project, flash: string | undefined): string {
  const tasks = projectTasks(store, project.id).sort(byUrgency);
  const returnTo = `/projects/${project.id}/board`;
  const columns = TASK_STATUSES.map((status) => {
    const cards = tasks.filter((task) => task.status === status);
    const headingId = `column-${status.replace('_', '-')}`;
    return html`<section class="board-column column-${status.replace('_', '-')}" aria-labelledby="${headingId}">
      <header class="column-header"><h2 id="${headingId}"><span class="dot" aria-hidden="true"></span>${STATUS_LABELS[status]}</h2><span class="count">${cards.length}<span class="visually-hidden"> tasks</span></span></header>
      ${
        cards.length === 0
          ? html`<p class="column-empty">No tasks</p>`
          : html`<ul class="board-cards">${cards.map((task) => {
              const assignee = store.person(task.assigneeId);
              return html`<li class="board-card">
              <div class="board-card-top"><span class="task-key">${store.taskKey(task)}</span>${priorityBadge(task.priority)}</div>
              <a class="board-card-title" href="/tasks/${task.id}">${task.title}</a>
              <div class="board-card-meta">${dueDate(task)}${assignee ? avatar(assignee, 'sm', true) : html`<span class="avatar avatar-sm avatar-empty" role="img" aria-label="Unassigned" title="Unassigned">?</span>`}</div>
              <form method="post" action="/tasks/${task.id}/status" class="board-card-move">${returnInput(returnTo)}<select name="status" class="select-small" aria-label="Status of ${quoted(task.title)}" data-autosubmit>${options(STATUS_OPTIONS, task.status)}</select></form>
            </li>`;
            })}</ul>`
      }
    </section>`;
  });
  const body = html`
    ${projectHeader(store, project, 'board')}
    <div class="board">${columns}</div>`;
  return layout(store, { title: `${project.name} board`, section: 'projects', projectId: project.id, flash, body });
}
