import { FAST_MUTANT_KINDS, MUTANT_KINDS, type MutantKind } from '../core/audit.js';
import type { ChainRecord } from '../core/chain.js';
import type { EnvironmentState, RunningEnvironment } from '../core/environment.js';
import type { PageView } from '../core/observation.js';
import type { Predicate } from '../core/predicate.js';
import type { Step } from '../core/step.js';
import type { Level } from '../core/task.js';
import { throwIfAborted } from '../core/errors.js';
import { goldSteps } from '../agents/gold-policy.js';
import type { PipelineSession, SessionFactory } from './chain-runner.js';
import type { TaskStart } from './episode-start.js';
import { answerHolds } from './level-check.js';
import { acceptedSubtasks, levelAnswerValues, noOpSubmitSteps, planMutants, wrongAnswers, type MutantPlan } from './mutants.js';
import { replayVariant, type VariantLevel, type VariantResult } from './variant-replay.js';
import { decidedEarly, stuckAtOnce } from './audit-shortcuts.js';
import { tellApart } from './tell-apart.js';

/** Where a level's gold left the chain: what it had produced, and the state and page to tell a near-miss from it. */
export interface LevelEnd {
  product: string;
  state: EnvironmentState | undefined;
  page: PageView;
}

export interface ChainAuditInput {
  mode: 'fast' | 'full';
  record: ChainRecord;
  steps: readonly Step[];
  /** Reads a file a step refers to (its snapshot). */
  stepFile(reference: string): Promise<string | undefined>;
  /** Each stored level's end on the chain, by level. */
  ends: ReadonlyMap<number, LevelEnd>;
  /** The app's state and page where each attempt began, by its first step: replays start there, not at the reset. */
  snapshots?: ReadonlyMap<number, { snapshot: string; path: string }>;
  /** Where the chain starts: its seed and start page (the environment is a lane's own). */
  start: Omit<TaskStart, 'environment'>;
  /**
   * Starts a server of the chain's app that nothing else acts on (reset before each replay): one per
   * lane of replays run side by side. The audit closes what it started.
   */
  startEnvironment(): Promise<RunningEnvironment>;
  /** Replays run side by side (default 3): a replay mostly waits for pages to settle. */
  lanes?: number;
  browser: SessionFactory;
  signal?: AbortSignal;
}

export interface LevelAuditOutcome {
  level: number;
  killed: number;
  stuck: number;
  /** Predicates added to the checker so that every near-miss fails it. */
  strengthened: Predicate[];
  /** Why the level cannot be kept: a near-miss passes its checker and no predicate tells them apart. */
  unsound?: string;
}

/**
 * Synthesis's own audit of a chain's stored levels (core/audit's near-misses), before the chain is
 * kept. Cheap mutants first: a wrong answer is judged on the answer alone; the last subtask left out
 * and its form left unsubmitted were judged on the chain itself (its check was false before the
 * subtask and before its last step, subtask-soundness). The rest are replayed from the seeded reset
 * on a second server, one replay per mutant serving every level that includes its subtask: `fast`
 * leaves out an earlier subtask or an earlier form's submit; `full` also changes each stated value and
 * acts on a sibling row. A level that a near-miss passes gets a predicate that tells the two apart
 * (a field of a record, text on the page), else it is reported unsound.
 */
export async function auditChainLevels(input: ChainAuditInput): Promise<LevelAuditOutcome[]> {
  const { record, steps, signal } = input;
  const levels = record.levels;
  const outcomes = new Map<number, LevelAuditOutcome>(
    levels.map((level) => [level.level, { level: level.level, killed: 0, stuck: 0, strengthened: [] }]),
  );
  const survivors = new Map<number, Array<{ mutation: string; end?: { state: EnvironmentState | undefined; page: PageView } }>>();
  const survive = (level: number, mutation: string, end?: { state: EnvironmentState | undefined; page: PageView }) => {
    const list = survivors.get(level) ?? [];
    list.push({ mutation, ...(end ? { end } : {}) });
    survivors.set(level, list);
  };
  const subtasks = acceptedSubtasks(record);
  const kinds = new Set<MutantKind>(input.mode === 'full' ? MUTANT_KINDS : FAST_MUTANT_KINDS);
  const noOpSteps = await noOpSubmitSteps(record, steps, input.stepFile);

  for (const level of levels) {
    const outcome = outcomes.get(level.level)!;
    // Judged on the chain: the last subtask left out (its check was false before it), its form left
    // unsubmitted (its check was false before its last step).
    const last = subtasks[level.level - 1];
    if (
      last &&
      steps.some((step) => step.index >= last.steps.start && step.index < last.steps.end && step.executed.action.type !== 'done')
    ) {
      outcome.killed +=
        1 +
        (planMutants(record, steps, new Set(['no-submit']), { fromSubtask: level.level, noOpSteps }).some(
          (plan) => plan.subtask === level.level,
        )
          ? 1
          : 0);
    }
    // A wrong answer: the rest of the checker holds on the gold, so the answer predicates decide.
    const answers = level.checker.filter((predicate): predicate is Extract<Predicate, { kind: 'answer' }> => predicate.kind === 'answer');
    for (const wrong of wrongAnswers(levelAnswerValues(record, level))) {
      if (answers.length > 0 && answers.every((predicate) => answerHolds(predicate, wrong.answer))) survive(level.level, wrong.mutation);
      else outcome.killed += 1;
    }
  }

  const end = Math.max(0, ...levels.map((level) => level.gold.end));
  const gold = goldSteps(steps, { start: 0, end });
  const replayed = (plan: MutantPlan) => (plan.kind === 'drop-subtask' || plan.kind === 'no-submit' ? plan.subtask + 1 : plan.subtask);
  const plans = planMutants(record, steps, new Set([...kinds].filter((kind) => kind !== 'wrong-answer')), { noOpSteps }).filter((plan) =>
    levels.some((level) => level.level >= replayed(plan)),
  );
  const results = await inLanes(plans, input, async (plan, environment, session) => {
    throwIfAborted(signal);
    const judged = levels.filter((level) => level.level >= replayed(plan));
    // Replayed from where the chain was when the changed subtask began: the steps before it are the gold's.
    const firstStep = subtasks[plan.subtask - 1]?.steps.start;
    const snapshot = firstStep !== undefined && environment.restore ? input.snapshots?.get(firstStep) : undefined;
    const stuckAt = snapshot && plan.kind === 'drop-subtask' ? await stuckAtOnce(plan, firstStep!, steps, input.stepFile) : undefined;
    // Every level it judges ends after that step: none can be judged before the replay stops.
    if (stuckAt !== undefined && judged.every((level) => level.gold.end > stuckAt)) {
      const stuck: VariantResult = {
        levels: judged.map((level) => ({
          level: level.level,
          stuck: { step: stuckAt, error: 'no element the step names on the page (read from the recorded page)' },
        })),
      };
      return stuck;
    }
    const decide = decidedEarly(plan, subtasks, levels, steps, input.ends);
    return replayVariant({
      start: { ...input.start, environment },
      ...(decide ? { decide } : {}),
      ...(snapshot ? { from: { step: firstStep!, ...snapshot, credited: plan.subtask - 1 } } : {}),
      browser: input.browser,
      gold,
      plan,
      levels: judged.map((level) => variantLevelOf(record, level)),
      keepEnds: true,
      ...(session ? { session } : {}),
      ...(signal ? { signal } : {}),
    });
  });
  results.forEach((result, index) => {
    const plan = plans[index]!;
    if (result.notApplicable) return;
    for (const entry of result.levels) {
      const outcome = outcomes.get(entry.level)!;
      const verdict = entry.outcomes?.[0];
      if (entry.stuck || !verdict) outcome.stuck += 1;
      else if (!verdict.success) outcome.killed += 1;
      else if (
        (plan.kind === 'no-submit' || plan.kind === 'change-value') &&
        entry.product === input.ends.get(entry.level)?.product &&
        (entry.progress ?? 0) >= plan.subtask
      )
        continue;
      else survive(entry.level, `${plan.mutation}${result.detail ?? ''}`, entry.end);
    }
  });

  for (const [levelNumber, list] of survivors) {
    const outcome = outcomes.get(levelNumber)!;
    const goldEnd = input.ends.get(levelNumber);
    const added = goldEnd ? await tellApart(goldEnd, list) : undefined;
    if (added) {
      outcome.strengthened = added;
      outcome.killed += list.length;
    } else {
      outcome.unsound = `a near-miss passes its checker: ${list[0]!.mutation}${list.length > 1 ? ` (and ${list.length - 1} more)` : ''}`;
    }
  }
  return [...outcomes.values()];
}

/**
 * Runs `work` on every plan, `lanes` at a time, each lane on a server of its own and, for an app with
 * a probe, in one browser context reset between replays (a new context costs a renderer start);
 * results in plan order.
 */
async function inLanes<T>(
  plans: readonly MutantPlan[],
  input: ChainAuditInput,
  work: (plan: MutantPlan, environment: RunningEnvironment, session: PipelineSession | undefined) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(plans.length);
  const lanes = Math.max(1, Math.min(input.lanes ?? 2, plans.length));
  const opened: Array<{ environment: RunningEnvironment; session?: PipelineSession }> = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        if (next >= plans.length) return;
        const lane: { environment: RunningEnvironment; session?: PipelineSession } = { environment: await input.startEnvironment() };
        opened.push(lane);
        const { manifest, origin } = lane.environment;
        if (manifest.hasStateProbe) {
          lane.session = await input.browser.newSession({
            viewport: manifest.viewport,
            origin,
            allowedOrigins: manifest.allowedOrigins,
            ...(input.signal ? { signal: input.signal } : {}),
          });
        }
        while (next < plans.length) {
          const index = next;
          next += 1;
          results[index] = await work(plans[index]!, lane.environment, lane.session);
        }
      }),
    );
  } finally {
    for (const lane of opened) {
      await lane.session?.close().catch(() => undefined);
      await lane.environment.close().catch(() => undefined);
    }
  }
  return results;
}

function variantLevelOf(record: ChainRecord, level: Level): VariantLevel {
  const subtaskChecks =
    level.subtaskChecks ??
    acceptedSubtasks(record)
      .slice(0, level.level)
      .map((subtask) => subtask.predicates);
  return {
    level: level.level,
    checker: level.checker,
    subtaskChecks,
    ordered: level.ordered,
    end: level.gold.end,
    answers: [level.answer],
  };
}
