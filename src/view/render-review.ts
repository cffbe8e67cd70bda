import { describePredicate } from '../core/predicate.js';
import { ReviewReasonSchema } from '../core/review.js';
import { html, jsonScript, page, type Html } from './html.js';
import type { ReviewTask } from './review-tasks.js';
import { timelineSection } from './render-trajectory.js';
import type { StepView } from './site-model.js';

const REASON_TEXT: Record<string, string> = {
  unclear: 'unclear: a person could not tell what to do',
  unsolvable: 'unsolvable: it cannot be done from the start page',
  'wrong-checker': 'wrong checker: the checker does not test what the task asks',
  trivial: 'trivial: nothing to do, or already done at the start',
  unsafe: 'unsafe: harmful, or acts where it should not',
};

/** The review page's shell: the reviewer, the verdict form; the task itself arrives from /api/next. */
export function renderReviewPage(options: { reviewer: string; runId: string }): string {
  const body = html`
<nav class="crumbs">trajsynth review › <span>${options.runId}</span></nav>
<h1>Review level-k tasks <span class="sub">as ${options.reviewer} · <span id="progress"></span></span></h1>
<p id="notice" class="notice" hidden></p>
<div id="review-task"><p class="empty">Loading the next task…</p></div>
<form id="verdict-form" class="verdict-form" hidden>
<fieldset><legend>Is this task valid and correctly checked?</legend>
<label><input type="radio" name="verdict" value="valid" required> valid, and the checker tests it</label>
<label><input type="radio" name="verdict" value="invalid"> invalid</label>
<label><input type="radio" name="verdict" value="unsure"> unsure</label>
</fieldset>
<fieldset id="reasons" disabled><legend>Why invalid?</legend>
${ReviewReasonSchema.options.map((reason) => html`<label><input type="radio" name="reason" value="${reason}" required> ${REASON_TEXT[reason] ?? reason}</label>`)}
</fieldset>
<label>Comment (optional)<textarea name="comment" maxlength="2000" placeholder="What a person should know about this task"></textarea></label>
<button type="submit">Record verdict and show the next task</button>
</form>
${jsonScript('page-info', { page: 'review', reviewer: options.reviewer, runId: options.runId })}`;
  return page({ title: `Review ${options.runId} · trajsynth`, root: '/', body, bodyClass: 'review', scripts: ['review.js'] });
}

/** One task as a reviewer sees it: the text, the checker, the subtasks, and the gold trajectory. */
export function renderReviewTask(task: ReviewTask, steps: StepView[], finalImage: string | undefined, queue: string): Html {
  return html`<section class="review-task" data-task-id="${task.taskId}" data-queue="${queue}">
<h2>${task.taskId} <span class="sub">${task.environment} · level ${task.level} · start ${task.startPath} · uncertainty ${task.uncertainty.toFixed(2)} (${queue === 'chosen' ? 'judged again' : `${queue} pick`})</span></h2>
<p class="task-text" id="task-text">${task.text}</p>
${task.answer !== undefined ? html`<p class="sub">expected answer: <q>${task.answer}</q></p>` : ''}
<h3>Checker (derived: what must hold at the end)</h3>
<ul class="checker">${task.checker.map((predicate) => html`<li>${describePredicate(predicate)}</li>`)}</ul>
<h3>Subtasks it chains</h3>
<ol class="subtasks">${task.subtasks.map((subtask) => html`<li>${subtask.description} <span class="kind">${subtask.interaction}</span>${subtask.origin === 'revised' ? html` <span class="badge">revised</span>` : ''}</li>`)}</ol>
<p class="sub">machine: checkers say ${task.checkerView}${task.judgeView ? `, judge says ${task.judgeView}` : ''}${task.signals.replayFailed ? ', replay failed' : ''}</p>
</section>
${timelineSection({ steps, ...(finalImage ? { finalImage } : {}) }, '/')}`;
}
