import type { ChainRecord } from '../core/chain.js';
import type { ReplayReport } from '../core/eval.js';
import { describePredicate } from '../core/predicate.js';
import type { RunMeta } from '../core/run.js';
import type { Step } from '../core/step.js';
import type { Level, Subtask } from '../core/task.js';
import type { AuditReport } from '../core/audit.js';
import type { ModelCall } from '../core/usage.js';
import { errorMessage } from '../core/errors.js';
import { chainLayout, type RunLayout } from '../store/layout.js';
import { listChainIds, readCalls, readChain, readInterruptedCalls, readRunMeta, readSteps } from '../store/run-store.js';
import { readAuditReport, readReplayReport } from '../store/eval-store.js';
import { costTables, formatUsd } from './cost-tables.js';
import type { LevelView, OverviewPage, RunSite, SubtaskView, TaskRow, TrajectoryPage } from './site-model.js';
import { stepOwners } from './step-owner.js';
import { attributeCalls, siteImage, trajectorySteps } from './trajectory-steps.js';

export interface SiteOptions {
  /** Consensus review label of each level-k task, by `<run>/<chain>/L<k>`, where reviews exist. */
  reviews?: ReadonlyMap<string, string>;
  /** Trusted SVG of the success-by-level chart (evaluation runs). */
  resultsSvg?: string;
  /** Site-relative folder for this run's pages and images ('' for a one-run site). */
  prefix?: string;
}

/** Reads a synthesis run into the viewer's pages: an overview and one page per chain. */
export async function loadSynthSite(layout: RunLayout, options: SiteOptions = {}): Promise<RunSite> {
  const meta = await readRunMeta(layout);
  const replay = await readReplayReport(layout);
  const audit = await readAuditReport(layout);
  const prefix = options.prefix ?? '';
  const images = new Map<string, string>();
  const pages: TrajectoryPage[] = [];
  const rows: TaskRow[] = [];
  const allCalls: ModelCall[] = await readInterruptedCalls(layout).catch(() => []);
  const unreadable: string[][] = [];
  const pathOnly = meta.config.environment !== 'url';
  for (const chainId of await listChainIds(layout)) {
    try {
      const chain = await readChain(layout, chainId);
      if (!chain) continue;
      const steps = await readSteps(layout, chainId);
      const calls = await readCalls(layout, chainId);
      allCalls.push(...calls);
      const page = await chainPage({
        layout,
        meta,
        chain,
        steps,
        calls,
        replay,
        audit,
        reviews: options.reviews,
        prefix,
        images,
        pathOnly,
      });
      pages.push(page);
      for (const level of page.levels) rows.push(taskRow(meta, chain, level, page.href));
    } catch (error) {
      unreadable.push([chainId, errorMessage(error)]);
    }
  }
  const overview = synthOverview(meta, pages, rows, allCalls, replay, audit);
  if (unreadable.length > 0)
    overview.tables.push({ title: 'Chains that could not be read', columns: ['chain', 'problem'], rows: unreadable });
  return { overview, pages, images };
}

interface ChainInput {
  layout: RunLayout;
  meta: RunMeta;
  chain: ChainRecord;
  steps: Step[];
  calls: ModelCall[];
  replay: ReplayReport | undefined;
  audit: AuditReport | undefined;
  reviews: ReadonlyMap<string, string> | undefined;
  prefix: string;
  images: Map<string, string>;
  pathOnly: boolean;
}

async function chainPage(input: ChainInput): Promise<TrajectoryPage> {
  const { chain, steps } = input;
  const dir = chainLayout(input.layout, chain.chainId).dir;
  const imageDir = `${input.prefix}img/${chain.chainId}`;
  const stepsOf = (subtaskId: string | undefined) => steps.filter((step) => step.subtaskId === subtaskId);
  const calls = attributeCalls(input.calls, stepsOf);
  const stepViews = await trajectorySteps({
    dir,
    steps,
    imageDir,
    pathOnly: input.pathOnly,
    images: input.images,
    callsByStep: calls.byStep,
    subtaskOf: stepOwners(chain),
  });
  const last = steps[steps.length - 1];
  const levels = chain.levels.map((level): LevelView => {
    const replayed = input.replay?.tasks.find((task) => task.chainId === chain.chainId && task.level === level.level);
    const review = input.reviews?.get(`${input.meta.runId}/${chain.chainId}/L${level.level}`);
    return {
      level: level.level,
      task: level.task,
      checker: level.checker.map(describePredicate),
      ...(level.ordered ? { ordered: true } : {}),
      gold: level.gold,
      subtaskIds: level.subtaskIds,
      interactions: level.subtaskIds.map((id) => chain.subtasks.find((subtask) => subtask.id === id)?.interaction ?? '?'),
      ...(replayed ? { replay: { valid: replayed.valid, ...(replayed.failure ? { reason: replayed.failure.reason } : {}) } } : {}),
      ...levelAudit(level, chain.chainId, input.audit),
      ...(review ? { review } : {}),
      ...(level.usage?.costUsd !== undefined ? { costUsd: level.usage.costUsd } : {}),
    };
  });
  return {
    kind: 'chain',
    id: chain.chainId,
    href: `${input.prefix}chains/${chain.chainId}.html`,
    environment: chain.environment,
    heading: `${input.meta.runId} / ${chain.chainId}`,
    facts: [
      ['app', chain.environment],
      ['persona', chain.persona],
      ['seed', `env ${chain.envSeed}, agent ${chain.agentSeed}`],
      ['start', chain.startPath ?? '/'],
      [
        'status',
        chain.status +
          (chain.stopReason ? `: ${chain.stopReason}` : '') +
          (chain.error ? ` (${chain.error.code}: ${chain.error.message})` : ''),
      ],
      ['levels', String(chain.levels.length)],
      ['steps', String(steps.length)],
      ['cost', formatUsd(chain.usage.costUsd)],
      ...(chain.skippedLevels ?? []).map((skipped): [string, string] => [`skipped level ${skipped.level}`, skipped.reason]),
    ],
    levels,
    subtasks: chain.subtasks.map((subtask, index) => subtaskView(subtask, index, calls.bySubtask.get(subtask.id) ?? [])),
    steps: stepViews,
    ...(last ? { finalImage: siteImage({ dir, imageDir, images: input.images }, last.after.screenshot) } : {}),
  };
}

/** What the audits found for a level: synthesis's own, and `trajsynth audit`'s (with every near-miss the checker passed). */
function levelAudit(level: Level, chainId: string, audit: AuditReport | undefined): Pick<LevelView, 'audit'> {
  const synth = level.audit
    ? `${level.audit.mode} audit in synthesis: ${level.audit.killed} near-misses rejected${level.audit.stuck ? `, ${level.audit.stuck} stuck` : ''}${level.audit.strengthened?.length ? `; strengthened with ${level.audit.strengthened.join(' AND ')}` : ''}`
    : undefined;
  const task = audit?.tasks.find((candidate) => candidate.chainId === chainId && candidate.level === level.level);
  if (!synth && !task) return {};
  const survivors = audit?.mutants
    .filter((mutant) => mutant.chainId === chainId && mutant.level === level.level && mutant.outcome === 'survived')
    .map((mutant) => `${mutant.kind}, subtask ${mutant.subtask}: ${mutant.mutation}`);
  const summary = task
    ? task.goldPasses
      ? `${task.score.killed} of ${task.score.replayed} near-misses rejected${task.score.stuck ? `, ${task.score.stuck} stuck` : ''}`
      : `not audited: ${task.goldFailure ?? 'the gold does not pass'}`
    : undefined;
  return {
    audit: {
      ...(synth ? { synth } : {}),
      ...(task ? { sound: task.sound } : {}),
      ...(summary ? { summary } : {}),
      ...(survivors?.length ? { survivors } : {}),
    },
  };
}

function subtaskView(subtask: Subtask, position: number, calls: SubtaskView['calls']): SubtaskView {
  return {
    id: subtask.id,
    position,
    origin: subtask.origin,
    ...(subtask.revisedFrom ? { revisedFrom: subtask.revisedFrom } : {}),
    status: subtask.status,
    ...(subtask.level !== undefined ? { level: subtask.level } : {}),
    description: subtask.description,
    interaction: subtask.interaction,
    predicates: subtask.predicates.map((predicate, index) => ({
      text: describePredicate(predicate),
      before: subtask.verdict.before[index],
      after: subtask.verdict.after[index],
    })),
    method: subtask.verdict.method,
    reason: subtask.verdict.reason,
    ...(subtask.verdict.judge ? { judge: subtask.verdict.judge } : {}),
    ...(subtask.verdict.jury ? { jury: subtask.verdict.jury } : {}),
    ...(subtask.verdict.flaggedForReview ? { flaggedForReview: true } : {}),
    ...(subtask.answer !== undefined ? { answer: subtask.answer } : {}),
    steps: subtask.steps,
    calls,
    ...(subtask.usage.costUsd !== undefined ? { costUsd: subtask.usage.costUsd } : {}),
  };
}

function taskRow(meta: RunMeta, chain: ChainRecord, level: LevelView, href: string): TaskRow {
  return {
    id: `${meta.runId}/${chain.chainId}/L${level.level}`,
    href: `${href}#level=${level.level}`,
    environment: chain.environment,
    level: level.level,
    interactions: level.interactions,
    text: level.task,
    status:
      level.replay?.valid === false
        ? 'replay invalid'
        : level.audit?.sound === false
          ? 'unsound checker'
          : level.replay
            ? 'replay valid'
            : level.audit?.sound
              ? 'sound checker'
              : 'not replayed',
    ...(level.review ? { review: level.review } : {}),
    steps: level.gold.end - level.gold.start,
    detail: chain.persona,
  };
}

function synthOverview(
  meta: RunMeta,
  pages: TrajectoryPage[],
  rows: TaskRow[],
  calls: ModelCall[],
  replay: ReplayReport | undefined,
  audit: AuditReport | undefined,
): OverviewPage {
  const subtasks = pages.flatMap((page) => page.subtasks);
  const maxLevel = Math.max(meta.config.maxLevel, ...rows.map((row) => row.level));
  const chains = pages.length;
  const levels = Array.from({ length: maxLevel }, (_, index) => {
    const count = pages.filter((page) => page.levels.some((level) => level.level >= index + 1)).length;
    return { level: index + 1, count, of: chains, label: `${count} of ${chains}` };
  });
  const tables = costTables(calls);
  if (meta.coverage.length > 0) {
    tables.push({
      title: 'Coverage per app (declared affordances exercised by accepted subtasks)',
      columns: ['app', 'chains', 'exercised', 'declared', 'untouched'],
      rows: meta.coverage.map((app) => [
        app.environment,
        String(app.chains),
        String(app.exercised.length),
        String(app.declared),
        app.untouched
          .map((item) => item.name ?? item.description)
          .slice(0, 6)
          .join('; '),
      ]),
      numeric: [1, 2, 3],
    });
  }
  if (replay) {
    tables.push({
      title: `Replay validation (${replay.passed} of ${replay.total} level-k tasks valid)`,
      columns: ['level', 'valid', 'total', 'rate'],
      rows: Object.entries(replay.byLevel).map(([level, rate]) => [
        level,
        String(rate.passed),
        String(rate.total),
        `${Math.round(rate.rate * 100)}%`,
      ]),
      numeric: [1, 2, 3],
    });
  }
  if (audit) {
    const score = (rate: AuditReport['overall']) => (rate.score === undefined ? 'n/a' : `${Math.round(rate.score * 1000) / 10}%`);
    tables.push({
      title: `Checker audit: mutation score ${score(audit.overall)} (${audit.tasks.filter((task) => task.sound).length} of ${audit.tasks.length} level-k tasks sound)`,
      columns: ['by', 'killed', 'replayed', 'survived', 'stuck', 'score'],
      rows: [
        ...Object.entries(audit.byLevel).map(([level, rate]) => [`level ${level}`, rate] as const),
        ...Object.entries(audit.byKind).map(([kind, rate]) => [kind, rate] as const),
      ].map(([key, rate]) => [key, String(rate.killed), String(rate.replayed), String(rate.survived), String(rate.stuck), score(rate)]),
      numeric: [1, 2, 3, 4, 5],
    });
  }
  return {
    kind: 'synth',
    runId: meta.runId,
    heading: `Synthesis run ${meta.runId}`,
    facts: [
      ['status', meta.status + (meta.stopReason ? `: ${meta.stopReason}` : '')],
      ['environment', meta.config.site ? `${meta.config.environment} (${meta.config.site.url})` : meta.config.environment],
      ['chains × max level', `${meta.config.chains} × ${meta.config.maxLevel}`],
      ['seed', String(meta.config.seed)],
      [
        'roles',
        Object.entries(meta.config.roles)
          .map(([role, impl]) => `${role}: ${impl}`)
          .join(', '),
      ],
      ...(meta.config.target
        ? [
            [
              'aimed at',
              `${meta.config.target.agent} (evaluation ${meta.config.target.evalRun}): frontier L${meta.config.target.frontierLevel}, weak kinds ${meta.config.target.weakKinds.join(', ') || 'none'}${
                meta.config.target.keepBand
                  ? `; kept tasks with predicted success ${meta.config.target.keepBand.low}–${meta.config.target.keepBand.high}`
                  : ''
              }`,
            ] as [string, string],
          ]
        : []),
      ['created', `${meta.createdAt} by trajsynth ${meta.tool.version}`],
    ],
    tiles: [
      {
        label: 'chains',
        value: String(chains),
        note: `${pages.filter((page) => page.facts.some(([key, value]) => key === 'status' && value.startsWith('complete'))).length} complete`,
      },
      { label: 'level-k tasks', value: String(rows.length) },
      {
        label: 'subtasks accepted',
        value: String(subtasks.filter((subtask) => subtask.status === 'accepted').length),
        note: `${subtasks.filter((subtask) => subtask.origin === 'revised' && subtask.status === 'accepted').length} revised`,
      },
      { label: 'attempts failed', value: String(subtasks.filter((subtask) => subtask.status === 'failed').length) },
      { label: 'steps', value: String(pages.reduce((sum, page) => sum + page.steps.length, 0)) },
      { label: 'cost', value: formatUsd(meta.usage.costUsd), note: `${meta.usage.calls} model calls` },
    ],
    levels,
    levelsTitle: 'Chains reaching each level',
    tables,
    rows,
    rowKind: 'task',
  };
}
