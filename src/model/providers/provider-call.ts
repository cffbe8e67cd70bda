/**
 * What the providers share around an SDK call: validating and defaulting their common options, the
 * context the error mapper reads, and running one call with its timeout, abort signal and error
 * mapping. No vendor SDK is imported here; whatever differs is passed in.
 */
import { TrajsynthError } from '../../core/errors.js';

/** The options every provider takes besides its own. */
export interface ProviderCallOptions {
  model: string;
  baseURL?: string;
  maxRetries?: number;
  timeoutMs?: number;
}

/** A provider's resolved call settings. */
export interface ProviderSettings {
  model: string;
  baseURL: string;
  maxRetries: number;
  timeoutMs: number;
}

/** What the error mapper needs to know about the call that failed. */
export interface ProviderCallContext extends ProviderSettings {
  signal?: AbortSignal;
}

/** The per-request options both SDKs take. */
export interface SdkRequestOptions {
  timeout: number;
  signal?: AbortSignal;
}

/**
 * Validates and defaults the shared options: 4 retries, 120 000 ms per attempt, and the base URL
 * from the option, then the `baseURLEnv` environment variable, then `defaultBaseURL`.
 */
export function resolveProviderSettings(options: ProviderCallOptions, baseURLEnv: string, defaultBaseURL: string): ProviderSettings {
  const maxRetries = checkCount('maxRetries', options.maxRetries ?? 4, 0);
  const timeoutMs = checkCount('timeoutMs', options.timeoutMs ?? 120_000, 1);
  const baseURL = optionOrEnv(options.baseURL, baseURLEnv) ?? defaultBaseURL;
  return { model: options.model, baseURL, maxRetries, timeoutMs };
}

/** The option if it is a non-blank string, else the environment variable if that is, else undefined. */
export function optionOrEnv(value: string | undefined, envVar: string): string | undefined {
  return nonEmpty(value) ?? nonEmpty(process.env[envVar]);
}

/** Library code never prints: the SDKs log to the console unless told otherwise (or `envVar` is set). */
export function quietSdkLog(envVar: string): { logLevel?: 'off' } {
  return process.env[envVar] ? {} : { logLevel: 'off' };
}

export function callContext(settings: ProviderSettings, signal: AbortSignal | undefined): ProviderCallContext {
  return { ...settings, ...(signal ? { signal } : {}) };
}

/**
 * Runs one SDK call with the context's timeout and signal, and returns its raw body and latency.
 * Whatever the call throws is turned into a TrajsynthError by `mapError`.
 */
export async function timedCall<T>(
  context: ProviderCallContext,
  send: (options: SdkRequestOptions) => Promise<T>,
  mapError: (error: unknown, context: ProviderCallContext) => TrajsynthError,
): Promise<{ raw: T; latencyMs: number }> {
  const options: SdkRequestOptions = { timeout: context.timeoutMs, ...(context.signal ? { signal: context.signal } : {}) };
  const startedAt = performance.now();
  let raw: T;
  try {
    raw = await send(options);
  } catch (error) {
    throw mapError(error, context);
  }
  return { raw, latencyMs: performance.now() - startedAt };
}

/**
 * Settles with `promise`, or rejects with `abortError()` as soon as `signal` aborts. For an SDK that
 * passes the signal to fetch but not to its retry sleep, where an abort would otherwise wait out a
 * long `retry-after`.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, abortError: () => Error): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A whole number of at least `min`, as the SDKs require (they throw a bare error otherwise). */
function checkCount(name: string, value: number, min: number): number {
  if (Number.isInteger(value) && value >= min) return value;
  throw new TrajsynthError(`Expected ${name} to be a whole number of at least ${min}, got ${value}`, {
    code: 'BAD_INPUT',
    hint: `Pass a whole number for ${name}`,
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
