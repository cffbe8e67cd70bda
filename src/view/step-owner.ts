import type { ChainRecord } from '../core/chain.js';
import type { Step } from '../core/step.js';
import type { StepView } from './site-model.js';

/**
 * Which subtask each of a chain's steps serves: its own, or, for the steps of a failed attempt that
 * the reviser relabelled, the accepted revision (the steps are the same; the description is what
 * they really did). Steps of a failed attempt nobody relabelled stay `failed`.
 */
export function stepOwners(
  chain: Pick<ChainRecord, 'subtasks'>,
): (step: Step) => { id: string; position: number; attempt: StepView['attempt'] } {
  const revisedAs = new Map(
    chain.subtasks
      .filter((subtask) => subtask.revisedFrom && subtask.status === 'accepted')
      .map((subtask) => [subtask.revisedFrom!, subtask.id]),
  );
  const position = new Map(chain.subtasks.map((subtask, index) => [subtask.id, index]));
  const status = new Map(chain.subtasks.map((subtask) => [subtask.id, subtask.status]));
  return (step) => {
    const id = revisedAs.get(step.subtaskId) ?? step.subtaskId;
    return { id, position: position.get(id) ?? 0, attempt: status.get(id) === 'failed' ? 'failed' : 'accepted' };
  };
}
