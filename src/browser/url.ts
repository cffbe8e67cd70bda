import { HARNESS_PATH_PREFIX, TrajsynthError } from '../core/index.js';

/** Resolves a path (or absolute URL) against an origin such as http://127.0.0.1:41234. */
export function resolveUrl(origin: string, pathOrUrl: string): string {
  try {
    return new URL(pathOrUrl, origin.endsWith('/') ? origin : `${origin}/`).toString();
  } catch (error) {
    throw new TrajsynthError(`Expected a path or URL relative to ${origin}, got ${JSON.stringify(pathOrUrl)}`, {
      code: 'BAD_INPUT',
      cause: error,
    });
  }
}

/** Whether a URL's origin is the session's own or one of the extra allowed ones. */
export function isAllowedUrl(url: string, allowedOrigins: readonly string[]): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  if (origin === 'null') return true; // about:blank, data: and similar have no origin to leave
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === origin);
}

export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/** Why a page or an agent cannot reach a harness URL (see isHarnessUrl). */
export const HARNESS_BLOCK_REASON = `${HARNESS_PATH_PREFIX} is the trajsynth harness's own endpoint, closed to the browser`;

/**
 * Whether a URL, on any origin, addresses the harness's endpoints (the state probe, the reset): an
 * episode's browser never reaches them. Matched on the decoded, lower-cased path, so no spelling
 * of the path gets through.
 */
export function isHarnessUrl(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: match on the path as it stands
  }
  path = path.toLowerCase();
  return path === HARNESS_PATH_PREFIX.slice(0, -1) || path.startsWith(HARNESS_PATH_PREFIX);
}
