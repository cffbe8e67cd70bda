import type { ChainRecord } from '../core/chain.js';
import { addUsage, emptyUsage, usageOfCall, type ModelCall, type Usage } from '../core/usage.js';

/**
 * Where a chain's model spending goes. A call's tokens and cost wait as pending until the subtask
 * they served is recorded (`take`); what no subtask keeps (a proposal refused or invalid, a level's
 * summary, a checker evaluated at the reset) becomes the chain's overhead. Totals are the subtasks'
 * usage plus the overhead, so every call is counted once.
 */
export class ChainCost {
  private pending: Usage = emptyUsage();
  private overhead: Usage;

  constructor(overhead: Usage | undefined) {
    this.overhead = overhead ?? emptyUsage();
  }

  /** A metered call, waiting to be attributed (its `calls` count is the role invocation's, not this). */
  add(call: ModelCall): void {
    this.pending = addUsage(this.pending, { ...usageOfCall(call), calls: 0 });
  }

  /** What waits, for the subtask it served. */
  take(): Usage {
    const taken = this.pending;
    this.pending = emptyUsage();
    return taken;
  }

  /** What waits goes to the chain's overhead. */
  toOverhead(): void {
    this.overhead = addUsage(this.overhead, this.take());
  }

  /** Writes the record's overhead and total usage. */
  totals(record: ChainRecord): void {
    record.overhead = this.overhead;
    record.usage = addUsage(
      record.subtasks.reduce((total, subtask) => addUsage(total, subtask.usage), emptyUsage()),
      this.overhead,
    );
  }
}
