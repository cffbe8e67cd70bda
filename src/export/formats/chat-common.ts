import { TrajsynthError } from '../../core/errors.js';
import type { ActionSpace, EncodedImage, ExportAction, ExportTurn, ExportUnit } from '../sample.js';

/**
 * What the three chat formats (openai.ts, anthropic.ts, sharegpt.ts) share: the `browser` action's
 * arguments and their JSON schema, key names for the computer-use tool, the texts of a turn, and
 * the windowing of long trajectories under a consumer's limits.
 */

/** The name of the function (OpenAI), custom tool (Anthropic) or action object (ShareGPT) for browser actions. */
export const BROWSER_TOOL_NAME = 'browser';

/** Action names as our ActionSchema spells them; `done` only where it is not a final text. */
const ACTIONS = ['click', 'dblclick', 'type', 'press', 'select', 'scroll', 'hover', 'navigate', 'back', 'wait'] as const;

const ACTION_HELP: Record<string, string> = {
  dblclick: 'dblclick (double click)',
  type: 'type (replace the text of a field)',
  press: 'press (a key or chord)',
  select: 'select (an option of a select)',
  navigate: 'navigate (to url)',
  back: 'back (the previous page)',
  done: 'done (the task is finished; give the answer if it asks for one)',
};

/**
 * The arguments of one browser action, in a fixed key order (so the bytes are stable): the action,
 * the element (ref, role, name; action space ref or both), the point (pixel or both, in the chosen
 * coordinate system), then the action's own fields. Keys are Playwright names ("Enter", "Control+a").
 */
export function actionArguments(action: ExportAction, space: ActionSpace): Record<string, unknown> {
  const args: Record<string, unknown> = { action: action.type };
  if (space !== 'pixel') {
    if (action.ref !== undefined) args.ref = action.ref;
    if (action.role !== undefined) args.role = action.role;
    if (action.elementName !== undefined) args.name = action.elementName;
  }
  if (space !== 'ref' && action.point) {
    args.x = action.point.x;
    args.y = action.point.y;
  }
  if (action.text !== undefined) args.text = action.text;
  if (action.keys !== undefined && action.keys.length > 0) args.key = action.keys.join(' ');
  if (action.value !== undefined) args.value = action.value;
  if (action.url !== undefined) args.url = action.url;
  if (action.scroll) {
    args.delta_x = action.scroll.deltaX;
    args.delta_y = action.scroll.deltaY;
  }
  if (action.waitMs !== undefined) args.duration_ms = action.waitMs;
  if (action.type === 'done' && action.answer !== undefined) args.answer = action.answer;
  return args;
}

/** The JSON schema of `actionArguments` for an action space; `withDone` adds the `done` action and its answer. */
export function browserToolParameters(
  space: ActionSpace,
  coordinates: string,
  options: { withDone?: boolean; actions?: readonly string[] } = {},
): Record<string, unknown> {
  const actions = options.actions ?? [...ACTIONS, ...(options.withDone ? ['done'] : [])];
  const properties: Record<string, unknown> = {
    action: {
      type: 'string',
      enum: actions,
      description: `What to do: ${actions.map((action) => ACTION_HELP[action] ?? action).join(', ')}.`,
    },
  };
  if (space !== 'pixel') {
    properties.ref = { type: 'string', description: 'The element ref from the accessibility snapshot, e.g. "e12".' };
    properties.role = { type: 'string', description: 'The element role, e.g. "button".' };
    properties.name = { type: 'string', description: 'The element accessible name.' };
  }
  if (space !== 'ref') {
    properties.x = { type: 'number', description: `Horizontal position of the pointer (${coordinates}).` };
    properties.y = { type: 'number', description: `Vertical position of the pointer (${coordinates}).` };
  }
  Object.assign(properties, {
    text: { type: 'string', description: 'Text to type (type).' },
    key: { type: 'string', description: 'Key or chord in Playwright names, e.g. "Enter", "Control+a" (press).' },
    value: { type: 'string', description: 'The option to choose (select).' },
    url: { type: 'string', description: 'Where to go (navigate).' },
    delta_x: { type: 'number', description: 'Horizontal scroll in page pixels (scroll).' },
    delta_y: { type: 'number', description: 'Vertical scroll in page pixels, positive is down (scroll).' },
    duration_ms: { type: 'integer', description: 'How long to wait in milliseconds (wait).' },
  });
  if (actions.includes('done'))
    properties.answer = { type: 'string', description: 'The answer, for a task that asks for information (done).' };
  return { type: 'object', properties, required: ['action'], additionalProperties: false };
}

/** Describes the coordinate system for a prompt or a schema. */
export function coordinatesPhrase(unit: ExportUnit): string {
  switch (unit.coords) {
    case 'absolute':
      return 'pixels of the screenshot, origin top left';
    case 'unit':
      return 'fraction 0..1 of the screenshot size, origin top left';
    case 'thousandths':
      return '0..1000 across the screenshot, origin top left';
  }
}

/** The final assistant text of a trajectory: `DONE` or `DONE: <answer>`, as the computer-use executor reads it. */
export function doneText(action: ExportAction): string {
  return action.answer !== undefined && action.answer !== '' ? `DONE: ${action.answer}` : 'DONE';
}

export function taskText(unit: ExportUnit): string {
  return `Task: ${unit.sample.task}`;
}

export function observationText(turn: ExportTurn): string {
  // Ref action spaces need the refs the agent names: the accessibility snapshot comes with the screen.
  return `URL: ${turn.url}\nTitle: ${turn.title}${turn.snapshot ? `\nAccessibility snapshot:\n${turn.snapshot.trimEnd()}` : ''}`;
}

/** The outcome of a turn's action, as the agent was shown it. */
export function outcomeText(turn: ExportTurn): string {
  return turn.ok ? 'OK' : `Error: ${turn.error ?? 'the action failed'}`;
}

/** One line per earlier action, for prompts that give history as text. */
export function historyLines(turns: readonly ExportTurn[], space: ActionSpace): string[] {
  return turns.map((turn, index) => `${index + 1}. ${JSON.stringify(actionArguments(turn.action, space))} -> ${outcomeText(turn)}`);
}

/** Playwright key names that differ in xdotool's (the computer-use tool's `key` action). */
const XDOTOOL_KEYS: Record<string, string> = {
  Enter: 'Return',
  Escape: 'Escape',
  Backspace: 'BackSpace',
  Delete: 'Delete',
  Tab: 'Tab',
  Space: 'space',
  ' ': 'space',
  Control: 'ctrl',
  ControlOrMeta: 'ctrl',
  Alt: 'alt',
  Shift: 'shift',
  Meta: 'super',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  PageUp: 'Page_Up',
  PageDown: 'Page_Down',
  Home: 'Home',
  End: 'End',
  Insert: 'Insert',
};

/**
 * A Playwright key or chord ("Enter", "Control+a", "Shift+ArrowUp") in xdotool's `key` syntax
 * ("Return", "ctrl+a", "shift+Up"), the inverse of the computer-use executor's `keyName`. Several
 * keys (space-separated) stay space-separated, as xdotool takes them.
 */
export function toXdotoolKey(playwright: string): string {
  if (playwright === ' ') return 'space';
  return playwright
    .split(' ')
    .filter((key) => key.length > 0)
    .map((chord) =>
      splitChord(chord)
        .map((part) => XDOTOOL_KEYS[part] ?? part)
        .join('+'),
    )
    .join(' ');
}

/** "Control++" is Control and the plus key; a lone "+" is the plus key. */
function splitChord(chord: string): string[] {
  if (chord === '+') return ['plus'];
  const parts = chord.split('+');
  if (chord.endsWith('++')) return [...parts.slice(0, -2), 'plus'];
  return parts;
}

export interface ImageRules {
  /** The consumer's name, for messages ("OpenAI fine-tuning"). */
  consumer: string;
  mimeTypes: readonly EncodedImage['mimeType'][];
  /** Largest image in bytes (as encoded, before base64), where the consumer limits it. */
  maxBytes?: number;
  /** Largest base64 length of one image, where the consumer limits that instead. */
  maxBase64Length?: number;
}

/** Throws BAD_INPUT when an image's type or size is not what the consumer accepts. */
export function assertImageAccepted(image: EncodedImage, rules: ImageRules): void {
  if (!rules.mimeTypes.includes(image.mimeType)) {
    throw new TrajsynthError(
      `Expected --image-format to be one of ${rules.mimeTypes.map((mime) => mime.replace('image/', '')).join(', ')} for ${rules.consumer}, got ${image.mimeType.replace('image/', '')}`,
      {
        code: 'BAD_INPUT',
        hint: `Export again with --image-format ${rules.mimeTypes[0]!.replace('image/', '')}.`,
      },
    );
  }
  if (rules.maxBytes !== undefined && image.bytes.byteLength > rules.maxBytes) {
    throw new TrajsynthError(
      `Expected every image to be at most ${rules.maxBytes} bytes for ${rules.consumer}, got ${image.bytes.byteLength} (${image.path})`,
      {
        code: 'BAD_INPUT',
        hint: 'Export with a smaller --image-scale or a compressed --image-format (jpeg, webp).',
      },
    );
  }
  if (rules.maxBase64Length !== undefined && base64Length(image.bytes.byteLength) > rules.maxBase64Length) {
    throw new TrajsynthError(
      `Expected every image to be at most ${rules.maxBase64Length} characters of base64 for ${rules.consumer}, got ${base64Length(image.bytes.byteLength)} (${image.path})`,
      {
        code: 'BAD_INPUT',
        hint: 'Export with a smaller --image-scale or a compressed --image-format (jpeg, webp).',
      },
    );
  }
}

export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export function toBase64(image: EncodedImage): string {
  return Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64');
}

export interface WindowLimits {
  maxImages: number;
  /** Budget for the base64 of a window's images (a request-size limit), if any. */
  maxBase64Bytes?: number;
}

/**
 * Splits a trajectory's turns into consecutive windows, each within the limits (images counted and
 * sized where turns carry one). Every window holds at least one turn. One window when all fit.
 */
export function windowTurns(turns: readonly ExportTurn[], limits: WindowLimits): ExportTurn[][] {
  const windows: ExportTurn[][] = [];
  let current: ExportTurn[] = [];
  let images = 0;
  let bytes = 0;
  for (const turn of turns) {
    const size = turn.image ? base64Length(turn.image.bytes.byteLength) : 0;
    const count = turn.image ? 1 : 0;
    const overImages = images + count > limits.maxImages;
    const overBytes = limits.maxBase64Bytes !== undefined && bytes + size > limits.maxBase64Bytes;
    if (current.length > 0 && (overImages || overBytes)) {
      windows.push(current);
      current = [];
      images = 0;
      bytes = 0;
    }
    current.push(turn);
    images += count;
    bytes += size;
  }
  if (current.length > 0) windows.push(current);
  return windows;
}

/**
 * For a step unit over an image limit: keeps the newest images (the target's first) and drops the
 * oldest history images. Returns the turns to write and how many images were dropped.
 */
export function limitHistoryImages(turns: readonly ExportTurn[], maxImages: number): { turns: ExportTurn[]; dropped: number } {
  let kept = 0;
  let dropped = 0;
  const result = [...turns];
  for (let index = result.length - 1; index >= 0; index -= 1) {
    const turn = result[index]!;
    if (!turn.image) continue;
    if (kept < maxImages) {
      kept += 1;
      continue;
    }
    const { image: _dropped, ...rest } = turn;
    result[index] = rest;
    dropped += 1;
  }
  return { turns: result, dropped };
}

/** The record key of window `index` of `count` (the unit id alone when not windowed). */
export function windowKey(unitId: string, index: number, count: number): string {
  return count > 1 ? `${unitId}#w${index}` : unitId;
}

/** Notes about windowing and dropped images, one line each, for FormatOutput.notes. */
export function limitNotes(
  formatId: string,
  stats: { windowedUnits: number; windows: number; droppedImages: number; droppedUnits: number },
  limitsText: string,
): string[] {
  const notes: string[] = [];
  if (stats.windowedUnits > 0) {
    notes.push(
      `${formatId}: ${stats.windowedUnits} trajectories were split into ${stats.windows} windows (keys <id>#w<n>) to stay within ${limitsText}`,
    );
  }
  if (stats.droppedImages > 0) {
    notes.push(
      `${formatId}: ${stats.droppedImages} history screenshots in ${stats.droppedUnits} step records were left out (oldest first) to stay within ${limitsText}`,
    );
  }
  return notes;
}

/** Whether a parsed JSON value is an object (not null, not an array), for the record checks. */
export function isJsonObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parsed JSON value as a problem line names it: "nothing", "null", "an array", a quoted string, or its type. */
export function describeJsonValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value}"` : typeof value;
}
