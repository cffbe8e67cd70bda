import { mkdir, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TrajsynthError } from '../core/errors.js';
import { reviewVerdictKey, ReviewVerdictSchema, type ReviewVerdict } from '../core/review.js';
import type { RunLayout } from './layout.js';
import { readJsonLines } from './parse-file.js';

/**
 * trajectories/<run>/reviews.jsonl: human verdicts on level-k tasks, one JSON line each, append-only.
 * Lines are never rewritten or removed; a reviewer who changes their mind adds a newer line.
 */

const WHAT = 'a review verdict';
const NEWLINE = 0x0a;

/** Appends pending in this process, per file: two verdicts given at once never interleave. */
const appending = new Map<string, Promise<unknown>>();

/**
 * Appends one verdict as one line and flushes it to disk before returning (a verdict a reviewer saw
 * accepted survives a crash). The verdict is validated first; a verdict of another run is refused.
 */
export async function appendReviewVerdict(layout: RunLayout, verdict: ReviewVerdict): Promise<void> {
  const parsed = ReviewVerdictSchema.safeParse(verdict);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrajsynthError(
      `Expected a valid review verdict, field \`${issue?.path.map(String).join('.') || '(root)'}\`: ${issue?.message ?? 'invalid'}`,
      { code: 'BAD_INPUT' },
    );
  }
  checkRun(layout, parsed.data, 'the verdict');
  await appendVerdictLines(layout.reviewsFile, [parsed.data]);
}

/** Every verdict of the run, in file order (none when nobody reviewed it yet). */
export async function readReviewVerdicts(
  layout: RunLayout,
  options: { onTornTail?: (line: number) => void } = {},
): Promise<ReviewVerdict[]> {
  return readReviewFile(layout.reviewsFile, { ...options, missingOk: true });
}

/**
 * Reads a reviews file. A torn last line (an interrupted append) is dropped and reported through
 * `onTornTail`; any other bad line throws CORRUPT_FILE naming file:line and the field.
 */
export async function readReviewFile(
  path: string,
  options: { onTornTail?: (line: number) => void; missingOk?: boolean } = {},
): Promise<ReviewVerdict[]> {
  return readJsonLines(path, ReviewVerdictSchema, WHAT, options);
}

export interface MergeReviewsResult {
  /** The run's reviews.jsonl. */
  file: string;
  /** Lines appended to it, over all merged files. */
  added: number;
  /** Per merged file: its verdict lines, and how many of them were new. */
  files: Array<{ file: string; lines: number; added: number; tornTail: boolean }>;
  /**
   * Lines whose identity (reviewer, task, time) was already present with different content: the
   * existing line is kept, one line each (`file:line: reviewer on task at time`).
   */
  conflicts: string[];
}

/**
 * Merges other copies of a run's reviews (one per reviewer's machine, say) into the run's file:
 * appends, in the order given, every line whose identity (reviewer + taskId + at) is not already
 * there. Never rewrites or drops a line. Every file is read and checked before anything is
 * appended, so a damaged or foreign file adds nothing.
 */
export async function mergeReviewFiles(layout: RunLayout, files: readonly string[]): Promise<MergeReviewsResult> {
  const own = resolve(layout.reviewsFile);
  const existing = await readReviewVerdicts(layout);
  const present = new Map(existing.map((verdict) => [reviewVerdictKey(verdict), JSON.stringify(verdict)]));
  const toAppend: ReviewVerdict[] = [];
  const perFile: MergeReviewsResult['files'] = [];
  const conflicts: string[] = [];
  for (const file of files) {
    const path = resolve(file);
    let tornTail = false;
    const verdicts = path === own ? existing : await readReviewFile(path, { onTornTail: () => (tornTail = true) });
    let added = 0;
    verdicts.forEach((verdict, index) => {
      checkRun(layout, verdict, `${path} (verdict ${index + 1})`);
      const key = reviewVerdictKey(verdict);
      const known = present.get(key);
      if (known === undefined) {
        present.set(key, JSON.stringify(verdict));
        toAppend.push(verdict);
        added += 1;
      } else if (known !== JSON.stringify(verdict)) {
        conflicts.push(`${path} (verdict ${index + 1}): ${verdict.reviewer} on ${verdict.taskId} at ${verdict.at}`);
      }
    });
    perFile.push({ file: path, lines: verdicts.length, added, tornTail });
  }
  if (toAppend.length > 0) await appendVerdictLines(layout.reviewsFile, toAppend);
  return { file: layout.reviewsFile, added: toAppend.length, files: perFile, conflicts };
}

function checkRun(layout: RunLayout, verdict: ReviewVerdict, where: string): void {
  if (verdict.runId === layout.runId) return;
  throw new TrajsynthError(
    `Expected ${where} to be about run "${layout.runId}", got a verdict on ${verdict.taskId} (run "${verdict.runId}")`,
    {
      code: 'BAD_INPUT',
      hint: `Merge only reviews of run "${layout.runId}" into it; review files of another run belong to that run.`,
    },
  );
}

/** Serializes appends to one file in this process, then appends. */
function appendVerdictLines(file: string, verdicts: readonly ReviewVerdict[]): Promise<void> {
  const path = resolve(file);
  const previous = appending.get(path) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(() => appendDurably(path, verdicts.map((verdict) => `${JSON.stringify(verdict)}\n`).join('')));
  appending.set(path, next);
  void next
    .finally(() => {
      if (appending.get(path) === next) appending.delete(path);
    })
    .catch(() => undefined);
  return next;
}

/**
 * Appends whole lines and fsyncs. A torn last line left by an interrupted append (text after the
 * last newline that is not a verdict) is cut off first, or the new line would be glued to it and
 * the file corrupt in the middle; a complete verdict missing only its newline gets the newline.
 */
async function appendDurably(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    const last = Buffer.alloc(1);
    if (size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== NEWLINE) {
      const content = Buffer.alloc(size);
      await handle.read(content, 0, size, 0);
      const cut = content.lastIndexOf(NEWLINE) + 1;
      if (isVerdictLine(content.subarray(cut).toString('utf8'))) prefix = '\n';
      else await handle.truncate(cut);
    }
    await handle.writeFile(prefix + text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isVerdictLine(line: string): boolean {
  try {
    return ReviewVerdictSchema.safeParse(JSON.parse(line)).success;
  } catch {
    return false;
  }
}
