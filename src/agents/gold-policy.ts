import type { Action, ResolvedElement } from '../core/action.js';
import type { Observation } from '../core/observation.js';
import type { Rng } from '../core/random.js';
import type { Step } from '../core/step.js';
import type { StepRange } from '../core/task.js';
import { regroundAction, slip } from './heuristic/index.js';
import type { EpisodePolicy, PolicyDecision, PolicyStepInput } from './policy.js';

/** One recorded gold step to replay. */
export interface GoldStep {
  /** Index in the chain's steps.jsonl. */
  index: number;
  action: Action;
  recordedOk: boolean;
  recordedError?: string;
  /** Origin of the page the step was recorded on, to rebase absolute URLs onto a new server. */
  recordedOrigin?: string;
}

/**
 * The gold steps of levels 1..k: the chain's steps in the level's range, in order. A `done` in the
 * middle closed an earlier subtask and is not replayed (the episode ends with one final `done`).
 */
export function goldSteps(steps: readonly Step[], range: StepRange): GoldStep[] {
  return steps
    .filter((step) => step.index >= range.start && step.index < range.end && step.executed.action.type !== 'done')
    .map((step) => ({
      index: step.index,
      action: withResolvedIdentity(step.executed.action, step.executed.element),
      recordedOk: step.executed.outcome.ok,
      ...(step.executed.outcome.ok ? {} : { recordedError: step.executed.outcome.error }),
      ...originOf(step.before.url),
    }));
}

export interface GoldPolicyOptions {
  /** Probability per step of a seeded slip (noisy-gold); 0 replays exactly. */
  slipRate?: number;
  /** Per step instead (its index in steps.jsonl; undefined for the final answer): noisy-gold's per-kind rates. */
  slipRateOf?: (stepIndex: number | undefined) => number;
  /**
   * A slip is a failure at that step: the policy stops there (`done` without an answer) instead of
   * acting out a plausible wrong variant, so a subtask of n steps succeeds with exactly (1−r)^n. A
   * variant can change nothing the checker reads (a quantity already at the chosen value, a field it
   * does not check), which makes the rate an agent shows lower than the one it was given.
   */
  slipStops?: boolean;
  rng?: Rng;
}

/**
 * Replays gold steps re-grounded on the live page (role and name, then ref, then point, as the
 * executor does), then says `done` with the recorded answer. With a slip rate it is the noisy-gold
 * baseline: each step may slip the way the heuristic executor's steps do (a neighbouring option, a
 * typo, the next element of the same kind) or, where none fits, be left out; seeded, so success
 * falls with the number of steps. With `slipStops`, a slip ends the episode there instead.
 */
export class GoldPolicy implements EpisodePolicy {
  private position = 0;
  /** The gold step the last decision replayed (undefined for the final `done`). */
  lastGoldStep: GoldStep | undefined;
  /** Gold steps replayed with a slip. */
  readonly slips: number[] = [];

  constructor(
    private readonly steps: readonly GoldStep[],
    private readonly answer: string | undefined,
    private readonly options: GoldPolicyOptions = {},
  ) {}

  async next(input: PolicyStepInput): Promise<PolicyDecision> {
    const step = this.steps[this.position];
    const { rng } = this.options;
    const rateOf = (stepIndex: number | undefined) => this.options.slipRateOf?.(stepIndex) ?? this.options.slipRate ?? 0;
    if (!step) {
      this.lastGoldStep = undefined;
      // Reporting the answer is a step too: a slip there leaves it out.
      const slipRate = rateOf(undefined);
      const slipped = this.answer !== undefined && slipRate > 0 && rng !== undefined && rng.next() < slipRate;
      return { kind: 'action', action: this.answer === undefined || slipped ? { type: 'done' } : { type: 'done', answer: this.answer } };
    }
    this.position += 1;
    this.lastGoldStep = step;
    const intended = groundGoldStep(step, input.observation);
    const slipRate = rateOf(step.index);
    if (slipRate > 0 && rng && rng.next() < slipRate) {
      this.slips.push(step.index);
      if (this.options.slipStops) {
        this.position = this.steps.length;
        this.lastGoldStep = undefined;
        return { kind: 'action', action: { type: 'done' } };
      }
      const slipped = slip(intended, input.observation, rng);
      // A step with no plausible variant (a link, a scroll) slips by being left out.
      return slipped !== intended ? { kind: 'action', action: slipped } : this.next(input);
    }
    return { kind: 'action', action: intended };
  }
}

/**
 * A recorded step's action as it is to be done on the live page: an absolute navigation moved to the
 * live server, the target re-grounded by role and name (then ref, then point), a stale ref dropped.
 */
export function groundGoldStep(step: Pick<GoldStep, 'action' | 'recordedOrigin'>, observation: Observation): Action {
  const origin = new URL(observation.url).origin;
  return withoutStaleRef(regroundAction(rebase(step.action, step.recordedOrigin, origin), observation), observation);
}

/**
 * A target named only by ref (as model executors often act) gets the role and name of the element
 * it resolved to when recorded, so the replay finds that element by role and name, not by a ref that
 * meant something on the recorded page only.
 */
function withResolvedIdentity(action: Action, element: ResolvedElement | undefined): Action {
  if (!('target' in action) || !action.target || action.target.name || !element?.role || !element.name || element.groundedBy === 'point')
    return action;
  return { ...action, target: { ...action.target, role: element.role, name: element.name } } as Action;
}

/**
 * A recorded ref is trusted on the live page only when it names an element of the same role and
 * name there; otherwise it is dropped and the recorded point is the last resort (a renamed element,
 * such as a folder link whose unread count changed, usually sits where it was).
 */
function withoutStaleRef(action: Action, observation: Observation): Action {
  if (!('target' in action) || !action.target?.ref) return action;
  const { target } = action;
  const live = observation.elements.find((element) => element.ref === target.ref);
  if (live && (target.role === undefined || live.role === target.role) && (target.name === undefined || live.name === target.name))
    return action;
  const { ref: _stale, ...rest } = target;
  return { ...action, target: rest } as Action;
}

/** Points an absolute navigation at the recording's server to the same path on the live one. */
function rebase(action: Action, recordedOrigin: string | undefined, liveOrigin: string): Action {
  if (action.type !== 'navigate' || !recordedOrigin) return action;
  try {
    const url = new URL(action.url, recordedOrigin);
    if (url.origin !== recordedOrigin) return action;
    return { ...action, url: new URL(url.pathname + url.search + url.hash, liveOrigin).toString() };
  } catch {
    return action;
  }
}

function originOf(url: string): { recordedOrigin?: string } {
  try {
    return { recordedOrigin: new URL(url).origin };
  } catch {
    return {};
  }
}
