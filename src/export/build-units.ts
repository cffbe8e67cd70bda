import { readFile } from 'node:fs/promises';
import { exportAction } from './export-action.js';
import type { ImageEncoder } from './encode-image.js';
import { pairUnit } from './preference-pairs.js';
import type { ActionSpace, CoordinateSystem, ExportTurn, ExportUnit, ExportUnitKind, TrajectorySample } from './sample.js';

export interface UnitOptions {
  unit: ExportUnitKind;
  /** Step units: how many earlier turns (screenshot and action) come with each step. */
  history: number;
  actionSpace: ActionSpace;
  coords: CoordinateSystem;
}

/**
 * A sample's turns: each recorded step (the screenshot it was chosen on, the action, its outcome),
 * then a `done` turn on the end-state screenshot carrying the answer, if any.
 */
export async function turnsOf(sample: TrajectorySample, options: UnitOptions, images: ImageEncoder): Promise<ExportTurn[]> {
  const withSnapshots = options.actionSpace !== 'pixel';
  const turns: ExportTurn[] = [];
  for (const step of sample.steps) {
    const image = await images.encode(step.screenshotPath);
    const outcome = step.executed.outcome;
    turns.push({
      stepIndex: step.index,
      url: step.url,
      title: step.title,
      image,
      ...(withSnapshots ? { snapshot: await readFile(step.snapshotPath, 'utf8') } : {}),
      action: exportAction(step.executed, image, options.actionSpace, options.coords),
      ok: outcome.ok,
      ...(outcome.ok ? {} : { error: outcome.error }),
    });
  }
  const finalImage = await images.encode(sample.finalScreenshotPath);
  const lastStep = sample.steps.at(-1);
  turns.push({
    stepIndex: lastStep ? lastStep.index + 1 : 0,
    url: sample.finalUrl,
    title: sample.finalTitle,
    image: finalImage,
    ...(withSnapshots ? { snapshot: await finalSnapshot(sample) } : {}),
    action: { type: 'done', ...(sample.answer !== undefined ? { answer: sample.answer } : {}) },
    ok: true,
  });
  return turns;
}

async function finalSnapshot(sample: TrajectorySample): Promise<string> {
  const path = sample.finalScreenshotPath.replace(/\/screens\/(\d+)\.webp$/, '/snapshots/$1.yaml');
  return readFile(path, 'utf8').catch(() => '');
}

/**
 * The units of one sample: one multi-turn unit (`trajectory`), or one per turn (`step`) carrying the
 * last `history` turns before it as context (history turns keep their screenshot, not their snapshot).
 */
export async function unitsOf(sample: TrajectorySample, options: UnitOptions, images: ImageEncoder): Promise<ExportUnit[]> {
  const turns = await turnsOf(sample, options, images);
  const common = { sample, coords: options.coords, actionSpace: options.actionSpace };
  if (options.unit === 'trajectory') return [{ id: sample.id, unit: 'trajectory', turns, ...common }];
  return turns.map((turn, position) => {
    const history = turns.slice(Math.max(0, position - options.history), position).map(({ snapshot: _snapshot, ...rest }) => rest);
    return { id: `${sample.id}#s${String(turn.stepIndex).padStart(4, '0')}`, unit: 'step', turns: [...history, turn], ...common };
  });
}

/** Units of every sample, in sample order, encoding each screenshot once. */
export async function* buildUnits(
  samples: readonly TrajectorySample[],
  options: UnitOptions,
  images: ImageEncoder,
  onSample?: (done: number) => void,
): AsyncGenerator<ExportUnit> {
  let done = 0;
  for (const sample of samples) {
    for (const unit of await unitsOf(sample, options, images)) yield unit;
    done += 1;
    onSample?.(done);
  }
}

/** Preference units: each pair's chosen and rejected attempts (see pairUnit). */
export async function* buildPairUnits(
  pairs: readonly { chosen: TrajectorySample; rejected: TrajectorySample }[],
  options: UnitOptions,
  images: ImageEncoder,
  onPair?: (done: number) => void,
): AsyncGenerator<ExportUnit> {
  let done = 0;
  for (const { chosen, rejected } of pairs) {
    const base = { coords: options.coords, actionSpace: options.actionSpace };
    yield pairUnit(
      await turnsOf(chosen, options, images),
      await turnsOf(rejected, options, images),
      chosen,
      rejected,
      options.unit,
      options.history,
      base,
    );
    done += 1;
    onPair?.(done);
  }
}
