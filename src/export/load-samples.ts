import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { retrySamples } from './retry-samples.js';
import type { ChainRecord } from '../core/chain.js';
import { TrajsynthError } from '../core/errors.js';
import type { EpisodeRecord, ReplayReport } from '../core/eval.js';
import type { Step } from '../core/step.js';
import { DEFAULT_VIEWPORT, type Viewport } from '../core/geometry.js';
import { consensusByTask, consensusLabelOf, consensusOptions, type ConsensusOptions } from '../core/review-consensus.js';
import { environmentFacts } from './environment-facts.js';
import { chainLayout, episodeLayout, runLayout, type RunLayout } from '../store/layout.js';
import { readReviewVerdicts } from '../store/reviews-file.js';
import { findRunDamage } from '../store/run-damage.js';
import { listChainIds, readChain, readRunMeta, readSteps, runExists } from '../store/run-store.js';
import {
  listEpisodeIds,
  readAuditReport,
  readEpisode,
  readEpisodeSteps,
  readEvalRunMeta,
  readReplayReport,
  runKind,
} from '../store/eval-store.js';
import { URL_ENVIRONMENT_ID } from '../environments/url-environment.js';
import type { SampleStep, TrajectorySample } from './sample.js';

/** A source run of an export, with what the manifest records about it. */
export interface LoadedSource {
  layout: RunLayout;
  runId: string;
  kind: 'synth' | 'eval';
  status: string;
  config: Record<string, unknown>;
  toolVersion: string;
  /** Samples, in a stable order (chain, then level; or episode). Their `split` is assigned later. */
  samples: Omit<TrajectorySample, 'split'>[];
  /** What was left out and why (unfinished chains, harness errors), one line each. */
  skipped: string[];
  /** Retried subtasks as attempt samples (a success and a failure per retry), for preference pairs only. */
  retrySamples: LoadedSource['samples'];
}

export interface LoadSourceOptions {
  /** How human reviews become a sample's `review` label (default majority of at least 2 reviewers). */
  consensus?: Partial<ConsensusOptions>;
}

/**
 * Reads one run (synthesis or evaluation) into samples: one per stored level-k task of a finished
 * chain, or one per finished evaluation episode. A damaged run is refused with every damaged file
 * named: a dataset is never built from half a file. Where the run (or, for an evaluation, its
 * source run under the same output directory) has reviews, each sample's `review` is its task's
 * consensus label.
 */
export async function loadSource(layout: RunLayout, options: LoadSourceOptions = {}): Promise<LoadedSource> {
  const kind = await runKind(layout);
  // Damage in an unfinished chain does not matter: unfinished chains are not exported.
  const damage = (await findRunDamage(layout)).filter((item) => item.finished !== false);
  if (damage.length > 0) {
    const first = damage[0]!;
    throw new TrajsynthError(
      `Expected run ${layout.runId} to be intact, got ${damage.length} damaged file(s), first ${first.file}${first.line ? `:${first.line}` : ''}: ${first.problem}`,
      {
        code: 'CORRUPT_FILE',
        hint: `Run \`trajsynth validate ${layout.runId}\` for the list; restore the files or redo the chains with \`trajsynth synth ... --resume --redo-damaged\`.`,
      },
    );
  }
  const loaded = kind === 'eval' ? await loadEvalRun(layout) : await loadSynthRun(layout);
  return { ...loaded, samples: await withReviews(layout, loaded, options) };
}

/**
 * Sets each sample's `review` to its task's consensus label, where reviews exist: a synthesis run's
 * own reviews.jsonl (a damaged one is an error), or for evaluation episodes the reviews of the
 * source run, when that run is under the same output directory and readable (else left unset).
 */
async function withReviews(layout: RunLayout, loaded: LoadedSource, options: LoadSourceOptions): Promise<LoadedSource['samples']> {
  const rule = consensusOptions(options.consensus);
  const byRun = new Map<string, ReturnType<typeof consensusByTask> | undefined>();
  if (loaded.kind === 'synth') {
    const verdicts = await readReviewVerdicts(layout);
    byRun.set(layout.runId, verdicts.length > 0 ? consensusByTask(verdicts, rule) : undefined);
  }
  const samples: LoadedSource['samples'] = [];
  for (const sample of loaded.samples) {
    if (!byRun.has(sample.sourceRunId)) byRun.set(sample.sourceRunId, await sourceRunConsensus(layout, sample.sourceRunId, rule));
    const consensus = byRun.get(sample.sourceRunId);
    const taskId = `${sample.sourceRunId}/${sample.chainId}/L${sample.level}`;
    samples.push(consensus ? { ...sample, review: consensusLabelOf(consensus, taskId) } : sample);
  }
  return samples;
}

async function sourceRunConsensus(
  layout: RunLayout,
  sourceRunId: string,
  rule: ConsensusOptions,
): Promise<ReturnType<typeof consensusByTask> | undefined> {
  try {
    const source = runLayout(layout.outDir, sourceRunId);
    if (!runExists(source)) return undefined;
    const verdicts = await readReviewVerdicts(source);
    return verdicts.length > 0 ? consensusByTask(verdicts, rule) : undefined;
  } catch {
    return undefined; // an unreadable source run's reviews: the episodes stay unlabelled
  }
}

async function loadSynthRun(layout: RunLayout): Promise<LoadedSource> {
  const meta = await readRunMeta(layout);
  const replay = await readReplayReport(layout);
  const audit = await readAuditReport(layout);
  const samples: LoadedSource['samples'] = [];
  const retry: LoadedSource['samples'] = [];
  const skipped: string[] = [];
  for (const chainId of await listChainIds(layout)) {
    const chain = await readChain(layout, chainId);
    if (!chain) {
      skipped.push(`${layout.runId}/${chainId}: never started (no chain.json)`);
      continue;
    }
    if (chain.status === 'running' || chain.status === 'error') {
      skipped.push(
        `${layout.runId}/${chainId}: ${chain.status === 'running' ? 'unfinished' : 'ended on a harness error'}; finish it with \`trajsynth synth ... --resume\``,
      );
      continue;
    }
    if (chain.levels.length === 0) continue;
    const steps = await readSteps(layout, chainId);
    const dir = chainLayout(layout, chainId).dir;
    const viewport = environmentFacts(chain.environment, meta.config.site).viewport ?? DEFAULT_VIEWPORT;
    for (const level of chain.levels) {
      const sound = audit?.tasks.find((task) => task.chainId === chain.chainId && task.level === level.level)?.sound;
      samples.push({
        ...levelSample(layout.runId, chain, level.level, steps, dir, replay, viewport),
        ...(sound !== undefined ? { checkerSound: sound } : {}),
        startedAt: meta.createdAt,
      });
    }
    const retries = await retrySamples({
      runId: layout.runId,
      chain,
      steps,
      snapshotBefore: (step) => readFile(join(dir, step.before.snapshot), 'utf8').catch(() => ''),
      sampleStep: (step, subtaskIndex, attempt) => sampleStep(step, dir, chain.environment, subtaskIndex, attempt),
      base: {
        runId: layout.runId,
        kind: 'synth',
        chainId,
        sourceRunId: layout.runId,
        environment: chain.environment,
        envSeed: chain.envSeed,
        startPath: chain.startPath ?? '/',
        persona: chain.persona,
        viewport,
        startedAt: meta.createdAt,
      },
      finalOf: (step) => ({
        finalScreenshotPath: join(dir, step.after.screenshot),
        finalUrl: shownUrl(step.after.url, chain.environment),
        finalTitle: step.after.title,
      }),
    });
    retry.push(...retries.samples);
    if (retries.differentStart > 0)
      skipped.push(
        `${layout.runId}/${chainId}: ${retries.differentStart} retried subtask(s) not paired: the failed attempt changed the page the retry started on`,
      );
  }
  return {
    layout,
    runId: layout.runId,
    kind: 'synth',
    status: meta.status,
    config: meta.config,
    toolVersion: meta.tool.version,
    samples,
    skipped,
    retrySamples: retry,
  };
}

function replayValidity(replay: ReplayReport | undefined, chainId: string, level: number): boolean | undefined {
  return replay?.tasks.find((task) => task.chainId === chainId && task.level === level)?.valid;
}

function levelSample(
  runId: string,
  chain: ChainRecord,
  levelNumber: number,
  steps: readonly Step[],
  dir: string,
  replay: ReplayReport | undefined,
  viewport: Viewport,
): Omit<TrajectorySample, 'split'> {
  const level = chain.levels.find((candidate) => candidate.level === levelNumber)!;
  const subtasks = level.subtaskIds.map((id) => chain.subtasks.find((subtask) => subtask.id === id)!);
  // A step belongs to the level subtask that stored it, or that a revision relabelled it to; steps of a
  // failed attempt that was never relabelled belong to the next subtask (they changed the page it started on).
  const positionOf = new Map<string, number>();
  subtasks.forEach((subtask, position) => {
    positionOf.set(subtask.id, position);
    if (subtask.revisedFrom) positionOf.set(subtask.revisedFrom, position);
  });
  const gold = steps.filter((step) => step.index >= level.gold.start && step.index < level.gold.end);
  const sampleSteps: SampleStep[] = [];
  for (const step of gold) {
    if (step.executed.action.type === 'done') continue; // a subtask's end, not an action on the page
    const accepted = positionOf.get(step.subtaskId);
    const position = accepted ?? nextAcceptedPosition(chain, step, positionOf);
    sampleSteps.push(sampleStep(step, dir, chain.environment, position, accepted === undefined ? 'failed' : 'accepted'));
  }
  const last = gold.at(-1);
  return {
    id: `${runId}/${chain.chainId}/L${level.level}`,
    runId,
    kind: 'synth',
    chainId: chain.chainId,
    sourceRunId: runId,
    level: level.level,
    environment: chain.environment,
    envSeed: chain.envSeed,
    startPath: chain.startPath ?? '/',
    persona: chain.persona,
    interactions: subtasks.map((subtask) => subtask.interaction),
    task: level.task,
    subtaskTexts: subtasks.map((subtask) => subtask.description),
    checker: level.checker,
    entities: level.entities,
    ...(level.answer !== undefined ? { answer: level.answer } : {}),
    steps: sampleSteps,
    finalScreenshotPath: last ? join(dir, last.after.screenshot) : join(dir, 'screens', '0000.webp'),
    finalUrl: last ? shownUrl(last.after.url, chain.environment) : (chain.startPath ?? '/'),
    finalTitle: last?.after.title ?? '',
    viewport,
    ...(replayValidity(replay, chain.chainId, level.level) !== undefined
      ? { replayValid: replayValidity(replay, chain.chainId, level.level)! }
      : {}),
  };
}

function nextAcceptedPosition(chain: ChainRecord, step: Step, positionOf: ReadonlyMap<string, number>): number {
  const order = chain.subtasks.findIndex((subtask) => subtask.id === step.subtaskId);
  for (const subtask of chain.subtasks.slice(order + 1)) {
    const position = positionOf.get(subtask.id);
    if (position !== undefined) return position;
  }
  return Math.max(0, positionOf.size - 1);
}

/** A bundled app's URL without its per-episode origin; a website's URL unchanged. */
export function shownUrl(url: string, environment: string): string {
  if (environment === URL_ENVIRONMENT_ID) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

function sampleStep(step: Step, dir: string, environment: string, subtaskIndex: number, attempt: 'accepted' | 'failed'): SampleStep {
  const executed =
    step.executed.action.type === 'navigate' || environment === URL_ENVIRONMENT_ID
      ? step.executed
      : { ...step.executed, urlAfter: shownUrl(step.executed.urlAfter, environment) };
  return {
    index: step.index,
    subtaskIndex,
    attempt,
    url: shownUrl(step.before.url, environment),
    title: step.before.title,
    screenshotPath: join(dir, step.before.screenshot),
    snapshotPath: join(dir, step.before.snapshot),
    executed,
    timings: { actionMs: step.timings.actionMs, observeMs: step.timings.observeMs },
  };
}

async function loadEvalRun(layout: RunLayout): Promise<LoadedSource> {
  const meta = await readEvalRunMeta(layout);
  const samples: LoadedSource['samples'] = [];
  const skipped: string[] = [];
  for (const episodeId of await listEpisodeIds(layout)) {
    const episode = await readEpisode(layout, episodeId);
    if (!episode || episode.status !== 'finished') {
      skipped.push(
        `${layout.runId}/${episodeId}: ${episode ? `status ${episode.status}` : 'never started'} (only finished episodes are exported)`,
      );
      continue;
    }
    const dir = episodeLayout(layout, episodeId).dir;
    const steps = await readEpisodeSteps(layout, episodeId);
    samples.push(episodeSample(layout.runId, episode, steps, dir));
  }
  return {
    layout,
    runId: layout.runId,
    kind: 'eval',
    status: meta.status,
    config: meta.config,
    toolVersion: meta.tool.version,
    samples,
    skipped,
    retrySamples: [],
  };
}

function episodeSample(runId: string, episode: EpisodeRecord, steps: readonly Step[], dir: string): Omit<TrajectorySample, 'split'> {
  const last = steps.at(-1);
  return {
    id: `${runId}/${episode.episodeId}`,
    runId,
    kind: 'eval',
    chainId: episode.task.chainId,
    sourceRunId: episode.task.source,
    level: episode.task.level,
    environment: episode.task.environment,
    envSeed: episode.task.envSeed,
    startPath: episode.task.startPath,
    interactions: [],
    task: episode.task.text,
    subtaskTexts: [],
    checker: episode.task.checker,
    entities: [],
    ...(episode.answer !== undefined ? { answer: episode.answer } : {}),
    steps: steps
      .filter((step) => step.executed.action.type !== 'done')
      .map((step) => sampleStep(step, dir, episode.task.environment, 0, 'accepted')),
    finalScreenshotPath: last ? join(dir, last.after.screenshot) : join(dir, 'screens', '0000.webp'),
    finalUrl: last ? shownUrl(last.after.url, episode.task.environment) : episode.task.startPath,
    finalTitle: last?.after.title ?? '',
    viewport: environmentFacts(episode.task.environment).viewport ?? DEFAULT_VIEWPORT,
    startedAt: episode.startedAt,
    pairKey: `${episode.task.source}/${episode.task.chainId}/L${episode.task.level}`,
    outcome: {
      success: episode.success === true,
      progress: episode.progress ?? 0,
      ...(episode.endedBy ? { endedBy: episode.endedBy } : {}),
    },
  };
}
