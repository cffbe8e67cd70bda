/**
 * Before a synthesis run starts: its id and recorded configuration, its options checked, its lock
 * taken, and (on --resume) the chains an earlier attempt finished intact.
 */
import type { ChainRecord } from '../core/chain.js';
import type { RunConfig } from '../core/run.js';
import { checkOptions, SynthesizeOptionsSchema } from '../core/run-options.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import type { AgentSet } from '../agents/roles.js';
import { environmentSource } from '../environments/environment-source.js';
import { chainIdFor, runLayout, type RunLayout } from '../store/layout.js';
import { readChain } from '../store/run-store.js';
import { prepareRunForWriting } from './run-preflight.js';
import type { SynthesizeOptions } from './synthesize.js';

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
    ...(options.target ? { target: options.target } : {}),
    audit: options.audit ?? 'fast',
  };
}

/**
 * Chains kept from an earlier attempt at the run (--resume): finished ones that are intact.
 * Unfinished chains, chains that ended on an infrastructure error and damaged chains
 * (--redo-damaged, listed in `redo`) are redone from their seed.
 */
export async function keptChains(
  layout: RunLayout,
  config: RunConfig,
  options: { resume: boolean; redo: ReadonlySet<string> },
): Promise<Map<string, ChainRecord>> {
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
  const source = environmentSource(options.environment, options.site, options.target?.appWeights);
  const runId = options.runId ?? defaultRunId(options.environment, options.seed);
  const layout = runLayout(options.outDir, runId);
  const agents = options.agents ?? heuristicAgents();
  const config = runConfigFor(options, agents);
  await source.check(options.signal);
  const prepared = await prepareRunForWriting(layout, {
    resume: options.resume ?? false,
    redoDamaged: options.redoDamaged ?? false,
    command,
  });
  return { source, runId, layout, agents, config, prepared };
}
