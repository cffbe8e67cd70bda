/** The sample ids a record key names: both attempts of a preference pair (`<chosen>#pair:<rejected>`), else one. */
export function sampleIdsOf(key: string): string[] {
  const pair = key.indexOf('#pair:');
  if (pair >= 0) return [key.slice(0, pair), sampleIdOf(key.slice(pair + '#pair:'.length))];
  return [sampleIdOf(key)];
}

/** A manifest record key's sample id: the key without its `#s3` (step unit) or `#pair1` (preference pair) suffix. */
export function sampleIdOf(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}
