import PQueue from 'p-queue';
import { checkOptions, ReplayOptionsSchema } from '../core/run-options.js';
import type { ChainRecord } from '../core/chain.js';
import type { RunningEnvironment } from '../core/environment.js';
import { errorMessage, isTrajsynthError, throwIfAborted } from '../core/errors.js';
import type { ReplayReport, ReplayTask } from '../core/eval.js';
import { describePredicate } from '../core/predicate.js';
import type { Step } from '../core/step.js';
import type { Level } from '../core/task.js';
import { runPolicy } from '../agents/policy-loop.js';
import type { SessionFactory } from '../pipeline/chain-runner.js';
import { evaluateOnEpisode, holdsOnEpisode, openAtReset, ResetProbe } from '../pipeline/episode-start.js';
import { decideLevel, ProgressTracker } from '../pipeline/level-check.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { listChainIds, readChain, readRunMeta, readSteps, writeReplayReport, type RunLayout } from '../store/index.js';
import { SCHEMA_VERSION } from '../core/chain.js';
import { GoldPolicy, goldSteps } from './gold-policy.js';
import { levelAnswer } from './task-source.js';
import { rateTable } from './rates.js';
import { replayBrowser, runEnvironments } from './replay-setup.js';

export type ReplayEvent = { type: 'replay-started'; runId: string; tasks: number } | { type: 'replay-task'; task: ReplayTask };

export interface ReplayOptions {
  layout: RunLayout;
  /** Chains replayed in parallel (default 2). */
  concurrency?: number;
  browser?: SessionFactory;
  executablePath?: string;
  /** Only these chains (default every chain). */
  chains?: readonly string[];
  /** Only these levels (default every level of every chain). */
  levels?: readonly number[];
  /** Where the run's website is served now, when it has moved since the run (same start path). */
  siteUrl?: string;
  /** Store the result as the run's replay.json (default true). */
  write?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: ReplayEvent) => void;
}

/**
 * Validates every level-k task of a synthesis run: for each chain and level, reset the environment
 * with the chain's seed and open its start page; the level's checker must be false there; replay
 * the gold steps of levels 1..k re-grounded on the live page, give the recorded answer, and the
 * checker must be true at the end. Writes replay.json, which `eval --valid-only` reads.
 */
export async function replayRun(options: ReplayOptions): Promise<ReplayReport> {
  checkOptions(ReplayOptionsSchema, options, 'replay');
  const { layout, signal } = options;
  const started = performance.now();
  const meta = await readRunMeta(layout);
  const source = runEnvironments(meta, options.siteUrl);
  const chains: Array<{ record: ChainRecord; steps: Step[] }> = [];
  for (const chainId of await listChainIds(layout)) {
    if (options.chains && !options.chains.includes(chainId)) continue;
    const record = await readChain(layout, chainId);
    if (!record || record.levels.length === 0) continue;
    chains.push({ record, steps: await readSteps(layout, chainId) });
  }
  const selected = (level: Level) => !options.levels || options.levels.includes(level.level);
  const total = chains.reduce((sum, chain) => sum + chain.record.levels.filter(selected).length, 0);
  options.onEvent?.({ type: 'replay-started', runId: layout.runId, tasks: total });
  const { browser, release } = await replayBrowser({ ...options, concurrency: options.concurrency ?? 2 });
  const tasks: ReplayTask[] = [];
  try {
    const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
    await Promise.all(
      chains.map((chain) =>
        queue.add(async () => {
          const manifest =
            source.manifests.find((candidate) => candidate.id === chain.record.environment) ?? source.manifestFor(chain.record.index);
          const environment = await source.start(manifest, chain.record.envSeed, signal);
          const probe = new ResetProbe(
            { environment, envSeed: chain.record.envSeed, startPath: chain.record.startPath ?? manifest.startPath },
            browser,
          );
          try {
            for (const level of chain.record.levels) {
              throwIfAborted(signal);
              if (!selected(level)) continue;
              const task = await replayLevel(chain.record, level, chain.steps, { environment, probe, browser }, signal);
              tasks.push(task);
              options.onEvent?.({ type: 'replay-task', task });
            }
          } finally {
            await probe.close();
            await environment.close().catch(() => undefined);
          }
        }),
      ),
    );
  } finally {
    await release();
  }
  tasks.sort((a, b) => a.chainId.localeCompare(b.chainId) || a.level - b.level);
  const passed = tasks.filter((task) => task.valid).length;
  const report: ReplayReport = {
    schemaVersion: SCHEMA_VERSION,
    runId: layout.runId,
    tool: { name: 'trajsynth', version: TOOL_VERSION },
    createdAt: new Date().toISOString(),
    wallMs: Math.round(performance.now() - started),
    passRate: tasks.length ? passed / tasks.length : 0,
    total: tasks.length,
    passed,
    byLevel: rateTable(
      tasks,
      (task) => String(task.level),
      (task) => task.valid,
    ),
    byEnvironment: rateTable(
      tasks,
      (task) => task.environment,
      (task) => task.valid,
    ),
    tasks,
  };
  if (options.write !== false) await writeReplayReport(layout, report);
  return report;
}

async function replayLevel(
  record: ChainRecord,
  level: Level,
  steps: readonly Step[],
  { environment, probe, browser }: { environment: RunningEnvironment; probe: ResetProbe; browser: SessionFactory },
  signal: AbortSignal | undefined,
): Promise<ReplayTask> {
  const start = { environment, envSeed: record.envSeed, startPath: record.startPath ?? environment.manifest.startPath };
  const base = { chainId: record.chainId, level: level.level, environment: record.environment };
  const gold = goldSteps(steps, level.gold);
  try {
    const checkerAtStart = await probe.evaluate(level.checker, signal);
    const opened = await openAtReset(start, browser, { screenshot: false, ...(signal ? { signal } : {}) });
    try {
      const policy = new GoldPolicy(gold, levelAnswer(record, level));
      const notes: string[] = [];
      let broken: { step: number; reason: string } | undefined;
      // An ordered level is judged as evaluations judge it: its subtasks completed in order, too.
      let current = opened.observation;
      const subtaskChecks = level.subtaskChecks ?? [];
      const tracker = new ProgressTracker(subtaskChecks, (predicates) =>
        holdsOnEpisode(predicates, { environment, session: opened.session, observation: current }, signal),
      );
      let stepsTaken = 0;
      const run = await runPolicy({
        policy,
        session: opened.session,
        observation: opened.observation,
        maxSteps: gold.length + 1,
        screenshots: false,
        recordStep: async () => {},
        afterStep: async (observation, executed) => {
          current = observation;
          stepsTaken += 1;
          if (level.ordered) await tracker.update(stepsTaken);
          const goldStep = policy.lastGoldStep;
          if (!goldStep) return;
          if (goldStep.recordedOk && !executed.outcome.ok) {
            broken ??= { step: goldStep.index, reason: `recorded as ok, failed on replay: ${executed.outcome.error}` };
          } else if (!goldStep.recordedOk && executed.outcome.ok) {
            notes.push(`step ${goldStep.index} was recorded as failed (${goldStep.recordedError}) but succeeded on replay`);
          }
        },
        ...(signal ? { signal } : {}),
      });
      const checkerAtEnd = await evaluateOnEpisode(
        level.checker,
        { environment, session: opened.session, observation: run.finalObservation, answer: run.answer },
        signal,
      );
      current = run.finalObservation;
      await tracker.finish(stepsTaken, run.answer);
      const decided = decideLevel({ checker: level.checker, subtaskChecks, ordered: level.ordered }, checkerAtEnd, tracker.progress);
      const heldAtStart = checkerAtStart.length > 0 && checkerAtStart.every(Boolean);
      const holdsAtEnd = decided.success;
      const failing = decided.reason ?? '';
      const failure = heldAtStart
        ? {
            stage: 'start' as const,
            reason: `the checker already holds at the reset: ${level.checker.map(describePredicate).join(' AND ')}`,
          }
        : holdsAtEnd
          ? undefined
          : broken
            ? { stage: 'step' as const, step: broken.step, reason: `${broken.reason}; ${failing}` }
            : { stage: 'end' as const, reason: `every gold step replayed, but ${failing}` };
      return { ...base, valid: !failure, checkerAtStart, checkerAtEnd, steps: run.actions.length, ...(failure ? { failure } : {}), notes };
    } finally {
      await opened.session.close().catch(() => undefined);
    }
  } catch (error) {
    if (signal?.aborted || (isTrajsynthError(error) && error.code === 'ABORTED')) throw error;
    return {
      ...base,
      valid: false,
      checkerAtStart: [],
      checkerAtEnd: [],
      steps: 0,
      failure: { stage: 'error', reason: errorMessage(error) },
      notes: [],
    };
  }
}
