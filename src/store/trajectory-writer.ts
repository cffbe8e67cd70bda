import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CapturedObservation } from '../core/observation.js';
import type { ObservationRef, Step } from '../core/step.js';
import { ModelCallSchema, type ModelCall } from '../core/usage.js';
import { appendLine } from './atomic-write.js';
import { writeFileAtomic } from './atomic-write.js';
import { observationFileStem, type TrajectoryLayout } from './layout.js';

/**
 * Writes one trajectory as it happens (a synthesis chain or an evaluation episode): observations
 * (screenshot + snapshot) as files, steps appended to steps.jsonl one line at a time, model calls to
 * calls.jsonl as they return.
 */
export class TrajectoryWriter<Layout extends TrajectoryLayout = TrajectoryLayout> {
  private observationCount = 0;
  /** Queued writes (observations and steps), in order, off the caller's critical path. */
  private background: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: { error: unknown } | undefined;

  protected constructor(readonly layout: Layout) {}

  /**
   * Starts the trajectory's directory from scratch. A previous incomplete attempt is discarded,
   * except its model calls, which move to `interruptedCallsFile`: money spent stays on record.
   */
  static async open<L extends TrajectoryLayout>(layout: L, interruptedCallsFile: string): Promise<TrajectoryWriter<L>> {
    await prepareDirectory(layout, interruptedCallsFile);
    return new TrajectoryWriter(layout);
  }

  /** Stores an observation's screenshot and snapshot; returns the reference steps point to. */
  async writeObservation(observation: CapturedObservation): Promise<{ ref: ObservationRef; writeMs: number }> {
    const started = performance.now();
    const index = this.observationCount;
    this.observationCount += 1;
    const stem = observationFileStem(index);
    const screenshot = join(this.layout.screensDir, `${stem}.webp`);
    const snapshot = join(this.layout.snapshotsDir, `${stem}.yaml`);
    await Promise.all([writeFileAtomic(screenshot, observation.screenshotWebp), writeFileAtomic(snapshot, observation.snapshot)]);
    return {
      ref: {
        index,
        url: observation.url,
        title: observation.title,
        screenshot: relative(this.layout.dir, screenshot),
        snapshot: relative(this.layout.dir, snapshot),
      },
      writeMs: performance.now() - started,
    };
  }

  async appendStep(step: Step): Promise<void> {
    await appendLine(this.layout.stepsFile, JSON.stringify(step));
  }

  /**
   * Queues an observation's files behind earlier queued writes and returns its reference at once.
   * The files are on disk by the next `drain()` (chain.json and episode.json writes drain first).
   */
  queueObservation(observation: CapturedObservation): ObservationRef {
    const index = this.observationCount;
    this.observationCount += 1;
    const stem = observationFileStem(index);
    const screenshot = join(this.layout.screensDir, `${stem}.webp`);
    const snapshot = join(this.layout.snapshotsDir, `${stem}.yaml`);
    this.enqueue(async () => {
      await Promise.all([writeFileAtomic(screenshot, observation.screenshotWebp), writeFileAtomic(snapshot, observation.snapshot)]);
    });
    return {
      index,
      url: observation.url,
      title: observation.title,
      screenshot: relative(this.layout.dir, screenshot),
      snapshot: relative(this.layout.dir, snapshot),
    };
  }

  /** Queues a step line behind the observations it refers to. */
  queueStep(step: Step): void {
    this.enqueue(() => this.appendStep(step));
  }

  /**
   * Waits while more than `maxQueued` writes are queued (a slow disk holds the caller back instead of
   * filling memory), and throws the error of a queued write that failed (a full disk stops the run).
   */
  async backpressure(maxQueued: number): Promise<void> {
    this.throwFailure();
    if (this.queued > maxQueued) await this.background;
    this.throwFailure();
  }

  /** Resolves once every queued write is on disk; throws the first queued write's error. */
  async drain(): Promise<void> {
    await this.background;
    this.throwFailure();
  }

  private enqueue(write: () => Promise<void>): void {
    this.throwFailure();
    this.queued += 1;
    this.background = this.background
      .then(() => (this.failure ? undefined : write()))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.queued -= 1;
      });
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Appends one metered model call, as soon as it returns (so a crash never loses spent money). */
  async appendCall(call: ModelCall): Promise<void> {
    await appendLine(this.layout.callsFile, JSON.stringify(call));
  }
}

export async function prepareDirectory(layout: TrajectoryLayout, interruptedCallsFile: string): Promise<void> {
  await keepCallsOf(layout, interruptedCallsFile);
  await rm(layout.dir, { recursive: true, force: true });
  await mkdir(layout.screensDir, { recursive: true });
  await mkdir(layout.snapshotsDir, { recursive: true });
}

/** Appends a trajectory's recorded model calls to `interruptedCallsFile` (before the trajectory is discarded). */
export async function keepCallsOf(layout: TrajectoryLayout, interruptedCallsFile: string): Promise<void> {
  const previousCalls = await readFile(layout.callsFile, 'utf8').catch(() => '');
  for (const line of previousCalls.split('\n')) if (isModelCallLine(line)) await appendLine(interruptedCallsFile, line);
}

/** A line worth keeping from a discarded attempt's calls.jsonl: damage and torn tails are left behind. */
function isModelCallLine(line: string): boolean {
  if (line.trim() === '') return false;
  try {
    return ModelCallSchema.safeParse(JSON.parse(line)).success;
  } catch {
    return false;
  }
}
