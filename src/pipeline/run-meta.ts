import { ChainTasksSchema, SCHEMA_VERSION, type ChainRecord, type ChainTasks } from '../core/chain.js';
import { TrajsynthError } from '../core/errors.js';
import type { UrlSite } from '../core/environment.js';
import type { ChainSummary, RunConfig, RunMeta } from '../core/run.js';
import { addUsage, emptyUsage } from '../core/usage.js';
import { computeCoverage, computeSpread } from '../environments/coverage.js';
import type { EnvironmentSource } from '../environments/environment-source.js';
import { chainIdFor, type RunLayout } from '../store/layout.js';
import { readRunMeta, runExists, writeRunMeta, writeTasksFile } from '../store/run-store.js';
import { TOOL_VERSION } from './version.js';

/** run.json and the tasks file: opening (or reopening for --resume) a run, and what is written as it goes. */
export function runExistsError(layout: RunLayout): TrajsynthError {
  return new TrajsynthError(`Expected a new run, but ${layout.runDir} already holds run "${layout.runId}"`, {
    code: 'RUN_EXISTS',
    hint: 'Add --resume to continue it, or choose another name with --run NAME.',
  });
}

export async function openRun(layout: RunLayout, config: RunConfig, resume: boolean): Promise<RunMeta> {
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
    const site = movedSite(existing.config.site, config.site, layout);
    const meta = {
      ...existing,
      config: { ...existing.config, concurrency: config.concurrency, ...(site ? { site } : {}) },
      status: 'running' as const,
    };
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

/**
 * A website may be served again at another address (a new port, a new host) between a run and its
 * --resume: the same site is the same path. The run then records the new address.
 */
function movedSite(recorded: RunConfig['site'], given: RunConfig['site'], layout: RunLayout): RunConfig['site'] {
  if (!recorded || !given) return recorded;
  siteAtNewAddress(recorded, given.url, layout.runId, '--resume');
  return given;
}

/**
 * The run's website at the address it is served at now (`--url` of replay and eval, or of a
 * --resume): same start path and query, any host or port.
 */
export function siteAtNewAddress(recorded: UrlSite, url: string, runId: string, flag = '--url'): UrlSite {
  const before = new URL(recorded.url);
  let after: URL;
  try {
    after = new URL(url);
  } catch {
    throw new TrajsynthError(`Expected ${flag} to be an absolute URL such as http://127.0.0.1:8080/, got "${url}"`, {
      code: 'BAD_INPUT',
      hint: 'Give the address the site is served at now, with its scheme.',
    });
  }
  if (before.pathname + before.search !== after.pathname + after.search) {
    throw new TrajsynthError(
      `Expected ${flag} to use the run's own start page (${before.pathname + before.search}), got ${after.pathname + after.search}`,
      {
        code: 'BAD_INPUT',
        hint: `The site may move to another host or port, but its start path must stay the same for run "${runId}".`,
      },
    );
  }
  return { ...recorded, url: after.href };
}

export function metaFor(
  meta: RunMeta,
  config: RunConfig,
  records: Map<string, ChainRecord>,
  status: RunMeta['status'],
  source: EnvironmentSource,
  ending: Pick<RunMeta, 'stopReason' | 'budget'>,
  /** Chains being worked on now (shown `running`, not `pending`). */
  inFlight: ReadonlySet<string> = new Set(),
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
        : {
            chainId,
            environment: source.manifestFor(index).id,
            status: inFlight.has(chainId) ? 'running' : 'pending',
            levelsReached: 0,
            accepted: 0,
            revised: 0,
            failed: 0,
            steps: 0,
          },
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
    coverage: computeCoverage(
      source.manifests.filter((manifest) => manifest.affordances.length > 0),
      finished,
    ),
    spread: computeSpread(finished, config.maxLevel),
    updatedAt: new Date().toISOString(),
  };
}

/**
 * Writes the tasks file (one line per finished chain with levels, in chain order) and run.json from
 * the chain records: what a local run and a queued run both write as they go and at the end.
 */
export async function writeRunFiles(
  layout: RunLayout,
  run: {
    meta: RunMeta;
    config: RunConfig;
    records: Map<string, ChainRecord>;
    status: RunMeta['status'];
    source: EnvironmentSource;
    ending: Pick<RunMeta, 'stopReason' | 'budget'>;
    inFlight?: ReadonlySet<string>;
  },
): Promise<RunMeta> {
  const { config, records, source } = run;
  const finished = [...records.values()].sort((a, b) => a.index - b.index);
  await writeTasksFile(
    layout,
    finished
      .filter((record) => record.levels.length > 0)
      .map((record) => tasksLine(record, record.startPath ?? source.manifestFor(record.index).startPath)),
  );
  const meta = metaFor(run.meta, config, records, run.status, source, run.ending, run.inFlight);
  await writeRunMeta(layout, meta);
  return meta;
}

export function tasksLine(record: ChainRecord, startPath: string): ChainTasks {
  // Through the schema: its key order, not the order in which an agent happened to build a predicate
  // (a record read back from chain.json, on --resume or from a queue worker, has the schema's order),
  // so the tasks file is byte-identical for a seed however its chains were made.
  return ChainTasksSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    chainId: record.chainId,
    environment: record.environment,
    envSeed: record.envSeed,
    startPath,
    // Usage (wall time included) and the audit's counts (a replay slowed into a stuck one by a busy
    // machine) stay in chain.json: the tasks file is byte-identical for a seed.
    levels: record.levels.map(({ usage: _usage, audit: _audit, ...level }) => level),
  });
}
