import type { Action } from '../../core/action.js';
import { throwIfAborted } from '../../core/errors.js';
import type { ContentPart, ImagePart, LanguageModel, ModelMessage, ToolCallPart } from '../../model/language-model.js';
import { scaleScreenshot, scaledDisplay } from '../../model/image-scaling.js';
import { PolicyExecutor } from '../policy-executor.js';
import type { EpisodePolicy, PolicyDecision, PolicyStepInput } from '../policy.js';
import { computerExecutorSystem } from './prompts/executor.js';

/** Screenshots older than this many turns are replaced by a note, to bound the prompt. */
const KEEP_SCREENSHOTS = 3;
/** Model turns without a browser action (screenshots, unsupported actions) before a step counts as invalid. */
const MAX_TURNS_PER_STEP = 4;

/**
 * Acts in pixels through Anthropic's computer-use tool. The model sees the screenshot scaled to fit
 * 1024×768 (as the API expects) and is told that display size; its coordinates are mapped back to
 * page pixels before the browser acts, and recorded as such. One conversation per episode: each
 * step answers the previous tool call with the screen after it.
 */
export class ComputerUsePolicy implements EpisodePolicy {
  private readonly messages: ModelMessage[] = [];
  private pendingCall: ToolCallPart | undefined;
  private lastPoint: { x: number; y: number } | undefined;

  constructor(
    private readonly model: LanguageModel,
    private readonly task: string,
  ) {}

  async next(input: PolicyStepInput): Promise<PolicyDecision> {
    const { observation } = input;
    const viewport = observation.viewport;
    const display = scaledDisplay(viewport);
    const screenshot = async () => (await scaleScreenshot(observation.screenshotWebp, viewport)).image;
    if (this.messages.length === 0) {
      this.messages.push({ role: 'user', content: [{ type: 'text', text: `Task: ${this.task}` }, await screenshot()] });
    } else if (this.pendingCall) {
      const last = input.history[input.history.length - 1];
      this.messages.push(resultMessage(this.pendingCall, await screenshot(), last && !last.ok ? last.error : undefined));
      this.pendingCall = undefined;
    }
    for (let turn = 0; turn < MAX_TURNS_PER_STEP; turn += 1) {
      throwIfAborted(input.signal);
      pruneScreenshots(this.messages);
      const response = await this.model.generate({
        role: 'executor',
        system: computerExecutorSystem(),
        messages: this.messages,
        computer: { displayWidthPx: display.width, displayHeightPx: display.height },
        maxOutputTokens: 1024,
        ...(input.recorder ? { recorder: input.recorder } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
      const call = response.toolCalls.find((candidate) => candidate.name === 'computer');
      if (!call) {
        const answer = /DONE:?\s*(.*)$/is.exec(response.text)?.[1]?.trim();
        return { kind: 'action', action: answer ? { type: 'done', answer } : { type: 'done' } };
      }
      this.messages.push({
        role: 'assistant',
        content: [...(response.text ? [{ type: 'text' as const, text: response.text }] : []), call],
      });
      const mapped = toAction(call, display.scale, this.lastPoint);
      if (mapped.kind === 'screenshot') {
        this.messages.push(resultMessage(call, await screenshot()));
        continue;
      }
      if (mapped.kind === 'unsupported') {
        this.messages.push({
          role: 'user',
          content: [{ type: 'tool-result', callId: call.id, isError: true, content: [{ type: 'text', text: mapped.reason }] }],
        });
        continue;
      }
      if (mapped.point) this.lastPoint = mapped.point;
      this.pendingCall = call;
      return { kind: 'action', action: mapped.action };
    }
    return { kind: 'invalid', error: `the model took ${MAX_TURNS_PER_STEP} turns without a browser action` };
  }
}

/** Executes a subtask with a ComputerUsePolicy. */
export class ComputerUseExecutor extends PolicyExecutor {
  constructor(model: LanguageModel) {
    super(`computer-use-executor:${model.provider}:${model.model}`, (task) => new ComputerUsePolicy(model, task));
  }
}

type Mapped =
  { kind: 'act'; action: Action; point?: { x: number; y: number } } | { kind: 'screenshot' } | { kind: 'unsupported'; reason: string };

const KEY_NAMES: Record<string, string> = {
  return: 'Enter',
  enter: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  space: 'Space',
  ctrl: 'Control',
  control: 'Control',
  alt: 'Alt',
  shift: 'Shift',
  cmd: 'Meta',
  super: 'Meta',
  page_down: 'PageDown',
  page_up: 'PageUp',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  home: 'Home',
  end: 'End',
};

/** Maps a computer-tool call (xdotool-style key names, scaled coordinates) to our Action. */
export function toAction(call: ToolCallPart, scale: number, lastPoint: { x: number; y: number } | undefined): Mapped {
  const input = (call.input ?? {}) as {
    action?: string;
    coordinate?: [number, number];
    text?: string;
    scroll_direction?: string;
    scroll_amount?: number;
    duration?: number;
  };
  const point = input.coordinate ? { x: Math.round(input.coordinate[0] / scale), y: Math.round(input.coordinate[1] / scale) } : undefined;
  switch (input.action) {
    case 'screenshot':
      return { kind: 'screenshot' };
    case 'left_click':
    case 'triple_click':
      return pointerAction('click', input.action, point, lastPoint);
    case 'double_click':
      return pointerAction('dblclick', input.action, point, lastPoint);
    case 'mouse_move':
      return point
        ? { kind: 'act', action: { type: 'hover', target: { point } }, point }
        : { kind: 'unsupported', reason: 'mouse_move needs a coordinate' };
    case 'type':
      if (input.text === undefined) return { kind: 'unsupported', reason: 'type needs text' };
      return lastPoint
        ? { kind: 'act', action: { type: 'type', target: { point: lastPoint }, text: input.text, clear: false } }
        : { kind: 'act', action: { type: 'press', key: input.text } };
    case 'key':
      return input.text
        ? { kind: 'act', action: { type: 'press', key: keyName(input.text) } }
        : { kind: 'unsupported', reason: 'key needs text' };
    case 'scroll': {
      const amount = (input.scroll_amount ?? 3) * 100;
      const direction = input.scroll_direction ?? 'down';
      const deltaY = direction === 'up' ? -amount : direction === 'down' ? amount : 0;
      const deltaX = direction === 'left' ? -amount : direction === 'right' ? amount : 0;
      return {
        kind: 'act',
        action: { type: 'scroll', deltaX, deltaY, ...(point ? { target: { point } } : {}) },
        ...(point ? { point } : {}),
      };
    }
    case 'wait':
      return { kind: 'act', action: { type: 'wait', ms: Math.min(5000, Math.round((input.duration ?? 1) * 1000)) } };
    default:
      return {
        kind: 'unsupported',
        reason: `The action ${JSON.stringify(input.action)} is not supported here; use left_click, double_click, type, key, scroll, mouse_move, wait or screenshot.`,
      };
  }
}

/**
 * A click or double click at the call's coordinate. Without one the tool means "where the mouse is",
 * which is the last point we acted at; that point is not returned again since the mouse did not move.
 */
function pointerAction(
  type: 'click' | 'dblclick',
  toolAction: string,
  point: { x: number; y: number } | undefined,
  lastPoint: { x: number; y: number } | undefined,
): Mapped {
  if (point) return { kind: 'act', action: { type, target: { point } }, point };
  if (lastPoint) return { kind: 'act', action: { type, target: { point: lastPoint } } };
  return { kind: 'unsupported', reason: `${toolAction} needs a coordinate` };
}

function keyName(xdotool: string): string {
  return xdotool
    .split('+')
    .map((part) => KEY_NAMES[part.toLowerCase()] ?? (part.length === 1 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('+');
}

function resultMessage(call: ToolCallPart, screenshot: ImagePart, error?: string): ModelMessage {
  const content: Array<ContentPart & { type: 'text' | 'image' }> = [];
  if (error) content.push({ type: 'text', text: `The action failed: ${error}` });
  content.push(screenshot);
  return { role: 'user', content: [{ type: 'tool-result', callId: call.id, content, ...(error ? { isError: true } : {}) }] };
}

/** Keeps only the last few screenshots in the conversation. */
function pruneScreenshots(messages: ModelMessage[]): void {
  let seen = 0;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    for (const part of message.content) {
      if (part.type !== 'tool-result') continue;
      part.content = part.content.map((inner) => {
        if (inner.type !== 'image') return inner;
        seen += 1;
        return seen > KEEP_SCREENSHOTS ? { type: 'text', text: '[earlier screenshot omitted]' } : inner;
      });
    }
  }
}
