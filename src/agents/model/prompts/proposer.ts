import type { Subtask } from '../../../core/task.js';
import type { Persona } from '../../personas.js';
import { predicatesGuide } from './predicates-guide.js';

export interface ProposerPromptInput {
  persona: Persona;
  hasStateProbe: boolean;
  followUp: boolean;
  accepted: readonly Subtask[];
  /** Descriptions of tasks that failed or were already true here: do not propose them again. */
  avoid: readonly string[];
  retry: number;
  /** An aimed run's weights on interaction kinds: the kinds weighted above 1 are the ones to prefer. */
  kindWeights?: Readonly<Record<string, number>>;
}

/** System prompt for the proposer and the follow-up proposer (stable across a run: cached). */
export function proposerSystem(input: Pick<ProposerPromptInput, 'hasStateProbe' | 'followUp'>): string {
  return `You propose tasks for a computer-use agent working in a web app, to build a benchmark of chained tasks.
${input.followUp ? 'You write the NEXT subtask of a chain: it must build on what the earlier subtasks created, changed or found (the same record, its page, a value read earlier), not start something unrelated.' : 'You write the FIRST subtask of a chain.'}
A good subtask: a single goal a person with this role would really have, doable on this page or one or two clicks away in a few actions (at most about 8), grounded in elements you can see, with exact names and values. Vary the kind of interaction (forms, toggles, selects, item actions such as archive or delete, navigation, search, reading a value).
Describe it as the user would ask for it, in one or two sentences, without element refs or CSS; quote names with “ ”.
List every constant the description mentions (names, numbers, dates, values typed) in "entities", spelled as in the description.
Give a checker as "predicates":
${predicatesGuide(input.hasStateProbe)}`;
}

/** The varying part: persona, the chain so far, what to avoid. The page follows as screenshot + snapshot. */
export function proposerUser(input: ProposerPromptInput): string {
  const lines = [`You are proposing as ${input.persona.name}: ${input.persona.description}`];
  if (input.accepted.length > 0) {
    lines.push('Subtasks done so far in this chain, in order:');
    input.accepted.forEach((subtask, index) =>
      lines.push(`${index + 1}. ${subtask.description}${subtask.answer ? ` (answer: ${subtask.answer})` : ''}`),
    );
  }
  if (input.avoid.length > 0) lines.push(`Do not propose these again: ${input.avoid.map((text) => JSON.stringify(text)).join('; ')}.`);
  const preferred = Object.entries(input.kindWeights ?? {})
    .filter(([, weight]) => weight > 1.5)
    .sort((a, b) => b[1] - a[1])
    .map(([kind]) => kind);
  if (preferred.length > 0)
    lines.push(
      `This dataset aims at interactions the agent under study finds hard: when the page allows it, prefer a task of kind ${preferred.join(' or ')} (the "interaction" field).`,
    );
  if (input.retry > 0) lines.push(`Attempt ${input.retry + 1} at this step: earlier proposals failed, so propose something simpler.`);
  lines.push('Propose one task for the page below by calling propose_task.');
  return lines.join('\n');
}
