import type { Action, ExecutedAction } from '../../core/action.js';
import { throwIfAborted } from '../../core/errors.js';
import type { CapturedObservation } from '../../core/observation.js';
import type { ContentPart, ImagePart, LanguageModel, ModelMessage, ToolCallPart } from '../../model/language-model.js';
import { scaleScreenshot, scaledDisplay } from '../../model/image-scaling.js';
import type { Attempt, ExecuteInput, Executor } from '../roles.js';
import { computerExecutorSystem } from './prompts/executor.js';

/** Screenshots older than this many turns are replaced by a note, to bound the prompt. */
const KEEP_SCREENSHOTS = 3;

/**
 * Executes a task in pixels through Anthropic's computer-use tool. The model sees the screenshot
 * scaled to fit 1024×768 (as the API expects) and is told that display size; its coordinates are
 * mapped back to page pixels before the browser acts, and recorded as such.
 */
export class ComputerUseExecutor implements Executor {
  readonly id: string;

  constructor(private readonly model: LanguageModel) {
    this.id = `computer-use-executor:${model.provider}:${model.model}`;
  }

  async run(input: ExecuteInput): Promise<Attempt> {
    const viewport = input.observation.viewport;
    const display = scaledDisplay(viewport);
    const actions: ExecutedAction[] = [];
    let observation: CapturedObservation = input.observation;
    let lastPoint: { x: number; y: number } | undefined;
    const messages: ModelMessage[] = [
      { role: 'user', content: [{ type: 'text', text: `Task: ${input.proposal.description}` }, (await scaleScreenshot(observation.screenshotWebp, viewport)).image] },
    ];
    for (let turn = 0; turn < input.maxSteps * 2 && actions.length < input.maxSteps; turn += 1) {
      throwIfAborted(input.signal);
      pruneScreenshots(messages);
      const response = await this.model.generate({
        role: 'executor',
        system: computerExecutorSystem(),
        messages,
        computer: { displayWidthPx: display.width, displayHeightPx: display.height },
        maxOutputTokens: 1024,
        ...(input.recorder ? { recorder: input.recorder } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      });
      const call = response.toolCalls.find((candidate) => candidate.name === 'computer');
      if (!call) {
        const answer = /DONE:?\s*(.*)$/is.exec(response.text)?.[1]?.trim();
        return { stepCount: actions.length, actions, finalObservation: observation, ...(answer ? { answer } : {}) };
      }
      messages.push({ role: 'assistant', content: [...(response.text ? [{ type: 'text' as const, text: response.text }] : []), call] });
      const mapped = toAction(call, display.scale, lastPoint);
      if (mapped.kind === 'screenshot') {
        messages.push(resultMessage(call, (await scaleScreenshot(observation.screenshotWebp, viewport)).image));
        continue;
      }
      if (mapped.kind === 'unsupported') {
        messages.push({ role: 'user', content: [{ type: 'tool-result', callId: call.id, isError: true, content: [{ type: 'text', text: mapped.reason }] }] });
        continue;
      }
      if (mapped.point) lastPoint = mapped.point;
      const before = observation;
      const { executed, actionMs } = await input.session.execute(mapped.action, { observation: before, ...(input.signal ? { signal: input.signal } : {}) });
      const after = await input.session.observe(input.signal ? { signal: input.signal } : {});
      await input.recordStep({ before, executed, actionMs, after });
      actions.push(executed);
      observation = after;
      const screenshot = (await scaleScreenshot(after.screenshotWebp, viewport)).image;
      messages.push(resultMessage(call, screenshot, executed.outcome.ok ? undefined : executed.outcome.error));
    }
    return { stepCount: actions.length, actions, finalObservation: observation, stoppedBecause: `step limit (${input.maxSteps}) reached` };
  }
}

type Mapped = { kind: 'act'; action: Action; point?: { x: number; y: number } } | { kind: 'screenshot' } | { kind: 'unsupported'; reason: string };

const KEY_NAMES: Record<string, string> = { return: 'Enter', enter: 'Enter', esc: 'Escape', escape: 'Escape', tab: 'Tab', backspace: 'Backspace', delete: 'Delete', space: 'Space', ctrl: 'Control', control: 'Control', alt: 'Alt', shift: 'Shift', cmd: 'Meta', super: 'Meta', page_down: 'PageDown', page_up: 'PageUp', up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight', home: 'Home', end: 'End' };

/** Maps a computer-tool call (xdotool-style key names, scaled coordinates) to our Action. */
export function toAction(call: ToolCallPart, scale: number, lastPoint: { x: number; y: number } | undefined): Mapped {
  const input = (call.input ?? {}) as { action?: string; coordinate?: [number, number]; text?: string; scroll_direction?: string; scroll_amount?: number; duration?: number };
  const point = input.coordinate ? { x: Math.round(input.coordinate[0] / scale), y: Math.round(input.coordinate[1] / scale) } : undefined;
  switch (input.action) {
    case 'screenshot':
      return { kind: 'screenshot' };
    case 'left_click':
    case 'double_click':
    case 'triple_click':
      return point ? { kind: 'act', action: { type: 'click', target: { point } }, point } : lastPoint ? { kind: 'act', action: { type: 'click', target: { point: lastPoint } } } : { kind: 'unsupported', reason: 'left_click needs a coordinate' };
    case 'mouse_move':
      return point ? { kind: 'act', action: { type: 'hover', target: { point } }, point } : { kind: 'unsupported', reason: 'mouse_move needs a coordinate' };
    case 'type':
      if (input.text === undefined) return { kind: 'unsupported', reason: 'type needs text' };
      return lastPoint ? { kind: 'act', action: { type: 'type', target: { point: lastPoint }, text: input.text, clear: false } } : { kind: 'act', action: { type: 'press', key: input.text } };
    case 'key':
      return input.text ? { kind: 'act', action: { type: 'press', key: keyName(input.text) } } : { kind: 'unsupported', reason: 'key needs text' };
    case 'scroll': {
      const amount = (input.scroll_amount ?? 3) * 100;
      const direction = input.scroll_direction ?? 'down';
      const deltaY = direction === 'up' ? -amount : direction === 'down' ? amount : 0;
      const deltaX = direction === 'left' ? -amount : direction === 'right' ? amount : 0;
      return { kind: 'act', action: { type: 'scroll', deltaX, deltaY, ...(point ? { target: { point } } : {}) }, ...(point ? { point } : {}) };
    }
    case 'wait':
      return { kind: 'act', action: { type: 'wait', ms: Math.min(5000, Math.round((input.duration ?? 1) * 1000)) } };
    default:
      return { kind: 'unsupported', reason: `The action ${JSON.stringify(input.action)} is not supported here; use left_click, type, key, scroll, mouse_move, wait or screenshot.` };
  }
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
