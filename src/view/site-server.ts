import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.yaml': 'text/plain; charset=utf-8',
};

/** Answers a request it knows (returns true) or leaves it to the static files (false). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

export interface SiteServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a directory (and, first, any routes of `handle`) on 127.0.0.1 only. GET and HEAD of files
 * inside `root`; a path that escapes it, or a file that is not there, is a 404.
 */
export async function startSiteServer(options: { root: string; port?: number; handle?: RouteHandler }): Promise<SiteServer> {
  const root = resolve(options.root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      if (options.handle && (await options.handle(request, response, url))) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) return send(response, 404, 'Not found');
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return send(response, 404, 'Not found');
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
      });
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    })().catch((error: unknown) => send(response, 500, String(error)));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function send(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}
