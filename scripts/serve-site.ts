/**
 * Serves one of the foreign-style test sites under test/sites/ as a plain static website on
 * 127.0.0.1, the way a user would serve their own app before pointing `trajsynth synth --url` at it.
 * The sites know nothing of trajsynth: no state probe, no reset endpoint, no hooks.
 *
 *   node dist/scripts/serve-site.js todo-hash [--port 0]     prints "serving todo-hash on http://127.0.0.1:PORT/"
 *
 * `/vendor/<file>` serves the UI-framework builds installed from npm (node_modules/vue/dist).
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The repository root, from src (scripts/) or from the build (dist/scripts/). */
const ROOT = (() => {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = resolve(dir, '..');
  return dir;
})();
export const SITES_DIR = join(ROOT, 'test', 'sites');
/** Pages made for one test each (test/fixtures/<name>/index.html), served the same way. */
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
const VENDOR: Record<string, string> = { 'vue.global.prod.js': join(ROOT, 'node_modules', 'vue', 'dist', 'vue.global.prod.js') };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureSite {
  name: string;
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The test sites there are: every folder under test/sites with an index.html. */
export function listFixtureSites(): string[] {
  return readdirSync(SITES_DIR)
    .filter((name) => existsSync(join(SITES_DIR, name, 'index.html')))
    .sort();
}

/**
 * Starts a static server for one test site on 127.0.0.1 (port 0 = any free port); `dir` is where the
 * site's folder is (default test/sites; test/fixtures holds pages made for one test).
 */
export async function startFixtureSite(name: string, port = 0, dir = SITES_DIR): Promise<FixtureSite> {
  const root = join(dir, name);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`Expected a test site name, got "${name}". Sites: ${listFixtureSites().join(', ')}`);
  }
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://site');
    requests.push(url.pathname + url.search);
    const vendor = url.pathname.startsWith('/vendor/') ? VENDOR[url.pathname.slice('/vendor/'.length)] : undefined;
    let file = vendor ?? normalize(join(root, decodeURIComponent(url.pathname)));
    if (!vendor && !file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    if (!vendor && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // Client-side routes without a file fall back to the app shell, as single-page-app hosting does.
    if (!existsSync(file) && !extname(file)) file = join(root, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const address = server.address() as AddressInfo;
  return {
    name,
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ options: { port: { type: 'string', default: '0' } }, allowPositionals: true });
  const name = positionals[0];
  if (!name) {
    console.error(`Usage: node dist/scripts/serve-site.js SITE [--port P]\nSites: ${listFixtureSites().join(', ')}`);
    process.exit(1);
  }
  startFixtureSite(name, Number(values.port)).then(
    (site) => console.log(`serving ${site.name} on ${site.origin}/`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
