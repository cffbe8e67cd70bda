import { throwIfAborted } from '../../core/errors.js';
import type { ContentPart, ImagePart, LanguageModel, ModelMessage, ToolCallPart } from '../../model/language-model.js';
import { scaleScreenshot, scaledDisplay } from '../../model/image-scaling.js';
import { toAction } from '../../model/providers/computer-tool-actions.js';
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
