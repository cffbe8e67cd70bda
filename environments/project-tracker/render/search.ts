import { formatRelative } from '../clock.js';
import { html } from '../../kit/html.js';
import { search } from '../queries.js';
import type { TrackerStore } from '../store.js';
import { avatar, emptyState, pageHeader, personChip, priorityBadge, statusBadge } from './components.js';
import { layout } from './layout.js';

export function renderSearch(store: TrackerStore, query: string, flash: string | undefined): string {
  const trimmed = query.trim();
  const results = search(store, trimmed);
  const total = results.tasks.length + results.projects.length + results.comments.length;

  const tasks = html`<section class="card" aria-labelledby="task-results-heading">
    <div class="card-header"><h2 id="task-results-heading">Tasks <span class="count">${results.tasks.length}</span></h2></div>
    ${
      results.tasks.length === 0
        ? html`<p class="muted card-body">No matching tasks.</p>`
        : html`<table class="table compact"><thead><tr><th scope="col">Task</th><th scope="col">Project</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Assignee</th></tr></thead>
        <tbody>${results.tasks.map(
          (task) => html`<tr>
          <td><a class="task-link" href="/tasks/${task.id}">${task.title}</a><span class="task-sub"><span class="task-key">${store.taskKey(task)}</span></span></td>
          <td>${store.project(task.projectId)!.name}</td><td>${statusBadge(task.status)}</td><td>${priorityBadge(task.priority)}</td><td>${personChip(store.person(task.assigneeId))}</td></tr>`,
        )}</tbody></table>`
    }
  </section>`;

  const projects = html`<section class="card" aria-labelledby="project-results-heading">
    <div class="card-header"><h2 id="project-results-heading">Projects <span class="count">${results.projects.length}</span></h2></div>
    ${
      results.projects.length === 0
        ? html`<p class="muted card-body">No matching projects.</p>`
        : html`<ul class="result-list">${results.projects.map((project) => html`<li><span class="project-icon" style="background:${project.color}" aria-hidden="true">${project.key.slice(0, 1)}</span><div><a href="/projects/${project.id}" class="strong">${project.name}</a><p class="meta">${project.description}</p></div></li>`)}</ul>`
    }
  </section>`;

  const comments = html`<section class="card" aria-labelledby="comment-results-heading">
    <div class="card-header"><h2 id="comment-results-heading">Comments <span class="count">${results.comments.length}</span></h2></div>
    ${
      results.comments.length === 0
        ? html`<p class="muted card-body">No matching comments.</p>`
        : html`<ul class="result-list">${results.comments.map((comment) => {
            const author = store.person(comment.authorId)!;
            const task = store.task(comment.taskId)!;
            return html`<li>${avatar(author, 'md')}<div><p>${comment.body}</p><p class="meta">${author.name} on <a href="/tasks/${task.id}">${task.title}</a> · ${formatRelative(comment.createdAt, store.now())}</p></div></li>`;
          })}</ul>`
    }
  </section>`;

  const body =
    trimmed === ''
      ? html`${pageHeader('Search', 'Find tasks, projects and comments across the workspace.')}<div class="card">${emptyState('Type something to search', 'Use the search box at the top of the page, e.g. “billing” or a task key like APO-3.')}</div>`
      : html`${pageHeader(`Results for ${'\u201c'}${trimmed}${'\u201d'}`, `${total} result${total === 1 ? '' : 's'} across tasks, projects and comments`)}
        <div class="stack-lg">${tasks}<div class="two-col">${projects}${comments}</div></div>`;
  return layout(store, { title: trimmed === '' ? 'Search' : `Search: ${trimmed}`, section: 'search', flash, searchQuery: trimmed, body });
}
