import type { EvalTask } from '../core/eval.js';
import type { EpisodePolicy, EpisodeStart } from '../agents/policy.js';

/**
 * An agent under evaluation. It is told the task text and sees observations; the checker, the
 * subtasks' postconditions and the probe stay with the harness (only the gold baselines read the
 * recorded trajectory, which is what they are).
 */
export interface EvalAgent {
  /** The `--agent` spec, e.g. `gold`, `noisy-gold:0.05`, `http://127.0.0.1:8000/act`. */
  readonly spec: string;
  startEpisode(start: EpisodeStart, task: EvalTask): Promise<EpisodePolicy>;
  /** The fewest steps the agent needs on a task, when it knows (gold replays need their length). */
  minimumSteps?(task: EvalTask): Promise<number>;
  /** Releases what the agent holds; called once at the end of the evaluation. */
  close?(): Promise<void>;
}
