import type { ExecutedAction } from '../core/action.js';
import { addReportedUsage, type AgentReportedUsage } from '../core/agent-protocol.js';
import { throwIfAborted } from '../core/errors.js';
import type { CapturedObservation } from '../core/observation.js';
import type { CallRecorder } from '../model/language-model.js';
import type { EpisodePolicy, PolicyHistoryEntry } from './policy.js';
import type { ActingSession, StepRecord } from './roles.js';

export const DEFAULT_MAX_INVALID_IN_A_ROW = 3;

export interface PolicyLoopInput {
  policy: EpisodePolicy;
  session: ActingSession;
  observation: CapturedObservation;
  /** Decisions the policy may make: executed actions and invalid answers both count. */
  maxSteps: number;
  /** Invalid answers in a row that end the episode as the agent's failure (default 3). */
  maxInvalidInARow?: number;
  /** Record the final `done` as a step of its own, with its answer (evaluation episodes do). */
  recordDone?: boolean;
  /** false: observe without screenshots (replays that only need the accessibility tree). */
  screenshots?: boolean;
  /** Called after every action, before the next decision; the caller persists the step here. */
  recordStep(record: StepRecord): Promise<void>;
  /** Called after each recorded step with the new observation (progress scoring listens here). */
  afterStep?(observation: CapturedObservation, executed: ExecutedAction): Promise<void>;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export interface PolicyRun {
  /** What was executed, in order (the final `done` included when recorded). */
  actions: ExecutedAction[];
  answer?: string;
  endedBy: 'done' | 'step-limit' | 'invalid-actions';
  finalObservation: CapturedObservation;
  invalid: Array<{ step: number; error: string }>;
  history: PolicyHistoryEntry[];
  /** What the policy said it spent (agents that report their own usage). */
  reportedUsage?: AgentReportedUsage;
}

/**
 * Drives a policy through a browser session: observe, decide, execute, record, until the policy says
 * `done`, the step budget is spent, or it answers with something that is not a valid action too many
 * times in a row. A failed action is an observation (its error reaches the policy's next step), not
 * an exception; only an abort or a policy that throws (an unreachable agent endpoint) ends the loop
 * with an error.
 */
export async function runPolicy(input: PolicyLoopInput): Promise<PolicyRun> {
  const { policy, session, signal } = input;
  const maxInvalid = input.maxInvalidInARow ?? DEFAULT_MAX_INVALID_IN_A_ROW;
  const observeOptions = { ...(signal ? { signal } : {}), ...(input.screenshots === false ? { screenshot: false } : {}) };
  const actions: ExecutedAction[] = [];
  const history: PolicyHistoryEntry[] = [];
  const invalid: PolicyRun['invalid'] = [];
  let observation = input.observation;
  let reportedUsage: AgentReportedUsage | undefined;
  let invalidInARow = 0;
  const finish = (endedBy: PolicyRun['endedBy'], answer?: string): PolicyRun => ({
    actions,
    endedBy,
    finalObservation: observation,
    invalid,
    history,
    ...(answer !== undefined ? { answer } : {}),
    ...(reportedUsage ? { reportedUsage } : {}),
  });
  for (let step = 0; step < input.maxSteps; step += 1) {
    throwIfAborted(signal);
    const decision = await policy.next({
      observation,
      history,
      step,
      maxSteps: input.maxSteps,
      ...(input.recorder ? { recorder: input.recorder } : {}),
      ...(signal ? { signal } : {}),
    });
    reportedUsage = addReportedUsage(reportedUsage, decision.usage);
    if (decision.kind === 'invalid') {
      invalid.push({ step, error: decision.error });
      history.push({ step, ok: false, error: decision.error });
      observation = { ...observation, error: decision.error };
      invalidInARow += 1;
      if (invalidInARow >= maxInvalid) return finish('invalid-actions');
      continue;
    }
    invalidInARow = 0;
    const action = decision.action;
    if (action.type === 'done' && !input.recordDone) {
      history.push({ step, action, ok: true });
      return finish('done', action.answer);
    }
    const before = observation;
    const { executed, actionMs } = await session.execute(action, { observation: before, ...(signal ? { signal } : {}) });
    // `done` changes nothing on the page: the observation before it is the one after it.
    const after = action.type === 'done' ? before : await session.observe(observeOptions);
    await input.recordStep({ before, executed, actionMs, after });
    actions.push(executed);
    history.push({ step, action, ok: executed.outcome.ok, ...(executed.outcome.ok ? {} : { error: executed.outcome.error }) });
    observation = after;
    await input.afterStep?.(after, executed);
    if (action.type === 'done') return finish('done', action.answer);
  }
  return finish('step-limit');
}
