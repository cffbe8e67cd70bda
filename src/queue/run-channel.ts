import type { Redis } from 'ioredis';
import type { SynthesisEvent } from '../pipeline/events.js';
import { RUN_KEYS_TTL_S, runKeys } from './queue-keys.js';

/** Progress events kept per run (older ones are trimmed: they only drive a progress bar). */
const EVENTS_MAX = 20_000;

/** A chain event as a worker publishes it, with who sent it. */
export interface PublishedEvent {
  event: SynthesisEvent | { type: 'chain-stalled'; chainId: string };
  worker: string;
}

/**
 * What a run's follower and its workers share in Redis besides the jobs: the progress events, the
 * stop request (Ctrl-C on the follower, a budget reached on any worker) and the money spent.
 */
export class RunChannel {
  private readonly keys;

  constructor(
    private readonly redis: Redis,
    readonly runKey: string,
  ) {
    this.keys = runKeys(runKey);
  }

  async publish(published: PublishedEvent): Promise<void> {
    await this.redis.xadd(this.keys.events, 'MAXLEN', '~', String(EVENTS_MAX), '*', 'e', JSON.stringify(published));
  }

  /** The stream's last id now: read from here to see only events published from now on. */
  async latestEventId(): Promise<string> {
    const last = (await this.redis.xrevrange(this.keys.events, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    return last[0]?.[0] ?? '0-0';
  }

  /** Events after `afterId`, waiting up to `blockMs` for one; with the id to read on from. */
  async read(afterId: string, blockMs: number, reader: Redis): Promise<{ events: PublishedEvent[]; lastId: string }> {
    const answer = (await reader.xread('COUNT', 1000, 'BLOCK', blockMs, 'STREAMS', this.keys.events, afterId)) as Array<
      [string, Array<[string, string[]]>]
    > | null;
    const entries = answer?.[0]?.[1] ?? [];
    const events: PublishedEvent[] = [];
    for (const [, fields] of entries) {
      const index = fields.indexOf('e');
      if (index < 0) continue;
      try {
        events.push(JSON.parse(fields[index + 1]!) as PublishedEvent);
      } catch {
        // A damaged entry: progress only, skipped.
      }
    }
    return { events, lastId: entries.length ? entries[entries.length - 1]![0] : afterId };
  }

  /** Asks every worker of the run to stop its chains; the first reason given stays. */
  async requestStop(reason: string): Promise<void> {
    await this.redis.set(this.keys.stop, reason, 'EX', RUN_KEYS_TTL_S, 'NX');
  }

  async stopReason(): Promise<string | undefined> {
    return (await this.redis.get(this.keys.stop)) ?? undefined;
  }

  async clearStop(): Promise<void> {
    await this.redis.del(this.keys.stop);
  }

  async spentUsd(): Promise<number | undefined> {
    const value = await this.redis.get(this.keys.spent);
    return value === null ? undefined : Number(value);
  }

  /** Sets the run's spending (a new or resumed run); `onlyIfMissing` restores it after Redis lost it. */
  async setSpent(usd: number, onlyIfMissing = false): Promise<void> {
    if (onlyIfMissing) await this.redis.set(this.keys.spent, String(usd), 'EX', RUN_KEYS_TTL_S, 'NX');
    else await this.redis.set(this.keys.spent, String(usd), 'EX', RUN_KEYS_TTL_S);
  }

  /** Adds a model call's cost; returns the run's total over every worker. */
  async addSpent(usd: number): Promise<number> {
    const total = Number(await this.redis.incrbyfloat(this.keys.spent, usd));
    await this.redis.expire(this.keys.spent, RUN_KEYS_TTL_S);
    return total;
  }

  async countStalled(): Promise<void> {
    await this.redis.hincrby(this.keys.stats, 'stalled', 1);
    await this.redis.expire(this.keys.stats, RUN_KEYS_TTL_S);
  }

  async stalledCount(): Promise<number> {
    return Number((await this.redis.hget(this.keys.stats, 'stalled')) ?? 0);
  }

  /** Keeps the run's keys for a week after its last use. */
  async touch(): Promise<void> {
    await Promise.all(Object.values(this.keys).map((key) => this.redis.expire(key, RUN_KEYS_TTL_S)));
  }
}
