import type { ExecutedAction } from '../../../core/action.js';

export function judgeSystem(): string {
  return `You judge whether a computer-use agent completed a task in a web app. You see the task, the actions the agent took with their outcomes, the screen before and after, and how the accessibility snapshot changed.
Judge only by the evidence: the task is complete when the final state shows its effect (or, for a question, the agent's answer states the value shown on the page). Partial work, the wrong item, or an error message means not complete.
Call the verdict tool with success, a confidence between 0 and 1, and short reasons that cite what you saw.`;
}

export function judgeUser(task: string, actions: readonly ExecutedAction[], answer: string | undefined, snapshotChange: string): string {
  const lines = [`Task: ${task}`, 'Actions:'];
  if (actions.length === 0) lines.push('(none)');
  actions.forEach((executed, index) =>
    lines.push(`${index + 1}. ${JSON.stringify(executed.action)} → ${executed.outcome.ok ? 'ok' : `failed: ${executed.outcome.error}`}`),
  );
  if (answer !== undefined) lines.push(`Agent's answer: ${JSON.stringify(answer)}`);
  lines.push(`Accessibility snapshot change (- before, + after):\n${snapshotChange || '(no change)'}`);
  lines.push('The first image is the screen before, the second after.');
  return lines.join('\n');
}
