import type { Page } from 'playwright-core';
import sharp from 'sharp';

/**
 * Screenshot capture and WebP encoding. Measured on a 1280x800 viewport (Debian Chromium 156, sharp
 * 0.35): Chromium's PNG encoder dominates capture on busy pages (~95 ms vs ~45 ms for JPEG), and
 * Playwright's own `type: 'webp'` is slower than both (~130-190 ms). JPEG at quality 90 followed by
 * sharp WebP at quality 80, effort 2 was the fastest pipeline whose text stayed crisp; effort 4 costs
 * ~2x the encode time for ~3% smaller files.
 */
export const SCREENSHOT_JPEG_QUALITY = 90;
export const SCREENSHOT_WEBP_QUALITY = 80;
export const SCREENSHOT_WEBP_EFFORT = 2;

export interface ScreenshotCapture {
  webp: Uint8Array;
  screenshotMs: number;
  encodeMs: number;
}

export async function captureScreenshotWebp(page: Page, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ScreenshotCapture> {
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
  const buffer = await sharp(image).webp({ quality: SCREENSHOT_WEBP_QUALITY, effort: SCREENSHOT_WEBP_EFFORT }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
