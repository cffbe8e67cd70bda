import type { ExecutedAction } from '../core/action.js';
import type { CapturedObservation } from '../core/observation.js';
import type { ObservationRef } from '../core/step.js';
import type { StepRecord } from '../agents/roles.js';
import type { TrajectoryWriter } from '../store/trajectory-writer.js';

export interface StepRecorder {
  /** Writes the step's observations (the "before" one only if it is not the previous step's "after") and appends the step. */
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
      const written = await writer.writeObservation(step.after);
      lastWritten = { observation: step.after, ref: written.ref };
      await writer.appendStep({
        index: count,
        subtaskId,
        before,
        executed: step.executed,
        after: written.ref,
        timings: {
          actionMs: round(step.actionMs),
          observeMs: round(step.after.timings.observeMs),
          screenshotMs: round(step.after.timings.screenshotMs),
          snapshotMs: round(step.after.timings.snapshotMs),
          encodeMs: round(step.after.timings.encodeMs),
          writeMs: round(written.writeMs),
        },
      });
      onStep?.(count, step.executed);
      count += 1;
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
