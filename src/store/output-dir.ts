import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TrajsynthError } from '../core/errors.js';

/**
 * Checks, before any work, that runs can be stored under `outDir`: it is a directory (created if
 * missing) in which files can be written. A file in its place, a read-only directory or a full disk
 * is reported here, naming the path and the fix, rather than as an ENOENT after the browser launched.
 */
export async function checkOutputDir(outDir: string, flag = '--out'): Promise<void> {
  let existing;
  try {
    existing = await stat(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw unwritable(outDir, flag, error as NodeJS.ErrnoException);
  }
  if (existing && !existing.isDirectory()) {
    throw new TrajsynthError(`Expected ${flag} to be a directory, got a file at ${outDir}`, {
      code: 'OUTPUT_UNWRITABLE',
      hint: `Pass a directory (it is created if missing), e.g. ${flag} ${outDir}.d`,
    });
  }
  const probe = join(outDir, 'trajectories', `.write-check-${process.pid}-${randomBytes(3).toString('hex')}`);
  try {
    await mkdir(join(outDir, 'trajectories'), { recursive: true });
    await writeFile(probe, 'ok');
  } catch (error) {
    throw unwritable(outDir, flag, await explain(outDir, error as NodeJS.ErrnoException));
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/**
 * mkdir -p on a read-only file system can report ENOENT for the part it could not create; the
 * nearest existing ancestor tells the real reason (EROFS, EACCES).
 */
async function explain(outDir: string, error: NodeJS.ErrnoException): Promise<NodeJS.ErrnoException> {
  if (error.code !== 'ENOENT') return error;
  let ancestor = dirname(error.path ?? outDir);
  while (
    !(await stat(ancestor).then(
      () => true,
      () => false,
    )) &&
    ancestor !== dirname(ancestor)
  )
    ancestor = dirname(ancestor);
  return access(ancestor, constants.W_OK).then(
    () => error,
    (reason: NodeJS.ErrnoException) => reason,
  );
}

function unwritable(outDir: string, flag: string, error: NodeJS.ErrnoException): TrajsynthError {
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'a read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is exhausted',
    ENOTDIR: 'a file where a directory should be',
    EEXIST: 'a file where a directory should be',
  };
  const reason = reasons[error.code ?? ''] ?? error.message;
  return new TrajsynthError(`Expected to write runs under ${flag} ${outDir}, got ${reason}`, {
    code: 'OUTPUT_UNWRITABLE',
    cause: error,
    hint:
      error.code === 'ENOSPC' || error.code === 'EDQUOT'
        ? 'Free some space or choose another --out.'
        : `Choose a directory you can write to with ${flag} DIR, or fix its permissions.`,
  });
}
