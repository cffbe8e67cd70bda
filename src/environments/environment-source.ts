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

/** Resolves `--env ID`, `--env all` or a website; unknown ids throw UNKNOWN_ENVIRONMENT with the list. */
export function environmentSource(environment: string, site?: UrlSite): EnvironmentSource {
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
  return {
    manifests,
    manifestFor: (index) => manifests[index % manifests.length]!,
    start: (manifest, seed, signal) => startEnvironment(manifest.id, { seed, ...(signal ? { signal } : {}) }),
    check: async () => {},
  };
}
