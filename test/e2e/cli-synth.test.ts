import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainRecordSchema, ChainTasksSchema } from '../../src/core/chain.js';
import { RunMetaSchema } from '../../src/core/run.js';
import { StepSchema } from '../../src/core/step.js';
import { missingConstants } from '../../src/agents/summary-constants.js';
import { runCli } from '../support/cli.js';
import { sharedCliRun, TRACKER_SEED3, TRACKER_SEED5 } from '../support/shared-run.js';

let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'trajsynth-e2e-'));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function readJsonl(path: string): Promise<unknown[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** A run's action traces, chain by chain: what was done, to which element, with what outcome, where. */
async function actionTraces(out: string, runId: string, chainIds: string[]): Promise<unknown[][]> {
  return Promise.all(
    chainIds.map(async (chainId) =>
      (await readJsonl(join(out, 'trajectories', runId, 'chains', chainId, 'steps.jsonl'))).map((line) => {
        const step = StepSchema.parse(line);
        return {
          action: step.executed.action,
          element: step.executed.element?.name,
          outcome: step.executed.outcome,
          url: new URL(step.executed.urlAfter).pathname,
        };
      }),
    ),
  );
}

// The tests run side by side: each writes under a folder of its own, and the shared runs they read
// (shared-run.ts) are made once, by whichever file asks first.
describe.concurrent('trajsynth synth end to end', () => {
  it('resumes an interrupted run without redoing finished chains, ending with the tasks and actions of an uninterrupted run', async () => {
    // The uninterrupted reference, two chains at a time (TRACKER_SEED3, which faults.test.ts compares with too):
    // made (or copied) meanwhile.
    const fresh = join(outDir, 'resume-fresh');
    const reference = sharedCliRun(TRACKER_SEED3, fresh);
    const out = join(outDir, 'resume');
    // One chain at a time, so the interruption comes between chains. Level 2 is deep enough: what is
    // checked is which chains are redone and that the result is the same, not how far they go.
    const args = [
      'synth',
      '--env',
      'project-tracker',
      '--chains',
      '2',
      '--max-level',
      '2',
      '--seed',
      '3',
      '--concurrency',
      '1',
      '--out',
      out,
    ];
    const first = await runCli(args, { interruptWhen: /chain c0001 done/ });
    expect(first.code).toBe(130);
    expect(first.stdout, first.stderr).toMatch(/Interrupted\. Continue with the same flags plus --resume/);
    const runDir = join(out, 'trajectories', TRACKER_SEED3.name);
    const meta = RunMetaSchema.parse(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')));
    expect(meta.status).toBe('interrupted');
    const finished = meta.chains.filter((chain) => chain.status === 'complete').map((chain) => chain.chainId);
    expect(finished).toEqual(['c0001']);
    const inspect = await runCli(['inspect', runDir]);
    expect(inspect.code).toBe(0);

    const firstChainFile = join(runDir, 'chains', 'c0001', 'chain.json');
    const mtimeBefore = (await stat(firstChainFile)).mtimeMs;
    const again = await runCli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--resume/);

    const resumed = await runCli([...args, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: 1 chain\(s\) already finished/);
    expect((await stat(firstChainFile)).mtimeMs).toBe(mtimeBefore);
    const done = RunMetaSchema.parse(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')));
    expect(done.status).toBe('complete');
    expect(done.chains.every((chain) => chain.status === 'complete')).toBe(true);
    const leftovers = (await readdir(join(runDir, 'chains', 'c0001'))).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);

    // The same seed gives the same tasks file and the same action traces: one chain at a time and
    // interrupted here, two at a time and uninterrupted in the reference.
    expect((await reference).code).toBe(0);
    const [resumedTasks, freshTasks] = await Promise.all(
      [out, fresh].map((dir) => readFile(join(dir, 'tasks', `${TRACKER_SEED3.name}.jsonl`))),
    );
    expect(resumedTasks!.length).toBeGreaterThan(100);
    expect(resumedTasks!.toString()).toBe(freshTasks!.toString());
    const [resumedTraces, freshTraces] = await Promise.all(
      [out, fresh].map((dir) => actionTraces(dir, TRACKER_SEED3.name, ['c0001', 'c0002'])),
    );
    for (const [index, chainId] of ['c0001', 'c0002'].entries()) {
      expect(resumedTraces![index]!.length, chainId).toBeGreaterThan(0);
      expect(resumedTraces![index], chainId).toEqual(freshTraces![index]);
    }
  });

  it('runs 2 chains to level 3 and writes a store that validates file by file', async () => {
    const out = join(outDir, 'basic');
    // The run cli-eval*.test.ts evaluate too: made once, by whichever file asks first.
    const result = await sharedCliRun(TRACKER_SEED5, out);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Run project-tracker-seed5: complete/);
    expect(result.stdout).toMatch(/subtasks\s+\d+ accepted/);

    const runDir = join(out, 'trajectories', 'project-tracker-seed5');
    const meta = RunMetaSchema.parse(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')));
    expect(meta.status).toBe('complete');
    expect(meta.chains).toHaveLength(2);

    const tasks = (await readJsonl(join(out, 'tasks', 'project-tracker-seed5.jsonl'))).map((line) => ChainTasksSchema.parse(line));
    expect(tasks.map((line) => line.chainId)).toEqual(['c0001', 'c0002']);

    const clicks = [];
    for (const chainId of ['c0001', 'c0002']) {
      const chainDir = join(runDir, 'chains', chainId);
      const record = ChainRecordSchema.parse(JSON.parse(await readFile(join(chainDir, 'chain.json'), 'utf8')));
      expect(record.status).toBe('complete');
      expect(record.levels.length).toBe(3);
      const steps = (await readJsonl(join(chainDir, 'steps.jsonl'))).map((line) => StepSchema.parse(line));
      expect(steps.length).toBe(record.stepCount);
      steps.forEach((step, index) => expect(step.index).toBe(index));
      for (const level of record.levels) {
        expect(level.subtaskIds).toHaveLength(level.level);
        expect(level.checker.length).toBeGreaterThan(0);
        const subtasks = level.subtaskIds.map((id) => record.subtasks.find((subtask) => subtask.id === id)!);
        expect(subtasks.every((subtask) => subtask.status === 'accepted')).toBe(true);
        expect(missingConstants(level.task, subtasks)).toEqual([]);
        expect(level.gold.end).toBe(subtasks[subtasks.length - 1]!.steps.end);
      }
      for (const subtask of record.subtasks) {
        if (subtask.status === 'accepted') {
          expect(subtask.verdict.before.every(Boolean)).toBe(false);
          expect(subtask.verdict.after.every(Boolean)).toBe(true);
        }
        if (subtask.origin === 'revised')
          expect(record.subtasks.some((other) => other.id === subtask.revisedFrom && other.status === 'failed')).toBe(true);
      }
      clicks.push(...steps.filter((step) => step.executed.action.type === 'click' && step.executed.outcome.ok));
      for (const step of steps.slice(0, 3)) {
        const image = join(chainDir, step.before.screenshot);
        const metadata = await sharp(image).metadata();
        expect(metadata.format).toBe('webp');
        expect(metadata.width).toBe(1280);
        const snapshot = await readFile(join(chainDir, step.before.snapshot), 'utf8');
        expect(snapshot).toMatch(/\[ref=(f\d+)?e\d+\]/);
      }
    }

    expect(clicks.length).toBeGreaterThan(0);
    for (const click of clicks) {
      expect(click.executed.element?.box).toBeDefined();
      expect(click.executed.element?.role).toBeTruthy();
      expect(click.executed.coordinates).toBeDefined();
    }

    const inspect = await runCli(['inspect', 'project-tracker-seed5', '--out', out]);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('c0001');
    expect(inspect.stdout).toMatch(/L3 \(gold steps 0-\d+\)/);
    expect(inspect.stdout).toMatch(/✓ c0001-s01/);
  });
});

describe.concurrent('trajsynth CLI errors', () => {
  it('rejects bad flags and unknown environments with one line naming the fix', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['synth', '--chains', 'abc'], /Expected --chains to be an integer from 1 to 10000, got "abc"/],
      [['synth', '--max-level', '0'], /--max-level/],
      [['synth', '--env', 'moon-base'], /Unknown environment "moon-base". Use one of: project-tracker/],
      [['synth', '--colour'], /Unknown option '--colour'.*trajsynth synth --help/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['inspect'], /Expected one RUN argument/],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [index, [args, pattern]] of cases.entries()) {
      const result = results[index]!;
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
    }
  });

  it('says how to install a browser when none is found', async () => {
    const out = join(outDir, 'nobrowser');
    const result = await runCli(['synth', '--chains', '1', '--out', out, '--quiet'], {
      env: { TRAJSYNTH_CHROMIUM: '/nonexistent/chrome' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/TRAJSYNTH_CHROMIUM/);
    expect(result.stderr).toMatch(/apt-get install -y chromium/);
  });

  it('explains a missing run to inspect', async () => {
    const result = await runCli(['inspect', 'no-such-run', '--out', outDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/found no run\.json/);
  });
});
