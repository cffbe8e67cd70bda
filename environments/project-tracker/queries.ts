import { TODAY, currentWeek } from './clock.js';
import { TASK_PRIORITIES, TASK_STATUSES, type Comment, type Project, type Task, type TaskCounts, type TaskStatus } from './model.js';
import type { TrackerStore } from './store.js';

export const SORT_KEYS = ['title', 'status', 'assignee', 'due', 'priority'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface TaskListQuery {
  status: TaskStatus | undefined;
  /** A person's id, 'none' for unassigned, or undefined for everyone. */
  assignee: number | 'none' | undefined;
  sort: SortKey;
  direction: SortDirection;
}

export function isOpen(task: Task): boolean {
  return task.status !== 'done';
}

export function isOverdue(task: Task): boolean {
  return isOpen(task) && task.dueDate !== null && task.dueDate < TODAY;
}

/** Live (not archived) tasks of a project. */
export function projectTasks(store: TrackerStore, projectId: number): Task[] {
  return store.tasks.filter((task) => task.projectId === projectId && !task.archived);
}

export function countTasks(tasks: readonly Task[]): TaskCounts {
  const done = tasks.filter((task) => task.status === 'done').length;
  return { total: tasks.length, open: tasks.length - done, done };
}

export function filterAndSortTasks(store: TrackerStore, tasks: readonly Task[], query: TaskListQuery): Task[] {
  const filtered = tasks.filter(
    (task) =>
      (query.status === undefined || task.status === query.status) &&
      (query.assignee === undefined || (query.assignee === 'none' ? task.assigneeId === null : task.assigneeId === query.assignee)),
  );
  const compare = comparator(store, query.sort);
  const sign = query.direction === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => sign * compare(a, b) || a.id - b.id);
}

function comparator(store: TrackerStore, sort: SortKey): (a: Task, b: Task) => number {
  switch (sort) {
    case 'title':
      return (a, b) => a.title.localeCompare(b.title, 'en');
    case 'status':
      return (a, b) => TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status);
    case 'priority':
      return (a, b) => TASK_PRIORITIES.indexOf(a.priority) - TASK_PRIORITIES.indexOf(b.priority);
    case 'assignee':
      return (a, b) => (store.person(a.assigneeId)?.name ?? '\uffff').localeCompare(store.person(b.assigneeId)?.name ?? '\uffff', 'en');
    case 'due':
      return (a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31');
  }
}

/** Open tasks first, by due date; then finished ones. */
export function byUrgency(a: Task, b: Task): number {
  if (isOpen(a) !== isOpen(b)) return isOpen(a) ? -1 : 1;
  return (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.id - b.id;
}

export interface WorkSummary {
  open: number;
  dueThisWeek: number;
  overdue: number;
  completed: number;
  upcoming: Task[];
}

/** The dashboard's numbers for one person's live tasks. */
export function summarizeWork(store: TrackerStore, personId: number): WorkSummary {
  const mine = store.tasks.filter((task) => task.assigneeId === personId && !task.archived);
  const open = mine.filter(isOpen);
  const week = currentWeek();
  return {
    open: open.length,
    dueThisWeek: open.filter((task) => task.dueDate !== null && task.dueDate >= TODAY && task.dueDate <= week.end).length,
    overdue: open.filter(isOverdue).length,
    completed: mine.length - open.length,
    upcoming: [...open].sort(byUrgency),
  };
}

export interface SearchResults {
  tasks: Task[];
  projects: Project[];
  comments: Comment[];
}

/** Case-insensitive substring search over live tasks, projects and comments. */
export function search(store: TrackerStore, query: string): SearchResults {
  const needle = query.trim().toLowerCase();
  if (needle === '') return { tasks: [], projects: [], comments: [] };
  const matches = (...fields: string[]): boolean => fields.some((field) => field.toLowerCase().includes(needle));
  const liveTaskIds = new Set(store.tasks.filter((task) => !task.archived).map((task) => task.id));
  return {
    tasks: store.tasks.filter(
      (task) => !task.archived && matches(task.title, task.description, store.taskKey(task), task.labels.join(' ')),
    ),
    projects: store.projects.filter((project) => matches(project.name, project.key, project.description)),
    comments: store.comments.filter((comment) => liveTaskIds.has(comment.taskId) && matches(comment.body)),
  };
}
