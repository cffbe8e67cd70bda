import { z } from 'zod';

export const BoxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type Box = z.infer<typeof BoxSchema>;

export const PointSchema = z.object({ x: z.number(), y: z.number() });
export type Point = z.infer<typeof PointSchema>;

export const ViewportSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Viewport = z.infer<typeof ViewportSchema>;

export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 800 };

export function boxCenter(box: Box): Point {
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}
