import {
  EnvironmentStateSchema,
  HARNESS_SECRET_HEADER,
  RESET_PATH,
  RESTORE_PATH,
  SNAPSHOT_PATH,
  STATE_PROBE_PATH,
  type EnvironmentState,
  type RunningEnvironment,
} from '../core/environment.js';
import { TrajsynthError, errorMessage } from '../core/errors.js';
import { getBundledApp } from './registry.js';

export interface StartEnvironmentOptions {
  seed: number;
  signal?: AbortSignal;
}

/**
 * Starts a bundled environment on 127.0.0.1, port 0: one server per episode, seeded. Its secret
 * stays in the readState and reset closures: no page, prompt or stored file ever sees it.
 */
export async function startEnvironment(id: string, options: StartEnvironmentOptions): Promise<RunningEnvironment> {
  const app = getBundledApp(id);
  let server;
  try {
    server = await app.start({ seed: options.seed, host: '127.0.0.1', port: 0 });
  } catch (error) {
    throw new TrajsynthError(`Environment "${id}" failed to start: ${errorMessage(error)}`, {
      code: 'ENVIRONMENT_FAILED',
      cause: error,
    });
  }
  const { origin, secret } = server;
  return {
    manifest: app.manifest,
    origin,
    seed: options.seed,
    readState: (signal) => readState(origin, secret, signal),
    reset: (seed, signal) => resetState(origin, secret, seed, signal),
    snapshot: async (signal) => {
      const body = (await harnessPost(origin, secret, SNAPSHOT_PATH, {}, signal)) as { snapshot?: unknown };
      if (typeof body.snapshot !== 'string')
        throw new TrajsynthError(`Expected a snapshot from ${origin}${SNAPSHOT_PATH}`, { code: 'ENVIRONMENT_FAILED' });
      return body.snapshot;
    },
    restore: async (snapshot, signal) => void (await harnessPost(origin, secret, RESTORE_PATH, { snapshot }, signal)),
    close: () => server.close(),
  };
}

async function readState(origin: string, secret: string, signal?: AbortSignal): Promise<EnvironmentState> {
  const url = origin + STATE_PROBE_PATH;
  const response = await fetch(url, { headers: { [HARNESS_SECRET_HEADER]: secret }, signal: signal ?? null });
  if (!response.ok) {
    throw new TrajsynthError(`Expected 200 from the state probe ${url}, got ${response.status}${await serverError(response)}`, {
      code: 'ENVIRONMENT_FAILED',
    });
  }
  const parsed = EnvironmentStateSchema.safeParse(await response.json());
  if (!parsed.success) {
    throw new TrajsynthError(`Expected the state probe to return named arrays of records: ${parsed.error.message}`, {
      code: 'ENVIRONMENT_FAILED',
    });
  }
  return parsed.data;
}

async function resetState(origin: string, secret: string, seed: number, signal?: AbortSignal): Promise<void> {
  const url = origin + RESET_PATH;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HARNESS_SECRET_HEADER]: secret },
    body: JSON.stringify({ seed }),
    signal: signal ?? null,
  });
  if (!response.ok) {
    throw new TrajsynthError(`Expected 200 from the reset endpoint ${url}, got ${response.status}${await serverError(response)}`, {
      code: 'ENVIRONMENT_FAILED',
    });
  }
}

/** POSTs JSON to a harness endpoint with the server's secret; the JSON answer, or ENVIRONMENT_FAILED. */
async function harnessPost(origin: string, secret: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const url = origin + path;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HARNESS_SECRET_HEADER]: secret },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });
  if (!response.ok) {
    throw new TrajsynthError(`Expected 200 from ${url}, got ${response.status}${await serverError(response)}`, {
      code: 'ENVIRONMENT_FAILED',
    });
  }
  return response.json();
}

/** The endpoint's own one-line `error`, when it sent one (e.g. a refused secret), as ": message". */
async function serverError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === 'string' ? `: ${body.error.split('\n')[0]}` : '';
  } catch {
    return '';
  }
}
