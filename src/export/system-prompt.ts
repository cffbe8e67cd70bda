import type { ActionSpace, CoordinateSystem } from './sample.js';

const COORDINATES: Record<CoordinateSystem, string> = {
  absolute: 'pixels of the screenshot, origin at its top-left corner',
  unit: 'fractions of the screenshot width and height, from 0 to 1, origin at its top-left corner',
  thousandths: 'thousandths of the screenshot width and height, from 0 to 1000, origin at its top-left corner',
};

const TARGETS: Record<ActionSpace, string> = {
  pixel: 'Point at elements by coordinates (x, y) in {coords}.',
  ref: 'Name elements by their ref from the accessibility snapshot (e.g. "e12"), which comes with each screenshot.',
  both: 'Name elements by their ref from the accessibility snapshot (e.g. "e12") and give the point (x, y) you act on, in {coords}.',
};

/**
 * The instruction every chat-format record starts with: what the agent sees, the actions it may take,
 * and how it names the element it acts on. One text per export, so records stay comparable.
 */
export function exportSystemPrompt(actionSpace: ActionSpace, coords: CoordinateSystem): string {
  return [
    "You operate a web browser to complete the user's task. Each turn shows the current page as a screenshot" +
      (actionSpace === 'pixel' ? '' : ' with its accessibility snapshot') +
      '; answer with exactly one action.',
    TARGETS[actionSpace].replace('{coords}', COORDINATES[coords]),
    'Actions: click, dblclick (edit in place), type (text into a field), press (keys, e.g. Enter), select (an option of a list box), scroll (deltaX, deltaY in pixels), hover, navigate (a URL), back, wait (ms), done (the task is complete; give the answer when the task asks for a value).',
  ].join('\n');
}
