import type { EnvironmentManifest, RunningEnvironment } from '../core/environment.js';
import type { Element } from '../core/observation.js';
import type { EnvironmentSource } from '../environments/environment-source.js';
import type { PipelineSession } from './chain-runner.js';
import { isInNavigationArea } from '../agents/heuristic/affordances.js';
import { findPagesForRoutes, mostSpecificRoute } from '../environments/site-map.js';

/** How many earlier chains of the run use the same environment as chain `index`. */
export function ordinalInEnvironment(source: EnvironmentSource, index: number): number {
  const id = source.manifestFor(index).id;
  let ordinal = 0;
  for (let earlier = 0; earlier < index; earlier += 1) if (source.manifestFor(earlier).id === id) ordinal += 1;
  return ordinal;
}

/**
 * The route a chain starts on: the first chain of an app starts on its start page, the next ones on
 * the other routes its declared affordances live on, densest first (`/orders/:id` included), so that
 * a run's chains begin all over the app instead of spending their first subtasks walking to the
 * same places. More chains than routes wrap around.
 */
export function entryRoute(manifest: EnvironmentManifest, ordinal: number): string {
  const order = entryRoutes(manifest);
  return order[ordinal % order.length]!;
}

/** The routes chains start on, in the order of their ordinals (start route first, then densest first). */
export function entryRoutes(manifest: EnvironmentManifest): string[] {
  const routes = concreteRoutes(manifest);
  const startRoute = mostSpecificRoute(routes, manifest.startPath) ?? manifest.startPath;
  const density = new Map<string, number>();
  for (const route of routes) density.set(route, (density.get(route) ?? 0) + 1);
  const others = [...density.keys()].filter((route) => route !== startRoute).sort((a, b) => density.get(b)! - density.get(a)!);
  return [startRoute, ...others];
}

/** The routes an app's declarations name, alternatives split, without `*` and subtrees. */
export function concreteRoutes(manifest: EnvironmentManifest): string[] {
  return manifest.affordances
    .flatMap((affordance) => affordance.route.split('|'))
    .filter((route) => route.startsWith('/') && !route.includes('*'));
}

/** A concrete page for the entry route, found by following the app's links; the start page if none leads there. */
export async function entryPage(environment: RunningEnvironment, route: string, signal: AbortSignal | undefined): Promise<string> {
  const { startPath } = environment.manifest;
  if (mostSpecificRoute([route], startPath) === route) return startPath;
  if (!route.includes(':')) return route;
  const routes = environment.manifest.affordances.flatMap((affordance) => affordance.route.split('|'));
  const pages = await findPagesForRoutes(environment.origin, startPath, routes, signal ? { signal } : {});
  return pages.get(route) ?? startPath;
}

/** The most section pages a URL run spreads its chains over, besides the start page. */
const MAX_SECTION_STARTS = 6;

/**
 * The page chain `ordinal` of a run on a site that declares nothing starts on: the first chain on the
 * start page, the next ones on the sections the start page links to (links in its navigation areas,
 * else any same-origin link, in page order, hash routes included), then round again. A settings site
 * whose overview holds only figures to read thus gets chains that begin on its forms. Read in the
 * browser, since single-page apps draw their links with script; the start page if it links nowhere.
 */
export async function sectionStartPage(
  session: Pick<PipelineSession, 'goto' | 'observe'>,
  origin: string,
  startPath: string,
  ordinal: number,
  signal?: AbortSignal,
): Promise<string> {
  if (ordinal === 0) return startPath;
  await session.goto(startPath, signal);
  const observation = await session.observe({ screenshot: false, ...(signal ? { signal } : {}) });
  const here = addressOf(observation.url, origin);
  const links = observation.elements.filter(
    (element) => (element.role === 'link' || element.role === 'tab') && element.url !== undefined && !element.disabled,
  );
  const pagesOf = (candidates: readonly Element[]): string[] => {
    const pages: string[] = [];
    for (const link of candidates) {
      const address = addressOf(link.url!, observation.url);
      if (address !== undefined && address !== here && address !== startPath && !pages.includes(address)) pages.push(address);
    }
    return pages;
  };
  const sections = pagesOf(links.filter(isInNavigationArea));
  const choices = [startPath, ...(sections.length > 0 ? sections : pagesOf(links)).slice(0, MAX_SECTION_STARTS)];
  return choices[ordinal % choices.length]!;
}

/** Path, query and hash of a same-origin address (resolved against `base`); undefined for another origin. */
function addressOf(url: string, base: string): string | undefined {
  try {
    const target = new URL(url, base);
    // `/index.html` is the page `/` serves…
    const path = target.pathname.replace(/\/index\.(html?|php)$/i, '/');
    // So is `#/`, the root of a hash-routed app.
    const hash = target.hash === '#/' ? '' : target.hash;
    return target.origin === new URL(base).origin ? path + target.search + hash : undefined;
  } catch {
    return undefined;
  }
}
