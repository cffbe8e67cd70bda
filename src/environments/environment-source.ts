import type { EnvironmentManifest, RunningEnvironment, UrlSite } from '../core/environment.js';
import { listEnvironments, getBundledApp } from './registry.js';
import { startEnvironment } from './start-environment.js';
import { URL_ENVIRONMENT_ID, startUrlEnvironment, urlSiteManifest } from './url-environment.js';

export const ALL_ENVIRONMENTS = 'all';

/** Where a run's chains take place: one bundled app, every bundled app in turn, or a website. */
export interface EnvironmentSource {
  /** The manifests the run can use, in the order chains are spread over them. */
  manifests: EnvironmentManifest[];
  /** The environment of chain `index`. */
  manifestFor(index: number): EnvironmentManifest;
  start(manifest: EnvironmentManifest, seed: number, signal?: AbortSignal): Promise<RunningEnvironment>;
  /** Fails fast, before any run is created, when the environment cannot be used (e.g. an unreachable site). */
  check(signal?: AbortSignal): Promise<void>;
}

/**
 * Resolves `--env ID`, `--env all` or a website; unknown ids throw UNKNOWN_ENVIRONMENT with the list.
 * With `--env all`, chains go to the apps in turn, or in proportion to `appWeights` when given (an
 * aimed run's shares), by smooth weighted round-robin: deterministic, and spread evenly over the run.
 */
export function environmentSource(environment: string, site?: UrlSite, appWeights?: Readonly<Record<string, number>>): EnvironmentSource {
  if (environment === URL_ENVIRONMENT_ID) {
    if (!site) throw new Error('Expected a site for the "url" environment');
    const manifest = urlSiteManifest(site);
    const start = (signal?: AbortSignal) => startUrlEnvironment(site, signal ? { signal } : {});
    return {
      manifests: [manifest],
      manifestFor: () => manifest,
      start: (_manifest, _seed, signal) => start(signal),
      check: async (signal) => void (await start(signal)),
    };
  }
  const manifests = environment === ALL_ENVIRONMENTS ? listEnvironments() : [getBundledApp(environment).manifest];
  const order = manifests.length > 1 && appWeights ? weightedOrder(manifests.map((manifest) => appWeights[manifest.id] ?? 1)) : undefined;
  return {
    manifests,
    manifestFor: (index) => manifests[order ? order(index) : index % manifests.length]!,
    start: (manifest, seed, signal) => startEnvironment(manifest.id, { seed, ...(signal ? { signal } : {}) }),
    check: async () => {},
  };
}

/**
 * Smooth weighted round-robin (as nginx balances upstreams): each turn every item gains its weight,
 * the one with the most is picked and pays the total. Item i gets weight_i / Σweight of the turns,
 * spread out rather than in runs. Returns the item of turn `index`.
 */
export function weightedOrder(weights: readonly number[]): (index: number) => number {
  const picks: number[] = [];
  const current = weights.map(() => 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return (index) => {
    while (picks.length <= index) {
      let best = 0;
      weights.forEach((weight, item) => {
        current[item]! += weight;
        if (current[item]! > current[best]!) best = item;
      });
      current[best]! -= total;
      picks.push(best);
    }
    return picks[index]!;
  };
}
