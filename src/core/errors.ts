/**
 * One error type for the whole library. Every error carries a stable `code` so callers can branch
 * on it, and `isRetryable` so retry loops never have to parse messages.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'BROWSER_NOT_FOUND'
  | 'BROWSER_LAUNCH_FAILED'
  /** The browser or a page's renderer died under a running episode (an infrastructure error). */
  | 'BROWSER_CRASHED'
  /** A browser server (`--browser ws://…`) could not be reached, at the start or after its connection dropped. */
  | 'BROWSER_UNREACHABLE'
  | 'UNKNOWN_ENVIRONMENT'
  | 'ENVIRONMENT_FAILED'
  | 'UNREACHABLE_URL'
  | 'CORRUPT_FILE'
  | 'SCHEMA_VERSION'
  | 'RUN_EXISTS'
  /** Another live process is writing the run. */
  | 'RUN_LOCKED'
  /** The output location is a file, read-only, or cannot be created. */
  | 'OUTPUT_UNWRITABLE'
  | 'RUN_NOT_FOUND'
  | 'ABORTED'
  | 'TIMEOUT'
  | 'MODEL_ERROR'
  /** A model answered, but not with valid output even after its repair turn. */
  | 'MODEL_OUTPUT_INVALID'
  | 'RATE_LIMITED'
  | 'BUDGET_EXCEEDED'
  /** An agent under evaluation could not be reached, timed out, or crashed (an error, not a failure). */
  | 'AGENT_UNAVAILABLE'
  /** The Redis server of queue mode could not be reached (or its URL is malformed). */
  | 'QUEUE_UNAVAILABLE'
  | 'INTERNAL';

export interface TrajsynthErrorOptions {
  code: ErrorCode;
  isRetryable?: boolean;
  cause?: unknown;
  /** A short instruction for the user: what to do about it. */
  hint?: string;
}

export class TrajsynthError extends Error {
  readonly code: ErrorCode;
  readonly isRetryable: boolean;
  readonly hint: string | undefined;

  constructor(message: string, options: TrajsynthErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'TrajsynthError';
    this.code = options.code;
    this.isRetryable = options.isRetryable ?? false;
    this.hint = options.hint;
  }
}

export function isTrajsynthError(error: unknown): error is TrajsynthError {
  return error instanceof TrajsynthError;
}

/** Normalizes anything thrown into a message string (never throws itself). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function abortError(signal?: AbortSignal): TrajsynthError {
  const reason = signal?.reason;
  return new TrajsynthError(`Operation aborted${reason ? `: ${errorMessage(reason)}` : ''}`, {
    code: 'ABORTED',
  });
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * A message as one clean line for a stored record or a summary: no terminal colour codes, no call
 * log (Playwright appends one after a newline), at most `maxLength` characters.
 */
export function oneLine(message: string, maxLength = 300): string {
  const first =
    message
      .replace(ANSI_ESCAPE, '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? '';
  return first.length > maxLength ? `${first.slice(0, maxLength - 1)}…` : first;
}
