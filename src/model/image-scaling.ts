import sharp from 'sharp';
import type { ImagePart } from './language-model.js';

export interface ScaledImage {
  image: ImagePart;
  /** Model pixels per page pixel (≤ 1); divide the model's coordinates by it to get page pixels. */
  scale: number;
}

/**
 * Fits a screenshot inside `maxWidth` × `maxHeight` (Anthropic's computer-use guidance: XGA,
 * 1024 × 768), keeping its aspect ratio, and re-encodes it as PNG for the model.
 */
export async function scaleScreenshot(
  bytes: Uint8Array,
  size: { width: number; height: number },
  limits = { maxWidth: 1024, maxHeight: 768 },
): Promise<ScaledImage> {
  const scale = Math.min(1, limits.maxWidth / size.width, limits.maxHeight / size.height);
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  const png = await sharp(bytes).resize(width, height, { fit: 'fill' }).png({ compressionLevel: 6 }).toBuffer();
  return { image: { type: 'image', mediaType: 'image/png', dataBase64: png.toString('base64'), width, height }, scale };
}

/** The display size the model is told about for a page of `size` (the scaled screenshot's size). */
export function scaledDisplay(
  size: { width: number; height: number },
  limits = { maxWidth: 1024, maxHeight: 768 },
): { width: number; height: number; scale: number } {
  const scale = Math.min(1, limits.maxWidth / size.width, limits.maxHeight / size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale), scale };
}
