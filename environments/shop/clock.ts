/** The shop's fixed clock: "today" is Monday 2026-06-15, 09:30 UTC, and the wall clock is never read. */
import { SHORT_MONTHS as MONTHS, SHORT_WEEKDAYS as WEEKDAYS, isoTimestamp, parseDay, timestampFrom } from '../kit/dates.js';
export { addDays, daysBetween, isValidIsoDate } from '../kit/dates.js';

export const TODAY = '2026-06-15';
/** 09:30 UTC on TODAY; new records are stamped one minute apart after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);

/** An ISO timestamp (seconds precision, UTC) `minutes` after NOW_BASE_MS; negative goes back. */
export function timestampAt(minutesFromBase: number): string {
  return timestampFrom(NOW_BASE_MS, minutesFromBase);
}

/** A timestamp on `isoDate` at `minuteOfDay` (minutes after midnight UTC). */
export function timestampOn(isoDate: string, minuteOfDay: number): string {
  return isoTimestamp(parseDay(isoDate).getTime() + minuteOfDay * 60_000);
}

/** "Jun 18, 2026" */
export function formatDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "Thu, Jun 18" */
export function formatWeekdayDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "Jun 12, 2026, 2:40 PM" */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${formatDate(isoTimestamp)}, ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}
