import { formatDate } from './clock.js';
import { PRIORITY_LABELS, STATUS_LABELS } from './model.js';
import { countTasks, isOpen, isOverdue, projectTasks } from './queries.js';
import type { TrackerStore } from './store.js';

type Scalar = string | number | boolean | null;
export type StateRecord = Record<string, Scalar>;

/**
 * The state probe's JSON: flat records of scalars carrying both ids and the values the pages show
 * (names, labels, formatted dates), so a checker can match on either.
 */
export function buildState(store: TrackerStore): Record<'projects' | 'tasks' | 'comments' | 'people', StateRecord[]> {
  const name = (id: number | null): string | null => store.person(id)?.name ?? null;
  return {
    projects: store.projects.map((project) => {
      const counts = countTasks(projectTasks(store, project.id));
      return {
        id: project.id,
        name: project.name,
        key: project.key,
        description: project.description,
        leadId: project.leadId,
        leadName: name(project.leadId),
        color: project.color,
        taskCount: counts.total,
        openTaskCount: counts.open,
        doneTaskCount: counts.done,
        createdAt: project.createdAt,
      };
    }),
    tasks: store.tasks.map((task) => {
      const project = store.project(task.projectId);
      return {
        id: task.id,
        key: store.taskKey(task),
        projectId: task.projectId,
        projectName: project?.name ?? null,
        projectKey: project?.key ?? null,
        title: task.title,
        description: task.description,
        status: task.status,
        statusLabel: STATUS_LABELS[task.status],
        priority: task.priority,
        priorityLabel: PRIORITY_LABELS[task.priority],
        assigneeId: task.assigneeId,
        assigneeName: name(task.assigneeId),
        reporterId: task.reporterId,
        reporterName: name(task.reporterId),
        dueDate: task.dueDate,
        dueDateLabel: task.dueDate === null ? null : formatDate(task.dueDate),
        overdue: isOverdue(task),
        done: !isOpen(task),
        labels: task.labels.join(', '),
        archived: task.archived,
        commentCount: store.commentsFor(task.id).length,
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
      };
    }),
    comments: store.comments.map((comment) => {
      const task = store.task(comment.taskId);
      return {
        id: comment.id,
        taskId: comment.taskId,
        taskTitle: task?.title ?? null,
        authorId: comment.authorId,
        authorName: name(comment.authorId),
        body: comment.body,
        createdAt: comment.createdAt,
      };
    }),
    people: store.people.map((person) => {
      const assigned = store.tasks.filter((task) => task.assigneeId === person.id && !task.archived);
      return {
        id: person.id,
        name: person.name,
        initials: person.initials,
        email: person.email,
        role: person.role,
        openTaskCount: assigned.filter(isOpen).length,
        isCurrentUser: person.id === store.currentUser().id,
      };
    }),
  };
}
