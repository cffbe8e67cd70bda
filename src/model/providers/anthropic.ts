/**
 * The Anthropic provider: maps the LanguageModel port onto the Messages API through the official SDK.
 * The stable prefix (tools + system) is marked for prompt caching; the computer-use tool goes through
 * the beta endpoint only when a request asks for it. Retries are the SDK's (it honours `retry-after`
 * and `retry-after-ms`); whatever is left after them is mapped to a TrajsynthError by
 * `mapAnthropicError`.
 */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AnthropicError,
} from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  ImageBlockParam,
  MessageCreateParamsNonStreaming,
  MessageParam,
  TextBlockParam,
  Tool,
  ToolChoice as AnthropicToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages.js';
import type { MessageCreateParamsNonStreaming as BetaMessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/beta/messages/messages.js';
import { z } from 'zod';
import { errorMessage, isTrajsynthError, throwIfAborted, TrajsynthError } from '../../core/errors.js';
import {
  countImages,
  type ImagePart,
  type LanguageModel,
  type ModelMessage,
  type ModelRequest,
  type ModelResponse,
  type TextPart,
  type ToolCallPart,
  type ToolChoice,
} from '../language-model.js';

export interface AnthropicModelOptions {
  /** Model id, e.g. `claude-sonnet-4-5`. */
  model: string;
  /** Defaults to the ANTHROPIC_API_KEY environment variable. */
  apiKey?: string;
  /** Defaults to ANTHROPIC_BASE_URL, then https://api.anthropic.com. */
  baseURL?: string;
  /** Retries the SDK makes on 408/409/429/5xx and connection errors. Default 4. */
  maxRetries?: number;
  /** Per attempt, until the response headers arrive. Default 120 000 ms. */
  timeoutMs?: number;
  /** The `anthropic-beta` value that enables the computer-use tool. */
  computerUseBeta?: string;
  /** The computer-use tool version, matching `computerUseBeta`. */
  computerToolType?: string;
}

export const ANTHROPIC_PROVIDER = 'anthropic';
const DEFAULT_BASE_URL = 'https://api.anthropic.com';
/** The API accepts at most four cache breakpoints per request; the system prompt uses one. */
const MAX_MESSAGE_CACHE_BREAKPOINTS = 3;

/** What the error mapper needs to know about the call that failed. */
export interface AnthropicCallContext {
  model: string;
  baseURL: string;
  maxRetries: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export class AnthropicModel implements LanguageModel {
  readonly provider = ANTHROPIC_PROVIDER;
  readonly model: string;
  readonly baseURL: string;
  private readonly client: Anthropic;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly computerUseBeta: string;
  private readonly computerToolType: string;

  constructor(options: AnthropicModelOptions) {
    this.model = options.model;
    this.maxRetries = checkCount('maxRetries', options.maxRetries ?? 4, 0);
    this.timeoutMs = checkCount('timeoutMs', options.timeoutMs ?? 120_000, 1);
    this.computerUseBeta = options.computerUseBeta ?? 'computer-use-2025-01-24';
    this.computerToolType = options.computerToolType ?? 'computer_20250124';
    this.baseURL = nonEmpty(options.baseURL) ?? nonEmpty(process.env['ANTHROPIC_BASE_URL']) ?? DEFAULT_BASE_URL;
    const apiKey = nonEmpty(options.apiKey) ?? nonEmpty(process.env['ANTHROPIC_API_KEY']);
    if (apiKey === undefined) {
      throw new TrajsynthError(`Expected an Anthropic API key for model ${this.model}, got none`, {
        code: 'MODEL_ERROR',
        hint: 'Set ANTHROPIC_API_KEY or pass apiKey (or run without a model: the heuristic agents need no key)',
      });
    }
    // Passing the key explicitly keeps the SDK off its credential chain (profiles on disk, OAuth).
    this.client = new Anthropic({
      apiKey,
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout: this.timeoutMs,
      // Library code never prints: the SDK logs to the console unless told otherwise.
      ...(process.env['ANTHROPIC_LOG'] ? {} : { logLevel: 'off' as const }),
    });
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    throwIfAborted(request.signal);
    const context: AnthropicCallContext = {
      model: this.model,
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeoutMs: this.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
    };
    const body = this.toParams(request);
    const requestOptions = { timeout: this.timeoutMs, ...(request.signal ? { signal: request.signal } : {}) };
    const startedAt = performance.now();
    let raw: unknown;
    try {
      if (request.computer) {
        const computerTool = {
          type: this.computerToolType,
          name: 'computer',
          display_width_px: request.computer.displayWidthPx,
          display_height_px: request.computer.displayHeightPx,
        };
        const betaBody = {
          ...body,
          tools: [...(body.tools ?? []), computerTool],
          betas: [this.computerUseBeta],
        } as unknown as BetaMessageCreateParamsNonStreaming;
        raw = await this.client.beta.messages.create(betaBody, requestOptions);
      } else {
        raw = await this.client.messages.create(body, requestOptions);
      }
    } catch (error) {
      throw mapAnthropicError(error, context);
    }
    const latencyMs = performance.now() - startedAt;
    const message = parseMessage(raw, context);
    const text = message.content.flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : [])).join('');
    const toolCalls: ToolCallPart[] = message.content.flatMap((block) =>
      block.type === 'tool_use' && typeof block.id === 'string' && typeof block.name === 'string'
        ? [{ type: 'tool-call' as const, id: block.id, name: block.name, input: block.input ?? {} }]
        : [],
    );
    return {
      provider: this.provider,
      model: message.model ?? this.model,
      text,
      toolCalls,
      stopReason: mapStopReason(message.stop_reason),
      usage: {
        inputTokens: message.usage.input_tokens,
        outputTokens: message.usage.output_tokens,
        cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
        cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      },
      images: countImages(request.messages),
      latencyMs,
    };
  }

  private toParams(request: ModelRequest): MessageCreateParamsNonStreaming {
    const tools: Tool[] | undefined = request.tools?.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.inputSchema as Tool.InputSchema,
    }));
    return {
      model: this.model,
      max_tokens: request.maxOutputTokens,
      // One cached block: tools + system form the stable prefix of every call a role makes.
      ...(request.system ? { system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }] } : {}),
      messages: toAnthropicMessages(request.messages),
      ...(tools && tools.length > 0 ? { tools } : {}),
      // The API rejects tool_choice without tools; the computer tool is added later, on the beta path.
      ...(request.toolChoice && ((tools?.length ?? 0) > 0 || request.computer) ? { tool_choice: toAnthropicToolChoice(request.toolChoice) } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    };
  }
}

/**
 * Our messages in the Messages API's shape. Empty text parts are dropped (the API rejects empty
 * text blocks), and only the last three cache breakpoints are kept (the API allows four in all and
 * a later breakpoint covers everything before it).
 */
export function toAnthropicMessages(messages: readonly ModelMessage[]): MessageParam[] {
  let breakpointsLeft = countBreakpoints(messages);
  const keepBreakpoint = (part: TextPart): boolean => {
    if (!part.cacheBreakpoint) return false;
    breakpointsLeft -= 1;
    return breakpointsLeft < MAX_MESSAGE_CACHE_BREAKPOINTS;
  };
  const textBlock = (part: TextPart): TextBlockParam => ({
    type: 'text',
    text: part.text,
    ...(keepBreakpoint(part) ? { cache_control: { type: 'ephemeral' as const } } : {}),
  });
  const imageBlock = (part: ImagePart): ImageBlockParam => ({
    type: 'image',
    source: { type: 'base64', media_type: part.mediaType, data: part.dataBase64 },
  });
  return messages.map((message) => {
    const content: ContentBlockParam[] = [];
    for (const part of message.content) {
      if (part.type === 'text') {
        if (part.text.length > 0) content.push(textBlock(part));
        else keepBreakpoint(part);
      } else if (part.type === 'image') {
        content.push(imageBlock(part));
      } else if (part.type === 'tool-call') {
        content.push({ type: 'tool_use', id: part.id, name: part.name, input: part.input ?? {} });
      } else {
        const inner: Array<TextBlockParam | ImageBlockParam> = [];
        for (const innerPart of part.content) {
          if (innerPart.type === 'image') inner.push(imageBlock(innerPart));
          else if (innerPart.text.length > 0) inner.push(textBlock(innerPart));
          else keepBreakpoint(innerPart);
        }
        content.push({
          type: 'tool_result',
          tool_use_id: part.callId,
          ...(inner.length > 0 ? { content: inner } : {}),
          ...(part.isError ? { is_error: true } : {}),
        });
      }
    }
    return { role: message.role, content };
  });
}

function countBreakpoints(messages: readonly ModelMessage[]): number {
  let count = 0;
  for (const message of messages) {
    for (const part of message.content) {
      if (part.type === 'text' && part.cacheBreakpoint) count += 1;
      else if (part.type === 'tool-result') count += part.content.filter((inner) => inner.type === 'text' && inner.cacheBreakpoint).length;
    }
  }
  return count;
}

function toAnthropicToolChoice(choice: ToolChoice): AnthropicToolChoice {
  if (choice.type === 'tool') return { type: 'tool', name: choice.name };
  return { type: choice.type };
}

function mapStopReason(reason: string | null | undefined): ModelResponse['stopReason'] {
  if (reason === 'end_turn') return 'end';
  if (reason === 'tool_use') return 'tool-use';
  if (reason === 'max_tokens') return 'max-tokens';
  return 'other';
}

/** The part of a Messages API response we read; anything else in it is ignored. */
const MessageBodySchema = z.object({
  model: z.string().optional(),
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string().nullish(),
  usage: z.object({
    input_tokens: z.number().int().nonnegative(),
    output_tokens: z.number().int().nonnegative(),
    cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
    cache_read_input_tokens: z.number().int().nonnegative().nullish(),
  }),
});

function parseMessage(raw: unknown, context: AnthropicCallContext): z.infer<typeof MessageBodySchema> {
  const parsed = MessageBodySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const got = typeof raw === 'string' ? `a non-JSON body starting ${JSON.stringify(raw.slice(0, 80))}` : `${describeShape(raw)} (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message})`;
  return failMalformed(`Expected a Messages API response from Anthropic model ${context.model}, got ${got}`, context);
}

function failMalformed(message: string, context: AnthropicCallContext, cause?: unknown): never {
  throw new TrajsynthError(message, {
    code: 'MODEL_ERROR',
    cause,
    hint: `Check that ${context.baseURL} is the Anthropic API (or a faithful proxy of it), not a web page or another vendor's endpoint`,
  });
}

function describeShape(value: unknown): string {
  if (value === null || value === undefined) return 'an empty body';
  if (Array.isArray(value)) return 'a JSON array';
  return `a JSON ${typeof value}`;
}

/** A whole number of at least `min`, as the SDK requires (it throws a bare error otherwise). */
function checkCount(name: string, value: number, min: number): number {
  if (Number.isInteger(value) && value >= min) return value;
  throw new TrajsynthError(`Expected ${name} to be a whole number of at least ${min}, got ${value}`, {
    code: 'BAD_INPUT',
    hint: `Pass a whole number for ${name}`,
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Maps whatever the SDK threw (after its own retries) to a TrajsynthError with a code, an
 * "Expected X, got Y" message, `isRetryable` and a hint. Already-mapped errors pass through.
 */
export function mapAnthropicError(error: unknown, context: AnthropicCallContext): TrajsynthError {
  if (isTrajsynthError(error)) return error;
  const who = `Anthropic model ${context.model}`;
  const retries = `after ${context.maxRetries} ${context.maxRetries === 1 ? 'retry' : 'retries'}`;
  if (error instanceof APIUserAbortError || context.signal?.aborted) {
    const reason = context.signal?.reason;
    return new TrajsynthError(`Expected a response from ${who}, got the call aborted${reason ? `: ${errorMessage(reason)}` : ''}`, {
      code: 'ABORTED',
      cause: error,
    });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new TrajsynthError(`Expected a response from ${who} within ${context.timeoutMs} ms, got none ${retries}`, {
      code: 'TIMEOUT',
      isRetryable: true,
      cause: error,
      hint: `Check the network and ${context.baseURL}, or raise the model timeout`,
    });
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? (error.cause.cause instanceof Error ? error.cause.cause.message : error.cause.message) : error.message;
    return new TrajsynthError(`Expected to reach the Anthropic API at ${context.baseURL}, got a connection error ${retries}: ${cause}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause: error,
      hint: 'Check the network, a proxy, or ANTHROPIC_BASE_URL',
    });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return mapStatusError(error.status, apiMessageOf(error), error, who, retries);
  }
  if (error instanceof SyntaxError) {
    return new TrajsynthError(`Expected a JSON response from ${who}, got a body that is not valid JSON: ${error.message}`, {
      code: 'MODEL_ERROR',
      cause: error,
      hint: `Check that ${context.baseURL} is the Anthropic API (or a faithful proxy of it)`,
    });
  }
  if (error instanceof TypeError && /terminated|socket|ECONNRESET/i.test(`${error.message} ${errorMessage(error.cause)}`)) {
    return new TrajsynthError(`Expected a complete response from ${who} at ${context.baseURL}, got the connection closed mid-body: ${errorMessage(error.cause ?? error)}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause: error,
      hint: 'Check the network or a proxy between you and the API; the call can be retried',
    });
  }
  const kind = error instanceof AnthropicError ? 'an SDK error' : 'an unexpected error';
  return new TrajsynthError(`Expected a response from ${who}, got ${kind}: ${errorMessage(error)}`, {
    code: 'MODEL_ERROR',
    cause: error,
    hint: 'Check the model configuration (key, base URL, model id)',
  });
}

function apiMessageOf(error: APIError): string {
  return error.apiMessage ?? (typeof error.error === 'string' ? error.error : error.message);
}

function mapStatusError(status: number, apiMessage: string, cause: unknown, who: string, retries: string): TrajsynthError {
  if (status === 429) {
    return new TrajsynthError(`Expected a response from ${who}, got 429 rate limit ${retries}: ${apiMessage}`, {
      code: 'RATE_LIMITED',
      isRetryable: true,
      cause,
      hint: 'Lower --concurrency, or wait a minute and resume the run',
    });
  }
  if (status === 408) {
    return new TrajsynthError(`Expected a response from ${who}, got 408 request timeout ${retries}: ${apiMessage}`, {
      code: 'TIMEOUT',
      isRetryable: true,
      cause,
      hint: 'The API timed out the request; retry later or send fewer images per call',
    });
  }
  if (status >= 500 || status === 409) {
    const what = status === 529 ? '529 overloaded' : `${status} server error`;
    return new TrajsynthError(`Expected a response from ${who}, got ${what} ${retries}: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause,
      hint: 'The API is overloaded or failing; wait and resume the run, or lower --concurrency',
    });
  }
  if (status === 401 || status === 403) {
    const what = status === 401 ? '401 authentication error' : '403 permission denied';
    return new TrajsynthError(`Expected ${who} to accept the API key, got ${what}: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: status === 401 ? 'Check ANTHROPIC_API_KEY (or apiKey): the key was rejected' : 'Check that the API key may use this model and its workspace is active',
    });
  }
  if (status === 404) {
    return new TrajsynthError(`Expected ${who} to exist, got 404 not found: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: 'Check the model id and ANTHROPIC_BASE_URL',
    });
  }
  if (status === 413) {
    return new TrajsynthError(`Expected ${who} to accept the request, got 413 request too large: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: 'Send fewer or smaller screenshots per call',
    });
  }
  return new TrajsynthError(`Expected ${who} to accept the request, got ${status} ${status === 400 ? 'invalid request' : 'error'}: ${apiMessage}`, {
    code: 'MODEL_ERROR',
    cause,
    hint: 'The API rejected the request itself; check the model id, the tool schemas and the message history',
  });
}
