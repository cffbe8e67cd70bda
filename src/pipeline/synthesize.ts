import PQueue from 'p-queue';
import { ChainRecordSchema, SCHEMA_VERSION, type ChainRecord, type ChainTasks } from '../core/chain.js';
import { TrajsynthError, errorMessage, isTrajsynthError } from '../core/errors.js';
import { Rng, deriveSeed } from '../core/random.js';
import type { ChainSummary, RunConfig, RunMeta } from '../core/run.js';
import { addUsage, emptyUsage, type ModelCall } from '../core/usage.js';
import { PERSONAS } from '../agents/personas.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import type { AgentSet } from '../agents/roles.js';
import type { EnvironmentManifest, RunningEnvironment, UrlSite } from '../core/environment.js';
import { computeCoverage, computeSpread } from '../environments/coverage.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import { findPagesForRoutes, mostSpecificRoute } from '../environments/site-map.js';
import { ChainWriter } from '../store/chain-writer.js';
import { chainIdFor, runLayout, type RunLayout } from '../store/layout.js';
import { readChain, readRunMeta, runExists, writeRunMeta, writeTasksFile } from '../store/run-store.js';
import { launchBrowser } from '../browser/index.js';
import { runChain, type SessionFactory } from './chain-runner.js';
import type { SynthesisEventListener } from './events.js';
import { TOOL_VERSION } from './version.js';

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
  let status: RunMeta['status'] = 'complete';
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
    if (signal?.aborted) status = 'interrupted';
  } finally {
    if (signal?.aborted) status = 'interrupted';
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
  const entry = entryRoute(manifest, ordinalInEnvironment(source, index));
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
  try {
    environment = await source.start(manifest, envSeed, signal);
    record.startPath = await entryPage(environment, entry, signal);
    await writer.writeChain(record);
    session = await browser.newSession({
      viewport: environment.manifest.viewport,
      origin: environment.origin,
      allowedOrigins: environment.manifest.allowedOrigins,
      ...(signal ? { signal } : {}),
    });
    await runChain({
      record,
      environment,
      session,
      writer,
      agents,
      persona,
      rng: new Rng(agentSeed),
      limits: { maxLevel: config.maxLevel, maxStepsPerSubtask: config.maxStepsPerSubtask, maxRetriesPerLevel: config.maxRetriesPerLevel },
      emit,
      onCall,
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
  }
}

/** How many earlier chains of the run use the same environment as chain `index`. */
function ordinalInEnvironment(source: EnvironmentSource, index: number): number {
  const id = source.manifestFor(index).id;
  let ordinal = 0;
  for (let earlier = 0; earlier < index; earlier += 1) if (source.manifestFor(earlier).id === id) ordinal += 1;
  return ordinal;
}

/**
 * The route a chain starts on: the first chain of an app starts on its start page, the next ones on
 * the other routes its declared affordances live on, densest first (`/orders/:id` included), so that
 * a run's chains begin all over the app instead of spending their first subtasks walking to the
 * same places. More chains than routes wrap around.
 */
export function entryRoute(manifest: EnvironmentManifest, ordinal: number): string {
  const routes = manifest.affordances.flatMap((affordance) => affordance.route.split('|')).filter((route) => route.startsWith('/') && !route.includes('*'));
  const startRoute = mostSpecificRoute(routes, manifest.startPath) ?? manifest.startPath;
  const density = new Map<string, number>();
  for (const route of routes) density.set(route, (density.get(route) ?? 0) + 1);
  const others = [...density.keys()].filter((route) => route !== startRoute).sort((a, b) => density.get(b)! - density.get(a)!);
  const order = [startRoute, ...others];
  return order[ordinal % order.length]!;
}

/** A concrete page for the entry route, found by following the app's links; the start page if none leads there. */
async function entryPage(environment: RunningEnvironment, route: string, signal: AbortSignal | undefined): Promise<string> {
  const { startPath } = environment.manifest;
  if (mostSpecificRoute([route], startPath) === route) return startPath;
  if (!route.includes(':')) return route.split('|')[0]!;
  const routes = environment.manifest.affordances.map((affordance) => affordance.route);
  const pages = await findPagesForRoutes(environment.origin, startPath, routes, signal ? { signal } : {});
  return pages.get(route) ?? startPath;
}

function runExistsError(layout: RunLayout): TrajsynthError {
  return new TrajsynthError(`Expected a new run, but ${layout.runDir} already holds run "${layout.runId}"`, {
    code: 'RUN_EXISTS',
    hint: 'Add --resume to continue it, or choose another name with --run NAME.',
  });
}

async function closeBrowser(browser: SessionFactory): Promise<void> {
  const closable = browser as Partial<{ close(): Promise<void> }>;
  await closable.close?.().catch(() => {});
}

async function openRun(layout: RunLayout, config: RunConfig, resume: boolean): Promise<RunMeta> {
  if (runExists(layout)) {
    if (!resume) throw runExistsError(layout);
    const existing = await readRunMeta(layout);
    for (const key of ['environment', 'chains', 'maxLevel', 'seed', 'maxStepsPerSubtask', 'maxRetriesPerLevel'] as const) {
      if (existing.config[key] !== config[key]) {
        throw new TrajsynthError(
          `Expected --resume to use the run's own ${key} (${JSON.stringify(existing.config[key])}), got ${JSON.stringify(config[key])}`,
          { code: 'BAD_INPUT', hint: `Drop the flag or pass the original value to resume run "${layout.runId}".` },
        );
      }
    }
    const meta = { ...existing, config: { ...existing.config, concurrency: config.concurrency }, status: 'running' as const };
    await writeRunMeta(layout, meta);
    return meta;
  }
  const now = new Date().toISOString();
  const meta: RunMeta = {
    schemaVersion: SCHEMA_VERSION,
    runId: layout.runId,
    tool: { name: 'trajsynth', version: TOOL_VERSION },
    createdAt: now,
    updatedAt: now,
    status: 'running',
    config,
    chains: [],
    usage: emptyUsage(),
    coverage: [],
  };
  await writeRunMeta(layout, meta);
  return meta;
}

function metaFor(
  meta: RunMeta,
  config: RunConfig,
  records: Map<string, ChainRecord>,
  status: RunMeta['status'],
  source: EnvironmentSource,
  ending: Pick<RunMeta, 'stopReason' | 'budget'>,
): RunMeta {
  const chains: ChainSummary[] = [];
  for (let index = 0; index < config.chains; index += 1) {
    const chainId = chainIdFor(index);
    const record = records.get(chainId);
    chains.push(
      record
        ? {
            chainId,
            environment: record.environment,
            status: record.status === 'running' ? 'running' : record.status,
            levelsReached: record.levels.length,
            accepted: record.subtasks.filter((subtask) => subtask.status === 'accepted').length,
            revised: record.subtasks.filter((subtask) => subtask.origin === 'revised' && subtask.status === 'accepted').length,
            failed: record.subtasks.filter((subtask) => subtask.status === 'failed').length,
            steps: record.stepCount,
          }
        : { chainId, environment: source.manifestFor(index).id, status: 'pending', levelsReached: 0, accepted: 0, revised: 0, failed: 0, steps: 0 },
    );
  }
  const usage = [...records.values()].reduce((total, record) => addUsage(total, record.usage), emptyUsage());
  const finished = [...records.values()];
  const { stopReason: _previousReason, ...rest } = meta;
  return {
    ...rest,
    ...ending,
    config,
    status,
    chains,
    usage,
    coverage: computeCoverage(source.manifests.filter((manifest) => manifest.affordances.length > 0), finished),
    spread: computeSpread(finished, config.maxLevel),
    updatedAt: new Date().toISOString(),
  };
}

function tasksLine(record: ChainRecord, startPath: string): ChainTasks {
  return {
    schemaVersion: SCHEMA_VERSION,
    chainId: record.chainId,
    environment: record.environment,
    envSeed: record.envSeed,
    startPath,
    // Usage (wall time included) stays in chain.json: the tasks file is byte-identical for a seed.
    levels: record.levels.map(({ usage: _usage, ...level }) => level),
  };
}
