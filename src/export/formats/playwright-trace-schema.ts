import { z } from 'zod';
import { BoxSchema, PointSchema } from '../../core/geometry.js';

/**
 * The trace format version written in `context-options`. Playwright's trace format is internal and
 * changes between releases; this is the `version` playwright-core 1.65.1 writes (its recorder,
 * server/trace/recorder/tracing.ts) and the newest its trace viewer loads (traceModernizer's
 * `latestVersion`; a newer one is refused as "created by a newer version of Playwright"). Verified
 * against playwright-core 1.65.1, which package.json pins: re-check the event shapes below against
 * the recorder and the viewer before moving the pin.
 */
export const PLAYWRIGHT_TRACE_VERSION = 10;
/** The playwright-core release the format was verified against (test/integration/export-playwright-trace.test.ts loads it in that viewer). */
export const PLAYWRIGHT_TRACE_VERIFIED_WITH = '1.65.1';

/** The one page a trajectory acts on. */
export const TRACE_PAGE_ID = 'page@1';

/**
 * The subset of Playwright's trace events (`trace.trace`, one JSON object per line) an export
 * writes, as version 10 defines them. Files inside the archive are named by `file` (`resources/<sha1>.<ext>`).
 */
export const ContextOptionsEventSchema = z.object({
  version: z.literal(PLAYWRIGHT_TRACE_VERSION),
  type: z.literal('context-options'),
  origin: z.literal('library'),
  browserName: z.string(),
  /** Milliseconds since the epoch at `monotonicTime`. */
  wallTime: z.number(),
  monotonicTime: z.number(),
  sdkLanguage: z.literal('javascript'),
  /** The level-k task the trajectory solves. */
  title: z.string().optional(),
  options: z.object({
    viewport: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
    deviceScaleFactor: z.number().positive(),
    isMobile: z.boolean(),
  }),
});

/** An action starts; a group (`tracing.group`) is a `before` of class Tracing, method tracingGroup, that its actions name as `parentId`. */
export const BeforeEventSchema = z.object({
  type: z.literal('before'),
  callId: z.string().min(1),
  startTime: z.number(),
  title: z.string(),
  class: z.string(),
  method: z.string(),
  params: z.record(z.string(), z.unknown()),
  pageId: z.string().optional(),
  parentId: z.string().optional(),
  stack: z.array(z.unknown()).optional(),
});

/** Where the input went (viewport pixels) and the element's box. */
export const InputEventSchema = z.object({
  type: z.literal('input'),
  callId: z.string().min(1),
  point: PointSchema.optional(),
  box: BoxSchema.optional(),
});

export const AfterEventSchema = z.object({
  type: z.literal('after'),
  callId: z.string().min(1),
  endTime: z.number(),
  /** A failed action: what the agent was shown. */
  error: z.object({ name: z.string(), message: z.string() }).optional(),
  result: z.unknown().optional(),
});

/** A frame of the page's screencast: the film strip over the timeline, and what the viewer shows at a time. */
export const ScreencastFrameEventSchema = z.object({
  type: z.literal('screencast-frame'),
  pageId: z.string(),
  file: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  timestamp: z.number(),
});

/**
 * A screenshot of one phase of an action (the recorder's `snapshotScreen`): without DOM snapshots
 * the viewer shows these in its Before / Action / After tabs, the action's `point` drawn on the Action one.
 */
export const ScreenshotEventSchema = z.object({
  type: z.literal('screenshot'),
  callId: z.string().min(1),
  phase: z.enum(['before', 'action', 'after']),
  pageId: z.string(),
  timestamp: z.number(),
  file: z.string(),
});

export const TraceEventSchema = z.discriminatedUnion('type', [
  ContextOptionsEventSchema,
  BeforeEventSchema,
  InputEventSchema,
  AfterEventSchema,
  ScreencastFrameEventSchema,
  ScreenshotEventSchema,
]);

export type ContextOptionsEvent = z.infer<typeof ContextOptionsEventSchema>;
export type BeforeEvent = z.infer<typeof BeforeEventSchema>;
export type InputEvent = z.infer<typeof InputEventSchema>;
export type AfterEvent = z.infer<typeof AfterEventSchema>;
export type ScreencastFrameEvent = z.infer<typeof ScreencastFrameEventSchema>;
export type ScreenshotEvent = z.infer<typeof ScreenshotEventSchema>;
export type TraceEvent = z.infer<typeof TraceEventSchema>;
