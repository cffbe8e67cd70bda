import { findRunDamage, damageError } from '../store/run-damage.js';
import { readRunLock } from '../store/run-lock.js';
import type { RunLayout } from '../store/layout.js';

/**
 * A run's status as a reader should show it: a run.json that says `running` while no live process
 * holds the run's lock was left by a process that died (kill -9, power loss): it is stale.
 */
export async function shownStatus(layout: RunLayout, status: string): Promise<string> {
  if (status !== 'running') return status;
  const lock = await readRunLock(layout);
  if (!lock) return 'stale: no process is writing it; continue it with --resume';
  if (lock.stale === true) return `stale: its process (PID ${lock.pid}) is gone; continue it with --resume`;
  return `running, PID ${lock.pid}${lock.stale === undefined ? ` on ${lock.host}` : ''}`;
}

/**
 * Readers check the whole run before reporting on it: every damaged file is named on its own line
 * (file, line, problem) and the command exits non-zero, rather than dying later on a stack trace.
 */
export async function assertReadable(layout: RunLayout): Promise<void> {
  const damage = await findRunDamage(layout);
  if (damage.length > 0) {
    throw damageError(
      layout,
      damage,
      'Restore the damaged files, or redo those chains with `trajsynth synth ... --resume --redo-damaged`.',
    );
  }
}
