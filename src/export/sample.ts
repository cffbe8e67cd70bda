import type { ExecutedAction } from '../core/action.js';
import type { InteractionKind } from '../core/task.js';
import type { Predicate } from '../core/predicate.js';

/**
 * What an export is made of. The store's runs are read into `TrajectorySample`s (one per level-k task
 * of a synthesis run, one per evaluation episode), filtered and split; each sample becomes one
 * `ExportUnit` (`--unit trajectory`) or one per step (`--unit step`); a format writes units as records.
 * Formats never read the store: everything they need is here, with images already encoded.
 */

/** Which element an exported action names, and how its pixels are written. */
export type ActionSpace = 'pixel' | 'ref' | 'both';
/** Pixel coordinates as pixels of the exported image, as 0..1 fractions of its size, or as 0..1000. */
export type CoordinateSystem = 'absolute' | 'unit' | 'thousandths';
export type ImageFormat = 'webp' | 'png' | 'jpeg';
export type ExportUnitKind = 'trajectory' | 'step';

/** One step of a sample as the store recorded it (images not yet encoded). */
export interface SampleStep {
  /** The step's index in its chain's (or episode's) steps.jsonl. */
  index: number;
  /** 0-based position of the subtask the step served among the sample's subtasks (0 for eval episodes). */
  subtaskIndex: number;
  /**
   * `failed`: the step belongs to an attempt the verifier rejected and no revision relabelled; it stays
   * in the trajectory because it changed the page the next subtask started on.
   */
  attempt: 'accepted' | 'failed';
  /**
   * The page's URL: path, query and hash for a bundled app (its origin is a port chosen per episode,
   * noise to a learner), the full URL for a website (`--url`).
   */
  url: string;
  title: string;
  /** Absolute path of the screenshot seen before the action (the stored WebP). */
  screenshotPath: string;
  /** Absolute path of the accessibility snapshot seen before the action. */
  snapshotPath: string;
  executed: ExecutedAction;
  /**
   * How long the action took and how long observing its result took, as the store recorded them
   * (absent where the store has none), for formats that lay the steps out on a timeline.
   */
  timings?: { actionMs: number; observeMs: number };
}

export interface TrajectorySample {
  /** Stable identity: `<run>/<chain>/L<k>` for a level-k task, `<eval-run>/<episode>` for an episode. */
  id: string;
  runId: string;
  kind: 'synth' | 'eval';
  chainId: string;
  /** The synthesis run the task comes from (the run itself for synth samples). */
  sourceRunId: string;
  level: number;
  environment: string;
  envSeed: number;
  startPath: string;
  persona?: string;
  /** Interaction kinds of the sample's subtasks, in order. */
  interactions: InteractionKind[];
  /** The level-k task text the agent is given. */
  task: string;
  /** The subtask descriptions the task summarizes, in order (one per subtask). */
  subtaskTexts: string[];
  checker: Predicate[];
  entities: string[];
  /** The answer the trajectory gave, for information-seeking tasks. */
  answer?: string;
  steps: SampleStep[];
  /** Absolute path of the screenshot after the last step (the end state). */
  finalScreenshotPath: string;
  finalUrl: string;
  finalTitle: string;
  /**
   * When the run (synthesis: chains do not record their own start) or the episode (evaluation)
   * started, ISO 8601, where the store says.
   */
  startedAt?: string;
  /** Viewport the screenshots were taken at (CSS pixels = screenshot pixels). */
  viewport: { width: number; height: number };
  /** Evaluation episodes: the checker's verdict and subtasks completed in order. */
  outcome?: { success: boolean; progress: number; endedBy?: string };
  /** Replay validation, where `trajsynth replay` was run on the source: whether the gold steps still pass. */
  replayValid?: boolean;
  /**
   * The checker audit, where `trajsynth audit` was run on the source: whether the gold passes and
   * every near-miss fails (a sound checker labels success truly).
   */
  checkerSound?: boolean;
  /** Human review verdict, where reviews exist ("accepted", "rejected", ...). */
  review?: string;
  /**
   * Samples with the same key are attempts at the same task from the same start state (evaluation
   * episodes of one level-k task; a subtask a chain retried and its failed first attempt, see
   * retry-samples.ts), so a success and a failure among them make a preference pair.
   */
  pairKey?: string;
  /** Split name assigned by `--split` (hash of runId/chainId, so a chain's levels share a split). */
  split: string;
}

/** An image as it appears in the dataset: encoded, scaled, and named by the hash of its bytes. */
export interface EncodedImage {
  /** Path inside the dataset directory, e.g. `images/3f2a….webp` (sha256 of the bytes). */
  path: string;
  bytes: Uint8Array;
  mimeType: 'image/webp' | 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** Exported pixels per screenshot pixel (<= 1; 1 when not scaled). */
  scale: number;
}

/**
 * An action in a format-neutral shape, with coordinates already converted to the chosen system in
 * the exported image's own size. Which fields are present follows `--action-space`.
 */
export interface ExportAction {
  type: ExecutedAction['action']['type'];
  /** Element ref from the observation (action space ref or both). */
  ref?: string;
  role?: string;
  elementName?: string;
  /** Where the pointer went (action space pixel or both), in the chosen coordinate system. */
  point?: { x: number; y: number };
  text?: string;
  /** Keys pressed, Playwright names ("Enter", "Control+a"). */
  keys?: string[];
  /** The option chosen (select). */
  value?: string;
  url?: string;
  scroll?: { deltaX: number; deltaY: number };
  waitMs?: number;
  answer?: string;
}

/** One observation/action turn of a unit. */
export interface ExportTurn {
  stepIndex: number;
  url: string;
  title: string;
  /** The screenshot the action was chosen on; absent for history turns beyond the image window. */
  image?: EncodedImage;
  /**
   * The accessibility snapshot (YAML with `[ref=eN]` markers) the action was chosen on, for action
   * spaces that name elements by ref (`ref`, `both`); absent for `pixel` and for history turns.
   */
  snapshot?: string;
  action: ExportAction;
  /** The action's outcome as recorded; `error` is what the agent was shown. */
  ok: boolean;
  error?: string;
}

/** One training sample, as a format writes it. */
export interface ExportUnit {
  /** The sample id, plus `#s<index>` for step units. */
  id: string;
  unit: ExportUnitKind;
  sample: TrajectorySample;
  /**
   * Trajectory units: every step, then a final `done` turn (with the answer, if any) on the end-state
   * screenshot. Step units: the last `--history` turns before the step (context), then the step itself,
   * the only target.
   */
  turns: ExportTurn[];
  /** Coordinate system and image size the points refer to, for formats that declare them. */
  coords: CoordinateSystem;
  actionSpace: ActionSpace;
  /**
   * Preference formats only: the rejected attempt at the same task. `turns` is then the chosen attempt.
   * Step units are cut at the first turn where the two attempts act differently: the turns before it
   * (at most `--history`) are shared context, and the last turn of each is its answer there.
   */
  rejected?: { sample: TrajectorySample; turns: ExportTurn[] };
}

/** What a format writes into the dataset directory; the exporter adds manifest.json and the images. */
export interface FormatOutput {
  /** Files written, relative to the dataset root, with their record counts. */
  files: { path: string; split: string; records: number }[];
  /**
   * Every record written: its key (the unit id, or `<id>#pair<n>` for preference pairs) and the sha256
   * of the record as written (its JSON line, or its row with image bytes), for the manifest's
   * fingerprint and `trajsynth diff`.
   */
  records: { key: string; sha256: string; split: string }[];
  /** Notes for the user (windowed trajectories, dropped images), one line each. */
  notes: string[];
  /** Preference formats: the number of (chosen, rejected) pairs written. */
  pairs?: number;
}

export interface FormatContext {
  /** The dataset's temporary root (renamed into place when everything succeeded). */
  root: string;
  /** Writes an image into root (once per path) and returns its path; formats that embed bytes may skip it. */
  writeImage(image: EncodedImage): Promise<string>;
  /** The system prompt every chat format uses, naming the action space and coordinate system. */
  systemPrompt: string;
  splits: string[];
}

export interface DatasetFormat {
  id: string;
  /** Writes preference pairs (units carry `rejected`) rather than one record per sample. */
  preference?: boolean;
  /** Whether the format keeps image files in images/ (false when it embeds the bytes, like Parquet). */
  imageFiles: boolean;
  write(units: AsyncIterable<ExportUnit> | Iterable<ExportUnit>, context: FormatContext): Promise<FormatOutput>;
  /**
   * Reads back a file this format wrote (path relative to root) and lists its problems against the
   * consumer's documented rules, one line each ("data/train.jsonl:12: messages[3].content[0]: ..."),
   * for `trajsynth validate` on an exported dataset. Empty when the file is sound.
   */
  checkFile(root: string, file: string): Promise<string[]>;
}
