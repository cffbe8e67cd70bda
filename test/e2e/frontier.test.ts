import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainTasksSchema } from '../../src/core/chain.js';
import { RunMetaSchema } from '../../src/core/run.js';
import type { SetComparison } from '../../src/eval/compare-sets.js';
import type { WeaknessReport } from '../../src/eval/weakness.js';
import { runCli } from '../support/cli.js';

/**
 * Synthesis aimed at one agent's frontier, end to end with the built CLI and offline agents of
 * known weaknesses: a uniform run, a calibration evaluation of noisy-gold weak on forms, its
 * frontier, an aimed run from it, and both sets compared on fresh episodes against a second agent
 * weak on another kind. Small (6 chains per set), so only large effects are asserted; `npm run
 * frontier-trial` is the full-size trial (24 chains per set) that asserts the comparison's claims.
 */
const WEAK = 'noisy-gold:0.02,form=0.4';
const OTHER = 'noisy-gold:0.02,toggle=0.4';
const TEST_MS = 900_000;
let out: string;

const run = (args: string[]) => runCli([...args, '--out', out], { timeoutMs: 600_000 });

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'trajsynth-frontier-'));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function accepted(runId: string): Promise<string[]> {
  const lines = (await readFile(join(out, 'tasks', `${runId}.jsonl`), 'utf8')).trim().split('\n');
  const chains = lines.map((line) => ChainTasksSchema.parse(JSON.parse(line)));
  const kinds: string[] = [];
  for (const chain of chains) {
    const record = JSON.parse(await readFile(join(out, 'trajectories', runId, 'chains', chain.chainId, 'chain.json'), 'utf8'));
    for (const subtask of record.subtasks) if (subtask.status === 'accepted') kinds.push(subtask.interaction);
  }
  return kinds;
}

describe('synthesis aimed at an agent’s frontier', () => {
  it(
    'finds the weak kind and a frontier, aims a run there (more weak-kind subtasks, every kept task in the band, replay-valid), and compares the sets on fresh episodes',
    { timeout: TEST_MS },
    async () => {
      const uniform = await run([
        'synth',
        '--env',
        'all',
        '--chains',
        '6',
        '--max-level',
        '3',
        '--seed',
        '4',
        '--run',
        'uniform',
        // The checkers' audit is not what this measures (cli-synth and audit.test.ts test it).
        '--audit',
        'off',
        '--quiet',
      ]);
      expect(uniform.code, uniform.stderr).toBe(0);
      const calibration = await run(['eval', 'uniform', '--agent', WEAK, '--episodes', '3', '--run', 'calibration', '--quiet']);
      expect(calibration.code, calibration.stderr).toBe(0);

      const frontier = await run(['frontier', 'calibration', '--json']);
      expect(frontier.code, frontier.stderr).toBe(0);
      const report = JSON.parse(frontier.stdout) as WeaknessReport;
      expect(report.weakKinds).toContain('form');
      expect(report.weakKinds).not.toContain('toggle');
      const form = report.byKind.find((kind) => kind.key === 'form')!;
      expect(form.interval.high).toBeLessThan(report.pooled.rate);
      expect(form.slip!.interval.low).toBeGreaterThan(report.pooled.slip!.estimate);
      // The per-step slip rate it was given is recovered from real episodes: 0.4 lies in the interval.
      expect(form.slip!.interval.low).toBeLessThanOrEqual(0.4);
      expect(form.slip!.interval.high).toBeGreaterThanOrEqual(0.4);
      // And every other kind's 0.02, but for at most one kind (95% intervals: about 1 in 20 misses).
      const others = report.byKind.filter((kind) => kind.key !== 'form' && kind.slip);
      const missed = others.filter((kind) => kind.slip!.interval.low > 0.02 || kind.slip!.interval.high < 0.02);
      expect(others.length).toBeGreaterThanOrEqual(3);
      const described = missed.map((kind) => `${kind.key} ${kind.slip!.estimate} [${kind.slip!.interval.low}-${kind.slip!.interval.high}]`);
      expect(missed.length, described.join('; ')).toBeLessThanOrEqual(1);
      expect(report.frontier.level).toBeGreaterThanOrEqual(1);
      const text = await run(['frontier', 'calibration']);
      expect(text.stdout).toMatch(/form .* WEAK/);
      expect(text.stdout).toMatch(/frontier level k\* = \d+ \(predicted success 0\.\d\d, target 0\.50\)/);

      const aimed = await run([
        'synth',
        '--env',
        'all',
        '--chains',
        '6',
        '--max-level',
        '4',
        '--seed',
        '4',
        '--run',
        'aimed',
        '--target-eval',
        'calibration',
        '--keep-band',
        '0.2-0.8',
        '--audit',
        'off',
        '--quiet',
      ]);
      expect(aimed.code, aimed.stderr).toBe(0);
      expect(aimed.stdout).toMatch(/aimed at +noisy-gold:0\.02,form=0\.4 \(evaluation calibration\): frontier L\d+, weak kinds form/);
      const meta = RunMetaSchema.parse(JSON.parse(await readFile(join(out, 'trajectories', 'aimed', 'run.json'), 'utf8')));
      expect(meta.config.target).toMatchObject({
        evalRun: 'calibration',
        agent: WEAK,
        weakKinds: expect.arrayContaining(['form']),
        keepBand: { low: 0.2, high: 0.8 },
      });
      // Every kept level-k task's predicted success lies in the band.
      const tasks = (await readFile(join(out, 'tasks', 'aimed.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => ChainTasksSchema.parse(JSON.parse(line)));
      const levels = tasks.flatMap((chain) => chain.levels);
      expect(levels.length).toBeGreaterThan(0);
      for (const level of levels) {
        expect(level.predictedSuccess).toBeGreaterThanOrEqual(0.2);
        expect(level.predictedSuccess).toBeLessThanOrEqual(0.8);
      }
      // The summary counts chains reaching each level by their accepted subtasks, levels skipped outside
      // the band included: never fewer than the tasks stored at that level, and never more deeper down.
      const counts = (label: string) =>
        [...(aimed.stdout.split('\n').find((line) => line.trimStart().startsWith(label)) ?? '').matchAll(/L(\d+): (\d+)/g)].map(
          ([, level, count]) => [Number(level), Number(count)] as const,
        );
      const reaching = new Map(counts('levels'));
      const stored = counts('level-k tasks');
      expect(stored.length).toBeGreaterThan(0);
      for (const [level, count] of stored) expect(reaching.get(level) ?? 0).toBeGreaterThanOrEqual(count);
      const reached = [...reaching.values()];
      expect(reached).toEqual([...reached].sort((a, b) => b - a));
      const share = (kinds: string[]) => kinds.filter((kind) => kind === 'form').length / kinds.length;
      expect(share(await accepted('aimed'))).toBeGreaterThanOrEqual(2 * share(await accepted('uniform')));
      // An aimed run's tasks are as valid as a uniform run's.
      const replay = await run(['replay', 'aimed', '--json']);
      expect(replay.code, replay.stderr).toBe(0);
      expect(JSON.parse(replay.stdout).passRate).toBe(1);

      // The comparison on a small slice (levels 1-2, 2 episodes): the command end to end. The
      // statistical claims (a higher separation, more tasks in the band) are the full trial's,
      // `npm run frontier-trial`, at 24 chains per set.
      const compared = await run([
        'compare-sets',
        'uniform',
        'aimed',
        '--agent',
        WEAK,
        '--agent',
        OTHER,
        '--levels',
        '1-2',
        '--episodes',
        '2',
        '--json',
        '--quiet',
      ]);
      expect(compared.code, compared.stderr).toBe(0);
      const comparison = JSON.parse(compared.stdout) as SetComparison;
      const [onUniform, onAimed] = comparison.sets;
      expect(comparison.weakKinds).toContain('form');
      expect(onAimed!.weakShare).toBeGreaterThan(onUniform!.weakShare);
      for (const set of comparison.sets) {
        expect(set.agents.map((agent) => agent.agent)).toEqual([WEAK, OTHER]);
        expect(set.agents[0]!.episodes).toBe(2 * set.tasks);
        expect(set.separation!.tasks).toBe(set.tasks);
      }
      // Fresh episodes: runs of their own, never the calibration one, and a seed other than its.
      expect(onUniform!.agents.map((agent) => agent.evalRun)).toEqual([
        'uniform-fresh-noisy-gold-0.02-form-0.4-s1001',
        'uniform-fresh-noisy-gold-0.02-toggle-0.4-s1001',
      ]);
      const reused = await run(['compare-sets', 'uniform', 'aimed', '--agent', WEAK, '--seed', '1']);
      expect(reused.code).toBe(2);
      expect(reused.stderr).toMatch(/--seed 1 is the seed of the calibration evaluation calibration: pass another --seed/);
    },
  );
});
