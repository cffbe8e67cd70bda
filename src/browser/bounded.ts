/** What `within` gives when the time ran out first. */
export const TIMED_OUT = Symbol('timed out');

/**
 * The promise's value, or TIMED_OUT once `timeoutMs` has passed first. For calls that take no
 * timeout of their own (an evaluation in a page whose navigation is under way waits for it to
 * commit); the promise is left to settle on its own, its rejection handled.
 */
export async function within<T>(promise: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, timeoutMs));
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
