/**
 * A small seeded PRNG (mulberry32) so the same seed gives the same tasks, values and actions.
 * Never use Math.random in the pipeline or the heuristic agents.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = hashSeed(seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Expected a non-empty list to pick from, got an empty one');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks an index with probability proportional to its (non-negative) weight. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
    if (total <= 0) return Math.floor(this.next() * weights.length);
    let threshold = this.next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      threshold -= Math.max(0, weights[index]!);
      if (threshold < 0) return index;
    }
    return weights.length - 1;
  }

  /** A child generator, independent of how many numbers this one has drawn since. */
  fork(label: string): Rng {
    return new Rng(hashSeed(this.state ^ hashString(label)));
  }
}

/** Derives a stable 31-bit seed from parts, e.g. deriveSeed(runSeed, 'chain', 3). */
export function deriveSeed(...parts: Array<number | string>): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    hash = Math.imul(hash ^ hashString(String(part)), 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}

function hashSeed(seed: number): number {
  let value = (seed ^ 0x9e3779b9) >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b) >>> 0;
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}
