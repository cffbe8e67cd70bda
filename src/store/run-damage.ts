import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { ChainRecordSchema, ChainTasksSchema } from '../core/chain.js';
import { EpisodeRecordSchema, EvalRunMetaSchema } from '../core/eval.js';
import { TrajsynthError } from '../core/errors.js';
import { ReviewVerdictSchema } from '../core/review.js';
import { RunMetaSchema } from '../core/run.js';
import { StepSchema, type Step } from '../core/step.js';
import { ModelCallSchema } from '../core/usage.js';
import { runKind } from './eval-store.js';
import { chainLayout, episodeLayout, type RunLayout, type TrajectoryLayout } from './layout.js';
import { describeIssue } from './parse-file.js';
import { listChainIds } from './run-store.js';
import { listEpisodeIds } from './eval-store.js';

/** One damaged file: where, and what is wrong with it. */
export interface Damage {
  file: string;
  /** 1-based line of a JSONL file. */
  line?: number;
  problem: string;
  /** The chain or episode the file belongs to; undefined for run-level files. */
  trajectoryId?: string;
  /**
   * Whether that chain or episode had finished: an unfinished one is redone from scratch on
   * --resume, so its damage loses nothing.
   */
  finished?: boolean;
}

export function damageLine(damage: Damage): string {
  return `${damage.file}${damage.line !== undefined ? `:${damage.line}` : ''}: ${damage.problem}`;
}

/**
 * Reads every file of a run through its schema and checks that every screenshot and snapshot a
 * step names exists, without stopping at the first problem. A torn last line of a JSONL file is an
 * interrupted append, not damage: readers drop it and say so.
 */
export async function findRunDamage(layout: RunLayout): Promise<Damage[]> {
  const damage: Damage[] = [];
  const kind = await runKind(layout);
  const runSchema = kind === 'eval' ? EvalRunMetaSchema : RunMetaSchema;
  const runProblem = await jsonProblem(layout.runFile, runSchema);
  if (runProblem) damage.push({ file: layout.runFile, problem: runProblem });
  if (kind === 'synth') {
    damage.push(...(await jsonLinesDamage(layout.tasksFile, ChainTasksSchema, { finished: true })));
    for (const chainId of await listChainIds(layout)) {
      const files = chainLayout(layout, chainId);
      damage.push(...(await trajectoryDamage(files, files.chainFile, ChainRecordSchema, chainId)));
    }
  } else {
    for (const episodeId of await listEpisodeIds(layout)) {
      const files = episodeLayout(layout, episodeId);
      damage.push(...(await trajectoryDamage(files, files.episodeFile, EpisodeRecordSchema, episodeId)));
    }
  }
  return damage;
}

/**
 * Damaged lines of the run's reviews.jsonl (a torn last line is not damage). Kept apart from
 * findRunDamage: human reviews never stop a synthesis from resuming; `validate` and the readers of
 * reviews report them.
 */
export async function findReviewsDamage(layout: RunLayout): Promise<Damage[]> {
  return jsonLinesDamage(layout.reviewsFile, ReviewVerdictSchema, { finished: true });
}

/** Throws one CORRUPT_FILE error listing every damaged file, one line each. */
export function damageError(layout: RunLayout, damage: readonly Damage[], hint: string): TrajsynthError {
  const lines = damage.slice(0, 20).map((item) => `  ${damageLine(item)}`);
  if (damage.length > 20) lines.push(`  … and ${damage.length - 20} more`);
  return new TrajsynthError(`Expected run "${layout.runId}" to be intact, got ${damage.length} damaged file(s):\n${lines.join('\n')}`, {
    code: 'CORRUPT_FILE',
    hint,
  });
}

/** Reads the run's files and throws `damageError` when any is damaged. */
export async function assertRunIntact(layout: RunLayout, hint: string): Promise<void> {
  const damage = await findRunDamage(layout);
  if (damage.length > 0) throw damageError(layout, damage, hint);
}

async function trajectoryDamage(
  files: TrajectoryLayout,
  recordFile: string,
  schema: z.ZodType<{ status: string }>,
  id: string,
): Promise<Damage[]> {
  const damage: Damage[] = [];
  if (!existsSync(recordFile)) return []; // never got as far as its record: redone on --resume, nothing to read
  // A record that cannot be read may have been a finished trajectory's: its damage counts as such.
  let finished = true;
  const record = await readJson(recordFile);
  if ('problem' in record) damage.push({ file: recordFile, problem: record.problem });
  else {
    const parsed = schema.safeParse(record.value);
    if (!parsed.success) damage.push({ file: recordFile, problem: describeIssue(parsed.error) });
    else finished = parsed.data.status !== 'running';
  }
  const steps = await jsonLinesDamage(files.stepsFile, StepSchema, { finished });
  damage.push(...steps);
  damage.push(...(await jsonLinesDamage(files.callsFile, ModelCallSchema, { finished })));
  const checked = new Set<string>();
  for (const step of await parsedSteps(files.stepsFile)) {
    for (const ref of [step.before, step.after]) {
      for (const relative of [ref.screenshot, ref.snapshot]) {
        const path = join(files.dir, relative);
        if (checked.has(path)) continue;
        checked.add(path);
        const size = await stat(path).then(
          (info) => info.size,
          () => undefined,
        );
        if (size === undefined) damage.push({ file: path, problem: `missing (step ${step.index} shows it)` });
        else if (size === 0) damage.push({ file: path, problem: `empty (step ${step.index} shows it)` });
      }
    }
  }
  return dedupe(damage).map((item) => ({ ...item, trajectoryId: id, finished }));
}

function dedupe(damage: Damage[]): Damage[] {
  const seen = new Set<string>();
  return damage.filter((item) => {
    const key = damageLine(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function readJson(file: string): Promise<{ value: unknown } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { problem: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

async function jsonProblem(file: string, schema: z.ZodType<unknown>): Promise<string | undefined> {
  if (!existsSync(file)) return 'missing';
  const read = await readJson(file);
  if ('problem' in read) return read.problem;
  const parsed = schema.safeParse(read.value);
  return parsed.success ? undefined : describeIssue(parsed.error);
}

async function jsonLinesDamage(file: string, schema: z.ZodType<unknown>, _options: { finished: boolean }): Promise<Damage[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return [{ file, problem: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` }];
  }
  const damage: Damage[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      // A torn last line is an interrupted append: readers drop it and say so; it is not damage.
      if (index === lines.length - 1 && !text.endsWith('\n')) continue;
      damage.push({ file, line: index + 1, problem: 'not JSON' });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) damage.push({ file, line: index + 1, problem: describeIssue(parsed.error) });
  }
  return damage;
}

async function parsedSteps(file: string): Promise<Step[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const steps: Step[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = StepSchema.safeParse(JSON.parse(line));
      if (parsed.success) steps.push(parsed.data);
    } catch {
      // reported by jsonLinesDamage
    }
  }
  return steps;
}
