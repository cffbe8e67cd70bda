/**
 * The app's fixed clock. "Today" is always 2026-06-15 (a Monday) at 09:30 UTC so every seed renders
 * the same relative dates; the wall clock is never read.
 */
export const TODAY = '2026-06-15';
/** Seeded records are stamped before this instant; new records are stamped after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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

/** An ISO timestamp (seconds precision, UTC) `minutes` after NOW_BASE_MS; negative goes back. */
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

/** "Jun 12, 2026, 2:40 PM" */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${formatDate(isoTimestamp)}, ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", or a date. */
export function formatRelative(isoTimestamp: string, nowIso: string): string {
  const diffMinutes = Math.round((new Date(nowIso).getTime() - new Date(isoTimestamp).getTime()) / 60_000);
  if (diffMinutes < 1) return 'just now';
  if (diffMinutes < 60) return `${diffMinutes} minute${diffMinutes === 1 ? '' : 's'} ago`;
  const diffHours = Math.floor(diffMinutes / 60);
  if (diffHours < 24) return `${diffHours} hour${diffHours === 1 ? '' : 's'} ago`;
  const diffDays = daysBetween(isoTimestamp.slice(0, 10), nowIso.slice(0, 10));
  if (diffDays <= 1) return 'yesterday';
  if (diffDays < 14) return `${diffDays} days ago`;
  return formatDate(isoTimestamp);
}
