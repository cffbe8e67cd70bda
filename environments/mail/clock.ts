/**
 * The app's fixed clock. "Now" is always Monday 2026-06-15 09:30 UTC so every seed renders the same
 * relative dates; the wall clock is never read.
 */
import {
  DAY_MS,
  MINUTE_MS,
  SHORT_MONTHS as MONTHS,
  SHORT_WEEKDAYS as WEEKDAYS,
  isoTimestamp,
  parseDay,
  timestampFrom,
} from '../kit/dates.js';
export { addDays, isValidIsoDate } from '../kit/dates.js';

export const TODAY = '2026-06-15';
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);

/** An ISO timestamp (seconds precision, UTC) `minutes` after now; negative goes back. */
export function timestampAt(minutesFromNow: number): string {
  return timestampFrom(NOW_BASE_MS, minutesFromNow);
}

/** A timestamp `daysAgo` days before today at `minuteOfDay` (UTC). */
export function stampOnDay(daysAgo: number, minuteOfDay: number): string {
  const midnight = Date.UTC(2026, 5, 15) - daysAgo * DAY_MS;
  return isoTimestamp(midnight + minuteOfDay * MINUTE_MS);
}

function clockTime(date: Date): string {
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** As the message list shows it: "8:41 AM" for today, else "Jun 12". */
export function formatListDate(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (isoTimestamp.slice(0, 10) === TODAY) return clockTime(date);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "Fri, Jun 12, 2026, 2:40 PM" */
export function formatFullDate(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${clockTime(date)}`;
}

/** "Jun 26, 2026" for a YYYY-MM-DD date. */
export function formatDay(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "just now", "25 minutes ago", "3 hours ago", "yesterday", "4 days ago", "3 weeks ago". */
export function formatAgo(isoTimestamp: string, nowIso: string): string {
  const minutes = Math.round((new Date(nowIso).getTime() - new Date(isoTimestamp).getTime()) / MINUTE_MS);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round((parseDay(nowIso).getTime() - parseDay(isoTimestamp).getTime()) / DAY_MS);
  if (days <= 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}
