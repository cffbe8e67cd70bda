import { html } from '../../kit/html.js';
import type { Person } from '../model.js';
import { byUrgency, isOpen, isOverdue } from '../queries.js';
import type { TrackerStore } from '../store.js';
import { avatar, dueDate, emptyState, pageHeader, priorityBadge, statusBadge } from './components.js';
import { layout } from './layout.js';

function assignedTasks(store: TrackerStore, person: Person) {
  return store.tasks.filter((task) => task.assigneeId === person.id && !task.archived);
}

export function renderPeople(store: TrackerStore, flash: string | undefined): string {
  const rows = store.people.map((person) => {
    const tasks = assignedTasks(store, person);
    const open = tasks.filter(isOpen).length;
    return html`<tr>
      <td><span class="person">${avatar(person, 'md')}<span><a href="/people/${person.id}" class="strong">${person.name}</a>${person.id === store.currentUser().id ? html` <span class="pill">You</span>` : ''}</span></span></td>
      <td>${person.role}</td>
      <td class="muted">${person.email}</td>
      <td class="num">${open}</td>
      <td class="num">${tasks.filter(isOverdue).length}</td>
      <td class="num">${tasks.length - open}</td>
    </tr>`;
  });
  const body = html`
    ${pageHeader('People', `${store.people.length} members in your workspace`)}
    <div class="card table-card"><table class="table">
      <caption class="visually-hidden">Workspace members</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Email</th><th scope="col" class="num">Open tasks</th><th scope="col" class="num">Overdue</th><th scope="col" class="num">Completed</th></tr></thead>
      <tbody>${rows}</tbody>
    </table></div>`;
  return layout(store, { title: 'People', section: 'people', flash, body });
}

export function renderPerson(store: TrackerStore, person: Person, flash: string | undefined): string {
  const tasks = assignedTasks(store, person).sort(byUrgency);
  const open = tasks.filter(isOpen).length;
  const table =
    tasks.length === 0
      ? emptyState('No tasks assigned', `${person.name} has no tasks right now.`)
      : html`<table class="table">
          <caption class="visually-hidden">Tasks assigned to ${person.name}</caption>
          <thead><tr><th scope="col">Task</th><th scope="col">Project</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Due date</th></tr></thead>
          <tbody>${tasks.map((task) => {
            const project = store.project(task.projectId)!;
            return html`<tr${task.status === 'done' ? html` class="is-done"` : ''}>
              <td><a class="task-link" href="/tasks/${task.id}">${task.title}</a><span class="task-sub"><span class="task-key">${store.taskKey(task)}</span></span></td>
              <td><a href="/projects/${project.id}" class="project-ref"><span class="swatch" style="background:${project.color}" aria-hidden="true"></span>${project.name}</a></td>
              <td>${statusBadge(task.status)}</td><td>${priorityBadge(task.priority)}</td><td>${dueDate(task)}</td></tr>`;
          })}</tbody></table>`;
  const body = html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/people">People</a></li><li aria-current="page">${person.name}</li></ol></nav>
    <div class="profile card">
      ${avatar(person, 'lg')}
      <div class="profile-text"><h1>${person.name}</h1><p class="subtitle">${person.role} · ${person.email}</p></div>
      <dl class="header-facts"><div><dt>Open</dt><dd>${open}</dd></div><div><dt>Overdue</dt><dd>${tasks.filter(isOverdue).length}</dd></div><div><dt>Completed</dt><dd>${tasks.length - open}</dd></div></dl>
    </div>
    <section class="card table-card" aria-labelledby="assigned-heading">
      <div class="card-header"><h2 id="assigned-heading">Assigned tasks</h2><span class="meta">${tasks.length} total</span></div>
      ${table}
    </section>`;
  return layout(store, { title: person.name, section: 'people', flash, body });
}

export function renderNotFound(store: TrackerStore, what: string): string {
  const body = html`${pageHeader(`${what} not found`, 'It may have been deleted, or the link is wrong.')}<p><a class="button" href="/">Back to dashboard</a></p>`;
  return layout(store, { title: 'Not found', section: 'none', body });
}
