import type { AffordanceDeclaration, EnvironmentManifest, RunningEnvironment } from '../core/environment.js';
import type { ChainAim } from '../agents/roles.js';
import type { EnvironmentSource } from '../environments/environment-source.js';
import { crawlRouteGraph } from '../environments/site-map.js';
import { concreteRoutes, entryRoutes } from './entry-route.js';

/**
 * What chain `ordinal` of `chainCount` chains of an app aims at: its share of the app's declared
 * affordances, then the next chain's share (a chain that finishes early gives a share another
 * chain could not finish a second try), and the app's route graph, crawled on the chain's own
 * server. Undefined for an environment that declares nothing (an external site).
 */
export async function chainAim(
  environment: RunningEnvironment,
  ordinal: number,
  chainCount: number,
  signal?: AbortSignal,
): Promise<ChainAim | undefined> {
  const { manifest } = environment;
  const affordances = aimedAffordances(manifest, ordinal, chainCount);
  if (affordances.length === 0) return undefined;
  const then = chainCount > 1 ? aimedAffordances(manifest, ordinal + 1, chainCount) : [];
  const routes = await crawlRouteGraph(environment.origin, manifest.startPath, concreteRoutes(manifest), signal ? { signal } : {});
  return { affordances, then, declared: manifest.affordances, routes };
}

/**
 * What a chain of an aimed run aims at: every declared affordance of the kinds its target weighs up
 * (the kinds the agent fails), in every chain of the app alike, with the route graph to reach them.
 * Undefined when the app declares none of those kinds (the proposers' kind weights still apply).
 */
export async function targetedAim(
  environment: RunningEnvironment,
  kindWeights: Readonly<Record<string, number>>,
  signal?: AbortSignal,
): Promise<ChainAim | undefined> {
  const { manifest } = environment;
  const affordances = manifest.affordances.filter((affordance) => (kindWeights[affordance.kind] ?? 1) > WEIGHED_UP);
  if (affordances.length === 0) return undefined;
  const routes = await crawlRouteGraph(environment.origin, manifest.startPath, concreteRoutes(manifest), signal ? { signal } : {});
  return { affordances, then: [], declared: manifest.affordances, routes };
}

/** A kind weight above this is one an aimed run steers toward. */
const WEIGHED_UP = 1.5;

/** How many of a run's `chains` chains use the same environment as chain `index`. */
export function chainsInEnvironment(source: EnvironmentSource, chains: number, index: number): number {
  const id = source.manifestFor(index).id;
  let count = 0;
  for (let other = 0; other < chains; other += 1) if (source.manifestFor(other).id === id) count += 1;
  return count;
}

/**
 * The declared affordances chain `ordinal` of an app aims at, out of `chainCount` chains of that app
 * in the run. A few chains of six subtasks cannot each wander over a whole app, so the app's
 * declarations are shared out: the routes (in entry-route order) are dealt round-robin, a route's
 * declarations go to the chains that start on it (several chains on one route take turns), a route
 * no chain starts on goes to a chain that starts above it or else to the one with the smallest share
 * so far, no chain takes more than one over its fair share while others have less, declarations on
 * every page (`*`) fill up the smallest shares last, and a control named like a declared link goes
 * with the link. The share depends on the manifest and the two numbers only, never on how other
 * chains are doing, so the same seed gives the same tasks.
 */
export function aimedAffordances(manifest: EnvironmentManifest, ordinal: number, chainCount: number): AffordanceDeclaration[] {
  if (chainCount <= 1) return [...manifest.affordances];
  const order = entryRoutes(manifest);
  const { byRoute, everywhere } = unitsByRoute(manifest, order);
  const shares: AffordanceDeclaration[][] = Array.from({ length: chainCount }, () => []);
  const cap = Math.ceil(manifest.affordances.length / chainCount) + 1;
  const all = shares.map((_, index) => index);
  const smallest = (among: number[]) =>
    among.reduce((best, index) => (shares[index]!.length < shares[best]!.length ? index : best), among[0]!);
  const give = (unit: Unit, owner: number) => shares[shares[owner]!.length + unit.length <= cap ? owner : smallest(all)]!.push(...unit);
  for (const [position, units] of [...byRoute].sort(([a], [b]) => a - b)) {
    const starting = all.filter((index) => index % order.length === position);
    if (starting.length > 0) {
      units.forEach((unit, turn) => give(unit, starting[turn % starting.length]!));
      continue;
    }
    // A route no chain starts on goes to a chain that starts on a page above it (`/pages/:id` for
    // `/pages/:id/edit`), one link away, unless that chain has its fair share already.
    const size = units.reduce((total, unit) => total + unit.length, 0);
    const above = all.filter((index) => isBelow(order[position]!, order[index % order.length]!));
    const owner = above.length > 0 && shares[smallest(above)]!.length + size <= cap ? smallest(above) : smallest(all);
    for (const unit of units) give(unit, owner);
  }
  for (const unit of everywhere) shares[smallest(all)]!.push(...unit);
  return shares[ordinal % chainCount]!;
}

/** Declarations dealt together: one, or a named link with the controls it opens under its name. */
type Unit = AffordanceDeclaration[];

/**
 * The app's declarations in units, by the position (in `order`) of the first of their routes a
 * chain can start on; those on every page (`*`, subtrees) apart. A named link and what it opens
 * under the same name (a "Reply" link and the "Reply" form) are one unit: the control is found by
 * following the link.
 */
function unitsByRoute(manifest: EnvironmentManifest, order: readonly string[]): { byRoute: Map<number, Unit[]>; everywhere: Unit[] } {
  const followers = new Map<AffordanceDeclaration, AffordanceDeclaration[]>();
  const following = new Set<AffordanceDeclaration>();
  for (const link of manifest.affordances.filter((declaration) => declaration.kind === 'navigate' && declaration.name)) {
    const named = manifest.affordances.filter(
      (other) => other !== link && other.name === link.name && !following.has(other) && !followers.has(other),
    );
    named.forEach((other) => following.add(other));
    followers.set(link, named);
  }
  const byRoute = new Map<number, Unit[]>();
  const everywhere: Unit[] = [];
  for (const declaration of manifest.affordances.filter((candidate) => !following.has(candidate))) {
    const unit = [declaration, ...(followers.get(declaration) ?? [])];
    const positions = declaration.route
      .split('|')
      .map((route) => order.indexOf(route))
      .filter((position) => position >= 0);
    if (positions.length === 0) everywhere.push(unit);
    else byRoute.set(Math.min(...positions), [...(byRoute.get(Math.min(...positions)) ?? []), unit]);
  }
  return { byRoute, everywhere };
}

/** Whether `route` lies below `parent` (`/pages/:id/edit` below `/pages/:id`, but not below `/`). */
function isBelow(route: string, parent: string): boolean {
  const parts = route.split('/').filter(Boolean);
  const parentParts = parent.split('/').filter(Boolean);
  return parentParts.length > 0 && parts.length > parentParts.length && parentParts.every((part, index) => part === parts[index]);
}
