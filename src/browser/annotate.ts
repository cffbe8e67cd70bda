import sharp from 'sharp';
import type { Box, Point } from '../core/index.js';

/** Where an action happened, as drawn on its screenshot. */
export interface ActionMarker {
  /** Pixel the action used: drawn as a ring with a crosshair. */
  point?: Point;
  /** The element's box: drawn as a red outline. */
  box?: Box;
  /** A short tag such as `click "Add task"`, drawn beside the box or point. */
  label?: string;
}

const RED = '#e8112d';
const LABEL_FONT_SIZE = 13;
const LABEL_CHAR_WIDTH = 7.6; // DejaVu Sans Bold at 13px, a little generous
const LABEL_HEIGHT = 20;
const MAX_LABEL_CHARS = 64;

/**
 * Draws an action marker over a screenshot (any format sharp reads, WebP included) and returns a
 * PNG: a red outline around the element's box, a ring and crosshair at the point, and a label tag
 * kept inside the image. For viewers showing where each step acted.
 */
export async function annotateScreenshot(image: Uint8Array, marker: ActionMarker): Promise<Uint8Array> {
  const input = sharp(image);
  const { width, height } = await input.metadata();
  if (!width || !height) throw new Error('Expected an image with a width and height');
  const svg = markerSvg(width, height, marker);
  const png = await input
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

export function markerSvg(width: number, height: number, marker: ActionMarker): string {
  const parts: string[] = [];
  const { box, point } = marker;
  if (box) {
    const x = box.x - 2;
    const y = box.y - 2;
    const w = Math.max(box.width + 4, 4);
    const h = Math.max(box.height + 4, 4);
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="${RED}" fill-opacity="0.10" stroke="white" stroke-width="5" stroke-opacity="0.8"/>`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="none" stroke="${RED}" stroke-width="2.5"/>`,
    );
  }
  if (point) {
    const { x, y } = point;
    const crosshair = (stroke: string, strokeWidth: number): string =>
      [
        `<circle cx="${x}" cy="${y}" r="11" fill="none" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
        `<line x1="${x - 19}" y1="${y}" x2="${x - 7}" y2="${y}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
        `<line x1="${x + 7}" y1="${y}" x2="${x + 19}" y2="${y}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
        `<line x1="${x}" y1="${y - 19}" x2="${x}" y2="${y - 7}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
        `<line x1="${x}" y1="${y + 7}" x2="${x}" y2="${y + 19}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`,
      ].join('');
    parts.push(
      crosshair('white', 5),
      crosshair(RED, 2.5),
      `<circle cx="${x}" cy="${y}" r="3" fill="${RED}" stroke="white" stroke-width="1"/>`,
    );
  }
  if (marker.label && (box || point)) parts.push(labelTag(width, height, marker.label, box, point));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

function labelTag(width: number, height: number, rawLabel: string, box: Box | undefined, point: Point | undefined): string {
  const label = rawLabel.length > MAX_LABEL_CHARS ? `${rawLabel.slice(0, MAX_LABEL_CHARS - 1)}…` : rawLabel;
  const tagWidth = Math.ceil(label.length * LABEL_CHAR_WIDTH) + 12;
  const top = box ? box.y - 2 : (point?.y ?? 0) - 20;
  const bottom = box ? box.y + box.height + 2 : (point?.y ?? 0) + 20;
  const left = box ? box.x - 2 : (point?.x ?? 0) - tagWidth / 2;
  let y = top - LABEL_HEIGHT - 3;
  if (y < 0) y = bottom + 3;
  y = clamp(y, 0, height - LABEL_HEIGHT);
  const x = clamp(left, 0, width - tagWidth);
  return [
    `<rect x="${x}" y="${y}" width="${tagWidth}" height="${LABEL_HEIGHT}" rx="4" fill="${RED}" stroke="white" stroke-width="1"/>`,
    `<text x="${x + 6}" y="${y + 14.5}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${LABEL_FONT_SIZE}" font-weight="bold" fill="white">${escapeXml(label)}</text>`,
  ].join('');
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
