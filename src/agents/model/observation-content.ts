import type { CapturedObservation, Observation } from '../../core/observation.js';
import type { ContentPart, ImagePart } from '../../model/language-model.js';

/** Longest accessibility snapshot sent to a model, in characters (about 6k tokens). */
export const MAX_SNAPSHOT_CHARS = 24_000;

export function screenshotPart(observation: Pick<CapturedObservation, 'screenshotWebp' | 'viewport'>): ImagePart {
  return {
    type: 'image',
    mediaType: 'image/webp',
    dataBase64: Buffer.from(observation.screenshotWebp).toString('base64'),
    width: observation.viewport.width,
    height: observation.viewport.height,
  };
}

/** The page as text: URL, title and the accessibility snapshot with `[ref=eN]` markers (trimmed). */
export function pageText(observation: Observation, label = 'Current page'): string {
  const snapshot =
    observation.snapshot.length > MAX_SNAPSHOT_CHARS
      ? `${observation.snapshot.slice(0, MAX_SNAPSHOT_CHARS)}\n… (${observation.snapshot.length - MAX_SNAPSHOT_CHARS} more characters of the snapshot left out)`
      : observation.snapshot;
  return `${label}: ${observation.title} — ${observation.url}\nAccessibility snapshot:\n${snapshot}`;
}

/** Screenshot and snapshot of a page, as one message's content. */
export function observationContent(
  observation: Observation & { screenshotWebp?: Uint8Array },
  label?: string,
  options: { screenshot?: boolean } = {},
): ContentPart[] {
  const parts: ContentPart[] = [];
  const { screenshotWebp } = observation;
  if (options.screenshot !== false && screenshotWebp && screenshotWebp.byteLength > 0)
    parts.push(screenshotPart({ screenshotWebp, viewport: observation.viewport }));
  parts.push({ type: 'text', text: pageText(observation, label) });
  return parts;
}
