import type { ChainRecord } from '../core/chain.js';
import { SCHEMA_VERSION } from '../core/chain.js';
import type { Viewport } from '../core/geometry.js';
import type { PageView } from '../core/observation.js';
import type { Rng } from '../core/random.js';
import type { Level, Subtask } from '../core/task.js';
import { describePredicate, type Predicate } from '../core/predicate.js';
import type { ModelCall } from '../core/usage.js';
import { predicateKindOf, predictTask, type SynthesisTarget } from '../core/target.js';
import type { EnvironmentState, RunningEnvironment } from '../core/environment.js';
import type { ActingSession, AgentSet, ChainAim } from '../agents/roles.js';
import type { CallRecorder } from '../model/language-model.js';
import type { Persona } from '../agents/personas.js';
import { evaluatePredicates, type PredicateContext } from '../environments/predicates.js';
import type { ChainWriter } from '../store/chain-writer.js';
import { openChain, pageViewOf, type ChainContext } from './chain-context.js';
import { deriveChecker, readsAnotherPage } from './derive-checker.js';
import type { SynthesisEventListener } from './events.js';
import { trySubtask, type TryOutcome } from './subtask-attempt.js';
import { joinAnswers } from './mutants.js';
import type { LevelAuditOutcome, LevelEnd } from './chain-audit.js';
import { levelProduct } from './variant-replay.js';

/** A browser session as the pipeline uses it (structurally, src/browser's session). */
export interface PipelineSession extends ActingSession {
  goto(pathOrUrl: string, signal?: AbortSignal): Promise<void>;
  /** Forgets the context's cookies (to start another episode in the same context); optional. */
  clearCookies?(): Promise<void>;
  close(): Promise<void>;
}

export interface SessionFactory {
  newSession(options: {
    viewport?: Viewport;
    origin: string;
    allowedOrigins?: readonly string[];
    signal?: AbortSignal;
  }): Promise<PipelineSession>;
}

export interface ChainLimits {
  maxLevel: number;
  maxStepsPerSubtask: number;
  maxRetriesPerLevel: number;
}

export interface ChainRunInput {
  record: ChainRecord;
  environment: RunningEnvironment;
  session: PipelineSession;
  writer: ChainWriter;
  agents: AgentSet;
  persona: Persona;
  /** The declared affordances this chain aims at, for proposers that steer toward them. */
  aim?: ChainAim;
  /** An aimed run's target: kind weights for the proposers, and the band of predicted success to keep. */
  target?: SynthesisTarget;
  rng: Rng;
  limits: ChainLimits;
  emit: SynthesisEventListener;
  /** Every metered model call, as it is stored (a run-wide budget listens here). */
  onCall?: (call: ModelCall) => void;
  /**
   * Evaluates a derived level-k checker at the chain's seeded reset and start page. A level whose
   * checker already holds there is not stored: an agent that does nothing must not pass it.
   */
  checkAtReset?: (checker: Predicate[]) => Promise<boolean[]>;
  /**
   * Audits the chain's stored levels by their near-misses once the chain is done (chain-audit): a
   * level a near-miss passes is strengthened or not kept. Absent: no audit (`--audit off`).
   */
  auditLevels?: {
    mode: 'fast' | 'full';
    run(
      record: ChainRecord,
      ends: ReadonlyMap<number, LevelEnd>,
      snapshots: ReadonlyMap<number, { snapshot: string; path: string }>,
    ): Promise<LevelAuditOutcome[]>;
  };
  signal?: AbortSignal;
}

/**
 * Runs one chain: propose, execute, verify, revise, follow up, level by level on one page with no
 * reset between subtasks (DESIGN.md's loop). Persists the chain record after every subtask, so an
 * interruption loses at most the subtask in flight. On return the record is complete; on abort it is
 * left 'running'.
 */
export async function runChain(input: ChainRunInput): Promise<ChainRecord> {
  const { record, limits } = input;
  const chain = await openChain(input);
  // Where each level's gold ends, and the seeded reset as level 0: what the audit compares near-misses with.
  const ends = new Map<number, LevelEnd>([
    [0, { product: levelProduct(chain.atStart.state, chain.observation), state: chain.atStart.state, page: chain.atStart.page }],
  ]);
  levels: for (let level = 1; level <= limits.maxLevel; level += 1) {
    let outcome: TryOutcome = 'failed';
    for (let retry = 0; retry <= limits.maxRetriesPerLevel && outcome !== 'accepted'; retry += 1) {
      outcome = await trySubtask(chain, level, retry);
      if (outcome === 'nothing-to-propose') break levels;
    }
    if (outcome !== 'accepted') {
      record.stopReason = `no subtask was accepted at level ${level} after ${limits.maxRetriesPerLevel + 1} tries`;
      break;
    }
    if ((await storeLevel(chain, level, ends)) === 'below-band') break;
  }
  if (input.auditLevels && record.levels.length > 0) await keepAuditedLevels(chain, input.auditLevels, ends);
  record.status = 'complete';
  record.stepCount = chain.steps.count;
  chain.cost.toOverhead();
  await chain.save();
  return record;
}

/**
 * The level-k task of the subtasks accepted so far: its summary and derived checker, stored unless
 * the checker already holds at the chain's seeded reset (a task solved by doing nothing).
 */
async function storeLevel(chain: ChainContext, level: number, ends: Map<number, LevelEnd>): Promise<'stored' | 'skipped' | 'below-band'> {
  const { input, record } = chain;
  const now = { state: await input.environment.readState(input.signal), page: pageViewOf(chain.observation), reader: input.session.reader };
  ends.set(level, { product: levelProduct(now.state, chain.observation), state: now.state, page: now.page });
  chain.currentSubtaskId = undefined;
  const produced = await levelFor(chain.accepted, now, chain.atStart, input, chain.recorder);
  chain.cost.toOverhead();
  chain.cost.totals(record);
  if (await holdsAtReset(produced.checker, chain.atStart, input.checkAtReset)) {
    (record.skippedLevels ??= []).push({
      level,
      reason: `its checker already holds at the reset: ${produced.checker.map(describePredicate).join(' AND ')}`,
    });
    await chain.save();
    input.emit({ type: 'level-skipped', chainId: record.chainId, level });
    return 'skipped';
  }
  const { target } = input;
  const predictedSuccess = target ? predictedSuccessOf(target, produced, chain, record.environment) : undefined;
  const band = target?.keepBand;
  if (target && band && predictedSuccess !== undefined && (predictedSuccess < band.low || predictedSuccess > band.high)) {
    const below = predictedSuccess < band.low;
    const where = `${target.agent}'s predicted success ${predictedSuccess.toFixed(2)} is ${below ? 'below' : 'above'} the band ${band.low}–${band.high}`;
    (record.skippedLevels ??= []).push({ level, reason: `outside the kept band: ${where}` });
    // A longer task is only harder: past the band's floor the chain has nothing more to give.
    if (below) record.stopReason = `${where} at level ${level}: deeper levels would only be harder`;
    await chain.save();
    input.emit({ type: 'level-skipped', chainId: record.chainId, level });
    return below ? 'below-band' : 'skipped';
  }
  record.levels.push({ ...produced, ...(predictedSuccess !== undefined ? { predictedSuccess } : {}), usage: record.usage });
  await chain.save();
  input.emit({ type: 'level-reached', chainId: record.chainId, level });
  return 'stored';
}

/**
 * The chain's stored levels after their audit: each with what the audit found, a strengthened checker
 * where a near-miss passed the derived one, and a level no predicate could make sound moved to
 * `skippedLevels` with the near-miss that passes it.
 */
async function keepAuditedLevels(
  chain: ChainContext,
  audit: NonNullable<ChainRunInput['auditLevels']>,
  ends: ReadonlyMap<number, LevelEnd>,
): Promise<void> {
  const { record, input } = chain;
  const outcomes = await audit.run(record, ends, chain.snapshots);
  const kept: Level[] = [];
  for (const level of record.levels) {
    const outcome = outcomes.find((candidate) => candidate.level === level.level);
    if (outcome?.unsound) {
      (record.skippedLevels ??= []).push({ level: level.level, reason: `unsound checker: ${outcome.unsound}` });
      input.emit({ type: 'level-skipped', chainId: record.chainId, level: level.level });
      continue;
    }
    const strengthened = outcome?.strengthened ?? [];
    kept.push({
      ...level,
      checker: [...level.checker, ...strengthened],
      ...(outcome
        ? {
            audit: {
              mode: audit.mode,
              killed: outcome.killed,
              stuck: outcome.stuck,
              ...(strengthened.length ? { strengthened: strengthened.map(describePredicate) } : {}),
            },
          }
        : {}),
    });
  }
  record.levels = kept;
  record.skippedLevels?.sort((a, b) => a.level - b.level);
}

/** The target agent's predicted success on a level-k task: its subtasks' kinds, app, positions and postconditions. */
function predictedSuccessOf(target: SynthesisTarget, level: Omit<Level, 'usage'>, chain: ChainContext, environment: string): number {
  const { accepted, actionTypes } = chain;
  // The agent's steps for each subtask, as an evaluation counts them: its gold actions, and the final answer.
  const actionsOf = (subtask: Subtask, index: number) => {
    let actions = 0;
    for (let step = Math.max(subtask.steps.start, level.gold.start); step < Math.min(subtask.steps.end, level.gold.end); step += 1)
      if (actionTypes[step] !== undefined && actionTypes[step] !== 'done') actions += 1;
    return actions + (index === accepted.length - 1 && level.answer !== undefined ? 1 : 0);
  };
  const value = predictTask(
    target.model,
    accepted.map((subtask, index) => ({
      interaction: subtask.interaction,
      environment,
      position: index + 1,
      predicate: predicateKindOf(level.subtaskChecks?.[index] ?? subtask.predicates),
      actions: actionsOf(subtask, index),
    })),
  );
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Whether a derived checker already holds where its task starts. Predicates that need no other page
 * are evaluated on the state and start page captured when the chain began (no answer: an answer
 * predicate never holds there); only when they all hold are pages read, through `checkAtReset`.
 */
async function holdsAtReset(
  checker: Predicate[],
  atStart: { state: EnvironmentState | undefined; page: PageView },
  checkAtReset: ChainRunInput['checkAtReset'],
): Promise<boolean> {
  if (checker.length === 0) return false;
  const local = checker.filter((predicate) => !readsAnotherPage(predicate));
  if ((await evaluatePredicates(local, atStart)).some((value) => !value)) return false;
  if (local.length === checker.length || !checkAtReset) return local.length === checker.length;
  const values = await checkAtReset(checker);
  return values.length > 0 && values.every(Boolean);
}

async function levelFor(
  accepted: Subtask[],
  now: PredicateContext,
  atStart: PredicateContext,
  input: ChainRunInput,
  recorder: CallRecorder,
): Promise<Level> {
  const summary = await input.agents.summarizer.summarize({
    subtasks: accepted,
    rng: input.rng,
    recorder,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const checker = await deriveChecker(accepted, now, atStart);
  const last = accepted[accepted.length - 1]!;
  const task = withAnswerList(summary, accepted);
  // Every value the task asks to report, in order: the answer is a list, each value checked.
  const answers = accepted
    .filter((subtask) => subtask.predicates.some((predicate) => predicate.kind === 'answer') && subtask.answer !== undefined)
    .map((subtask) => subtask.answer!);
  return {
    level: accepted.length,
    task,
    checker,
    subtaskIds: accepted.map((subtask) => subtask.id),
    gold: { start: 0, end: last.steps.end },
    entities: [...new Set(accepted.flatMap((subtask) => subtask.entities))],
    subtaskChecks: accepted.map((subtask) => subtask.predicates),
    ...(answers.length > 0 ? { answer: joinAnswers(answers) } : {}),
    ordered: true,
  };
}

/** What a level-k task that asks for values reported along the way says about its one final answer. */
export const ANSWER_LIST_SENTENCE = 'In your final answer, give every value you were asked to report, in order.';

/**
 * A level-k task whose reports are not all at its end (or that asks for several) says that the final
 * answer lists every value: each is checked there, and an agent must know to keep them.
 */
export function withAnswerList(task: string, subtasks: readonly Subtask[]): string {
  const reads = subtasks.map((subtask) => subtask.predicates.some((predicate) => predicate.kind === 'answer'));
  const count = reads.filter(Boolean).length;
  if (count === 0 || (count === 1 && reads[reads.length - 1]) || task.includes(ANSWER_LIST_SENTENCE)) return task;
  return `${task.trimEnd()} ${ANSWER_LIST_SENTENCE}`;
}

export { SCHEMA_VERSION, pageViewOf };
