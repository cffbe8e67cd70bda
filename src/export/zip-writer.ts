import { deflateRawSync } from 'node:zlib';
import { TrajsynthError } from '../core/errors.js';
import { crc32 } from './crc32.js';

export interface ZipEntryInput {
  /** Path inside the archive, forward slashes (written as UTF-8). */
  name: string;
  bytes: Uint8Array;
  /** Deflate the entry (kept stored when deflating does not make it smaller). Default true. */
  compress?: boolean;
}

/** 1980-01-01 00:00:00 in MS-DOS date and time: every entry gets it, so the same entries give the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_FLAG = 0x0800;
const VERSION_NEEDED = 20;
const STORED = 0;
const DEFLATED = 8;
const MAX_UINT32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/**
 * A zip archive of `entries`, in their order: stored or raw-deflated entries with CRC-32, one central
 * directory, no zip64, no timestamps beyond a fixed 1980 date. Deterministic for the same entries.
 * Refuses what needs zip64 (an entry or the archive over 4 GiB, more than 65535 entries).
 */
export function writeZip(entries: readonly ZipEntryInput[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw tooLarge(`${entries.length} entries`, `at most ${MAX_ENTRIES}`);
  const names = new Set<string>();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (names.has(entry.name))
      throw new TrajsynthError(`Expected each zip entry name once, got "${entry.name}" twice`, { code: 'INTERNAL' });
    names.add(entry.name);
    if (entry.bytes.length > MAX_UINT32) throw tooLarge(`${entry.name} of ${entry.bytes.length} bytes`, 'at most 4 GiB per entry');
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.bytes);
    const deflated = entry.compress === false ? undefined : deflateRawSync(entry.bytes, { level: 9 });
    const useDeflate = deflated !== undefined && deflated.length < entry.bytes.length;
    const data = useDeflate ? deflated : entry.bytes;
    const method = useDeflate ? DEFLATED : STORED;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(VERSION_NEEDED, 4);
    header.writeUInt16LE(VERSION_NEEDED, 6);
    header.writeUInt16LE(UTF8_FLAG, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(entry.bytes.length, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
    if (offset > MAX_UINT32) throw tooLarge(`an archive of more than ${MAX_UINT32} bytes`, 'at most 4 GiB');
  }
  const centralSize = central.reduce((total, chunk) => total + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

function tooLarge(got: string, expected: string): TrajsynthError {
  return new TrajsynthError(`Expected a zip archive without zip64 (${expected}), got ${got}`, {
    code: 'BAD_INPUT',
    hint: 'Export fewer or shorter trajectories per archive, or scale the screenshots down with --max-side.',
  });
}
