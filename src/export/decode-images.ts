import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { errorMessage } from '../core/errors.js';

export interface DecodeResult {
  path: string;
  /** Undefined when the file decoded in full. */
  problem?: string;
  width?: number;
  height?: number;
}

/**
 * Decodes every image in full (reading the header is not enough: a truncated WebP has a sound header)
 * with at most `concurrency` in flight, and says which do not decode and the size of those that do.
 * Results come back in the order of `paths`.
 */
export async function decodeImages(paths: readonly string[], options: { concurrency?: number } = {}): Promise<DecodeResult[]> {
  const results: DecodeResult[] = new Array(paths.length);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(8, availableParallelism()));
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next;
      next += 1;
      results[index] = await decodeOne(paths[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return results;
}

async function decodeOne(path: string): Promise<DecodeResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { path, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})` };
  }
  try {
    // failOn 'truncated' makes a cut-off file an error instead of a partly grey image.
    const { info } = await sharp(bytes, { failOn: 'truncated' }).raw().toBuffer({ resolveWithObject: true });
    return { path, width: info.width, height: info.height };
  } catch (error) {
    return { path, problem: `does not decode (${errorMessage(error).split('\n')[0]})` };
  }
}
