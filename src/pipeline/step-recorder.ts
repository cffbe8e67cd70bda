import type { ExecutedAction } from '../core/action.js';
import type { CapturedObservation } from '../core/observation.js';
import type { ObservationRef } from '../core/step.js';
import type { StepRecord } from '../agents/roles.js';
import type { TrajectoryWriter } from '../store/trajectory-writer.js';

export interface StepRecorder {
  /** Writes the step's observations (each only once: a "before" that was the previous "after" is not written again) and appends the step. */
  record(step: StepRecord, subtaskId: string): Promise<void>;
  /** Steps recorded so far (the next step's index). */
  readonly count: number;
}

/** Persists steps of one trajectory as they happen, numbering them from 0. */
export function createStepRecorder(writer: TrajectoryWriter, onStep?: (index: number, executed: ExecutedAction) => void): StepRecorder {
  let count = 0;
  let lastWritten: { observation: CapturedObservation; ref: ObservationRef } | undefined;
  return {
    get count() {
      return count;
    },
    async record(step, subtaskId) {
      const before = step.before === lastWritten?.observation ? lastWritten.ref : (await writer.writeObservation(step.before)).ref;
      // A step that left the page as it was (`done`) points both ways at one stored observation.
      const written = step.after === step.before ? { ref: before, writeMs: 0 } : await writer.writeObservation(step.after);
      lastWritten = { observation: step.after, ref: written.ref };
      await writer.appendStep({
        index: count,
        subtaskId,
        before,
        executed: step.executed,
        after: written.ref,
        timings: {
          actionMs: round(step.actionMs),
          ...(step.after === step.before ? NOT_OBSERVED : capture(step.after.timings)),
          writeMs: round(written.writeMs),
        },
      });
      onStep?.(count, step.executed);
      count += 1;
    },
  };
}

const NOT_OBSERVED = { observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0 };

function capture(timings: CapturedObservation['timings']): typeof NOT_OBSERVED {
  return { observeMs: round(timings.observeMs), screenshotMs: round(timings.screenshotMs), snapshotMs: round(timings.snapshotMs), encodeMs: round(timings.encodeMs) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
