import type { ChainRecord } from '../core/chain.js';
import { writeFileAtomic } from './atomic-write.js';
import { chainLayout, type ChainLayout, type RunLayout } from './layout.js';
import { prepareDirectory, TrajectoryWriter } from './trajectory-writer.js';

/** Writes one chain's trajectory as it happens (see TrajectoryWriter), and chain.json atomically. */
export class ChainWriter extends TrajectoryWriter<ChainLayout> {
  /**
   * Starts a chain directory from scratch. A previous incomplete attempt is discarded, except its
   * model calls, which move to the run's interrupted-calls.jsonl: money spent stays on record.
   */
  static async create(run: RunLayout, chainId: string): Promise<ChainWriter> {
    const layout = chainLayout(run, chainId);
    await prepareDirectory(layout, run.interruptedCallsFile);
    return new ChainWriter(layout);
  }

  /** Writes chain.json once the steps and observations queued before it are on disk. */
  async writeChain(record: ChainRecord): Promise<void> {
    await this.drain();
    await writeFileAtomic(this.layout.chainFile, `${JSON.stringify(record, null, 2)}\n`);
  }
}
