import type { ChainRecord } from '../core/chain.js';
import type { Step } from '../core/step.js';
import type { Subtask } from '../core/task.js';
import { normalizedEquals } from '../core/text-match.js';
import type { SampleStep, TrajectorySample } from './sample.js';

type Sample = Omit<TrajectorySample, 'split'>;

export interface RetrySampleOptions {
  runId: string;
  chain: ChainRecord;
  steps: readonly Step[];
  /** The accessibility snapshot seen before a step (to tell whether two attempts started on the same page). */
  snapshotBefore: (step: Step) => Promise<string>;
  /** Builds a sample step (paths, URL normalisation) as the level samples do. */
  sampleStep: (step: Step, subtaskIndex: number, attempt: 'accepted' | 'failed') => SampleStep;
  /** The sample fields a chain gives every sample (environment, seeds, viewport, ...). */
  base: Pick<
    Sample,
    'runId' | 'kind' | 'chainId' | 'sourceRunId' | 'environment' | 'envSeed' | 'startPath' | 'persona' | 'viewport' | 'startedAt'
  >;
  finalOf: (step: Step) => Pick<Sample, 'finalScreenshotPath' | 'finalUrl' | 'finalTitle'>;
}

/** Refs are renumbered between snapshots of the same page; the page is the same if all else is. */
function withoutRefs(snapshot: string): string {
  return snapshot.replace(/\s*\[ref=e\d+\]/g, '');
}

/**
 * A subtask the chain tried again after a failed attempt, as two samples of one task from one start
 * state: the accepted retry (success) and the failed first attempt (failure), sharing a `pairKey`.
 * Only a retry of the same task counts (same description), only when the failed attempt left the page
 * as it found it (same snapshot, refs aside), and never an attempt the reviser relabelled (that attempt
 * is the accepted subtask, not a failure).
 */
export async function retrySamples(options: RetrySampleOptions): Promise<{ samples: Sample[]; differentStart: number }> {
  const { chain } = options;
  const samples: Sample[] = [];
  let differentStart = 0;
  const stepsOf = (subtask: Subtask) => options.steps.filter((step) => step.index >= subtask.steps.start && step.index < subtask.steps.end);
  for (const [position, failed] of chain.subtasks.entries()) {
    if (failed.status !== 'failed') continue;
    if (chain.subtasks.some((other) => other.revisedFrom === failed.id && other.status === 'accepted')) continue;
    const retry = chain.subtasks
      .slice(position + 1)
      .find((other) => other.status === 'accepted' && normalizedEquals(other.description, failed.description));
    if (!retry) continue;
    const failedSteps = stepsOf(failed);
    const retrySteps = stepsOf(retry);
    if (failedSteps.length === 0 || retrySteps.length === 0) continue;
    if (withoutRefs(await options.snapshotBefore(failedSteps[0]!)) !== withoutRefs(await options.snapshotBefore(retrySteps[0]!))) {
      differentStart += 1;
      continue;
    }
    const pairKey = `${options.runId}/${chain.chainId}/${retry.id}`;
    const attempt = (subtask: Subtask, steps: Step[], success: boolean): Sample => ({
      ...options.base,
      id: `${options.runId}/${chain.chainId}/${subtask.id}`,
      level: retry.level ?? 1,
      interactions: [retry.interaction],
      task: retry.description,
      subtaskTexts: [retry.description],
      checker: retry.predicates,
      entities: retry.entities,
      ...(success && retry.answer !== undefined ? { answer: retry.answer } : {}),
      steps: steps
        .filter((step) => step.executed.action.type !== 'done')
        .map((step) => options.sampleStep(step, 0, success ? 'accepted' : 'failed')),
      ...options.finalOf(steps.at(-1)!),
      outcome: { success, progress: success ? 1 : 0 },
      pairKey,
    });
    samples.push(attempt(retry, retrySteps, true), attempt(failed, failedSteps, false));
  }
  return { samples, differentStart };
}
