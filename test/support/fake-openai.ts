/**
 * A scripted stand-in for an OpenAI-compatible server (vLLM, Ollama, llama.cpp): a real node:http
 * server on 127.0.0.1, port 0, answering POST /v1/chat/completions in Chat Completions' wire format,
 * so the real `openai` SDK runs end to end against it. Every request is recorded for assertions.
 *
 *   const server = await startFakeOpenAI([{ kind: 'message', toolCalls: [{ name: 'answer', arguments: { ok: true } }] }]);
 *   const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL });
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
  | { kind: 'status'; status: number; message?: string; errorType?: string; code?: string | null; retryAfterSeconds?: number; retryAfterMs?: number }
  /** 200, content-type application/json, a body that is not JSON. */
  | { kind: 'malformed'; body?: string }
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  /** Reads the request and destroys the socket. */
  | { kind: 'drop' };

export interface FakeOpenAIRequest {
  index: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: any;
  rawBody: string;
}

export type FakeOpenAIScript =
  | FakeOpenAIReply
  | FakeOpenAIReply[]
  | ((request: FakeOpenAIRequest, index: number) => FakeOpenAIReply | Promise<FakeOpenAIReply>);

export interface FakeOpenAIServer {
  /** Pass as `baseURL`; it ends in /v1 like a real server's. */
  baseURL: string;
  requests: FakeOpenAIRequest[];
  close(): Promise<void>;
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
  const requests: FakeOpenAIRequest[] = [];
  const sockets = new Set<Socket>();
  let callIds = 0;
  let completionIds = 0;

  const pick = async (request: FakeOpenAIRequest): Promise<FakeOpenAIReply> => {
    if (typeof script === 'function') return script(request, request.index);
    if (!Array.isArray(script)) return script;
    return script[request.index] ?? { kind: 'status', status: 500, message: `fake-openai: no scripted reply for request #${request.index} (the script has ${script.length})` };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const request: FakeOpenAIRequest = { index: requests.length, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, rawBody };
    requests.push(request);

    const path = new URL(request.url, 'http://localhost').pathname;
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      sendError(res, 404, 'invalid_request_error', 'unknown_url', `fake-openai: no route ${request.method} ${path}`);
      return;
    }
    const reply = await pick(request);
    switch (reply.kind) {
      case 'message': {
        const toolCalls = (reply.toolCalls ?? []).map((call) => ({
          id: call.id ?? `call_fake_${String(++callIds).padStart(4, '0')}`,
          type: 'function',
          function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
        }));
        const usage: FakeOpenAIUsage = { promptTokens: 10, completionTokens: 5, cachedTokens: 0, ...reply.usage };
        const requestedModel = (body as { model?: unknown } | undefined)?.model;
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
        const headers: Record<string, string> = {};
        if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
        if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
        const type = reply.errorType ?? ERROR_TYPES[reply.status] ?? (reply.status >= 500 ? 'server_error' : 'invalid_request_error');
        sendError(res, reply.status, type, reply.code ?? null, reply.message ?? `fake-openai: scripted ${reply.status} (${type})`, headers);
        return;
      }
      case 'malformed': {
        const text = reply.body ?? '{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":{"role":"assist';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      case 'hang':
        return;
      case 'drop':
        req.socket.destroy();
        return;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'server_error', null, `fake-openai: handler failed: ${String(error)}`);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': `req_fake_${Math.random().toString(36).slice(2, 12)}`,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, type: string, code: string | null, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}
