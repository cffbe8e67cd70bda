import { TrajsynthError } from '../../core/errors.js';
import { missingConstants } from '../summary-constants.js';
import type { SummarizeInput, Summarizer } from '../roles.js';
import { ensurePeriod, lowerFirst, upperFirst } from './phrasing.js';

const OPENERS = [['First,'], ['Start by'], ['To begin,']] as const;
const MIDDLES = ['Then', 'Next,', 'After that,', 'Once that is done,'];
const CLOSERS = ['Finally,', 'Lastly,', 'To finish,'];

/**
 * Composes subtasks 1..k into one instruction with connectives, keeping each subtask's text (and so
 * every constant) verbatim apart from the case of its first letter. Verified mechanically.
 */
export class HeuristicSummarizer implements Summarizer {
  readonly id = 'heuristic-summarizer';

  async summarize(input: SummarizeInput): Promise<string> {
    const descriptions = input.subtasks.map((subtask) => ensurePeriod(subtask.description));
    let summary: string;
    if (descriptions.length === 1) {
      summary = descriptions[0]!;
    } else {
      summary = descriptions
        .map((description, index) => {
          const connective =
            index === 0
              ? input.rng.pick(OPENERS)[0]
              : index === descriptions.length - 1
                ? input.rng.pick(CLOSERS)
                : input.rng.pick(MIDDLES);
          const body = connective === 'Start by' ? gerund(description) : lowerFirst(description);
          return `${connective} ${body}`;
        })
        .join(' ');
    }
    const missing = missingConstants(summary, input.subtasks);
    if (missing.length) {
      throw new TrajsynthError(`Expected the summary to keep every constant, missing ${missing.map((m) => JSON.stringify(m)).join(', ')}`, {
        code: 'INTERNAL',
      });
    }
    return summary;
  }
}

/** "Create a task …" → "creating a task …"; sentences that do not start with a verb get "doing this: …". */
function gerund(sentence: string): string {
  // "Please favorite “X”." → "favoriting “X”.": the courtesy goes, the request stays.
  const polite = /^Please\s+(?=[a-z])/.exec(sentence);
  if (polite) return gerund(upperFirst(sentence.slice(polite[0].length)));
  const match = /^([A-Z][a-z]+)(\b.*)$/s.exec(sentence);
  if (!match) return `doing this: ${sentence}`;
  const verb = match[1]!.toLowerCase();
  const irregular: Record<string, string> = {
    go: 'going',
    open: 'opening',
    visit: 'visiting',
    edit: 'editing',
    submit: 'submitting',
    cancel: 'cancelling',
  };
  // One-syllable verbs ending consonant-vowel-consonant double the last letter (star → starring).
  const doubles = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb);
  const ing =
    irregular[verb] ??
    (doubles ? `${verb}${verb.at(-1)}ing` : verb.endsWith('e') && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : `${verb}ing`);
  if (['what', 'how', 'which', 'who', 'when', 'where', 'in', 'using', 'the', 'a'].includes(verb)) {
    return `doing this: ${sentence}`;
  }
  return `${ing}${match[2]}`;
}
