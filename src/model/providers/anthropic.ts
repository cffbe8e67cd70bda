/**
 * The Anthropic provider: maps the LanguageModel port onto the Messages API through the official SDK.
 * The stable prefix (tools + system) is marked for prompt caching; the computer-use tool goes through
 * the beta endpoint only when a request asks for it. Retries are the SDK's (it honours `retry-after`
 * and `retry-after-ms`); whatever is left after them is mapped to a TrajsynthError by
 * `mapAnthropicError`.
 */
import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AnthropicError } from '@anthropic-ai/sdk';
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
  type ProviderCallContext,
  type ProviderSettings,
} from './provider-call.js';
import { describeBadBody, mapProviderError, type ProviderErrorProfile } from './provider-errors.js';

export interface AnthropicModelOptions {
  /** Model id, e.g. `claude-sonnet-4-6`. */
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

/**
 * Anthropic's prompt caching: a prefix (tools and system) is cached only from this many tokens (1024
 * for most models); a shorter one is billed as input every time. The provider marks the prefix with
 * cache_control; the dry run's estimate follows the same rule.
 */
export const ANTHROPIC_MIN_CACHEABLE_TOKENS = 1024;

/** Whether Anthropic caches a prompt prefix of this many tokens. */
export function anthropicCachesPrefix(prefixTokens: number): boolean {
  return prefixTokens >= ANTHROPIC_MIN_CACHEABLE_TOKENS;
}

export const ANTHROPIC_PROVIDER = 'anthropic';
const DEFAULT_BASE_URL = 'https://api.anthropic.com';
/** The API accepts at most four cache breakpoints per request; the system prompt uses one. */
const MAX_MESSAGE_CACHE_BREAKPOINTS = 3;

/** What the error mapper needs to know about the call that failed. */
export type AnthropicCallContext = ProviderCallContext;

export class AnthropicModel implements LanguageModel {
  readonly provider = ANTHROPIC_PROVIDER;
  readonly model: string;
  readonly baseURL: string;
  private readonly client: Anthropic;
  private readonly settings: ProviderSettings;
  private readonly computerUseBeta: string;
  private readonly computerToolType: string;

  constructor(options: AnthropicModelOptions) {
    this.model = options.model;
    this.settings = resolveProviderSettings(options, 'ANTHROPIC_BASE_URL', DEFAULT_BASE_URL);
    this.baseURL = this.settings.baseURL;
    this.computerUseBeta = options.computerUseBeta ?? 'computer-use-2025-01-24';
    this.computerToolType = options.computerToolType ?? 'computer_20250124';
    const apiKey = optionOrEnv(options.apiKey, 'ANTHROPIC_API_KEY');
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
      maxRetries: this.settings.maxRetries,
      timeout: this.settings.timeoutMs,
      ...quietSdkLog('ANTHROPIC_LOG'),
    });
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    throwIfAborted(request.signal);
    const context = callContext(this.settings, request.signal);
    const body = this.toParams(request);
    const { raw, latencyMs } = await timedCall<unknown>(
      context,
      (requestOptions) => {
        if (!request.computer) return this.client.messages.create(body, requestOptions);
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
        return this.client.beta.messages.create(betaBody, requestOptions);
      },
      mapAnthropicError,
    );
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
      ...(request.toolChoice && ((tools?.length ?? 0) > 0 || request.computer)
        ? { tool_choice: toAnthropicToolChoice(request.toolChoice) }
        : {}),
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
  const got = describeBadBody(raw, parsed.error.issues[0], describeShape(raw));
  throw new TrajsynthError(`Expected a Messages API response from Anthropic model ${context.model}, got ${got}`, {
    code: 'MODEL_ERROR',
    hint: `${ANTHROPIC_ERRORS.hints.notJson(context.baseURL)}, not a web page or another vendor's endpoint`,
  });
}

function describeShape(value: unknown): string {
  if (value === null || value === undefined) return 'an empty body';
  if (Array.isArray(value)) return 'a JSON array';
  return `a JSON ${typeof value}`;
}

const ANTHROPIC_ERRORS: ProviderErrorProfile<APIError> = {
  label: 'Anthropic',
  endpoint: 'the Anthropic API',
  classes: {
    base: AnthropicError,
    api: APIError,
    connection: APIConnectionError,
    connectionTimeout: APIConnectionTimeoutError,
    userAbort: APIUserAbortError,
  },
  apiMessageOf: (error) => error.apiMessage ?? (typeof error.error === 'string' ? error.error : error.message),
  notFoundWhere: '',
  overloadedStatus: 529,
  hints: {
    timeout: (baseURL) => `Check the network and ${baseURL}, or raise the model timeout`,
    connection: 'Check the network, a proxy, or ANTHROPIC_BASE_URL',
    notJson: (baseURL) => `Check that ${baseURL} is the Anthropic API (or a faithful proxy of it)`,
    midBody: 'Check the network or a proxy between you and the API; the call can be retried',
    requestTimeout: 'The API timed out the request; retry later or send fewer images per call',
    serverError: 'The API is overloaded or failing; wait and resume the run, or lower --concurrency',
    unauthorized: 'Check ANTHROPIC_API_KEY (or apiKey): the key was rejected',
    forbidden: 'Check that the API key may use this model and its workspace is active',
    notFound: 'Check the model id and ANTHROPIC_BASE_URL',
    tooLarge: 'Send fewer or smaller screenshots per call',
    rejected: 'The API rejected the request itself; check the model id, the tool schemas and the message history',
    configuration: 'Check the model configuration (key, base URL, model id)',
  },
};

/** What the SDK threw (after its own retries) as a TrajsynthError; already-mapped errors pass through. */
export function mapAnthropicError(error: unknown, context: AnthropicCallContext): TrajsynthError {
  return mapProviderError(error, context, ANTHROPIC_ERRORS);
}
