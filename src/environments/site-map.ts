import { HARNESS_READ_HEADER } from '../core/environment.js';
import { routeMatches } from './coverage.js';

export interface SiteMapOptions {
  /** At most this many pages are fetched. */
  maxPages?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Finds a concrete page for each route pattern (`/orders/:id` → `/orders/1042`) by walking the
 * site's links breadth-first from `startPath`, fetching HTML over HTTP. A page belongs to the most
 * specific route it matches (`/pages/new` to `/pages/new`, not to `/pages/:id`). The walk is in link
 * order, so a seeded app always yields the same pages. Routes no link leads to are left out.
 */
export async function findPagesForRoutes(origin: string, startPath: string, routes: readonly string[], options: SiteMapOptions = {}): Promise<Map<string, string>> {
  const maxPages = options.maxPages ?? 40;
  const wanted = [...new Set(routes.filter((route) => route.startsWith('/')))];
  const found = new Map<string, string>();
  const queue = [startPath];
  const seen = new Set(queue);
  let fetched = 0;
  while (queue.length > 0 && fetched < maxPages && found.size < wanted.length) {
    const path = queue.shift()!;
    const route = mostSpecificRoute(wanted, path);
    if (route && !found.has(route)) found.set(route, path);
    const html = await fetchHtml(new URL(path, origin), options);
    fetched += 1;
    if (html === undefined) continue;
    for (const link of linksIn(html, new URL(path, origin))) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  for (const path of queue) {
    const route = mostSpecificRoute(wanted, path);
    if (route && !found.has(route)) found.set(route, path);
  }
  return found;
}

/** The matching route with the fewest parameters, or undefined. */
export function mostSpecificRoute(routes: readonly string[], path: string): string | undefined {
  const matching = routes.filter((route) => routeMatches(route, path) && !route.includes('*'));
  const parameters = (route: string) => route.split('/').filter((part) => part.startsWith(':')).length;
  return matching.sort((a, b) => parameters(a) - parameters(b))[0];
}

async function fetchHtml(url: URL, options: SiteMapOptions): Promise<string | undefined> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { signal, redirect: 'follow', headers: { [HARNESS_READ_HEADER]: '1' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('html')) {
      await response.body?.cancel();
      return undefined;
    }
    return await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return undefined;
  }
}

/** Same-origin links of a page, as path + query, without fragments or the harness's own endpoints. */
function linksIn(html: string, page: URL): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const raw = decodeEntities(match[1] ?? match[2] ?? '');
    let url: URL;
    try {
      url = new URL(raw, page);
    } catch {
      continue;
    }
    if (url.origin !== page.origin || url.pathname.startsWith('/__trajsynth')) continue;
    links.push(url.pathname + url.search);
  }
  return links;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"');
}
