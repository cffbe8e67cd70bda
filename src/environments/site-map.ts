import { HARNESS_READ_HEADER } from '../core/environment.js';
import { routeMatches } from './coverage.js';
import { closedMenuLinks, type MenuLink } from './page-menus.js';

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
export async function findPagesForRoutes(
  origin: string,
  startPath: string,
  routes: readonly string[],
  options: SiteMapOptions = {},
): Promise<Map<string, string>> {
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

/**
 * Which routes lead to which: for every route, the routes its pages link to and the routes its
 * search forms submit to. A proposer aiming at a route it cannot see from the current page walks
 * this graph to pick the link that leads toward it (`/cart` on the way to `/checkout`).
 */
export interface RouteGraph {
  /** The declared routes pages are sorted into (`routeOf`). */
  routes: string[];
  /** Route → the routes its pages link to. */
  links: Record<string, string[]>;
  /** Route → the routes its search forms (GET forms with role="search") submit to. */
  searches: Record<string, string[]>;
  /** Route → links its pages keep in closed menus, where every page of the route has them alike. */
  menus?: Record<string, MenuLink[]>;
}

export interface RouteGraphOptions extends SiteMapOptions {
  /** At most this many pages of one route are fetched, so that a long list does not use up the walk. */
  maxPagesPerRoute?: number;
}

/**
 * Walks the site's links breadth-first from `startPath` (over HTTP, as `findPagesForRoutes` does) and
 * records the edges between routes. Pages that match no declared route are nodes of their own, by
 * their path with ids generalized (`routeOf`), so a walk may pass through them.
 */
export async function crawlRouteGraph(
  origin: string,
  startPath: string,
  routes: readonly string[],
  options: RouteGraphOptions = {},
): Promise<RouteGraph> {
  const maxPages = options.maxPages ?? 60;
  const maxPerRoute = options.maxPagesPerRoute ?? 3;
  const declared = [...new Set(routes.filter((route) => route.startsWith('/')))];
  const links = new Map<string, Set<string>>();
  const searches = new Map<string, Set<string>>();
  const add = (edges: Map<string, Set<string>>, from: string, to: string) =>
    void (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
  const menus = new Map<string, Map<string, { link: MenuLink; paths: Set<string> }>>();
  const queue = [startPath];
  const seen = new Set(queue);
  const perRoute = new Map([[routeOf(declared, startPath), 1]]);
  let fetched = 0;
  while (queue.length > 0 && fetched < maxPages) {
    const path = queue.shift()!;
    const from = routeOf(declared, path);
    const page = new URL(path, origin);
    const html = await fetchHtml(page, options);
    fetched += 1;
    if (html === undefined) continue;
    for (const action of searchFormActions(html, page)) add(searches, from, routeOf(declared, action));
    const onRoute = menus.get(from) ?? menus.set(from, new Map()).get(from)!;
    for (const link of closedMenuLinks(html, page)) {
      const key = `${link.opener}\u0000${link.name}`;
      (onRoute.get(key) ?? onRoute.set(key, { link, paths: new Set() }).get(key)!).paths.add(link.path);
    }
    for (const link of linksIn(html, page)) {
      const to = routeOf(declared, link);
      if (to !== from) add(links, from, to);
      if (seen.has(link) || (perRoute.get(to) ?? 0) >= maxPerRoute) continue;
      seen.add(link);
      perRoute.set(to, (perRoute.get(to) ?? 0) + 1);
      queue.push(link);
    }
  }
  const plain = (edges: Map<string, Set<string>>) => Object.fromEntries([...edges].map(([from, to]) => [from, [...to].sort()]));
  // A menu link whose target differs from page to page of a route ("Manage card" of each account)
  // cannot be named by its route alone.
  const stableMenus = Object.fromEntries(
    [...menus]
      .map(([route, entries]) => [route, [...entries.values()].filter((entry) => entry.paths.size === 1).map((entry) => entry.link)])
      .filter(([, entries]) => entries.length > 0),
  );
  return { routes: declared, links: plain(links), searches: plain(searches), menus: stableMenus };
}

/**
 * The node a path belongs to in a route graph: its most specific declared route, else its path with
 * ids generalized (`/help/42` → `/help/:id`).
 */
export function routeOf(routes: readonly string[], path: string): string {
  const declared = mostSpecificRoute(routes, path);
  if (declared) return declared;
  const pathname = path.split(/[?#]/)[0] ?? path;
  return pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
    .join('/');
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

/** Where the page's search forms (GET forms with role="search") submit to, as paths. */
function searchFormActions(html: string, page: URL): string[] {
  const actions: string[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>/gi)) {
    const attributes = match[1]!;
    const method = /\smethod\s*=\s*["']?(\w+)/i.exec(attributes)?.[1] ?? 'get';
    if (method.toLowerCase() !== 'get' || !/\srole\s*=\s*["']?search\b/i.test(attributes)) continue;
    const raw = decodeEntities(
      /\saction\s*=\s*(?:"([^"]*)"|'([^']*)')/i
        .exec(attributes)
        ?.slice(1)
        .find((value) => value !== undefined) ?? '',
    );
    try {
      const url = new URL(raw, page);
      if (url.origin === page.origin) actions.push(url.pathname);
    } catch {
      continue;
    }
  }
  return actions;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"');
}
