import type { EpisodeRecord, EvalRunMeta } from '../core/eval.js';
import { describePredicate } from '../core/predicate.js';
import { ModelCallSchema, type ModelCall } from '../core/usage.js';
import { errorMessage } from '../core/errors.js';
import { episodeLayout, type RunLayout } from '../store/layout.js';
import { readJsonLines } from '../store/parse-file.js';
import { listEpisodeIds, readEpisode, readEpisodeSteps, readEvalRunMeta } from '../store/eval-store.js';
import { readInterruptedCalls } from '../store/run-store.js';
import { costTables, formatUsd } from './cost-tables.js';
import type { SiteOptions } from './load-synth-site.js';
import type { OverviewPage, RunSite, TaskRow, TrajectoryPage } from './site-model.js';
import { attributeCalls, siteImage, trajectorySteps } from './trajectory-steps.js';

/** Reads an evaluation run into the viewer's pages: an overview with success by level and one page per episode. */
export async function loadEvalSite(layout: RunLayout, options: SiteOptions = {}): Promise<RunSite> {
  const meta = await readEvalRunMeta(layout);
  const prefix = options.prefix ?? '';
  const images = new Map<string, string>();
  const pages: TrajectoryPage[] = [];
  const rows: TaskRow[] = [];
  const episodes: EpisodeRecord[] = [];
  const allCalls: ModelCall[] = await readInterruptedCalls(layout).catch(() => []);
  const unreadable: string[][] = [];
  for (const episodeId of await listEpisodeIds(layout)) {
    try {
      const episode = await readEpisode(layout, episodeId);
      if (!episode) continue;
      const files = episodeLayout(layout, episodeId);
      const steps = await readEpisodeSteps(layout, episodeId);
      const calls = await readJsonLines(files.callsFile, ModelCallSchema, 'a model call', { missingOk: true });
      allCalls.push(...calls.map((call) => ({ ...call, level: call.level ?? episode.task.level })));
      const attributed = attributeCalls(calls, () => steps);
      const imageDir = `${prefix}img/episodes/${episodeId}`;
      const stepViews = await trajectorySteps({
        dir: files.dir,
        steps,
        imageDir,
        pathOnly: episode.task.environment !== 'url',
        images,
        callsByStep: attributed.byStep,
        subtaskOf: (step) => ({ id: step.subtaskId, position: 0, attempt: 'episode' }),
      });
      const last = steps[steps.length - 1];
      const href = `${prefix}episodes/${episodeId}.html`;
      pages.push({
        kind: 'episode',
        id: episodeId,
        href,
        environment: episode.task.environment,
        heading: `${meta.runId} / ${episodeId}`,
        facts: [
          ['agent', episode.agent],
          ['task', `${episode.task.source}/${episode.task.chainId}/L${episode.task.level} (repeat ${episode.repeat})`],
          ['app', episode.task.environment],
          [
            'status',
            episode.status +
              (episode.endedBy ? `, ended by ${episode.endedBy}` : '') +
              (episode.error ? ` (${episode.error.code}: ${episode.error.message})` : ''),
          ],
          ['steps', `${steps.length} of at most ${episode.maxSteps}`],
          ['cost', formatUsd(episode.usage.costUsd)],
        ],
        levels: [],
        subtasks: [],
        episode: {
          task: episode.task.text,
          checker: episode.task.checker.map(describePredicate),
          ...(episode.checkerAtEnd ? { checkerAtEnd: episode.checkerAtEnd } : {}),
          level: episode.task.level,
          source: episode.task.source,
          chainId: episode.task.chainId,
          agent: episode.agent,
          status: episode.status,
          ...(episode.success !== undefined ? { success: episode.success } : {}),
          ...(episode.progress !== undefined ? { progress: episode.progress } : {}),
          ...(episode.milestones ? { milestones: episode.milestones } : {}),
          ...(episode.endedBy ? { endedBy: episode.endedBy } : {}),
          ...(episode.failureReason ? { failureReason: episode.failureReason } : {}),
          ...(episode.answer !== undefined ? { answer: episode.answer } : {}),
          ...(episode.judge ? { judge: episode.judge } : {}),
          ...(episode.jury ? { jury: episode.jury } : {}),
        },
        steps: stepViews,
        ...(last ? { finalImage: siteImage({ dir: files.dir, imageDir, images }, last.after.screenshot) } : {}),
      });
      episodes.push(episode);
      rows.push({
        id: `${meta.runId}/${episodeId}`,
        href,
        environment: episode.task.environment,
        level: episode.task.level,
        interactions: [],
        text: episode.task.text,
        status: outcomeOf(episode),
        steps: steps.length,
        detail: `${episode.task.chainId} · repeat ${episode.repeat} · progress ${episode.progress ?? '—'}/${episode.task.level}`,
      });
    } catch (error) {
      unreadable.push([episodeId, errorMessage(error)]);
    }
  }
  const overview = evalOverview(meta, episodes, rows, allCalls, options.resultsSvg);
  if (unreadable.length > 0)
    overview.tables.push({ title: 'Episodes that could not be read', columns: ['episode', 'problem'], rows: unreadable });
  return { overview, pages, images };
}

function outcomeOf(episode: EpisodeRecord): string {
  if (episode.status === 'error') return 'error';
  if (episode.status === 'running') return 'unfinished';
  return episode.success ? 'success' : 'failure';
}

function evalOverview(
  meta: EvalRunMeta,
  episodes: EpisodeRecord[],
  rows: TaskRow[],
  calls: ModelCall[],
  resultsSvg: string | undefined,
): OverviewPage {
  const finished = episodes.filter((episode) => episode.status === 'finished');
  const maxLevel = Math.max(0, ...episodes.map((episode) => episode.task.level));
  const levels = Array.from({ length: maxLevel }, (_, index) => {
    const at = finished.filter((episode) => episode.task.level === index + 1);
    const count = at.filter((episode) => episode.success).length;
    return { level: index + 1, count, of: at.length, label: at.length ? `${count} of ${at.length}` : 'none' };
  }).filter((level) => level.of > 0);
  const successes = finished.filter((episode) => episode.success).length;
  return {
    kind: 'eval',
    runId: meta.runId,
    heading: `Evaluation run ${meta.runId}`,
    facts: [
      ['status', meta.status + (meta.stopReason ? `: ${meta.stopReason}` : '')],
      ['agent', meta.config.agent + (meta.config.agentMode ? ` (${meta.config.agentMode})` : '')],
      ['tasks from', `${meta.config.source} (${meta.config.sourceKind})`],
      ['levels', meta.config.levels.join(', ')],
      ['episodes per task', String(meta.config.episodes)],
      meta.config.judges ? ['judges', `${meta.config.judges.join(', ')} (majority; a tie fails)`] : ['judge', meta.config.judge ?? 'none'],
      ['created', `${meta.createdAt} by trajsynth ${meta.tool.version}`],
    ],
    tiles: [
      { label: 'episodes', value: `${episodes.length}`, note: `${meta.counts.planned} planned` },
      {
        label: 'success',
        value: finished.length ? `${Math.round((successes / finished.length) * 100)}%` : '—',
        note: `${successes} of ${finished.length} finished`,
      },
      { label: 'harness errors', value: String(episodes.filter((episode) => episode.status === 'error').length) },
      { label: 'steps', value: String(rows.reduce((sum, row) => sum + row.steps, 0)) },
      { label: 'cost', value: formatUsd(meta.usage.costUsd), note: `${meta.usage.calls} model calls` },
    ],
    levels,
    levelsTitle: 'Successful episodes by level',
    ...(resultsSvg ? { resultsSvg } : {}),
    tables: costTables(calls),
    rows,
    rowKind: 'episode',
  };
}
