import * as zlib from 'node:zlib';

/** `zlib.crc32` (Node >= 20.15 and 22.2); absent on older Node 20 releases, which `engines` still allows. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

let table: Uint32Array | undefined;

/** The CRC-32 (IEEE 802.3, as zip and gzip use it) of `bytes`, by a 256-entry table: the fallback for Node without `zlib.crc32`. */
export function tableCrc32(bytes: Uint8Array): number {
  table ??= makeTable();
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index += 1) crc = table[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of `bytes` as an unsigned 32-bit number: zlib's when Node has it, else the table's. */
export function crc32(bytes: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(bytes) >>> 0 : tableCrc32(bytes);
}

function makeTable(): Uint32Array {
  const out = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let bit = 0; bit < 8; bit += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    out[n] = c >>> 0;
  }
  return out;
}
