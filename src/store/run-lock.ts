import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { TrajsynthError } from '../core/errors.js';
import type { RunLayout } from './layout.js';

/** trajectories/<run>/run.lock: who is writing the run. */
export const RunLockSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
  command: z.string(),
});
export type RunLockInfo = z.infer<typeof RunLockSchema>;

export interface RunLockState extends RunLockInfo {
  /**
   * The process that holds the lock is gone (same host, no such PID): it was killed before it could
   * release it. Undefined when liveness cannot be told (another host).
   */
  stale: boolean | undefined;
}

export function runLockFile(layout: RunLayout): string {
  return join(layout.runDir, 'run.lock');
}

/** The run's lock as it is on disk, with whether its holder is still alive; undefined when unlocked. */
export async function readRunLock(layout: RunLayout): Promise<RunLockState | undefined> {
  const info = await readLockInfo(runLockFile(layout));
  if (info === undefined) return undefined;
  if (info === 'unreadable') return { pid: 1, host: 'unknown', startedAt: 'unknown', command: 'unknown', stale: true };
  return { ...info, stale: isStale(info) };
}

export interface RunLock {
  readonly file: string;
  /** Set when the lock was taken over from a process that died holding it. */
  readonly tookOverFrom: RunLockInfo | undefined;
  release(): Promise<void>;
}

/**
 * Takes the run's lock, so that two processes never write one run (each would append every step
 * twice). A lock left by a process that died (same host, PID gone) is taken over; a live one is
 * refused with who holds it. The lock is created with O_EXCL, and a stale one is moved aside by
 * rename before the new one is created, so two processes racing for a stale lock cannot both win.
 */
export async function acquireRunLock(layout: RunLayout, command: string): Promise<RunLock> {
  const file = runLockFile(layout);
  await mkdir(layout.runDir, { recursive: true });
  const mine: RunLockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  let tookOverFrom: RunLockInfo | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await createExclusive(file, `${JSON.stringify(mine)}\n`)) {
      return {
        file,
        tookOverFrom,
        release: async () => {
          const current = await readLockInfo(file);
          if (current !== undefined && current !== 'unreadable' && current.pid === mine.pid && current.host === mine.host)
            await rm(file, { force: true });
        },
      };
    }
    const holder = await readLockInfo(file);
    if (holder === undefined) continue; // released in between: try again
    if (holder !== 'unreadable' && !isStale(holder)) throw lockedError(layout, holder);
    // A dead holder's lock (or a torn one): move that exact file aside, then check it was the one judged stale.
    const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
    try {
      await rename(file, aside);
    } catch {
      continue;
    }
    const moved = await readLockInfo(aside);
    if (
      moved !== 'unreadable' &&
      moved !== undefined &&
      holder !== 'unreadable' &&
      (moved.pid !== holder.pid || moved.host !== holder.host)
    ) {
      // Another process took the stale lock over first and this moved its fresh lock: put it back.
      await link(aside, file).catch(() => undefined);
      await rm(aside, { force: true });
      continue;
    }
    await rm(aside, { force: true });
    if (holder !== 'unreadable') tookOverFrom = holder;
  }
  throw new TrajsynthError(`Expected to take the lock of run "${layout.runId}" at ${file}, got contention from other processes`, {
    code: 'RUN_LOCKED',
    hint: 'Another trajsynth process is starting on this run; wait for it, or stop it.',
  });
}

function lockedError(layout: RunLayout, holder: RunLockInfo): TrajsynthError {
  const where = holder.host === hostname() ? `PID ${holder.pid}` : `PID ${holder.pid} on host ${holder.host}`;
  return new TrajsynthError(
    `Expected no other process writing run "${layout.runId}", got \`${holder.command}\` (${where}) holding it since ${holder.startedAt}`,
    {
      code: 'RUN_LOCKED',
      hint:
        holder.host === hostname()
          ? `Wait for it to finish or stop it (kill ${holder.pid}); a second writer would record every step twice.`
          : `If that process is gone, delete ${runLockFile(layout)}; a second writer would record every step twice.`,
    },
  );
}

async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readLockInfo(file: string): Promise<RunLockInfo | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  try {
    const parsed = RunLockSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    // Created but not yet written by its owner, or torn by a crash between create and write.
    return text.length === 0 ? await writtenSoon(file) : 'unreadable';
  }
}

/** A lock file is created empty and written at once; give its owner a moment before judging it torn. */
async function writtenSoon(file: string): Promise<RunLockInfo | 'unreadable' | undefined> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = RunLockSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function isStale(info: RunLockInfo): boolean | undefined {
  if (info.host !== hostname()) return undefined;
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
