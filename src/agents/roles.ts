export type { StepRecord } from '../core/step.js';
import type { StepRecord } from '../core/step.js';
import type { ExecutedAction, Action } from '../core/action.js';
import type { AffordanceDeclaration, EnvironmentState } from '../core/environment.js';
import type { CapturedObservation, Observation, PageReader, PageView } from '../core/observation.js';
import type { Rng } from '../core/random.js';
import type { Proposal, Subtask, Verdict } from '../core/task.js';
import type { PredicateContext } from '../environments/predicates.js';
import type { RouteGraph } from '../environments/site-map.js';
import type { CallRecorder } from '../model/language-model.js';
import type { Persona } from './personas.js';

/** The part of a browser session an executor acts through (structurally, src/browser's session). */
export interface ActingSession {
  observe(options?: { signal?: AbortSignal; screenshot?: boolean }): Promise<CapturedObservation>;
  execute(
    action: Action,
    options?: { observation?: Observation; signal?: AbortSignal; timeoutMs?: number },
  ): Promise<{ executed: ExecutedAction; actionMs: number }>;
  reader: PageReader;
}

/** What the chain has done so far, as the proposers see it. */
export interface ChainSoFar {
  accepted: readonly Subtask[];
  attempted: readonly Subtask[];
  /** Affordance keys already used in this chain. */
  explored: ReadonlySet<string>;
  /** Affordance keys not to propose again (they failed, or their postcondition already held). */
  avoid: ReadonlySet<string>;
  /** The avoided keys no second try could change: their postcondition already held, or the diversity guard refused them. */
  settled?: ReadonlySet<string>;
}

/**
 * What a chain of an app with declared affordances aims to exercise: its share of the declarations,
 * and the app's route graph for walking toward the routes they live on. Proposers may prefer
 * affordances that serve an aim; sites without declarations give no aim.
 */
export interface ChainAim {
  affordances: readonly AffordanceDeclaration[];
  /** What to aim at once the chain's own share is done (another chain's share, for a second chance). */
  then?: readonly AffordanceDeclaration[];
  /** Every declaration of the app (the chain's share included), worth a little more than the undeclared. */
  declared?: readonly AffordanceDeclaration[];
  routes?: RouteGraph;
}

export interface ProposeInput {
  observation: Observation;
  persona: Persona;
  chain: ChainSoFar;
  /** The chain's aim, when its environment declares affordances. */
  aim?: ChainAim;
  /**
   * An aimed run's weights on interaction kinds (form: 4 = four times as likely as otherwise), toward
   * the kinds the target agent fails; absent kinds weigh 1.
   */
  kindWeights?: Readonly<Record<string, number>>;
  rng: Rng;
  /** 0 for the first try at this level, then 1, 2, … after failures: propose something simpler. */
  retry: number;
  hasStateProbe: boolean;
  /**
   * The probe's state, for model-backed proposers that write state predicates and must check them
   * false before the task. Heuristic agents never read it: it is ground truth.
   */
  state?: EnvironmentState;
  /** Reads other pages in the session's context, for validating page predicates with a path. */
  reader?: PageReader;
  /** Receives the usage of model calls made for this proposal. */
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export interface Proposer {
  readonly id: string;
  propose(input: ProposeInput): Promise<Proposal | undefined>;
}

export interface ExecuteInput {
  proposal: Proposal;
  session: ActingSession;
  observation: CapturedObservation;
  maxSteps: number;
  /** Seeded randomness for executors that make choices (the heuristic one's occasional slips). */
  rng: Rng;
  /** Called after every action, before the next one; the pipeline persists the step here. */
  recordStep(record: StepRecord): Promise<void>;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export interface Attempt {
  stepCount: number;
  /** What the executor actually did, in order. */
  actions: ExecutedAction[];
  answer?: string;
  finalObservation: CapturedObservation;
  /** Why the executor stopped early, if it did. */
  stoppedBecause?: string;
}

export interface Executor {
  readonly id: string;
  run(input: ExecuteInput): Promise<Attempt>;
}

export interface VerifyInput {
  proposal: Proposal;
  /** The predicates' values before the attempt, in order. */
  before: readonly boolean[];
  after: PredicateContext;
  attempt: Attempt;
  /** The page before the attempt (judges compare it with the attempt's final observation). */
  observationBefore?: CapturedObservation;
  hasStateProbe?: boolean;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export interface Verifier {
  readonly id: string;
  verify(input: VerifyInput): Promise<Verdict>;
}

export interface ReviseInput {
  proposal: Proposal;
  attempt: Attempt;
  stateBefore: EnvironmentState | undefined;
  stateAfter: EnvironmentState | undefined;
  pageBefore: PageView;
  pageAfter: PageView;
  rng: Rng;
  observationBefore?: CapturedObservation;
  hasStateProbe?: boolean;
  /** The chain's persona, for a revision written in its voice. */
  persona?: Persona;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export interface Reviser {
  readonly id: string;
  /** What the attempt actually achieved, as a task; undefined when nothing meaningful changed. */
  revise(input: ReviseInput): Promise<Proposal | undefined>;
}

export interface SummarizeInput {
  subtasks: readonly Subtask[];
  rng: Rng;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export interface Summarizer {
  readonly id: string;
  summarize(input: SummarizeInput): Promise<string>;
}

/** One implementation per role, chosen by configuration. */
export interface AgentSet {
  proposer: Proposer;
  followUp: Proposer;
  executor: Executor;
  verifier: Verifier;
  reviser: Reviser;
  summarizer: Summarizer;
}
