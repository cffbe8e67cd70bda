import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Step } from '../core/step.js';
import { annotateScreenshot } from '../browser/annotate.js';
import { chainLayout, type RunLayout } from '../store/layout.js';
import { markerLabel } from '../core/step-label.js';

/**
 * Writes each step's "before" screenshot as a PNG with the action drawn on it (element box, pixel
 * used, label), so a person can check at a glance that every step did what it says.
 */
export async function renderStepMarkers(layout: RunLayout, chainId: string, steps: readonly Step[], outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const chainDir = chainLayout(layout, chainId).dir;
  const written: string[] = [];
  for (const step of steps) {
    const image = await readFile(join(chainDir, step.before.screenshot));
    const png = await annotateScreenshot(image, {
      ...(step.executed.element?.box ? { box: step.executed.element.box } : {}),
      ...(step.executed.coordinates ? { point: step.executed.coordinates } : {}),
      label: markerLabel(step),
    });
    const file = join(outDir, `${chainId}-${String(step.index).padStart(4, '0')}-${step.executed.action.type}.png`);
    await writeFile(file, png);
    written.push(file);
  }
  return written;
}
