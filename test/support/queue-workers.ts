/**
 * `trajsynth worker` processes for queue tests: started with the built CLI like a person would on
 * each machine, stopped with Ctrl-C (SIGINT) at the end, or SIGKILLed mid-chain with the browser
 * they launched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, ROOT, type CliResult } from './cli.js';
import { descendants } from './faults.js';

export interface RunningWorker {
  child: ChildProcess;
  pid: number;
  /** What the worker printed so far (a line per job). */
  output(): string;
  done: Promise<CliResult>;
  /** SIGKILL the worker and every process it started (its Chromium), as a crashed machine would. */
  kill(): void;
  /** Ctrl-C, then SIGKILL if it has not exited within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<CliResult>;
}

export function startWorker(
  url: string,
  options: { env?: NodeJS.ProcessEnv; concurrency?: number; timeoutMs?: number; args?: string[] } = {},
): RunningWorker {
  const child = spawn(
    process.execPath,
    [CLI, 'worker', '--queue', url, '--concurrency', String(options.concurrency ?? 1), ...(options.args ?? [])],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 480_000);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    pid: child.pid!,
    output: () => stderr,
    done,
    kill: () => {
      const family = descendants(child.pid!);
      child.kill('SIGKILL');
      for (const process_ of family) {
        try {
          process.kill(process_.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    stop: async (timeoutMs = 30_000) => {
      if (!exited()) child.kill('SIGINT');
      const force = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await done;
      clearTimeout(force);
      return result;
    },
  };
}

/** Stops every worker (Ctrl-C), in parallel. */
export async function stopWorkers(workers: RunningWorker[]): Promise<CliResult[]> {
  return Promise.all(workers.map((worker) => worker.stop()));
}
