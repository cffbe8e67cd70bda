import { jaccard, shingles } from './text-tokens.js';

export interface NearDuplicatePair {
  /** Indexes into the texts, a < b. */
  a: number;
  b: number;
  /** Exact Jaccard similarity of the two texts' word shingles. */
  similarity: number;
}

export interface NearDuplicateOptions {
  /** Word shingle size (default 3). */
  shingleSize?: number;
  /** Texts with the same group (e.g. the level-k tasks of one chain, nested by construction) are never paired. */
  groupOf?: (index: number) => string | undefined;
  /** Below this many texts every pair is compared exactly; above it MinHash buckets propose candidates. */
  exactUpTo?: number;
}

const HASHES = 128;
/** Candidate recall wanted at the threshold itself (higher similarities are found more surely). */
const RECALL_AT_THRESHOLD = 0.995;

/**
 * Pairs of texts whose word-shingle Jaccard similarity is at least `threshold`. Exact over all pairs
 * for small inputs; for larger ones, MinHash signatures split into bands (locality-sensitive hashing)
 * propose candidate pairs, and each candidate's similarity is then computed exactly, so no pair is
 * reported that is not similar enough, and a pair at the threshold is missed with probability < 0.5%.
 */
export function nearDuplicatePairs(texts: readonly string[], threshold: number, options: NearDuplicateOptions = {}): NearDuplicatePair[] {
  const sets = texts.map((text) => shingles(text, options.shingleSize ?? 3));
  const groupOf = options.groupOf ?? (() => undefined);
  const pairs: NearDuplicatePair[] = [];
  const consider = (a: number, b: number) => {
    const group = groupOf(a);
    if (group !== undefined && group === groupOf(b)) return;
    if (sets[a]!.size === 0 || sets[b]!.size === 0) return;
    const similarity = jaccard(sets[a]!, sets[b]!);
    if (similarity >= threshold) pairs.push({ a, b, similarity });
  };
  if (texts.length <= (options.exactUpTo ?? 400)) {
    for (let a = 0; a < texts.length; a += 1) for (let b = a + 1; b < texts.length; b += 1) consider(a, b);
  } else {
    for (const [a, b] of candidatePairs(sets, threshold)) consider(a, b);
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}

/** Rows per band: the most (fewest false candidates) that still finds a pair at the threshold with the wanted recall. */
export function bandRows(threshold: number): number {
  let best = 1;
  for (let rows = 1; rows <= 16; rows += 1) {
    const bands = Math.floor(HASHES / rows);
    const recall = 1 - (1 - threshold ** rows) ** bands;
    if (recall >= RECALL_AT_THRESHOLD) best = rows;
  }
  return best;
}

function candidatePairs(sets: readonly Set<string>[], threshold: number): Iterable<[number, number]> {
  const rows = bandRows(threshold);
  const bands = Math.floor(HASHES / rows);
  const signatures = sets.map(minHashSignature);
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (let band = 0; band < bands; band += 1) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((signature, index) => {
      if (sets[index]!.size === 0) return;
      const key = signature.slice(band * rows, band * rows + rows).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i += 1) {
        for (let j = i + 1; j < bucket.length; j += 1) {
          const id = bucket[i]! * sets.length + bucket[j]!;
          if (seen.has(id)) continue;
          seen.add(id);
          pairs.push([bucket[i]!, bucket[j]!]);
        }
      }
    }
  }
  return pairs;
}

function minHashSignature(set: ReadonlySet<string>): number[] {
  const signature = new Array<number>(HASHES).fill(0xffffffff);
  for (const item of set) {
    const base = fnv1a(item);
    for (let index = 0; index < HASHES; index += 1) {
      const value = mix32(base ^ Math.imul(index + 1, 0x9e3779b1));
      if (value < signature[index]!) signature[index] = value;
    }
  }
  return signature;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finalizer: a well-mixed 32-bit hash of a 32-bit value (one seeded hash function per index). */
function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
