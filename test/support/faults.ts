import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI, ROOT, type CliResult } from './cli.js';

/** The CLI as a child process the test can kill at any moment, with its output collected. */
export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliResult>;
}

export function startCli(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A hang is a failure of its own: the process is killed and the test sees signal SIGKILL with the marker.
  const timer = setTimeout(() => {
    stderr += '\n[test: timed out, killed]\n';
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 240_000);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

interface ProcessRow {
  pid: number;
  ppid: number;
  args: string;
}

function processTable(): ProcessRow[] {
  const text = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3]! }));
}

/** Every descendant of `pid` (children first), from the process table. */
export function descendants(pid: number): ProcessRow[] {
  const table = processTable();
  const out: ProcessRow[] = [];
  let frontier = [pid];
  while (frontier.length) {
    const next = table.filter((row) => frontier.includes(row.ppid));
    out.push(...next);
    frontier = next.map((row) => row.pid);
  }
  return out;
}

/** The main Chromium process a CLI run launched (its direct child), if one is running. */
export function browserOf(pid: number): number | undefined {
  return processTable().find((row) => row.ppid === pid && /chrom/i.test(row.args) && !row.args.includes('--type='))?.pid;
}

/** A renderer process of the browser a CLI run launched. */
export function rendererOf(pid: number): number | undefined {
  return descendants(pid).find((row) => row.args.includes('--type=renderer') && !row.args.includes('--extension-process'))?.pid;
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Expected ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether this machine lets the test mount a tmpfs (root in a container that allows it). */
export function canMountTmpfs(dir: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/proc/mounts')) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function mountTmpfs(dir: string, options: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
}

export function remount(dir: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'ignore' });
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // not mounted
  }
}
