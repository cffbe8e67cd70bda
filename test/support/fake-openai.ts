/**
 * A scripted stand-in for an OpenAI-compatible server (vLLM, Ollama, llama.cpp): a real node:http
 * server on 127.0.0.1, port 0, answering POST /v1/chat/completions in Chat Completions' wire format,
 * so the real `openai` SDK runs end to end against it. Every request is recorded for assertions.
 *
 *   const server = await startFakeOpenAI([{ kind: 'message', toolCalls: [{ name: 'answer', arguments: { ok: true } }] }]);
 *   const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL });
 */
import type { ServerResponse } from 'node:http';
import {
  fakeRequestId,
  retryAfterHeaders,
  startFakeVendorServer,
  writeJsonText,
  type FakeTransportReply,
  type FakeVendorRequest,
  type FakeVendorScript,
  type FakeVendorServer,
} from './fake-vendor-server.js';

export interface FakeOpenAIToolCall {
  id?: string;
  name: string;
  /** An object is JSON-encoded; a string is sent verbatim (to script malformed arguments). */
  arguments: unknown;
}

export interface FakeOpenAIUsage {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

export type FakeOpenAIReply =
  /** 200 with a chat completion. */
  | {
      kind: 'message';
      content?: string | null;
      toolCalls?: FakeOpenAIToolCall[];
      /** Default `tool_calls` when there are tool calls, else `stop`. */
      finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
      usage?: Partial<FakeOpenAIUsage>;
      model?: string;
    }
  /** An error status in OpenAI's error shape, optionally with retry-after (seconds) or retry-after-ms. */
  | {
      kind: 'status';
      status: number;
      message?: string;
      errorType?: string;
      code?: string | null;
      retryAfterSeconds?: number;
      retryAfterMs?: number;
    }
  /** 'malformed', 'hang' or 'drop' (see fake-vendor-server.ts). */
  | FakeTransportReply;

export type FakeOpenAIRequest = FakeVendorRequest;

export type FakeOpenAIScript = FakeVendorScript<FakeOpenAIReply, FakeOpenAIRequest>;

export interface FakeOpenAIServer extends FakeVendorServer<FakeOpenAIRequest> {
  /** Pass as `baseURL`; it ends in /v1 like a real server's. */
  baseURL: string;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

export async function startFakeOpenAI(script: FakeOpenAIScript): Promise<FakeOpenAIServer> {
  let callIds = 0;
  let completionIds = 0;

  return startFakeVendorServer<FakeOpenAIReply, FakeOpenAIRequest>(script, {
    name: 'fake-openai',
    route: '/v1/chat/completions',
    basePath: '/v1',
    notFound: (message) => ({ kind: 'status', status: 404, errorType: 'invalid_request_error', code: 'unknown_url', message }),
    serverError: (message) => ({ kind: 'status', status: 500, message }),
    malformedBody: '{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":{"role":"assist',
    respond: (res, reply, request) => {
      switch (reply.kind) {
        case 'message': {
          const toolCalls = (reply.toolCalls ?? []).map((call) => ({
            id: call.id ?? `call_fake_${String(++callIds).padStart(4, '0')}`,
            type: 'function',
            function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
          }));
          const usage: FakeOpenAIUsage = { promptTokens: 10, completionTokens: 5, cachedTokens: 0, ...reply.usage };
          const requestedModel = (request?.body as { model?: unknown } | undefined)?.model;
          sendJson(res, 200, {
            id: `chatcmpl-fake${String(++completionIds).padStart(4, '0')}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: reply.model ?? (typeof requestedModel === 'string' ? requestedModel : 'fake-model'),
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: reply.content ?? null,
                  ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
                },
                finish_reason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
              },
            ],
            usage: {
              prompt_tokens: usage.promptTokens,
              completion_tokens: usage.completionTokens,
              total_tokens: usage.promptTokens + usage.completionTokens,
              prompt_tokens_details: { cached_tokens: usage.cachedTokens },
            },
          });
          return;
        }
        case 'status': {
          const type = reply.errorType ?? ERROR_TYPES[reply.status] ?? (reply.status >= 500 ? 'server_error' : 'invalid_request_error');
          sendError(
            res,
            reply.status,
            type,
            reply.code ?? null,
            reply.message ?? `fake-openai: scripted ${reply.status} (${type})`,
            retryAfterHeaders(reply),
          );
          return;
        }
      }
    },
  });
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  writeJsonText(res, status, JSON.stringify(payload), { 'x-request-id': fakeRequestId(), ...headers });
}

function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  code: string | null,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}
