import type { AppServer, AppStartOptions, BundledApp } from '../../src/core/environment.js';
import { startServer } from './server.js';

/**
 * Trackly, a project tracker: a dashboard, projects with list and board views, task details with
 * comments, people and search. Server-rendered HTML; the only script auto-submits row controls and
 * opens the delete confirmation dialog.
 */
export const projectTracker: BundledApp = {
  manifest: {
    id: 'project-tracker',
    title: 'Trackly (project tracker)',
    domain: 'project management',
    description:
      'A team project tracker: projects with list and board views, tasks with assignees, priorities, due dates and comments, people and search.',
    startPath: '/',
    viewport: { width: 1280, height: 800 },
    allowedOrigins: [],
    hasStateProbe: true,
    affordances: [
      { route: '/', kind: 'read', description: 'read a value from the upcoming-tasks table' },
      { route: '*', kind: 'search', description: 'search from the top bar' },
      { route: '/', kind: 'navigate', description: 'open a project or page from the sidebar' },
      { route: '/projects', kind: 'form', name: 'New project', description: 'create a project' },
      { route: '/projects/:id', kind: 'form', name: 'New task', description: 'add a task with assignee, priority and due date' },
      { route: '/projects/:id', kind: 'select', name: 'Filter', description: 'filter the task list by status or assignee' },
      { route: '/projects/:id', kind: 'toggle', name: 'Mark', description: 'mark a task done from its row' },
      { route: '/projects/:id', kind: 'item-action', name: 'Archive', description: 'archive a task from its row' },
      { route: '/projects/:id', kind: 'navigate', description: 'sort, page, switch to the board or open a task' },
      { route: '/projects/:id', kind: 'read', description: 'read a task field from the table' },
      { route: '/projects/:id/board', kind: 'select', name: 'Status of', description: 'move a card to another status' },
      { route: '/tasks/:id', kind: 'form', name: 'Task details', description: 'edit a task (title, status, priority, assignee, due date)' },
      { route: '/tasks/:id', kind: 'form', name: 'Add comment', description: 'post a comment' },
      { route: '/tasks/:id', kind: 'item-action', name: 'Delete', description: 'delete a task through its confirmation dialog' },
      { route: '/people', kind: 'read', description: 'read a member’s open task count' },
      { route: '/search', kind: 'read', description: 'read a field of a search result' },
    ],
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default projectTracker;
