/**
 * Benchmark: steps per second of the synthesis pipeline, time per step split into action,
 * screenshot, snapshot, encode and write, and the ratio to a bare-Playwright replay of the same
 * actions in the same run (same environment seeds, same browser binary, no capture, no storage).
 *
 *   npm run bench                       (defaults: 3 chains to level 4, seed 1)
 *   npm run bench -- --chains 4 --max-level 5 --seed 2
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Action } from '../src/core/action.js';
import type { Step } from '../src/core/step.js';
import { CHROMIUM_ARGS, findChromium } from '../src/browser/index.js';
import { startEnvironment } from '../src/environments/start-environment.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { readSteps } from '../src/store/run-store.js';

const { values } = parseArgs({
  options: { chains: { type: 'string' }, 'max-level': { type: 'string' }, seed: { type: 'string' } },
});
const chains = Number(values.chains ?? 3);
const maxLevel = Number(values['max-level'] ?? 4);
const seed = Number(values.seed ?? 1);


function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'trajsynth-bench-'));
  try {
    const started = performance.now();
    const result = await synthesize({ outDir: out, environment: 'project-tracker', chains, maxLevel, seed, concurrency: 1 });
    const pipelineMs = performance.now() - started;
    const chainSteps: Array<{ envSeed: number; steps: Step[] }> = [];
    for (const record of result.records) chainSteps.push({ envSeed: record.envSeed, steps: await readSteps(result.layout, record.chainId) });
    const steps = chainSteps.flatMap((chain) => chain.steps);
    const stepMs = steps.map((step) => step.timings.actionMs + step.timings.observeMs + step.timings.writeMs);

    // Bare Playwright: the same actions, same env seeds, same browser, no observation capture or storage.
    const { executablePath } = findChromium();
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
    const bareMs: number[] = [];
    const bareScreenshotMs: number[] = [];
    let bareFailures = 0;
    try {
      for (const chain of chainSteps) {
        const environment = await startEnvironment('project-tracker', { seed: chain.envSeed });
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        try {
          await page.goto(environment.origin + environment.manifest.startPath);
          for (const step of chain.steps) {
            const t0 = performance.now();
            const ok = await replay(page, step.executed.action, environment.origin).then(
              () => true,
              () => false,
            );
            if (!ok) bareFailures += 1;
            await page.waitForLoadState('load').catch(() => {});
            bareMs.push(performance.now() - t0);
            const t1 = performance.now();
            await page.screenshot({ type: 'png' });
            bareScreenshotMs.push(performance.now() - t1);
          }
        } finally {
          await context.close();
          await environment.close();
        }
      }
    } finally {
      await browser.close();
    }

    const split = (key: keyof Step['timings']) => mean(steps.map((step) => step.timings[key]));
    const perStep = mean(stepMs);
    const barePerStep = mean(bareMs);
    const lines = [
      `trajsynth step benchmark · ${chains} chains to level ${maxLevel} · seed ${seed} · ${steps.length} steps`,
      `  pipeline wall time        ${(pipelineMs / 1000).toFixed(1)} s  (${(steps.length / (pipelineMs / 1000)).toFixed(2)} steps/s end to end, incl. proposing, verifying, env start)`,
      `  recorded step time        mean ${perStep.toFixed(1)} ms · p50 ${percentile(stepMs, 50).toFixed(1)} · p95 ${percentile(stepMs, 95).toFixed(1)}  (${(1000 / perStep).toFixed(2)} steps/s)`,
      `    action                  ${split('actionMs').toFixed(1)} ms (incl. waiting for the page to settle)`,
      `    observe (wall)          ${split('observeMs').toFixed(1)} ms, of which, running concurrently:`,
      `      screenshot            ${split('screenshotMs').toFixed(1)} ms`,
      `      snapshot              ${split('snapshotMs').toFixed(1)} ms`,
      `      encode (WebP)         ${split('encodeMs').toFixed(1)} ms`,
      `    write                   ${split('writeMs').toFixed(1)} ms`,
      `  bare Playwright replay    mean ${barePerStep.toFixed(1)} ms · p50 ${percentile(bareMs, 50).toFixed(1)} · p95 ${percentile(bareMs, 95).toFixed(1)}  (${bareFailures} of ${bareMs.length} replayed actions failed)`,
      `  bare + PNG screenshot     mean ${(barePerStep + mean(bareScreenshotMs)).toFixed(1)} ms  (page.screenshot() alone: ${mean(bareScreenshotMs).toFixed(1)} ms)`,
      `  ratio trajsynth / bare    ${(perStep / barePerStep).toFixed(2)}x per step (${(perStep / (barePerStep + mean(bareScreenshotMs))).toFixed(2)}x against bare + screenshot)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

type BarePage = import('playwright-core').Page;

async function replay(page: BarePage, action: Action, origin: string): Promise<void> {
  const locate = (target: { role?: string; name?: string; nth?: number }) =>
    page.getByRole(target.role as Parameters<BarePage['getByRole']>[0], { name: target.name ?? '', exact: true }).nth(target.nth ?? 0);
  const options = { timeout: 5000 };
  switch (action.type) {
    case 'click':
      return locate(action.target).click(options);
    case 'dblclick':
      return locate(action.target).dblclick(options);
    case 'type':
      return locate(action.target).fill(action.text, options);
    case 'select':
      return void (await locate(action.target).selectOption({ label: action.value }, options));
    case 'press':
      return page.keyboard.press(action.key);
    case 'hover':
      return locate(action.target).hover(options);
    case 'scroll':
      return page.mouse.wheel(action.deltaX ?? 0, action.deltaY);
    case 'navigate':
      return void (await page.goto(new URL(action.url, origin).toString()));
    case 'back':
      return void (await page.goBack());
    case 'wait':
      return page.waitForTimeout(Math.min(action.ms, 10_000));
    case 'done':
      return;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
