import type { Predicate } from '../core/predicate.js';
import { describePredicate } from '../core/predicate.js';
import { normalizedIncludesWhole } from '../core/text-match.js';

/** Whether every predicate holds on the live episode now (answer predicates are never passed). */
export type HoldsNow = (predicates: readonly Predicate[]) => Promise<boolean>;

/**
 * Progress by subtask: the number of subtasks 1..j whose postconditions held in order. After every
 * step the next uncredited subtask's postcondition is tried; when it holds it is credited and the one
 * after it is tried at the same moment, and so on (greedy, which finds the longest in-order prefix).
 * A postcondition that held after some step keeps its credit if a later step undoes it (a page
 * visited, then left; a filter applied, then cleared).
 *
 * Answer predicates can only be judged against the final answer: during the episode a subtask's
 * answer predicates are taken as met (a read in the middle does not hold up the subtasks after it),
 * and `finish` then checks every credited subtask's answer predicates against the final answer;
 * progress ends before the first subtask whose value the answer lacks.
 */
export class ProgressTracker {
  private credited = 0;
  private finished = false;
  /** Steps taken when each credited subtask's postcondition became true. */
  readonly milestones: number[] = [];

  /**
   * `alreadyCredited`: subtasks completed before the episode being tracked begins (a replay that
   * starts where a recorded chain had done them), credited at step 0.
   */
  constructor(
    private readonly subtaskChecks: readonly (readonly Predicate[])[],
    private readonly holdsNow: HoldsNow,
    alreadyCredited = 0,
  ) {
    this.credited = Math.min(alreadyCredited, subtaskChecks.length);
    this.milestones.push(...new Array<number>(this.credited).fill(0));
  }

  /** Whether progress can be scored (the task carries its subtasks' postconditions). */
  get scored(): boolean {
    return this.subtaskChecks.length > 0;
  }

  get progress(): number {
    return this.credited;
  }

  /** After a step (`stepsTaken` steps so far). */
  async update(stepsTaken: number): Promise<void> {
    if (this.finished) return;
    while (this.credited < this.subtaskChecks.length) {
      const predicates = this.subtaskChecks[this.credited]!.filter((predicate) => predicate.kind !== 'answer');
      if (predicates.length > 0 && !(await this.holdsNow(predicates))) return;
      this.credited += 1;
      this.milestones.push(stepsTaken);
    }
  }

  /**
   * At the end, with the agent's final answer (undefined when it gave none): one last look at the
   * page, then every credited subtask's answer predicates are read from the answer, and progress
   * ends before the first one it lacks.
   */
  async finish(stepsTaken: number, answer: string | undefined): Promise<void> {
    await this.update(stepsTaken);
    this.finished = true;
    this.credited = this.progressWith(answer);
    this.milestones.length = this.credited;
  }

  /** Progress so far if the episode ended now with `answer` (nothing changes). */
  progressWith(answer: string | undefined): number {
    const lacking = this.subtaskChecks
      .slice(0, this.credited)
      .findIndex((predicates) => predicates.some((predicate) => predicate.kind === 'answer' && !answerHolds(predicate, answer)));
    return lacking >= 0 ? lacking : this.credited;
  }

  /** A successful episode of a level decided by its checker alone completed every subtask, in whatever order. */
  creditAll(stepsTaken: number): void {
    while (this.credited < this.subtaskChecks.length) {
      this.credited += 1;
      this.milestones.push(stepsTaken);
    }
  }
}

/** An answer predicate against a final answer (none: not met). */
export function answerHolds(predicate: Extract<Predicate, { kind: 'answer' }>, answer: string | undefined): boolean {
  return answer !== undefined && normalizedIncludesWhole(answer, predicate.includes);
}

/** What decides a level-k task: its checker at the end and, for ordered levels, its subtasks in order. */
export interface LevelDecider {
  checker: readonly Predicate[];
  subtaskChecks: readonly (readonly Predicate[])[];
  ordered?: boolean | undefined;
}

export interface LevelOutcome {
  success: boolean;
  /** Why it failed: the subtask never completed in order, or the checker predicates left unmet. */
  reason?: string;
}

/**
 * The verdict on an episode of a level: the checker must hold at the end and, for an ordered level,
 * every subtask must have been completed in order (`progress`, with the final answer read).
 */
export function decideLevel(level: LevelDecider, checkerAtEnd: readonly boolean[], progress: number): LevelOutcome {
  const unmet = level.checker.filter((_, index) => !checkerAtEnd[index]).map(describePredicate);
  const holds = checkerAtEnd.length > 0 && unmet.length === 0;
  const missing = level.ordered ? level.subtaskChecks[progress] : undefined;
  if (holds && !missing) return { success: true };
  const reasons = [
    ...(missing ? [`subtask ${progress + 1} was never completed in order (${missing.map(describePredicate).join(' AND ')})`] : []),
    ...(holds ? [] : [`at the end, unmet: ${unmet.join('; ')}`]),
  ];
  return { success: false, reason: reasons.join('; ') };
}
