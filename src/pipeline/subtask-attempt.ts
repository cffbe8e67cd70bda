import { performance } from 'node:perf_hooks';
import { describeInteractive } from '../core/observation.js';
import type { Proposal, Subtask, Verdict } from '../core/task.js';
import { addUsage, emptyUsage, type Usage } from '../core/usage.js';
import { errorMessage, isTrajsynthError, throwIfAborted } from '../core/errors.js';
import type { Attempt } from '../agents/roles.js';
import { evaluatePredicates } from '../environments/predicates.js';
import { pageViewOf, type ChainContext } from './chain-context.js';
import { refusedByGuard } from './diversity-guard.js';
import type { Moment } from './strengthen-checks.js';
import { soundPostcondition, type SoundnessInput } from './subtask-soundness.js';

/** How one try at a level ended: a subtask accepted (as proposed or revised), none, or nothing left to propose. */
export type TryOutcome = 'accepted' | 'failed' | 'nothing-to-propose';

/**
 * One try at the chain's next subtask: propose on the page the chain is on; skip a proposal whose
 * check already holds or that the diversity guard refuses; execute it, verify it, and when it
 * failed, relabel it to what the attempt really did (the reviser) and verify that. Both the attempt
 * and its relabeling are stored in the record; the chain is saved after every executed attempt.
 */
export async function trySubtask(chain: ChainContext, level: number, retry: number): Promise<TryOutcome> {
  const { input, record, accepted } = chain;
  const { environment, session, agents, limits, signal } = input;
  throwIfAborted(signal);
  chain.currentSubtaskId = undefined;
  const started = performance.now();
  const proposer = accepted.length === 0 ? agents.proposer : agents.followUp;
  const stateBefore = await environment.readState(signal);
  let proposal: Proposal | undefined;
  try {
    proposal = await proposer.propose({
      observation: chain.observation,
      persona: input.persona,
      chain: { accepted, attempted: record.subtasks, explored: chain.explored, avoid: chain.avoid, settled: chain.settled },
      ...(input.aim ? { aim: input.aim } : {}),
      ...(input.target ? { kindWeights: input.target.kindWeights } : {}),
      rng: input.rng,
      retry,
      hasStateProbe: chain.hasStateProbe,
      ...(stateBefore ? { state: stateBefore } : {}),
      reader: session.reader,
      recorder: chain.recorder,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (!isTrajsynthError(error) || error.code !== 'MODEL_OUTPUT_INVALID') throw error;
    // Invalid output after its repair turn: a recorded failure; the chain tries again.
    (record.rejectedProposals ??= []).push({ level, reason: errorMessage(error) });
    chain.cost.toOverhead();
    await chain.save();
    return 'failed';
  }
  if (!proposal) {
    record.stopReason = `no task could be proposed on ${chain.observation.url} at level ${level} (the page shows ${describeInteractive(chain.observation.elements)})`;
    return 'nothing-to-propose';
  }
  const { affordance } = proposal;
  if (affordance) chain.explored.add(affordance);
  const pageBefore = pageViewOf(chain.observation);
  const before = await evaluatePredicates(proposal.predicates, { state: stateBefore, page: pageBefore, reader: session.reader });
  if (before.every(Boolean)) {
    if (affordance) [chain.avoid, chain.settled].forEach((keys) => keys.add(affordance));
    chain.cost.toOverhead();
    return 'failed';
  }
  const refused = refusedByGuard(proposal, accepted);
  if (refused) {
    if (affordance) [chain.avoid, chain.settled].forEach((keys) => keys.add(affordance));
    (record.rejectedProposals ??= []).push({ level, reason: `“${proposal.description}” refused: ${refused}` });
    chain.cost.toOverhead();
    return 'failed';
  }

  const id = chain.nextSubtaskId();
  chain.currentSubtaskId = id;
  const startStep = chain.steps.count;
  const observationBefore = chain.observation;
  // The state and page after each step, for the soundness checks once the attempt is verified.
  const moments: Moment[] = [];
  if (input.auditLevels && environment.snapshot) {
    const url = new URL(chain.observation.url);
    chain.snapshots.set(startStep, { snapshot: await environment.snapshot(signal), path: url.pathname + url.search + url.hash });
  }
  const attempt: Attempt = await agents.executor.run({
    proposal,
    session,
    observation: chain.observation,
    maxSteps: limits.maxStepsPerSubtask,
    rng: input.rng,
    recordStep: async (step) => {
      await chain.recordStep(step, id);
      if (step.executed.action.type !== 'done')
        moments.push({ state: chain.hasStateProbe ? await environment.readState(signal) : undefined, page: pageViewOf(step.after) });
    },
    recorder: chain.recorder,
    ...(signal ? { signal } : {}),
  });
  chain.observation = attempt.finalObservation;
  const stateAfter = await environment.readState(signal);
  const pageAfter = pageViewOf(chain.observation);
  const after = {
    state: stateAfter,
    page: pageAfter,
    reader: session.reader,
    ...(attempt.answer !== undefined ? { answer: attempt.answer } : {}),
  };
  const judged = { observationBefore, hasStateProbe: chain.hasStateProbe, recorder: chain.recorder, ...(signal ? { signal } : {}) };
  const range = { start: startStep, end: chain.steps.count };
  // A gold trajectory holds no failed action: its outcome may differ on a replay (a timeout on a
  // busy machine), so an attempt with one is a failed attempt, even where its check passed, and
  // is not relabeled either (a revision would keep the same steps).
  const failedStep = firstFailedStep(attempt, range.start);
  const soundness = {
    before: { state: stateBefore, page: pageBefore },
    after: { state: stateAfter, page: pageAfter },
    moments,
    actions: attempt.actions,
    atStart: chain.atStart,
    checkAtReset: input.checkAtReset,
    readFresh: (path: string) => session.reader.read(path, signal),
  };
  const verified = await sound(
    proposal,
    withoutFailedSteps(await agents.verifier.verify({ proposal, before, after, attempt, ...judged }), failedStep),
    soundness,
  );
  proposal = verified.proposal;
  const verdict = verified.verdict;
  // `calls` counts role invocations (heuristic or model); tokens and USD come from the model calls.
  const usage = (calls: number): Usage =>
    addUsage({ ...emptyUsage(), calls, steps: range.end - range.start, wallMs: round(performance.now() - started) }, chain.cost.take());
  const proposed = subtaskFrom(proposal, { id, origin: 'proposed', verdict, steps: range, attempt, usage: usage(3) });
  record.subtasks.push(proposed);
  let acceptedHere = false;
  if (verdict.success) {
    proposed.level = accepted.length + 1;
    accepted.push(proposed);
    acceptedHere = true;
  } else {
    if (affordance) chain.avoid.add(affordance);
    const revised =
      failedStep || verified.refused
        ? undefined
        : await agents.reviser.revise({
            proposal,
            attempt,
            stateBefore,
            stateAfter,
            pageBefore,
            pageAfter,
            rng: input.rng,
            persona: input.persona,
            ...judged,
          });
    if (revised) {
      const revisedBefore = await evaluatePredicates(revised.predicates, { state: stateBefore, page: pageBefore });
      const checked = await sound(
        revised,
        await agents.verifier.verify({ proposal: revised, before: revisedBefore, after, attempt, ...judged }),
        soundness,
      );
      const revisedVerdict = checked.verdict;
      if (revisedVerdict.success) {
        const relabeled = subtaskFrom(checked.proposal, {
          id: chain.nextSubtaskId(),
          origin: 'revised',
          verdict: revisedVerdict,
          steps: range,
          attempt,
          usage: usage(2),
          revisedFrom: id,
        });
        relabeled.level = accepted.length + 1;
        record.subtasks.push(relabeled);
        accepted.push(relabeled);
        acceptedHere = true;
      }
    }
    chain.cost.toOverhead();
  }
  for (const subtask of record.subtasks.slice(-2)) {
    if (subtask.steps.start === startStep) input.emit({ type: 'subtask-finished', chainId: record.chainId, subtask });
  }
  record.stepCount = chain.steps.count;
  await chain.save();
  return acceptedHere ? 'accepted' : 'failed';
}

/**
 * A verified proposal whose postcondition is made sound (subtask-soundness): strengthened, with the
 * verdict extended to the added predicates, or refused, with the verdict turned into a failure that
 * says why. A verdict that already failed is left as it is.
 */
async function sound(
  proposal: Proposal,
  verdict: Verdict,
  context: Omit<SoundnessInput, 'proposal'>,
): Promise<{ proposal: Proposal; verdict: Verdict; refused?: string }> {
  if (!verdict.success) return { proposal, verdict };
  const result = await soundPostcondition({ ...context, proposal });
  if ('refused' in result)
    return {
      proposal,
      verdict: { ...verdict, success: false, reason: `${verdict.reason}; not accepted: ${result.refused}` },
      refused: result.refused,
    };
  if (result.added.length === 0) return { proposal: { ...proposal, predicates: result.predicates }, verdict };
  // Added predicates hold after the attempt by construction; before it, they are read where they can be.
  const addedBefore = await evaluatePredicates(
    result.added.map((predicate) => ('fresh' in predicate && predicate.fresh ? { ...predicate, fresh: false } : predicate)),
    { state: context.before.state, page: context.before.page },
  );
  return {
    proposal: { ...proposal, predicates: result.predicates },
    verdict: { ...verdict, before: [...verdict.before, ...addedBefore], after: [...verdict.after, ...result.added.map(() => true)] },
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
  return {
    ...verdict,
    success: false,
    reason: `${verdict.reason}; not accepted: step ${failedStep.index} failed (${failedStep.error}), and a gold trajectory holds no failed action`,
  };
}

function subtaskFrom(
  proposal: Proposal,
  details: {
    id: string;
    origin: 'proposed' | 'revised';
    verdict: Verdict;
    steps: { start: number; end: number };
    attempt: Attempt;
    usage: Usage;
    revisedFrom?: string;
  },
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

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
