/**
 * Calendar-day helpers every bundled app uses: ISO dates (YYYY-MM-DD) as UTC days, no time zones,
 * no locale. Each app keeps its own clock (TODAY, NOW_BASE_MS) and its own wording of dates.
 */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const SHORT_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Midnight UTC of the day an ISO date or timestamp falls on. */
export function parseDay(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = parseDay(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(parseDay(isoDate).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** An ISO timestamp without milliseconds ("2026-06-15T09:30:00Z"). */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The timestamp `minutes` after (or, negative, before) an app's clock base. */
export function timestampFrom(baseMs: number, minutes: number): string {
  return isoTimestamp(baseMs + minutes * MINUTE_MS);
}
