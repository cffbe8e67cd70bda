import { readFile } from 'node:fs/promises';
import { DEFAULT_VIEWPORT } from '../core/geometry.js';
import { UrlSiteSchema, type EnvironmentManifest, type RunningEnvironment, type UrlSite } from '../core/environment.js';
import { TrajsynthError, errorMessage } from '../core/errors.js';

export const URL_ENVIRONMENT_ID = 'url';
const REACHABILITY_TIMEOUT_MS = 10_000;

/** Parses `--url` (and optional extra origins) into a site, with errors that name the fix. */
export function urlSite(url: string, allowedOrigins: readonly string[] = []): UrlSite {
  if (!isHttpUrl(url))
    throw new TrajsynthError(`Expected --url to be an http(s) address such as https://example.com/, got "${url}"`, { code: 'BAD_INPUT' });
  const badOrigin = allowedOrigins.find((origin) => !isHttpUrl(origin));
  if (badOrigin !== undefined) {
    throw new TrajsynthError(`Expected --allow-origin to be an http(s) origin such as https://docs.example.com, got "${badOrigin}"`, {
      code: 'BAD_INPUT',
    });
  }
  const parsed = UrlSiteSchema.safeParse({ url, allowedOrigins });
  if (!parsed.success)
    throw new TrajsynthError(
      `Expected --url and --allow-origin to be http(s) addresses, got "${url}" and ${JSON.stringify(allowedOrigins)}`,
      { code: 'BAD_INPUT' },
    );
  return parsed.data;
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Reads a site manifest file (JSON: url, title, description, allowedOrigins, viewport). */
export async function readUrlSiteManifest(path: string): Promise<UrlSite> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TrajsynthError(`Expected ${path} to be a JSON site manifest, got: ${errorMessage(error)}`, {
      code: 'BAD_INPUT',
      hint: 'A manifest looks like {"url": "https://example.com/", "allowedOrigins": ["https://docs.example.com"]}',
    });
  }
  const parsed = UrlSiteSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrajsynthError(
      `Expected ${path} to be a site manifest, field \`${issue?.path.join('.') || '(root)'}\`: ${issue?.message ?? 'invalid'}`,
      {
        code: 'BAD_INPUT',
      },
    );
  }
  return parsed.data;
}

export function urlSiteManifest(site: UrlSite): EnvironmentManifest {
  const url = new URL(site.url);
  return {
    id: URL_ENVIRONMENT_ID,
    title: site.title ?? url.host,
    domain: 'website',
    description: site.description ?? `The website at ${url.origin}`,
    startPath: url.pathname + url.search,
    viewport: site.viewport ?? DEFAULT_VIEWPORT,
    allowedOrigins: site.allowedOrigins.map((origin) => new URL(origin).origin),
    hasStateProbe: false,
    affordances: [],
  };
}

/**
 * A website as an environment. There is no state probe (checking uses page predicates) and no
 * reset: the site is whatever it is when an episode starts. Fails early, with the fix, when the
 * address cannot be reached.
 */
export async function startUrlEnvironment(site: UrlSite, options: { signal?: AbortSignal } = {}): Promise<RunningEnvironment> {
  const url = new URL(site.url);
  try {
    const timeout = AbortSignal.timeout(REACHABILITY_TIMEOUT_MS);
    const response = await fetch(url, {
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      redirect: 'follow',
    });
    await response.body?.cancel();
  } catch (error) {
    const cause = fetchFailureReason(error);
    throw new TrajsynthError(`Could not reach ${site.url}: ${cause}`, {
      code: 'UNREACHABLE_URL',
      isRetryable: true,
      hint: 'Check the address and that the site is up and reachable from this machine (try it with curl).',
    });
  }
  return {
    manifest: urlSiteManifest(site),
    origin: url.origin,
    seed: 0,
    readState: async () => undefined,
    reset: async () => {},
    close: async () => {},
  };
}

/** The useful part of a failed fetch: the system error code (ECONNREFUSED, ENOTFOUND, …) or message. */
function fetchFailureReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
  if ((error as { name?: string }).name === 'TimeoutError') return `no answer within ${REACHABILITY_TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.errors?.find((inner) => inner.code)?.code ?? cause?.message ?? errorMessage(error);
}
