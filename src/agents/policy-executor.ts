import { runPolicy, type PolicyRun } from './policy-loop.js';
import type { EpisodePolicy } from './policy.js';
import type { Attempt, ExecuteInput, Executor } from './roles.js';

/**
 * A synthesis executor made of a policy: one policy per subtask, driven by the policy loop until
 * `done`, the step limit, or an invalid answer (a model that cannot answer validly after its repair
 * turn ends the attempt).
 */
export class PolicyExecutor implements Executor {
  constructor(
    readonly id: string,
    private readonly policyFor: (task: string) => EpisodePolicy,
  ) {}

  async run(input: ExecuteInput): Promise<Attempt> {
    const run = await runPolicy({
      policy: this.policyFor(input.proposal.description),
      session: input.session,
      observation: input.observation,
      maxSteps: input.maxSteps,
      maxInvalidInARow: 1,
      recordStep: input.recordStep,
      ...(input.recorder ? { recorder: input.recorder } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    return attemptOf(run, input.maxSteps);
  }
}

/** A policy run as a synthesis attempt. */
export function attemptOf(run: PolicyRun, maxSteps: number): Attempt {
  const stoppedBecause =
    run.endedBy === 'step-limit'
      ? `step limit (${maxSteps}) reached`
      : run.endedBy === 'invalid-actions'
        ? run.invalid[run.invalid.length - 1]?.error
        : undefined;
  return {
    stepCount: run.actions.length,
    actions: run.actions,
    finalObservation: run.finalObservation,
    ...(run.answer !== undefined ? { answer: run.answer } : {}),
    ...(stoppedBecause ? { stoppedBecause } : {}),
  };
}
