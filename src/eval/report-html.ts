import type { AgentResult, Interval, JudgeAgreement, JurorAgreement, JuryAgreement, LevelResult, Results } from '../core/results.js';
import { escapeXml as escape } from './report-chart.js';

const DASH = '—';

const STYLE = `
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #222; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 14px; margin: 18px 0 6px; }
.meta { color: #666; font-size: 13px; }
.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 12.5px; margin: 6px 0 12px; }
th, td { border: 1px solid #ddd; padding: 4px 7px; }
th { background: #f4f4f4; text-align: left; }
td:first-child { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.pooled td { background: #fafafa; font-weight: bold; }
.ci { color: #666; font-weight: normal; }
`;

/**
 * Renders results.json as a standalone HTML page: the chart (trusted SVG from renderResultsChart),
 * then per agent a table by level with a pooled row, failure and error reasons, and judge agreement.
 * Undefined numbers show as "—"; every piece of text from the data is escaped.
 */
export function renderResultsHtml(results: Results, chartSvg: string): string {
  const title = 'trajsynth results';
  const { resamples, seed } = results.bootstrap;
  const meta = `Generated ${results.generatedAt} by ${results.tool.name} ${results.tool.version}. Intervals are 95%: Wilson for success by level; bootstrap over chains (${resamples} resamples, seed ${seed}) for progress and pooled rows.`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<h1>${escape(title)}</h1>`,
    `<p class="meta">${escape(meta)}</p>`,
    `<div class="chart">${chartSvg.replace(/^<\?xml[^>]*>\s*/, '')}</div>`,
    ...results.agents.map(renderAgent),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderAgent(agent: AgentResult): string {
  const runs = agent.runs.length ? ` · runs: ${agent.runs.join(', ')}` : '';
  return [
    '<section class="agent">',
    `<h2>${escape(agent.label)}</h2>`,
    `<p class="meta">${escape(`agent: ${agent.agent}${runs}`)}</p>`,
    renderLevelTable(agent),
    '<h3>Failure reasons</h3>',
    renderCounts(agent.failureReasons, 'failure-reasons'),
    '<h3>Errors</h3>',
    renderCounts(agent.errorReasons, 'error-reasons'),
    agent.judge ? renderJudge(agent.judge, (agent.jury?.judges.length ?? 1) > 1) : '',
    agent.jury ? renderJury(agent.jury) : '',
    '</section>',
  ].join('\n');
}

function renderLevelTable(agent: AgentResult): string {
  const header = [
    'Level',
    'Tasks',
    'Episodes',
    'Success [95% CI]',
    'Mean progress [95% CI]',
    'Mean steps',
    'Wall time / episode (s)',
    '$ / episode',
    '$ / success',
    'Errors',
  ];
  const levels = [...agent.levels].sort((a, b) => a.level - b.level);
  const { pooled } = agent;
  const pooledCells = [
    escape('pooled (bootstrap CI by chain)'),
    number(pooled.chains),
    number(pooled.episodes),
    withCi(percent(pooled.success), pooled.successCi, percentBare),
    withCi(
      pooled.progressFraction === undefined ? DASH : `${percent(pooled.progressFraction)} of subtasks`,
      pooled.progressFractionCi,
      percentBare,
    ),
    fixed(pooled.meanSteps, 1),
    seconds(pooled.wallMsPerEpisode),
    usd(pooled.costUsdPerEpisode),
    usd(pooled.costUsdPerSuccess),
    number(agent.errors),
  ];
  return [
    '<table class="levels">',
    `<thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...levels.map((level) => row(levelCells(level), 'level')),
    row(pooledCells, 'pooled'),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function levelCells(level: LevelResult): string[] {
  const progress = level.meanProgress === undefined ? DASH : `${level.meanProgress.toFixed(2)}/${level.level}`;
  return [
    number(level.level),
    number(level.tasks),
    number(level.episodes),
    withCi(percent(level.success), level.successCi, percentBare),
    withCi(progress, level.progressCi, (value) => value.toFixed(2)),
    fixed(level.meanSteps, 1),
    seconds(level.wallMsPerEpisode),
    usd(level.costUsdPerEpisode),
    usd(level.costUsdPerSuccess),
    number(level.errors),
  ];
}

function renderCounts(counts: { reason: string; count: number }[], className: string): string {
  if (!counts.length) return `<p class="meta">None.</p>`;
  const rows = [...counts]
    .sort((a, b) => b.count - a.count)
    .map((c) => `<tr><td>${escape(c.reason)}</td><td class="num">${c.count}</td></tr>`);
  return [
    `<table class="${className}">`,
    '<thead><tr><th>Reason</th><th>Count</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

function renderJudge(judge: NonNullable<AgentResult['judge']>, isJury: boolean): string {
  const header = ['Level', 'Episodes', 'Agreement', 'Precision', 'Recall', "Cohen's κ"];
  const cells = (label: string, a: JudgeAgreement) => [
    escape(label),
    number(a.episodes),
    percent(a.agreement),
    percent(a.precision),
    percent(a.recall),
    fixed(a.kappa, 2),
  ];
  const levels = [...judge.levels].sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
  return [
    isJury ? '<h3>Jury (majority) vs checker, all judged episodes</h3>' : '<h3>Judge vs checker</h3>',
    '<table class="judge">',
    `<thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...levels.map((a) => row(cells(a.level === undefined ? DASH : String(a.level), a), 'level')),
    row(cells('overall', judge.overall), 'pooled'),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function renderJury(jury: JuryAgreement): string {
  const { sample } = jury;
  const header = ['Judge', 'Accuracy', 'Precision', 'Recall', "Cohen's κ", 'All: episodes', 'All: accuracy', 'All: κ'];
  const cells = (label: string, a: JurorAgreement) => [
    escape(label),
    percent(a.balanced.agreement),
    percent(a.balanced.precision),
    percent(a.balanced.recall),
    fixed(a.balanced.kappa, 2),
    number(a.all.episodes),
    percent(a.all.agreement),
    fixed(a.all.kappa, 2),
  ];
  const note =
    sample.checkerSuccesses > 0
      ? `On a sample balanced by checker verdict: ${sample.checkerSuccesses} checker successes and ${sample.checkerFailures} checker failures, drawn with seed ${sample.seed} from ${sample.from} judged episodes. "All" columns use every judged episode (raw agreement is easy to game where most episodes fail).`
      : `No balanced sample: the checker's verdicts on the ${sample.from} judged episodes all go one way; "All" columns use every judged episode.`;
  return [
    `<h3>${jury.judges.length > 1 ? 'Judges and jury' : 'Judge'} vs checker, balanced sample</h3>`,
    `<p class="meta">${escape(note)}${jury.judges.length > 1 ? escape(` Jury rule: ${jury.rule}; the judges split on ${jury.splits} episode(s).`) : ''}</p>`,
    '<table class="jury">',
    `<thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...jury.jurors.map((juror) => row(cells(juror.judge, juror), 'level')),
    ...(jury.judges.length > 1 ? [row(cells('jury (majority)', jury.jury), 'pooled')] : []),
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** First cell is a label; the rest are right-aligned numbers. Cells are already escaped. */
function row(cells: string[], className: string): string {
  return `<tr class="${className}">${cells.map((cell, i) => (i === 0 ? `<td>${cell}</td>` : `<td class="num">${cell}</td>`)).join('')}</tr>`;
}

function withCi(value: string, ci: Interval | undefined, format: (value: number) => string): string {
  if (value === DASH || !ci) return escape(value);
  return `${escape(value)} <span class="ci">${escape(`[${format(ci.low)}–${format(ci.high)}]`)}</span>`;
}

function number(value: number | undefined): string {
  return value === undefined ? DASH : String(value);
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined ? DASH : value.toFixed(digits);
}

function percent(fraction: number | undefined): string {
  return fraction === undefined ? DASH : `${percentBare(fraction)}%`;
}

function percentBare(fraction: number): string {
  return (fraction * 100).toFixed(1);
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? DASH : (ms / 1000).toFixed(1);
}

function usd(value: number | undefined): string {
  if (value === undefined) return DASH;
  return `$${value.toFixed(value >= 1 ? 2 : value >= 0.01 ? 3 : 4)}`;
}
