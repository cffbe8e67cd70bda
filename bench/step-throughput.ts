/**
 * Benchmark: the cost of a recorded step against bare Playwright, and how synthesis scales with
 * concurrent chains on this machine.
 *
 * 1. Synthesizes the same chains at each `--concurrency` (default 1, 2, 4): steps per second end to
 *    end (proposing, verifying, environment servers and all), and the peak memory of this process
 *    and everything it started, per concurrent chain.
 * 2. Replays what the concurrency-1 run did with bare Playwright in the same browser binary (see
 *    bare-replay.ts): same start pages, same actions at the recorded pixels, same captures (a
 *    screenshot and an accessibility snapshot), every replayed step checked against the recorded
 *    one. The ratio is trajsynth's recorded step (action with settling, observation, storage on the
 *    critical path) over the bare step.
 *
 *   npm run bench                        (defaults: --env all --chains 8 --max-level 3 --seed 1)
 *   npm run bench -- --json              (the same numbers as one JSON object)
 *   npm run bench -- --env shop --chains 4 --concurrency 1,2
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Step } from '../src/core/step.js';
import { CHROMIUM_ARGS, findChromium } from '../src/browser/index.js';
import { synthesize } from '../src/pipeline/synthesize.js';
import { chainLayout } from '../src/store/layout.js';
import { readSteps } from '../src/store/run-store.js';
import { isReplayed, replayBare, type ChainToReplay } from './bare-replay.js';
import { sampleCpu, sampleMemory, treeMemoryBytes } from './process-memory.js';

const { values } = parseArgs({
  options: {
    env: { type: 'string', default: 'all' },
    chains: { type: 'string', default: '8' },
    'max-level': { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '1,2,4' },
    json: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`Expected --${name} to be a positive integer, got ${JSON.stringify(value)}`);
  return number;
}

const environment = values.env;
const chains = positiveInt('chains', values.chains);
const maxLevel = positiveInt('max-level', values['max-level']);
const seed = positiveInt('seed', values.seed);
const levels = [...new Set(values.concurrency.split(',').map((part) => positiveInt('concurrency', part.trim())))].sort((a, b) => a - b);
if (levels[0] !== 1) levels.unshift(1);

interface ConcurrencyRun {
  concurrency: number;
  wallMs: number;
  steps: number;
  stepsPerSecond: number;
  peakMemoryBytes: number | undefined;
  /** CPU seconds of the whole process tree during the run, and the cores that kept busy on average. */
  cpuSeconds: number | undefined;
  coresBusy: number | undefined;
}

const mean = (list: readonly number[]): number => (list.length ? list.reduce((sum, value) => sum + value, 0) / list.length : 0);
const percentile = (list: readonly number[], p: number): number => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
/** The part of a recorded step on the critical path: the action with settling, the observation, storage. */
const recordedMs = (step: Step): number => step.timings.actionMs + step.timings.observeMs + step.timings.writeMs;

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'trajsynth-bench-'));
  const log = (line: string) => {
    if (!values.json) process.stderr.write(`${line}\n`);
  };
  try {
    const { executablePath } = findChromium();
    const baselineMemory = treeMemoryBytes();
    const runs: ConcurrencyRun[] = [];
    let recorded: ChainToReplay[] = [];
    for (const concurrency of levels) {
      log(`synthesizing ${chains} chains to level ${maxLevel} on ${environment} at --concurrency ${concurrency} ...`);
      const outDir = join(work, `c${concurrency}`);
      const memory = sampleMemory();
      const started = performance.now();
      const cpu = sampleCpu();
      const result = await synthesize({ outDir, environment, chains, maxLevel, seed, concurrency, executablePath });
      const wallMs = performance.now() - started;
      const cpuSeconds = cpu.stop();
      const peak = memory.stop();
      const steps = result.records.reduce((sum, record) => sum + record.stepCount, 0);
      runs.push({
        concurrency,
        wallMs,
        steps,
        stepsPerSecond: steps / (wallMs / 1000),
        peakMemoryBytes: peak,
        cpuSeconds,
        coresBusy: cpuSeconds === undefined ? undefined : cpuSeconds / (wallMs / 1000),
      });
      if (concurrency === 1) {
        recorded = await Promise.all(
          result.records.map(async (record) => ({
            environment: record.environment,
            envSeed: record.envSeed,
            dir: chainLayout(result.layout, record.chainId).dir,
            steps: await readSteps(result.layout, record.chainId),
          })),
        );
      }
    }

    log('replaying the concurrency-1 run with bare Playwright ...');
    const bareCpu = sampleCpu();
    const bare = await replayBare(recorded, { executablePath, args: CHROMIUM_ARGS });
    const bareCpuSeconds = bareCpu.stop();
    // The machine's own ceiling: the same bare replay in two concurrent lanes over one browser.
    let bareScaling2: number | undefined;
    if (levels.includes(2)) {
      log('replaying it again with bare Playwright in 2 concurrent lanes ...');
      const two = await replayBare(recorded, { executablePath, args: CHROMIUM_ARGS, concurrency: 2 });
      bareScaling2 = two.steps.length / two.wallMs / (bare.steps.length / bare.wallMs);
    }
    // Only steps the bare replay reproduced (same URL and snapshot) are compared, on both sides: a step
    // that diverged, or one after a divergence in its chain, is not the same work.
    const matched = bare.steps.filter((step) => step.matched);
    const matchedKeys = new Set(matched.map((step) => `${step.chain}:${step.step}`));
    const compared = recorded.flatMap((chain, position) =>
      chain.steps
        .filter((step) => isReplayed(step) && matchedKeys.has(`${position}:${step.index}`))
        .map((step) => ({ step, dir: chain.dir })),
    );
    const ours = compared.map(({ step }) => step);
    const oursMs = ours.map(recordedMs);
    const bareMs = matched.map((step) => step.ms);
    const screenshotFiles = await Promise.all(
      compared.map(({ step, dir }) => stat(join(dir, step.after.screenshot)).then((file) => file.size)),
    );
    const one = runs[0]!;
    const at = (concurrency: number) => runs.find((run) => run.concurrency === concurrency);
    const scaling = (concurrency: number) => {
      const run = at(concurrency);
      return run ? run.stepsPerSecond / one.stepsPerSecond : undefined;
    };
    const split = (key: keyof Step['timings']) => mean(ours.map((step) => step.timings[key]));
    const perStepMs = mean(oursMs);
    const barePerStepMs = mean(bareMs);
    const report = {
      environment,
      chains,
      maxLevel,
      seed,
      browser: executablePath,
      steps: ours.length,
      stepsSkipped: bare.skipped,
      stepsInterrupted: bare.interrupted,
      perStepMs,
      perStepP50Ms: percentile(oursMs, 50),
      perStepP95Ms: percentile(oursMs, 95),
      split: {
        actionMs: split('actionMs'),
        observeMs: split('observeMs'),
        screenshotMs: split('screenshotMs'),
        snapshotMs: split('snapshotMs'),
        encodeMs: split('encodeMs'),
        writeMs: split('writeMs'),
      },
      barePerStepMs,
      barePerStepP50Ms: percentile(bareMs, 50),
      barePerStepP95Ms: percentile(bareMs, 95),
      bareScreenshotMs: mean(matched.map((step) => step.screenshotMs)),
      bareSnapshotMs: mean(matched.map((step) => step.snapshotMs)),
      bareRecaptures: matched.filter((step) => step.captures > 1).length,
      bareMismatches: bare.mismatches,
      overheadRatio: perStepMs / barePerStepMs,
      screenshotBytes: mean(screenshotFiles),
      pngBytes: mean(matched.map((step) => step.pngBytes)),
      concurrency: runs.map((run) => ({
        ...run,
        memoryPerChainBytes:
          run.peakMemoryBytes !== undefined && baselineMemory !== undefined
            ? (run.peakMemoryBytes - baselineMemory) / run.concurrency
            : undefined,
      })),
      scaling2: scaling(2),
      scaling4: scaling(4),
      bareScaling2,
      // CPU per step of the whole tree: trajsynth's c=1 run (all of it: proposing, verifying, servers)
      // against the bare replay of the same steps (actions and captures only).
      cpuPerStepSeconds: one.cpuSeconds === undefined ? undefined : one.cpuSeconds / one.steps,
      bareCpuPerStepSeconds: bareCpuSeconds === undefined ? undefined : bareCpuSeconds / (bare.steps.length + bare.skipped),
      bareCoresBusy: bareCpuSeconds === undefined ? undefined : bareCpuSeconds / (bare.wallMs / 1000),
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      process.stdout.write(`${render(report).join('\n')}\n`);
    }
    if (bare.mismatches.length > 0) process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function render(report: {
  environment: string;
  chains: number;
  maxLevel: number;
  seed: number;
  browser: string;
  steps: number;
  stepsSkipped: number;
  stepsInterrupted: number;
  perStepMs: number;
  perStepP50Ms: number;
  perStepP95Ms: number;
  split: Record<string, number>;
  barePerStepMs: number;
  barePerStepP50Ms: number;
  barePerStepP95Ms: number;
  bareScreenshotMs: number;
  bareSnapshotMs: number;
  bareRecaptures: number;
  bareMismatches: string[];
  overheadRatio: number;
  screenshotBytes: number;
  pngBytes: number;
  concurrency: Array<ConcurrencyRun & { memoryPerChainBytes: number | undefined }>;
  scaling2: number | undefined;
  scaling4: number | undefined;
  bareScaling2: number | undefined;
  cpuPerStepSeconds: number | undefined;
  bareCpuPerStepSeconds: number | undefined;
  bareCoresBusy: number | undefined;
}): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
  const { split } = report;
  const lines = [
    `trajsynth step benchmark · ${report.environment} · ${report.chains} chains to level ${report.maxLevel} · seed ${report.seed} · ${report.browser}`,
    `  recorded step (trajsynth)  mean ${ms(report.perStepMs)} · p50 ${ms(report.perStepP50Ms)} · p95 ${ms(report.perStepP95Ms)} over ${report.steps} matched steps (${report.stepsSkipped} failed or done steps, ${report.bareMismatches.length} that did not match and ${report.stepsInterrupted} whose bare capture met a navigation, left out on both sides)`,
    `    action + settling        ${ms(split.actionMs!)}`,
    `    observe (wall)           ${ms(split.observeMs!)}: screenshot ${ms(split.screenshotMs!)}, snapshot ${ms(split.snapshotMs!)}, encode ${ms(split.encodeMs!)} (concurrent)`,
    `    storage on the path      ${ms(split.writeMs!)}`,
    `  bare Playwright step       mean ${ms(report.barePerStepMs)} · p50 ${ms(report.barePerStepP50Ms)} · p95 ${ms(report.barePerStepP95Ms)} (screenshot ${ms(report.bareScreenshotMs)}, snapshot ${ms(report.bareSnapshotMs)}, concurrent; ${report.bareRecaptures} steps captured again before they matched)`,
    `  replay check               ${report.bareMismatches.length === 0 ? `every replayed step reached the recorded URL and snapshot` : `${report.bareMismatches.length} steps did not match:\n    ${report.bareMismatches.slice(0, 10).join('\n    ')}`}`,
    `  overhead ratio             ${report.overheadRatio.toFixed(2)}x  (trajsynth step / bare step; target ≤ 1.30, goal 1.15)`,
    `  screenshot bytes           ${(report.screenshotBytes / 1024).toFixed(1)} KiB stored WebP vs ${(report.pngBytes / 1024).toFixed(1)} KiB PNG (${((report.screenshotBytes / report.pngBytes) * 100).toFixed(0)}%)`,
    `  concurrency (end to end, incl. proposing, verifying, environment servers):`,
    ...report.concurrency.map(
      (run) =>
        `    --concurrency ${run.concurrency}          ${run.stepsPerSecond.toFixed(2)} steps/s (${run.steps} steps in ${(run.wallMs / 1000).toFixed(1)} s) · ${run.coresBusy === undefined ? '' : `${run.coresBusy.toFixed(2)} cores busy · `}peak memory ${mib(run.peakMemoryBytes)}, ${mib(run.memoryPerChainBytes)} per chain`,
    ),
    `  scaling                    ${report.scaling2 === undefined ? '' : `${report.scaling2.toFixed(2)}x at 2 (target ≥ 1.70)`}${report.scaling4 === undefined ? '' : ` · ${report.scaling4.toFixed(2)}x at 4`}`,
    ...(report.bareScaling2 === undefined
      ? []
      : [
          `  bare Playwright scaling    ${report.bareScaling2.toFixed(2)}x at 2 (the same replay in 2 concurrent lanes: what this machine allows)`,
        ]),
    ...(report.cpuPerStepSeconds === undefined || report.bareCpuPerStepSeconds === undefined || report.bareCoresBusy === undefined
      ? []
      : [
          `  CPU per step               ${(report.cpuPerStepSeconds * 1000).toFixed(0)} ms trajsynth end to end vs ${(report.bareCpuPerStepSeconds * 1000).toFixed(0)} ms bare (all processes; bare keeps ${report.bareCoresBusy.toFixed(2)} cores busy in one lane)`,
        ]),
  ];
  return lines;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
