import PQueue from 'p-queue';
import { ChainRecordSchema, SCHEMA_VERSION, type ChainRecord } from '../core/chain.js';
import { TrajsynthError, errorMessage, isTrajsynthError } from '../core/errors.js';
import { Rng, deriveSeed } from '../core/random.js';
import type { RunConfig, RunMeta } from '../core/run.js';
import { emptyUsage, type ModelCall } from '../core/usage.js';
import { PERSONAS } from '../agents/personas.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import type { AgentSet } from '../agents/roles.js';
import type { EnvironmentManifest, RunningEnvironment, UrlSite } from '../core/environment.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import { ChainWriter } from '../store/chain-writer.js';
import { chainIdFor, runLayout, type RunLayout } from '../store/layout.js';
import { readChain, runExists, writeRunMeta, writeTasksFile } from '../store/run-store.js';
import { launchBrowser } from '../browser/index.js';
import { runChain, type SessionFactory } from './chain-runner.js';
import { ResetProbe } from './episode-start.js';
import { entryPage, entryRoute, ordinalInEnvironment, sectionStartPage } from './entry-route.js';
import { chainAim, chainsInEnvironment } from './chain-aims.js';
import { metaFor, openRun, runExistsError, tasksLine } from './run-meta.js';
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
  /** Continue an existing run: finished chains are kept, unfinished ones are redone from their seed. */
  resume?: boolean;
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

/** Synthesizes `chains` chains in parallel and stores them; resumable, interruptible, deterministic per seed. */
export async function synthesize(options: SynthesizeOptions): Promise<SynthesisResult> {
  const source = environmentSource(options.environment, options.site);
  const runId = options.runId ?? defaultRunId(options.environment, options.seed);
  const layout = runLayout(options.outDir, runId);
  const agents = options.agents ?? heuristicAgents();
  const config: RunConfig = {
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
  if (runExists(layout) && !options.resume) throw runExistsError(layout);
  await source.check(options.signal);
  const emit: SynthesisEventListener = options.onEvent ?? (() => {});
  // A budget stop is an abort like Ctrl-C: chains in flight stop at their next check, finished
  // work stays, and the run is left resumable.
  const budgetStop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, budgetStop.signal]) : budgetStop.signal;
  let spentUsd = 0;
  const onCall = (call: ModelCall) => {
    spentUsd += call.costUsd ?? 0;
    emit({ type: 'model-call', call, spentUsd });
    if (options.budgetUsd !== undefined && spentUsd >= options.budgetUsd && !budgetStop.signal.aborted) {
      budgetStop.abort(new TrajsynthError(`Budget reached: spent $${spentUsd.toFixed(4)} of $${options.budgetUsd.toFixed(4)}`, { code: 'BUDGET_EXCEEDED' }));
    }
  };
  const ownsBrowser = !options.browser;
  const browser = options.browser ?? (await launchBrowser({ ...(options.executablePath ? { executablePath: options.executablePath } : {}) }));
  let meta: RunMeta;
  try {
    meta = await openRun(layout, config, options.resume ?? false);
  } catch (error) {
    if (ownsBrowser) await closeBrowser(browser);
    throw error;
  }

  const records = new Map<string, ChainRecord>();
  for (let index = 0; index < config.chains; index += 1) {
    const existing = options.resume ? await readChain(layout, chainIdFor(index)) : undefined;
    if (existing && existing.status !== 'running') records.set(existing.chainId, existing);
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
  const persist = async () => {
    const finished = [...records.values()].sort((a, b) => a.index - b.index);
    await writeTasksFile(layout, finished.filter((record) => record.levels.length > 0).map((record) => tasksLine(record, record.startPath ?? source.manifestFor(record.index).startPath)));
    await writeRunMeta(layout, metaFor(meta, config, records, status, source, ending()));
  };
  let persistChain = Promise.resolve();
  const persistSerially = () => (persistChain = persistChain.then(persist, persist));

  try {
    for (let index = 0; index < config.chains; index += 1) {
      const chainId = chainIdFor(index);
      if (records.has(chainId)) continue;
      void queue
        .add(async () => {
          if (signal?.aborted) return;
          const record = await runOneChain(index, source, config, layout, agents, browser, emit, onCall, signal);
          if (record) {
            records.set(chainId, record);
            await persistSerially();
          }
        })
        .catch(() => {});
    }
    await queue.onIdle();
  } finally {
    status = signal?.aborted ? 'interrupted' : 'complete';
    if (ownsBrowser) await closeBrowser(browser);
    await persistSerially();
    emit({ type: 'run-finished', runId, status });
  }
  const sorted = [...records.values()].sort((a, b) => a.index - b.index);
  return { layout, meta: metaFor(meta, config, records, status, source, ending()), records: sorted };
}

async function runOneChain(
  index: number,
  source: EnvironmentSource,
  config: RunConfig,
  layout: RunLayout,
  agents: AgentSet,
  browser: SessionFactory,
  emit: SynthesisEventListener,
  onCall: (call: ModelCall) => void,
  signal: AbortSignal | undefined,
): Promise<ChainRecord | undefined> {
  const chainId = chainIdFor(index);
  const manifest: EnvironmentManifest = source.manifestFor(index);
  const envSeed = deriveSeed(config.seed, 'environment', index) % 100_000;
  const agentSeed = deriveSeed(config.seed, 'agents', index);
  const persona = PERSONAS[deriveSeed(config.seed, 'persona', index) % PERSONAS.length]!;
  const ordinal = ordinalInEnvironment(source, index);
  const entry = entryRoute(manifest, ordinal);
  const chainCount = chainsInEnvironment(source, config.chains, index);
  const record: ChainRecord = ChainRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    chainId,
    index,
    environment: manifest.id,
    envSeed,
    agentSeed,
    persona: persona.id,
    status: 'running',
    subtasks: [],
    levels: [],
    stepCount: 0,
    usage: emptyUsage(),
  });
  emit({ type: 'chain-started', chainId, environment: manifest.id });
  const writer = await ChainWriter.create(layout, chainId);
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
    emit({ type: 'chain-finished', chainId, levels: record.levels.length, ...(record.stopReason ? { stopReason: record.stopReason } : {}) });
    return record;
  } catch (error) {
    if (signal?.aborted || (isTrajsynthError(error) && error.code === 'ABORTED')) {
      await writer.writeChain(record).catch(() => {});
      return undefined;
    }
    record.status = 'failed';
    record.stopReason = `error: ${errorMessage(error)}`;
    await writer.writeChain(record).catch(() => {});
    emit({ type: 'chain-failed', chainId, error: errorMessage(error) });
    return record;
  } finally {
    await session?.close().catch(() => {});
    await environment?.close().catch(() => {});
    await probe?.close();
    if (reference) await (await reference.catch(() => undefined))?.close().catch(() => {});
  }
}

async function closeBrowser(browser: SessionFactory): Promise<void> {
  const closable = browser as Partial<{ close(): Promise<void> }>;
  await closable.close?.().catch(() => {});
}

