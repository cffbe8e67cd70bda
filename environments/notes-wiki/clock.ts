/**
 * The app's fixed clock. "Today" is always 2026-06-15 (a Monday) at 09:30 UTC so every seed renders
 * the same relative dates; the wall clock is never read.
 */
import { daysBetween, parseDay, SHORT_MONTHS as MONTHS, timestampFrom } from '../kit/dates.js';
export { addDays, daysBetween, isValidIsoDate } from '../kit/dates.js';

export const TODAY = '2026-06-15';
/** Seeded records are stamped before this instant; new records are stamped after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);

/** An ISO timestamp (seconds precision, UTC) `minutes` after NOW_BASE_MS; negative goes back. */
export function timestampAt(minutesFromBase: number): string {
  return timestampFrom(NOW_BASE_MS, minutesFromBase);
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
