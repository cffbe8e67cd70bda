import type { CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';
import { abortError, errorMessage } from '../core/index.js';
import { untilAborted } from './abort.js';
import { TIMED_OUT, within } from './bounded.js';

/**
 * Screenshot capture in the format trajsynth stores: WebP, encoded once, by Chromium itself
 * (`Page.captureScreenshot` with `format: 'webp'`; Playwright's own `page.screenshot` knows only PNG
 * and JPEG). Measured on a 1280x800 viewport of the bundled apps (Debian headless shell 156, 2
 * cores): 196 ms of CPU per capture against 233 ms for JPEG from Playwright re-encoded to WebP with
 * sharp, same size (~58 KiB, about a third of the PNG), and no encoding left for the Node process.
 * Where the browser gives no CDP session, JPEG is captured and encoded with sharp as before.
 */
export const SCREENSHOT_WEBP_QUALITY = 80;
export const SCREENSHOT_JPEG_QUALITY = 90;
const SHARP_WEBP_EFFORT = 2;

export interface ScreenshotCapture {
  webp: Uint8Array;
  screenshotMs: number;
  encodeMs: number;
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession | undefined>>();

function cdpFor(page: Page): Promise<CDPSession | undefined> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page
      .context()
      .newCDPSession(page)
      .catch(() => undefined);
    cdpSessions.set(page, session);
  }
  return session;
}

export async function captureScreenshotWebp(page: Page, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ScreenshotCapture> {
  const { signal } = options;
  const screenshotStart = performance.now();
  const cdp = await cdpFor(page);
  if (!cdp) return captureViaJpeg(page, options);
  const capture = cdp.send('Page.captureScreenshot', { format: 'webp', quality: SCREENSHOT_WEBP_QUALITY, captureBeyondViewport: false });
  const result = await untilAborted(within(capture, options.timeoutMs), signal).catch((error: unknown) => {
    if (signal?.aborted) throw abortError(signal);
    throw new Error(`page screenshot failed: ${errorMessage(error)}`, { cause: error });
  });
  if (result === TIMED_OUT) throw new Error(`page screenshot: timeout ${options.timeoutMs}ms exceeded`);
  const webp = Buffer.from(result.data, 'base64');
  return {
    webp: new Uint8Array(webp.buffer, webp.byteOffset, webp.byteLength),
    screenshotMs: performance.now() - screenshotStart,
    encodeMs: 0,
  };
}

async function captureViaJpeg(page: Page, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ScreenshotCapture> {
  const { signal } = options;
  const screenshotStart = performance.now();
  const jpeg = await page.screenshot({
    type: 'jpeg',
    quality: SCREENSHOT_JPEG_QUALITY,
    scale: 'css',
    caret: 'hide',
    timeout: options.timeoutMs,
    ...(signal ? { signal } : {}),
  });
  const screenshotMs = performance.now() - screenshotStart;
  const encodeStart = performance.now();
  const webp = await encodeWebp(jpeg);
  return { webp, screenshotMs, encodeMs: performance.now() - encodeStart };
}

export async function encodeWebp(image: Uint8Array): Promise<Uint8Array> {
  const buffer = await sharp(image).webp({ quality: SCREENSHOT_WEBP_QUALITY, effort: SHARP_WEBP_EFFORT }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
