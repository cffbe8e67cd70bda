/**
 * The bank's fixed clock. "Today" is always 2026-06-15 (a Monday) 09:30 UTC so that every seed renders
 * the same relative dates; the wall clock is never read.
 */
export const TODAY = '2026-06-15';
/** Seeded records are stamped before this instant; new records are stamped after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);
/** The first day of seeded history. */
export const HISTORY_START = '2026-03-01';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parseDay(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = parseDay(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(parseDay(isoDate).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  return parseDay(isoDate).getUTCDay();
}

/** An ISO timestamp (seconds precision, UTC) `minutesFromBase` after NOW_BASE_MS; negative goes back. */
export function timestampAt(minutesFromBase: number): string {
  return new Date(NOW_BASE_MS + minutesFromBase * 60_000).toISOString().replace('.000Z', 'Z');
}

/** "Jun 18, 2026" */
export function formatDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "Jun 18" */
export function formatShortDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "Monday, June 15, 2026" */
export function formatLongDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${WEEKDAYS[date.getUTCDay()]}, ${LONG_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "Jun 15, 2026, 9:31 AM" */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${formatDate(isoTimestamp.slice(0, 10))}, ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "2026-05" → "May 2026" */
export function formatMonth(monthKey: string): string {
  const [year, month] = monthKey.split('-');
  return `${LONG_MONTHS[Number(month) - 1]} ${year}`;
}

/** First and last day of a YYYY-MM month. */
export function monthRange(monthKey: string): { start: string; end: string } {
  const [year, month] = monthKey.split('-').map(Number) as [number, number];
  const start = `${monthKey}-01`;
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { start, end };
}

/** The same day-of-month `months` later, clamped to the month's last day. */
export function addMonths(isoDate: string, months: number): string {
  const date = parseDay(isoDate);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}
