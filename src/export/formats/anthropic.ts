import type { DatasetFormat, EncodedImage, ExportAction, ExportTurn, ExportUnit, FormatOutput } from '../sample.js';
import { checkAnthropicFile } from './anthropic-rules.js';
import {
  BROWSER_TOOL_NAME,
  actionArguments,
  assertImageAccepted,
  browserToolParameters,
  coordinatesPhrase,
  doneText,
  historyLines,
  limitHistoryImages,
  limitNotes,
  observationText,
  outcomeText,
  taskText,
  toBase64,
  toXdotoolKey,
  windowKey,
  windowTurns,
  type ImageRules,
} from './chat-common.js';
import { RecordFiles } from './record-files.js';

/**
 * Anthropic Messages JSONL: one `{"system", "messages", "tools"}` request body per line, the shape
 * `messages.create` takes (https://docs.anthropic.com/en/api/messages): user turns with base64
 * `image` blocks, assistant turns with `tool_use` blocks, user turns answering every `tool_use` with a
 * `tool_result` whose content carries the outcome and the next screenshot (text and image blocks).
 *
 * Tools. Pixel actions use the computer-use tool's vocabulary (https://docs.anthropic.com/en/docs/
 * agents-and-tools/tool-use/computer-use-tool), declared as `computer_20250124` (beta
 * `computer-use-2025-01-24`, what our Anthropic provider sends) sized to the exported image:
 * `left_click`, `double_click`, `mouse_move` and `scroll` (`scroll_direction`, `scroll_amount`,
 * one step = 100 px as the computer-use executor maps it back) at `coordinate: [x, y]` in pixels,
 * `type` with `text`, `key` with xdotool names ("Return", "ctrl+a"), `wait` with `duration` seconds.
 * Typing into a field at a point is `left_click` then, unless the recorded type appended,
 * `key ctrl+a`, then `type`, as the browser did it. What the computer tool cannot say (select an
 * option, navigate, back), and every action in the `ref` space, is a call of the custom `browser`
 * tool (the same arguments as the OpenAI and ShareGPT formats). `--action-space both` acts in
 * pixels through the computer tool and names the element in a text block before the call
 * (`Target: ref=e12 button "Save"`); its browser calls carry the ref and the point. The computer
 * tool takes pixels, so other `--coords` are written as pixels of the exported image (with a note).
 * `done` is the final assistant text `DONE` or `DONE: <answer>`, as our computer-use executor reads it.
 *
 * Limits (https://docs.anthropic.com/en/docs/build-with-claude/vision): at most 100 images per
 * request (600 for the largest-context models; we keep the lower), images of at most 8000×8000 px,
 * 2000×2000 px when a request has more than 20, 5 MB of base64 per image, 32 MB per request (we keep
 * the images of a record within 24 MB); PNG, JPEG, GIF and WebP. Longer trajectories are windowed.
 */
export const ANTHROPIC_COMPUTER_TOOL_TYPE = 'computer_20250124';
export const ANTHROPIC_COMPUTER_USE_BETA = 'computer-use-2025-01-24';
export const ANTHROPIC_MAX_IMAGES = 100;
/** Above this many images in a request, each must be at most 2000×2000 px. */
export const ANTHROPIC_MANY_IMAGES = 20;
const ANTHROPIC_IMAGE_BUDGET_BASE64 = 24 * 1024 * 1024;
export const ANTHROPIC_IMAGE_RULES: ImageRules = {
  consumer: 'the Anthropic Messages API',
  mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
  maxBase64Length: 5 * 1024 * 1024,
};
const SCROLL_STEP_PX = 100;
const POINTER_FREE: ReadonlySet<ExportAction['type']> = new Set(['select', 'navigate', 'back']);

type TextBlock = { type: 'text'; text: string };
type ImageBlock = { type: 'image'; source: { type: 'base64'; media_type: EncodedImage['mimeType']; data: string } };
type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };
type ToolResultBlock = { type: 'tool_result'; tool_use_id: string; content?: (TextBlock | ImageBlock)[]; is_error?: true };
type Message =
  { role: 'user'; content: (TextBlock | ImageBlock | ToolResultBlock)[] } | { role: 'assistant'; content: (TextBlock | ToolUseBlock)[] };
type Tool =
  | { type: string; name: 'computer'; display_width_px: number; display_height_px: number }
  | { name: string; description: string; input_schema: Record<string, unknown> };

export interface AnthropicRecord {
  system: string;
  messages: Message[];
  tools: Tool[];
}

interface Display {
  width: number;
  height: number;
}

export const anthropicFormat: DatasetFormat = {
  id: 'anthropic',
  imageFiles: false,
  async write(units, context): Promise<FormatOutput> {
    const files = new RecordFiles(context.root, 'jsonl');
    const stats = { windowedUnits: 0, windows: 0, droppedImages: 0, droppedUnits: 0 };
    let converted: string | undefined;
    try {
      for await (const unit of units) {
        for (const turn of unit.turns) if (turn.image) assertImageAccepted(turn.image, ANTHROPIC_IMAGE_RULES);
        if (unit.coords !== 'absolute' && unit.actionSpace !== 'ref') converted = unit.coords;
        for (const { key, record } of anthropicRecords(unit, context.systemPrompt, stats))
          await files.append(unit.sample.split, key, record);
      }
      const notes = limitNotes(
        'anthropic',
        stats,
        `the Messages API's ${ANTHROPIC_MAX_IMAGES} images (${ANTHROPIC_MANY_IMAGES} above 2000 px) and 32 MB per request`,
      );
      if (converted)
        notes.push(
          `anthropic: the computer tool takes pixels, so points were written as pixels of the exported image rather than --coords ${converted}`,
        );
      return { ...(await files.finish()), notes };
    } finally {
      await files.close();
    }
  },
  checkFile: (root, file) => checkAnthropicFile(root, file),
};

/** The records of one unit: one, or one per window for a trajectory over the limits. */
export function anthropicRecords(
  unit: ExportUnit,
  systemPrompt: string,
  stats = { windowedUnits: 0, windows: 0, droppedImages: 0, droppedUnits: 0 },
): { key: string; record: AnthropicRecord }[] {
  const display = displayOf(unit);
  const tools = anthropicTools(unit, display);
  const large = unit.turns.some((turn) => turn.image && (turn.image.width > 2000 || turn.image.height > 2000));
  const maxImages = large ? ANTHROPIC_MANY_IMAGES : ANTHROPIC_MAX_IMAGES;
  if (unit.unit === 'step') {
    const { turns, dropped } = limitHistoryImages(unit.turns, maxImages);
    if (dropped > 0) {
      stats.droppedImages += dropped;
      stats.droppedUnits += 1;
    }
    return [{ key: unit.id, record: { system: systemPrompt, messages: stepMessages(unit, turns, display), tools } }];
  }
  const windows = windowTurns(unit.turns, { maxImages, maxBase64Bytes: ANTHROPIC_IMAGE_BUDGET_BASE64 });
  if (windows.length > 1) {
    stats.windowedUnits += 1;
    stats.windows += windows.length;
  }
  let offset = 0;
  return windows.map((window, index) => {
    const messages = trajectoryMessages(unit, window, unit.turns.slice(0, offset), offset, display);
    offset += window.length;
    return { key: windowKey(unit.id, index, windows.length), record: { system: systemPrompt, messages, tools } };
  });
}

/** The display the computer tool declares: the exported screenshots' size. */
function displayOf(unit: ExportUnit): Display {
  const image = unit.turns.find((turn) => turn.image)?.image;
  if (image) return { width: image.width, height: image.height };
  return { width: unit.sample.viewport.width, height: unit.sample.viewport.height };
}

function anthropicTools(unit: ExportUnit, display: Display): Tool[] {
  const coordinates = unit.actionSpace === 'ref' ? coordinatesPhrase(unit) : 'pixels of the screenshot, origin top left';
  if (unit.actionSpace === 'ref') {
    return [
      {
        name: BROWSER_TOOL_NAME,
        description: 'Acts on the web page, naming elements by their ref.',
        input_schema: browserToolParameters('ref', coordinates),
      },
    ];
  }
  return [
    { type: ANTHROPIC_COMPUTER_TOOL_TYPE, name: 'computer', display_width_px: display.width, display_height_px: display.height },
    {
      name: BROWSER_TOOL_NAME,
      description:
        'Browser actions the computer tool has no action for (choose an option of a select, go to a URL, go back), and actions on an element whose position is not known.',
      input_schema: browserToolParameters(unit.actionSpace, coordinates),
    },
  ];
}

function trajectoryMessages(unit: ExportUnit, window: ExportTurn[], earlier: ExportTurn[], offset: number, display: Display): Message[] {
  const first = window[0]!;
  const intro = [taskText(unit)];
  if (earlier.length > 0) intro.push(`Earlier actions:\n${historyLines(earlier, unit.actionSpace).join('\n')}`);
  intro.push(observationText(first));
  const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: intro.join('\n\n') }, ...imageBlocks(first.image)] }];
  window.forEach((turn, index) => {
    const calls = assistantTurn(unit, turn, offset + index, display);
    messages.push(calls.message);
    const next = window[index + 1];
    if (next && calls.ids.length > 0) messages.push(resultMessage(calls.ids, turn, next));
  });
  return messages;
}

function stepMessages(unit: ExportUnit, turns: ExportTurn[], display: Display): Message[] {
  const target = turns[turns.length - 1]!;
  const history = turns.slice(0, -1);
  const content: (TextBlock | ImageBlock)[] = [{ type: 'text', text: taskText(unit) }];
  if (history.length > 0) content.push({ type: 'text', text: `Earlier actions:\n${historyLines(history, unit.actionSpace).join('\n')}` });
  history.forEach((turn, index) => {
    if (turn.image) content.push({ type: 'text', text: `Screen before action ${index + 1}:` }, ...imageBlocks(turn.image));
  });
  content.push({ type: 'text', text: `Current screen:\n${observationText(target)}` }, ...imageBlocks(target.image));
  return [{ role: 'user', content }, assistantTurn(unit, target, 0, display).message];
}

/** The assistant message of one turn and the tool_use ids it opened. */
function assistantTurn(unit: ExportUnit, turn: ExportTurn, position: number, display: Display): { message: Message; ids: string[] } {
  const action = turn.action;
  if (action.type === 'done') return { message: { role: 'assistant', content: [{ type: 'text', text: doneText(action) }] }, ids: [] };
  const inputs =
    unit.actionSpace === 'ref'
      ? undefined
      : computerInputs(action, toPixels(action.point, unit, display), display, typeAppends(unit, turn));
  const blocks: (TextBlock | ToolUseBlock)[] = [];
  const ids: string[] = [];
  const use = (name: string, input: Record<string, unknown>) => {
    const id = `toolu_${String(position).padStart(4, '0')}_${ids.length}`;
    ids.push(id);
    blocks.push({ type: 'tool_use', id, name, input });
  };
  if (inputs) {
    if (unit.actionSpace === 'both' && action.ref !== undefined) blocks.push({ type: 'text', text: targetText(action) });
    for (const input of inputs) use('computer', input);
  } else {
    const point = unit.actionSpace === 'ref' ? action.point : toPixels(action.point, unit, display);
    use(BROWSER_TOOL_NAME, actionArguments({ ...action, ...(point ? { point } : {}) }, unit.actionSpace));
  }
  return { message: { role: 'assistant', content: blocks }, ids };
}

/**
 * The computer-tool inputs for an action, or undefined when the computer tool has no way to say it
 * (select, navigate, back, or a pointer action recorded without a point).
 */
export function computerInputs(
  action: ExportAction,
  point: { x: number; y: number } | undefined,
  display: Display,
  appends = false,
): Record<string, unknown>[] | undefined {
  if (POINTER_FREE.has(action.type)) return undefined;
  const coordinate = point ? [point.x, point.y] : undefined;
  const click = coordinate ? [{ action: 'left_click', coordinate }] : [];
  switch (action.type) {
    case 'click':
      return coordinate ? [{ action: 'left_click', coordinate }] : undefined;
    case 'dblclick':
      return coordinate ? [{ action: 'double_click', coordinate }] : undefined;
    case 'hover':
      return coordinate ? [{ action: 'mouse_move', coordinate }] : undefined;
    case 'type':
      return [
        ...click,
        ...(coordinate && !appends ? [{ action: 'key', text: 'ctrl+a' }] : []),
        { action: 'type', text: action.text ?? '' },
      ];
    case 'press':
      return [...click, { action: 'key', text: toXdotoolKey((action.keys ?? []).join(' ')) }];
    case 'scroll': {
      const { deltaX = 0, deltaY = 0 } = action.scroll ?? {};
      const vertical = Math.abs(deltaY) >= Math.abs(deltaX);
      const delta = vertical ? deltaY : deltaX;
      const direction = vertical ? (delta < 0 ? 'up' : 'down') : delta < 0 ? 'left' : 'right';
      const center = [Math.round(display.width / 2), Math.round(display.height / 2)];
      return [
        {
          action: 'scroll',
          coordinate: coordinate ?? center,
          scroll_direction: direction,
          scroll_amount: Math.max(1, Math.round(Math.abs(delta) / SCROLL_STEP_PX)),
        },
      ];
    }
    case 'wait':
      return [{ action: 'wait', duration: (action.waitMs ?? 1000) / 1000 }];
    default:
      return undefined;
  }
}

/** A point in the unit's coordinate system as whole pixels of the exported image. */
function toPixels(point: { x: number; y: number } | undefined, unit: ExportUnit, display: Display): { x: number; y: number } | undefined {
  if (!point) return undefined;
  const factor =
    unit.coords === 'unit'
      ? [display.width, display.height]
      : unit.coords === 'thousandths'
        ? [display.width / 1000, display.height / 1000]
        : [1, 1];
  return { x: Math.round(point.x * factor[0]!), y: Math.round(point.y * factor[1]!) };
}

/** Whether the recorded `type` appended to the field (clear: false) instead of replacing its text. */
function typeAppends(unit: ExportUnit, turn: ExportTurn): boolean {
  const action = unit.sample.steps.find((step) => step.index === turn.stepIndex)?.executed.action;
  return action?.type === 'type' && action.clear === false;
}

function targetText(action: ExportAction): string {
  const role = action.role ? ` ${action.role}` : '';
  const name = action.elementName !== undefined ? ` ${JSON.stringify(action.elementName)}` : '';
  return `Target: ref=${action.ref}${role}${name}`;
}

/** Answers every call of a turn; the last result carries the outcome and the next screen. */
function resultMessage(ids: string[], turn: ExportTurn, next: ExportTurn): Message {
  const content: ToolResultBlock[] = ids.map((id) => ({ type: 'tool_result', tool_use_id: id }));
  const last = content[content.length - 1]!;
  last.content = [{ type: 'text', text: `${outcomeText(turn)}\n${observationText(next)}` }, ...imageBlocks(next.image)];
  if (!turn.ok) last.is_error = true;
  return { role: 'user', content };
}

function imageBlocks(image: EncodedImage | undefined): ImageBlock[] {
  return image ? [{ type: 'image', source: { type: 'base64', media_type: image.mimeType, data: toBase64(image) } }] : [];
}
