import type { ExecutedAction } from '../core/action.js';
import type { CapturedObservation } from '../core/observation.js';
import type { ObservationRef } from '../core/step.js';
import type { StepRecord } from '../agents/roles.js';
import type { TrajectoryWriter } from '../store/trajectory-writer.js';

export interface StepRecorder {
  /**
   * Queues the step's observations (each only once: a "before" that was the previous "after" is not
   * written again) and the step line, in order, off the critical path: the next action need not wait
   * for the disk. The files land before the trajectory's record (chain.json, episode.json) is next
   * written; a write that failed is thrown by the next `record` or by that record write.
   */
  record(step: StepRecord, subtaskId: string): Promise<void>;
  /** Steps recorded so far (the next step's index). */
  readonly count: number;
}

/** Queued writes at most before `record` waits for the disk. */
const MAX_QUEUED_WRITES = 16;

/** Persists steps of one trajectory as they happen, numbering them from 0. */
export function createStepRecorder(writer: TrajectoryWriter, onStep?: (index: number, executed: ExecutedAction) => void): StepRecorder {
  let count = 0;
  let lastWritten: { observation: CapturedObservation; ref: ObservationRef } | undefined;
  return {
    get count() {
      return count;
    },
    async record(step, subtaskId) {
      const started = performance.now();
      await writer.backpressure(MAX_QUEUED_WRITES);
      const before = step.before === lastWritten?.observation ? lastWritten.ref : writer.queueObservation(step.before);
      // A step that left the page as it was (`done`) points both ways at one stored observation.
      const after = step.after === step.before ? before : writer.queueObservation(step.after);
      lastWritten = { observation: step.after, ref: after };
      writer.queueStep({
        index: count,
        subtaskId,
        before,
        executed: step.executed,
        after,
        timings: {
          actionMs: round(step.actionMs),
          ...(step.after === step.before ? NOT_OBSERVED : capture(step.after.timings)),
          // What the step waited for storage: queueing, or the disk when it falls behind.
          writeMs: round(performance.now() - started),
        },
      });
      onStep?.(count, step.executed);
      count += 1;
    },
  };
}

const NOT_OBSERVED = { observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0 };

function capture(timings: CapturedObservation['timings']): typeof NOT_OBSERVED {
  return {
    observeMs: round(timings.observeMs),
    screenshotMs: round(timings.screenshotMs),
    snapshotMs: round(timings.snapshotMs),
    encodeMs: round(timings.encodeMs),
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
