/**
 * One chain of a synthesis run, as the local loop and a queue worker both run it: its seeds, persona,
 * environment and start page from the run's seed and the chain's index, the chain loop (runChain),
 * the reset probe for its level checkers, and what happens when the browser or the disk fails.
 */
import { ChainRecordSchema, SCHEMA_VERSION, type ChainRecord } from '../core/chain.js';
import { TrajsynthError, errorMessage, isTrajsynthError, oneLine } from '../core/errors.js';
import { Rng, deriveSeed } from '../core/random.js';
import type { RunConfig } from '../core/run.js';
import { emptyUsage, type ModelCall } from '../core/usage.js';
import { PERSONAS } from '../agents/personas.js';
import type { AgentSet } from '../agents/roles.js';
import type { EnvironmentManifest, RunningEnvironment } from '../core/environment.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import { ChainWriter } from '../store/chain-writer.js';
import { chainIdFor, type RunLayout } from '../store/layout.js';
import { runChain, type SessionFactory } from './chain-runner.js';
import { ResetProbe } from './episode-start.js';
import { auditChainLevels } from './chain-audit.js';
import { entryPage, entryRoute, ordinalInEnvironment, sectionStartPage } from './entry-route.js';
import { chainAim, chainsInEnvironment, targetedAim } from './chain-aims.js';
import type { SynthesisEventListener } from './events.js';
import { isFinishedChain } from './run-setup.js';

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
   * Runs the chain's audit (its replays mostly wait for pages to settle): the local loop frees the
   * chain's place for the next chain to start synthesizing meanwhile. By default it runs in place.
   */
  duringAudit?: <T>(audit: () => Promise<T>) => Promise<T>;
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
  const source = input.source ?? environmentSource(input.config.environment, input.config.site, input.config.target?.appWeights);
  const emit: SynthesisEventListener = input.onEvent ?? (() => {});
  const job: ChainJob = { ...input, source, emit, onCall: input.onCall ?? (() => {}), stopRun: input.stopRun ?? (() => {}) };
  let record: ChainRecord | undefined;
  for (let attempt = 0; ; attempt += 1) {
    record = await runOneChain(job);
    if (record?.status !== 'error' || record.error?.code !== 'BROWSER_CRASHED' || attempt >= MAX_CRASH_RETRIES || input.signal.aborted)
      break;
    emit({
      type: 'chain-retry',
      chainId: chainIdFor(input.index),
      attempt: attempt + 1,
      reason: record.stopReason ?? 'the browser crashed',
    });
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
  const auditMode = config.audit ?? 'off';
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
    // An aimed run steers toward the app's declared affordances of the kinds the target agent fails,
    // instead of sharing them all out evenly: it is meant to be uneven.
    const aim = config.target
      ? await targetedAim(environment, config.target.kindWeights, signal)
      : await chainAim(environment, ordinal, chainCount, signal);
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
      ...(config.target ? { target: config.target } : {}),
      rng: new Rng(agentSeed),
      limits: { maxLevel: config.maxLevel, maxStepsPerSubtask: config.maxStepsPerSubtask, maxRetriesPerLevel: config.maxRetriesPerLevel },
      emit,
      onCall,
      checkAtReset: async (checker) => {
        reference ??= source.start(manifest, envSeed, signal);
        // Nothing acts on the reference server: its reset pages are read once and kept.
        probe ??= new ResetProbe({ environment: await reference, envSeed, startPath: record.startPath ?? manifest.startPath }, browser, {
          untouched: true,
        });
        return probe.evaluate(checker, signal);
      },
      ...(auditMode !== 'off'
        ? {
            auditLevels: {
              mode: auditMode,
              run: async (audited, ends, snapshots) =>
                (job.duringAudit ?? ((audit) => audit()))(async () =>
                  auditChainLevels({
                    mode: auditMode,
                    record: audited,
                    steps: await writer.steps(),
                    stepFile: (reference) => writer.stepFile(reference),
                    ends,
                    snapshots,
                    start: { envSeed, startPath: record.startPath ?? manifest.startPath },
                    startEnvironment: () => source.start(manifest, envSeed, signal),
                    browser,
                    signal,
                  }),
                ),
            },
          }
        : {}),
      ...(signal ? { signal } : {}),
    });
    await writer.install();
    emit({
      type: 'chain-finished',
      chainId,
      levels: record.levels.length,
      ...(record.stopReason ? { stopReason: record.stopReason } : {}),
    });
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
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? (error as { cause?: NodeJS.ErrnoException } | undefined)?.cause?.code;
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
