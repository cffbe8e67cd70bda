import type { Locator, Page } from 'playwright-core';
import type { Action, ActionOutcome, Box, ExecutedAction, Point, Target, Viewport } from '../core/index.js';
import { abortError, boxCenter, isTrajsynthError, throwIfAborted } from '../core/index.js';
import { signalOption, sleep } from './abort.js';
import { summarizeActionError, wasPerformed } from './action-error.js';
import { describeAction } from './describe.js';
import { groundTarget } from './grounding.js';
import { labelClickPoint, moveCaretToEnd, waitForScrollEnd } from './page-scripts.js';
import { selectOption } from './select-option.js';
import { waitForSettled, type NetworkActivity } from './settle.js';
import type { ExecuteOptions, ExecuteResult } from './browser-types.js';
import { MAX_WAIT_MS, type BrowserLimits } from './limits.js';
import type { NavigationTracker } from './navigation-watch.js';
import { HARNESS_BLOCK_REASON, isAllowedUrl, isHarnessUrl, resolveUrl } from './url.js';

/** What execute needs from its session. */
export interface ExecuteContext {
  page: Page;
  origin: string;
  /** Origins navigate may reach; undefined means any. */
  allowedOrigins: readonly string[] | undefined;
  viewport: Viewport;
  network: NetworkActivity;
  navigation: NavigationTracker;
  /** The session's time limits, already multiplied by its timeout scale. */
  limits: BrowserLimits;
}

/** Inputs that sites hide under a styled label (custom checkboxes, star ratings, toggles). */
const LABELLED_INPUT_ROLES = new Set(['checkbox', 'radio', 'switch']);

/** Fields of the executed action filled in while performing it. */
interface ActionRecord {
  element?: ExecutedAction['element'];
  coordinates?: Point;
  text?: string;
  keys?: string[];
}

interface Run {
  ctx: ExecuteContext;
  options: ExecuteOptions;
  timeoutMs: number;
  record: ActionRecord;
}

/** Actions that reach the page through an element, the mouse or the keyboard (not `navigate`, `back`, `wait`, `done`). */
const INPUT_ACTIONS = new Set<Action['type']>(['click', 'dblclick', 'type', 'press', 'select', 'scroll', 'hover']);
/**
 * Actions whose last effect is what may start a navigation (the click, the key, the option chosen):
 * once it has started, they are done. Typing is not: a page that navigates mid-typing cut it short.
 */
const DONE_WHEN_NAVIGATING = new Set<Action['type']>(['click', 'dblclick', 'press', 'select']);

/**
 * Performs one action on the session's page and records what actually happened. Action failures
 * (no such element, timeouts, a field that is not editable, a failed navigation) come back as
 * `outcome: { ok: false, error }`; only an abort throws.
 *
 * The outcome is decided by what the action did, not by whether Playwright returned in time: input
 * that started a navigation of the page (a link followed, a form submitted) was performed, even if
 * the time limit ran out while that navigation was still loading; settling then waits for it. An
 * explicit `timeoutMs` is multiplied by the session's timeout scale like the default.
 */
export async function executeAction(ctx: ExecuteContext, action: Action, options: ExecuteOptions = {}): Promise<ExecuteResult> {
  const { page, navigation, limits } = ctx;
  const { signal } = options;
  throwIfAborted(signal);
  const start = performance.now();
  const timeoutMs = options.timeoutMs !== undefined ? Math.round(options.timeoutMs * limits.scale) : limits.actionMs;
  const run: Run = { ctx, options, timeoutMs, record: {} };
  const mark = navigation.mark();
  let outcome: ActionOutcome;
  let failure: unknown;
  try {
    outcome = await perform(run, action);
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    if (isTrajsynthError(error) && error.code === 'ABORTED') throw error;
    failure = error;
    outcome = { ok: false, error: `Could not ${describeAction(action)}: ${summarizeActionError(error)}` };
  }
  const input = INPUT_ACTIONS.has(action.type);
  // `wait` is its own settling and `done` changes nothing; everything else waits for the page,
  // including a navigation the action started (until it commits and loads).
  let navigationStarted = false;
  if (action.type !== 'wait' && action.type !== 'done') {
    const settled = await waitForSettled(page, {
      navigation: { tracker: navigation, mark, askPage: input },
      network: ctx.network,
      limits,
      ...signalOption(signal),
    });
    navigationStarted = settled.navigationStarted;
  }
  // Dispatched, then out of time while the navigation it started was loading: the action happened.
  if (failure !== undefined && ((navigationStarted && DONE_WHEN_NAVIGATING.has(action.type)) || wasPerformed(failure)))
    outcome = { ok: true };
  const executed: ExecutedAction = { action, ...run.record, outcome, urlAfter: page.url() };
  return { executed, actionMs: performance.now() - start };
}

async function perform(run: Run, action: Action): Promise<ActionOutcome> {
  const { page } = run.ctx;
  const { signal } = run.options;
  const timeout = { timeout: run.timeoutMs, ...signalOption(signal) };
  switch (action.type) {
    case 'click':
      return withTarget(
        run,
        action.target,
        action,
        async (locator) => locator.click(timeout),
        (point) => page.mouse.click(point.x, point.y),
      );
    case 'dblclick':
      return withTarget(
        run,
        action.target,
        action,
        async (locator) => locator.dblclick(timeout),
        (point) => page.mouse.dblclick(point.x, point.y),
      );
    case 'type': {
      run.record.text = action.text;
      const clear = action.clear !== false;
      return withTarget(
        run,
        action.target,
        action,
        async (locator) => {
          if (clear) return locator.fill(action.text, timeout);
          await locator.evaluateAll(moveCaretToEnd);
          return locator.pressSequentially(action.text, timeout);
        },
        async (point) => {
          await page.mouse.click(point.x, point.y);
          if (clear) {
            await page.keyboard.press('ControlOrMeta+A');
            await page.keyboard.press('Delete');
          }
          await page.keyboard.type(action.text);
        },
      );
    }
    case 'press':
      run.record.keys = [action.key];
      if (!action.target) {
        await page.keyboard.press(action.key);
        return { ok: true };
      }
      return withTarget(
        run,
        action.target,
        action,
        async (locator) => locator.press(action.key, timeout),
        async (point) => {
          await page.mouse.click(point.x, point.y);
          await page.keyboard.press(action.key);
        },
      );
    case 'select':
      return withTarget(
        run,
        action.target,
        action,
        (locator, element) => selectOption(locator, action.value, run.timeoutMs, signal, observedOptions(run, element)),
        null,
      );
    case 'scroll':
      return scroll(run, action);
    case 'hover':
      return withTarget(
        run,
        action.target,
        action,
        async (locator) => locator.hover(timeout),
        (point) => page.mouse.move(point.x, point.y),
      );
    case 'navigate':
      return navigate(run, action.url);
    case 'back': {
      const response = await page.goBack({ waitUntil: 'load', timeout: run.ctx.limits.navigationMs, ...signalOption(signal) });
      return response === null ? { ok: false, error: 'Could not go back: there is no previous page in this tab' } : { ok: true };
    }
    case 'wait':
      await sleep(Math.min(action.ms, MAX_WAIT_MS), signal);
      return { ok: true };
    case 'done':
      return { ok: true };
  }
}

/**
 * Grounds the target, records the element, box and coordinates, then runs the locator or point
 * variant of the action. `onPoint: null` means the action cannot be done from coordinates alone.
 */
async function withTarget(
  run: Run,
  target: Target,
  action: Action,
  onLocator: (locator: Locator, element: ExecutedAction['element']) => Promise<unknown>,
  onPoint: ((point: Point) => Promise<unknown>) | null,
): Promise<ActionOutcome> {
  const grounded = await ground(run, target);
  if (!grounded.ok) return { ok: false, error: grounded.error };
  const grounding = grounded.grounding;
  run.record.element = grounding.element;
  if (grounding.kind === 'point') {
    run.record.coordinates = grounding.point;
    if (!onPoint) {
      return { ok: false, error: `Could not ${describeAction(action)}: it needs an element (role and name, or ref), not only coordinates` };
    }
    await onPoint(grounding.point);
    return { ok: true };
  }
  if (grounding.element.box) run.record.coordinates = boxCenter(grounding.element.box);
  // A hidden checkbox or radio is clicked where a person would click it: on its label. The recorded
  // point and box are the label's, so a click at the recorded pixel reaches the same control.
  const labelled = LABELLED_INPUT_ROLES.has(grounding.element.role ?? '') && (action.type === 'click' || action.type === 'dblclick');
  const viaLabel = labelled ? await labelPoint(run, grounding.locator) : undefined;
  if (viaLabel && onPoint) {
    run.record.coordinates = { x: viaLabel.x, y: viaLabel.y };
    run.record.element = { ...grounding.element, box: viaLabel.box };
    await onPoint(run.record.coordinates);
    return { ok: true };
  }
  await onLocator(grounding.locator, grounding.element);
  return { ok: true };
}

/** The options the observation showed for the grounded element (a select's labels), when it has its ref. */
function observedOptions(run: Run, element: ExecutedAction['element']): readonly string[] | undefined {
  const ref = element?.ref;
  if (!ref) return undefined;
  return run.options.observation?.elements.find((seen) => seen.ref === ref)?.options;
}

/** The label point of a control that cannot take a click itself (main frame only), if it has one. */
async function labelPoint(run: Run, locator: Locator): Promise<{ x: number; y: number; box: Box } | undefined> {
  try {
    const handle = await locator.elementHandle({ timeout: run.ctx.limits.elementHandleMs });
    if (!handle) return undefined;
    try {
      const frame = await handle.ownerFrame();
      if (frame !== run.ctx.page.mainFrame()) return undefined;
      return (await handle.evaluate(labelClickPoint)) ?? undefined;
    } finally {
      await handle.dispose().catch(() => undefined);
    }
  } catch {
    return undefined;
  }
}

async function ground(run: Run, target: Target): ReturnType<typeof groundTarget> {
  return groundTarget(run.ctx.page, target, {
    waitMs: Math.min(run.timeoutMs, run.ctx.limits.groundingWaitMs),
    handleTimeoutMs: run.ctx.limits.elementHandleMs,
    ...(run.options.observation ? { observation: run.options.observation } : {}),
    ...signalOption(run.options.signal),
  });
}

async function scroll(run: Run, action: Extract<Action, { type: 'scroll' }>): Promise<ActionOutcome> {
  const { page, viewport } = run.ctx;
  let center: Point = { x: Math.round(viewport.width / 2), y: Math.round(viewport.height / 2) };
  if (action.target) {
    const grounded = await ground(run, action.target);
    if (!grounded.ok) return { ok: false, error: grounded.error };
    const grounding = grounded.grounding;
    run.record.element = grounding.element;
    if (grounding.kind === 'point') {
      center = grounding.point;
    } else {
      const box = grounding.element.box;
      if (!box) return { ok: false, error: `Could not ${describeAction(action)}: the element is not visible` };
      center = boxCenter(clampBox(box, viewport));
    }
  }
  run.record.coordinates = center;
  await page.mouse.move(center.x, center.y);
  await page.mouse.wheel(action.deltaX ?? 0, action.deltaY);
  await page.evaluate(waitForScrollEnd, { quietMs: 60, maxMs: run.ctx.limits.scrollEndMaxMs }).catch(() => undefined);
  return { ok: true };
}

async function navigate(run: Run, pathOrUrl: string): Promise<ActionOutcome> {
  const { ctx } = run;
  const url = resolveUrl(ctx.origin, pathOrUrl);
  if (isHarnessUrl(url)) return { ok: false, error: `Could not navigate to ${url}: ${HARNESS_BLOCK_REASON}` };
  if (ctx.allowedOrigins && !isAllowedUrl(url, ctx.allowedOrigins)) {
    return { ok: false, error: `Could not navigate to ${url}: it is outside the allowed origins (${ctx.allowedOrigins.join(', ')})` };
  }
  const response = await ctx.page.goto(url, { waitUntil: 'load', timeout: ctx.limits.navigationMs, ...signalOption(run.options.signal) });
  if (response && response.status() >= 400) {
    return { ok: false, error: `Navigated to ${url}, but the server answered HTTP ${response.status()} ${response.statusText()}`.trim() };
  }
  return { ok: true };
}

/** The part of a box inside the viewport (so a tall element is scrolled where the mouse can reach). */
function clampBox(box: Box, viewport: Viewport): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  const right = Math.min(viewport.width, box.x + box.width);
  const bottom = Math.min(viewport.height, box.y + box.height);
  if (right <= x || bottom <= y) return box;
  return { x, y, width: right - x, height: bottom - y };
}
