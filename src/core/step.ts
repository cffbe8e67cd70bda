import { z } from 'zod';
import { ExecutedActionSchema, type ExecutedAction } from './action.js';
import type { CapturedObservation } from './observation.js';

/** Files and page facts of one observation, relative to the chain's directory. */
export const ObservationRefSchema = z.object({
  index: z.number().int().nonnegative(),
  url: z.string(),
  title: z.string(),
  screenshot: z.string(),
  snapshot: z.string(),
});
export type ObservationRef = z.infer<typeof ObservationRefSchema>;

export const StepTimingsSchema = z.object({
  actionMs: z.number().nonnegative(),
  /** Wall time of capturing the observation after the action (screenshot and snapshot overlap inside it). */
  observeMs: z.number().nonnegative(),
  screenshotMs: z.number().nonnegative(),
  snapshotMs: z.number().nonnegative(),
  encodeMs: z.number().nonnegative(),
  writeMs: z.number().nonnegative(),
});
export type StepTimings = z.infer<typeof StepTimingsSchema>;

/** One line of steps.jsonl: what the agent saw, what it did, and what it saw next. */
export const StepSchema = z.object({
  index: z.number().int().nonnegative(),
  subtaskId: z.string(),
  before: ObservationRefSchema,
  executed: ExecutedActionSchema,
  after: ObservationRefSchema,
  timings: StepTimingsSchema,
});
export type Step = z.infer<typeof StepSchema>;

/** One step as it happened, before it is stored: the page before, the action as executed, the page after. */
export interface StepRecord {
  before: CapturedObservation;
  executed: ExecutedAction;
  actionMs: number;
  after: CapturedObservation;
}
