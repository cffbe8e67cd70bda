import { timestampAt } from './clock.js';
import { CURRENT_USER_ID, generateData } from './data.js';
import {
  STATUS_LABELS,
  type Activity,
  type Comment,
  type Person,
  type Project,
  type Task,
  type TaskPriority,
  type TaskStatus,
  type TrackerData,
} from './model.js';

export interface NewTaskInput {
  title: string;
  assigneeId: number | null;
  priority: TaskPriority;
  dueDate: string | null;
  status: TaskStatus;
  description: string;
}

export type TaskUpdate = NewTaskInput;

export interface NewProjectInput {
  name: string;
  key: string;
  description: string;
  leadId: number;
}

/** One episode's in-memory workspace. Every mutation stamps records from the fixed app clock. */
export class TrackerStore {
  private data: TrackerData;
  /** Minutes past NOW_BASE; advances by one per mutation so new records sort after seeded ones. */
  private tick = 0;
  /** Highest id ever deleted per collection, so ids are never reused within an episode. */
  private retired = { task: 0, comment: 0 };

  constructor(seed: number) {
    this.data = generateData(seed);
  }

  reset(seed: number): void {
    this.data = generateData(seed);
    this.tick = 0;
    this.retired = { task: 0, comment: 0 };
  }

  get people(): readonly Person[] {
    return this.data.people;
  }
  get projects(): readonly Project[] {
    return this.data.projects;
  }
  /** All tasks, archived ones included. */
  get tasks(): readonly Task[] {
    return this.data.tasks;
  }
  get comments(): readonly Comment[] {
    return this.data.comments;
  }
  get activity(): readonly Activity[] {
    return this.data.activity;
  }

  /** The app's current instant (the last mutation's stamp). */
  now(): string {
    return timestampAt(this.tick);
  }

  currentUser(): Person {
    return this.person(CURRENT_USER_ID)!;
  }

  person(id: number | null): Person | undefined {
    return id === null ? undefined : this.data.people.find((person) => person.id === id);
  }

  project(id: number): Project | undefined {
    return this.data.projects.find((project) => project.id === id);
  }

  task(id: number): Task | undefined {
    return this.data.tasks.find((task) => task.id === id);
  }

  taskKey(task: Task): string {
    return `${this.project(task.projectId)?.key ?? 'TASK'}-${task.number}`;
  }

  commentsFor(taskId: number): Comment[] {
    return this.data.comments.filter((comment) => comment.taskId === taskId);
  }

  createTask(projectId: number, input: NewTaskInput): Task {
    const at = this.advance();
    const siblings = this.data.tasks.filter((task) => task.projectId === projectId);
    const task: Task = {
      id: nextId(this.data.tasks, this.retired.task),
      projectId,
      number: siblings.reduce((max, task) => Math.max(max, task.number), 0) + 1,
      title: input.title,
      description: input.description,
      status: input.status,
      priority: input.priority,
      assigneeId: input.assigneeId,
      reporterId: CURRENT_USER_ID,
      dueDate: input.dueDate,
      labels: [],
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    this.data.tasks.push(task);
    this.log(at, 'created', task);
    return task;
  }

  updateTask(task: Task, update: TaskUpdate): void {
    const at = this.advance();
    const statusChanged = task.status !== update.status;
    Object.assign(task, update, { updatedAt: at });
    if (statusChanged) this.logStatus(at, task);
    else this.log(at, 'updated', task);
  }

  setStatus(task: Task, status: TaskStatus): void {
    if (task.status === status) return;
    const at = this.advance();
    task.status = status;
    task.updatedAt = at;
    this.logStatus(at, task);
  }

  setArchived(task: Task, archived: boolean): void {
    const at = this.advance();
    task.archived = archived;
    task.updatedAt = at;
    this.log(at, archived ? 'archived' : 'restored', task);
  }

  deleteTask(task: Task): void {
    const at = this.advance();
    const removedComments = this.commentsFor(task.id);
    this.retired.task = Math.max(this.retired.task, task.id);
    this.retired.comment = removedComments.reduce((max, comment) => Math.max(max, comment.id), this.retired.comment);
    this.data.tasks = this.data.tasks.filter((candidate) => candidate.id !== task.id);
    this.data.comments = this.data.comments.filter((comment) => comment.taskId !== task.id);
    this.log(at, 'deleted', task);
    for (const entry of this.data.activity) if (entry.taskId === task.id) entry.taskId = null;
  }

  addComment(task: Task, body: string): Comment {
    const at = this.advance();
    const comment: Comment = {
      id: nextId(this.data.comments, this.retired.comment),
      taskId: task.id,
      authorId: CURRENT_USER_ID,
      body,
      createdAt: at,
    };
    this.data.comments.push(comment);
    task.updatedAt = at;
    this.log(at, 'commented on', task);
    return comment;
  }

  createProject(input: NewProjectInput, color: string): Project {
    const at = this.advance();
    const project: Project = { id: nextId(this.data.projects), ...input, color, createdAt: at };
    this.data.projects.push(project);
    return project;
  }

  private advance(): string {
    this.tick += 1;
    return timestampAt(this.tick);
  }

  private logStatus(at: string, task: Task): void {
    if (task.status === 'done') this.log(at, 'completed', task);
    else this.log(at, 'moved', task, ` to ${STATUS_LABELS[task.status]}`);
  }

  private log(at: string, verb: string, task: Task, detail = ''): void {
    this.data.activity.push({
      id: nextId(this.data.activity),
      at,
      actorId: CURRENT_USER_ID,
      verb,
      taskId: task.id,
      subject: task.title,
      detail,
    });
  }
}

function nextId(records: ReadonlyArray<{ id: number }>, floor = 0): number {
  return records.reduce((max, record) => Math.max(max, record.id), floor) + 1;
}
