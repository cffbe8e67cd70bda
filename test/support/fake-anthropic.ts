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
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeAnthropicContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: unknown; id?: string };

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
  /** 200, content-type application/json, a body that is not JSON. */
  | { kind: 'malformed'; body?: string }
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  /** Reads the request and destroys the socket. */
  | { kind: 'drop' };

export interface FakeAnthropicRequest {
  /** 0-based, in arrival order. */
  index: number;
  method: string;
  /** Path with query, e.g. `/v1/messages?beta=true`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: any;
  rawBody: string;
}

/** A reply for every request (repeated), a queue of replies, or a function of the request. */
export type FakeAnthropicScript =
  | FakeAnthropicReply
  | FakeAnthropicReply[]
  | ((request: FakeAnthropicRequest, index: number) => FakeAnthropicReply | Promise<FakeAnthropicReply>);

export interface FakeAnthropicServer {
  /** Pass as `baseURL` (the SDK appends /v1/messages). */
  baseURL: string;
  requests: FakeAnthropicRequest[];
  /** Closes the server and destroys every socket, hung ones included. */
  close(): Promise<void>;
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
  const requests: FakeAnthropicRequest[] = [];
  const sockets = new Set<Socket>();
  let toolIds = 0;
  let messageIds = 0;

  const pick = async (request: FakeAnthropicRequest): Promise<FakeAnthropicReply> => {
    if (typeof script === 'function') return script(request, request.index);
    if (!Array.isArray(script)) return script;
    return (
      script[request.index] ?? {
        kind: 'status',
        status: 500,
        errorType: 'api_error',
        message: `fake-anthropic: no scripted reply for request #${request.index} (the script has ${script.length})`,
      }
    );
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
    const request: FakeAnthropicRequest = { index: requests.length, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, rawBody };
    requests.push(request);

    const path = new URL(request.url, 'http://localhost').pathname;
    if (request.method !== 'POST' || path !== '/v1/messages') {
      sendError(res, 404, 'not_found_error', `fake-anthropic: no route ${request.method} ${path}`);
      return;
    }
    const reply = await pick(request);
    switch (reply.kind) {
      case 'message': {
        const content = reply.content.map((block) =>
          block.type === 'tool_use' ? { type: 'tool_use', id: block.id ?? `toolu_fake_${String(++toolIds).padStart(4, '0')}`, name: block.name, input: block.input } : block,
        );
        const usage: FakeAnthropicUsage = {
          input_tokens: 10,
          output_tokens: 5,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          ...reply.usage,
        };
        const requestedModel = (body as { model?: unknown } | undefined)?.model;
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
        const headers: Record<string, string> = {};
        if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
        if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
        const type = reply.errorType ?? ERROR_TYPES[reply.status] ?? (reply.status >= 500 ? 'api_error' : 'invalid_request_error');
        sendError(res, reply.status, type, reply.message ?? `fake-anthropic: scripted ${reply.status} (${type})`, headers);
        return;
      }
      case 'malformed': {
        const text = reply.body ?? '{"id":"msg_fake","type":"message","content":[{"type":"text","text":"trunc';
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId(), 'content-length': Buffer.byteLength(text) });
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
      if (!res.headersSent) sendError(res, 500, 'api_error', `fake-anthropic: handler failed: ${String(error)}`);
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
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}

function requestId(): string {
  return `req_fake_${Math.random().toString(36).slice(2, 12)}`;
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId(), 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { type: 'error', error: { type, message } }, headers);
}
