import PQueue from 'p-queue';
import type { SynthesisTarget } from '../core/target.js';
import type { AuditMode } from '../core/audit.js';
import type { ChainRecord } from '../core/chain.js';
import { TrajsynthError, errorMessage } from '../core/errors.js';
import type { RunConfig, RunMeta } from '../core/run.js';
import type { ModelCall } from '../core/usage.js';
import type { AgentSet } from '../agents/roles.js';
import type { UrlSite } from '../core/environment.js';
import type { EnvironmentSource } from '../environments/environment-source.js';
import { chainIdFor, type RunLayout } from '../store/layout.js';
import { browserProcessesFor, launchBrowser } from '../browser/index.js';
import type { SessionFactory } from './chain-runner.js';
import { metaFor, openRun, writeRunFiles } from './run-meta.js';
import type { SynthesisEventListener } from './events.js';
import { keptChains, prepareSynthesis } from './run-setup.js';
import { runChainOfRun, storageError } from './chain-of-run.js';

export interface SynthesizeOptions {
  outDir: string;
  runId?: string;
  /** A bundled environment id, "all" to spread chains over every bundled app, or "url" with `site`. */
  environment: string;
  site?: UrlSite;
  chains: number;
  maxLevel: number;
  seed: number;
  concurrency: number;
  maxStepsPerSubtask?: number;
  maxRetriesPerLevel?: number;
  /**
   * Continue an existing run: finished chains are kept; unfinished ones, and those that ended on an
   * infrastructure error, are redone from their seed.
   */
  resume?: boolean;
  /** With resume: redo finished chains whose files are damaged instead of refusing to resume. */
  redoDamaged?: boolean;
  agents?: AgentSet;
  /** A browser to use; by default one is found and launched (and closed at the end). */
  browser?: SessionFactory;
  executablePath?: string;
  /** Stop the run cleanly once its model calls have cost this much (USD). */
  budgetUsd?: number;
  /**
   * Aim the run at one agent's frontier (from its weakness model, `trajsynth frontier`): proposals
   * weighted toward its weak kinds, chains toward the apps where it fails, and, with a band, only
   * level-k tasks whose predicted success lies in it. Recorded in run.json.
   */
  target?: SynthesisTarget;
  /**
   * Audit each chain's levels by their near-misses before keeping them (pipeline/chain-audit):
   * `fast` (default) replays an earlier subtask left out and an earlier form left unsubmitted and
   * judges wrong answers; `full` also replays each stated value changed and each row action on a
   * sibling row; `off` keeps levels as derived. A level a near-miss passes is strengthened or skipped.
   */
  audit?: AuditMode;
  signal?: AbortSignal;
  onEvent?: SynthesisEventListener;
}

export interface SynthesisResult {
  layout: RunLayout;
  meta: RunMeta;
  records: ChainRecord[];
}

/** Synthesizes `chains` chains in parallel and stores them; resumable, interruptible, deterministic per seed. */
export async function synthesize(options: SynthesizeOptions): Promise<SynthesisResult> {
  const { source, runId, layout, agents, config, prepared } = await prepareSynthesis(options, 'synth');
  try {
    return await synthesizeLocked(options, { source, layout, agents, config, runId, redo: prepared.redo });
  } finally {
    await prepared.lock.release();
  }
}

interface LockedRun {
  source: EnvironmentSource;
  layout: RunLayout;
  agents: AgentSet;
  config: RunConfig;
  runId: string;
  redo: ReadonlySet<string>;
}

async function synthesizeLocked(options: SynthesizeOptions, run: LockedRun): Promise<SynthesisResult> {
  const { source, layout, agents, config, runId } = run;
  const emit: SynthesisEventListener = options.onEvent ?? (() => {});
  // A budget stop is an abort like Ctrl-C: chains in flight stop at their next check, finished
  // work stays, and the run is left resumable.
  const budgetStop = new AbortController();
  // A full or read-only disk stops the run like Ctrl-C: nothing more can be stored.
  const storageStop = new AbortController();
  const stopRun = (reason: TrajsynthError) => {
    if (!storageStop.signal.aborted) storageStop.abort(reason);
  };
  const signal = AbortSignal.any([budgetStop.signal, storageStop.signal, ...(options.signal ? [options.signal] : [])]);
  let spentUsd = 0;
  const onCall = (call: ModelCall) => {
    spentUsd += call.costUsd ?? 0;
    emit({ type: 'model-call', call, spentUsd });
    if (options.budgetUsd !== undefined && spentUsd >= options.budgetUsd && !budgetStop.signal.aborted) {
      budgetStop.abort(
        new TrajsynthError(`Budget reached: spent $${spentUsd.toFixed(4)} of $${options.budgetUsd.toFixed(4)}`, {
          code: 'BUDGET_EXCEEDED',
        }),
      );
    }
  };
  const records = await keptChains(layout, config, { resume: options.resume ?? false, redo: run.redo });
  const ownsBrowser = !options.browser;
  const browser =
    options.browser ??
    (await launchBrowser({
      ...(options.executablePath ? { executablePath: options.executablePath } : {}),
      processes: browserProcessesFor(config.concurrency),
      signal,
    }));
  let meta: RunMeta;
  try {
    meta = await openRun(layout, config, options.resume ?? false);
  } catch (error) {
    if (ownsBrowser) await closeBrowser(browser);
    throw error;
  }

  spentUsd = meta.budget?.spentUsd ?? 0;
  const ending = (): Pick<RunMeta, 'stopReason' | 'budget'> => {
    const reason = signal.aborted ? errorMessage(signal.reason) : undefined;
    return {
      ...(reason ? { stopReason: reason } : {}),
      ...(options.budgetUsd !== undefined ? { budget: { limitUsd: options.budgetUsd, spentUsd, reached: budgetStop.signal.aborted } } : {}),
    };
  };
  emit({ type: 'run-started', runId, chains: config.chains, maxLevel: config.maxLevel, resumedChains: records.size });

  const queue = new PQueue({ concurrency: config.concurrency });
  // A chain's audit replays mostly wait for pages to settle: while they run, the chain's place in the
  // queue goes to the next chain, and the audits take turns of their own.
  const audits = new PQueue({ concurrency: config.concurrency });
  // run.json says `running` until the queue is done, so a killed process never leaves a run that looks complete.
  let status: RunMeta['status'] = 'running';
  const inFlight = new Set<string>();
  const persist = async () => void (await writeRunFiles(layout, { meta, config, records, status, source, ending: ending(), inFlight }));
  let persistChain = Promise.resolve();
  const persistSerially = () =>
    (persistChain = persistChain.then(persist, persist).catch((error: unknown) => {
      const storage = storageError(error);
      if (!storage) throw error;
      stopRun(storage);
    }));

  const chainsDone: Array<Promise<void>> = [];
  try {
    for (let index = 0; index < config.chains; index += 1) {
      const chainId = chainIdFor(index);
      if (records.has(chainId)) continue;
      let audited: Promise<void> = Promise.resolve();
      const done = queue
        .add(async () => {
          if (signal?.aborted) return;
          inFlight.add(chainId);
          await persistSerially();
          // The rest of the chain (its audit, then storing it) goes on outside the queue.
          let leaveQueue: () => void = () => {};
          const left = new Promise<void>((resolve) => (leaveQueue = resolve));
          const duringAudit = <T>(audit: () => Promise<T>): Promise<T> => {
            leaveQueue();
            return audits.add(audit) as Promise<T>;
          };
          audited = runChainOfRun({ index, source, config, layout, agents, browser, onEvent: emit, onCall, signal, stopRun, duringAudit })
            .then(async (record) => {
              inFlight.delete(chainId);
              if (record) records.set(chainId, record);
              await persistSerially();
            })
            .finally(leaveQueue);
          await left;
        })
        .catch(() => {});
      chainsDone.push(done.then(() => audited).catch(() => {}));
    }
    await queue.onIdle();
    await Promise.all(chainsDone);
  } finally {
    status = signal.aborted ? 'interrupted' : 'complete';
    if (ownsBrowser) await closeBrowser(browser);
    await persistSerially();
    emit({ type: 'run-finished', runId, status });
  }
  if (storageStop.signal.aborted) throw storageStop.signal.reason as TrajsynthError;
  const sorted = [...records.values()].sort((a, b) => a.index - b.index);
  return { layout, meta: metaFor(meta, config, records, status, source, ending()), records: sorted };
}

async function closeBrowser(browser: SessionFactory): Promise<void> {
  const closable = browser as Partial<{ close(): Promise<void> }>;
  await closable.close?.().catch(() => {});
}
