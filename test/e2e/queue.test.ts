import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunMetaSchema } from '../../src/core/run.js';
import { readChain, readCalls, readInterruptedCalls, runLayout } from '../../src/store/index.js';
import { runCli, type CliResult } from '../support/cli.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import { waitFor } from '../support/faults.js';
import { startRedis, type TestRedis } from '../support/redis.js';
import { runProblems } from '../support/run-integrity.js';
import { scriptedTrackerModel } from '../support/scripted-tracker-model.js';
import { startWorker, stopWorkers, type RunningWorker } from '../support/queue-workers.js';
import { BrowserServerProcess } from '../support/browser-server-process.js';

/*
 * Queue mode with real parts: a redis-server of the test's own (test/support/redis.ts), `trajsynth
 * worker` processes and the `synth --queue` follower run from the built CLI. The same run made by
 * one local process is the reference: a queued run gives the same tasks file, byte for byte,
 * however its chains were spread, whichever worker was killed and whenever Redis restarted. `npm run
 * queue-soak` runs the long version (every app, 24 chains to level 6, and prints timings).
 */
const RUN = 'project-tracker-seed11';
const ARGS = ['synth', '--env', 'project-tracker', '--chains', '3', '--max-level', '2', '--seed', '11', '--concurrency', '2'];
const CHAINS = 3;
/**
 * A killed worker's job is handed on within about 1.5 × this. Shorter would be quicker, but on a
 * saturated machine (other test files' browsers on the same 2 cores) a live worker can then miss a
 * lock renewal and have its job taken over: still correct (attempts are written apart), but slower.
 */
const QUEUE_ENV = { TRAJSYNTH_QUEUE_STALL_MS: '12000', TRAJSYNTH_QUEUE_BACKOFF_MS: '300' };
/**
 * Time limits, against hangs. The tests run side by side (vitest's maxConcurrency) and share the cores
 * with the other worker's file: with other work keeping a 2-core machine at a load average of 15 to 30,
 * a queued run here took up to 250 s.
 */
const TEST_MS = 480_000;
const RUN_MS = 420_000;
const UNDER_WAY_MS = 300_000;

let root: string;
let reference: Promise<{ result: CliResult; tasks: string }>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trajsynth-queue-'));
  // The single-process reference, made while the queued runs go.
  const out = join(root, 'reference');
  reference = runCli([...ARGS, '--quiet', '--out', out], { timeoutMs: RUN_MS }).then(async (result) => ({
    result,
    tasks: await readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8').catch(() => ''),
  }));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function referenceTasks(): Promise<string> {
  const { result, tasks } = await reference;
  expect(result.code, result.stderr).toBe(0);
  expect(tasks.trim().split('\n')).toHaveLength(CHAINS);
  return tasks;
}

/** Redis, workers and a store of the test's own; everything stopped in `finally`. */
async function withQueue<T>(
  name: string,
  workers: number,
  body: (queue: { redis: TestRedis; out: string; workers: RunningWorker[] }) => Promise<T>,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<T> {
  const redis = await startRedis();
  const started: RunningWorker[] = [];
  try {
    for (let index = 0; index < workers; index += 1) started.push(startWorker(redis.url, { env: { ...QUEUE_ENV, ...env }, args }));
    return await body({ redis, out: join(root, name), workers: started });
  } finally {
    await stopWorkers(started);
    await redis.stop();
  }
}

/** Chain attempts being written by the worker with this pid (attempts/<chain>.<host>-<pid>-a<n>-<tag>/). */
async function attemptsOf(out: string, pid: number): Promise<string[]> {
  const dir = join(out, 'trajectories', RUN, 'attempts');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.includes(`-${pid}-a`));
}

async function stepsIn(dir: string): Promise<number> {
  return (await readFile(join(dir, 'steps.jsonl'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
}

describe.concurrent('queue mode', () => {
  it(
    'three workers finish a run whose tasks file equals the single-process one, byte for byte; queue-status shows it',
    async () => {
      await withQueue('three', 3, async ({ redis, out, workers }) => {
        const result = await runCli([...ARGS, '--out', out, '--queue', redis.url], { env: QUEUE_ENV, timeoutMs: RUN_MS });
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`Run ${RUN}: complete`));
        expect(result.stdout).toMatch(/chains\s+3 finished/);
        expect(result.stderr).toMatch(/queue: 3 chain job\(s\) enqueued/);
        expect(await runProblems(out, RUN, CHAINS)).toEqual([]);
        expect(existsSync(join(out, 'trajectories', RUN, 'attempts'))).toBe(false);
        expect(await readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8')).toBe(await referenceTasks());
        // The chains were spread: more than one worker ran one.
        expect(workers.filter((worker) => /: done \(complete\)/.test(worker.output())).length).toBeGreaterThan(1);

        const status = await runCli(['queue-status', redis.url]);
        expect(status.code, status.stderr).toBe(0);
        expect(status.stdout).toMatch(/3 live worker\(s\), 1 run\(s\)/);
        expect(status.stdout).toMatch(new RegExp(`${RUN}\\s+synth\\s+0\\s+0\\s+0\\s+3\\s+0\\s+\\d+`));
        for (const worker of workers)
          expect(status.stdout).toMatch(new RegExp(`:${worker.pid}  concurrency 1  active 0  last seen \\d+s ago`));
      });
    },
    TEST_MS,
  );

  it(
    'a worker SIGKILLed mid-chain: its job is found stalled and finished by another worker, each chain stored once, none half-kept',
    async () => {
      await withQueue('killed', 2, async ({ redis, out, workers }) => {
        const [victim, survivor] = workers as [RunningWorker, RunningWorker];
        const follower = runCli([...ARGS, '--out', out, '--queue', redis.url], { env: QUEUE_ENV, timeoutMs: RUN_MS });
        // Mid-chain: the victim's attempt has recorded a step.
        const attempt = await waitFor(
          async () => {
            for (const name of await attemptsOf(out, victim.pid))
              if ((await stepsIn(join(out, 'trajectories', RUN, 'attempts', name))) > 0) return name;
            return undefined;
          },
          UNDER_WAY_MS,
          'the victim worker to record a step',
        );
        victim.kill();
        const result = await follower;
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/stalled \(its worker stopped answering\); handed to another worker/);
        const chainId = attempt.split('.')[0]!;
        expect(survivor.output()).toMatch(new RegExp(`${chainId}: started \\(attempt \\d, after its worker stalled\\)`));
        expect(await runProblems(out, RUN, CHAINS)).toEqual([]);
        // The killed attempt was discarded whole: no attempts left, and the chain is the survivor's.
        expect(existsSync(join(out, 'trajectories', RUN, 'attempts'))).toBe(false);
        expect(await readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8')).toBe(await referenceTasks());
        const status = JSON.parse((await runCli(['queue-status', redis.url, '--json'])).stdout) as {
          runs: Array<{ runId: string; outDir: string; stalled: number; completed: number }>;
          workers: Array<{ pid: number; live: boolean }>;
        };
        expect(status.runs).toMatchObject([{ runId: RUN, outDir: out, completed: CHAINS }]);
        expect(status.runs[0]!.stalled).toBeGreaterThanOrEqual(1);
        // The killed worker's heartbeat stops: it is listed as gone, the survivor as live.
        expect(status.workers.find((worker) => worker.pid === survivor.pid)?.live).toBe(true);
      });
    },
    TEST_MS,
  );

  it(
    'Redis restarted mid-run (empty, without persistence): workers and the follower reconnect, lost jobs are enqueued again, the run completes',
    async () => {
      await withQueue('redis-restart', 2, async ({ redis, out }) => {
        const follower = runCli([...ARGS, '--out', out, '--queue', redis.url], { env: QUEUE_ENV, timeoutMs: RUN_MS });
        await waitFor(
          async () => {
            const dir = join(out, 'trajectories', RUN, 'attempts');
            for (const name of await readdir(dir).catch(() => [] as string[])) if ((await stepsIn(join(dir, name))) > 1) return true;
            return undefined;
          },
          UNDER_WAY_MS,
          'a chain to be under way',
        );
        await redis.restart({ downMs: 1500 });
        const result = await follower;
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/lost the connection to redis:\/\/127\.0\.0\.1:\d+/);
        expect(result.stderr).toMatch(/enqueued again: its job was no longer in the queue/);
        expect(await runProblems(out, RUN, CHAINS)).toEqual([]);
        expect(await readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8')).toBe(await referenceTasks());
      });
    },
    TEST_MS,
  );

  it(
    'a job that keeps failing is retried with backoff, then stored as an error chain with its message; the run completes',
    async () => {
      await withQueue(
        'poisoned',
        2,
        async ({ redis, out, workers }) => {
          const run = 'poisoned';
          const result = await runCli(
            [
              'synth',
              '--env',
              'project-tracker',
              '--chains',
              '2',
              '--max-level',
              '1',
              '--seed',
              '2',
              '--run',
              run,
              '--out',
              out,
              '--queue',
              redis.url,
            ],
            { env: QUEUE_ENV, timeoutMs: RUN_MS },
          );
          expect(result.code).toBe(1);
          expect(result.stdout).toMatch(/Run poisoned: complete/);
          expect(result.stdout).toMatch(/c0002: error: .*TRAJSYNTH_QUEUE_POISON/);
          const layout = runLayout(out, run);
          const record = await readChain(layout, 'c0002');
          expect(record?.status).toBe('error');
          expect(record?.error?.message).toMatch(/Expected environment project-tracker to start for chain c0002, got a failure injected/);
          expect((await readChain(layout, 'c0001'))?.status).toBe('complete');
          const meta = RunMetaSchema.parse(JSON.parse(await readFile(layout.runFile, 'utf8')));
          expect(meta.status).toBe('complete');
          expect(meta.chains.map((chain) => chain.status)).toEqual(['complete', 'error']);
          // Three attempts in all, over the workers.
          const starts = workers.map((worker) => worker.output().match(/poisoned c0002: started/g)?.length ?? 0).reduce((a, b) => a + b, 0);
          expect(starts).toBe(3);
          expect(workers.map((worker) => worker.output()).join('')).toMatch(/c0002: error: .*\(will be retried\)/);
          const status = await runCli(['queue-status', redis.url]);
          expect(status.stdout).toMatch(/poisoned\s+synth\s+0\s+0\s+0\s+1\s+1\s+\d+/);
        },
        { TRAJSYNTH_QUEUE_POISON: 'c0002' },
      );
    },
    TEST_MS,
  );

  it(
    'a budget holds across workers: a shared counter stops every worker cleanly, as a local budget stop does',
    async () => {
      const model = scriptedTrackerModel();
      const server = await startFakeAnthropic((request) => model.handle(request));
      try {
        const env = { ANTHROPIC_BASE_URL: server.baseURL, ANTHROPIC_API_KEY: 'test-key' };
        await withQueue(
          'budget',
          2,
          async ({ redis, out, workers }) => {
            const run = 'budget';
            const budgetUsd = 0.02;
            const result = await runCli(
              [
                'synth',
                '--model',
                'anthropic:claude-haiku-4-5',
                '--chains',
                '3',
                '--max-level',
                '3',
                '--seed',
                '5',
                '--run',
                run,
                '--budget-usd',
                String(budgetUsd),
                '--out',
                out,
                '--queue',
                redis.url,
              ],
              { env: { ...QUEUE_ENV, ...env }, timeoutMs: RUN_MS },
            );
            expect(result.code, result.stderr).toBe(0);
            expect(result.stdout).toMatch(/budget reached: the run stopped cleanly/);
            const layout = runLayout(out, run);
            const meta = RunMetaSchema.parse(JSON.parse(await readFile(layout.runFile, 'utf8')));
            expect(meta.status).toBe('interrupted');
            expect(meta.budget?.reached).toBe(true);
            expect(meta.stopReason).toMatch(/^Budget reached: spent \$/);
            // Every call of every worker is on record (chains, and the stopped attempts' calls), and
            // calls stopped once the shared total reached the budget: at most one call per chain in
            // flight went over it.
            const calls = [...(await readInterruptedCalls(layout))];
            for (const chain of meta.chains) calls.push(...(await readCalls(layout, chain.chainId)));
            expect(calls).toHaveLength(server.requests.length);
            const spent = calls.reduce((total, call) => total + (call.costUsd ?? 0), 0);
            expect(meta.budget!.spentUsd).toBeCloseTo(spent, 9);
            expect(spent).toBeGreaterThanOrEqual(budgetUsd);
            const perCall = Math.max(...calls.map((call) => call.costUsd ?? 0));
            expect(spent).toBeLessThan(budgetUsd + 2 * perCall + 1e-9);
            expect(meta.chains.some((chain) => chain.status === 'pending')).toBe(true);
            // Both workers took part and both stopped their chains (left for a --resume).
            expect(workers.every((worker) => /budget c000\d: started/.test(worker.output()))).toBe(true);
            expect(workers.map((worker) => worker.output()).join('')).toMatch(/stopped \(left for the queue\)/);
          },
          env,
        );
      } finally {
        await server.close();
      }
    },
    TEST_MS,
  );

  it(
    "a worker without the run's API key fails the chain once, naming itself and the fix; the run still completes",
    async () => {
      // The follower has a key (its own check passes); the worker has none. The key is read where the
      // model runs, so the chain cannot run on this worker, and retrying would fail the same way.
      await withQueue(
        'no-key',
        1,
        async ({ redis, out, workers }) => {
          const run = 'no-key';
          const result = await runCli(
            [
              'synth',
              '--model',
              'anthropic:claude-haiku-4-5',
              '--chains',
              '1',
              '--max-level',
              '1',
              '--run',
              run,
              '--out',
              out,
              '--queue',
              redis.url,
            ],
            { env: { ...QUEUE_ENV, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/' }, timeoutMs: RUN_MS },
          );
          expect(result.code).toBe(1);
          expect(result.stdout).toMatch(/Run no-key: complete/);
          const record = await readChain(runLayout(out, run), 'c0001');
          expect(record?.status).toBe('error');
          expect(record?.error?.message).toMatch(/This worker cannot build the run's models: Expected an Anthropic API key/);
          expect(record?.error?.message).toMatch(/\[worker [^\]]+\]/);
          expect(record?.error?.message).toMatch(/give every worker the run's model keys/);
          expect(workers[0]!.output().match(/no-key c0001: started/g)).toHaveLength(1);
        },
        { ANTHROPIC_API_KEY: '' },
      );
    },
    TEST_MS,
  );

  it(
    'Ctrl-C on the follower removes queued jobs, stops running chains, leaves the run interrupted; --resume finishes it',
    async () => {
      await withQueue('interrupted', 1, async ({ redis, out, workers }) => {
        const run = 'interrupted';
        const args = [
          'synth',
          '--env',
          'project-tracker',
          '--chains',
          '3',
          '--max-level',
          '1',
          '--seed',
          '4',
          '--run',
          run,
          '--out',
          out,
          '--queue',
          redis.url,
        ];
        const first = await runCli(args, { env: QUEUE_ENV, interruptWhen: /chain c0001 done/, timeoutMs: RUN_MS });
        expect(first.code).toBe(130);
        expect(first.stderr).toMatch(/queue: stopping \(interrupted by user\): \d+ queued job\(s\) removed/);
        expect(first.stdout).toMatch(/Interrupted\. Continue with the same flags plus --resume/);
        const layout = runLayout(out, run);
        const meta = RunMetaSchema.parse(JSON.parse(await readFile(layout.runFile, 'utf8')));
        expect(meta.status).toBe('interrupted');
        expect(meta.chains.filter((chain) => chain.status === 'complete').length).toBeLessThan(CHAINS);
        const status = JSON.parse((await runCli(['queue-status', redis.url, '--json'])).stdout) as {
          runs: Array<{ waiting: number; active: number; delayed: number }>;
        };
        expect(status.runs[0]).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
        expect(workers[0]!.output()).not.toMatch(/interrupted c0003: started/);

        const resumed = await runCli([...args, '--resume'], { env: QUEUE_ENV, timeoutMs: RUN_MS });
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(resumed.stderr).toMatch(/resuming: \d chain\(s\) already finished/);
        expect(await runProblems(out, run, 3)).toEqual([]);
      });
    },
    TEST_MS,
  );
});

describe.concurrent('queue mode: evaluation', () => {
  it(
    'eval --queue: one job per episode, run by two workers; the gold agent solves every task as locally',
    async () => {
      await referenceTasks();
      const out = join(root, 'reference');
      await withQueue('eval', 2, async ({ redis, workers }) => {
        const result = await runCli(
          ['eval', RUN, '--out', out, '--agent', 'gold', '--levels', '2', '--run', 'gold-queued', '--queue', redis.url],
          { env: QUEUE_ENV, timeoutMs: RUN_MS },
        );
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toMatch(/queue: 3 episode job\(s\) enqueued/);
        expect(result.stdout).toMatch(/Evaluation gold-queued: complete/);
        expect(result.stdout).toMatch(/3 finished, 3 successes, 0 errors/);
        expect(workers.filter((worker) => /gold-queued c000\d-L2-e1: done \(success\)/.test(worker.output())).length).toBe(2);
        // Each episode was written apart and moved into episodes/ whole; nothing is left aside.
        const evalRun = runLayout(out, 'gold-queued');
        expect(existsSync(evalRun.attemptsDir)).toBe(false);
        const episodes = await readdir(evalRun.episodesDir);
        expect(episodes).toHaveLength(3);
        for (const episode of episodes) expect(existsSync(join(evalRun.episodesDir, episode, 'episode.json'))).toBe(true);
      });
    },
    TEST_MS,
  );
});

describe.concurrent('queue mode: bad input', () => {
  it(
    'two workers share one browser server (--browser); its connection dropped mid-run, the server back, the run completes with the same tasks',
    async () => {
      const wsPath = '/trajsynth-queue-test';
      let server = await BrowserServerProcess.start({ wsPath });
      try {
        await withQueue(
          'browser-server',
          2,
          async ({ redis, out, workers }) => {
            const follower = runCli([...ARGS, '--out', out, '--queue', redis.url], { env: QUEUE_ENV, timeoutMs: RUN_MS });
            // Both workers are on the server's Chromium, mid-chain: drop it, and bring it back on the same endpoint.
            for (const worker of workers)
              await waitFor(
                async () => (await attemptsOf(out, worker.pid)).length >= 1 || undefined,
                UNDER_WAY_MS,
                `a chain under way in worker ${worker.pid}`,
              );
            const port = server.port;
            server.kill();
            await server.exited;
            server = await BrowserServerProcess.start({ port, wsPath });
            const result = await follower;
            expect(result.code, result.stderr).toBe(0);
            expect(result.stdout).toMatch(/chains\s+3 finished/);
            expect(await runProblems(out, RUN, CHAINS)).toEqual([]);
            expect(await readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8')).toBe(await referenceTasks());
            // The workers launched no Chromium of their own, and lived through the drop.
            for (const worker of workers) expect(worker.child.exitCode, worker.output()).toBeNull();
          },
          { TRAJSYNTH_RECONNECT_SECONDS: '60' },
          ['--browser', server.wsEndpoint],
        );
      } finally {
        await server.stop();
      }
    },
    TEST_MS,
  );

  it('an unreachable Redis is reported within seconds with the URL and the fix; a malformed URL too', async () => {
    const out = join(root, 'unreachable');
    const started = Date.now();
    const [synth, worker, malformed, wrongScheme] = await Promise.all([
      runCli(['synth', '--chains', '1', '--out', out, '--queue', 'redis://127.0.0.1:1', '--quiet']),
      runCli(['worker', '--queue', 'redis://127.0.0.1:1']),
      runCli(['synth', '--chains', '1', '--out', out, '--queue', 'redis//nowhere']),
      runCli(['worker', '--queue', 'http://127.0.0.1:6379']),
    ]);
    // Each refusal comes within seconds of loading the CLI (slow only on a saturated machine).
    expect(Date.now() - started).toBeLessThan(90_000);
    for (const result of [synth, worker]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Expected a Redis server at redis:\/\/127\.0\.0\.1:1, got/);
      expect(result.stderr).toMatch(/redis-server --port 1 --bind 127\.0\.0\.1/);
    }
    // Nothing was written for the run.
    expect(existsSync(join(out, 'trajectories'))).toBe(false);
    for (const result of [malformed, wrongScheme]) {
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/Expected --queue to be a Redis URL such as redis:\/\/127\.0\.0\.1:6379, got/);
    }
  });
});
