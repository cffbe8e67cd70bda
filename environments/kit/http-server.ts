import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HARNESS_READ_HEADER, HARNESS_SECRET_HEADER, type AppServer } from '../../src/core/environment.js';
import { createHarnessSecret, isHarnessPath, refuseWithoutSecret } from './harness-gate.js';
import type { AppRequest, AppResponse } from './http-types.js';

const MAX_BODY_BYTES = 1_000_000;
/** The harness's own requests (past the secret check) may carry a whole app's state to restore. */
const MAX_HARNESS_BODY_BYTES = 64_000_000;

export interface AppServerOptions {
  host?: string;
  port?: number;
  /** Cookie that carries a flash message across a redirect (one per app, e.g. "shop_flash"). */
  flashCookie: string;
  handle(request: AppRequest): AppResponse | Promise<AppResponse>;
}

/**
 * The HTTP side every bundled app shares: one node:http server on host/port (port 0 = any free
 * port), urlencoded forms parsed, flash messages carried in a cookie across a 303 redirect and shown
 * once, the harness's endpoints closed to any request without the server's secret, and a close()
 * that drops open connections at once.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const host = options.host ?? '127.0.0.1';
  const secret = createHarnessSecret();
  const server = createServer((request, response) => {
    serve(options, secret, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    secret,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function serve(options: AppServerOptions, secret: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (isHarnessPath(url.pathname)) {
    const refusal = refuseWithoutSecret(request.headers[HARNESS_SECRET_HEADER], secret);
    if (refusal) return write(response, refusal, options.flashCookie, false, method === 'HEAD');
  }
  const body = method === 'POST' ? await readBody(request, isHarnessPath(url.pathname) ? MAX_HARNESS_BODY_BYTES : MAX_BODY_BYTES) : '';
  const contentType = request.headers['content-type'] ?? '';
  const flash = readCookie(request.headers.cookie, options.flashCookie);
  const appRequest: AppRequest = {
    method,
    url,
    form: contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : new URLSearchParams(),
    body,
    flash,
    harnessRead: request.headers[HARNESS_READ_HEADER] !== undefined,
  };
  // A harness read shows the flash but leaves it for the person's own next page.
  write(response, await options.handle(appRequest), options.flashCookie, flash !== undefined && !appRequest.harnessRead, method === 'HEAD');
}

function write(response: ServerResponse, result: AppResponse, cookie: string, hadFlash: boolean, headOnly: boolean): void {
  const headers: Record<string, string | string[]> = { 'cache-control': 'no-store' };
  if (result.contentType) headers['content-type'] = result.contentType;
  if (result.location) headers.location = result.location;
  if (result.flash !== undefined) {
    headers['set-cookie'] = `${cookie}=${encodeURIComponent(result.flash)}; Path=/; HttpOnly; SameSite=Lax`;
  } else if (hadFlash && result.status !== 303 && result.contentType?.startsWith('text/html')) {
    // The page showed the message once; forget it.
    headers['set-cookie'] = `${cookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
  }
  const payload = Buffer.from(result.body, 'utf8');
  headers['content-length'] = String(payload.length);
  response.writeHead(result.status, headers);
  response.end(headOnly ? undefined : payload);
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`Expected a body under ${limit} bytes, got more`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      if (value === '') return undefined;
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
