/** The project tracker's domain records, as kept in memory by the store. */

export const TASK_STATUSES = ['todo', 'in_progress', 'in_review', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
};

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

export function isTaskPriority(value: string): value is TaskPriority {
  return (TASK_PRIORITIES as readonly string[]).includes(value);
}

export interface Person {
  id: number;
  name: string;
  initials: string;
  email: string;
  role: string;
}

export interface Project {
  id: number;
  name: string;
  key: string;
  description: string;
  leadId: number;
  color: string;
  createdAt: string;
}

export interface Task {
  id: number;
  projectId: number;
  /** Per-project sequence number, shown as KEY-number (e.g. APO-12). */
  number: number;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  assigneeId: number | null;
  reporterId: number;
  /** YYYY-MM-DD, or null when the task has no due date. */
  dueDate: string | null;
  labels: string[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Comment {
  id: number;
  taskId: number;
  authorId: number;
  body: string;
  createdAt: string;
}

/** One line of the activity feed, e.g. "Maya Chen commented on Fix login redirect". */
export interface Activity {
  id: number;
  at: string;
  actorId: number;
  /** e.g. "created", "commented on", "completed", "moved … to In review". */
  verb: string;
  taskId: number | null;
  /** The task's title when the entry was written, so deleted tasks still read well. */
  subject: string;
  /** Text after the subject, e.g. " to In review". */
  detail: string;
}

export interface TrackerData {
  people: Person[];
  projects: Project[];
  tasks: Task[];
  comments: Comment[];
  activity: Activity[];
}

export interface TaskCounts {
  total: number;
  open: number;
  done: number;
}
