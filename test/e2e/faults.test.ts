import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/random.js';
import { runCli } from '../support/cli.js';
import { sharedCliRun, TRACKER_SEED3 } from '../support/shared-run.js';
import { browserOf, canMountTmpfs, mountTmpfs, remount, rendererOf, sleep, startCli, unmount, waitFor } from '../support/faults.js';
import { runProblems } from '../support/run-integrity.js';

/*
 * Fault injection with real processes: the CLI is killed, its browser and renderers are killed,
 * two processes race for one run, files are damaged, the disk fills up. Each trial's expectation is
 * exact: no chain lost, none doubled, no failed step in a gold range, the same tasks file as an
 * uninterrupted run, byte for byte. `npm run faults` runs the long version (TRAJSYNTH_FAULTS=full).
 *
 * The uninterrupted reference is the shared seed-3 run (shared-run.ts; cli-synth.test.ts compares
 * its interrupted run with it too). The tests run side by side (vitest's maxConcurrency caps how
 * many): each works in a folder of its own, and a run's expectations hold on a busy machine too
 * (same-seed-under-load.test.ts), so they need not wait for each other.
 */
const FULL = process.env.TRAJSYNTH_FAULTS === 'full';
const TRIALS = FULL ? { kills: 20, browserKills: 5, rendererKills: 3 } : { kills: 1, browserKills: 1, rendererKills: 1 };
const CHAINS = 2;
/**
 * Time limits, against hangs: per trial (a run and its resume) and per other test. The tests share the
 * cores with the ones beside them and with the other worker's file: in a full suite on a 2-core
 * machine that other work also kept at a load average of 20 to 25, a trial took up to 180 s and the
 * full-disk test 280 s.
 */
const TRIAL_MS = 300_000;
const TEST_MS = 480_000;
/** A command that only reads the run and refuses (damaged files): quick alone, slow on a saturated machine. */
const REFUSAL_MS = 180_000;
const RUN = TRACKER_SEED3.name;
const ARGS = TRACKER_SEED3.args;

let root: string;
let referenceTasks: string;
let referenceMs: number;
const tally: Record<string, { trials: number; whole: number }> = {};
const count = (kind: string, whole: boolean) => {
  tally[kind] ??= { trials: 0, whole: 0 };
  tally[kind]!.trials += 1;
  if (whole) tally[kind]!.whole += 1;
};

const tasksOf = (out: string) => readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8');
const runDir = (out: string) => join(out, 'trajectories', RUN);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trajsynth-faults-'));
  const reference = await sharedCliRun(TRACKER_SEED3, join(root, 'reference'));
  referenceMs = reference.durationMs;
  expect(reference.code, reference.stderr).toBe(0);
  referenceTasks = await tasksOf(join(root, 'reference'));
  expect(referenceTasks.trim().split('\n')).toHaveLength(CHAINS);
});

afterAll(async () => {
  if (Object.keys(tally).length) {
    console.log(
      `fault trials (${FULL ? 'full' : 'short'}): ${Object.entries(tally)
        .map(([kind, { trials, whole }]) => `${kind} ${whole}/${trials} whole`)
        .join(', ')}`,
    );
  }
  await rm(root, { recursive: true, force: true });
});

/** Finishes an interrupted run with --resume and checks it is whole and identical to the reference. */
async function resumeAndCheck(out: string, label: string): Promise<void> {
  const resumed = await runCli([...ARGS, '--out', out, '--resume']);
  expect(resumed.code, `${label}\n${resumed.stderr}`).toBe(0);
  expect(await runProblems(out, RUN, CHAINS), label).toEqual([]);
  expect(await tasksOf(out), label).toBe(referenceTasks);
}

describe.concurrent('faults: killed processes', () => {
  it(
    `SIGKILL at random moments (${TRIALS.kills} trial(s)), then --resume: nothing lost, doubled or altered`,
    async () => {
      const rng = new Rng(2026);
      for (let trial = 0; trial < TRIALS.kills; trial += 1) {
        const out = join(root, `kill-${trial}`);
        const run = startCli([...ARGS, '--out', out]);
        await sleep(300 + rng.next() * referenceMs * 0.9);
        run.child.kill('SIGKILL');
        await run.done;
        if (existsSync(join(runDir(out), 'run.json'))) {
          const meta = JSON.parse(await readFile(join(runDir(out), 'run.json'), 'utf8')) as { status: string };
          if (meta.status === 'running') {
            // The killed process never marked the run: readers show it stale, from the lock.
            const shown = await runCli(['inspect', RUN, '--out', out]);
            expect(shown.stdout).toMatch(/\(stale: /);
          }
          await resumeAndCheck(out, `kill trial ${trial}`);
        }
        count('SIGKILL', true);
      }
    },
    TRIALS.kills * TRIAL_MS,
  );

  // Browser kills and renderer kills are two tests, so their trials run side by side.
  for (const [kind, trials] of [
    ['browser', TRIALS.browserKills],
    ['renderer', TRIALS.rendererKills],
  ] as const) {
    it(
      `a killed ${kind} (${trials} trial(s)) is relaunched and the chain redone in the same run`,
      async () => {
        const rng = new Rng(kind === 'browser' ? 7 : 8);
        for (let trial = 0; trial < trials; trial += 1) {
          const out = join(root, `${kind}-${trial}`);
          // Not --quiet: the progress lines say when a chain is redone.
          const run = startCli([...ARGS.filter((arg) => arg !== '--quiet'), '--out', out]);
          const pid = run.child.pid!;
          // Kill once the chains are at work (their first steps stored), at a random moment after.
          await waitFor(() => existsSync(join(runDir(out), 'chains', 'c0001', 'steps.jsonl')) || undefined, 120_000, 'the first step');
          await sleep(rng.next() * referenceMs * 0.3);
          const victim = kind === 'browser' ? browserOf(pid) : rendererOf(pid);
          if (victim !== undefined) process.kill(victim, 'SIGKILL');
          const result = await run.done;
          expect(result.code, result.stderr).toBe(0);
          if (victim !== undefined) expect(result.stderr).toMatch(/redoing it in a relaunched browser|done, level/);
          expect(await runProblems(out, RUN, CHAINS), `${kind} trial ${trial}: ${result.stderr}`).toEqual([]);
          expect(await tasksOf(out)).toBe(referenceTasks);
          count(`${kind} kill`, true);
        }
      },
      trials * TRIAL_MS,
    );
  }
});

describe.concurrent('faults: two writers and damaged files', { timeout: TEST_MS }, () => {
  it('refuses a second process on a run it does not own, and shows chains in flight as running', async () => {
    const out = join(root, 'two-writers');
    const first = startCli([...ARGS, '--out', out]);
    await waitFor(() => existsSync(join(runDir(out), 'run.lock')) || undefined, 60_000, 'the run lock');
    const second = await runCli([...ARGS, '--out', out, '--resume']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/Expected no other process writing run "project-tracker-seed3", got `synth` \(PID \d+\)/);
    await waitFor(
      async () => {
        const text = await readFile(join(runDir(out), 'run.json'), 'utf8').catch(() => '');
        return text.includes('"status": "running"') &&
          /"chainId": "c0001",\s*"environment": "project-tracker",\s*"status": "(running|complete)"/.test(text)
          ? true
          : undefined;
      },
      60_000,
      'chain c0001 shown running',
    );
    const result = await first.done;
    expect(result.code, result.stderr).toBe(0);
    expect(await runProblems(out, RUN, CHAINS)).toEqual([]);
    expect(await tasksOf(out)).toBe(referenceTasks);
    count('two writers', true);
  });

  it('names every damaged file on one line each, refuses to resume or read, and redoes damaged chains on request', async () => {
    const out = join(root, 'damaged');
    await cp(join(root, 'reference'), out, { recursive: true });
    const chains = join(runDir(out), 'chains');
    const chainFile = join(chains, 'c0001', 'chain.json');
    const text = await readFile(chainFile, 'utf8');
    await writeFile(chainFile, text.slice(0, text.length >> 1));
    await appendFile(join(chains, 'c0002', 'steps.jsonl'), 'not json at all\n');
    const screens = (await readdir(join(chains, 'c0002', 'screens'))).sort();
    await rm(join(chains, 'c0002', 'screens', screens[0]!));
    const runJson = await readFile(join(runDir(out), 'run.json'), 'utf8');

    const resume = await runCli([...ARGS, '--out', out, '--resume'], { timeoutMs: REFUSAL_MS });
    expect(resume.signal).toBeNull();
    expect(resume.code).toBe(1);
    expect(resume.stderr).toMatch(/c0001\/chain\.json: not JSON/);
    expect(resume.stderr).toMatch(/c0002\/steps\.jsonl:\d+: not JSON/);
    expect(resume.stderr).toMatch(new RegExp(`c0002/screens/${screens[0]!.replace('.', '\\.')}: missing`));
    expect(resume.stderr).toMatch(/--redo-damaged/);
    // Nothing was rewritten: run.json is byte for byte what it was.
    expect(await readFile(join(runDir(out), 'run.json'), 'utf8')).toBe(runJson);
    const commands = [
      ['inspect', RUN, '--out', out, '--markers', join(root, 'markers')],
      ['cost', RUN, '--out', out],
      ['replay', RUN, '--out', out],
    ];
    const reads = await Promise.all(commands.map((command) => runCli(command, { timeoutMs: REFUSAL_MS })));
    for (const [index, read] of reads.entries()) {
      const command = commands[index]!;
      expect(read.code, command[0]).toBe(1);
      expect(read.stderr, command[0]).toMatch(/damaged file\(s\):\n.*c0001\/chain\.json/);
      expect(read.stderr, command[0]).not.toMatch(/\n\s+at /); // no stack trace
    }

    const redo = await runCli([...ARGS, '--out', out, '--resume', '--redo-damaged']);
    expect(redo.code, redo.stderr).toBe(0);
    expect(await runProblems(out, RUN, CHAINS)).toEqual([]);
    expect(await tasksOf(out)).toBe(referenceTasks);
    count('damaged files', true);
  });
});

describe.concurrent('faults: the disk', { timeout: TEST_MS }, () => {
  it('checks --out before any work: a file, a path under a file', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const cases = [
      [file, /Expected --out to be a directory, got a file at/],
      [join(file, 'sub'), /Expected to write runs under --out .*, got a file where a directory should be/],
    ] as const;
    const results = await Promise.all(cases.map(([out]) => runCli([...ARGS, '--out', out])));
    for (const [index, [, message]] of cases.entries()) {
      const result = results[index]!;
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(2); // the problem, then the fix
    }
  });

  const mountPoint = join(tmpdir(), `trajsynth-faults-mnt-${process.pid}`);
  const mountable = (() => {
    try {
      mkdirSync(mountPoint, { recursive: true });
    } catch {
      return false;
    }
    return canMountTmpfs(mountPoint);
  })();

  it.runIf(mountable)(
    'a read-only disk is refused up front; a disk that fills up mid-run stops it cleanly, and --resume finishes it once there is room',
    async () => {
      try {
        mountTmpfs(mountPoint, 'size=1m,ro');
        const readOnly = await runCli([...ARGS, '--out', join(mountPoint, 'out')]);
        expect(readOnly.code).toBe(2);
        expect(readOnly.stderr).toMatch(/got a read-only file system/);
        unmount(mountPoint);

        // The whole run takes about 380 KB (WebP screenshots of ~40 KB); 160 KB fills up after the first few.
        mountTmpfs(mountPoint, 'size=160k');
        const out = join(mountPoint, 'out');
        const full = await runCli([...ARGS, '--out', out]);
        expect(full.code, full.stderr).toBe(2);
        expect(full.stderr).toMatch(/got no space left on the device/);
        expect(full.stderr).toMatch(/--resume/);
        remount(mountPoint, 'size=64m');
        await resumeAndCheck(out, 'full disk');
        count('full disk', true);
      } finally {
        unmount(mountPoint);
        await rm(mountPoint, { recursive: true, force: true });
      }
    },
  );
});

describe.concurrent('faults: flags', { timeout: TEST_MS }, () => {
  it('answers bad values in one line that names the flag and the fix', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['synth', '--chains', '-3'], /^trajsynth: Expected --chains to be an integer from 1 to 10000, got "-3"\. Example: --chains 4$/],
      [
        ['synth', '--url', 'http://127.0.0.1:9/', '--allow-origin', 'nonsense'],
        /^trajsynth: Expected --allow-origin to be an http\(s\) origin .*got "nonsense"$/,
      ],
      [['synth', '--budget-usd', '2'], /^trajsynth: Expected a model-backed role with --budget-usd, got every role heuristic/],
      [['synth', '--redo-damaged'], /^trajsynth: Expected --resume together with --redo-damaged$/],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [index, [args, pattern]] of cases.entries()) {
      expect(results[index]!.code, args.join(' ')).toBe(2);
      expect(results[index]!.stderr.trim(), args.join(' ')).toMatch(pattern);
    }
  });
});
