import type { Locator, Page } from 'playwright-core';
import type { Box, Element, Observation, Point, ResolvedElement, Target } from '../core/index.js';
import { errorMessage, isWithin, normalizedEquals, throwIfAborted } from '../core/index.js';
import { sleep } from './abort.js';
import { describeTarget } from './describe.js';
import { playwrightRef } from './ref-codec.js';
import { measureMatch, scrollIntoViewIfOutside } from './page-scripts.js';

export type Grounding =
  { kind: 'locator'; locator: Locator; element: ResolvedElement } | { kind: 'point'; point: Point; element: ResolvedElement };

export type GroundingResult = { ok: true; grounding: Grounding } | { ok: false; error: string };

export interface GroundOptions {
  observation?: Observation;
  /** How long to keep retrying role+name and ref while the page may still be rendering. */
  waitMs: number;
  /** How long resolving a ref's element may take. */
  handleTimeoutMs: number;
  signal?: AbortSignal;
}

const GROUNDING_POLL_MS = 100;

/**
 * Re-grounds a target on the live page: role and accessible name first (exact, the nth match),
 * then the ref from the agent's observation (refs resolve against the latest AI snapshot of the
 * page, so a ref is only trusted while the page is still at the observation's URL), then raw
 * coordinates. An element found by role+name or ref is scrolled into view if it is outside the
 * viewport, and its live box is recorded; one the observation of this page showed whole in view
 * (with the same number of role+name matches) keeps its observed box. Returns the reasons each way failed instead of throwing.
 */
export async function groundTarget(page: Page, target: Target, options: GroundOptions): Promise<GroundingResult> {
  const deadline = performance.now() + options.waitMs;
  let reasons: string[] = [];
  for (;;) {
    throwIfAborted(options.signal);
    reasons = [];
    const byRoleName = await groundByRoleName(page, target, options);
    if ('grounding' in byRoleName) return { ok: true, grounding: byRoleName.grounding };
    if (byRoleName.reason) reasons.push(byRoleName.reason);
    const byRef = await groundByRef(page, target, options);
    if ('grounding' in byRef) return { ok: true, grounding: byRef.grounding };
    if (byRef.reason) reasons.push(byRef.reason);
    if (reasons.length === 0 || performance.now() >= deadline) break;
    await sleep(GROUNDING_POLL_MS, options.signal);
  }
  if (target.point) {
    const element = elementAtPoint(options.observation, target.point);
    return {
      ok: true,
      grounding: {
        kind: 'point',
        point: target.point,
        element: { ...pickIdentity(element), ...(element?.box ? { box: element.box } : {}), groundedBy: 'point' },
      },
    };
  }
  if (reasons.length === 0) reasons.push('the target has no role and name, ref or point');
  return { ok: false, error: `No element matches ${describeTarget(target)}: ${reasons.join('; ')}` };
}

type Attempt = { grounding: Grounding } | { reason?: string };

async function groundByRoleName(page: Page, target: Target, options: GroundOptions): Promise<Attempt> {
  const { observation } = options;
  if (target.within !== undefined) return groundWithinRow(page, target, options);
  if (!target.role || !target.name) return {};
  const nth = target.nth ?? 0;
  const locator = page.getByRole(target.role as Parameters<Page['getByRole']>[0], { name: target.name, exact: true });
  const matching = observation?.elements.filter((e) => e.role === target.role && e.name === target.name) ?? [];
  const seen = inViewAsObserved(page, observation, matching[nth]);
  let match: Awaited<ReturnType<typeof measure>> | undefined;
  try {
    if (seen) {
      // The page shows what the observation saw, with this match in view: count the matches only,
      // and take its box from the observation.
      const count = await locator.count();
      if (count === matching.length) match = { count, box: seen };
    }
    match ??= await measure(locator, nth);
  } catch (error) {
    return { reason: `role+name lookup failed (${firstLine(errorMessage(error))})` };
  }
  if (match.count <= nth) {
    const wanted = `${target.role} named ${JSON.stringify(target.name)}`;
    return { reason: match.count === 0 ? `no ${wanted} on the page` : `only ${match.count} ${wanted}, wanted match #${nth + 1}` };
  }
  const ref = matching[nth]?.ref;
  return {
    grounding: {
      kind: 'locator',
      locator: locator.nth(nth),
      element: { ...(ref ? { ref } : {}), role: target.role, name: target.name, ...boxField(match.box), groundedBy: 'role-name' },
    },
  };
}

/**
 * A target told apart by its row (`within`): the nth element of its role and name (any name, when
 * the target gives none) inside the row with that text, found in the observation and grounded by its ref. A page-wide role+name match
 * would pick the first row's "Remove" for every row.
 */
async function groundWithinRow(page: Page, target: Target, options: GroundOptions): Promise<Attempt> {
  const { observation } = options;
  if (!observation || !target.role) return {};
  const matching = observation.elements.filter(
    (element) =>
      element.role === target.role &&
      (target.name === undefined || normalizedEquals(element.name, target.name)) &&
      isWithin(element, target.within),
  );
  const element = matching[target.nth ?? 0];
  if (!element)
    return {
      reason: `no ${target.role}${target.name === undefined ? '' : ` named ${JSON.stringify(target.name)}`} in the row "${target.within}"`,
    };
  return groundByRef(page, { ...target, ref: element.ref }, options);
}

async function groundByRef(page: Page, target: Target, options: GroundOptions): Promise<Attempt> {
  const { observation } = options;
  if (!target.ref) return {};
  if (observation && observation.url !== page.url()) {
    return { reason: `ref ${target.ref} belongs to ${observation.url}, but the page is now at ${page.url()}` };
  }
  const locator = page.getByRef(playwrightRef(page, target.ref));
  const seen = observation?.elements.find((e) => e.ref === target.ref);
  const seenBox = inViewAsObserved(page, observation, seen);
  let match: Awaited<ReturnType<typeof measureRef>>;
  try {
    match = seenBox ? { count: await locator.count(), box: seenBox } : await measureRef(locator, options.handleTimeoutMs);
  } catch (error) {
    return { reason: `ref ${target.ref} could not be resolved (${firstLine(errorMessage(error))})` };
  }
  if (match.count === 0) return { reason: `ref ${target.ref} is not in the latest snapshot` };
  const role = seen?.role ?? target.role;
  const name = seen?.name ?? target.name;
  return {
    grounding: {
      kind: 'locator',
      locator: locator.first(),
      element: { ref: target.ref, ...(role ? { role } : {}), ...(name ? { name } : {}), ...boxField(match.box), groundedBy: 'ref' },
    },
  };
}

/**
 * The observed box of an element, when the observation is of the page as it is now (same address)
 * and showed the element whole inside the viewport, so it needs no scrolling and its box needs no
 * measuring. Measuring runs in the page's main world, where Playwright injects its script into every
 * new document (about 40 ms on the first query after a navigation); counting, the snapshot and the
 * action itself run in its utility world, where the snapshot has already put it.
 */
function inViewAsObserved(page: Page, observation: Observation | undefined, element: Element | undefined): Box | undefined {
  const box = element?.box;
  if (!observation || !box || observation.url !== page.url()) return undefined;
  const { width, height } = observation.viewport;
  const inside = box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
  return inside ? { ...box } : undefined;
}

/** Counts a role locator's matches, scrolls match `nth` into view and measures it in one round trip. */
async function measure(locator: Locator, nth: number): Promise<{ count: number; box?: Box }> {
  const match = await locator.evaluateAll(measureMatch, nth);
  return match.box ? { count: match.count, box: roundBox(match.box) } : { count: match.count };
}

/**
 * Resolves a ref, scrolls its element into view and measures it in page coordinates (refs such as
 * f1e3 live in iframes), through a one-off element handle.
 */
async function measureRef(locator: Locator, timeoutMs: number): Promise<{ count: number; box?: Box }> {
  const count = await locator.count();
  if (count === 0) return { count };
  const handle = await locator.first().elementHandle({ timeout: timeoutMs });
  try {
    await handle.evaluate(scrollIntoViewIfOutside);
    const box = await handle.boundingBox();
    return box ? { count, box: roundBox(box) } : { count };
  } finally {
    await handle.dispose().catch(() => undefined);
  }
}

function boxField(box: Box | undefined): { box?: Box } {
  return box ? { box } : {};
}

function roundBox(box: Box): Box {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

/** The smallest observed element whose box contains the point, for labelling coordinate actions. */
function elementAtPoint(observation: Observation | undefined, point: Point): Element | undefined {
  let best: Element | undefined;
  for (const element of observation?.elements ?? []) {
    const box = element.box;
    if (!box || box.width <= 0 || box.height <= 0) continue;
    const inside = point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    if (inside && (!best?.box || box.width * box.height < best.box.width * best.box.height)) best = element;
  }
  return best;
}

function pickIdentity(element: Element | undefined): Pick<ResolvedElement, 'ref' | 'role' | 'name'> {
  if (!element) return {};
  return { ref: element.ref, role: element.role, ...(element.name ? { name: element.name } : {}) };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
