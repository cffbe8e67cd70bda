import {
  EnvironmentStateSchema,
  RESET_PATH,
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

/** Starts a bundled environment on 127.0.0.1, port 0: one server per episode, seeded. */
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
  const origin = server.origin;
  return {
    manifest: app.manifest,
    origin,
    seed: options.seed,
    readState: (signal) => readState(origin, signal),
    reset: (seed, signal) => resetState(origin, seed, signal),
    close: () => server.close(),
  };
}

async function readState(origin: string, signal?: AbortSignal): Promise<EnvironmentState> {
  const url = origin + STATE_PROBE_PATH;
  const response = await fetch(url, { signal: signal ?? null });
  if (!response.ok) {
    throw new TrajsynthError(`Expected 200 from the state probe ${url}, got ${response.status}`, {
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

async function resetState(origin: string, seed: number, signal?: AbortSignal): Promise<void> {
  const url = origin + RESET_PATH;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed }),
    signal: signal ?? null,
  });
  if (!response.ok) {
    throw new TrajsynthError(`Expected 200 from the reset endpoint ${url}, got ${response.status}`, {
      code: 'ENVIRONMENT_FAILED',
    });
  }
}
