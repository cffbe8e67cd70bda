/**
 * The LanguageModel port: what agents ask of a model, in our own types. Providers (providers/) map
 * it onto a vendor SDK; no vendor type crosses this boundary. Errors are TrajsynthErrors with a code
 * (MODEL_ERROR, RATE_LIMITED, TIMEOUT, ABORTED) and `isRetryable`.
 */
import type { ModelCall, TokenCounts } from '../core/usage.js';

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface TextPart {
  type: 'text';
  text: string;
  /** Marks the end of a stable prefix worth caching (Anthropic cache_control); ignored elsewhere. */
  cacheBreakpoint?: boolean;
}

export interface ImagePart {
  type: 'image';
  mediaType: ImageMediaType;
  dataBase64: string;
  /** Pixel size, when known; used for token estimates and computer-use scaling. */
  width?: number;
  height?: number;
}

export interface ToolCallPart {
  type: 'tool-call';
  id: string;
  name: string;
  input: unknown;
}

export interface ToolResultPart {
  type: 'tool-result';
  callId: string;
  content: Array<TextPart | ImagePart>;
  isError?: boolean;
}

export type ContentPart = TextPart | ImagePart | ToolCallPart | ToolResultPart;

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: ContentPart[];
}

/** A function tool: the model answers by calling it with JSON that matches `inputSchema`. */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema (draft 2020-12 subset) of the tool's input. */
  inputSchema: Record<string, unknown>;
}

/** Anthropic's computer-use tool; the display size is the (scaled) screenshot size the model sees. */
export interface ComputerToolSpec {
  displayWidthPx: number;
  displayHeightPx: number;
}

export type ToolChoice = { type: 'auto' } | { type: 'any' } | { type: 'tool'; name: string };

export interface ModelRequest {
  /** The role making the call (proposer, executor, …), recorded with its cost. */
  role: string;
  /** Stable instructions; providers cache them where they can. */
  system: string;
  messages: ModelMessage[];
  tools?: ToolSpec[];
  computer?: ComputerToolSpec;
  toolChoice?: ToolChoice;
  maxOutputTokens: number;
  temperature?: number;
  signal?: AbortSignal;
  /** Receives the call's usage and cost, when the model is metered (src/cost). */
  recorder?: CallRecorder;
}

/** The token counts of a response (core's TokenCounts). */
export type TokenUsage = TokenCounts;

export interface ModelResponse {
  provider: string;
  model: string;
  /** The text blocks of the answer, joined. */
  text: string;
  toolCalls: ToolCallPart[];
  stopReason: 'end' | 'tool-use' | 'max-tokens' | 'other';
  usage: TokenUsage;
  /** Images sent in the request. */
  images: number;
  latencyMs: number;
  /** True when answered from a response cache without calling the provider. */
  fromCache?: boolean;
}

export interface LanguageModel {
  readonly provider: string;
  readonly model: string;
  generate(request: ModelRequest): Promise<ModelResponse>;
}

/** Where metered calls are reported (a subtask's usage, a run's call log, a budget). */
export interface CallRecorder {
  record(call: ModelCall): void;
}

/** Number of image parts in a request's messages (tool results included). */
export function countImages(messages: readonly ModelMessage[]): number {
  let images = 0;
  for (const message of messages) {
    for (const part of message.content) {
      if (part.type === 'image') images += 1;
      else if (part.type === 'tool-result') images += part.content.filter((inner) => inner.type === 'image').length;
    }
  }
  return images;
}
