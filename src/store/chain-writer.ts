import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ChainRecord } from '../core/chain.js';
import { StepSchema, type Step } from '../core/step.js';
import { writeFileAtomic } from './atomic-write.js';
import { readJsonLines, readTrajectoryFile } from './parse-file.js';
import { chainAttemptLayout, chainLayout, trajectoryLayout, type ChainLayout, type RunLayout } from './layout.js';
import { keepCallsOf, prepareDirectory, TrajectoryWriter } from './trajectory-writer.js';

/** Writes one chain's trajectory as it happens (see TrajectoryWriter), and chain.json atomically. */
export class ChainWriter extends TrajectoryWriter<ChainLayout> {
  /**
   * Starts a chain directory from scratch. A previous incomplete attempt is discarded, except its
   * model calls, which move to the run's interrupted-calls.jsonl: money spent stays on record.
   *
   * With `attempt` (queue mode, where a chain may be taken by a second worker while a first one is
   * gone or slow), the chain is written apart in attempts/<chain>.<attempt>/ and moved into chains/
   * whole by `install()` when it ends: a killed worker's partial attempt is never half-kept, and two
   * attempts never write into the same files.
   */
  static async create(run: RunLayout, chainId: string, options: { attempt?: string } = {}): Promise<ChainWriter> {
    const layout = options.attempt !== undefined ? chainAttemptLayout(run, chainId, options.attempt) : chainLayout(run, chainId);
    await prepareDirectory(layout, run.interruptedCallsFile);
    return new ChainWriter(layout, run, chainId);
  }

  private constructor(
    layout: ChainLayout,
    private readonly run: RunLayout,
    readonly chainId: string,
  ) {
    super(layout);
  }

  /** The chain's steps so far, read back once everything queued is on disk. */
  async steps(): Promise<Step[]> {
    await this.drain();
    return readJsonLines(this.layout.stepsFile, StepSchema, 'a step', { missingOk: true });
  }

  /** A file a step refers to (its snapshot), from inside the chain's directory. */
  stepFile(reference: string): Promise<string | undefined> {
    return readTrajectoryFile(this.layout.dir, reference);
  }

  /** Writes chain.json once the steps and observations queued before it are on disk. */
  async writeChain(record: ChainRecord): Promise<void> {
    await this.drain();
    await writeFileAtomic(this.layout.chainFile, `${JSON.stringify(record, null, 2)}\n`);
  }

  /** Whether this writer writes an attempt apart (queue mode) rather than chains/<chain>/ in place. */
  get isAttempt(): boolean {
    return this.layout.dir !== chainLayout(this.run, this.chainId).dir;
  }

  /**
   * Moves an attempt's finished directory into chains/<chain>/ (see installAttempt). A no-op for an
   * in-place writer.
   */
  async install(): Promise<void> {
    if (!this.isAttempt) return;
    await installAttempt(this.layout.dir, chainLayout(this.run, this.chainId).dir, this.run);
  }
}

/**
 * Moves an attempt's finished directory to `target`, replacing whatever is there (an earlier
 * attempt's error record, or the same item from a duplicate attempt: its model calls move to
 * interrupted-calls.jsonl). The directory is swapped by renames: a reader sees the old one, briefly
 * none, then the new one, never a mixture.
 */
export async function installAttempt(attemptDir: string, target: string, run: RunLayout): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  let aside: string | undefined;
  if (existsSync(target)) {
    aside = join(run.attemptsDir, `${basename(target)}.replaced-${randomBytes(4).toString('hex')}`);
    await mkdir(run.attemptsDir, { recursive: true });
    await rename(target, aside);
  }
  await rename(attemptDir, target);
  if (aside) {
    await keepCallsOf(trajectoryLayout(aside), run.interruptedCallsFile);
    await rm(aside, { recursive: true, force: true });
  }
}

/**
 * Removes the attempt directories left in attempts/ (by a killed worker, or chains and episodes
 * stopped by Ctrl-C or a budget), keeping their model calls in interrupted-calls.jsonl. Call only when no
 * attempt of the run is being written.
 */
export async function discardAttempts(run: RunLayout): Promise<number> {
  if (!existsSync(run.attemptsDir)) return 0;
  const entries = await readdir(run.attemptsDir, { withFileTypes: true });
  let discarded = 0;
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(run.attemptsDir, entry.name);
    await keepCallsOf(trajectoryLayout(dir), run.interruptedCallsFile);
    await rm(dir, { recursive: true, force: true });
    discarded += 1;
  }
  await rm(run.attemptsDir, { recursive: true, force: true });
  return discarded;
}

/** Removes a chain's directory (to be redone from its seed), keeping its model calls in interrupted-calls.jsonl. */
export async function discardChain(run: RunLayout, chainId: string): Promise<void> {
  const layout = chainLayout(run, chainId);
  if (!existsSync(layout.dir)) return;
  await keepCallsOf(layout, run.interruptedCallsFile);
  await rm(layout.dir, { recursive: true, force: true });
}
