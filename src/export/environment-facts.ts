import { UrlSiteSchema } from '../core/environment.js';
import { DEFAULT_VIEWPORT, type Viewport } from '../core/geometry.js';
import { listEnvironments } from '../environments/registry.js';
import { URL_ENVIRONMENT_ID } from '../environments/url-environment.js';

/** What validation needs to know about the environment a trajectory ran in. */
export interface EnvironmentFacts {
  known: boolean;
  /** Screenshots are taken at the viewport (CSS pixels = screenshot pixels); undefined when unknown. */
  viewport: Viewport | undefined;
  /** Whether state predicates can be checked: only bundled apps have a probe; a `--url` site has none. */
  hasStateProbe: boolean;
}

/** Facts for a bundled environment id, or for `url` with the run's recorded site (run.json `config.site`). */
export function environmentFacts(environment: string, site?: unknown): EnvironmentFacts {
  if (environment === URL_ENVIRONMENT_ID) {
    const parsed = UrlSiteSchema.safeParse(site);
    return { known: true, viewport: parsed.success ? (parsed.data.viewport ?? DEFAULT_VIEWPORT) : undefined, hasStateProbe: false };
  }
  const manifest = listEnvironments().find((candidate) => candidate.id === environment);
  if (!manifest) return { known: false, viewport: undefined, hasStateProbe: false };
  return { known: true, viewport: manifest.viewport, hasStateProbe: manifest.hasStateProbe };
}
