/**
 * Runs that several test files read but none needs to make itself: each is made once per `vitest
 * run`, by whichever file asks for it first (the others wait for it), and copied into every asking
 * file's own --out folder, so each file still evaluates, replays and resumes in a store of its own.
 * Outside a `vitest run` with the global setup (no shared folder), the run is simply made in place.
 */
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runCli, type CliResult } from './cli.js';

/**
 * `trajsynth synth` on the project tracker: 2 chains to level 3 with seed 5, two chains at a time,
 * with the progress bar and the summary a person sees. Its run id is project-tracker-seed5.
 */
export const TRACKER_SEED5 = {
  name: 'project-tracker-seed5',
  args: ['synth', '--chains', '2', '--max-level', '3', '--seed', '5', '--concurrency', '2'],
};

/**
 * `trajsynth synth --quiet` on the project tracker: 2 chains to level 2 with seed 3, two chains at a
 * time. The uninterrupted reference that faults.test.ts and cli-synth.test.ts compare interrupted,
 * killed and resumed runs with (its run id is project-tracker-seed3).
 */
export const TRACKER_SEED3 = {
  name: 'project-tracker-seed3',
  args: ['synth', '--env', 'project-tracker', '--chains', '2', '--max-level', '2', '--seed', '3', '--concurrency', '2', '--quiet'],
};

/** What the CLI printed, and how long the run took to make (wherever it was made). */
export interface SharedRunResult extends CliResult {
  durationMs: number;
}

const POLL_MS = 250;
const WAIT_MS = 300_000;

/** Makes the run (or waits for the file making it), copies its store into `out`, returns what the CLI printed. */
export async function sharedCliRun(run: { name: string; args: string[] }, out: string): Promise<SharedRunResult> {
  const root = inject('sharedRunsDir');
  if (!root) return timedCli([...run.args, '--out', out]);
  const store = join(root, run.name);
  const resultFile = join(root, `${run.name}.json`);
  let making = true;
  await mkdir(`${store}.lock`).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    making = false;
  });
  if (making) {
    const outcome = await timedCli([...run.args, '--out', store]).then(
      (result) => ({ result }),
      (error: unknown) => ({ error: String(error) }),
    );
    await writeFile(`${resultFile}.tmp`, JSON.stringify(outcome));
    await rename(`${resultFile}.tmp`, resultFile);
  }
  const outcome = await waitForFile(resultFile, run.name);
  if ('error' in outcome) throw new Error(`Expected the shared run ${run.name} to be made, got: ${outcome.error}`);
  await cp(store, out, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    // A run that failed before writing anything leaves no store; the caller's assertions say why.
    if (error.code !== 'ENOENT') throw error;
  });
  return outcome.result;
}

async function timedCli(args: string[]): Promise<SharedRunResult> {
  const started = performance.now();
  const result = await runCli(args);
  return { ...result, durationMs: performance.now() - started };
}

async function waitForFile(file: string, name: string): Promise<{ result: SharedRunResult } | { error: string }> {
  const deadline = performance.now() + WAIT_MS;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return JSON.parse(text);
    if (performance.now() > deadline) throw new Error(`Expected the shared run ${name} within ${WAIT_MS / 1000} s, got nothing in ${file}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
