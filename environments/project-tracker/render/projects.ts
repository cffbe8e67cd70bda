import { html } from '../../kit/html.js';
import { countTasks, projectTasks } from '../queries.js';
import type { TrackerStore } from '../store.js';
import { avatar, formErrors, pageHeader, peopleOptions, selectField, textField, textareaField } from './components.js';
import { icon } from './icons.js';
import { layout } from './layout.js';

export interface ProjectFormState {
  values: { name: string; key: string; description: string; leadId: string };
  errors: { name?: string; key?: string; leadId?: string };
}

export function emptyProjectForm(store: TrackerStore): ProjectFormState {
  return { values: { name: '', key: '', description: '', leadId: String(store.currentUser().id) }, errors: {} };
}

export function renderProjects(store: TrackerStore, flash: string | undefined, form: ProjectFormState = emptyProjectForm(store)): string {
  const cards = store.projects.map((project) => {
    const tasks = projectTasks(store, project.id);
    const counts = countTasks(tasks);
    const percent = counts.total === 0 ? 0 : Math.round((counts.done / counts.total) * 100);
    const lead = store.person(project.leadId)!;
    return html`<article class="card project-card" aria-labelledby="project-${project.id}-name">
      <div class="project-card-top">
        <span class="project-icon" style="background:${project.color}" aria-hidden="true">${project.key.slice(0, 1)}</span>
        <div>
          <h2 id="project-${project.id}-name"><a href="/projects/${project.id}">${project.name}</a></h2>
          <p class="meta">Key <span class="key">${project.key}</span></p>
        </div>
      </div>
      <p class="project-description">${project.description}</p>
      <dl class="project-stats">
        <div><dt>Tasks</dt><dd>${counts.total}</dd></div>
        <div><dt>Open</dt><dd>${counts.open}</dd></div>
        <div><dt>Done</dt><dd>${counts.done}</dd></div>
      </dl>
      <div class="progress" aria-hidden="true"><span style="width:${percent}%;background:${project.color}"></span></div>
      <div class="project-card-foot">
        <span class="person">${avatar(lead)}<span>Lead: ${lead.name}</span></span>
        <span class="meta">${percent}% complete</span>
      </div>
    </article>`;
  });

  const errorMessages = [form.errors.name, form.errors.key, form.errors.leadId].filter((error): error is string => Boolean(error));
  const errorId = 'new-project-errors';
  const newProject = html`<section class="card form-card" aria-labelledby="new-project-heading">
    <h2 id="new-project-heading">New project</h2>
    <p class="muted small">Projects group tasks under a short key, like APO-12.</p>
    <form method="post" action="/projects" aria-label="New project" class="stack" novalidate>
      ${formErrors(errorId, errorMessages)}
      ${textField({ id: 'project-name', name: 'name', label: 'Name', value: form.values.name, placeholder: 'e.g. Website Redesign', maxLength: 60, errorId: form.errors.name ? errorId : undefined })}
      ${textField({ id: 'project-key', name: 'key', label: 'Key', value: form.values.key, placeholder: 'e.g. WEB', maxLength: 5, errorId: form.errors.key ? errorId : undefined })}
      ${textareaField({ id: 'project-description', name: 'description', label: 'Description', value: form.values.description, rows: 3, placeholder: 'What is this project about?' })}
      ${selectField({ id: 'project-lead', name: 'leadId', label: 'Lead', options: peopleOptions(store.people, undefined), selected: form.values.leadId, errorId: form.errors.leadId ? errorId : undefined })}
      <button type="submit" class="button primary">${icon('plus')}Create project</button>
    </form>
  </section>`;

  const body = html`
    ${pageHeader('Projects', `${store.projects.length} active projects in your workspace`)}
    <div class="projects-layout">
      <div class="project-grid">${cards}</div>
      <div>${newProject}</div>
    </div>`;
  return layout(store, { title: 'Projects', section: 'projects', flash, body });
}
