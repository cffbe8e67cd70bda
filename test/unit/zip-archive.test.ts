import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32 } from '../../src/export/crc32.js';
import { readZip } from '../../src/export/zip-reader.js';
import { writeZip } from '../../src/export/zip-writer.js';

/** yazl and yauzl as Playwright bundles them (its trace recorder writes archives with yazl): an independent writer and reader. */
interface YauzlEntry {
  fileName: string;
}
interface YauzlFile {
  on(event: 'entry', listener: (entry: YauzlEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  readEntry(): void;
  openReadStream(entry: YauzlEntry, callback: (error: Error | null, stream: NodeJS.ReadableStream) => void): void;
}
interface ZipBundle {
  yauzl: { fromBuffer(buffer: Buffer, options: { lazyEntries: boolean }, callback: (error: Error | null, zip: YauzlFile) => void): void };
  yazl: {
    ZipFile: new () => {
      addBuffer(buffer: Buffer, name: string, options?: { compress?: boolean }): void;
      end(): void;
      outputStream: NodeJS.ReadableStream;
    };
  };
}
const { yauzl, yazl } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as ZipBundle;

function readWithYauzl(archive: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(archive), { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function writeWithYazl(entries: { name: string; bytes: Buffer; compress: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.bytes, entry.name, { compress: entry.compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const ENTRIES = [
  { name: 'trace.trace', bytes: Buffer.from('{"type":"context-options"}\n'.repeat(50)) },
  { name: 'trace.network', bytes: new Uint8Array() },
  { name: 'resources/ü-näme.bin', bytes: randomBytes(5000), compress: false },
  { name: 'resources/noise.bin', bytes: randomBytes(3000) },
];

describe('zip archives', () => {
  it('computes the zip CRC-32 by table exactly as zlib does (the fallback for Node without zlib.crc32)', () => {
    const data = randomBytes(10_000);
    expect(tableCrc32(new Uint8Array())).toBe(0);
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(data)).toBe(crc32(data));
    const native = (zlib as { crc32?: (bytes: Uint8Array) => number }).crc32;
    if (native) expect(tableCrc32(data)).toBe(native(data) >>> 0);
  });

  it("writes archives Playwright's own zip reader reads, byte-identical for the same entries, and reads them back", async () => {
    const archive = writeZip(ENTRIES);
    expect(Buffer.from(writeZip(ENTRIES)).equals(Buffer.from(archive))).toBe(true);
    const read = readZip(archive);
    expect([...read.keys()]).toEqual(ENTRIES.map((entry) => entry.name));
    for (const entry of ENTRIES) expect(Buffer.from(read.get(entry.name)!).equals(Buffer.from(entry.bytes))).toBe(true);
    const byYauzl = await readWithYauzl(archive);
    for (const entry of ENTRIES) expect(byYauzl.get(entry.name)?.equals(Buffer.from(entry.bytes)), entry.name).toBe(true);
    // The repetitive text was deflated; random bytes stay stored where deflate does not help.
    expect(archive.length).toBeLessThan(ENTRIES.reduce((sum, entry) => sum + entry.bytes.length, 0));
  });

  it("reads archives written by Playwright's zip writer (deflated and stored entries)", async () => {
    const archive = await writeWithYazl(
      ENTRIES.map((entry) => ({ name: entry.name, bytes: Buffer.from(entry.bytes), compress: entry.compress !== false })),
    );
    const read = readZip(archive);
    for (const entry of ENTRIES) expect(Buffer.from(read.get(entry.name)!).equals(Buffer.from(entry.bytes)), entry.name).toBe(true);
  });

  it('refuses damage with a CORRUPT_FILE error naming what it found', () => {
    const archive = Buffer.from(writeZip([{ name: 'a.txt', bytes: Buffer.from('hello world, hello world'), compress: false }]));
    const flipped = Buffer.from(archive);
    flipped[30 + 'a.txt'.length] ^= 0xff;
    expect(() => readZip(flipped)).toThrow(/Expected a zip archive, got a\.txt whose CRC-32 does not match its header/);
    expect(() => readZip(archive.subarray(0, archive.length - 30))).toThrow(
      /Expected a zip archive, got (no end of central directory record|.*cut off|no central directory header)/,
    );
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE' }));
    expect(() =>
      writeZip([
        { name: 'x', bytes: new Uint8Array() },
        { name: 'x', bytes: new Uint8Array() },
      ]),
    ).toThrow(/"x" twice/);
  });
});
