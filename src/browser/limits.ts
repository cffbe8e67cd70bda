/** Default time an element interaction (click, type, select...) may take before it fails. */
export const DEFAULT_ACTION_TIMEOUT_MS = 5_000;
/** Longest `wait` action honoured; longer waits are capped. */
export const MAX_WAIT_MS = 10_000;
