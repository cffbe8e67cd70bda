import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HARNESS_PATH_PREFIX, HARNESS_SECRET_HEADER } from '../../src/core/environment.js';
import { jsonResponse, type AppResponse } from './http-types.js';

/** A fresh secret for one server: 32 url-safe characters of crypto randomness. */
export function createHarnessSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether a request path is one of the harness's endpoints (the probe, the reset, or any other under the prefix). */
export function isHarnessPath(pathname: string): boolean {
  return pathname === HARNESS_PATH_PREFIX.slice(0, -1) || pathname.startsWith(HARNESS_PATH_PREFIX);
}

/**
 * The gate in front of the harness's endpoints: undefined when `sent` (the request's
 * HARNESS_SECRET_HEADER) is the server's secret, else the 403 to answer. Pages, and cross-origin
 * forms, cannot send the header, so they can neither read the ground truth nor reset it.
 */
export function refuseWithoutSecret(sent: string | string[] | undefined, secret: string): AppResponse | undefined {
  const value = Array.isArray(sent) ? sent.join(', ') : sent;
  if (value !== undefined && matches(value, secret)) return undefined;
  const got = value === undefined ? 'none' : 'a different value';
  return jsonResponse(
    {
      ok: false,
      code: 'HARNESS_SECRET_REQUIRED',
      error: `Expected the ${HARNESS_SECRET_HEADER} header with this server's secret, got ${got}: ${HARNESS_PATH_PREFIX} is for the trajsynth harness only`,
    },
    403,
  );
}

function matches(value: string, secret: string): boolean {
  const sent = Buffer.from(value, 'utf8');
  const expected = Buffer.from(secret, 'utf8');
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
