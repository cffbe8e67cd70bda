import { performance } from 'node:perf_hooks';
import type { ChainRecord } from '../core/chain.js';
import { SCHEMA_VERSION } from '../core/chain.js';
import type { Viewport } from '../core/geometry.js';
import { describeInteractive, type CapturedObservation, type PageView } from '../core/observation.js';
import type { Rng } from '../core/random.js';
import type { Level, Proposal, Subtask, Verdict } from '../core/task.js';
import { describePredicate, type Predicate } from '../core/predicate.js';
import { emptyUsage, addUsage, usageOfCall, type ModelCall, type Usage } from '../core/usage.js';
import { errorMessage, isTrajsynthError, throwIfAborted } from '../core/errors.js';
import type { EnvironmentState, RunningEnvironment } from '../core/environment.js';
import type { ActingSession, AgentSet, Attempt, ChainAim, StepRecord } from '../agents/roles.js';
import type { CallRecorder } from '../model/language-model.js';
import type { Persona } from '../agents/personas.js';
import { evaluatePredicates, type PredicateContext } from '../environments/predicates.js';
import type { ChainWriter } from '../store/chain-writer.js';
import { deriveChecker, readsAnotherPage } from './derive-checker.js';
import { refusedByGuard } from './diversity-guard.js';
import { createStepRecorder } from './step-recorder.js';
import type { SynthesisEventListener } from './events.js';

/** A browser session as the pipeline uses it (structurally, src/browser's session). */
export interface PipelineSession extends ActingSession {
  goto(pathOrUrl: string, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface SessionFactory {
  newSession(options: { viewport?: Viewport; origin: string; allowedOrigins?: readonly string[]; signal?: AbortSignal }): Promise<PipelineSession>;
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
 * reset between subtasks. Persists the chain record after every subtask, so an interruption loses at
 * most the subtask in flight. On return the record is complete; on abort it is left 'running'.
 */
export async function runChain(input: ChainRunInput): Promise<ChainRecord> {
  const { record, environment, session, writer, agents, limits, signal } = input;
  const hasStateProbe = environment.manifest.hasStateProbe;
  const steps = createStepRecorder(writer, (stepIndex, executed) =>
    input.emit({ type: 'step', chainId: record.chainId, stepIndex, action: executed.action.type, ok: executed.outcome.ok }),
  );
  const recordStep = (step: StepRecord, subtaskId: string) => steps.record(step, subtaskId);

  await session.goto(record.startPath ?? environment.manifest.startPath, signal);
  let observation = await session.observe({ signal });
  // The chain starts at the seeded reset on its start page: what a level-k task starts from.
  const atStart = { state: await environment.readState(signal), page: pageViewOf(observation) };
  const accepted: Subtask[] = [];
  const explored = new Set<string>();
  const avoid = new Set<string>();
  const settled = new Set<string>();
  let subtaskCounter = 0;
  const idAt = (counter: number) => `${record.chainId}-s${String(counter).padStart(2, '0')}`;
  const nextId = () => idAt(++subtaskCounter);

  // Model calls: each is appended to calls.jsonl as it returns; its tokens and cost wait in
  // `pending` until they can be attributed to the subtask they served, else go to `overhead`.
  let pending = emptyUsage();
  let overhead = record.overhead ?? emptyUsage();
  let callWrites = Promise.resolve();
  let currentSubtaskId: string | undefined;
  const recorder: CallRecorder = {
    record(call) {
      // A level's summary is made after its subtask is accepted, and belongs to that level.
      const where = call.role === 'summarizer' ? { level: accepted.length } : { level: accepted.length + 1, subtaskId: currentSubtaskId ?? idAt(subtaskCounter + 1) };
      const stored: ModelCall = { ...call, chainId: record.chainId, ...where, at: new Date().toISOString() };
      pending = addUsage(pending, { ...usageOfCall(call), calls: 0 });
      callWrites = callWrites.then(() => writer.appendCall(stored));
      input.onCall?.(stored);
    },
  };
  const takePending = (): Usage => {
    const taken = pending;
    pending = emptyUsage();
    return taken;
  };
  const toOverhead = () => {
    overhead = addUsage(overhead, takePending());
  };
  const totals = () => {
    record.overhead = overhead;
    record.usage = addUsage(record.subtasks.reduce((total, subtask) => addUsage(total, subtask.usage), emptyUsage()), overhead);
  };

  levels: for (let level = 1; level <= limits.maxLevel; level += 1) {
    let acceptedHere = false;
    for (let retry = 0; retry <= limits.maxRetriesPerLevel && !acceptedHere; retry += 1) {
      throwIfAborted(signal);
      currentSubtaskId = undefined;
      const started = performance.now();
      const proposer = accepted.length === 0 ? agents.proposer : agents.followUp;
      const stateBefore = await environment.readState(signal);
      let proposal: Proposal | undefined;
      try {
        proposal = await proposer.propose({
          observation,
          persona: input.persona,
          chain: { accepted, attempted: record.subtasks, explored, avoid, settled },
          ...(input.aim ? { aim: input.aim } : {}),
          rng: input.rng,
          retry,
          hasStateProbe,
          ...(stateBefore ? { state: stateBefore } : {}),
          reader: session.reader,
          recorder,
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        if (!isTrajsynthError(error) || error.code !== 'MODEL_OUTPUT_INVALID') throw error;
        // Invalid output after its repair turn: a recorded failure; the chain tries again.
        (record.rejectedProposals ??= []).push({ level, reason: errorMessage(error) });
        toOverhead();
        totals();
        await callWrites;
        await writer.writeChain(record);
        continue;
      }
      if (!proposal) {
        record.stopReason = `no task could be proposed on ${observation.url} at level ${level} (the page shows ${describeInteractive(observation.elements)})`;
        break levels;
      }
      if (proposal.affordance) explored.add(proposal.affordance);
      const pageBefore = pageViewOf(observation);
      const before = await evaluatePredicates(proposal.predicates, { state: stateBefore, page: pageBefore, reader: session.reader });
      if (before.every(Boolean)) {
        if (proposal.affordance) [avoid, settled].forEach((keys) => keys.add(proposal.affordance!));
        toOverhead();
        continue;
      }
      const refused = refusedByGuard(proposal, accepted);
      if (refused) {
        if (proposal.affordance) [avoid, settled].forEach((keys) => keys.add(proposal.affordance!));
        (record.rejectedProposals ??= []).push({ level, reason: `“${proposal.description}” refused: ${refused}` });
        toOverhead();
        continue;
      }
      const id = nextId();
      currentSubtaskId = id;
      const startStep = steps.count;
      const observationBefore = observation;
      const attempt: Attempt = await agents.executor.run({
        proposal,
        session,
        observation,
        maxSteps: limits.maxStepsPerSubtask,
        rng: input.rng,
        recordStep: (step) => recordStep(step, id),
        recorder,
        ...(signal ? { signal } : {}),
      });
      observation = attempt.finalObservation;
      const stateAfter = await environment.readState(signal);
      const pageAfter = pageViewOf(observation);
      const after = { state: stateAfter, page: pageAfter, reader: session.reader, ...(attempt.answer !== undefined ? { answer: attempt.answer } : {}) };
      const judged = { observationBefore, hasStateProbe, recorder, ...(signal ? { signal } : {}) };
      const range = { start: startStep, end: steps.count };
      // A gold trajectory holds no failed action: its outcome may differ on a replay (a timeout on a
      // busy machine), so an attempt with one is a failed attempt, even where its check passed, and
      // is not relabeled either (a revision would keep the same steps).
      const failedStep = firstFailedStep(attempt, range.start);
      const verdict = withoutFailedSteps(await agents.verifier.verify({ proposal, before, after, attempt, ...judged }), failedStep);
      // `calls` counts role invocations (heuristic or model); tokens and USD come from the model calls.
      const usage = (calls: number): Usage => addUsage({ ...emptyUsage(), calls, steps: range.end - range.start, wallMs: round(performance.now() - started) }, takePending());
      const proposed = subtaskFrom(proposal, { id, origin: 'proposed', verdict, steps: range, attempt, usage: usage(3) });
      record.subtasks.push(proposed);
      if (verdict.success) {
        proposed.level = accepted.length + 1;
        accepted.push(proposed);
        acceptedHere = true;
      } else {
        if (proposal.affordance) avoid.add(proposal.affordance);
        const revised = failedStep
          ? undefined
          : await agents.reviser.revise({ proposal, attempt, stateBefore, stateAfter, pageBefore, pageAfter, rng: input.rng, persona: input.persona, ...judged });
        if (revised) {
          const revisedBefore = await evaluatePredicates(revised.predicates, { state: stateBefore, page: pageBefore });
          const revisedVerdict = await agents.verifier.verify({ proposal: revised, before: revisedBefore, after, attempt, ...judged });
          if (revisedVerdict.success) {
            const relabeled = subtaskFrom(revised, { id: nextId(), origin: 'revised', verdict: revisedVerdict, steps: range, attempt, usage: usage(2), revisedFrom: id });
            relabeled.level = accepted.length + 1;
            record.subtasks.push(relabeled);
            accepted.push(relabeled);
            acceptedHere = true;
          }
        }
        toOverhead();
      }
      for (const subtask of record.subtasks.slice(-2)) {
        if (subtask.steps.start === startStep) input.emit({ type: 'subtask-finished', chainId: record.chainId, subtask });
      }
      record.stepCount = steps.count;
      totals();
      await callWrites;
      await writer.writeChain(record);
    }
    if (!acceptedHere) {
      record.stopReason = `no subtask was accepted at level ${level} after ${limits.maxRetriesPerLevel + 1} tries`;
      break;
    }
    const now = { state: await environment.readState(signal), page: pageViewOf(observation), reader: session.reader };
    currentSubtaskId = undefined;
    const produced = await levelFor(accepted, now, atStart, input, recorder);
    toOverhead();
    totals();
    if (await holdsAtReset(produced.checker, atStart, input.checkAtReset)) {
      (record.skippedLevels ??= []).push({ level, reason: `its checker already holds at the reset: ${produced.checker.map(describePredicate).join(' AND ')}` });
      await callWrites;
      await writer.writeChain(record);
      input.emit({ type: 'level-skipped', chainId: record.chainId, level });
      continue;
    }
    record.levels.push({ ...produced, usage: record.usage });
    await callWrites;
    await writer.writeChain(record);
    input.emit({ type: 'level-reached', chainId: record.chainId, level });
  }
  record.status = 'complete';
  record.stepCount = steps.count;
  toOverhead();
  totals();
  await callWrites;
  await writer.writeChain(record);
  return record;
}

/**
 * Whether a derived checker already holds where its task starts. Predicates that need no other page
 * are evaluated on the state and start page captured when the chain began (no answer: an answer
 * predicate never holds there); only when they all hold are pages read, through `checkAtReset`.
 */
async function holdsAtReset(checker: Predicate[], atStart: { state: EnvironmentState | undefined; page: PageView }, checkAtReset: ChainRunInput['checkAtReset']): Promise<boolean> {
  if (checker.length === 0) return false;
  const local = checker.filter((predicate) => !readsAnotherPage(predicate));
  if ((await evaluatePredicates(local, atStart)).some((value) => !value)) return false;
  if (local.length === checker.length || !checkAtReset) return local.length === checker.length;
  const values = await checkAtReset(checker);
  return values.length > 0 && values.every(Boolean);
}

async function levelFor(accepted: Subtask[], now: PredicateContext, atStart: PredicateContext, input: ChainRunInput, recorder: CallRecorder): Promise<Level> {
  const task = await input.agents.summarizer.summarize({ subtasks: accepted, rng: input.rng, recorder, ...(input.signal ? { signal: input.signal } : {}) });
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

/** The first step of the attempt whose action failed, with its error. */
function firstFailedStep(attempt: Attempt, start: number): { index: number; error: string } | undefined {
  const offset = attempt.actions.findIndex((executed) => !executed.outcome.ok);
  const executed = attempt.actions[offset];
  return executed && !executed.outcome.ok ? { index: start + offset, error: executed.outcome.error } : undefined;
}

/** A successful verdict turned into a failure when the attempt holds a failed action. */
function withoutFailedSteps(verdict: Verdict, failedStep: { index: number; error: string } | undefined): Verdict {
  if (!verdict.success || !failedStep) return verdict;
  return { ...verdict, success: false, reason: `${verdict.reason}; not accepted: step ${failedStep.index} failed (${failedStep.error}), and a gold trajectory holds no failed action` };
}

function subtaskFrom(
  proposal: Proposal,
  details: { id: string; origin: 'proposed' | 'revised'; verdict: Verdict; steps: { start: number; end: number }; attempt: Attempt; usage: Usage; revisedFrom?: string },
): Subtask {
  return {
    ...proposal,
    id: details.id,
    origin: details.origin,
    ...(details.revisedFrom ? { revisedFrom: details.revisedFrom } : {}),
    status: details.verdict.success ? 'accepted' : 'failed',
    steps: details.steps,
    verdict: details.verdict,
    ...(details.attempt.answer !== undefined ? { answer: details.attempt.answer } : {}),
    usage: details.usage,
  };
}

/** A page as predicates see it, from an observation already captured (no extra browser round trip). */
export function pageViewOf(observation: CapturedObservation): PageView {
  return { url: observation.url, text: observation.snapshot, elements: observation.elements };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export { SCHEMA_VERSION };
