import { inflateRawSync } from 'node:zlib';
import { TrajsynthError, errorMessage } from '../core/errors.js';
import { crc32 } from './crc32.js';

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The entries of a zip archive (name → bytes, in central directory order), every one inflated and
 * checked against its CRC-32 and size. Reads what writeZip writes and the common subset others
 * write (stored or deflated entries, data descriptors); refuses zip64, encryption and other
 * compression methods with a CORRUPT_FILE error naming what it found.
 */
export function readZip(archive: Uint8Array): Map<string, Uint8Array> {
  const bytes = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const end = findEnd(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const centralSize = bytes.readUInt32LE(end + 12);
  const centralOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw corrupt('a zip64 archive, which this reader does not support');
  if (centralOffset + centralSize > end)
    throw corrupt(`a central directory at ${centralOffset} (+${centralSize}) past its end record at ${end}`);
  const entries = new Map<string, Uint8Array>();
  let at = centralOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw corrupt(`no central directory header for entry ${index} at byte ${at}`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x0001) throw corrupt(`an encrypted entry ${name}`);
    if (entries.has(name)) throw corrupt(`entry ${name} twice`);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_SIGNATURE)
      throw corrupt(`no local header for ${name} at byte ${localOffset}`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length)
      throw corrupt(`${name} cut off (${compressedSize} bytes from ${dataStart} in a ${bytes.length}-byte archive)`);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    let content: Uint8Array;
    if (method === 0) content = Uint8Array.from(data);
    else if (method === 8) {
      try {
        content = inflateRawSync(data);
      } catch (error) {
        throw corrupt(`${name} that does not inflate (${errorMessage(error)})`);
      }
    } else throw corrupt(`${name} compressed with method ${method} (only stored and deflate are supported)`);
    if (content.length !== size) throw corrupt(`${name} of ${content.length} bytes where its header says ${size}`);
    if (crc32(content) !== crc) throw corrupt(`${name} whose CRC-32 does not match its header`);
    entries.set(name, content);
  }
  return entries;
}

function findEnd(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - END_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_SIZE; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === END_SIGNATURE) return at;
  }
  throw corrupt(bytes.length < END_SIZE ? `${bytes.length} bytes` : 'no end of central directory record');
}

function corrupt(got: string): TrajsynthError {
  return new TrajsynthError(`Expected a zip archive, got ${got}`, { code: 'CORRUPT_FILE' });
}
