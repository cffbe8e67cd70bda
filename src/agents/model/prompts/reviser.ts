import type { ExecutedAction } from '../../../core/action.js';
import { predicatesGuide } from './predicates-guide.js';

export function reviserSystem(hasStateProbe: boolean): string {
  return `A computer-use agent was given a task and did not complete it. Say what its actions actually achieved, as a task of its own that those same actions complete (AgentSynth's relabelling of failed attempts).
If nothing meaningful changed (no record created or changed, no useful page reached, no value found), answer achieved=false.
Otherwise write the achieved task as a user would ask for it, with exact names and values, list its constants in "entities", and give predicates that were FALSE before the attempt and are TRUE now.
${predicatesGuide(hasStateProbe)}`;
}

export function reviserUser(task: string, actions: readonly ExecutedAction[], stateChanges: string, snapshotChange: string): string {
  const lines = [`Original task (not completed): ${task}`, 'Actions taken:'];
  actions.forEach((executed, index) =>
    lines.push(`${index + 1}. ${JSON.stringify(executed.action)} → ${executed.outcome.ok ? 'ok' : `failed: ${executed.outcome.error}`}`),
  );
  if (actions.length === 0) lines.push('(none)');
  if (stateChanges) lines.push(`State changes (ground truth):\n${stateChanges}`);
  lines.push(`Accessibility snapshot change (- before, + after):\n${snapshotChange || '(no change)'}`);
  return lines.join('\n');
}
