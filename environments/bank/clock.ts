/**
 * The bank's fixed clock. "Today" is always 2026-06-15 (a Monday) 09:30 UTC so that every seed renders
 * the same relative dates; the wall clock is never read.
 */
import { LONG_MONTHS, SHORT_MONTHS as MONTHS, WEEKDAYS, parseDay, timestampFrom } from '../kit/dates.js';
export { addDays, daysBetween, isValidIsoDate } from '../kit/dates.js';

export const TODAY = '2026-06-15';
/** Seeded records are stamped before this instant; new records are stamped after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);
/** The first day of seeded history. */
export const HISTORY_START = '2026-03-01';

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  return parseDay(isoDate).getUTCDay();
}

/** An ISO timestamp (seconds precision, UTC) `minutesFromBase` after NOW_BASE_MS; negative goes back. */
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
