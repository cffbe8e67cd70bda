import type { Action } from '../core/action.js';
import type { CapturedObservation } from '../core/observation.js';
import type { EnvironmentState } from '../core/environment.js';
import type { PageView } from '../core/observation.js';
import { pageViewOf, readableText } from '../core/page-text.js';
import type { Predicate } from '../core/predicate.js';
import { groundGoldStep, type GoldStep } from '../agents/gold-policy.js';
import type { PipelineSession, SessionFactory } from './chain-runner.js';
import { evaluateOnEpisode, FreshPages, holdsOnEpisode, openAtReset, openAtSnapshot, type TaskStart } from './episode-start.js';
import { decideLevel, ProgressTracker, type LevelOutcome } from './level-check.js';
import type { MutantPlan } from './mutants.js';

/** A level judged on a variant of the chain's gold trajectory, once the variant has done its steps. */
export interface VariantLevel {
  level: number;
  checker: readonly Predicate[];
  subtaskChecks: readonly (readonly Predicate[])[];
  ordered?: boolean | undefined;
  /** Where the level's gold steps end in steps.jsonl (exclusive): it is judged after the variant's last step before that. */
  end: number;
  /** The final answers to judge it with, each in turn (the gold's, wrong ones). */
  answers: ReadonlyArray<string | undefined>;
}

export interface VariantLevelResult {
  level: number;
  /** One verdict per answer, in order; absent when the replay got stuck before the level's end. */
  outcomes?: LevelOutcome[];
  /** Where the replay could not go on (a gold step that found nothing to act on, or failed). */
  stuck?: { step: number; error: string };
  /** What the work had produced at the level's end: the probe's state, the page's path and what it shows. */
  product?: string;
  /** The subtasks completed in order by the level's end (with the first answer), whether or not the level is ordered. */
  progress?: number;
  /** The state and page at the level's end (with `keepEnds`). */
  end?: { state: EnvironmentState | undefined; page: PageView };
}

export interface VariantResult {
  levels: VariantLevelResult[];
  /** The mutant's change could not be made on the live page (no other option, no sibling row): nothing was judged. */
  notApplicable?: boolean;
  /** What the change made at replay time was (the option picked, the sibling row). */
  detail?: string;
}

export interface VariantInput {
  start: TaskStart;
  browser: SessionFactory;
  /** The chain's gold steps (every level's steps are a prefix of them). */
  gold: readonly GoldStep[];
  /** The mutant; none replays the gold itself. */
  plan?: MutantPlan;
  levels: readonly VariantLevel[];
  /** Keep each judged level's end state and page in the result. */
  keepEnds?: boolean;
  /** A session to replay in (an app with a probe: reset and reused, not closed); by default a new one. */
  session?: PipelineSession;
  /**
   * Start where the recorded chain was before step `step` instead of at the reset: the app's state
   * set back from `snapshot`, the page at `path`, the first `credited` subtasks done. The gold steps
   * before `step` are not replayed (they would only lead there).
   */
  from?: { step: number; snapshot: string; path: string; credited: number };
  /**
   * Asked after a level the variant fails, with the state there and the subtasks it had completed:
   * a reason when every level still ahead is sure to fail too (what the variant left out cannot come
   * back), which ends the replay there; undefined to go on.
   */
  decide?: (level: number, state: EnvironmentState | undefined, progress: number, product: string) => string | undefined;
  signal?: AbortSignal;
}

/**
 * Replays a variant of a chain's gold trajectory from the seeded reset in a fresh browser context,
 * as `replay` does, judging each level when the variant reaches that level's end: the checker at that
 * moment and, for ordered levels, its subtasks completed in order. One replay serves every level (a
 * level's gold is a prefix of the next one's). A mutant's step that finds no element named as the
 * recorded one did, or fails where the gold step did not, leaves the levels still ahead stuck.
 */
export async function replayVariant(input: VariantInput): Promise<VariantResult> {
  const { start, browser, plan, signal } = input;
  const { from } = input;
  const steps = input.gold.filter((step) => !plan?.drop.has(step.index) && (!from || step.index >= from.step));
  const pending = [...input.levels].filter((level) => !from || level.end > from.step).sort((a, b) => a.end - b.end);
  const results: VariantLevelResult[] = [];
  const opening = {
    screenshot: false,
    ...(signal ? { signal } : {}),
    ...(input.session ? { session: input.session } : {}),
  };
  const opened = from
    ? await openAtSnapshot({ ...start, startPath: from.path }, from.snapshot, browser, opening)
    : await openAtReset(start, browser, opening);
  const owned = opened.session !== input.session;
  let observation: CapturedObservation = opened.observation;
  const pages = new FreshPages(opened.session.reader);
  const episode = () => ({ environment: start.environment, session: opened.session, observation, pages });
  // Several levels wait for the same subtask's postcondition after a step: each is evaluated once.
  let memo = new Map<string, Promise<boolean>>();
  const holdsNow = (predicates: readonly Predicate[]): Promise<boolean> => {
    const key = JSON.stringify(predicates);
    let held = memo.get(key);
    if (!held) {
      held = holdsOnEpisode(predicates, episode(), signal);
      memo.set(key, held);
    }
    return held;
  };
  const trackers = new Map(pending.map((level) => [level, new ProgressTracker(level.subtaskChecks, holdsNow, from?.credited ?? 0)]));
  const judgeDue = async (nextStep: number | undefined, stepsTaken: number) => {
    while (pending.length > 0 && (nextStep === undefined || pending[0]!.end <= nextStep)) {
      const level = pending.shift()!;
      const tracker = trackers.get(level)!;
      await tracker.update(stepsTaken);
      const outcomes: LevelOutcome[] = [];
      for (const answer of level.answers) {
        const checkerAtEnd = await evaluateOnEpisode(level.checker, { ...episode(), answer }, signal);
        outcomes.push(decideLevel(level, checkerAtEnd, tracker.progressWith(answer)));
      }
      const state = await start.environment.readState(signal);
      const product = levelProduct(state, observation);
      results.push({
        level: level.level,
        outcomes,
        product,
        progress: tracker.progressWith(level.answers[0]),
        ...(input.keepEnds ? { end: { state, page: pageViewOf(observation) } } : {}),
      });
      const decided = outcomes[0]?.success === false ? input.decide?.(level.level, state, tracker.progress, product) : undefined;
      if (decided !== undefined) {
        for (const ahead of pending.splice(0))
          results.push({ level: ahead.level, outcomes: ahead.answers.map(() => ({ success: false, reason: decided })) });
      }
    }
  };
  let detail: string | undefined;
  try {
    await judgeDue(steps[0]?.index, 0);
    for (let position = 0; position < steps.length && pending.length > 0; position += 1) {
      const step = steps[position]!;
      let action = groundGoldStep(step, observation);
      if (plan?.change?.step === step.index) {
        const changed = plan.change.apply(action, observation);
        if (!changed) return { levels: [], notApplicable: true };
        detail = changed.detail;
        action = groundGoldStep(
          { action: changed.action, ...(step.recordedOrigin ? { recordedOrigin: step.recordedOrigin } : {}) },
          observation,
        );
      }
      // A mutant's step acts on the element the gold one named, or not at all: a click at the recorded
      // point would act on whatever the changed page has there.
      const unresolved = plan && step.recordedOk && !isResolved(action);
      const executed = unresolved
        ? undefined
        : (await opened.session.execute(action, { observation, ...(signal ? { signal } : {}) })).executed;
      if (executed) observation = await opened.session.observe({ screenshot: false, ...(signal ? { signal } : {}) });
      memo = new Map();
      if (!executed || (plan && step.recordedOk && !executed.outcome.ok)) {
        const error = executed && !executed.outcome.ok ? executed.outcome.error : `no element ${describeTargetOf(action)} on the page`;
        for (const level of pending.splice(0)) results.push({ level: level.level, stuck: { step: step.index, error } });
        break;
      }
      for (const level of pending) await trackers.get(level)!.update(position + 1);
      await judgeDue(steps[position + 1]?.index, position + 1);
    }
    await judgeDue(undefined, steps.length);
  } finally {
    if (owned) await opened.session.close().catch(() => undefined);
  }
  return { levels: results.sort((a, b) => a.level - b.level), ...(detail !== undefined ? { detail } : {}) };
}

/**
 * What the work had produced at a moment, to compare a near-miss with the gold: the probe's state, the
 * page's path (with its client-side route, without the server's origin) and what the page shows.
 */
export function levelProduct(state: EnvironmentState | undefined, observation: Pick<CapturedObservation, 'url' | 'snapshot'>): string {
  const url = new URL(observation.url);
  return JSON.stringify([state ?? null, url.pathname + url.search + url.hash, readableText(observation.snapshot)]);
}

/** Whether a grounded action's target names a live element (it got a ref), or needs none. */
function isResolved(action: Action): boolean {
  if (!('target' in action) || !action.target) return true;
  const { target } = action;
  if (target.name === undefined && target.within === undefined) return true;
  return target.ref !== undefined;
}

function describeTargetOf(action: Action): string {
  if (!('target' in action) || !action.target) return action.type;
  const { target } = action;
  return `${target.role ?? ''}${target.name !== undefined ? ` “${target.name}”` : ''}${target.within !== undefined ? ` in the row “${target.within}”` : ''}`.trim();
}
