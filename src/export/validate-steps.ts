import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { StepSchema, type Step } from '../core/step.js';
import type { TrajectoryLayout } from '../store/layout.js';
import type { ProblemList } from './validation-problem.js';

export interface StepLine {
  /** 1-based line in steps.jsonl. */
  line: number;
  step: Step;
}

/** Where a screenshot is first referenced, so a decode problem names that step line and field. */
export interface ScreenshotReference {
  path: string;
  stepsFile: string;
  line: number;
  field: string;
}

/**
 * The steps.jsonl lines that parse, with their line numbers. Lines that do not parse are left to
 * `findRunDamage`, which names them.
 */
export async function readStepLines(stepsFile: string): Promise<StepLine[]> {
  const text = await readFile(stepsFile, 'utf8').catch(() => '');
  const lines: StepLine[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const parsed = StepSchema.safeParse(JSON.parse(line));
      if (parsed.success) lines.push({ line: index + 1, step: parsed.data });
    } catch {
      // not JSON: damage
    }
  });
  return lines;
}

const OBSERVATION_FIELDS = ['before.screenshot', 'before.snapshot', 'after.screenshot', 'after.snapshot'] as const;

/**
 * Checks one trajectory's steps: indexes 0..n-1 in order, as many as its record counts, and every
 * screenshot and snapshot a step names exists inside the trajectory's directory and is not empty.
 * Returns the screenshots to decode, each with its first reference.
 */
export async function checkSteps(
  problems: ProblemList,
  files: TrajectoryLayout,
  lines: readonly StepLine[],
  recordedCount: { count: number; file: string } | undefined,
): Promise<ScreenshotReference[]> {
  lines.forEach(({ line, step }, position) => {
    if (step.index !== position)
      problems.add(files.stepsFile, `Expected step index ${position} (indexes run 0..n-1 in order), got ${step.index}`, {
        line,
        field: 'index',
      });
  });
  if (recordedCount && recordedCount.count !== lines.length) {
    problems.add(recordedCount.file, `Expected ${lines.length} (the steps in steps.jsonl), got ${recordedCount.count}`, {
      field: 'stepCount',
    });
  }
  const seen = new Set<string>();
  const screenshots: ScreenshotReference[] = [];
  const root = resolve(files.dir);
  for (const { line, step } of lines) {
    for (const field of OBSERVATION_FIELDS) {
      const [side, kind] = field.split('.') as ['before' | 'after', 'screenshot' | 'snapshot'];
      const name = step[side][kind];
      const path = resolve(join(files.dir, name));
      if (seen.has(path)) continue;
      seen.add(path);
      if (relative(root, path).startsWith('..')) {
        problems.add(files.stepsFile, `Expected a path inside the trajectory's directory, got ${name}`, { line, field });
        continue;
      }
      const size = await stat(path).then(
        (info) => (info.isFile() ? info.size : -1),
        () => undefined,
      );
      if (size === undefined) problems.add(files.stepsFile, `${name} does not exist`, { line, field });
      else if (size < 0) problems.add(files.stepsFile, `${name} is not a file`, { line, field });
      else if (size === 0) problems.add(files.stepsFile, `${name} is empty`, { line, field });
      else if (kind === 'screenshot') screenshots.push({ path, stepsFile: files.stepsFile, line, field });
    }
  }
  return screenshots;
}
