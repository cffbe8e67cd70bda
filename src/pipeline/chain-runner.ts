import { performance } from 'node:perf_hooks';
import type { ChainRecord } from '../core/chain.js';
import { SCHEMA_VERSION } from '../core/chain.js';
import type { Viewport } from '../core/geometry.js';
import type { CapturedObservation, PageView } from '../core/observation.js';
import type { Rng } from '../core/random.js';
import type { Level, Proposal, Subtask, Verdict } from '../core/task.js';
import { emptyUsage, addUsage, type Usage } from '../core/usage.js';
import { throwIfAborted } from '../core/errors.js';
import type { RunningEnvironment } from '../core/environment.js';
import type { ActingSession, AgentSet, Attempt, StepRecord } from '../agents/roles.js';
import type { Persona } from '../agents/personas.js';
import { evaluatePredicates } from '../environments/predicates.js';
import type { ChainWriter } from '../store/chain-writer.js';
import { deriveChecker } from './derive-checker.js';
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
  rng: Rng;
  limits: ChainLimits;
  emit: SynthesisEventListener;
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
  let stepIndex = 0;
  const recordStep = async (step: StepRecord, subtaskId: string) => {
    const before = step.before === lastWritten?.observation ? lastWritten.ref : (await writer.writeObservation(step.before)).ref;
    const written = await writer.writeObservation(step.after);
    lastWritten = { observation: step.after, ref: written.ref };
    await writer.appendStep({
      index: stepIndex,
      subtaskId,
      before,
      executed: step.executed,
      after: written.ref,
      timings: {
        actionMs: round(step.actionMs),
        observeMs: round(step.after.timings.observeMs),
        screenshotMs: round(step.after.timings.screenshotMs),
        snapshotMs: round(step.after.timings.snapshotMs),
        encodeMs: round(step.after.timings.encodeMs),
        writeMs: round(written.writeMs),
      },
    });
    input.emit({ type: 'step', chainId: record.chainId, stepIndex, action: step.executed.action.type, ok: step.executed.outcome.ok });
    stepIndex += 1;
  };
  let lastWritten: { observation: CapturedObservation; ref: Awaited<ReturnType<ChainWriter['writeObservation']>>['ref'] } | undefined;

  await session.goto(record.startPath ?? environment.manifest.startPath, signal);
  let observation = await session.observe({ signal });
  const accepted: Subtask[] = [];
  const explored = new Set<string>();
  const avoid = new Set<string>();
  let subtaskCounter = 0;
  const nextId = () => `${record.chainId}-s${String(++subtaskCounter).padStart(2, '0')}`;

  levels: for (let level = 1; level <= limits.maxLevel; level += 1) {
    let acceptedHere = false;
    for (let retry = 0; retry <= limits.maxRetriesPerLevel && !acceptedHere; retry += 1) {
      throwIfAborted(signal);
      const started = performance.now();
      const proposer = accepted.length === 0 ? agents.proposer : agents.followUp;
      const proposal = await proposer.propose({
        observation,
        persona: input.persona,
        chain: { accepted, attempted: record.subtasks, explored, avoid },
        rng: input.rng,
        retry,
        hasStateProbe,
        ...(signal ? { signal } : {}),
      });
      if (!proposal) {
        record.stopReason = `no task could be proposed on ${observation.url} at level ${level}`;
        break levels;
      }
      if (proposal.affordance) explored.add(proposal.affordance);
      const stateBefore = await environment.readState(signal);
      const pageBefore = pageViewOf(observation);
      const before = await evaluatePredicates(proposal.predicates, { state: stateBefore, page: pageBefore, reader: session.reader });
      if (before.every(Boolean)) {
        if (proposal.affordance) avoid.add(proposal.affordance);
        continue;
      }
      const id = nextId();
      const startStep = stepIndex;
      const attempt: Attempt = await agents.executor.run({
        proposal,
        session,
        observation,
        maxSteps: limits.maxStepsPerSubtask,
        rng: input.rng,
        recordStep: (step) => recordStep(step, id),
        ...(signal ? { signal } : {}),
      });
      observation = attempt.finalObservation;
      const stateAfter = await environment.readState(signal);
      const pageAfter = pageViewOf(observation);
      const after = { state: stateAfter, page: pageAfter, reader: session.reader, ...(attempt.answer !== undefined ? { answer: attempt.answer } : {}) };
      const verdict = await agents.verifier.verify({ proposal, before, after, attempt });
      const steps = { start: startStep, end: stepIndex };
      const usage = (calls: number): Usage => ({ ...emptyUsage(), calls, steps: steps.end - steps.start, wallMs: round(performance.now() - started) });
      const proposed = subtaskFrom(proposal, { id, origin: 'proposed', verdict, steps, attempt, usage: usage(3) });
      record.subtasks.push(proposed);
      if (verdict.success) {
        proposed.level = accepted.length + 1;
        accepted.push(proposed);
        acceptedHere = true;
      } else {
        if (proposal.affordance) avoid.add(proposal.affordance);
        const revised = await agents.reviser.revise({ proposal, attempt, stateBefore, stateAfter, pageBefore, pageAfter, rng: input.rng, ...(signal ? { signal } : {}) });
        if (revised) {
          const revisedBefore = await evaluatePredicates(revised.predicates, { state: stateBefore, page: pageBefore });
          const revisedVerdict = await agents.verifier.verify({ proposal: revised, before: revisedBefore, after, attempt });
          if (revisedVerdict.success) {
            const relabeled = subtaskFrom(revised, { id: nextId(), origin: 'revised', verdict: revisedVerdict, steps, attempt, usage: usage(2), revisedFrom: id });
            relabeled.level = accepted.length + 1;
            record.subtasks.push(relabeled);
            accepted.push(relabeled);
            acceptedHere = true;
          }
        }
      }
      for (const subtask of record.subtasks.slice(-2)) {
        if (subtask.steps.start === startStep) input.emit({ type: 'subtask-finished', chainId: record.chainId, subtask });
      }
      record.stepCount = stepIndex;
      record.usage = record.subtasks.reduce((total, subtask) => addUsage(total, subtask.usage), emptyUsage());
      await writer.writeChain(record);
    }
    if (!acceptedHere) {
      record.stopReason = `no subtask was accepted at level ${level} after ${limits.maxRetriesPerLevel + 1} tries`;
      break;
    }
    const now = { state: await environment.readState(signal), page: pageViewOf(observation), reader: session.reader };
    record.levels.push(await levelFor(accepted, now, input));
    await writer.writeChain(record);
    input.emit({ type: 'level-reached', chainId: record.chainId, level });
  }
  record.status = 'complete';
  record.stepCount = stepIndex;
  await writer.writeChain(record);
  return record;
}

async function levelFor(accepted: Subtask[], now: Parameters<typeof deriveChecker>[1], input: ChainRunInput): Promise<Level> {
  const task = await input.agents.summarizer.summarize({ subtasks: accepted, rng: input.rng, ...(input.signal ? { signal: input.signal } : {}) });
  const checker = await deriveChecker(accepted, now);
  const last = accepted[accepted.length - 1]!;
  return {
    level: accepted.length,
    task,
    checker,
    subtaskIds: accepted.map((subtask) => subtask.id),
    gold: { start: 0, end: last.steps.end },
    entities: [...new Set(accepted.flatMap((subtask) => subtask.entities))],
  };
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
