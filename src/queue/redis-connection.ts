import { Redis } from 'ioredis';
import { TrajsynthError, errorMessage, oneLine } from '../core/errors.js';

/** How long the first connection may take before the URL is reported unreachable. */
const CONNECT_TIMEOUT_MS = 3000;

/** Connection trouble after the first connection: reported, and the connection keeps retrying. */
export type ConnectionListener = (event: { state: 'lost' | 'restored'; url: string; error?: string }) => void;

/**
 * A validated Redis URL (`redis://HOST:PORT[/DB]`, `rediss://` for TLS, optional user:password).
 * A malformed one is a BAD_INPUT error that shows the expected form.
 */
export function parseRedisUrl(raw: string, flag = '--queue'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw malformed(raw, flag, 'not a URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw malformed(raw, flag, `scheme "${url.protocol.replace(/:$/, '')}"`);
  if (!url.hostname) throw malformed(raw, flag, 'no host');
  if (url.pathname && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname))
    throw malformed(raw, flag, `path "${url.pathname}" (only a database number may follow the port)`);
  return url;
}

function malformed(raw: string, flag: string, what: string): TrajsynthError {
  return new TrajsynthError(`Expected ${flag} to be a Redis URL such as redis://127.0.0.1:6379, got "${raw}" (${what})`, {
    code: 'BAD_INPUT',
    hint: 'Give the address of the Redis server every worker and the follower share: redis://HOST:PORT (rediss:// for TLS, redis://HOST:PORT/DB for another database).',
  });
}

/** The URL without its password, for messages and records. */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href.replace(/\/$/, '');
}

/**
 * Connects to Redis for queue mode. The first connection must succeed within a few seconds (an
 * unreachable or wrong address is a QUEUE_UNAVAILABLE error naming the URL and the fix, never an
 * endless reconnect loop); after that, a lost connection is retried forever (a restarted Redis),
 * with `onConnection` told when it is lost and restored.
 */
export async function connectRedis(url: URL, options: { onConnection?: ConnectionListener; signal?: AbortSignal } = {}): Promise<Redis> {
  const shown = displayUrl(url);
  const client = new Redis(url.href, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // BullMQ's blocking commands need this; queued commands wait for the reconnection.
    maxRetriesPerRequest: null,
    // No retry until the first connection stands, then forever (at most 2 s apart).
    retryStrategy: () => null,
  });
  let lost = false;
  let connected = false;
  let firstError: Error | undefined;
  client.on('error', (error: Error) => {
    if (!connected) firstError ??= error;
    if (closing.has(client) || (!lost && client.status !== 'ready')) return;
    if (!lost) options.onConnection?.({ state: 'lost', url: shown, error: oneLine(errorMessage(error)) });
    lost = true;
  });
  client.on('close', () => {
    if (closing.has(client) || !connected) return;
    if (!lost) options.onConnection?.({ state: 'lost', url: shown });
    lost = true;
  });
  client.on('ready', () => {
    if (lost && connected) options.onConnection?.({ state: 'restored', url: shown });
    lost = false;
  });
  try {
    await withTimeout(client.connect(), CONNECT_TIMEOUT_MS + 1000, options.signal);
    await withTimeout(client.ping(), CONNECT_TIMEOUT_MS, options.signal);
  } catch (error) {
    closing.add(client);
    client.disconnect();
    throw unreachable(url, firstError ?? error);
  }
  connected = true;
  client.options.retryStrategy = (times: number) => Math.min(200 * times, 2000);
  return client;
}

const closing = new WeakSet<Redis>();

/** From now on the connection is being closed on purpose: losing it is not reported. */
export function markClosing(client: Redis): void {
  closing.add(client);
}

/** Closes a connection made by connectRedis, without reporting it as lost. */
export function closeRedis(client: Redis): void {
  closing.add(client);
  client.disconnect();
}

export function unreachable(url: URL, error: unknown): TrajsynthError {
  const port = url.port || '6379';
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
  return new TrajsynthError(`Expected a Redis server at ${displayUrl(url)}, got ${oneLine(errorMessage(error), 160) || 'no answer'}`, {
    code: 'QUEUE_UNAVAILABLE',
    cause: error,
    hint: local
      ? `Start one (redis-server --port ${port} --bind 127.0.0.1), or check the --queue URL; bash scripts/setup.sh installs redis-server.`
      : `Check the --queue URL and that Redis on ${url.hostname} listens on port ${port} and accepts this machine (bind, protected-mode, firewall).`,
  });
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
        onAbort = () => reject(new Error('interrupted'));
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
