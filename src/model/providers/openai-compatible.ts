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
import { throwIfAborted, TrajsynthError } from '../../core/errors.js';
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
import {
  callContext,
  optionOrEnv,
  quietSdkLog,
  resolveProviderSettings,
  timedCall,
  untilAborted,
  type ProviderCallContext,
  type ProviderSettings,
  type SdkRequestOptions,
} from './provider-call.js';
import { describeBadBody, mapProviderError, type ProviderErrorProfile } from './provider-errors.js';

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
export type OpenAICallContext = ProviderCallContext;

export class OpenAICompatibleModel implements LanguageModel {
  readonly provider = OPENAI_COMPATIBLE_PROVIDER;
  readonly model: string;
  readonly baseURL: string;
  private readonly client: OpenAI;
  private readonly settings: ProviderSettings;
  private readonly maxTokensParam: 'max_tokens' | 'max_completion_tokens';

  constructor(options: OpenAICompatibleModelOptions) {
    this.model = options.model;
    this.settings = resolveProviderSettings(options, 'OPENAI_BASE_URL', DEFAULT_BASE_URL);
    this.baseURL = this.settings.baseURL;
    this.maxTokensParam = options.maxTokensParam ?? 'max_tokens';
    this.client = new OpenAI({
      apiKey: optionOrEnv(options.apiKey, 'OPENAI_API_KEY') ?? 'not-needed',
      baseURL: this.baseURL,
      maxRetries: this.settings.maxRetries,
      timeout: this.settings.timeoutMs,
      ...quietSdkLog('OPENAI_LOG'),
    });
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    throwIfAborted(request.signal);
    if (request.computer) {
      throw new TrajsynthError(
        `Expected a request without the computer-use tool for OpenAI-compatible model ${this.model}, got one that asks for it`,
        {
          code: 'BAD_INPUT',
          hint: 'The computer-use tool needs the Anthropic provider; use the refs executor mode with this provider',
        },
      );
    }
    const context = callContext(this.settings, request.signal);
    const body = this.toParams(request);
    // The SDK's retry sleep ignores the signal: untilAborted keeps an abort from waiting out a long `retry-after`.
    const send = (options: SdkRequestOptions): Promise<unknown> =>
      untilAborted(this.client.chat.completions.create(body, options), options.signal, () => new APIUserAbortError());
    const { raw, latencyMs } = await timedCall(context, send, mapOpenAIError);
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
          ? {
              tool_calls: calls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: JSON.stringify(call.input ?? {}) },
              })),
            }
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
          userParts.push(
            { type: 'text', text: `Image${images.length > 1 ? 's' : ''} returned by tool call ${part.callId}:` },
            ...images.map(imagePart),
          );
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
      {
        code: 'MODEL_ERROR',
        cause: error,
        hint: 'The model wrote malformed tool arguments; use a model with reliable tool calling, or enable the server’s tool-call parser',
      },
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
            .array(
              z.object({
                id: z.string().nullish(),
                type: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.unknown() }),
              }),
            )
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
  const got = describeBadBody(raw, parsed.error.issues[0], 'a body that does not match');
  throw new TrajsynthError(`Expected a chat completion from OpenAI-compatible model ${context.model}, got ${got}`, {
    code: 'MODEL_ERROR',
    hint: OPENAI_ERRORS.hints.notJson(context.baseURL),
  });
}

const OPENAI_ERRORS: ProviderErrorProfile<APIError> = {
  label: 'OpenAI-compatible',
  endpoint: 'the OpenAI-compatible server',
  classes: {
    base: OpenAIError,
    api: APIError,
    connection: APIConnectionError,
    connectionTimeout: APIConnectionTimeoutError,
    userAbort: APIUserAbortError,
  },
  apiMessageOf: (error) => {
    const body = error.error as { message?: unknown } | string | undefined;
    if (typeof body === 'string') return body;
    if (body && typeof body.message === 'string') return body.message;
    return error.message;
  },
  notFoundWhere: ' at the server',
  hints: {
    timeout: (baseURL) => `Check that the server at ${baseURL} is up and not overloaded, or raise the model timeout`,
    connection:
      'Start the model server, or check OPENAI_BASE_URL (e.g. http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama)',
    notJson: (baseURL) => `Check that ${baseURL} is an OpenAI-compatible endpoint (it usually ends in /v1)`,
    midBody: 'Check the model server (it may have crashed or run out of memory); the call can be retried',
    requestTimeout: 'The server timed out the request; retry later or send fewer images per call',
    serverError: 'The server is overloaded or failing; check its logs, lower --concurrency, or resume the run later',
    unauthorized: 'Set OPENAI_API_KEY or pass apiKey (local servers usually need none; check OPENAI_BASE_URL points at yours)',
    notFound: 'Check the model id (as the server lists it under /v1/models) and that OPENAI_BASE_URL ends in /v1',
    rejected: 'The server rejected the request itself; check the model supports images and tools, and the tool schemas',
    configuration: 'Check the model configuration (base URL, key, model id)',
  },
};

/** What the SDK threw (after its own retries) as a TrajsynthError; already-mapped errors pass through. */
export function mapOpenAIError(error: unknown, context: OpenAICallContext): TrajsynthError {
  return mapProviderError(error, context, OPENAI_ERRORS);
}
