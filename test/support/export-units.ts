/**
 * Hand-built ExportUnits for format tests: two real screenshots (test/fixtures/export, 1280×800
 * WebP from a seed-7 run) encoded as the exporter would, and one trajectory that covers every action
 * kind: click (ref and point), dblclick, type, press (with and without a target), select, scroll,
 * wait, navigate, back, a failed click, and done with an answer.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Action, ExecutedAction } from '../../src/core/action.js';
import type {
  ActionSpace,
  CoordinateSystem,
  EncodedImage,
  ExportAction,
  ExportTurn,
  ExportUnit,
  FormatContext,
  ImageFormat,
  SampleStep,
  TrajectorySample,
} from '../../src/export/sample.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/export');
const EXT: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

export async function encodeScreens(format: ImageFormat, scale = 1): Promise<EncodedImage[]> {
  const images: EncodedImage[] = [];
  for (const name of ['screen-a.webp', 'screen-b.webp']) {
    let pipeline = sharp(await readFile(join(FIXTURES, name)));
    if (scale !== 1) pipeline = pipeline.resize(Math.round(1280 * scale), Math.round(800 * scale));
    const bytes = new Uint8Array(await pipeline.toFormat(format).toBuffer());
    images.push(encodedImage(bytes, format, Math.round(1280 * scale), Math.round(800 * scale), scale));
  }
  return images;
}

export function encodedImage(bytes: Uint8Array, format: ImageFormat, width: number, height: number, scale = 1): EncodedImage {
  const sha = createHash('sha256').update(bytes).digest('hex');
  return { path: `images/${sha}.${EXT[format]}`, bytes, mimeType: `image/${format}` as EncodedImage['mimeType'], width, height, scale };
}

interface Step {
  action: Action;
  element?: { ref: string; role: string; name: string };
  point?: { x: number; y: number };
  error?: string;
}

/** The trajectory's steps, as executed (points in page pixels of the 1280×800 viewport). */
export const STEPS: Step[] = [
  {
    action: { type: 'click', target: { ref: 'e201', role: 'link', name: 'Write runbook' } },
    element: { ref: 'e201', role: 'link', name: 'Write runbook' },
    point: { x: 365, y: 690 },
  },
  {
    action: { type: 'dblclick', target: { ref: 'e310' } },
    element: { ref: 'e310', role: 'cell', name: 'Due date' },
    point: { x: 200, y: 150 },
  },
  {
    action: { type: 'type', target: { ref: 'e12' }, text: 'Hello <image> world' },
    element: { ref: 'e12', role: 'textbox', name: 'Title' },
    point: { x: 300, y: 200 },
  },
  {
    action: { type: 'type', target: { ref: 'e12' }, text: ' again', clear: false },
    element: { ref: 'e12', role: 'textbox', name: 'Title' },
    point: { x: 300, y: 200 },
  },
  { action: { type: 'press', key: 'Control+a' } },
  {
    action: { type: 'press', key: 'Enter', target: { ref: 'e12' } },
    element: { ref: 'e12', role: 'textbox', name: 'Title' },
    point: { x: 300, y: 200 },
  },
  {
    action: { type: 'select', target: { ref: 'e40' }, value: 'High' },
    element: { ref: 'e40', role: 'combobox', name: 'Priority' },
    point: { x: 500, y: 300 },
  },
  { action: { type: 'scroll', deltaY: 300, target: { point: { x: 640, y: 400 } } }, point: { x: 640, y: 400 } },
  { action: { type: 'wait', ms: 500 } },
  { action: { type: 'navigate', url: 'http://127.0.0.1:3000/tasks' } },
  { action: { type: 'back' } },
  {
    action: { type: 'click', target: { ref: 'e99', role: 'button', name: 'Archive' } },
    error: 'Could not click button "Archive": no such element',
  },
];
export const ANSWER = 'Medium';
export const TASK = 'Open the runbook task, rename it, set its priority to High, and report its priority. Mind the <image> tag.';

export function sample(split = 'train'): TrajectorySample {
  const steps: SampleStep[] = STEPS.map((step, index) => {
    const executed: ExecutedAction = {
      action: step.action,
      ...(step.element ? { element: { ...step.element, groundedBy: 'role-name' as const } } : {}),
      ...(step.point ? { coordinates: step.point } : {}),
      outcome: step.error ? { ok: false, error: step.error } : { ok: true },
      urlAfter: 'http://127.0.0.1:3000/',
    };
    return {
      index,
      subtaskIndex: 0,
      attempt: 'accepted' as const,
      url: `http://127.0.0.1:3000/page/${index}`,
      title: `Page ${index} · Trackly`,
      screenshotPath: `/nowhere/${index}.webp`,
      snapshotPath: `/nowhere/${index}.yaml`,
      executed,
    };
  });
  return {
    id: 'run-1/c0001/L2',
    runId: 'run-1',
    kind: 'synth',
    chainId: 'c0001',
    sourceRunId: 'run-1',
    level: 2,
    environment: 'project-tracker',
    envSeed: 7,
    startPath: '/',
    interactions: ['form', 'read'],
    task: TASK,
    subtaskTexts: ['Open the runbook task', 'Report its priority'],
    checker: [],
    entities: [],
    answer: ANSWER,
    steps,
    finalScreenshotPath: '/nowhere/final.webp',
    finalUrl: '/',
    finalTitle: 'Trackly',
    viewport: { width: 1280, height: 800 },
    split,
  };
}

function convert(point: { x: number; y: number }, coords: CoordinateSystem, image: EncodedImage): { x: number; y: number } {
  const x = point.x * image.scale;
  const y = point.y * image.scale;
  if (coords === 'unit') return { x: Number((x / image.width).toFixed(4)), y: Number((y / image.height).toFixed(4)) };
  if (coords === 'thousandths') return { x: Math.round((x / image.width) * 1000), y: Math.round((y / image.height) * 1000) };
  return { x: Math.round(x), y: Math.round(y) };
}

/** What the exporter would make of a step: the format-neutral action in the given space and coordinates. */
export function exportAction(step: Step, space: ActionSpace, coords: CoordinateSystem, image: EncodedImage): ExportAction {
  const action = step.action;
  const out: ExportAction = { type: action.type };
  if (space !== 'pixel' && step.element)
    Object.assign(out, { ref: step.element.ref, role: step.element.role, elementName: step.element.name });
  if (space !== 'pixel' && !step.element && 'target' in action && action.target?.ref)
    Object.assign(out, { ref: action.target.ref, role: action.target.role, elementName: action.target.name });
  if (space !== 'ref' && step.point) out.point = convert(step.point, coords, image);
  if (action.type === 'type') out.text = action.text;
  if (action.type === 'press') out.keys = [action.key];
  if (action.type === 'select') out.value = action.value;
  if (action.type === 'scroll') out.scroll = { deltaX: action.deltaX ?? 0, deltaY: action.deltaY };
  if (action.type === 'wait') out.waitMs = action.ms;
  if (action.type === 'navigate') out.url = action.url;
  return out;
}

/** Every step then `done` on the end state; screenshots alternate between the two fixtures. */
export function trajectoryUnit(images: EncodedImage[], space: ActionSpace, coords: CoordinateSystem, split = 'train'): ExportUnit {
  const base = sample(split);
  const turns: ExportTurn[] = STEPS.map((step, index) => {
    const image = images[index % 2]!;
    return {
      stepIndex: index,
      url: base.steps[index]!.url,
      title: base.steps[index]!.title,
      image,
      action: exportAction(step, space, coords, image),
      ok: !step.error,
      ...(step.error ? { error: step.error } : {}),
    };
  });
  turns.push({
    stepIndex: STEPS.length,
    url: 'http://127.0.0.1:3000/',
    title: 'Done · Trackly',
    image: images[STEPS.length % 2]!,
    action: { type: 'done', answer: ANSWER },
    ok: true,
  });
  return { id: base.id, unit: 'trajectory', sample: base, turns, coords, actionSpace: space };
}

/** Step `target` with `history` turns before it; the oldest history turns have no image (beyond the image window). */
export function stepUnit(
  images: EncodedImage[],
  space: ActionSpace,
  coords: CoordinateSystem,
  target: number,
  history: number,
  imageWindow: number,
): ExportUnit {
  const trajectory = trajectoryUnit(images, space, coords);
  const turns = trajectory.turns.slice(Math.max(0, target - history), target + 1).map((turn, index, all) => {
    if (all.length - 1 - index <= imageWindow) return turn;
    const { image: _image, ...rest } = turn;
    return rest;
  });
  return { ...trajectory, id: `${trajectory.id}#s${target}`, unit: 'step', turns };
}

/** A FormatContext on a directory, writing each image once. */
export function formatContext(root: string, splits = ['train', 'test']): FormatContext & { written: string[] } {
  const written: string[] = [];
  return {
    root,
    splits,
    systemPrompt: 'You operate a web browser to complete the task.',
    written,
    async writeImage(image) {
      if (!written.includes(image.path)) {
        await mkdir(join(root, 'images'), { recursive: true });
        await writeFile(join(root, image.path), image.bytes);
        written.push(image.path);
      }
      return image.path;
    },
  };
}
