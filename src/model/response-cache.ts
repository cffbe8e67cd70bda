import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { TrajsynthError } from '../core/errors.js';
import { TokenCountsSchema } from '../core/usage.js';
import type { LanguageModel, ModelRequest, ModelResponse } from './language-model.js';

export type CacheMode = 'read-write' | 'read-only';

export interface ResponseCacheOptions {
  dir: string;
  /** read-only: a miss is an error instead of a call (for exact, call-free repeats). */
  mode?: CacheMode;
}

const CachedResponseSchema = z.object({
  key: z.string(),
  response: z.object({
    provider: z.string(),
    model: z.string(),
    text: z.string(),
    toolCalls: z.array(z.object({ type: z.literal('tool-call'), id: z.string(), name: z.string(), input: z.unknown() })),
    stopReason: z.enum(['end', 'tool-use', 'max-tokens', 'other']),
    usage: TokenCountsSchema,
    images: z.number(),
    latencyMs: z.number(),
  }),
});

/**
 * Records model responses keyed by the request (provider, model, system, messages with what their
 * images show, tools, limits), so a run can be repeated with no calls and the same results. Each entry is
 * one JSON file named by the key's SHA-256, written atomically. Hits are marked `fromCache`.
 */
export class CachingModel implements LanguageModel {
  readonly provider: string;
  readonly model: string;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: LanguageModel,
    private readonly options: ResponseCacheOptions,
  ) {
    this.provider = inner.provider;
    this.model = inner.model;
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    const key = await requestKey(this.provider, this.model, request);
    const path = join(this.options.dir, key.slice(0, 2), `${key}.json`);
    const cached = await readEntry(path, key);
    if (cached) {
      this.hits += 1;
      return { ...cached, fromCache: true };
    }
    if (this.options.mode === 'read-only') {
      throw new TrajsynthError(`Expected a cached response for this ${request.role} request in ${this.options.dir}, got none`, {
        code: 'MODEL_ERROR',
        hint: 'The run differs from the recorded one (other seed, flags or code); run once with a writable cache to record it.',
      });
    }
    this.misses += 1;
    const response = await this.inner.generate(request);
    await mkdir(join(this.options.dir, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify({ key, response: { ...response, fromCache: undefined } }));
    await rename(temporary, path);
    return response;
  }
}

/**
 * The cache key: everything that shapes the answer, nothing that does not (signal, recorder, the port
 * of a local environment's server, which is new for every episode, and Chromium's raster noise).
 * Images enter the key by a coarse visual fingerprint, not their bytes: two renders of the same page
 * can differ in a few antialiased pixels (measured: 34 pixels of 1,024,000, by at most 27 levels,
 * in one of four repeated runs on a busy machine), which must not turn a repeat into a miss. The
 * fingerprint is the image as 32 x 20 grey blocks in 16 levels: it changes when what is on the
 * screen changes, and the request's text (page, snapshot, earlier actions) tells apart the rest.
 */
export async function requestKey(provider: string, model: string, request: ModelRequest): Promise<string> {
  const { signal: _signal, recorder: _recorder, ...shaping } = request;
  const images = new Map<string, string>();
  for (const message of shaping.messages) {
    for (const part of message.content) {
      const inner =
        part.type === 'image' ? [part] : part.type === 'tool-result' ? part.content.filter((item) => item.type === 'image') : [];
      for (const image of inner)
        if (image.type === 'image' && !images.has(image.dataBase64))
          images.set(image.dataBase64, await visualFingerprint(image.dataBase64));
    }
  }
  const text = JSON.stringify({ provider, model, ...shaping }, (key, value: unknown) =>
    key === 'dataBase64' && typeof value === 'string' ? (images.get(value) ?? value) : value,
  ).replace(LOCAL_ORIGIN, '$1PORT');
  return createHash('sha256').update(text).digest('hex');
}

async function visualFingerprint(dataBase64: string): Promise<string> {
  try {
    const grey = await sharp(Buffer.from(dataBase64, 'base64')).resize(32, 20, { fit: 'fill' }).grayscale().raw().toBuffer();
    return `visual:${createHash('sha256')
      .update(grey.map((value) => value >> 4))
      .digest('hex')}`;
  } catch {
    return `bytes:${createHash('sha256').update(dataBase64).digest('hex')}`;
  }
}

const LOCAL_ORIGIN = /(https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):)\d+/g;

async function readEntry(path: string, key: string): Promise<ModelResponse | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined; // a torn or corrupt entry is a miss; the call is made and the entry rewritten
  }
  const parsed = CachedResponseSchema.safeParse(json);
  if (!parsed.success || parsed.data.key !== key) return undefined;
  return parsed.data.response as ModelResponse;
}
