import type { RunLayout } from '../store/layout.js';
import { checkOutputDir } from '../store/output-dir.js';
import { damageError, findRunDamage, type Damage } from '../store/run-damage.js';
import { acquireRunLock, type RunLock } from '../store/run-lock.js';
import { runExists } from '../store/run-store.js';
import { runExistsError } from './run-meta.js';

export interface PreflightOptions {
  resume: boolean;
  /** With resume: redo finished chains (or episodes) whose files are damaged, instead of refusing. */
  redoDamaged?: boolean;
  /** What is taking the run, for the lock ("synth", "eval"). */
  command: string;
}

export interface PreparedRun {
  lock: RunLock;
  /** Trajectories (chain or episode ids) to redo from their seed because their files are damaged. */
  redo: ReadonlySet<string>;
  /** The damage found (all of it, including what --resume repairs by itself). */
  damage: readonly Damage[];
}

/**
 * Everything checked before a run does any work (no browser launched, no file of the run rewritten):
 * the output location can be written, no other live process writes the run, and on --resume the
 * files to be kept are intact. The caller owns the returned lock and releases it in `finally`.
 */
export async function prepareRunForWriting(layout: RunLayout, options: PreflightOptions): Promise<PreparedRun> {
  await checkOutputDir(layout.outDir);
  if (runExists(layout) && !options.resume) throw runExistsError(layout);
  const lock = await acquireRunLock(layout, options.command);
  try {
    if (!options.resume || !runExists(layout)) return { lock, redo: new Set(), damage: [] };
    const damage = await findRunDamage(layout);
    // The tasks file is rewritten from the chains and an unfinished trajectory is redone: neither loses work.
    const blocking = damage.filter((item) => (item.trajectoryId === undefined ? item.file !== layout.tasksFile : item.finished === true));
    const runLevel = blocking.filter((item) => item.trajectoryId === undefined);
    if (runLevel.length > 0) {
      throw damageError(
        layout,
        runLevel,
        "run.json holds the run's settings and cannot be redone: restore it from a backup, or start a new run with --run NAME.",
      );
    }
    if (blocking.length > 0 && !options.redoDamaged) {
      throw damageError(
        layout,
        blocking,
        'Add --redo-damaged to redo the damaged ones from their seed (their files are replaced), or restore the files and resume again.',
      );
    }
    return { lock, redo: new Set(blocking.map((item) => item.trajectoryId!)), damage };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
