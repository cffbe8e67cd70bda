/**
 * A jury of model judges: several `anthropic:MODEL` / `openai:MODEL` specs asked the same question,
 * their verdicts combined by majority. The rule, shared by evaluation and synthesis:
 *
 * - each juror has one seat; a juror that gave no valid verdict abstains, and its seat is not a "yes";
 * - the jury says success when more than half of its seats say success, so a tie fails;
 * - the jury is split when at least one juror says success and at least one does not (abstentions
 *   included): where no probe decides, a split jury's subtask goes to human review, not into the chain.
 */

/** A judge spec as flags and configs spell it. */
export const JUDGE_SPEC_PATTERN = /^(anthropic|openai):\S+$/;

/** How the jury's votes fell, and what it decided. */
export interface JuryTally {
  jurors: number;
  successes: number;
  failures: number;
  abstentions: number;
  /** More than half of the seats said success (a tie fails). */
  success: boolean;
  /** Jurors did not all say the same (an abstention counts as not saying success). */
  split: boolean;
}

/** Combines jurors' votes (true, false, or undefined for no valid verdict) by majority; ties fail. */
export function tallyJury(votes: ReadonlyArray<boolean | undefined>): JuryTally {
  if (votes.length === 0) throw new RangeError('Expected at least one juror, got none');
  const successes = votes.filter((vote) => vote === true).length;
  const failures = votes.filter((vote) => vote === false).length;
  const abstentions = votes.length - successes - failures;
  return {
    jurors: votes.length,
    successes,
    failures,
    abstentions,
    success: successes * 2 > votes.length,
    split: successes > 0 && successes < votes.length,
  };
}

/** The problem with a list of judge specs (empty, malformed, repeated), or undefined when it is fine. */
export function judgeSpecsProblem(specs: readonly string[]): string | undefined {
  const bad = specs.find((spec) => !JUDGE_SPEC_PATTERN.test(spec));
  if (bad !== undefined) return `Expected each judge to be anthropic:MODEL or openai:MODEL, got "${bad}"`;
  const repeated = specs.find((spec, index) => specs.indexOf(spec) !== index);
  if (repeated !== undefined) return `Expected distinct judges, got "${repeated}" twice (one model asked twice says the same)`;
  return undefined;
}

/** Splits repeatable, comma-separated spec flags: ["a:x,b:y", "c:z"] → ["a:x", "b:y", "c:z"]. */
export function splitSpecs(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((spec) => spec.trim())
    .filter(Boolean);
}
