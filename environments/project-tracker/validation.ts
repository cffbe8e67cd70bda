import { isValidIsoDate } from './clock.js';
import { isTaskPriority, isTaskStatus, type TaskPriority, type TaskStatus } from './model.js';
import type { NewProjectInput, NewTaskInput } from './store.js';
import type { TrackerStore } from './store.js';

export const TITLE_MAX_LENGTH = 200;

type Result<Value, Errors> = { ok: true; value: Value } | { ok: false; errors: Errors };

export interface TaskFieldErrors {
  title?: string;
  status?: string;
  priority?: string;
  assigneeId?: string;
  dueDate?: string;
}

/** Reads the New task and Task details forms (the latter also sends status and description). */
export function parseTaskForm(
  store: TrackerStore,
  form: URLSearchParams,
  defaults: { status: TaskStatus; description: string },
): Result<NewTaskInput, TaskFieldErrors> {
  const errors: TaskFieldErrors = {};
  const title = (form.get('title') ?? '').trim().replace(/\s+/g, ' ');
  if (title === '') errors.title = 'Title is required';
  else if (title.length > TITLE_MAX_LENGTH) errors.title = `Title must be at most ${TITLE_MAX_LENGTH} characters`;

  const statusValue = form.get('status') ?? defaults.status;
  if (!isTaskStatus(statusValue)) errors.status = 'Choose a valid status';

  const priorityValue = form.get('priority') ?? 'medium';
  if (!isTaskPriority(priorityValue)) errors.priority = 'Choose a valid priority';

  const assigneeValue = (form.get('assigneeId') ?? '').trim();
  let assigneeId: number | null = null;
  if (assigneeValue !== '') {
    const person = store.person(Number(assigneeValue));
    if (person === undefined) errors.assigneeId = 'Choose a valid assignee';
    else assigneeId = person.id;
  }

  const dueValue = (form.get('dueDate') ?? '').trim();
  if (dueValue !== '' && !isValidIsoDate(dueValue)) errors.dueDate = 'Due date must be a valid date';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      status: statusValue as TaskStatus,
      priority: priorityValue as TaskPriority,
      assigneeId,
      dueDate: dueValue === '' ? null : dueValue,
      description: form.has('description') ? (form.get('description') ?? '').trim() : defaults.description,
    },
  };
}

export interface ProjectFieldErrors {
  name?: string;
  key?: string;
  leadId?: string;
}

export function parseProjectForm(store: TrackerStore, form: URLSearchParams): Result<NewProjectInput, ProjectFieldErrors> {
  const errors: ProjectFieldErrors = {};
  const name = (form.get('name') ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = 'Name is required';
  else if (store.projects.some((project) => project.name.toLowerCase() === name.toLowerCase())) {
    errors.name = `A project named \u201c${name}\u201d already exists`;
  }
  const key = (form.get('key') ?? '').trim().toUpperCase();
  if (key === '') errors.key = 'Key is required';
  else if (!/^[A-Z]{2,5}$/.test(key)) errors.key = 'Key must be 2 to 5 letters';
  else if (store.projects.some((project) => project.key === key)) errors.key = `Key \u201c${key}\u201d is already used`;

  const leadValue = (form.get('leadId') ?? String(store.currentUser().id)).trim();
  const lead = store.person(Number(leadValue));
  if (lead === undefined) errors.leadId = 'Choose a valid lead';

  if (Object.keys(errors).length > 0 || lead === undefined) return { ok: false, errors };
  return { ok: true, value: { name, key, description: (form.get('description') ?? '').trim(), leadId: lead.id } };
}

/** A same-origin path to go back to after a row action; anything else falls back. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
