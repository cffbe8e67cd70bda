import { createHash } from 'node:crypto';
import { TrajsynthError } from '../../core/errors.js';
import type { Box, Point } from '../../core/geometry.js';
import { pointerOf } from '../export-action.js';
import type { EncodedImage, ExportUnit, SampleStep } from '../sample.js';
import { doneCall, traceCall, type TraceCall } from './playwright-trace-calls.js';
import { PLAYWRIGHT_TRACE_VERSION, TRACE_PAGE_ID, type ScreencastFrameEvent, type TraceEvent } from './playwright-trace-schema.js';

/** A step's duration on the timeline when the sample carries no timings (evaluation stores of older versions). */
export const DEFAULT_STEP_MS = 1000;
/** The shortest span an action or group gets, so nothing ends where it starts. */
const MIN_SPAN_MS = 1;

const EXTENSION: Record<EncodedImage['mimeType'], string> = { 'image/webp': 'webp', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** What one trace archive holds: the `trace.trace` events in order, and the files they name (path in the archive → bytes). */
export interface TraceContent {
  events: TraceEvent[];
  resources: Map<string, Uint8Array>;
}

/**
 * A trajectory unit as a Playwright trace: `context-options` with the sample's viewport, then one
 * group per subtask (a `tracing.group`, titled with the subtask's text; an evaluation episode's one
 * group is its task) holding each of its steps as the Playwright call that does the same, and a
 * final `done` action on the end state. Each action has its before screenshot (also as its Action
 * screenshot, with the recorded point and the element's box, where there is one) at its start and
 * the next screen at its end, as `screenshot` events and as `screencast-frame`s. Failed actions end
 * with the error the agent was shown. Times are milliseconds from 0, laid out from the recorded
 * timings (action plus observation; DEFAULT_STEP_MS where the sample has none), so the same unit
 * gives the same events; the only wall-clock time is the sample's own `startedAt`.
 */
export function traceOfUnit(unit: ExportUnit): TraceContent {
  const sample = unit.sample;
  const resources = new Map<string, Uint8Array>();
  const events: TraceEvent[] = [];
  let calls = 0;
  let time = 0;
  let lastFrame: { file: string; timestamp: number } | undefined;
  const nextCallId = () => `call@${(calls += 1)}`;
  const fileOf = (image: EncodedImage): string => {
    const file = `resources/${createHash('sha1').update(image.bytes).digest('hex')}.${EXTENSION[image.mimeType]}`;
    if (!resources.has(file)) resources.set(file, image.bytes);
    return file;
  };
  const frame = (image: EncodedImage, timestamp: number): void => {
    const file = fileOf(image);
    if (lastFrame?.file === file && lastFrame.timestamp === timestamp) return;
    lastFrame = { file, timestamp };
    const event: ScreencastFrameEvent = {
      type: 'screencast-frame',
      pageId: TRACE_PAGE_ID,
      file,
      width: image.width,
      height: image.height,
      timestamp,
    };
    events.push(event);
  };
  const screenshot = (callId: string, phase: 'before' | 'action' | 'after', image: EncodedImage, timestamp: number): void => {
    events.push({ type: 'screenshot', callId, phase, pageId: TRACE_PAGE_ID, timestamp, file: fileOf(image) });
  };
  const action = (options: {
    call: TraceCall;
    parentId?: string;
    spanMs: number;
    before: EncodedImage;
    after: EncodedImage;
    point?: Point;
    box?: Box;
    error?: string;
  }): void => {
    const callId = nextCallId();
    const start = time;
    const end = round3(start + Math.max(MIN_SPAN_MS, options.spanMs));
    const { call } = options;
    events.push({
      type: 'before',
      callId,
      startTime: start,
      title: call.title,
      class: call.class,
      method: call.method,
      params: call.params,
      pageId: TRACE_PAGE_ID,
      ...(options.parentId ? { parentId: options.parentId } : {}),
    });
    frame(options.before, start);
    screenshot(callId, 'before', options.before, start);
    if (options.point || options.box) {
      events.push({
        type: 'input',
        callId,
        ...(options.point ? { point: options.point } : {}),
        ...(options.box ? { box: options.box } : {}),
      });
      screenshot(callId, 'action', options.before, start);
    }
    events.push({
      type: 'after',
      callId,
      endTime: end,
      ...(options.error !== undefined ? { error: { name: 'Error', message: options.error } } : {}),
    });
    screenshot(callId, 'after', options.after, end);
    frame(options.after, end);
    time = end;
  };

  events.push({
    version: PLAYWRIGHT_TRACE_VERSION,
    type: 'context-options',
    origin: 'library',
    browserName: 'chromium',
    wallTime: wallTimeOf(sample.startedAt),
    monotonicTime: 0,
    sdkLanguage: 'javascript',
    title: sample.task,
    options: { viewport: { width: sample.viewport.width, height: sample.viewport.height }, deviceScaleFactor: 1, isMobile: false },
  });
  const { screens, end } = screensOf(unit);
  const groupCount = Math.max(1, sample.subtaskTexts.length, ...sample.steps.map((step) => step.subtaskIndex + 1));
  for (let group = 0; group < groupCount; group += 1) {
    const groupId = nextCallId();
    const groupStart = time;
    const title = sample.subtaskTexts[group] ?? (sample.subtaskTexts.length === 0 ? sample.task : `Subtask ${group + 1}`);
    events.push({
      type: 'before',
      callId: groupId,
      startTime: groupStart,
      title,
      class: 'Tracing',
      method: 'tracingGroup',
      params: { name: title },
      stack: [],
    });
    sample.steps.forEach((step, position) => {
      if (step.subtaskIndex !== group) return;
      const before = screens[position]!;
      const scale = before.scale;
      const recorded = pointerOf(step.executed);
      const point = recorded ? scalePoint(recorded, scale) : undefined;
      const box = step.executed.element?.box ? scaleBox(step.executed.element.box, scale) : undefined;
      const outcome = step.executed.outcome;
      action({
        call: traceCall(step.executed, point),
        parentId: groupId,
        spanMs: spanOf(step),
        before,
        after: screens[position + 1] ?? end,
        ...(point ? { point } : {}),
        ...(box ? { box } : {}),
        ...(outcome.ok ? {} : { error: outcome.error }),
      });
    });
    if (time === groupStart) time = round3(time + MIN_SPAN_MS);
    events.push({ type: 'after', callId: groupId, endTime: time });
  }
  action({ call: doneCall(sample.answer), spanMs: MIN_SPAN_MS, before: end, after: end });
  return { events, resources };
}

/** Each step's before screenshot (in step order) and the end state's, from the unit's turns. */
function screensOf(unit: ExportUnit): { screens: EncodedImage[]; end: EncodedImage } {
  const byStep = new Map(unit.turns.filter((turn) => turn.action.type !== 'done').map((turn) => [turn.stepIndex, turn.image]));
  const last = unit.turns.at(-1);
  const screens = unit.sample.steps.map((step) => byStep.get(step.index));
  const missing = unit.sample.steps.find((_, position) => !screens[position]);
  if (missing || last?.action.type !== 'done' || !last.image) {
    throw new TrajsynthError(
      `Expected a trajectory unit with a screenshot for every step and the end state, got ${missing ? `none for step ${missing.index}` : 'no end-state screenshot'} in ${unit.id}`,
      { code: 'INTERNAL' },
    );
  }
  return { screens: screens as EncodedImage[], end: last.image };
}

function spanOf(step: SampleStep): number {
  return step.timings ? step.timings.actionMs + step.timings.observeMs : DEFAULT_STEP_MS;
}

/** Milliseconds since the epoch of an ISO time, 0 when there is none. */
function wallTimeOf(iso: string | undefined): number {
  const parsed = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** Screenshot pixels to pixels of the exported image (the same unless --max-side scaled it). */
function scalePoint(point: Point, scale: number): Point {
  return scale === 1 ? { x: point.x, y: point.y } : { x: round3(point.x * scale), y: round3(point.y * scale) };
}

function scaleBox(box: Box, scale: number): Box {
  return scale === 1
    ? { ...box }
    : { x: round3(box.x * scale), y: round3(box.y * scale), width: round3(box.width * scale), height: round3(box.height * scale) };
}

/** Rounds to a thousandth, so sums of recorded timings and scaled pixels do not carry float noise into the file. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
