import { html, type SafeHtml } from '../../kit/html.js';
import type { Project } from '../model.js';
import { countTasks, projectTasks } from '../queries.js';
import type { TrackerStore } from '../store.js';
import { avatar } from './components.js';
import { icon } from './icons.js';

/** Heading, lead, numbers and the List | Board view switcher shared by both project views. */
export function projectHeader(store: TrackerStore, project: Project, view: 'list' | 'board'): SafeHtml {
  const lead = store.person(project.leadId)!;
  const counts = countTasks(projectTasks(store, project.id));
  const tab = (href: string, label: string, active: boolean, iconName: 'list' | 'board') =>
    html`<a href="${href}" class="tab"${active ? html` aria-current="page"` : ''}>${icon(iconName)}${label}</a>`;
  return html`
    <nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/projects">Projects</a></li><li aria-current="page">${project.name}</li></ol></nav>
    <div class="project-header">
      <span class="project-icon project-icon-lg" style="background:${project.color}" aria-hidden="true">${project.key.slice(0, 1)}</span>
      <div class="project-header-text">
        <h1>${project.name} <span class="key">${project.key}</span></h1>
        <p class="subtitle">${project.description}</p>
      </div>
      <dl class="header-facts">
        <div><dt>Lead</dt><dd><span class="person">${avatar(lead)}<a href="/people/${lead.id}">${lead.name}</a></span></dd></div>
        <div><dt>Open</dt><dd>${counts.open}</dd></div>
        <div><dt>Done</dt><dd>${counts.done}</dd></div>
      </dl>
    </div>
    <nav aria-label="Project views" class="tabs">
      ${tab(`/projects/${project.id}`, 'List', view === 'list', 'list')}
      ${tab(`/projects/${project.id}/board`, 'Board', view === 'board', 'board')}
    </nav>`;
}
