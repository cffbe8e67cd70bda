import { TODAY, currentWeek, formatLongDate, formatRelative, formatShortDate } from '../clock.js';
import { html } from '../../kit/html.js';
import { countTasks, projectTasks, summarizeWork } from '../queries.js';
import type { TrackerStore } from '../store.js';
import { avatar, dueDate, emptyState, pageHeader, priorityBadge, statusBadge } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

const UPCOMING_LIMIT = 7;
const ACTIVITY_LIMIT = 8;

export function renderDashboard(store: TrackerStore, flash: string | undefined): string {
  const user = store.currentUser();
  const summary = summarizeWork(store, user.id);
  const firstName = user.name.split(' ')[0];
  const stat = (label: string, value: number, hint: string, tone: string) =>
    html`<div class="stat stat-${tone}"><dt>${label}</dt><dd><span class="stat-value">${value}</span><span class="stat-hint">${hint}</span></dd></div>`;

  const upcoming = summary.upcoming.slice(0, UPCOMING_LIMIT);
  const upcomingTable =
    upcoming.length === 0
      ? emptyState('Nothing on your plate', 'Tasks assigned to you will show up here.')
      : html`<table class="table compact">
          <thead><tr><th scope="col">Task</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Due date</th></tr></thead>
          <tbody>${upcoming.map((task) => {
            const project = store.project(task.projectId)!;
            return html`<tr>
              <td><a class="task-link" href="/tasks/${task.id}">${task.title}</a><span class="task-sub"><span class="project-ref small"><span class="swatch" style="background:${project.color}" aria-hidden="true"></span>${project.name}</span><span class="task-key">${store.taskKey(task)}</span></span></td>
              <td>${statusBadge(task.status)}</td>
              <td>${priorityBadge(task.priority)}</td>
              <td>${dueDate(task)}</td>
            </tr>`;
          })}</tbody>
        </table>`;

  const activity = [...store.activity].reverse().slice(0, ACTIVITY_LIMIT);
  const activityList = html`<ol class="activity">${activity.map((entry) => {
    const actor = store.person(entry.actorId)!;
    const subject =
      entry.taskId === null
        ? html`<span class="strong">${entry.subject}</span>`
        : html`<a href="/tasks/${entry.taskId}">${entry.subject}</a>`;
    return html`<li>${avatar(actor)}<div><p><span class="strong">${actor.name}</span> ${entry.verb} ${subject}${entry.detail}</p><p class="meta">${formatRelative(entry.at, store.now())}</p></div></li>`;
  })}</ol>`;

  const projects = html`<ul class="progress-list">${store.projects.map((project) => {
    const counts = countTasks(projectTasks(store, project.id));
    const percent = counts.total === 0 ? 0 : Math.round((counts.done / counts.total) * 100);
    return html`<li>
      <div class="progress-head"><a href="/projects/${project.id}"><span class="swatch" style="background:${project.color}" aria-hidden="true"></span>${project.name}</a><span class="meta">${counts.done} of ${counts.total} done · ${percent}%</span></div>
      <div class="progress" aria-hidden="true"><span style="width:${percent}%;background:${project.color}"></span></div>
    </li>`;
  })}</ul>`;

  const body = html`
    ${pageHeader('My work', `${formatLongDate(TODAY)} · Welcome back, ${firstName}`, html`<a class="button" href="/projects">${icon('folder')}View projects</a>`)}
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="visually-hidden">Summary</h2>
      <dl class="stats">
        ${stat('Open tasks', summary.open, 'assigned to you', 'blue')}
        ${stat('Due this week', summary.dueThisWeek, `through Sun, ${formatShortDate(currentWeek().end)}`, 'amber')}
        ${stat('Overdue', summary.overdue, summary.overdue === 0 ? 'all caught up' : 'need attention', 'red')}
        ${stat('Completed', summary.completed, 'assigned to you', 'green')}
      </dl>
    </section>
    <div class="dashboard-grid">
      <section class="card" aria-labelledby="upcoming-heading">
        <div class="card-header"><h2 id="upcoming-heading">Upcoming tasks</h2><span class="meta">${summary.upcoming.length} open</span></div>
        ${upcomingTable}
      </section>
      <section class="card" aria-labelledby="activity-heading">
        <div class="card-header"><h2 id="activity-heading">Recent activity</h2></div>
        ${activityList}
      </section>
    </div>
    <section class="card" aria-labelledby="progress-heading">
      <div class="card-header"><h2 id="progress-heading">Project progress</h2></div>
      ${projects}
    </section>`;
  return layout(store, { title: 'My work', section: 'dashboard', flash, body });
}
