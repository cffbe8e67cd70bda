import { html, jsonScript, page, raw, type Html } from './html.js';
import { levelsChart } from './levels-chart.js';
import type { OverviewPage, TaskRow } from './site-model.js';

/**
 * The run overview: facts, counts, charts, tables, and every level-k task (or episode) in one table
 * that filters by app, level, status, interaction kind, review and text, client-side.
 */
export function renderOverview(overview: OverviewPage, options: { root: string; home?: string; hrefPrefix: string }): string {
  const body = html`
<nav class="crumbs">${options.home ? html`<a href="${options.home}">all runs</a> › ` : ''}<span>${overview.runId}</span></nav>
<h1>${overview.heading}</h1>
${facts(overview.facts)}
<div class="tiles">${overview.tiles.map((tile) => html`<div class="tile"><div class="value">${tile.value}</div><div class="label">${tile.label}</div>${tile.note ? html`<div class="note">${tile.note}</div>` : ''}</div>`)}</div>
<div class="charts">
${overview.levels.length && !overview.resultsSvg ? html`<figure class="chart">${raw(levelsChart(overview.levels, overview.levelsTitle))}</figure>` : ''}
${overview.resultsSvg ? html`<figure class="chart results">${raw(overview.resultsSvg.replace(/^<\?xml[^>]*>\s*/, ''))}</figure>` : ''}
</div>
<section>
<h2>${overview.rowKind === 'task' ? 'Level-k tasks' : 'Episodes'}</h2>
${filters(overview.rows, overview.rowKind)}
<table class="rows" id="rows">
<thead><tr><th>${overview.rowKind === 'task' ? 'task' : 'episode'}</th><th>app</th><th class="num">level</th>${overview.rowKind === 'task' ? html`<th>interactions</th>` : ''}<th>${overview.rowKind === 'task' ? 'replay' : 'outcome'}</th>${hasReviews(overview.rows) ? html`<th>review</th>` : ''}<th class="num">steps</th><th>text</th></tr></thead>
<tbody>${overview.rows.map((row) => taskRow(row, overview.rowKind, hasReviews(overview.rows), options.hrefPrefix))}</tbody>
</table>
<p class="empty" id="no-rows" hidden>No ${overview.rowKind === 'task' ? 'task' : 'episode'} matches these filters.</p>
</section>
${overview.tables.map(
  (
    table,
  ) => html`<section><h2>${table.title}</h2><table class="data"><thead><tr>${table.columns.map((column, index) => html`<th class="${table.numeric?.includes(index) ? 'num' : ''}">${column}</th>`)}</tr></thead>
<tbody>${table.rows.map((row) => html`<tr>${row.map((cell, index) => html`<td class="${table.numeric?.includes(index) ? 'num' : ''}">${cell}</td>`)}</tr>`)}</tbody></table></section>`,
)}
${jsonScript('page-info', { page: 'overview', rowKind: overview.rowKind })}`;
  return page({ title: `${overview.runId} · trajsynth`, root: options.root, body, bodyClass: 'overview' });
}

export function facts(items: Array<[string, string]>): Html {
  return html`<dl class="facts">${items.map(([key, value]) => html`<dt>${key}</dt><dd>${value}</dd>`)}</dl>`;
}

function hasReviews(rows: TaskRow[]): boolean {
  return rows.some((row) => row.review !== undefined);
}

function taskRow(row: TaskRow, kind: OverviewPage['rowKind'], reviews: boolean, hrefPrefix: string): Html {
  return html`<tr data-app="${row.environment}" data-level="${row.level}" data-status="${row.status}" data-kinds="${row.interactions.join(' ')}" data-review="${row.review ?? 'unreviewed'}" data-text="${row.text.toLowerCase()}">
<td><a href="${hrefPrefix}${row.href}">${row.id.split('/').slice(1).join('/')}</a><div class="sub">${row.detail}</div></td><td>${row.environment}</td><td class="num">${row.level}</td>${kind === 'task' ? html`<td>${row.interactions.map((interaction) => html`<span class="kind">${interaction}</span>`)}</td>` : ''}<td><span class="status ${statusClass(row.status)}">${row.status}</span></td>${reviews ? html`<td>${row.review ?? '—'}</td>` : ''}<td class="num">${row.steps}</td><td class="text">${row.text}</td></tr>`;
}

export function statusClass(status: string): string {
  if (/valid$|^success|^accepted/.test(status) && !/invalid/.test(status)) return 'good';
  if (/invalid|failure|error|rejected|failed/.test(status)) return 'bad';
  return 'neutral';
}

function filters(rows: TaskRow[], kind: OverviewPage['rowKind']): Html {
  const distinct = (values: Array<string | number>) =>
    [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  const select = (name: string, label: string, values: Array<string | number>) =>
    html`<label>${label} <select data-filter="${name}"><option value="">all</option>${values.map((value) => html`<option value="${value}">${value}</option>`)}</select></label>`;
  return html`<form class="filters" id="filters" onsubmit="return false">
${select('app', 'app', distinct(rows.map((row) => row.environment)))}
${select('level', 'level', distinct(rows.map((row) => row.level)))}
${select('status', kind === 'task' ? 'replay' : 'outcome', distinct(rows.map((row) => row.status)))}
${kind === 'task' ? select('kinds', 'interaction', distinct(rows.flatMap((row) => row.interactions))) : ''}
${hasReviews(rows) ? select('review', 'review', distinct(rows.map((row) => row.review ?? 'unreviewed'))) : ''}
<label class="search">search <input type="search" data-filter="text" placeholder="words in the task text"></label>
<span class="count" id="row-count">${rows.length} of ${rows.length}</span>
</form>`;
}
