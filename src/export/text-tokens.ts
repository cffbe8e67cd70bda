/** Lowercased word tokens (letters and digits, inner apostrophes kept): "Add “Milk” to Q3's list" → add, milk, to, q3's, list. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The n-grams of a token list, each joined by a space. */
export function ngrams(tokens: readonly string[], n: number): string[] {
  const grams: string[] = [];
  for (let index = 0; index + n <= tokens.length; index += 1) grams.push(tokens.slice(index, index + n).join(' '));
  return grams;
}

/** Word n-shingles of a text; a text shorter than n words is one shingle of all its words. */
export function shingles(text: string, n: number): Set<string> {
  const tokens = wordTokens(text);
  if (tokens.length === 0) return new Set();
  return new Set(tokens.length < n ? [tokens.join(' ')] : ngrams(tokens, n));
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}
