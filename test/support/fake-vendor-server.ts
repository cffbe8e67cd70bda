/**
 * The plumbing shared by the scripted vendor stand-ins (fake-anthropic.ts, fake-openai.ts): a real
 * node:http server on 127.0.0.1, port 0, that serves one POST route, records every request (headers
 * and parsed JSON body), picks a scripted reply (one repeated, a queue, or a function of the request),
 * answers the transport-level replies ('malformed', 'hang', 'drop') itself and hands every other reply
 * to the vendor, which writes it in its own wire format.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeVendorRequest {
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

/** Replies that behave the same for every vendor. */
export type FakeTransportReply =
  /** 200, content-type application/json, a body that is not JSON. */
  | { kind: 'malformed'; body?: string }
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  /** Reads the request and destroys the socket. */
  | { kind: 'drop' };

/** A reply for every request (repeated), a queue of replies, or a function of the request. */
export type FakeVendorScript<Reply, Request extends FakeVendorRequest = FakeVendorRequest> =
  Reply | Reply[] | ((request: Request, index: number) => Reply | Promise<Reply>);

export interface FakeVendorServer<Request extends FakeVendorRequest = FakeVendorRequest> {
  baseURL: string;
  requests: Request[];
  /** Closes the server and destroys every socket, hung ones included. */
  close(): Promise<void>;
}

/** The replies a vendor writes itself: everything but the transport-level ones. */
export type VendorOwnReply<Reply extends { kind: string }> = Exclude<Reply, FakeTransportReply>;

export interface FakeVendor<Reply extends { kind: string }> {
  /** Prefixes the server's own diagnostics, e.g. `fake-anthropic`. */
  name: string;
  /** The one route served (POST only), e.g. `/v1/messages`. */
  route: string;
  /** Appended to `http://127.0.0.1:<port>` to form `baseURL` (e.g. `/v1`); default none. */
  basePath?: string;
  /** A 404 reply for an unknown method or path. */
  notFound(message: string): VendorOwnReply<Reply>;
  /** A 500 reply for a script that ran out of replies or a handler that failed. */
  serverError(message: string): VendorOwnReply<Reply>;
  /** The body a `malformed` reply sends when the script gives none. */
  malformedBody: string;
  /** Extra headers on a `malformed` reply. */
  malformedHeaders?(): Record<string, string>;
  /** Writes a vendor reply. `request` is undefined only when a request failed before it was read. */
  respond(res: ServerResponse, reply: VendorOwnReply<Reply>, request: FakeVendorRequest | undefined): void;
}

export async function startFakeVendorServer<Reply extends { kind: string }, Request extends FakeVendorRequest = FakeVendorRequest>(
  script: FakeVendorScript<Reply, Request>,
  vendor: FakeVendor<Reply>,
): Promise<FakeVendorServer<Request>> {
  const requests: Request[] = [];
  const sockets = new Set<Socket>();

  const pick = async (request: Request): Promise<Reply> => {
    if (typeof script === 'function')
      return (script as (request: Request, index: number) => Reply | Promise<Reply>)(request, request.index);
    if (!Array.isArray(script)) return script;
    return (
      script[request.index] ??
      vendor.serverError(`${vendor.name}: no scripted reply for request #${request.index} (the script has ${script.length})`)
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
    const request = {
      index: requests.length,
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body,
      rawBody,
    } as Request;
    requests.push(request);

    const path = new URL(request.url, 'http://localhost').pathname;
    if (request.method !== 'POST' || path !== vendor.route) {
      vendor.respond(res, vendor.notFound(`${vendor.name}: no route ${request.method} ${path}`), request);
      return;
    }
    const reply = await pick(request);
    switch (reply.kind) {
      case 'malformed':
        writeJsonText(res, 200, (reply as { body?: string }).body ?? vendor.malformedBody, vendor.malformedHeaders?.() ?? {});
        return;
      case 'hang':
        return;
      case 'drop':
        req.socket.destroy();
        return;
      default:
        vendor.respond(res, reply as VendorOwnReply<Reply>, request);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) vendor.respond(res, vendor.serverError(`${vendor.name}: handler failed: ${String(error)}`), undefined);
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
    baseURL: `http://127.0.0.1:${port}${vendor.basePath ?? ''}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}

/** A random request id in the `req_fake_…` form. */
export function fakeRequestId(): string {
  return `req_fake_${Math.random().toString(36).slice(2, 12)}`;
}

/** Writes `text` (JSON or not) as an application/json body with its content-length. */
export function writeJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The retry-after (seconds) and retry-after-ms headers a scripted error status asks for. */
export function retryAfterHeaders(reply: { retryAfterSeconds?: number; retryAfterMs?: number }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
  if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
  return headers;
}
