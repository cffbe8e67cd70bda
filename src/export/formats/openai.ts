import type { DatasetFormat, EncodedImage, ExportTurn, ExportUnit, FormatOutput } from '../sample.js';
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
  windowKey,
  windowTurns,
  type ImageRules,
} from './chat-common.js';
import { checkOpenAIFile } from './openai-rules.js';
import { RecordFiles } from './record-files.js';

/**
 * OpenAI chat fine-tuning JSONL (supervised, vision + tools): one `{"messages", "tools",
 * "parallel_tool_calls"}` object per line, as in the fine-tuning chat input reference
 * (https://platform.openai.com/docs/api-reference/fine-tuning/chat-input) and the function-calling
 * fine-tuning examples (assistant `tool_calls` with `arguments` as a JSON string, answered by `tool`
 * messages carrying `tool_call_id`).
 *
 * Limits, from the vision fine-tuning guide (https://developers.openai.com/api/docs/guides/vision-fine-tuning,
 * "Image data requirements"): at most 10 images per example, each at most 10 MB, JPEG, PNG or WEBP
 * (so every --image-format is accepted), RGB or RGBA, and images never in assistant messages. Chat
 * Completions accepts image parts only in user messages ("Image URLs are only allowed for messages
 * with role 'user'"), and fine-tuning wants a `tool` message's content to be a string, so a tool
 * message carries the outcome and the next URL and title as text and the next screenshot follows it
 * in a user message. Longer trajectories are split into windows of at most 10 screenshots.
 *
 * One function, `browser`, with an `action` enum rather than one function per action: the actions
 * are one closed set sharing their fields (ref, x/y, text), one schema describes them to the model
 * the way Anthropic's computer tool and OpenAI's own computer-use tool do, and every record declares
 * the same tools whichever actions it uses. `done` is not a call: the trajectory ends with an
 * assistant message `DONE` or `DONE: <answer>`, as our computer-use executor reads it.
 */
export const OPENAI_IMAGE_RULES: ImageRules = {
  consumer: 'OpenAI fine-tuning',
  mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
  maxBytes: 10 * 1024 * 1024,
};
export const OPENAI_MAX_IMAGES_PER_EXAMPLE = 10;
const LIMITS_TEXT = `OpenAI fine-tuning's ${OPENAI_MAX_IMAGES_PER_EXAMPLE} images per example`;

type Part = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };
type Message =
  | { role: 'system'; content: string }
  | { role: 'user'; content: Part[] }
  | { role: 'assistant'; content: string }
  | { role: 'assistant'; tool_calls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface OpenAIRecord {
  messages: Message[];
  tools: { type: 'function'; function: { name: string; description: string; parameters: Record<string, unknown> } }[];
  parallel_tool_calls: false;
}

export const openaiFormat: DatasetFormat = {
  id: 'openai',
  imageFiles: false,
  async write(units, context): Promise<FormatOutput> {
    const files = new RecordFiles(context.root, 'jsonl');
    const stats = { windowedUnits: 0, windows: 0, droppedImages: 0, droppedUnits: 0 };
    try {
      for await (const unit of units) {
        for (const turn of unit.turns) if (turn.image) assertImageAccepted(turn.image, OPENAI_IMAGE_RULES);
        for (const { key, record } of openaiRecords(unit, context.systemPrompt, stats)) await files.append(unit.sample.split, key, record);
      }
      return { ...(await files.finish()), notes: limitNotes('openai', stats, LIMITS_TEXT) };
    } finally {
      await files.close();
    }
  },
  checkFile: (root, file) => checkOpenAIFile(root, file),
};

/** The records of one unit: one, or one per window for a trajectory over the image limit. */
export function openaiRecords(
  unit: ExportUnit,
  systemPrompt: string,
  stats = { windowedUnits: 0, windows: 0, droppedImages: 0, droppedUnits: 0 },
): { key: string; record: OpenAIRecord }[] {
  const tools = openaiTools(unit);
  if (unit.unit === 'step') {
    const { turns, dropped } = limitHistoryImages(unit.turns, OPENAI_MAX_IMAGES_PER_EXAMPLE);
    if (dropped > 0) {
      stats.droppedImages += dropped;
      stats.droppedUnits += 1;
    }
    return [
      {
        key: unit.id,
        record: { messages: [{ role: 'system', content: systemPrompt }, ...stepMessages(unit, turns)], tools, parallel_tool_calls: false },
      },
    ];
  }
  const windows = windowTurns(unit.turns, { maxImages: OPENAI_MAX_IMAGES_PER_EXAMPLE });
  if (windows.length > 1) {
    stats.windowedUnits += 1;
    stats.windows += windows.length;
  }
  let offset = 0;
  return windows.map((window, index) => {
    const messages = [
      { role: 'system', content: systemPrompt } as Message,
      ...trajectoryMessages(unit, window, unit.turns.slice(0, offset), offset),
    ];
    offset += window.length;
    return { key: windowKey(unit.id, index, windows.length), record: { messages, tools, parallel_tool_calls: false } };
  });
}

export function openaiTools(unit: ExportUnit): OpenAIRecord['tools'] {
  return [
    {
      type: 'function',
      function: {
        name: BROWSER_TOOL_NAME,
        description: `Acts on the web page in the browser. Coordinates are ${coordinatesPhrase(unit)}.`,
        parameters: browserToolParameters(unit.actionSpace, coordinatesPhrase(unit)),
      },
    },
  ];
}

/** A window of a trajectory: every action a target, its outcome in a tool message, the next screen in a user message. */
function trajectoryMessages(unit: ExportUnit, window: ExportTurn[], earlier: ExportTurn[], offset: number): Message[] {
  const first = window[0]!;
  const intro = [taskText(unit)];
  if (earlier.length > 0) intro.push(`Earlier actions:\n${historyLines(earlier, unit.actionSpace).join('\n')}`);
  intro.push(observationText(first));
  const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: intro.join('\n\n') }, ...imageParts(first.image)] }];
  window.forEach((turn, index) => {
    if (turn.action.type === 'done') {
      messages.push({ role: 'assistant', content: doneText(turn.action) });
      return;
    }
    const id = `call_${offset + index}`;
    messages.push({ role: 'assistant', tool_calls: [toolCall(id, unit, turn)] });
    const next = window[index + 1];
    if (!next) return;
    messages.push({ role: 'tool', tool_call_id: id, content: `${outcomeText(turn)}\n${observationText(next)}` });
    if (next.image) messages.push({ role: 'user', content: imageParts(next.image) });
  });
  return messages;
}

/** A step unit: history as text (and screenshots where kept) in one user message, then the target. */
export function stepMessages(unit: ExportUnit, turns: ExportTurn[]): Message[] {
  const target = turns[turns.length - 1]!;
  const history = turns.slice(0, -1);
  const parts: Part[] = [{ type: 'text', text: taskText(unit) }];
  if (history.length > 0) parts.push({ type: 'text', text: `Earlier actions:\n${historyLines(history, unit.actionSpace).join('\n')}` });
  history.forEach((turn, index) => {
    if (turn.image) parts.push({ type: 'text', text: `Screen before action ${index + 1}:` }, ...imageParts(turn.image));
  });
  parts.push({ type: 'text', text: `Current screen:\n${observationText(target)}` }, ...imageParts(target.image));
  const answer: Message =
    target.action.type === 'done'
      ? { role: 'assistant', content: doneText(target.action) }
      : { role: 'assistant', tool_calls: [toolCall('call_0', unit, target)] };
  return [{ role: 'user', content: parts }, answer];
}

function toolCall(id: string, unit: ExportUnit, turn: ExportTurn) {
  return {
    id,
    type: 'function' as const,
    function: { name: BROWSER_TOOL_NAME, arguments: JSON.stringify(actionArguments(turn.action, unit.actionSpace)) },
  };
}

function imageParts(image: EncodedImage | undefined): Part[] {
  return image ? [{ type: 'image_url', image_url: { url: `data:${image.mimeType};base64,${toBase64(image)}` } }] : [];
}
