/**
 * Queue-mode soak: the same run made by one local process and by N `trajsynth worker` processes on a
 * redis-server of its own, with faults injected into the queued run: one worker SIGKILLed mid-chain
 * once half the chains are done, then Redis restarted (empty: no persistence) at three quarters.
 * Prints the wall times, the stalled-job recovery time (SIGKILL to the chain finished by another
 * worker) and a fault matrix; exits 1 when a check fails. `test/e2e/queue.test.ts` is its short
 * version in the test suite.
 *
 *   npm run queue-soak                                 (defaults: --env all --chains 24 --max-level 6)
 *   npm run queue-soak -- --chains 8 --max-level 3 --workers 3 --seed 2
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { findRunDamage, damageLine } from '../src/store/run-damage.js';
import { listChainIds, readChain, readRunMeta, readSteps, runLayout } from '../src/store/index.js';
import { startRedis } from '../test/support/redis.js';

const { values } = parseArgs({
  options: {
    env: { type: 'string' },
    chains: { type: 'string' },
    'max-level': { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'stall-ms': { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const env = values.env ?? 'all';
const chains = Number(values.chains ?? 24);
const maxLevel = Number(values['max-level'] ?? 6);
const seed = Number(values.seed ?? 1);
const workerCount = Number(values.workers ?? 3);
const stallMs = Number(values['stall-ms'] ?? 10_000);
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'dist/src/cli/main.js');
const runId = `${env}-seed${seed}`;
const synthArgs = ['synth', '--env', env, '--chains', String(chains), '--max-level', String(maxLevel), '--seed', String(seed)];

interface Child {
  child: ChildProcess;
  output: () => string;
  done: Promise<number | null>;
}

function start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text, done: new Promise((done) => child.on('close', (code) => done(code))) };
}

/** SIGKILL a process and everything it started (its Chromium), as a crashed machine would. */
function killTree(pid: number): void {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row) => row.length === 2);
  const family: number[] = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = table.filter(([, ppid]) => frontier.includes(ppid!)).map(([child]) => child!);
    family.push(...next);
    frontier = next;
  }
  for (const target of [pid, ...family]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const wall = (ms: number) => `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;

async function finishedChains(out: string): Promise<Set<string>> {
  const layout = runLayout(out, runId);
  const done = new Set<string>();
  for (const chainId of await listChainIds(layout)) {
    const record = await readChain(layout, chainId).catch(() => undefined);
    if (record && (record.status === 'complete' || record.status === 'failed')) done.add(chainId);
  }
  return done;
}

/** Problems of a finished run: damage, chains missing or unfinished, steps doubled, attempts left. */
async function runProblems(out: string): Promise<string[]> {
  const layout = runLayout(out, runId);
  const problems = (await findRunDamage(layout)).map((damage) => `damaged: ${damageLine(damage)}`);
  const meta = await readRunMeta(layout);
  if (meta.status !== 'complete') problems.push(`run status ${meta.status}`);
  const ids = await listChainIds(layout);
  if (ids.length !== chains) problems.push(`expected ${chains} chains, found ${ids.length}`);
  for (const chainId of ids) {
    const record = await readChain(layout, chainId);
    if (record?.status !== 'complete') problems.push(`${chainId}: ${record?.status ?? 'no chain.json'}`);
    const steps = await readSteps(layout, chainId);
    if (record && steps.length !== record.stepCount) problems.push(`${chainId}: ${steps.length} steps stored, ${record.stepCount} counted`);
    steps.forEach((step, position) => step.index !== position && problems.push(`${chainId}: step ${position} has index ${step.index}`));
  }
  if (existsSync(layout.attemptsDir)) problems.push(`attempts left in ${layout.attemptsDir}`);
  return problems;
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'trajsynth-queue-soak-'));
  const redis = await startRedis();
  const workers: Child[] = [];
  const queueEnv = { TRAJSYNTH_QUEUE_STALL_MS: String(stallMs) };
  let failed = false;
  try {
    process.stderr.write(
      `queue soak: ${synthArgs.join(' ')} · local (--concurrency ${workerCount}) vs ${workerCount} workers · store ${root}\n`,
    );
    const localStarted = performance.now();
    const local = start([...synthArgs, '--concurrency', String(workerCount), '--quiet', '--out', join(root, 'local')]);
    const localCode = await local.done;
    const localMs = performance.now() - localStarted;
    if (localCode !== 0) throw new Error(`the local run exited ${localCode}:\n${local.output()}`);
    process.stderr.write(`queue soak: local run done in ${wall(localMs)}\n`);

    const out = join(root, 'queue');
    for (let index = 0; index < workerCount; index += 1)
      workers.push(start(['worker', '--queue', redis.url, '--concurrency', '1'], queueEnv));
    const queueStarted = performance.now();
    const follower = start([...synthArgs, '--concurrency', String(workerCount), '--out', out, '--queue', redis.url], queueEnv);
    let followerCode: number | null | undefined;
    void follower.done.then((code) => (followerCode = code));

    // Fault 1: a worker SIGKILLed mid-chain once half the chains are done.
    const attemptsDir = runLayout(out, runId).attemptsDir;
    let kill: { at: number; worker: number; chains: string[] } | undefined;
    while (!kill && followerCode === undefined) {
      if ((await finishedChains(out)).size >= chains / 2) {
        for (const worker of workers) {
          const pid = worker.child.pid!;
          const mine = (await readdir(attemptsDir).catch(() => [] as string[])).filter((name) => name.includes(`-${pid}-a`));
          if (mine.length === 0) continue;
          kill = { at: performance.now(), worker: pid, chains: mine.map((name) => name.split('.')[0]!) };
          killTree(pid);
          process.stderr.write(`queue soak: SIGKILLed worker ${pid} while it ran ${kill.chains.join(', ')}\n`);
          break;
        }
      }
      await sleep(200);
    }
    const recovered = new Map<string, number>();
    let restart: { at: number; finishedBefore: number } | undefined;
    while (followerCode === undefined) {
      const finished = await finishedChains(out);
      for (const chainId of kill?.chains ?? [])
        if (!recovered.has(chainId) && finished.has(chainId)) recovered.set(chainId, performance.now() - kill!.at);
      // Fault 2: Redis restarted (empty) at three quarters.
      if (!restart && finished.size >= (chains * 3) / 4 && finished.size < chains) {
        restart = { at: performance.now(), finishedBefore: finished.size };
        process.stderr.write(`queue soak: restarting Redis with ${finished.size}/${chains} chains done\n`);
        await redis.restart({ downMs: 2000 });
      }
      await sleep(200);
    }
    const queueMs = performance.now() - queueStarted;
    const [localTasks, queueTasks] = await Promise.all(
      [join(root, 'local'), out].map((dir) => readFile(join(dir, 'tasks', `${runId}.jsonl`), 'utf8').catch(() => '')),
    );
    const problems = followerCode === 0 ? await runProblems(out) : [`the follower exited ${followerCode}`];
    const identical = localTasks.length > 0 && localTasks === queueTasks;
    const followerText = follower.output();
    const stalledSeen = /stalled \(its worker stopped answering\)/.test(followerText);
    const requeued = /enqueued again: its job was no longer in the queue/.test(followerText);
    const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
    const whole = problems.length === 0;
    const recoveredAll = kill !== undefined && kill.chains.every((chainId) => recovered.has(chainId));
    failed = !identical || !whole || !recoveredAll || (restart !== undefined && !requeued);

    const lines = [
      '',
      `trajsynth queue soak · ${synthArgs.slice(1).join(' ')} · ${localTasks.trim().split('\n').filter(Boolean).length} chains with tasks`,
      `  1 local process (--concurrency ${workerCount})  wall ${wall(localMs)}`,
      `  ${workerCount} workers (concurrency 1 each)     wall ${wall(queueMs)}  (incl. one worker killed and a Redis restart)`,
      `  stalled-job recovery          ${kill ? kill.chains.map((chainId) => `${chainId}: ${recovered.has(chainId) ? seconds(recovered.get(chainId)!) : 'never'} from SIGKILL to finished by another worker`).join('; ') : 'no worker was killed (the run ended first)'} (TRAJSYNTH_QUEUE_STALL_MS=${stallMs})`,
      '  fault matrix',
      `    ${'fault'.padEnd(34)}${'run completed'.padEnd(15)}${'handled'.padEnd(32)}${'each chain once'.padEnd(17)}${'no half-kept'.padEnd(14)}tasks = local`,
      `    ${'worker SIGKILLed mid-chain'.padEnd(34)}${yes(followerCode === 0).padEnd(15)}${(kill ? `${yes(stalledSeen)} (stalled, handed on)` : 'not injected').padEnd(32)}${yes(whole).padEnd(17)}${yes(whole).padEnd(14)}${yes(identical)}`,
      `    ${'Redis restarted mid-run (empty)'.padEnd(34)}${yes(followerCode === 0).padEnd(15)}${(restart ? `${yes(requeued)} (lost jobs enqueued again)` : 'not injected').padEnd(32)}${yes(whole).padEnd(17)}${yes(whole).padEnd(14)}${yes(identical)}`,
      ...problems.slice(0, 10).map((problem) => `  ! ${problem}`),
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGINT');
    await Promise.race([Promise.all(workers.map((worker) => worker.done)), sleep(30_000)]);
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) killTree(worker.child.pid!);
    await redis.stop();
    if (!values.keep) await rm(root, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`queue soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
