import type { Subtask } from '../../../core/task.js';

export function summarizerSystem(): string {
  return `You merge a chain of subtasks, done in order in one web app, into ONE natural instruction for a computer-use agent, as a user would give it.
Keep every constant exactly as written (names, numbers, dates, typed values, quoted text): they are checked mechanically. Keep the order. Refer back to earlier items naturally ("that task", "the same project") but never drop a constant. Do not add steps. If a subtask asks for a value, ask for it too.`;
}

export function summarizerUser(subtasks: readonly Subtask[], missing?: readonly string[]): string {
  const lines = ['Subtasks, in order:'];
  subtasks.forEach((subtask, index) => lines.push(`${index + 1}. ${subtask.description}`));
  lines.push(
    `Constants that must appear verbatim: ${[...new Set(subtasks.flatMap((subtask) => subtask.entities))].map((entity) => JSON.stringify(entity)).join(', ') || '(none)'}`,
  );
  if (missing && missing.length > 0)
    lines.push(`Your previous summary left out: ${missing.map((entity) => JSON.stringify(entity)).join(', ')}.`);
  return lines.join('\n');
}
