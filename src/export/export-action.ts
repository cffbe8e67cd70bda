import type { ExecutedAction } from '../core/action.js';
import { boxCenter, type Point } from '../core/geometry.js';
import type { ActionSpace, CoordinateSystem, EncodedImage, ExportAction } from './sample.js';

/** A point in screenshot pixels, converted to the exported image and the chosen coordinate system. */
export function convertPoint(point: Point, image: Pick<EncodedImage, 'width' | 'height' | 'scale'>, coords: CoordinateSystem): Point {
  const sourceWidth = image.width / image.scale;
  const sourceHeight = image.height / image.scale;
  switch (coords) {
    case 'absolute':
      return {
        x: clamp(Math.round(point.x * image.scale), 0, image.width - 1),
        y: clamp(Math.round(point.y * image.scale), 0, image.height - 1),
      };
    case 'unit':
      return { x: round4(clamp(point.x / sourceWidth, 0, 1)), y: round4(clamp(point.y / sourceHeight, 0, 1)) };
    case 'thousandths':
      return {
        x: clamp(Math.round((1000 * point.x) / sourceWidth), 0, 1000),
        y: clamp(Math.round((1000 * point.y) / sourceHeight), 0, 1000),
      };
  }
}

/** Where the pointer went, in screenshot pixels: the pixel the executor used, else the resolved element's centre, else the target's point. */
export function pointerOf(executed: ExecutedAction): Point | undefined {
  if (executed.coordinates) return executed.coordinates;
  if (executed.element?.box) return boxCenter(executed.element.box);
  const action = executed.action;
  if ('target' in action && action.target?.point) return action.target.point;
  return undefined;
}

/**
 * The executed action in the format-neutral export shape. Refs are the ones the agent saw in the
 * observation (the target's ref), else the element it resolved to; points are in the exported image.
 */
export function exportAction(
  executed: ExecutedAction,
  image: Pick<EncodedImage, 'width' | 'height' | 'scale'>,
  actionSpace: ActionSpace,
  coords: CoordinateSystem,
): ExportAction {
  const action = executed.action;
  const out: ExportAction = { type: action.type };
  const target = 'target' in action ? action.target : undefined;
  if (target || executed.element) {
    if (actionSpace !== 'pixel') {
      const ref = target?.ref ?? executed.element?.ref;
      if (ref) out.ref = ref;
      const role = executed.element?.role ?? target?.role;
      const name = executed.element?.name ?? target?.name;
      if (role) out.role = role;
      if (name) out.elementName = name;
    }
    if (actionSpace !== 'ref') {
      const point = pointerOf(executed);
      if (point) out.point = convertPoint(point, image, coords);
    }
  }
  switch (action.type) {
    case 'type':
      out.text = action.text;
      break;
    case 'press':
      out.keys = executed.keys ?? [action.key];
      break;
    case 'select':
      out.value = action.value;
      break;
    case 'scroll':
      out.scroll = { deltaX: action.deltaX ?? 0, deltaY: action.deltaY };
      if (actionSpace !== 'ref' && !out.point)
        out.point = convertPoint({ x: image.width / image.scale / 2, y: image.height / image.scale / 2 }, image, coords);
      break;
    case 'navigate':
      out.url = action.url;
      break;
    case 'wait':
      out.waitMs = action.ms;
      break;
    case 'done':
      if (action.answer !== undefined) out.answer = action.answer;
      break;
    default:
      break;
  }
  return out;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
