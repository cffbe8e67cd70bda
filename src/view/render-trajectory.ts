import { html, jsonScript, page, type Html } from './html.js';
import { facts, statusClass } from './render-overview.js';
import type { CallView, EpisodeOutcomeView, LevelView, SubtaskView, TrajectoryPage } from './site-model.js';
import { formatUsd } from './cost-tables.js';

/**
 * A chain's (or an episode's) page: its level-k tasks with checkers and gold ranges, the subtask
 * lineage with verdicts, and the step timeline (screenshot with the action's marker, the action,
 * the page, the snapshot change, timings and model calls), driven by the keyboard and a filmstrip.
 */
export function renderTrajectory(trajectory: TrajectoryPage, options: { root: string; overviewHref: string; runId: string }): string {
  const body = html`
<nav class="crumbs"><a href="${options.overviewHref}">${options.runId}</a> › <span>${trajectory.id}</span></nav>
<h1>${trajectory.heading}</h1>
${facts(trajectory.facts)}
${trajectory.episode ? episodeSection(trajectory) : ''}
${trajectory.levels.length ? levelsSection(trajectory.levels) : ''}
${trajectory.subtasks.length ? lineageSection(trajectory.subtasks) : ''}
${timelineSection(trajectory, options.root)}
${jsonScript('page-info', { page: 'trajectory', kind: trajectory.kind, root: options.root })}
${jsonScript('steps-data', { steps: trajectory.steps, subtasks: trajectory.subtasks.map((subtask) => ({ id: subtask.id, description: subtask.description, status: subtask.status })), levels: trajectory.levels.map((level) => ({ level: level.level, gold: level.gold })), finalImage: trajectory.finalImage ?? null })}`;
  return page({ title: `${trajectory.id} · ${options.runId} · trajsynth`, root: options.root, body, bodyClass: 'trajectory' });
}

function episodeSection(trajectory: TrajectoryPage): Html {
  const episode = trajectory.episode!;
  const outcome =
    episode.status === 'error' ? 'harness error' : episode.success === undefined ? 'unfinished' : episode.success ? 'success' : 'failure';
  return html`<section class="episode-outcome">
<h2>Task (level ${episode.level}) <span class="status ${statusClass(outcome)}">${outcome}</span></h2>
<p class="task-text">${episode.task}</p>
<dl class="facts">
<dt>progress</dt><dd>${episode.progress ?? '—'} of ${episode.level} subtasks in order${episode.milestones?.length ? ` (${episode.milestones.map((steps, index) => `subtask ${index + 1} after ${steps} step${steps === 1 ? '' : 's'}`).join(', ')})` : ''}</dd>
${episode.endedBy ? html`<dt>ended by</dt><dd>${episode.endedBy}</dd>` : ''}
${episode.failureReason ? html`<dt>why it failed</dt><dd>${episode.failureReason}</dd>` : ''}
${episode.answer !== undefined ? html`<dt>answer</dt><dd>${episode.answer}</dd>` : ''}
${episode.judge ? html`<dt>judge</dt><dd>${judgeText(episode.judge)}</dd>` : ''}
${episode.jury ? html`<dt>jury</dt><dd>${juryText(episode.jury)}</dd>` : ''}
</dl>
<h3>Checker (the agent never sees it)</h3>
<ul class="checker">${episode.checker.map((text, index) => html`<li>${truth(episode.checkerAtEnd?.[index])} ${text}</li>`)}</ul>
</section>`;
}

function levelsSection(levels: LevelView[]): Html {
  return html`<section>
<h2>Level-k tasks</h2>
<table class="data levels"><thead><tr><th class="num">k</th><th>task</th><th>checker (derived)</th><th>gold steps</th><th>replay</th>${levels.some((level) => level.audit) ? html`<th>checker audit</th>` : ''}${levels.some((level) => level.review) ? html`<th>review</th>` : ''}<th class="num">cost</th></tr></thead>
<tbody>${levels.map(
    (
      level,
    ) => html`<tr id="level-${level.level}" data-level="${level.level}"><td class="num">${level.level}</td><td class="text">${level.task}<div class="sub">${level.interactions.map((kind) => html`<span class="kind">${kind}</span>`)}</div></td>
<td><ul class="checker">${level.checker.map((text) => html`<li>${text}</li>`)}</ul>${level.ordered ? html`<div class="sub">and each subtask's postcondition, in order</div>` : ''}</td>
<td><a href="#level=${level.level}" data-gold="${level.gold.start}-${level.gold.end}">${stepRange(level.gold)}</a></td>
<td>${level.replay ? html`<span class="status ${level.replay.valid ? 'good' : 'bad'}">${level.replay.valid ? 'valid' : 'invalid'}</span>${level.replay.reason ? html`<div class="sub">${level.replay.reason}</div>` : ''}` : html`<span class="status neutral">not replayed</span>`}</td>
${levels.some((item) => item.audit) ? auditCell(level) : ''}${levels.some((item) => item.review) ? html`<td>${level.review ?? '—'}</td>` : ''}<td class="num">${formatUsd(level.costUsd)}</td></tr>`,
  )}</tbody></table>
</section>`;
}

/** Does wrong work fail this level's checker? Sound or not, why, and every near-miss it passed. */
function auditCell(level: LevelView): Html {
  const { audit } = level;
  if (!audit) return html`<td><span class="status neutral">not audited</span></td>`;
  const verdict =
    audit.sound === undefined
      ? html`<span class="status neutral">audited in synthesis</span>`
      : html`<span class="status ${audit.sound ? 'good' : 'bad'}">${audit.sound ? 'sound' : 'unsound'}</span>`;
  return html`<td>${verdict}${audit.summary ? html`<div class="sub">${audit.summary}</div>` : ''}${
    audit.survivors?.length
      ? html`<div class="sub">the checker passed these near-misses:</div><ul class="checker">${audit.survivors.map((survivor) => html`<li>${survivor}</li>`)}</ul>`
      : ''
  }${audit.synth ? html`<div class="sub">${audit.synth}</div>` : ''}</td>`;
}

function lineageSection(subtasks: SubtaskView[]): Html {
  return html`<section>
<h2>Subtask lineage</h2>
<ol class="lineage">${subtasks.map(
    (subtask) => html`<li class="subtask s${subtask.position % 8} ${subtask.status}" id="subtask-${subtask.id}">
<div class="subtask-head"><span class="swatch"></span><b>${subtask.id}</b>
<span class="badge">${subtask.origin}${subtask.revisedFrom ? ` from ${subtask.revisedFrom}` : ''}</span>
<span class="status ${subtask.status === 'accepted' ? 'good' : 'bad'}">${subtask.status}${subtask.level !== undefined ? ` · level ${subtask.level}` : ''}</span>
<span class="kind">${subtask.interaction}</span>
<a href="#step=${subtask.steps.start}">${stepRange(subtask.steps)}</a>
<span class="sub">${formatUsd(subtask.costUsd)}</span></div>
<p class="task-text">${subtask.description}</p>
<table class="data predicates"><thead><tr><th>postcondition</th><th>before</th><th>after</th></tr></thead>
<tbody>${subtask.predicates.map((predicate) => html`<tr><td>${predicate.text}</td><td>${truth(predicate.before)}</td><td>${truth(predicate.after)}</td></tr>`)}</tbody></table>
<p class="verdict">verdict by ${subtask.method}: ${subtask.reason}${subtask.answer !== undefined ? html` · answer <q>${subtask.answer}</q>` : ''}</p>
${subtask.judge && !subtask.jury ? html`<p class="verdict">judge: ${judgeText(subtask.judge)}${subtask.judge.agreesWithChecker === false ? html` <span class="status bad">disagrees with the checker</span>` : ''}</p>` : ''}
${subtask.jury ? subtaskJury(subtask.jury, subtask.flaggedForReview === true) : ''}
${subtask.calls.length ? callsTable(subtask.calls) : ''}
</li>`,
  )}</ol>
</section>`;
}

export function timelineSection(trajectory: Pick<TrajectoryPage, 'steps' | 'finalImage'>, root: string): Html {
  if (trajectory.steps.length === 0)
    return html`<section id="timeline"><h2>Steps</h2><p class="empty">No steps were recorded.</p></section>`;
  return html`<section id="timeline">
<h2>Steps <span class="sub">← → or j k to move, Home/End</span></h2>
<div class="viewer">
<div class="stage">
<div class="shot" id="shot"><img id="shot-image" alt="screenshot before the action" src="${root}${trajectory.steps[0]!.image}"><svg id="marker" class="marker" aria-hidden="true"></svg></div>
<div class="filmstrip" id="filmstrip">${trajectory.steps.map(
    (step, index) =>
      html`<button type="button" class="frame s${step.subtaskPosition % 8}${step.ok ? '' : ' failed-action'}${step.attempt === 'failed' ? ' failed-attempt' : ''}" data-index="${index}" data-step="${step.index}" title="${step.label}"><img loading="lazy" src="${root}${step.image}" alt=""><span>#${step.index} ${step.actionType}</span></button>`,
  )}${trajectory.finalImage ? html`<button type="button" class="frame final" data-index="${trajectory.steps.length}" title="end state"><img loading="lazy" src="${root}${trajectory.finalImage}" alt=""><span>end</span></button>` : ''}</div>
</div>
<aside class="step-detail" id="step-detail" aria-live="polite"></aside>
</div>
</section>`;
}

function callsTable(calls: CallView[]): Html {
  return html`<table class="data calls"><thead><tr><th>role</th><th>model</th><th class="num">in</th><th class="num">out</th><th class="num">cache read</th><th class="num">images</th><th class="num">ms</th><th class="num">cost</th></tr></thead>
<tbody>${calls.map((call) => html`<tr><td>${call.role}</td><td>${call.model}${call.fromCache ? ' (cached)' : ''}</td><td class="num">${call.inputTokens}</td><td class="num">${call.outputTokens}</td><td class="num">${call.cacheReadTokens}</td><td class="num">${call.images}</td><td class="num">${Math.round(call.latencyMs)}</td><td class="num">${formatUsd(call.costUsd)}</td></tr>`)}</tbody></table>`;
}

function subtaskJury(jury: NonNullable<SubtaskView['jury']>, flagged: boolean): Html {
  return html`<p class="verdict">jury: ${jury.success ? 'success' : 'failure'} by majority${jury.split ? html` <span class="status bad">the judges split</span>` : ''}${flagged ? html` <span class="status bad">flagged for human review</span>` : ''}</p>
<ul class="jurors">${jury.jurors.map((juror) => html`<li>${juror.model}: ${juror.success === undefined ? 'no valid verdict' : `${juror.success ? 'success' : 'failure'} (confidence ${(juror.confidence ?? 0).toFixed(2)})${juror.reasons.length ? `: ${juror.reasons.join('; ')}` : ''}`}${juror.agreesWithChecker === false ? html` <span class="status bad">disagrees with the checker</span>` : ''}</li>`)}</ul>`;
}

function juryText(jury: NonNullable<EpisodeOutcomeView['jury']>): Html {
  return html`${jury.success ? 'success' : 'failure'} by majority${jury.split ? html` <span class="status bad">the judges split</span>` : ''}<ul class="jurors">${jury.opinions.map((opinion) => html`<li>${judgeText(opinion)}</li>`)}${jury.abstained.map((model) => html`<li>${model}: no valid verdict</li>`)}</ul>`;
}

function judgeText(judge: { success: boolean; confidence: number; reasons: string[]; model: string }): string {
  return `${judge.success ? 'success' : 'failure'} (confidence ${judge.confidence.toFixed(2)}, ${judge.model})${judge.reasons.length ? `: ${judge.reasons.join('; ')}` : ''}`;
}

function stepRange(range: { start: number; end: number }): string {
  const count = range.end - range.start;
  if (count <= 0) return 'no steps';
  return count === 1 ? `step #${range.start}` : `steps #${range.start}–#${range.end - 1} (${count})`;
}

export function truth(value: boolean | undefined): Html {
  if (value === undefined) return html`<span class="truth unknown">—</span>`;
  return value ? html`<span class="truth yes">true</span>` : html`<span class="truth no">false</span>`;
}
