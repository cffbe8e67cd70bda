import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { RUN, results } from '../support/eval-cli.js';
import { sharedCliRun, TRACKER_SEED5 } from '../support/shared-run.js';

/**
 * Validating a synthesized run and scoring agents on it: replay, gold and noisy-gold, report, chart,
 * gate and compare. Agents over HTTP and as modules, their failures, resume and bad input are in
 * cli-eval-agents.test.ts (a file of its own, so the two run side by side on the same shared run).
 */
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'trajsynth-eval-'));
  const synth = await sharedCliRun(TRACKER_SEED5, out);
  expect(synth.code, synth.stderr).toBe(0);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('benchmarking agents from the command line', () => {
  it('replay validates every level-k task of a synthesized run', async () => {
    const replay = await runCli(['replay', RUN, '--out', out, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    const summary = JSON.parse(replay.stdout);
    expect(summary).toMatchObject({ runId: RUN, total: 6, passed: 6, passRate: 1, failures: [] });
    expect(Object.values(summary.byLevel as Record<string, { rate: number }>).map((row) => row.rate)).toEqual([1, 1, 1]);
    expect(existsSync(join(out, 'trajectories', RUN, 'replay.json'))).toBe(true);
  });

  // Time limits against hangs: the two evaluations (18 episodes) share the cores with each other and
  // with the other worker's file; on a machine other work kept at a load average of 25, noisy-gold
  // alone passed 240 s.
  it('gold scores 100%, noisy-gold falls with k; the report, chart, gate and compare read them', { timeout: 480_000 }, async () => {
    // The two evaluations are runs of their own, made side by side. Noisy-gold has a fixed seed:
    // slips are drawn per episode from it, so the curve is the same on every run.
    const [gold, noisy] = await Promise.all([
      runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--valid-only', '--run', 'gold'], { timeoutMs: 420_000 }),
      runCli(
        [
          'eval',
          RUN,
          '--out',
          out,
          '--agent',
          'noisy-gold:0.3',
          '--episodes',
          '3',
          '--levels',
          '1,3',
          '--seed',
          '2',
          '--run',
          'noisy',
          '--concurrency',
          '3',
        ],
        { timeoutMs: 420_000 },
      ),
    ]);
    expect(gold.code, gold.stderr).toBe(0);
    expect(gold.stdout).toMatch(/6 finished, 6 successes, 0 errors/);
    expect(noisy.code, noisy.stderr).toBe(0);

    const reportDir = join(out, 'reports', 'gold+noisy');
    const [goldResults, noisyResults, both] = await Promise.all([
      results(out, 'gold'),
      results(out, 'noisy'),
      runCli(['report', 'gold', 'noisy', '--out', out]),
    ]);
    expect(goldResults.agents[0]!.levels.map((level) => level.success)).toEqual([1, 1, 1]);
    expect(goldResults.agents[0]!.levels.map((level) => level.meanProgress)).toEqual([1, 2, 3]);
    const [first, third] = noisyResults.agents[0]!.levels;
    expect(first!.episodes).toBe(6);
    expect(third!.episodes).toBe(6);
    expect(first!.success!).toBeGreaterThan(third!.success!);
    expect(first!.successCi!.low).toBeLessThanOrEqual(first!.success!);

    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toMatch(/Agent gold \(gold\)[\s\S]*L1\s+2\/2 100\.0% \[34\.2–100\.0\]/);
    expect(both.stdout).toMatch(/Agent noisy-gold:0\.3 \(noisy\)/);
    const png = await sharp(join(reportDir, 'chart.png')).metadata();
    expect(png.format).toBe('png');
    expect(png.width).toBeGreaterThan(900);
    expect(await readFile(join(reportDir, 'chart.svg'), 'utf8')).toMatch(/noisy-gold:0\.3/);
    expect(await readFile(join(reportDir, 'report.html'), 'utf8')).toMatch(/<table[\s\S]*pooled/);

    // reports/gold/results.json was written by `report gold --json` above.
    const baseline = join(out, 'reports', 'gold', 'results.json');
    const [failed, passed, compare] = await Promise.all([
      runCli(['report', 'noisy', '--out', out, '--baseline', baseline, '--max-drop', '0.02']),
      runCli(['report', 'gold', '--out', out, '--output', join(out, 'reports', 'gold-again'), '--baseline', baseline]),
      runCli(['compare', 'gold', 'noisy', '--out', out]),
    ]);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/gate: FAILED[\s\S]*L3: 100\.0% → /);
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/gate: passed/);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/Comparison on 4 shared task\(s\) from 2 chain\(s\)/);
    expect(compare.stdout).toMatch(/Ratings[\s\S]*\n\s+gold\s+\d{4}\s+\[\d+–\d+\]\n\s+noisy-gold:0\.3\s+\d+/);
  });
});
