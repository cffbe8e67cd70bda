import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A dataset's content fingerprint: sha256 over its records (key and hash of each, sorted by key) and
 * its image bytes (hashes, sorted), so it does not depend on file order or file names, and any changed
 * byte of a record or an image changes it.
 */
export function datasetFingerprint(records: readonly { key: string; sha256: string }[], imageHashes: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const record of [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.sha256 < b.sha256 ? -1 : 1))) {
    hash.update(`record\t${record.key}\t${record.sha256}\n`);
  }
  for (const image of [...new Set(imageHashes)].sort()) hash.update(`image\t${image}\n`);
  return `sha256:${hash.digest('hex')}`;
}
