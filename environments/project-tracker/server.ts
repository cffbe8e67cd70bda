import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppServer, AppStartOptions } from '../../src/core/environment.js';
import type { AppRequest, AppResponse } from './http-types.js';
import { handle } from './routes.js';
import { TrackerStore } from './store.js';

const FLASH_COOKIE = 'trackly_flash';
const MAX_BODY_BYTES = 1_000_000;

/** Starts one episode's server: its own store, seeded from `options.seed`. */
export async function startServer(options: AppStartOptions): Promise<AppServer> {
  const host = options.host ?? '127.0.0.1';
  const store = new TrackerStore(options.seed);
  const server = createServer((request, response) => {
    serve(store, request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      }
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
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function serve(store: TrackerStore, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const body = method === 'POST' ? await readBody(request) : '';
  const contentType = request.headers['content-type'] ?? '';
  const flash = readCookie(request.headers.cookie, FLASH_COOKIE);
  const appRequest: AppRequest = {
    method,
    url: new URL(request.url ?? '/', 'http://localhost'),
    form: contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : new URLSearchParams(),
    body,
    flash,
  };
  write(response, handle(store, appRequest), flash !== undefined, method === 'HEAD');
}

function write(response: ServerResponse, result: AppResponse, hadFlash: boolean, headOnly: boolean): void {
  const headers: Record<string, string | string[]> = { 'cache-control': 'no-store' };
  if (result.contentType) headers['content-type'] = result.contentType;
  if (result.location) headers.location = result.location;
  if (result.flash !== undefined) {
    headers['set-cookie'] = `${FLASH_COOKIE}=${encodeURIComponent(result.flash)}; Path=/; HttpOnly; SameSite=Lax`;
  } else if (hadFlash && result.status !== 303 && result.contentType?.startsWith('text/html')) {
    // The page showed the message once; forget it.
    headers['set-cookie'] = `${FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
  }
  const payload = Buffer.from(result.body, 'utf8');
  headers['content-length'] = String(payload.length);
  response.writeHead(result.status, headers);
  response.end(headOnly ? undefined : payload);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`Expected a body under ${MAX_BODY_BYTES} bytes, got more`));
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
