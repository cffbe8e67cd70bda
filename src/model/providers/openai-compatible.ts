/**
 * The OpenAI-compatible provider: maps the LanguageModel port onto Chat Completions through the
 * `openai` SDK, for any server that speaks it (vLLM, Ollama, llama.cpp, LM Studio, OpenAI itself).
 * Retries are the SDK's (it honours `retry-after` and `retry-after-ms`); what is left after them is
 * mapped to a TrajsynthError by `mapOpenAIError`.
 *
 * Usage: Chat Completions counts cached prompt tokens inside `prompt_tokens`. We report them only as
 * `cacheReadTokens` and subtract them from `inputTokens`, so the four token kinds never overlap (the
 * same convention as Anthropic's usage, and what the price table expects).
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import type {
  ChatCompletionContentPart,
  ChatCompletionContentPartImage,
  ChatCompletionContentPartText,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions/completions.js';
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

export interface OpenAICompatibleModelOptions {
  /** The model id as the server knows it, e.g. `qwen2.5-vl-7b-instruct`. */
  model: string;
  /** Defaults to OPENAI_BASE_URL, then https://api.openai.com/v1. Include the `/v1`. */
  baseURL?: string;
  /** Defaults to OPENAI_API_KEY, then `not-needed` (local servers ignore it). */
  apiKey?: string;
  /** Retries the SDK makes on 408/409/429/5xx and connection errors. Default 4. */
  maxRetries?: number;
  /** Per attempt, until the response headers arrive. Default 120 000 ms. */
  timeoutMs?: number;
  /**
   * The output-length parameter: `max_tokens` (default; what local servers read) or
   * `max_completion_tokens` (what OpenAI's reasoning models require).
   */
  maxTokensParam?: 'max_tokens' | 'max_completion_tokens';
}

export const OPENAI_COMPATIBLE_PROVIDER = 'openai-compatible';
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** What the error mapper needs to know about the call that failed. */
export interface OpenAICallContext {
  model: string;
  baseURL: string;
  maxRetries: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export class OpenAICompatibleModel implements LanguageModel {
  readonly provider = OPENAI_COMPATIBLE_PROVIDER;
  readonly model: string;
  readonly baseURL: string;
  private readonly client: OpenAI;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly maxTokensParam: 'max_tokens' | 'max_completion_tokens';

  constructor(options: OpenAICompatibleModelOptions) {
    this.model = options.model;
    this.maxRetries = checkCount('maxRetries', options.maxRetries ?? 4, 0);
    this.timeoutMs = checkCount('timeoutMs', options.timeoutMs ?? 120_000, 1);
    this.maxTokensParam = options.maxTokensParam ?? 'max_tokens';
    this.baseURL = nonEmpty(options.baseURL) ?? nonEmpty(process.env['OPENAI_BASE_URL']) ?? DEFAULT_BASE_URL;
    this.client = new OpenAI({
      apiKey: nonEmpty(options.apiKey) ?? nonEmpty(process.env['OPENAI_API_KEY']) ?? 'not-needed',
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout: this.timeoutMs,
      // Library code never prints: the SDK logs to the console unless told otherwise.
      ...(process.env['OPENAI_LOG'] ? {} : { logLevel: 'off' as const }),
    });
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    throwIfAborted(request.signal);
    if (request.computer) {
      throw new TrajsynthError(`Expected a request without the computer-use tool for OpenAI-compatible model ${this.model}, got one that asks for it`, {
        code: 'BAD_INPUT',
        hint: 'The computer-use tool needs the Anthropic provider; use the refs executor mode with this provider',
      });
    }
    const context: OpenAICallContext = {
      model: this.model,
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeoutMs: this.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
    };
    const body = this.toParams(request);
    const startedAt = performance.now();
    let raw: unknown;
    try {
      const call = this.client.chat.completions.create(body, {
        timeout: this.timeoutMs,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      raw = await untilAborted(call, request.signal);
    } catch (error) {
      throw mapOpenAIError(error, context);
    }
    const latencyMs = performance.now() - startedAt;
    const completion = parseCompletion(raw, context);
    const choice = completion.choices[0]!;
    const toolCalls = (choice.message.tool_calls ?? []).flatMap((call, index): ToolCallPart[] => {
      if (call.type !== undefined && call.type !== 'function') return [];
      const name = call.function.name;
      return [{ type: 'tool-call', id: call.id || `call_${index}`, name, input: parseArguments(call.function.arguments, name, context) }];
    });
    const promptTokens = completion.usage?.prompt_tokens ?? 0;
    const cachedTokens = Math.min(completion.usage?.prompt_tokens_details?.cached_tokens ?? 0, promptTokens);
    return {
      provider: this.provider,
      model: completion.model || this.model,
      text: choice.message.content ?? '',
      toolCalls,
      stopReason: mapFinishReason(choice.finish_reason, toolCalls.length > 0),
      usage: {
        inputTokens: promptTokens - cachedTokens,
        outputTokens: completion.usage?.completion_tokens ?? 0,
        cacheWriteTokens: 0,
        cacheReadTokens: cachedTokens,
      },
      images: countImages(request.messages),
      latencyMs,
    };
  }

  private toParams(request: ModelRequest): ChatCompletionCreateParamsNonStreaming {
    const messages: ChatCompletionMessageParam[] = [];
    if (request.system) messages.push({ role: 'system', content: request.system });
    messages.push(...toChatMessages(request.messages));
    const tools: ChatCompletionTool[] | undefined = request.tools?.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
    }));
    return {
      model: this.model,
      messages,
      [this.maxTokensParam]: request.maxOutputTokens,
      ...(tools && tools.length > 0 ? { tools } : {}),
      // Servers reject tool_choice without tools.
      ...(request.toolChoice && tools && tools.length > 0 ? { tool_choice: toChatToolChoice(request.toolChoice) } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    };
  }
}

/**
 * Our messages as Chat Completions messages. Tool results become `tool` messages right after the
 * assistant turn that called them; as those carry text only, their images (and the rest of that user
 * turn) follow in one user message. Text-only user turns are sent as a plain string, which every
 * compatible server accepts.
 */
export function toChatMessages(messages: readonly ModelMessage[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  for (const message of messages) {
    if (message.role === 'assistant') {
      const text = message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
      const calls = message.content.flatMap((part) => (part.type === 'tool-call' ? [part] : []));
      const other = message.content.find((part) => part.type !== 'text' && part.type !== 'tool-call');
      if (other) {
        throw new TrajsynthError(`Expected only text and tool-call parts in an assistant message, got a ${other.type} part`, {
          code: 'BAD_INPUT',
          hint: 'Put images and tool results in user messages',
        });
      }
      out.push({
        role: 'assistant',
        content: text.length > 0 ? text : null,
        ...(calls.length > 0
          ? { tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: JSON.stringify(call.input ?? {}) } })) }
          : {}),
      });
      continue;
    }
    const userParts: ChatCompletionContentPart[] = [];
    for (const part of message.content) {
      if (part.type === 'text') userParts.push(textPart(part));
      else if (part.type === 'image') userParts.push(imagePart(part));
      else if (part.type === 'tool-result') {
        const text = part.content.flatMap((inner) => (inner.type === 'text' ? [inner.text] : [])).join('\n');
        const images = part.content.flatMap((inner) => (inner.type === 'image' ? [inner] : []));
        const body = text.length > 0 ? text : images.length > 0 ? '(the result is the image in the next message)' : '(no output)';
        out.push({ role: 'tool', tool_call_id: part.callId, content: part.isError ? `Error: ${body}` : body });
        if (images.length > 0) {
          userParts.push({ type: 'text', text: `Image${images.length > 1 ? 's' : ''} returned by tool call ${part.callId}:` }, ...images.map(imagePart));
        }
      } else {
        throw new TrajsynthError('Expected no tool-call parts in a user message, got one', {
          code: 'BAD_INPUT',
          hint: 'Tool calls belong to assistant messages',
        });
      }
    }
    if (userParts.length === 0) continue;
    const textOnly = userParts.every((part) => part.type === 'text');
    out.push({
      role: 'user',
      content: textOnly ? userParts.map((part) => (part as ChatCompletionContentPartText).text).join('\n') : userParts,
    });
  }
  return out;
}

function textPart(part: TextPart): ChatCompletionContentPartText {
  return { type: 'text', text: part.text };
}

function imagePart(part: ImagePart): ChatCompletionContentPartImage {
  return { type: 'image_url', image_url: { url: `data:${part.mediaType};base64,${part.dataBase64}` } };
}

function toChatToolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
  if (choice.type === 'tool') return { type: 'function', function: { name: choice.name } };
  return choice.type === 'any' ? 'required' : 'auto';
}

/** Some servers (older Ollama) finish with `stop` even when they called a tool. */
function mapFinishReason(reason: string | null | undefined, calledTools: boolean): ModelResponse['stopReason'] {
  if (reason === 'length') return 'max-tokens';
  if (reason === 'tool_calls' || reason === 'function_call' || calledTools) return 'tool-use';
  if (reason === 'stop') return 'end';
  return 'other';
}

function parseArguments(raw: unknown, toolName: string, context: OpenAICallContext): unknown {
  // Non-conforming servers sometimes send an object, or an empty string for a tool without inputs.
  if (typeof raw !== 'string') return raw ?? {};
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new TrajsynthError(
      `Expected JSON arguments for tool ${toolName} from OpenAI-compatible model ${context.model}, got ${JSON.stringify(raw.slice(0, 120))}`,
      { code: 'MODEL_ERROR', cause: error, hint: 'The model wrote malformed tool arguments; use a model with reliable tool calling, or enable the server’s tool-call parser' },
    );
  }
}

/** The part of a Chat Completions response we read; anything else in it is ignored. */
const CompletionBodySchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(z.object({ id: z.string().nullish(), type: z.string().optional(), function: z.object({ name: z.string(), arguments: z.unknown() }) }))
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
      prompt_tokens_details: z.object({ cached_tokens: z.number().int().nonnegative().nullish() }).nullish(),
    })
    .nullish(),
});

function parseCompletion(raw: unknown, context: OpenAICallContext): z.infer<typeof CompletionBodySchema> {
  const parsed = CompletionBodySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const got = typeof raw === 'string' ? `a non-JSON body starting ${JSON.stringify(raw.slice(0, 80))}` : `a body that does not match (${issue?.path.join('.') || 'root'}: ${issue?.message})`;
  throw new TrajsynthError(`Expected a chat completion from OpenAI-compatible model ${context.model}, got ${got}`, {
    code: 'MODEL_ERROR',
    hint: `Check that ${context.baseURL} is an OpenAI-compatible endpoint (it usually ends in /v1)`,
  });
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts. The openai SDK passes the signal to
 * fetch but not to its retry sleep, so without this an abort would wait out a long `retry-after`.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new APIUserAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

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
export function mapOpenAIError(error: unknown, context: OpenAICallContext): TrajsynthError {
  if (isTrajsynthError(error)) return error;
  const who = `OpenAI-compatible model ${context.model}`;
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
      hint: `Check that the server at ${context.baseURL} is up and not overloaded, or raise the model timeout`,
    });
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? (error.cause.cause instanceof Error ? error.cause.cause.message : error.cause.message) : error.message;
    return new TrajsynthError(`Expected to reach the OpenAI-compatible server at ${context.baseURL}, got a connection error ${retries}: ${cause}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause: error,
      hint: 'Start the model server, or check OPENAI_BASE_URL (e.g. http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama)',
    });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    return mapStatusError(error.status, apiMessageOf(error), error, who, retries);
  }
  if (error instanceof SyntaxError) {
    return new TrajsynthError(`Expected a JSON response from ${who}, got a body that is not valid JSON: ${error.message}`, {
      code: 'MODEL_ERROR',
      cause: error,
      hint: `Check that ${context.baseURL} is an OpenAI-compatible endpoint (it usually ends in /v1)`,
    });
  }
  if (error instanceof TypeError && /terminated|socket|ECONNRESET/i.test(`${error.message} ${errorMessage(error.cause)}`)) {
    return new TrajsynthError(`Expected a complete response from ${who} at ${context.baseURL}, got the connection closed mid-body: ${errorMessage(error.cause ?? error)}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause: error,
      hint: 'Check the model server (it may have crashed or run out of memory); the call can be retried',
    });
  }
  const kind = error instanceof OpenAIError ? 'an SDK error' : 'an unexpected error';
  return new TrajsynthError(`Expected a response from ${who}, got ${kind}: ${errorMessage(error)}`, {
    code: 'MODEL_ERROR',
    cause: error,
    hint: 'Check the model configuration (base URL, key, model id)',
  });
}

function apiMessageOf(error: APIError): string {
  const body = error.error as { message?: unknown } | string | undefined;
  if (typeof body === 'string') return body;
  if (body && typeof body.message === 'string') return body.message;
  return error.message;
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
      hint: 'The server timed out the request; retry later or send fewer images per call',
    });
  }
  if (status >= 500 || status === 409) {
    return new TrajsynthError(`Expected a response from ${who}, got ${status} server error ${retries}: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause,
      hint: 'The server is overloaded or failing; check its logs, lower --concurrency, or resume the run later',
    });
  }
  if (status === 401 || status === 403) {
    return new TrajsynthError(`Expected ${who} to accept the API key, got ${status === 401 ? '401 authentication error' : '403 permission denied'}: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: 'Set OPENAI_API_KEY or pass apiKey (local servers usually need none; check OPENAI_BASE_URL points at yours)',
    });
  }
  if (status === 404) {
    return new TrajsynthError(`Expected ${who} to exist at the server, got 404 not found: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: 'Check the model id (as the server lists it under /v1/models) and that OPENAI_BASE_URL ends in /v1',
    });
  }
  return new TrajsynthError(`Expected ${who} to accept the request, got ${status} ${status === 400 ? 'invalid request' : 'error'}: ${apiMessage}`, {
    code: 'MODEL_ERROR',
    cause,
    hint: 'The server rejected the request itself; check the model supports images and tools, and the tool schemas',
  });
}
