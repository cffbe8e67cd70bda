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
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default projectTracker;
