/**
 * The baseline of the step benchmark: what the pipeline did, replayed with bare Playwright. Same
 * browser binary and flags, same environment seed and start page, same viewport, the same actions
 * on the same elements (by the ref on the same line of the equal snapshot; the recorded pixels when the
 * pipeline used coordinates), and the same captures after each action (a screenshot and an
 * AI-mode accessibility snapshot with boxes, taken together). No grounding, no settling beyond what
 * a careful Playwright script does (wait for a navigation the action caused), no storage.
 *
 * Every replayed step is checked: its URL and accessibility snapshot (refs and boxes aside) must
 * equal what the pipeline recorded after that step. A snapshot that is not there yet is captured
 * again, as Playwright's own `toMatchAriaSnapshot` retries, and that time counts.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ExecutedAction } from '../src/core/action.js';
import type { Step } from '../src/core/step.js';
import { startEnvironment } from '../src/environments/start-environment.js';

export interface ChainToReplay {
  environment: string;
  envSeed: number;
  /** The chain's directory (step files refer to snapshots relative to it). */
  dir: string;
  steps: Step[];
}

export interface BareStep {
  /** Which recorded step this is: the chain's position in the replayed list and the step's index. */
  chain: number;
  step: number;
  /** Whether the step reached the recorded URL and snapshot; only matched steps are compared. */
  matched: boolean;
  ms: number;
  screenshotMs: number;
  snapshotMs: number;
  pngBytes: number;
  /** Captures taken until the snapshot matched the recorded one (1 when it matched at once). */
  captures: number;
}

export interface BareReplay {
  steps: BareStep[];
  /** Steps whose URL or snapshot never matched what the pipeline recorded, with why. */
  mismatches: string[];
  /** Steps left out on both sides: the pipeline's failed actions and `done`. */
  skipped: number;
  /** Steps matched but left out of the comparison: their bare capture met a navigation in flight. */
  interrupted: number;
}

const MATCH_WAIT_MS = 3000;
const CAPTURE_TIMEOUT_MS = 3000;

/**
 * Replays the chains in `concurrency` lanes, each with its own browser process (as trajsynth runs
 * concurrent chains), each lane taking the next chain when it is free; `wallMs` is the time from the
 * first chain to the last.
 */
export async function replayBare(
  chains: readonly ChainToReplay[],
  options: { executablePath: string; args: readonly string[]; concurrency?: number },
): Promise<BareReplay & { wallMs: number }> {
  const result: BareReplay = { steps: [], mismatches: [], skipped: 0, interrupted: 0 };
  const lanes = Math.max(1, options.concurrency ?? 1);
  const browsers = await Promise.all(
    Array.from({ length: lanes }, () =>
      chromium.launch({ executablePath: options.executablePath, args: [...options.args], headless: true }),
    ),
  );
  const started = performance.now();
  try {
    let next = 0;
    await Promise.all(
      browsers.map(async (browser) => {
        for (let position = next++; position < chains.length; position = next++)
          await replayChain(browser, chains[position]!, position, result);
      }),
    );
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
  }
  return { ...result, wallMs: performance.now() - started };
}

/** Whether the pipeline's step is replayed and timed (a failed action or `done` is not). */
export function isReplayed(step: Step): boolean {
  return step.executed.outcome.ok && step.executed.action.type !== 'done';
}

async function replayChain(browser: Browser, chain: ChainToReplay, position: number, result: BareReplay): Promise<void> {
  const environment = await startEnvironment(chain.environment, { seed: chain.envSeed });
  // The context the pipeline's sessions use, and its answer to confirm() dialogs ("Delete this task?").
  const context = await browser.newContext({
    viewport: environment.manifest.viewport,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  context.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
  const page = await context.newPage();
  // Navigations of the page (a form an action submitted, maybe from a change handler): a careful
  // script waits for one the action started before it reads the page.
  const navigations = { requested: 0, loaded: 0 };
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations.requested += 1;
  });
  page.on('load', () => {
    navigations.loaded = navigations.requested;
  });
  page.on('requestfailed', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations.loaded = navigations.requested;
  });
  const settled = async (): Promise<void> => {
    const deadline = performance.now() + 10_000;
    while (navigations.loaded < navigations.requested && performance.now() < deadline) await page.waitForTimeout(10);
  };
  // The pipeline's server ran on another port: its URLs are moved to this server's origin.
  const recordedOrigin = chain.steps[0] ? new URL(chain.steps[0].before.url).origin : environment.origin;
  const here = (url: string): string => (url.startsWith(recordedOrigin) ? environment.origin + url.slice(recordedOrigin.length) : url);
  // The bare page's latest snapshot, whose refs the next action uses.
  let snapshot = '';
  try {
    for (const step of chain.steps) {
      const where = `${chain.environment} seed ${chain.envSeed} step ${step.index} (${JSON.stringify(step.executed.action)} on ${JSON.stringify(step.executed.element)})`;
      // Where the pipeline went between steps without an action (a chain's start, a recovery), go too.
      if (page.url() !== here(step.before.url) || snapshot === '') {
        if (page.url() !== here(step.before.url)) await page.goto(here(step.before.url));
        snapshot = await page.ariaSnapshot({ mode: 'ai', boxes: true });
      }
      if (!isReplayed(step)) {
        result.skipped += 1;
        continue;
      }
      const before = await readFile(join(chain.dir, step.before.snapshot), 'utf8');
      if (normalize(before) !== normalize(snapshot)) {
        // A step the pipeline left out here (a failed action) changed the page: the rest of the chain is not comparable.
        result.mismatches.push(`${where}: the page before the step differs from the recorded one; the rest of this chain is left out`);
        debugDump(`${chain.environment}-${step.index}-before`, normalize(before), normalize(snapshot));
        return;
      }
      const expected = normalize(await readFile(join(chain.dir, step.after.snapshot), 'utf8'));
      const urlAfter = here(step.executed.urlAfter);
      const started = performance.now();
      try {
        await act(page, step.executed, urlAfter, sameElement(before, snapshot, step.executed.element?.ref));
        await arrive(page, urlAfter);
        await settled();
      } catch (error) {
        result.mismatches.push(`${where}: ${firstLine(error)}; the rest of this chain is left out`);
        return;
      }
      let captures = 0;
      let interrupted = false;
      let capture: { png: Buffer; snapshot: string; screenshotMs: number; snapshotMs: number } | undefined;
      for (;;) {
        captures += 1;
        try {
          capture = await captureBoth(page);
        } catch (error) {
          // A capture that met a navigation in flight (a select that submits its form to the same
          // address): the page is captured again once loaded, and the step is not compared (its time
          // holds the capture's own time limit).
          if (performance.now() - started > 2 * CAPTURE_TIMEOUT_MS + MATCH_WAIT_MS) {
            result.mismatches.push(`${where}: ${firstLine(error)}; the rest of this chain is left out`);
            return;
          }
          interrupted = true;
          await page.waitForLoadState('load').catch(() => undefined);
          continue;
        }
        // Captured while a navigation the action started was on its way: read the page it loads.
        if (navigations.loaded < navigations.requested) {
          await settled();
          continue;
        }
        if (normalize(capture.snapshot) === expected || performance.now() - started > MATCH_WAIT_MS) break;
      }
      const ms = performance.now() - started;
      snapshot = capture.snapshot;
      let matched = false;
      if (page.url() !== urlAfter) result.mismatches.push(`${where}: at ${page.url()}, recorded ${urlAfter}`);
      else if (normalize(capture.snapshot) !== expected) {
        result.mismatches.push(`${where}: the accessibility snapshot differs from the recorded one`);
        debugDump(`${chain.environment}-${step.index}-after`, expected, normalize(capture.snapshot));
      } else if (interrupted) result.interrupted += 1;
      else matched = true;
      result.steps.push({
        chain: position,
        step: step.index,
        matched,
        ms,
        screenshotMs: capture.screenshotMs,
        snapshotMs: capture.snapshotMs,
        pngBytes: capture.png.byteLength,
        captures,
      });
    }
  } finally {
    await context.close();
    await environment.close();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** With BENCH_DEBUG set, the two snapshots of a mismatch go to /tmp for a diff. */
function debugDump(name: string, recorded: string, bare: string): void {
  if (!process.env.BENCH_DEBUG) return;
  writeFileSync(`/tmp/bench-${name}.recorded`, recorded);
  writeFileSync(`/tmp/bench-${name}.bare`, bare);
}

async function captureBoth(page: Page): Promise<{ png: Buffer; snapshot: string; screenshotMs: number; snapshotMs: number }> {
  const t0 = performance.now();
  const [shot, aria] = await Promise.all([
    page.screenshot({ type: 'png', timeout: CAPTURE_TIMEOUT_MS }).then((png) => ({ png, ms: performance.now() - t0 })),
    page
      .ariaSnapshot({ mode: 'ai', boxes: true, timeout: CAPTURE_TIMEOUT_MS })
      .then((snapshot) => ({ snapshot, ms: performance.now() - t0 })),
  ]);
  return { png: shot.png, snapshot: aria.snapshot, screenshotMs: shot.ms, snapshotMs: aria.ms };
}

/**
 * The element the pipeline acted on, in the bare page: the same line of the same snapshot (the two
 * pages are equal, refs aside), so the bare ref on that line. Undefined when the pipeline acted on
 * coordinates alone.
 */
function sameElement(recordedBefore: string, bareSnapshot: string, ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const line = recordedBefore.split('\n').findIndex((text) => text.includes(`[ref=${ref}]`));
  if (line < 0) return undefined;
  return /\[ref=([^\]]+)\]/.exec(bareSnapshot.split('\n')[line] ?? '')?.[1];
}

/** The action as a Playwright script does it: on the element by its ref, else at the recorded pixels. */
async function act(page: Page, executed: ExecutedAction, urlAfter: string, ref: string | undefined): Promise<void> {
  const { action } = executed;
  const point = executed.coordinates;
  const element = ref ? page.getByRef(ref) : undefined;
  // A checkbox or radio is clicked on its label, as the pipeline did (the input may be visually hidden).
  const label =
    element && (action.type === 'click' || action.type === 'dblclick') && /^(checkbox|radio|switch)$/.test(executed.element?.role ?? '')
      ? (await element.evaluateHandle((input) => (input as HTMLInputElement).labels?.[0] ?? input.closest('label'))).asElement()
      : null;
  const target = label ?? element;
  const at = (): { x: number; y: number } => {
    if (!point) throw new Error(`Expected an element or recorded coordinates for ${action.type}, got neither`);
    return point;
  };
  switch (action.type) {
    case 'click':
      return target ? target.click() : page.mouse.click(at().x, at().y);
    case 'dblclick':
      return target ? target.dblclick() : page.mouse.dblclick(at().x, at().y);
    case 'hover':
      return element ? element.hover() : page.mouse.move(at().x, at().y);
    case 'type':
      if (element) return action.clear === false ? element.pressSequentially(action.text) : element.fill(action.text);
      await page.mouse.click(at().x, at().y);
      return page.keyboard.type(action.text);
    case 'press':
      if (element) return element.press(action.key);
      if (point) await page.mouse.click(point.x, point.y);
      return page.keyboard.press(action.key);
    case 'select': {
      if (!element) throw new Error('Expected the select element by ref, got none');
      await element.selectOption({ label: action.value }, { timeout: 1000 }).catch(() => element.selectOption(action.value));
      return;
    }
    case 'scroll': {
      if (element) await element.hover();
      else if (point) await page.mouse.move(point.x, point.y);
      return page.mouse.wheel(action.deltaX ?? 0, action.deltaY);
    }
    case 'navigate':
      return void (await page.goto(urlAfter));
    case 'back':
      return void (await page.goBack());
    case 'wait':
      return page.waitForTimeout(action.ms);
    case 'done':
      return;
  }
}

/** Waits for the navigation an action caused, when the recorded URL says there was one. */
async function arrive(page: Page, urlAfter: string): Promise<void> {
  if (page.url() === urlAfter) return;
  const sameDocument = stripHash(page.url()) === stripHash(urlAfter);
  await page.waitForURL(urlAfter, { waitUntil: sameDocument ? 'commit' : 'load', timeout: 10_000 });
}

function stripHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** A snapshot without what differs between two renders of the same page (refs, boxes, focus) and link targets. */
export function normalize(snapshot: string): string {
  return (
    snapshot
      // trajsynth adds where a tab or menu item that is a link leads, which Playwright leaves out.
      .replace(/\n\s*- \/url: [^\n]*/g, '')
      .replace(/ \[(?:ref=[a-z0-9]+|cursor=pointer|box=[\d.,-]+|active)\]/g, '')
      .replace(/:$/gm, '')
      .replace(/\s+$/g, '')
      .trim()
  );
}
