import { html, quoted, type SafeHtml } from '../../kit/html.js';
import type { Project, Task } from '../model.js';
import { filterAndSortTasks, projectTasks, type SortKey, type TaskListQuery } from '../queries.js';
import type { TrackerStore } from '../store.js';
import {
  PRIORITY_OPTIONS,
  STATUS_OPTIONS,
  dateField,
  dueDate,
  emptyState,
  formErrors,
  labelChips,
  peopleOptions,
  personChip,
  priorityBadge,
  returnInput,
  selectField,
  statusBadge,
  textField,
} from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';
import { projectHeader } from './project-header.js';

export const PAGE_SIZE = 15;

export interface TaskFormState {
  values: { title: string; assigneeId: string; priority: string; dueDate: string };
  errors: { title?: string; assigneeId?: string; priority?: string; dueDate?: string };
}

export const EMPTY_TASK_FORM: TaskFormState = { values: { title: '', assigneeId: '', priority: 'medium', dueDate: '' }, errors: {} };

export interface ProjectListView {
  query: TaskListQuery;
  page: number;
  form: TaskFormState;
  flash: string | undefined;
}

const COLUMNS: ReadonlyArray<readonly [SortKey, string]> = [
  ['title', 'Title'],
  ['status', 'Status'],
  ['assignee', 'Assignee'],
  ['due', 'Due date'],
  ['priority', 'Priority'],
];

/** The query string for this view with some parameters replaced; defaults are left out. */
function listHref(project: Project, query: TaskListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.assignee !== undefined) params.set('assignee', String(query.assignee));
  if (query.sort !== 'due' || query.direction !== 'asc') {
    params.set('sort', query.sort);
    params.set('dir', query.direction);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/projects/${project.id}${search ? `?${search}` : ''}`;
}

export function renderProjectTasks(store: TrackerStore, project: Project, view: ProjectListView): string {
  const { query } = view;
  const tasks = filterAndSortTasks(store, projectTasks(store, project.id), query);
  const pageCount = Math.max(1, Math.ceil(tasks.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pageCount);
  const visible = tasks.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const here = listHref(project, query, page);
  const filtered = query.status !== undefined || query.assignee !== undefined;

  const header = (key: SortKey, label: string): SafeHtml => {
    const active = query.sort === key;
    const nextDirection = active ? (query.direction === 'asc' ? 'desc' : 'asc') : key === 'priority' ? 'desc' : 'asc';
    const ariaSort = active ? html` aria-sort="${query.direction === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = active ? (query.direction === 'asc' ? '↑' : '↓') : '↕';
    return html`<th scope="col"${ariaSort}><a class="sort-link${active ? ' active' : ''}" href="${listHref(project, { ...query, sort: key, direction: nextDirection }, 1)}">${label}<span class="sort-arrow" aria-hidden="true">${arrow}</span></a></th>`;
  };

  const rows = visible.map((task) => taskRow(store, task, here));
  const table =
    visible.length === 0
      ? emptyState(
          filtered ? 'No tasks match these filters' : 'No tasks yet',
          filtered ? 'Try another status or assignee.' : 'Add the first task with the form above.',
        )
      : html`<table class="table tasks-table">
          <caption class="visually-hidden">Tasks in ${project.name}</caption>
          <thead><tr><th scope="col" class="col-check"><span class="visually-hidden">Done</span></th>${COLUMNS.map(([key, label]) => header(key, label))}<th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${rows}</tbody>
        </table>`;

  const first = tasks.length === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, tasks.length);
  const pager = html`<nav aria-label="Pagination" class="pagination">
    <p class="meta">Showing ${first}–${last} of ${tasks.length} tasks</p>
    <div class="pager">
      ${page > 1 ? html`<a class="button small" href="${listHref(project, query, page - 1)}">${icon('chevronLeft')}Previous page</a>` : html`<span class="button small disabled" aria-hidden="true">${icon('chevronLeft')}Previous</span>`}
      <span class="page-of">Page ${page} of ${pageCount}</span>
      ${page < pageCount ? html`<a class="button small" href="${listHref(project, query, page + 1)}">Next page${icon('chevronRight')}</a>` : html`<span class="button small disabled" aria-hidden="true">Next${icon('chevronRight')}</span>`}
    </div>
  </nav>`;

  const body = html`
    ${projectHeader(store, project, 'list')}
    ${newTaskForm(store, project, view.form)}
    <div class="card table-card">
      ${filterForm(store, project, query)}
      ${table}
      ${pager}
    </div>`;
  return layout(store, { title: project.name, section: 'projects', projectId: project.id, flash: view.flash, body });
}

function taskRow(store: TrackerStore, task: Task, returnTo: string): SafeHtml {
  const done = task.status === 'done';
  return html`<tr${done ? html` class="is-done"` : ''}>
    <td class="col-check"><form method="post" action="/tasks/${task.id}/complete">${returnInput(returnTo)}<input type="checkbox" class="checkbox" name="done" value="on" aria-label="Mark ${quoted(task.title)} done" data-autosubmit${done ? html` checked` : ''}></form></td>
    <td class="col-title"><a class="task-link" href="/tasks/${task.id}">${task.title}</a><span class="task-sub"><span class="task-key">${store.taskKey(task)}</span>${labelChips(task.labels)}</span></td>
    <td>${statusBadge(task.status)}</td>
    <td>${personChip(store.person(task.assigneeId))}</td>
    <td>${dueDate(task)}</td>
    <td>${priorityBadge(task.priority)}</td>
    <td class="col-actions"><form method="post" action="/tasks/${task.id}/archive">${returnInput(returnTo)}<button type="submit" class="button ghost small" aria-label="Archive ${quoted(task.title)}">${icon('archive')}Archive</button></form></td>
  </tr>`;
}

function newTaskForm(store: TrackerStore, project: Project, form: TaskFormState): SafeHtml {
  const errorId = 'new-task-errors';
  const errors = form.errors;
  const messages = [errors.title, errors.assigneeId, errors.priority, errors.dueDate].filter((error): error is string => Boolean(error));
  return html`<section class="card quick-add" aria-labelledby="new-task-heading">
    <h2 id="new-task-heading" class="card-title">${icon('plus')}New task</h2>
    <form method="post" action="/projects/${project.id}/tasks" aria-label="New task" class="inline-form" novalidate>
      ${formErrors(errorId, messages)}
      <div class="inline-fields">
        ${textField({ id: 'new-task-title', name: 'title', label: 'Title', value: form.values.title, placeholder: 'What needs to be done?', maxLength: 200, className: 'grow', errorId: errors.title ? errorId : undefined })}
        ${selectField({ id: 'new-task-assignee', name: 'assigneeId', label: 'Assignee', options: peopleOptions(store.people, 'Unassigned'), selected: form.values.assigneeId, errorId: errors.assigneeId ? errorId : undefined })}
        ${selectField({ id: 'new-task-priority', name: 'priority', label: 'Priority', options: PRIORITY_OPTIONS, selected: form.values.priority, errorId: errors.priority ? errorId : undefined })}
        ${dateField({ id: 'new-task-due', name: 'dueDate', label: 'Due date', value: form.values.dueDate, errorId: errors.dueDate ? errorId : undefined })}
        <button type="submit" class="button primary">Add task</button>
      </div>
    </form>
  </section>`;
}

function filterForm(store: TrackerStore, project: Project, query: TaskListQuery): SafeHtml {
  const filtered = query.status !== undefined || query.assignee !== undefined;
  const sortInputs =
    query.sort !== 'due' || query.direction !== 'asc'
      ? html`<input type="hidden" name="sort" value="${query.sort}"><input type="hidden" name="dir" value="${query.direction}">`
      : '';
  return html`<form method="get" action="/projects/${project.id}" aria-label="Filter tasks" class="filter-bar">
    ${sortInputs}
    ${selectField({ id: 'filter-status', name: 'status', label: 'Status', ariaLabel: 'Filter by status', options: [{ value: '', label: 'All statuses' }, ...STATUS_OPTIONS], selected: query.status ?? '' })}
    ${selectField({ id: 'filter-assignee', name: 'assignee', label: 'Assignee', ariaLabel: 'Filter by assignee', options: [{ value: '', label: 'Everyone' }, { value: 'none', label: 'Unassigned' }, ...peopleOptions(store.people, undefined)], selected: query.assignee === undefined ? '' : String(query.assignee) })}
    <button type="submit" class="button">Apply filters</button>
    ${filtered ? html`<a class="clear-link" href="/projects/${project.id}">Clear filters</a>` : ''}
  </form>`;
}
