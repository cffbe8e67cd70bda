import type { Subtask } from '../core/task.js';

/**
 * Summaries must keep every constant (names, numbers, dates) of their subtasks. Returns the
 * constants missing from `summary`, compared exactly; an empty list means the summary is faithful.
 */
export function missingConstants(summary: string, subtasks: readonly Pick<Subtask, 'entities'>[]): string[] {
  const constants = new Set(subtasks.flatMap((subtask) => subtask.entities));
  return [...constants].filter((constant) => constant.trim() !== '' && !summary.includes(constant));
}
