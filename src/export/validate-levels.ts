import type { ChainRecord } from '../core/chain.js';
import { describePredicate, isStatePredicate, type Predicate } from '../core/predicate.js';
import type { StepRange, Subtask } from '../core/task.js';
import { missingConstants } from '../agents/summary-constants.js';
import type { ProblemList } from './validation-problem.js';

/** A level-k task's identity for the duplicate check. */
export interface TaskIdentity {
  environment: string;
  startPath: string;
  task: string;
  /** "c0003 L2", for the message. */
  label: string;
  file: string;
  field: string;
}

/**
 * Checks a chain's level-k tasks: levels in order, each naming k accepted subtasks of the chain; a
 * gold range inside the chain's steps that holds every step of those subtasks; a checker that is not
 * empty and uses state predicates only where the environment has a probe; a summary that keeps every
 * constant of its subtasks.
 */
export function checkChainLevels(
  problems: ProblemList,
  chainFile: string,
  chain: ChainRecord,
  stepCount: number,
  hasStateProbe: boolean,
): void {
  let previous = 0;
  chain.levels.forEach((level, position) => {
    const at = `levels[${position}]`;
    if (level.level <= previous)
      problems.add(chainFile, `Expected levels in increasing order, got level ${level.level} after level ${previous}`, {
        field: `${at}.level`,
      });
    previous = level.level;
    checkGold(problems, chainFile, at, level.gold, stepCount);
    if (level.subtaskIds.length !== level.level) {
      problems.add(chainFile, `Expected ${level.level} subtask(s) for level ${level.level}, got ${level.subtaskIds.length}`, {
        field: `${at}.subtaskIds`,
      });
    }
    const subtasks: Subtask[] = [];
    level.subtaskIds.forEach((id, index) => {
      const subtask = chain.subtasks.find((candidate) => candidate.id === id);
      if (!subtask)
        return problems.add(chainFile, `Expected the id of one of the chain's subtasks, got "${id}"`, {
          field: `${at}.subtaskIds[${index}]`,
        });
      if (subtask.status !== 'accepted')
        problems.add(chainFile, `Expected an accepted subtask, got "${id}" (${subtask.status})`, { field: `${at}.subtaskIds[${index}]` });
      if (!inside(subtask.steps, level.gold)) {
        problems.add(
          chainFile,
          `Expected the steps of subtask ${id} (${rangeText(subtask.steps)}) inside the gold range ${rangeText(level.gold)}`,
          { field: `${at}.gold` },
        );
      }
      subtasks.push(subtask);
    });
    checkChecker(problems, chainFile, `${at}.checker`, level.checker, hasStateProbe);
    (level.subtaskChecks ?? []).forEach((check, index) =>
      checkChecker(problems, chainFile, `${at}.subtaskChecks[${index}]`, check, hasStateProbe),
    );
    const missing = missingConstants(level.task, subtasks);
    if (missing.length > 0) {
      problems.add(
        chainFile,
        `Expected the summary to keep every constant of its subtasks, missing ${missing.map((constant) => JSON.stringify(constant)).join(', ')}`,
        { field: `${at}.task` },
      );
    }
  });
}

function checkGold(problems: ProblemList, file: string, at: string, gold: StepRange, stepCount: number): void {
  if (!(gold.start < gold.end && gold.end <= stepCount)) {
    problems.add(file, `Expected 0 <= start < end <= ${stepCount} (the chain's steps), got start ${gold.start}, end ${gold.end}`, {
      field: `${at}.gold`,
    });
  }
}

/** A checker is a non-empty list of predicates; state predicates need the environment's probe. */
export function checkChecker(
  problems: ProblemList,
  file: string,
  field: string,
  checker: readonly Predicate[],
  hasStateProbe: boolean,
): void {
  if (checker.length === 0) problems.add(file, 'Expected at least one predicate, got an empty checker (any attempt would pass)', { field });
  if (!hasStateProbe) {
    checker.forEach((predicate, index) => {
      if (isStatePredicate(predicate)) {
        problems.add(
          file,
          `Expected page or answer predicates (the environment has no state probe), got ${predicate.kind}: ${describePredicate(predicate)}`,
          { field: `${field}[${index}]` },
        );
      }
    });
  }
}

/** Gold ranges of level-k tasks, for an evaluation task whose chain is not at hand. */
export function checkGoldShape(problems: ProblemList, file: string, field: string, gold: StepRange): void {
  if (!(gold.start < gold.end)) problems.add(file, `Expected start < end, got start ${gold.start}, end ${gold.end}`, { field });
}

function inside(range: StepRange, gold: StepRange): boolean {
  return range.start >= gold.start && range.end <= gold.end;
}

function rangeText(range: StepRange): string {
  return range.end > range.start ? `steps ${range.start}-${range.end - 1}` : `no steps (${range.start}..${range.end})`;
}

/** Lowercased words only: "Add “Milk”." and "add milk" are the same task. */
export function normalizedTaskText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Same environment, start path and normalized text: the second names the first. */
export function checkDuplicateTasks(problems: ProblemList, tasks: readonly TaskIdentity[]): void {
  const first = new Map<string, TaskIdentity>();
  for (const task of tasks) {
    const key = `${task.environment}\u0000${task.startPath}\u0000${normalizedTaskText(task.task)}`;
    const earlier = first.get(key);
    if (earlier)
      problems.add(
        task.file,
        `Expected each level-k task once, got a duplicate of ${earlier.label} (${problems.relative(earlier.file)}: ${earlier.field}): same environment, start path and text`,
        { field: task.field },
      );
    else first.set(key, task);
  }
}
