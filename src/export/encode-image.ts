import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { TrajsynthError, errorMessage } from '../core/errors.js';
import { sha256Hex } from './fingerprint.js';
import type { EncodedImage, ImageFormat } from './sample.js';

const MIME: Record<ImageFormat, EncodedImage['mimeType']> = { webp: 'image/webp', png: 'image/png', jpeg: 'image/jpeg' };
const EXTENSION: Record<ImageFormat, string> = { webp: 'webp', png: 'png', jpeg: 'jpg' };

export interface ImageEncoderOptions {
  format: ImageFormat;
  /** Longest side of an exported image in pixels; larger screenshots are scaled down, never up. */
  maxSide?: number;
}

/**
 * Encodes stored screenshots for a dataset: converted to the chosen format, scaled so the longest side
 * is at most `maxSide`, named by the sha256 of the encoded bytes. Each source file is encoded once.
 * A stored WebP that needs no scaling is passed through byte for byte. The same input and options
 * give the same bytes (libvips encodes deterministically), so a re-export is byte-identical.
 */
export class ImageEncoder {
  private readonly cache = new Map<string, Promise<EncodedImage>>();
  readonly hashes = new Set<string>();

  constructor(private readonly options: ImageEncoderOptions) {}

  encode(sourcePath: string): Promise<EncodedImage> {
    let pending = this.cache.get(sourcePath);
    if (!pending) {
      pending = this.encodeFile(sourcePath);
      this.cache.set(sourcePath, pending);
    }
    return pending;
  }

  private async encodeFile(sourcePath: string): Promise<EncodedImage> {
    let input: Buffer;
    let width: number;
    let height: number;
    try {
      input = await readFile(sourcePath);
      const metadata = await sharp(input).metadata();
      width = metadata.width;
      height = metadata.height;
      if (!width || !height) throw new Error('no image size');
    } catch (error) {
      throw new TrajsynthError(`Expected a screenshot at ${sourcePath}, got ${errorMessage(error)}`, {
        code: 'CORRUPT_FILE',
        hint: 'Run `trajsynth validate` on the source run to list every damaged file; restore it or redo the chain with --resume --redo-damaged.',
      });
    }
    const longest = Math.max(width, height);
    const scale = this.options.maxSide && longest > this.options.maxSide ? this.options.maxSide / longest : 1;
    const outWidth = Math.round(width * scale);
    const outHeight = Math.round(height * scale);
    let bytes: Uint8Array;
    try {
      if (scale === 1 && this.options.format === 'webp' && isWebp(input)) {
        // Passed through untouched, so decoded once here: a cut-off file must not reach a dataset.
        await sharp(input, { failOn: 'truncated' }).raw().toBuffer();
        bytes = input;
      } else bytes = await this.transcode(input, outWidth, outHeight);
    } catch (error) {
      throw new TrajsynthError(`Expected ${sourcePath} to decode as an image, got ${errorMessage(error)}`, {
        code: 'CORRUPT_FILE',
        hint: 'Run `trajsynth validate` on the source run to list every damaged file.',
      });
    }
    const hash = sha256Hex(bytes);
    this.hashes.add(hash);
    return {
      path: `images/${hash}.${EXTENSION[this.options.format]}`,
      bytes,
      mimeType: MIME[this.options.format],
      width: outWidth,
      height: outHeight,
      scale: outWidth / width,
    };
  }

  private async transcode(input: Buffer, width: number, height: number): Promise<Uint8Array> {
    const image = sharp(input, { failOn: 'truncated' }).resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
    switch (this.options.format) {
      case 'png':
        return image.png({ compressionLevel: 6 }).toBuffer();
      case 'jpeg':
        return image.flatten({ background: '#ffffff' }).jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer();
      case 'webp':
        return image.webp({ quality: 90 }).toBuffer();
    }
  }
}

function isWebp(bytes: Uint8Array): boolean {
  return (
    bytes.length > 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP'
  );
}
