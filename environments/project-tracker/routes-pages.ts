import type { AppRequest, AppResponse } from '../kit/http-types.js';
import { htmlResponse } from '../kit/http-types.js';
import { isTaskStatus } from './model.js';
import { SORT_KEYS, type SortKey, type TaskListQuery } from './queries.js';
import { renderDashboard } from './render/dashboard.js';
import { renderPeople, renderPerson, renderNotFound } from './render/people.js';
import { renderProjectBoard } from './render/project-board.js';
import { EMPTY_TASK_FORM } from './render/project-tasks.js';
import { renderProjectTasks } from './render/project-tasks.js';
import { renderProjects } from './render/projects.js';
import { renderSearch } from './render/search.js';
import { renderTaskDetail } from './render/task-detail.js';
import type { TrackerStore } from './store.js';

export function notFound(store: TrackerStore, what = 'Page'): AppResponse {
  return htmlResponse(renderNotFound(store, what), 404);
}

export function dashboardPage(store: TrackerStore, request: AppRequest): AppResponse {
  return htmlResponse(renderDashboard(store, request.flash));
}

export function projectsPage(store: TrackerStore, request: AppRequest): AppResponse {
  return htmlResponse(renderProjects(store, request.flash));
}

/** Reads ?status=&assignee=&sort=&dir=&page= leniently: unknown values fall back to defaults. */
export function parseListQuery(params: URLSearchParams): { query: TaskListQuery; page: number } {
  const status = params.get('status') ?? '';
  const assignee = params.get('assignee') ?? '';
  const sort = params.get('sort') ?? 'due';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const validSort = (SORT_KEYS as readonly string[]).includes(sort);
  return {
    query: {
      status: isTaskStatus(status) ? status : undefined,
      assignee: assignee === 'none' ? 'none' : /^\d+$/.test(assignee) ? Number(assignee) : undefined,
      sort: validSort ? (sort as SortKey) : 'due',
      direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    },
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function projectPage(store: TrackerStore, request: AppRequest, projectId: number): AppResponse {
  const project = store.project(projectId);
  if (project === undefined) return notFound(store, 'Project');
  const { query, page } = parseListQuery(request.url.searchParams);
  return htmlResponse(renderProjectTasks(store, project, { query, page, form: EMPTY_TASK_FORM, flash: request.flash }));
}

export function boardPage(store: TrackerStore, request: AppRequest, projectId: number): AppResponse {
  const project = store.project(projectId);
  if (project === undefined) return notFound(store, 'Project');
  return htmlResponse(renderProjectBoard(store, project, request.flash));
}

export function taskPage(store: TrackerStore, request: AppRequest, taskId: number): AppResponse {
  const task = store.task(taskId);
  if (task === undefined) return notFound(store, 'Task');
  return htmlResponse(renderTaskDetail(store, task, { flash: request.flash }));
}

export function searchPage(store: TrackerStore, request: AppRequest): AppResponse {
  return htmlResponse(renderSearch(store, request.url.searchParams.get('q') ?? '', request.flash));
}

export function peoplePage(store: TrackerStore, request: AppRequest): AppResponse {
  return htmlResponse(renderPeople(store, request.flash));
}

export function personPage(store: TrackerStore, request: AppRequest, personId: number): AppResponse {
  const person = store.person(personId);
  if (person === undefined) return notFound(store, 'Person');
  return htmlResponse(renderPerson(store, person, request.flash));
}
