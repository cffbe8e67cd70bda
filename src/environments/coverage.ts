import type { ChainRecord } from '../core/chain.js';
import type { AffordanceDeclaration, EnvironmentManifest } from '../core/environment.js';
import type { AppCoverage, Spread } from '../core/run.js';
import type { Subtask } from '../core/task.js';
import { normalizedIncludes } from '../core/text-match.js';

/**
 * Whether a path such as `/projects/3?page=2` matches a route pattern such as `/projects/:id`.
 * `*` matches every page (for chrome such as a top-bar search), `/mail/*` every page below /mail,
 * and `/mail/:folder|/labels/:id` either of its alternatives.
 */
export function routeMatches(route: string, path: string): boolean {
  if (route.includes('|')) return route.split('|').some((alternative) => routeMatches(alternative, path));
  const pathname = path.split(/[?#]/)[0] ?? path;
  if (route === '*') return true;
  if (route.endsWith('/*')) return pathname === route.slice(0, -2) || pathname.startsWith(route.slice(0, -1));
  const routeParts = route.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  return routeParts.length === pathParts.length && routeParts.every((part, index) => part.startsWith(':') || part === pathParts[index]);
}

/**
 * A named declaration is exercised by a subtask on its route that used the control of that name,
 * whatever kind the agent took it for (a "Star" button or checkbox); an unnamed one by any subtask of
 * its kind on its route.
 */
export function exercises(
  declaration: AffordanceDeclaration,
  subtask: Pick<Subtask, 'proposedAt' | 'interaction' | 'affordance'>,
): boolean {
  if (!routeMatches(declaration.route, subtask.proposedAt)) return false;
  if (declaration.name === undefined) return subtask.interaction === declaration.kind;
  const key = (subtask.affordance ?? '').replace(/^[a-z-]+:/, '');
  return startsWithWord(key, declaration.name) || (subtask.interaction === declaration.kind && normalizedIncludes(key, declaration.name));
}

/** `Star “X”` starts with the word "Star"; `Starred` does not. */
function startsWithWord(text: string, prefix: string): boolean {
  const lower = text.toLowerCase();
  return lower.startsWith(prefix.toLowerCase()) && !/[\p{L}\p{N}]/u.test(lower.charAt(prefix.length));
}

/** Per app: which declared affordances the run's accepted subtasks exercised, and which it never touched. */
export function computeCoverage(manifests: readonly EnvironmentManifest[], records: readonly ChainRecord[]): AppCoverage[] {
  return manifests.map((manifest) => {
    const chains = records.filter((record) => record.environment === manifest.id);
    const accepted = chains.flatMap((record) => record.subtasks.filter((subtask) => subtask.status === 'accepted'));
    const coverage: AppCoverage = {
      environment: manifest.id,
      chains: chains.length,
      declared: manifest.affordances.length,
      exercised: [],
      untouched: [],
    };
    for (const declaration of manifest.affordances) {
      const count = accepted.filter((subtask) => exercises(declaration, subtask)).length;
      const entry = {
        route: declaration.route,
        kind: declaration.kind,
        description: declaration.description,
        ...(declaration.name ? { name: declaration.name } : {}),
      };
      if (count > 0) coverage.exercised.push({ ...entry, subtasks: count });
      else coverage.untouched.push(entry);
    }
    return coverage;
  });
}

/** How tasks spread over environments, interaction kinds and levels. */
export function computeSpread(records: readonly ChainRecord[], maxLevel: number): Spread {
  const spread: Spread = { byEnvironment: {}, byInteraction: {}, byLevel: {} };
  for (const record of records) {
    const entry = (spread.byEnvironment[record.environment] ??= { chains: 0, reaching: Array.from({ length: maxLevel }, () => 0) });
    entry.chains += 1;
    for (let level = 1; level <= Math.min(record.levels.length, maxLevel); level += 1) entry.reaching[level - 1]! += 1;
    for (const subtask of record.subtasks) {
      if (subtask.status === 'accepted') spread.byInteraction[subtask.interaction] = (spread.byInteraction[subtask.interaction] ?? 0) + 1;
    }
    for (const level of record.levels) spread.byLevel[String(level.level)] = (spread.byLevel[String(level.level)] ?? 0) + 1;
  }
  return spread;
}
