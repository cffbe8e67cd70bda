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

/** A browser session as the pipeline uses it (structurally, src/browser's session). */
export interface PipelineSession extends ActingSession {
  goto(pathOrUrl: string, signal?: AbortSignal): Promise<void>;
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
    if ((await storeLevel(chain, level)) === 'below-band') break;
  }
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
async function storeLevel(chain: ChainContext, level: number): Promise<'stored' | 'skipped' | 'below-band'> {
  const { input, record } = chain;
  const now = { state: await input.environment.readState(input.signal), page: pageViewOf(chain.observation), reader: input.session.reader };
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
  const task = await input.agents.summarizer.summarize({
    subtasks: accepted,
    rng: input.rng,
    recorder,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const checker = await deriveChecker(accepted, now, atStart);
  const last = accepted[accepted.length - 1]!;
  const asksForAnswer = last.predicates.some((predicate) => predicate.kind === 'answer');
  return {
    level: accepted.length,
    task,
    checker,
    subtaskIds: accepted.map((subtask) => subtask.id),
    gold: { start: 0, end: last.steps.end },
    entities: [...new Set(accepted.flatMap((subtask) => subtask.entities))],
    subtaskChecks: accepted.map((subtask) => subtask.predicates),
    ...(asksForAnswer && last.answer !== undefined ? { answer: last.answer } : {}),
  };
}

export { SCHEMA_VERSION, pageViewOf };
