import type { ExecutedAction } from '../core/action.js';
import type { Box, Point } from '../core/geometry.js';
import type { StepTimings } from '../core/step.js';
import type { SnapshotDiff } from './snapshot-diff.js';

/**
 * What the viewer's pages show, read from a run once and rendered to HTML. Image paths are relative
 * to the site's root; the builder copies the files they name (`images`) into the site.
 */

/** A model call as a step or subtask shows it. */
export interface CallView {
  role: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  images: number;
  latencyMs: number;
  costUsd?: number;
  fromCache?: boolean;
}

export interface StepView {
  index: number;
  /** The subtask the step serves: for a relabelled attempt's steps, the revision. */
  subtaskId: string;
  /** The failed attempt the step was taken in, when a revision relabelled it. */
  attemptOf?: string;
  /** Position of the step's subtask in the page's subtask list (for its colour and group). */
  subtaskPosition: number;
  /** `failed`: the step belongs to a rejected attempt that no revision relabelled. */
  attempt: 'accepted' | 'failed' | 'episode';
  url: string;
  title: string;
  urlAfter: string;
  image: string;
  afterImage: string;
  label: string;
  actionType: string;
  executed: ExecutedAction;
  box?: Box;
  point?: Point;
  ok: boolean;
  error?: string;
  timings: StepTimings;
  diff: SnapshotDiff;
  calls: CallView[];
}

export interface PredicateView {
  text: string;
  before?: boolean;
  after?: boolean;
}

export interface SubtaskView {
  id: string;
  position: number;
  origin: 'proposed' | 'revised';
  revisedFrom?: string;
  status: 'accepted' | 'failed';
  level?: number;
  description: string;
  interaction: string;
  predicates: PredicateView[];
  method: 'checker' | 'judge';
  reason: string;
  judge?: { success: boolean; confidence: number; reasons: string[]; model: string; agreesWithChecker?: boolean };
  /** A jury of judges (`--verifier A,B`): each one's say. */
  jury?: {
    success: boolean;
    split: boolean;
    jurors: Array<{ model: string; success?: boolean; confidence?: number; reasons: string[]; agreesWithChecker?: boolean }>;
  };
  /** The jury split where no probe decided: not accepted, set aside for a person. */
  flaggedForReview?: boolean;
  answer?: string;
  steps: { start: number; end: number };
  /** Calls attributed to the subtask but to no one step (proposer, verifier, reviser). */
  calls: CallView[];
  costUsd?: number;
}

export interface LevelView {
  level: number;
  task: string;
  checker: string[];
  /** Success also needs the subtasks done in order (the level is ordered). */
  ordered?: boolean;
  gold: { start: number; end: number };
  subtaskIds: string[];
  interactions: string[];
  replay?: { valid: boolean; reason?: string };
  /**
   * Whether the checker rejects wrong work: synthesis's own audit of the level (`synth`), and the
   * run's `trajsynth audit` (`sound`, with every near-miss the checker passed).
   */
  audit?: {
    synth?: string;
    sound?: boolean;
    /** What `trajsynth audit` found, in a few words ("12 of 12 near-misses rejected, 2 stuck"). */
    summary?: string;
    survivors?: string[];
  };
  review?: string;
  costUsd?: number;
}

export interface EpisodeOutcomeView {
  task: string;
  checker: string[];
  checkerAtEnd?: boolean[];
  level: number;
  source: string;
  chainId: string;
  agent: string;
  status: string;
  success?: boolean;
  progress?: number;
  milestones?: number[];
  endedBy?: string;
  failureReason?: string;
  answer?: string;
  judge?: { success: boolean; confidence: number; reasons: string[]; model: string };
  /** With several judges: each one's opinion and the majority (ties fail). */
  jury?: {
    success: boolean;
    split: boolean;
    opinions: Array<{ success: boolean; confidence: number; reasons: string[]; model: string }>;
    abstained: string[];
  };
}

/** A chain's page, or an evaluation episode's. */
export interface TrajectoryPage {
  kind: 'chain' | 'episode';
  id: string;
  /** Path of the page relative to the site root. */
  href: string;
  environment: string;
  heading: string;
  facts: Array<[string, string]>;
  levels: LevelView[];
  subtasks: SubtaskView[];
  episode?: EpisodeOutcomeView;
  steps: StepView[];
  finalImage?: string;
}

/** One row of the overview's task table (a level-k task, or an evaluation episode). */
export interface TaskRow {
  id: string;
  href: string;
  environment: string;
  level: number;
  interactions: string[];
  text: string;
  /** Filterable status: replay valid/invalid/unchecked for tasks; success/failure/error for episodes. */
  status: string;
  review?: string;
  steps: number;
  detail: string;
}

export interface OverviewPage {
  kind: 'synth' | 'eval';
  runId: string;
  heading: string;
  facts: Array<[string, string]>;
  tiles: Array<{ label: string; value: string; note?: string }>;
  /** Bars for the levels chart: level k and how many chains (synth) or episodes succeeded (eval). */
  levels: Array<{ level: number; count: number; of: number; label: string }>;
  levelsTitle: string;
  /** Trusted SVG of the success-by-level chart with intervals (eval runs), drawn by the caller. */
  resultsSvg?: string;
  tables: Array<{ title: string; columns: string[]; rows: string[][]; numeric?: number[] }>;
  rows: TaskRow[];
  rowKind: 'task' | 'episode';
}

export interface RunSite {
  overview: OverviewPage;
  pages: TrajectoryPage[];
  /** Files to copy into the site: absolute source path by site-relative destination. */
  images: Map<string, string>;
}
