/**
 * A scripted stand-in for the Anthropic Messages API: a real node:http server on 127.0.0.1, port 0,
 * answering POST /v1/messages in the API's wire format, so the real SDK runs end to end against it.
 * Every request is recorded (headers and parsed JSON body) for assertions.
 *
 *   const server = await startFakeAnthropic([{ kind: 'status', status: 429, retryAfterSeconds: 1 }, { kind: 'message', content: [...] }]);
 *   const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL });
 *   ...
 *   await server.close();
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

export type FakeAnthropicContentBlock = { type: 'text'; text: string } | { type: 'tool_use'; name: string; input: unknown; id?: string };

export interface FakeAnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export type FakeAnthropicReply =
  /** 200 with a Messages API message. */
  | {
      kind: 'message';
      content: FakeAnthropicContentBlock[];
      /** Default `tool_use` when the content has a tool_use block, else `end_turn`. */
      stopReason?: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'pause_turn' | 'refusal';
      usage?: Partial<FakeAnthropicUsage>;
      /** Default: the model the request asked for. */
      model?: string;
    }
  /** An error status in Anthropic's error shape, optionally with retry-after (seconds) or retry-after-ms. */
  | { kind: 'status'; status: number; message?: string; errorType?: string; retryAfterSeconds?: number; retryAfterMs?: number }
  /** 'malformed', 'hang' or 'drop' (see fake-vendor-server.ts). */
  | FakeTransportReply;

export type FakeAnthropicRequest = FakeVendorRequest;

/** A reply for every request (repeated), a queue of replies, or a function of the request. */
export type FakeAnthropicScript = FakeVendorScript<FakeAnthropicReply, FakeAnthropicRequest>;

export interface FakeAnthropicServer extends FakeVendorServer<FakeAnthropicRequest> {
  /** Pass as `baseURL` (the SDK appends /v1/messages). */
  baseURL: string;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export async function startFakeAnthropic(script: FakeAnthropicScript): Promise<FakeAnthropicServer> {
  let toolIds = 0;
  let messageIds = 0;

  return startFakeVendorServer<FakeAnthropicReply, FakeAnthropicRequest>(script, {
    name: 'fake-anthropic',
    route: '/v1/messages',
    notFound: (message) => ({ kind: 'status', status: 404, errorType: 'not_found_error', message }),
    serverError: (message) => ({ kind: 'status', status: 500, errorType: 'api_error', message }),
    malformedBody: '{"id":"msg_fake","type":"message","content":[{"type":"text","text":"trunc',
    malformedHeaders: () => ({ 'request-id': fakeRequestId() }),
    respond: (res, reply, request) => {
      switch (reply.kind) {
        case 'message': {
          const content = reply.content.map((block) =>
            block.type === 'tool_use'
              ? {
                  type: 'tool_use',
                  id: block.id ?? `toolu_fake_${String(++toolIds).padStart(4, '0')}`,
                  name: block.name,
                  input: block.input,
                }
              : block,
          );
          const usage: FakeAnthropicUsage = {
            input_tokens: 10,
            output_tokens: 5,
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
            ...reply.usage,
          };
          const requestedModel = (request?.body as { model?: unknown } | undefined)?.model;
          sendJson(res, 200, {
            id: `msg_fake_${String(++messageIds).padStart(4, '0')}`,
            type: 'message',
            role: 'assistant',
            model: reply.model ?? (typeof requestedModel === 'string' ? requestedModel : 'claude-fake'),
            content,
            stop_reason: reply.stopReason ?? (content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'),
            stop_sequence: null,
            usage,
          });
          return;
        }
        case 'status': {
          const type = reply.errorType ?? ERROR_TYPES[reply.status] ?? (reply.status >= 500 ? 'api_error' : 'invalid_request_error');
          sendError(
            res,
            reply.status,
            type,
            reply.message ?? `fake-anthropic: scripted ${reply.status} (${type})`,
            retryAfterHeaders(reply),
          );
          return;
        }
      }
    },
  });
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  writeJsonText(res, status, JSON.stringify(payload), { 'request-id': fakeRequestId(), ...headers });
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { type: 'error', error: { type, message } }, headers);
}
