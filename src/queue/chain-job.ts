import { randomBytes } from 'node:crypto';
import { TrajsynthError, errorMessage, oneLine } from '../core/errors.js';
import type { RunMeta } from '../core/run.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import type { SessionFactory } from '../pipeline/chain-runner.js';
import type { SynthesisEvent } from '../pipeline/events.js';
import { runChainOfRun } from '../pipeline/chain-of-run.js';
import { isFinishedChain } from '../pipeline/run-setup.js';
import { readChain, readRunMeta, runLayout } from '../store/index.js';
import type { ChainJob, JobOutcome } from './queue-keys.js';
import type { RunContext } from './run-context.js';

/** A job that must not be retried: it would fail the same way (a missing key, a store it cannot read). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface ChainJobInput {
  job: ChainJob;
  /** This start of the job: 1 for the first, 2 after a failure or a stall, ... */
  attemptsStarted: number;
  /** Whether the job was taken over after its worker stalled (killed, frozen, cut off). */
  afterStall: boolean;
  /** Why the previous attempt failed, if one did. */
  previousFailure?: string;
  /** Whether a failed chain will be tried again (more attempts left). */
  willRetry: boolean;
  context: RunContext;
  browser: SessionFactory;
  /** The job's own stop: the worker shutting down, or the job cancelled. */
  signal: AbortSignal;
  worker: string;
}

/**
 * Runs one chain of a queued run with the same code as a local run (runChainOfRun), from what the
 * run's run.json records, on the shared store. The chain is written apart and moved into chains/
 * whole when it ends, so an attempt cut short (a killed worker) is never half-kept. A chain already
 * finished in the store (a job run twice) is not run again. A chain that ends on an error throws, so
 * that BullMQ retries it with backoff; the error record of the last attempt stays in the store.
 */
export async function runChainJob(input: ChainJobInput): Promise<JobOutcome> {
  const { job, context, worker } = input;
  const layout = runLayout(job.outDir, job.runId);
  let meta: RunMeta;
  try {
    meta = await readRunMeta(layout);
  } catch (error) {
    throw new PermanentJobError(
      `Expected run "${job.runId}" at ${layout.runDir} (the store must be on a filesystem every worker shares), got: ${oneLine(errorMessage(error))}`,
    );
  }
  const existing = await readChain(layout, job.chainId).catch(() => undefined);
  if (existing && isFinishedChain(existing)) return { outcome: 'already-finished', status: existing.status, worker };
  const signal = AbortSignal.any([context.stop, input.signal]);
  if (signal.aborted) return { outcome: 'stopped', worker };

  const publish = (event: SynthesisEvent) => void context.channel.publish({ event, worker }).catch(() => undefined);
  if (input.attemptsStarted > 1) {
    const reason = input.afterStall
      ? 'its worker stopped answering (stalled)'
      : `attempt ${input.attemptsStarted} after: ${input.previousFailure ?? 'a failure'}`;
    publish({ type: 'chain-retry', chainId: job.chainId, attempt: input.attemptsStarted - 1, reason, redoneBy: `on worker ${worker}` });
  }
  let source = environmentSource(meta.config.environment, meta.config.site, meta.config.target?.appWeights);
  if (poisonedChains().has(job.chainId)) source = brokenSource(source, job.chainId);
  const record = await runChainOfRun({
    layout,
    config: meta.config,
    index: job.index,
    source,
    browser: input.browser,
    agents: context.synthAgents(),
    signal,
    attempt: `${worker.replace(/[^A-Za-z0-9_-]+/g, '-')}-a${input.attemptsStarted}-${randomBytes(3).toString('hex')}`,
    onEvent: (event) => {
      // The follower reports a chain's end itself, once, when its job is done for good.
      if (event.type === 'chain-finished' || event.type === 'chain-failed') return;
      publish(event);
    },
    onCall: (call) => {
      void context
        .onCall(call)
        .then((spentUsd) => publish({ type: 'model-call', call, spentUsd: spentUsd ?? 0 }))
        .catch(() => undefined);
    },
  });
  if (!record) return { outcome: 'stopped', worker };
  if (record.status === 'error') {
    const message = record.error?.message ?? record.stopReason ?? 'the chain ended on an error';
    throw new Error(`${record.error?.code ?? 'INTERNAL'}: ${message}${input.willRetry ? '' : ' (no attempts left)'}`);
  }
  return { outcome: 'finished', status: record.status, worker };
}

/**
 * TRAJSYNTH_QUEUE_POISON=c0002,c0004: a fault-injection hook for tests and drills. Those chains'
 * environments fail to start on this worker, as a broken app or a host without its dependencies
 * would, through the chain's ordinary error path.
 */
function poisonedChains(): Set<string> {
  return new Set(
    (process.env.TRAJSYNTH_QUEUE_POISON ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  );
}

function brokenSource(source: EnvironmentSource, chainId: string): EnvironmentSource {
  return {
    ...source,
    start: async (manifest) => {
      throw new TrajsynthError(
        `Expected environment ${manifest.id} to start for chain ${chainId}, got a failure injected by TRAJSYNTH_QUEUE_POISON`,
        {
          code: 'ENVIRONMENT_FAILED',
          hint: 'Unset TRAJSYNTH_QUEUE_POISON on the worker.',
        },
      );
    },
  };
}
