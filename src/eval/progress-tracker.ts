import type { Predicate } from '../core/predicate.js';

/** Evaluates predicates on the live episode, with the agent's final answer once there is one. */
export type EvaluatePredicates = (predicates: readonly Predicate[], answer: string | undefined) => Promise<boolean[]>;

/**
 * Partial credit by subtask: `progress` is the number of subtasks 1..j whose postconditions became
 * true in order. After every step the next uncredited subtask's postcondition is evaluated; when it
 * holds it is credited and the one after it is tried at the same moment, and so on (greedy, which
 * finds the longest in-order prefix).
 *
 * Exact for subtasks whose postconditions are state or page predicates: each is seen at the first
 * step after which it holds. Approximate in two places:
 * - An answer predicate can only be judged against the agent's final answer, so a read subtask in
 *   the middle is credited at the end, if the final answer contains its value; later subtasks are
 *   then credited only if their postconditions still hold at the end.
 * - A postcondition on a transient page (a URL, an unsubmitted form value) counts if it held after
 *   some step, even if a later step undid it.
 */
export class ProgressTracker {
  private credited = 0;
  /** Steps taken when each credited subtask's postcondition became true. */
  readonly milestones: number[] = [];

  constructor(
    private readonly subtaskChecks: readonly (readonly Predicate[])[],
    private readonly evaluate: EvaluatePredicates,
  ) {}

  /** Whether progress can be scored (the task carries its subtasks' postconditions). */
  get scored(): boolean {
    return this.subtaskChecks.length > 0;
  }

  get progress(): number {
    return this.credited;
  }

  /** After a step (`stepsTaken` steps so far); `answer` once the agent gave its final one. */
  async update(stepsTaken: number, answer?: string): Promise<void> {
    while (this.credited < this.subtaskChecks.length) {
      const predicates = this.subtaskChecks[this.credited]!;
      if (answer === undefined && predicates.some((predicate) => predicate.kind === 'answer')) return;
      const values = await this.evaluate(predicates, answer);
      if (values.length === 0 || !values.every(Boolean)) return;
      this.credited += 1;
      this.milestones.push(stepsTaken);
    }
  }

  /** A successful episode completed every subtask, whatever order the agent took. */
  creditAll(stepsTaken: number): void {
    while (this.credited < this.subtaskChecks.length) {
      this.credited += 1;
      this.milestones.push(stepsTaken);
    }
  }
}
