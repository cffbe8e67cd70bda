import type { Subtask } from '../core/task.js';
import type { ModelCall } from '../core/usage.js';

/** Progress flows out of the library as events; only the CLI turns them into output. */
export type SynthesisEvent =
  | { type: 'run-started'; runId: string; chains: number; maxLevel: number; resumedChains: number }
  | { type: 'chain-started'; chainId: string; environment: string }
  | { type: 'step'; chainId: string; stepIndex: number; action: string; ok: boolean }
  | { type: 'subtask-finished'; chainId: string; subtask: Pick<Subtask, 'id' | 'status' | 'origin' | 'description'> }
  | { type: 'level-reached'; chainId: string; level: number }
  /** A level not stored: its checker already held at the seeded reset. */
  | { type: 'level-skipped'; chainId: string; level: number }
  | { type: 'chain-finished'; chainId: string; levels: number; stopReason?: string }
  /** The chain ended on an error: `infrastructure` when the harness failed (the chain is redone on --resume). */
  | { type: 'chain-failed'; chainId: string; error: string; infrastructure: boolean }
  /** The chain is redone from its seed after the browser or its renderer crashed under it. */
  | {
      type: 'chain-retry';
      chainId: string;
      attempt: number;
      reason: string;
      /** Where it is redone (default: in a relaunched browser). */ redoneBy?: string;
    }
  | { type: 'model-call'; call: ModelCall; spentUsd: number }
  | { type: 'run-finished'; runId: string; status: 'complete' | 'interrupted' | 'failed' };

export type SynthesisEventListener = (event: SynthesisEvent) => void;
