import PQueue from 'p-queue';
import { ChainRecordSchema, SCHEMA_VERSION, type ChainRecord } from '../core/chain.js';
import { TrajsynthError, errorMessage, isTrajsynthError, oneLine } from '../core/errors.js';
import { Rng, deriveSeed } from '../core/random.js';
import type { RunConfig, RunMeta } from '../core/run.js';
import { emptyUsage, type ModelCall } from '../core/usage.js';
import { checkOptions, SynthesizeOptionsSchema } from '../core/run-options.js';
import { PERSONAS } from '../agents/personas.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import type { AgentSet } from '../agents/roles.js';
import type { EnvironmentManifest, RunningEnvironment, UrlSite } from '../core/environment.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import { ChainWriter } from '../store/chain-writer.js';
import { chainIdFor, runLayout, type RunLayout } from '../store/layout.js';
import { readChain } from '../store/run-store.js';
import { browserProcessesFor, launchBrowser } from '../browser/index.js';
import { runChain, type SessionFactory } from './chain-runner.js';
import { ResetProbe } from './episode-start.js';
import { entryPage, entryRoute, ordinalInEnvironment, sectionStartPage } from './entry-route.js';
import { chainAim, chainsInEnvironment } from './chain-aims.js';
import { metaFor, openRun, writeRunFiles } from './run-meta.js';
import { prepareRunForWriting } from './run-preflight.js';

import type { SynthesisEventListener } from './events.js';

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
  signal?: AbortSignal;
  onEvent?: SynthesisEventListener;
}

export interface SynthesisResult {
  layout: RunLayout;
  meta: RunMeta;
  records: ChainRecord[];
}

export function defaultRunId(environment: string, seed: number): string {
  return `${environment}-seed${seed}`;
}

/** The run's configuration as run.json records it: the same for a local run and a queued one. */
export function runConfigFor(options: Omit<SynthesizeOptions, 'outDir'>, agents: AgentSet): RunConfig {
  return {
    environment: options.environment,
    ...(options.site ? { site: options.site } : {}),
    chains: options.chains,
    maxLevel: options.maxLevel,
    seed: options.seed,
    concurrency: options.concurrency,
    maxStepsPerSubtask: options.maxStepsPerSubtask ?? 12,
    maxRetriesPerLevel: options.maxRetriesPerLevel ?? 2,
    roles: Object.fromEntries(Object.entries(agents).map(([role, agent]) => [role, (agent as { id: string }).id])),
  };
}

/**
 * Chains kept from an earlier attempt at the run (--resume): finished ones that are intact.
 * Unfinished chains, chains that ended on an infrastructure error and damaged chains
 * (--redo-damaged, listed in `redo`) are redone from their seed.
 */
export async function keptChains(layout: RunLayout, config: RunConfig, options: { resume: boolean; redo: ReadonlySet<string> }): Promise<Map<string, ChainRecord>> {
  const records = new Map<string, ChainRecord>();
  if (!options.resume) return records;
  for (let index = 0; index < config.chains; index += 1) {
    const chainId = chainIdFor(index);
    if (options.redo.has(chainId)) continue;
    const existing = await readChain(layout, chainId);
    if (existing && isFinishedChain(existing)) records.set(existing.chainId, existing);
  }
  return records;
}

/** A chain that is done for good: complete, or failed by its agents (not running, not a harness error). */
export function isFinishedChain(record: ChainRecord): boolean {
  return record.status === 'complete' || record.status === 'failed';
}

/**
 * What a synthesis run is (source, layout, agents, config), checked before any work, locally or on a
 * queue: the source is reachable, --out can be written, no other process holds the run, and on
 * --resume the chains to keep are intact. run.json is not touched until then. The caller releases
 * `prepared.lock`.
 */
export async function prepareSynthesis(options: SynthesizeOptions, command: string) {
  checkOptions(SynthesizeOptionsSchema, options, 'synthesize');
  const source = environmentSource(options.environment, options.site);
  const runId = options.runId ?? defaultRunId(options.environment, options.seed);
  const layout = runLayout(options.outDir, runId);
  const agents = options.agents ?? heuristicAgents();
  const config = runConfigFor(options, agents);
  await source.check(options.signal);
  const prepared = await prepareRunForWriting(layout, { resume: options.resume ?? false, redoDamaged: options.redoDamaged ?? false, command });
  return { source, runId, layout, agents, config, prepared };
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
      budgetStop.abort(new TrajsynthError(`Budget reached: spent $${spentUsd.toFixed(4)} of $${options.budgetUsd.toFixed(4)}`, { code: 'BUDGET_EXCEEDED' }));
    }
  };
  const records = await keptChains(layout, config, { resume: options.resume ?? false, redo: run.redo });
  const ownsBrowser = !options.browser;
  const browser = options.browser ?? (await launchBrowser({ ...(options.executablePath ? { executablePath: options.executablePath } : {}), processes: browserProcessesFor(config.concurrency), signal }));
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

  try {
    for (let index = 0; index < config.chains; index += 1) {
      const chainId = chainIdFor(index);
      if (records.has(chainId)) continue;
      void queue
        .add(async () => {
          if (signal?.aborted) return;
          inFlight.add(chainId);
          await persistSerially();
          const record = await runChainOfRun({ index, source, config, layout, agents, browser, onEvent: emit, onCall, signal, stopRun });
          inFlight.delete(chainId);
          if (record) records.set(chainId, record);
          await persistSerially();
        })
        .catch(() => {});
    }
    await queue.onIdle();
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

/** One chain of a run, as the local loop and a queue worker both run it. */
export interface ChainOfRunInput {
  layout: RunLayout;
  config: RunConfig;
  index: number;
  browser: SessionFactory;
  agents: AgentSet;
  signal: AbortSignal;
  /** The run's environments; by default resolved from `config`. */
  source?: EnvironmentSource;
  onEvent?: SynthesisEventListener;
  /** Every metered model call, as it is stored (a run-wide budget listens here). */
  onCall?: (call: ModelCall) => void;
  /** Stops the whole run (a full disk): chains in flight stop and are redone on --resume. */
  stopRun?: (reason: TrajsynthError) => void;
  /**
   * Queue mode: write the chain apart, as attempt `attempt`, and move it into chains/ whole when it
   * ends (complete, failed or error); an attempt that is stopped (Ctrl-C, a budget) stays apart.
   */
  attempt?: string;
}

/**
 * Runs chain `index` of a run and stores it: its work depends only on the run's seed, configuration
 * and the chain's index, so it gives the same chain in any process. A crashed browser or renderer is
 * the harness's failure, not the agents': the browser is relaunched (by the handle, on the next
 * session) and the chain redone from its seed, up to twice. Returns undefined when stopped (the
 * signal), leaving the chain unfinished.
 */
export async function runChainOfRun(input: ChainOfRunInput): Promise<ChainRecord | undefined> {
  const source = input.source ?? environmentSource(input.config.environment, input.config.site);
  const emit: SynthesisEventListener = input.onEvent ?? (() => {});
  const job: ChainJob = { ...input, source, emit, onCall: input.onCall ?? (() => {}), stopRun: input.stopRun ?? (() => {}) };
  let record: ChainRecord | undefined;
  for (let attempt = 0; ; attempt += 1) {
    record = await runOneChain(job);
    if (record?.status !== 'error' || record.error?.code !== 'BROWSER_CRASHED' || attempt >= MAX_CRASH_RETRIES || input.signal.aborted) break;
    emit({ type: 'chain-retry', chainId: chainIdFor(input.index), attempt: attempt + 1, reason: record.stopReason ?? 'the browser crashed' });
  }
  return record;
}

interface ChainJob extends ChainOfRunInput {
  source: EnvironmentSource;
  emit: SynthesisEventListener;
  onCall: (call: ModelCall) => void;
  stopRun: (reason: TrajsynthError) => void;
}

/** The seeds, persona and environment of chain `index`: its record before any work (status running). */
export function initialChainRecord(config: RunConfig, source: EnvironmentSource, index: number): ChainRecord {
  const manifest: EnvironmentManifest = source.manifestFor(index);
  return ChainRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    chainId: chainIdFor(index),
    index,
    environment: manifest.id,
    envSeed: deriveSeed(config.seed, 'environment', index) % 100_000,
    agentSeed: deriveSeed(config.seed, 'agents', index),
    persona: personaFor(config, index).id,
    status: 'running',
    subtasks: [],
    levels: [],
    stepCount: 0,
    usage: emptyUsage(),
  });
}

function personaFor(config: RunConfig, index: number) {
  return PERSONAS[deriveSeed(config.seed, 'persona', index) % PERSONAS.length]!;
}

async function runOneChain(job: ChainJob): Promise<ChainRecord | undefined> {
  const { index, source, config, layout, agents, browser, emit, onCall, signal } = job;
  const chainId = chainIdFor(index);
  const manifest: EnvironmentManifest = source.manifestFor(index);
  const record = initialChainRecord(config, source, index);
  const { envSeed, agentSeed } = record;
  const persona = personaFor(config, index);
  const ordinal = ordinalInEnvironment(source, index);
  const entry = entryRoute(manifest, ordinal);
  const chainCount = chainsInEnvironment(source, config.chains, index);
  emit({ type: 'chain-started', chainId, environment: manifest.id });
  const writer = await ChainWriter.create(layout, chainId, job.attempt !== undefined ? { attempt: job.attempt } : {});
  await writer.writeChain(record);
  let environment;
  let session;
  // A second server of the same app and seed, never acted on: level checkers are evaluated against
  // its reset state and start page.
  let reference: Promise<RunningEnvironment> | undefined;
  let probe: ResetProbe | undefined;
  try {
    environment = await source.start(manifest, envSeed, signal);
    record.startPath = await entryPage(environment, entry, signal);
    const aim = await chainAim(environment, ordinal, chainCount, signal);
    // Finding the start page and the route graph walks the app's links; the chain starts from the
    // seeded reset all the same, as every replay and evaluation of its tasks will.
    if (environment.manifest.hasStateProbe) await environment.reset(envSeed, signal);
    await writer.writeChain(record);
    session = await browser.newSession({
      viewport: environment.manifest.viewport,
      origin: environment.origin,
      allowedOrigins: environment.manifest.allowedOrigins,
      ...(signal ? { signal } : {}),
    });
    // A site that declares nothing: chains after the first begin on the sections its start page links to.
    if (manifest.affordances.length === 0 && ordinal > 0) {
      record.startPath = await sectionStartPage(session, environment.origin, record.startPath ?? manifest.startPath, ordinal, signal);
      await writer.writeChain(record);
    }
    await runChain({
      record,
      environment,
      session,
      writer,
      agents,
      persona,
      ...(aim ? { aim } : {}),
      rng: new Rng(agentSeed),
      limits: { maxLevel: config.maxLevel, maxStepsPerSubtask: config.maxStepsPerSubtask, maxRetriesPerLevel: config.maxRetriesPerLevel },
      emit,
      onCall,
      checkAtReset: async (checker) => {
        reference ??= source.start(manifest, envSeed, signal);
        probe ??= new ResetProbe({ environment: await reference, envSeed, startPath: record.startPath ?? manifest.startPath }, browser);
        return probe.evaluate(checker, signal);
      },
      ...(signal ? { signal } : {}),
    });
    await writer.install();
    emit({ type: 'chain-finished', chainId, levels: record.levels.length, ...(record.stopReason ? { stopReason: record.stopReason } : {}) });
    return record;
  } catch (error) {
    const storage = storageError(error);
    if (storage) job.stopRun(storage);
    if (signal.aborted || (isTrajsynthError(error) && error.code === 'ABORTED')) {
      await writer.writeChain(record).catch(() => {});
      return undefined;
    }
    // `failed`: the agents failed (a model that never gave valid output); `error`: the harness did
    // (a crashed browser, an unreachable model endpoint, a bug), which --resume redoes.
    const code = isTrajsynthError(error) ? error.code : 'INTERNAL';
    const message = oneLine(errorMessage(error));
    record.status = code === 'MODEL_OUTPUT_INVALID' ? 'failed' : 'error';
    record.stopReason = `error: ${message}`;
    record.error = { code, message };
    await writer.writeChain(record).catch(() => {});
    await writer.install().catch(() => {});
    emit({ type: 'chain-failed', chainId, error: message, infrastructure: record.status === 'error' });
    return record;
  } finally {
    await session?.close().catch(() => {});
    await environment?.close().catch(() => {});
    await probe?.close();
    if (reference) await (await reference.catch(() => undefined))?.close().catch(() => {});
  }
}

/** A write that failed because the disk is full or read-only: the run cannot go on. */
export function storageError(error: unknown): TrajsynthError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? ((error as { cause?: NodeJS.ErrnoException } | undefined)?.cause?.code);
  if (code !== 'ENOSPC' && code !== 'EDQUOT' && code !== 'EROFS') return undefined;
  const what = code === 'EROFS' ? 'a read-only file system' : 'no space left on the device';
  return new TrajsynthError(`Expected to store the run's files, got ${what} (${oneLine(errorMessage(error), 200)})`, {
    code: 'OUTPUT_UNWRITABLE',
    cause: error,
    hint: 'Finished chains are kept. Free some space, then run the same command with --resume to go on.',
  });
}

/** How many times a chain is redone in one run after the browser or its renderer crashed under it. */
const MAX_CRASH_RETRIES = 2;

async function closeBrowser(browser: SessionFactory): Promise<void> {
  const closable = browser as Partial<{ close(): Promise<void> }>;
  await closable.close?.().catch(() => {});
}

