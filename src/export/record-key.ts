/** A manifest record key's sample id: the key without its `#s3` (step unit) or `#pair1` (preference pair) suffix. */
export function sampleIdOf(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}
