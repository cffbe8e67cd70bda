import { formatDate, formatDateTime, formatRelative } from '../clock.js';
import { html, quoted } from '../../kit/html.js';
import type { Task } from '../model.js';
import type { TrackerStore } from '../store.js';
import {
  PRIORITY_OPTIONS,
  STATUS_OPTIONS,
  avatar,
  dateField,
  dueDate,
  formErrors,
  labelChips,
  peopleOptions,
  personChip,
  priorityBadge,
  selectField,
  statusBadge,
  textField,
  textareaField,
} from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export interface TaskDetailsFormState {
  values: { title: string; description: string; status: string; priority: string; assigneeId: string; dueDate: string };
  errors: { title?: string; status?: string; priority?: string; assigneeId?: string; dueDate?: string };
}

export interface CommentFormState {
  body: string;
  error?: string;
}

export function taskDetailsForm(task: Task): TaskDetailsFormState {
  return {
    values: {
      title: task.title,
      description: task.description,
      status: task.status,
      priority: task.priority,
      assigneeId: task.assigneeId === null ? '' : String(task.assigneeId),
      dueDate: task.dueDate ?? '',
    },
    errors: {},
  };
}

export interface TaskDetailView {
  flash: string | undefined;
  details?: TaskDetailsFormState;
  comment?: CommentFormState;
}

export function renderTaskDetail(store: TrackerStore, task: Task, view: TaskDetailView): string {
  const project = store.project(task.projectId)!;
  const details = view.details ?? taskDetailsForm(task);
  const comment = view.comment ?? { body: '' };
  const comments = store.commentsFor(task.id);
  const reporter = store.person(task.reporterId)!;
  const detailErrorId = 'task-details-errors';
  const e = details.errors;
  const detailMessages = [e.title, e.status, e.priority, e.assigneeId, e.dueDate].filter((error): error is string => Boolean(error));
  const errorRef = (error: string | undefined) => (error ? detailErrorId : undefined);

  const archivedBanner = task.archived
    ? html`<div class="banner">${icon('archive')}<p>This task is archived and hidden from the project's lists.</p>
        <form method="post" action="/tasks/${task.id}/restore"><button type="submit" class="button small">${icon('restore')}Restore task</button></form></div>`
    : '';

  const commentItems = comments.map((entry) => {
    const author = store.person(entry.authorId)!;
    return html`<li class="comment">${avatar(author, 'md')}<div class="comment-body">
      <p class="comment-head"><span class="strong">${author.name}</span><time class="meta" datetime="${entry.createdAt}" title="${formatDateTime(entry.createdAt)}">${formatRelative(entry.createdAt, store.now())}</time></p>
      <p>${entry.body}</p></div></li>`;
  });

  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/projects">Projects</a></li><li><a href="/projects/${project.id}">${project.name}</a></li><li aria-current="page">${store.taskKey(task)}</li></ol></nav>
    ${archivedBanner}
    <div class="page-header">
      <div>
        <h1>${task.title}</h1>
        <p class="subtitle task-meta"><span class="task-key">${store.taskKey(task)}</span>${statusBadge(task.status)}${priorityBadge(task.priority)}<span>Due ${dueDate(task)}</span></p>
      </div>
      <div class="page-actions"><button type="button" class="button danger-outline" data-open-dialog="delete-dialog">${icon('trash')}Delete task</button></div>
    </div>
    <div class="detail-grid">
      <div class="detail-main">
        <section class="card" aria-labelledby="details-heading">
          <div class="card-header"><h2 id="details-heading">Details</h2><span class="meta">Updated ${formatRelative(task.updatedAt, store.now())}</span></div>
          <form method="post" action="/tasks/${task.id}" aria-label="Task details" class="stack card-body" novalidate>
            ${formErrors(detailErrorId, detailMessages)}
            ${textField({ id: 'task-title', name: 'title', label: 'Title', value: details.values.title, maxLength: 200, errorId: errorRef(e.title) })}
            ${textareaField({ id: 'task-description', name: 'description', label: 'Description', value: details.values.description, rows: 3 })}
            <div class="field-grid">
              ${selectField({ id: 'task-status', name: 'status', label: 'Status', options: STATUS_OPTIONS, selected: details.values.status, errorId: errorRef(e.status) })}
              ${selectField({ id: 'task-priority', name: 'priority', label: 'Priority', options: PRIORITY_OPTIONS, selected: details.values.priority, errorId: errorRef(e.priority) })}
              ${selectField({ id: 'task-assignee', name: 'assigneeId', label: 'Assignee', options: peopleOptions(store.people, 'Unassigned'), selected: details.values.assigneeId, errorId: errorRef(e.assigneeId) })}
              ${dateField({ id: 'task-due', name: 'dueDate', label: 'Due date', value: details.values.dueDate, errorId: errorRef(e.dueDate) })}
            </div>
            <div class="form-actions"><button type="submit" class="button primary">Save changes</button></div>
          </form>
        </section>
        <section class="card" aria-labelledby="comments-heading">
          <div class="card-header"><h2 id="comments-heading">Comments <span class="count">${comments.length}</span></h2></div>
          <div class="card-body">
            ${comments.length === 0 ? html`<p class="muted">No comments yet. Start the conversation.</p>` : html`<ol class="comments">${commentItems}</ol>`}
            <form method="post" action="/tasks/${task.id}/comments" aria-label="Add comment" class="comment-form" novalidate>
              ${formErrors('comment-errors', comment.error ? [comment.error] : [])}
              ${textareaField({ id: 'comment-body', name: 'body', label: 'Comment', value: comment.body, rows: 3, placeholder: 'Write a comment…', errorId: comment.error ? 'comment-errors' : undefined })}
              <div class="form-actions"><button type="submit" class="button primary">${icon('message')}Post comment</button></div>
            </form>
          </div>
        </section>
      </div>
      <aside class="detail-side" aria-label="Task summary">
        <section class="card" aria-labelledby="about-heading">
          <div class="card-header"><h2 id="about-heading">About this task</h2></div>
          <dl class="facts">
            <div><dt>Project</dt><dd><a href="/projects/${project.id}"><span class="swatch" style="background:${project.color}" aria-hidden="true"></span>${project.name}</a></dd></div>
            <div><dt>Assignee</dt><dd>${personChip(store.person(task.assigneeId), true)}</dd></div>
            <div><dt>Reporter</dt><dd>${personChip(reporter, true)}</dd></div>
            <div><dt>Due date</dt><dd>${task.dueDate === null ? 'None' : formatDate(task.dueDate)}</dd></div>
            <div><dt>Created</dt><dd>${formatDateTime(task.createdAt)}</dd></div>
            <div><dt>Labels</dt><dd>${task.labels.length === 0 ? html`<span class="muted">None</span>` : labelChips(task.labels)}</dd></div>
          </dl>
        </section>
      </aside>
    </div>
    <dialog id="delete-dialog" class="dialog" aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-text">
      <h2 id="delete-dialog-title">Delete this task?</h2>
      <p id="delete-dialog-text">${quoted(task.title)}${comments.length > 0 ? ` and its ${comments.length} comment${comments.length === 1 ? '' : 's'}` : ''} will be permanently deleted. This cannot be undone.</p>
      <form method="post" action="/tasks/${task.id}/delete" class="dialog-actions">
        <button type="button" class="button" data-close-dialog>Cancel</button>
        <button type="submit" class="button danger">Delete</button>
      </form>
    </dialog>`;
  return layout(store, { title: `${task.title} · ${project.name}`, section: 'projects', projectId: project.id, flash: view.flash, body });
}
