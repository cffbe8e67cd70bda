/** Default time an element interaction (click, type, select...) may take before it fails, at scale 1. */
export const DEFAULT_ACTION_TIMEOUT_MS = 5_000;
/** Default time a page load (goto, navigate, back, a navigation an action started) may take, at scale 1. */
export const DEFAULT_NAVIGATION_TIMEOUT_MS = 15_000;
/** Longest `wait` action honoured; longer waits are capped. */
export const MAX_WAIT_MS = 10_000;

/**
 * Every time limit of the browser layer, as measured on an idle machine. A session multiplies them
 * by its timeout scale (see timeout-scale.ts), so a loaded or slow machine gets proportionally more
 * time and a click is not recorded as failed because the machine was busy.
 */
export const BASE_LIMITS = {
  actionMs: DEFAULT_ACTION_TIMEOUT_MS,
  navigationMs: DEFAULT_NAVIGATION_TIMEOUT_MS,
  /** The load event after a navigation committed. */
  loadMs: 5_000,
  /** Waiting for the page's tracked requests to finish after an action. */
  networkQuietMaxMs: 2_000,
  /** Waiting for the DOM to stop changing after an action. */
  domQuietMaxMs: 500,
  /** Re-trying role+name and ref while the page may still be rendering. */
  groundingWaitMs: 1_000,
  /** Resolving one element handle (a ref, a label). */
  elementHandleMs: 1_000,
  /** Waiting for a scroll to end. */
  scrollEndMaxMs: 1_000,
  /** One aria snapshot or screenshot. */
  captureMs: 10_000,
} as const;

export type BrowserLimits = { readonly [K in keyof typeof BASE_LIMITS]: number } & {
  /** The factor the base limits were multiplied by. */
  readonly scale: number;
};

/** The base limits multiplied by `scale` (rounded to whole milliseconds). */
export function scaledLimits(scale: number): BrowserLimits {
  const scaled = Object.fromEntries(Object.entries(BASE_LIMITS).map(([key, ms]) => [key, Math.round(ms * scale)])) as {
    [K in keyof typeof BASE_LIMITS]: number;
  };
  return { ...scaled, scale };
}
