import type { Page } from 'playwright-core';
import type { CapturedObservation, Viewport } from '../core/index.js';
import { abortError, errorMessage, TrajsynthError, throwIfAborted } from '../core/index.js';
import { signalOption } from './abort.js';
import { flattenAriaElements } from './aria-elements.js';
import { parseAriaSnapshot, type AriaNode } from './aria-node.js';
import { renderAriaSnapshot } from './aria-render.js';
import { publishRefs } from './ref-codec.js';
import type { BrowserLimits } from './limits.js';
import { captureScreenshotWebp } from './screenshot.js';

export interface AriaCapture {
  nodes: AriaNode[];
  snapshotMs: number;
}

/**
 * Takes one AI-mode aria snapshot with boxes. Refs stay stable for elements that survive between
 * snapshots (Playwright caches them per element), and resolve against the latest snapshot only.
 */
export async function captureAria(page: Page, limits: Pick<BrowserLimits, 'captureMs'>, signal?: AbortSignal): Promise<AriaCapture> {
  const start = performance.now();
  const json = await page.ariaSnapshotJSON({ mode: 'ai', boxes: true, timeout: limits.captureMs, ...signalOption(signal) });
  const nodes = parseAriaSnapshot(json);
  publishRefs(page, nodes);
  await addLinkTargets(page, nodes);
  return { nodes, snapshotMs: performance.now() - start };
}

/** Roles a link can take (`<a role="tab" href>`), whose target the aria snapshot does not give. */
const LINK_ROLES = ['tab', 'menuitem', 'treeitem'];

/**
 * Fills in where a tab, menu item or tree item that is a link leads, as the snapshot does for links:
 * a person sees these as places to go ("List" view, "Delivered" orders), and an agent needs the
 * address to say where it went. One query finds such anchors with their names (label, else text);
 * they are matched to the snapshot's nodes by role, name and order. Elements that are no link keep
 * no `url`; a page without such nodes costs nothing.
 */
async function addLinkTargets(page: Page, nodes: readonly AriaNode[]): Promise<void> {
  const pending: AriaNode[] = [];
  const visit = (node: AriaNode): void => {
    if (LINK_ROLES.includes(node.role) && node.url === undefined) pending.push(node);
    for (const child of node.children ?? []) if (typeof child !== 'string') visit(child);
  };
  nodes.forEach(visit);
  if (pending.length === 0) return;
  const selector = LINK_ROLES.map((role) => `a[role="${role}"][href]`).join(', ');
  const anchors = await page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => ({
        role: element.getAttribute('role') ?? '',
        name: (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ''),
        href: element.getAttribute('href') ?? '',
      })),
    )
    .catch((): Array<{ role: string; name: string; href: string }> => []);
  for (const node of pending) {
    // Compared without spaces: a badge's text runs into the label's in textContent ("Delivered5").
    const index = anchors.findIndex((anchor) => anchor.role === node.role && anchor.name === (node.name ?? '').replace(/\s+/g, ''));
    if (index < 0) continue;
    const [anchor] = anchors.splice(index, 1);
    if (anchor && anchor.href && !/^(javascript:|#$)/i.test(anchor.href)) node.url = anchor.href;
  }
}

/**
 * Captures what the agent sees: URL, title, the aria snapshot (one `ariaSnapshotJSON` call, rendered
 * to text and flattened to elements) and a WebP screenshot. Screenshot and snapshot run concurrently;
 * their timings overlap. A capture that races a navigation is retried once after the page loads.
 */
export async function captureObservation(
  page: Page,
  viewport: Viewport,
  limits: BrowserLimits,
  signal?: AbortSignal,
  withScreenshot = true,
): Promise<CapturedObservation> {
  try {
    return await captureOnce(page, viewport, limits, signal, withScreenshot);
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    await page.waitForLoadState('load', { timeout: limits.captureMs }).catch(() => undefined);
    try {
      return await captureOnce(page, viewport, limits, signal, withScreenshot);
    } catch (retryError) {
      if (signal?.aborted) throw abortError(signal);
      throw new TrajsynthError(`Expected to capture an observation of ${page.url()}, got: ${errorMessage(retryError)}`, {
        code: 'INTERNAL',
        isRetryable: true,
        cause: retryError,
      });
    }
  }
}

const NO_SCREENSHOT = { webp: new Uint8Array(0), screenshotMs: 0, encodeMs: 0 };

async function captureOnce(
  page: Page,
  viewport: Viewport,
  limits: BrowserLimits,
  signal: AbortSignal | undefined,
  withScreenshot: boolean,
): Promise<CapturedObservation> {
  throwIfAborted(signal);
  const start = performance.now();
  const [screenshot, aria, title] = await Promise.all([
    withScreenshot ? captureScreenshotWebp(page, { timeoutMs: limits.captureMs, ...signalOption(signal) }) : NO_SCREENSHOT,
    captureAria(page, limits, signal),
    page.title(),
  ]);
  return {
    url: page.url(),
    title,
    snapshot: renderAriaSnapshot(aria.nodes),
    elements: flattenAriaElements(aria.nodes),
    viewport: { ...viewport },
    screenshotWebp: screenshot.webp,
    timings: {
      observeMs: performance.now() - start,
      screenshotMs: screenshot.screenshotMs,
      snapshotMs: aria.snapshotMs,
      encodeMs: screenshot.encodeMs,
    },
  };
}
