import type { EnvironmentManifest, RunningEnvironment } from '../core/environment.js';
import type { EnvironmentSource } from '../environments/environment-source.js';
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
  return manifest.affordances.flatMap((affordance) => affordance.route.split('|')).filter((route) => route.startsWith('/') && !route.includes('*'));
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
