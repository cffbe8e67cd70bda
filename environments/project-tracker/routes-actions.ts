import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { STATUS_LABELS, isTaskStatus } from './model.js';
import { notFound, parseListQuery } from './routes-pages.js';
import { renderProjectTasks } from './render/project-tasks.js';
import { renderProjects } from './render/projects.js';
import { renderTaskDetail } from './render/task-detail.js';
import type { TrackerStore } from './store.js';
import { parseProjectForm, parseTaskForm, safeReturnPath } from './validation.js';
import { PROJECT_COLORS } from './vocabulary-people.js';

const UNPROCESSABLE = 422;
const COMMENT_MAX_LENGTH = 2000;

export function createProject(store: TrackerStore, request: AppRequest): AppResponse {
  const result = parseProjectForm(store, request.form);
  if (!result.ok) {
    const values = {
      name: request.form.get('name') ?? '',
      key: request.form.get('key') ?? '',
      description: request.form.get('description') ?? '',
      leadId: request.form.get('leadId') ?? '',
    };
    return htmlResponse(renderProjects(store, undefined, { values, errors: result.errors }), UNPROCESSABLE);
  }
  const used = new Set(store.projects.map((project) => project.color));
  const color = PROJECT_COLORS.find((candidate) => !used.has(candidate)) ?? PROJECT_COLORS[store.projects.length % PROJECT_COLORS.length]!;
  const project = store.createProject(result.value, color);
  return redirect(`/projects/${project.id}`, `Project ${quoted(project.name)} created`);
}

export function createTask(store: TrackerStore, request: AppRequest, projectId: number): AppResponse {
  const project = store.project(projectId);
  if (project === undefined) return notFound(store, 'Project');
  const result = parseTaskForm(store, request.form, { status: 'todo', description: '' });
  if (!result.ok) {
    const values = {
      title: request.form.get('title') ?? '',
      assigneeId: request.form.get('assigneeId') ?? '',
      priority: request.form.get('priority') ?? 'medium',
      dueDate: request.form.get('dueDate') ?? '',
    };
    const { query, page } = parseListQuery(new URLSearchParams());
    const html = renderProjectTasks(store, project, { query, page, form: { values, errors: result.errors }, flash: undefined });
    return htmlResponse(html, UNPROCESSABLE);
  }
  const task = store.createTask(project.id, result.value);
  return redirect(`/projects/${project.id}`, `Task ${quoted(task.title)} created`);
}

export function updateTask(store: TrackerStore, request: AppRequest, taskId: number): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  const result = parseTaskForm(store, request.form, { status: task.status, description: task.description });
  if (!result.ok) {
    const values = {
      title: request.form.get('title') ?? '',
      description: request.form.get('description') ?? task.description,
      status: request.form.get('status') ?? task.status,
      priority: request.form.get('priority') ?? task.priority,
      assigneeId: request.form.get('assigneeId') ?? '',
      dueDate: request.form.get('dueDate') ?? '',
    };
    return htmlResponse(renderTaskDetail(store, task, { flash: undefined, details: { values, errors: result.errors } }), UNPROCESSABLE);
  }
  store.updateTask(task, result.value);
  return redirect(`/tasks/${task.id}`, `Task ${quoted(task.title)} updated`);
}

/** The row checkbox: checked marks the task done, unchecked reopens it as To do. */
export function completeTask(store: TrackerStore, request: AppRequest, taskId: number): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  const done = request.form.get('done') === 'on';
  store.setStatus(task, done ? 'done' : task.status === 'done' ? 'todo' : task.status);
  const back = safeReturnPath(request.form.get('return'), `/projects/${task.projectId}`);
  return redirect(back, `Task ${quoted(task.title)} ${done ? 'marked done' : 'reopened'}`);
}

export function moveTask(store: TrackerStore, request: AppRequest, taskId: number): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  const status = request.form.get('status') ?? '';
  const back = safeReturnPath(request.form.get('return'), `/projects/${task.projectId}/board`);
  if (!isTaskStatus(status)) return redirect(back, 'Choose a valid status');
  store.setStatus(task, status);
  return redirect(back, `Task ${quoted(task.title)} moved to ${STATUS_LABELS[status]}`);
}

export function archiveTask(store: TrackerStore, request: AppRequest, taskId: number, archived: boolean): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  store.setArchived(task, archived);
  const fallback = archived ? `/projects/${task.projectId}` : `/tasks/${task.id}`;
  const back = safeReturnPath(request.form.get('return'), fallback);
  return redirect(back, `Task ${quoted(task.title)} ${archived ? 'archived' : 'restored'}`);
}

export function deleteTask(store: TrackerStore, taskId: number): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  store.deleteTask(task);
  return redirect(`/projects/${task.projectId}`, `Task ${quoted(task.title)} deleted`);
}

export function addComment(store: TrackerStore, request: AppRequest, taskId: number): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  const body = (request.form.get('body') ?? '').trim();
  const error =
    body === ''
      ? 'Comment cannot be empty'
      : body.length > COMMENT_MAX_LENGTH
        ? `Comment must be at most ${COMMENT_MAX_LENGTH} characters`
        : undefined;
  if (error !== undefined) {
    return htmlResponse(renderTaskDetail(store, task, { flash: undefined, comment: { body, error } }), UNPROCESSABLE);
  }
  store.addComment(task, body);
  return redirect(`/tasks/${task.id}#comments-heading`, 'Comment posted');
}
