/**
 * Maps whatever a vendor SDK threw (after its own retries) to a TrajsynthError with a code, an
 * "Expected X, got Y" message, `isRetryable` and a hint. Both SDKs have the same error hierarchy;
 * each provider passes its own classes and wording in, so no SDK is imported here.
 */
import { errorMessage, isTrajsynthError, TrajsynthError } from '../../core/errors.js';
import type { ProviderCallContext } from './provider-call.js';

type ErrorClass<T extends Error = Error> = abstract new (...args: never[]) => T;

/** The SDK error classes the mapper tells apart. */
export interface SdkErrorClasses<TApiError extends Error> {
  /** The SDK's root class: anything else of it is reported as "an SDK error". */
  base: ErrorClass;
  /** An HTTP error; it carries the response `status`. */
  api: ErrorClass<TApiError>;
  connection: ErrorClass;
  connectionTimeout: ErrorClass;
  userAbort: ErrorClass;
}

/** The provider-specific advice in the mapped errors. */
export interface ProviderErrorHints {
  timeout: (baseURL: string) => string;
  connection: string;
  notJson: (baseURL: string) => string;
  /** The connection closed while the body was read. */
  midBody: string;
  /** 408. */
  requestTimeout: string;
  /** 409 and 5xx. */
  serverError: string;
  /** 401, and 403 unless `forbidden` is given. */
  unauthorized: string;
  forbidden?: string;
  /** 404. */
  notFound: string;
  /** 413; without it, a 413 is reported like any other rejected request. */
  tooLarge?: string;
  /** 400 and any other status. */
  rejected: string;
  /** Anything not recognised. */
  configuration: string;
}

/** How one provider's errors are recognised and worded. */
export interface ProviderErrorProfile<TApiError extends Error & { status: number | undefined }> {
  /** Names the model in messages: `${label} model ${id}`. */
  label: string;
  /** What a connection error failed to reach: `Expected to reach ${endpoint} at ${baseURL}`. */
  endpoint: string;
  classes: SdkErrorClasses<TApiError>;
  /** The server's own explanation inside an HTTP error. */
  apiMessageOf: (error: TApiError) => string;
  /** Follows "to exist" in a 404 message, e.g. ` at the server`. */
  notFoundWhere: string;
  /** A status that means "overloaded" rather than a generic server error (Anthropic's 529). */
  overloadedStatus?: number;
  hints: ProviderErrorHints;
}

/** Already-mapped errors pass through. */
export function mapProviderError<TApiError extends Error & { status: number | undefined }>(
  error: unknown,
  context: ProviderCallContext,
  profile: ProviderErrorProfile<TApiError>,
): TrajsynthError {
  if (isTrajsynthError(error)) return error;
  const { classes, hints } = profile;
  const who = `${profile.label} model ${context.model}`;
  const retries = `after ${context.maxRetries} ${context.maxRetries === 1 ? 'retry' : 'retries'}`;
  if (error instanceof classes.userAbort || context.signal?.aborted) {
    const reason = context.signal?.reason;
    return new TrajsynthError(`Expected a response from ${who}, got the call aborted${reason ? `: ${errorMessage(reason)}` : ''}`, {
      code: 'ABORTED',
      cause: error,
    });
  }
  if (error instanceof classes.connectionTimeout) {
    return new TrajsynthError(`Expected a response from ${who} within ${context.timeoutMs} ms, got none ${retries}`, {
      code: 'TIMEOUT',
      isRetryable: true,
      cause: error,
      hint: hints.timeout(context.baseURL),
    });
  }
  if (error instanceof classes.connection) {
    const cause =
      error.cause instanceof Error ? (error.cause.cause instanceof Error ? error.cause.cause.message : error.cause.message) : error.message;
    return new TrajsynthError(`Expected to reach ${profile.endpoint} at ${context.baseURL}, got a connection error ${retries}: ${cause}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause: error,
      hint: hints.connection,
    });
  }
  if (error instanceof classes.api && typeof error.status === 'number') {
    return mapStatusError(error.status, profile.apiMessageOf(error), error, who, retries, profile);
  }
  if (error instanceof SyntaxError) {
    return new TrajsynthError(`Expected a JSON response from ${who}, got a body that is not valid JSON: ${error.message}`, {
      code: 'MODEL_ERROR',
      cause: error,
      hint: hints.notJson(context.baseURL),
    });
  }
  if (error instanceof TypeError && /terminated|socket|ECONNRESET/i.test(`${error.message} ${errorMessage(error.cause)}`)) {
    return new TrajsynthError(
      `Expected a complete response from ${who} at ${context.baseURL}, got the connection closed mid-body: ${errorMessage(error.cause ?? error)}`,
      {
        code: 'MODEL_ERROR',
        isRetryable: true,
        cause: error,
        hint: hints.midBody,
      },
    );
  }
  const kind = error instanceof classes.base ? 'an SDK error' : 'an unexpected error';
  return new TrajsynthError(`Expected a response from ${who}, got ${kind}: ${errorMessage(error)}`, {
    code: 'MODEL_ERROR',
    cause: error,
    hint: hints.configuration,
  });
}

function mapStatusError<TApiError extends Error & { status: number | undefined }>(
  status: number,
  apiMessage: string,
  cause: unknown,
  who: string,
  retries: string,
  profile: ProviderErrorProfile<TApiError>,
): TrajsynthError {
  const { hints } = profile;
  if (status === 429) {
    return new TrajsynthError(`Expected a response from ${who}, got 429 rate limit ${retries}: ${apiMessage}`, {
      code: 'RATE_LIMITED',
      isRetryable: true,
      cause,
      hint: 'Lower --concurrency, or wait a minute and resume the run',
    });
  }
  if (status === 408) {
    return new TrajsynthError(`Expected a response from ${who}, got 408 request timeout ${retries}: ${apiMessage}`, {
      code: 'TIMEOUT',
      isRetryable: true,
      cause,
      hint: hints.requestTimeout,
    });
  }
  if (status >= 500 || status === 409) {
    const what = status === profile.overloadedStatus ? `${status} overloaded` : `${status} server error`;
    return new TrajsynthError(`Expected a response from ${who}, got ${what} ${retries}: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      isRetryable: true,
      cause,
      hint: hints.serverError,
    });
  }
  if (status === 401 || status === 403) {
    const what = status === 401 ? '401 authentication error' : '403 permission denied';
    return new TrajsynthError(`Expected ${who} to accept the API key, got ${what}: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: status === 401 ? hints.unauthorized : (hints.forbidden ?? hints.unauthorized),
    });
  }
  if (status === 404) {
    return new TrajsynthError(`Expected ${who} to exist${profile.notFoundWhere}, got 404 not found: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: hints.notFound,
    });
  }
  if (status === 413 && hints.tooLarge !== undefined) {
    return new TrajsynthError(`Expected ${who} to accept the request, got 413 request too large: ${apiMessage}`, {
      code: 'MODEL_ERROR',
      cause,
      hint: hints.tooLarge,
    });
  }
  return new TrajsynthError(
    `Expected ${who} to accept the request, got ${status} ${status === 400 ? 'invalid request' : 'error'}: ${apiMessage}`,
    {
      code: 'MODEL_ERROR',
      cause,
      hint: hints.rejected,
    },
  );
}

/**
 * Describes a response body that failed its schema: the start of it when it is not JSON, else
 * `shape` and the first schema issue.
 */
export function describeBadBody(raw: unknown, issue: { path: readonly PropertyKey[]; message: string } | undefined, shape: string): string {
  if (typeof raw === 'string') return `a non-JSON body starting ${JSON.stringify(raw.slice(0, 80))}`;
  return `${shape} (${issue?.path.join('.') || 'root'}: ${issue?.message})`;
}
