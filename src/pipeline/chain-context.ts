import type { ChainRecord } from '../core/chain.js';
import type { CapturedObservation } from '../core/observation.js';
import { pageViewOf } from '../core/page-text.js';
import type { Subtask } from '../core/task.js';
import type { ModelCall } from '../core/usage.js';
import type { StepRecord } from '../agents/roles.js';
import type { CallRecorder } from '../model/language-model.js';
import { ChainCost } from '../cost/chain-cost.js';
import type { PredicateContext } from '../environments/predicates.js';
import type { ChainRunInput } from './chain-runner.js';
import { createStepRecorder, type StepRecorder } from '../store/step-recorder.js';

/**
 * What a chain carries from subtask to subtask: the page it is on, the subtasks accepted so far and
 * the controls its proposers should leave alone, its spending, its steps and model calls on disk.
 */
export interface ChainContext {
  readonly input: ChainRunInput;
  readonly record: ChainRecord;
  /** The page now, as the last action left it. */
  observation: CapturedObservation;
  /** The seeded reset on the start page, captured when the chain began: what a level-k task starts from. */
  readonly atStart: PredicateContext;
  readonly accepted: Subtask[];
  /** Affordances proposed so far, those to avoid, and those avoided for good (their check held already). */
  readonly explored: Set<string>;
  readonly avoid: Set<string>;
  readonly settled: Set<string>;
  readonly hasStateProbe: boolean;
  readonly cost: ChainCost;
  /** Stores each model call with the chain, level and subtask it served; the cost waits in `cost`. */
  readonly recorder: CallRecorder;
  readonly steps: StepRecorder;
  /** The action type of every step so far, by step index (`done` steps are not gold actions). */
  readonly actionTypes: string[];
  /** The subtask an attempt is under way for (its model calls are attributed to it). */
  currentSubtaskId: string | undefined;
  /**
   * The app's state and the page where each attempt began, by its first step (apps that can give a
   * snapshot, when the chain is audited): its near-misses are replayed from there.
   */
  readonly snapshots: Map<number, { snapshot: string; path: string }>;
  nextSubtaskId(): string;
  recordStep(step: StepRecord, subtaskId: string): Promise<void>;
  /** Writes chain.json with its totals, once the calls and steps before it are on disk. */
  save(): Promise<void>;
}

/** Opens the chain on its start page and returns its context. */
export async function openChain(input: ChainRunInput): Promise<ChainContext> {
  const { record, environment, session, writer, signal } = input;
  const actionTypes: string[] = [];
  const steps = createStepRecorder(writer, (stepIndex, executed) => {
    actionTypes[stepIndex] = executed.action.type;
    input.emit({ type: 'step', chainId: record.chainId, stepIndex, action: executed.action.type, ok: executed.outcome.ok });
  });
  await session.goto(record.startPath ?? environment.manifest.startPath, signal);
  const observation = await session.observe({ signal });
  const atStart = { state: await environment.readState(signal), page: pageViewOf(observation) };
  let subtaskCounter = 0;
  const idAt = (counter: number) => `${record.chainId}-s${String(counter).padStart(2, '0')}`;
  let callWrites = Promise.resolve();
  const cost = new ChainCost(record.overhead);
  const context: ChainContext = {
    input,
    record,
    observation,
    atStart,
    accepted: [],
    explored: new Set(),
    avoid: new Set(),
    settled: new Set(),
    hasStateProbe: environment.manifest.hasStateProbe,
    cost,
    steps,
    actionTypes,
    currentSubtaskId: undefined,
    snapshots: new Map(),
    nextSubtaskId: () => idAt(++subtaskCounter),
    recordStep: (step, subtaskId) => steps.record(step, subtaskId),
    recorder: {
      record(call) {
        // A level's summary is made after its subtask is accepted, and belongs to that level.
        const accepted = context.accepted.length;
        const where =
          call.role === 'summarizer'
            ? { level: accepted }
            : { level: accepted + 1, subtaskId: context.currentSubtaskId ?? idAt(subtaskCounter + 1) };
        const stored: ModelCall = { ...call, chainId: record.chainId, ...where, at: new Date().toISOString() };
        cost.add(call);
        callWrites = callWrites.then(() => writer.appendCall(stored));
        input.onCall?.(stored);
      },
    },
    async save() {
      cost.totals(record);
      await callWrites;
      await writer.writeChain(record);
    },
  };
  return context;
}

export { pageViewOf };
