/**
 * The app's fixed clock and date helpers. "Today" is always 2026-06-15 (a Monday) 09:30 UTC; the wall
 * clock is never read. Dates are plain YYYY-MM-DD strings, times HH:MM strings.
 */
import {
  addDays,
  isValidIsoDate as isRealIsoDate,
  LONG_MONTHS,
  parseDay,
  SHORT_MONTHS,
  SHORT_WEEKDAYS,
  timestampFrom,
  WEEKDAYS,
} from '../kit/dates.js';
export { LONG_MONTHS, SHORT_MONTHS, SHORT_WEEKDAYS, WEEKDAYS, addDays, daysBetween } from '../kit/dates.js';

export const TODAY = '2026-06-15';
export const NOW_TIME = '09:30';
/** Seeded records are stamped before this instant; new records are stamped after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);

/** Whether `value` is a real calendar date written YYYY-MM-DD (years 2000-2099). */
export function isValidIsoDate(value: string): boolean {
  return value.startsWith('20') && isRealIsoDate(value);
}

/** Whether `value` is a month written YYYY-MM (years 2000-2099). */
export function isValidIsoMonth(value: string): boolean {
  return /^20\d{2}-(0[1-9]|1[0-2])$/.test(value);
}

/** Whether `value` is a time of day written HH:MM (24-hour). */
export function isValidTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** "9:05" or "09:05" → "09:05"; anything else unchanged. */
export function normalizeTime(value: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : value.trim();
}

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(isoDate: string): number {
  return parseDay(isoDate).getUTCDay();
}

export function dayOfMonth(isoDate: string): number {
  return parseDay(isoDate).getUTCDate();
}

/** The first day of the week containing `isoDate`; `weekStart` 0 = Sunday, 1 = Monday. */
export function startOfWeek(isoDate: string, weekStart: number): string {
  return addDays(isoDate, -((weekdayOf(isoDate) - weekStart + 7) % 7));
}

/** "2026-06" → "2026-07" (or -1 for the previous month). */
export function addMonths(isoMonth: string, months: number): string {
  const [year, month] = isoMonth.split('-').map(Number);
  const index = (year ?? 2026) * 12 + ((month ?? 1) - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function daysInMonth(isoMonth: string): number {
  const [year, month] = isoMonth.split('-').map(Number);
  return new Date(Date.UTC(year ?? 2026, month ?? 1, 0)).getUTCDate();
}

/** An ISO timestamp (seconds precision, UTC) `minutes` after NOW_BASE_MS; negative goes back. */
export function timestampAt(minutesFromBase: number): string {
  return timestampFrom(NOW_BASE_MS, minutesFromBase);
}

/** "Jun 18, 2026" */
export function formatDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "Thu, Jun 18" */
export function formatShortDay(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${SHORT_WEEKDAYS[date.getUTCDay()]}, ${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "Monday, June 15, 2026" */
export function formatLongDate(isoDate: string): string {
  const date = parseDay(isoDate);
  return `${WEEKDAYS[date.getUTCDay()]}, ${LONG_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "June 2026" */
export function formatMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-').map(Number);
  return `${LONG_MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "Jun 15 – 21, 2026", "Jun 29 – Jul 5, 2026" or "Dec 28, 2026 – Jan 3, 2027" */
export function formatRange(from: string, to: string): string {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${formatDate(from)} – ${formatDate(to)}`;
  const left = `${SHORT_MONTHS[a.getUTCMonth()]} ${a.getUTCDate()}`;
  const right = a.getUTCMonth() === b.getUTCMonth() ? `${b.getUTCDate()}` : `${SHORT_MONTHS[b.getUTCMonth()]} ${b.getUTCDate()}`;
  return `${left} – ${right}, ${b.getUTCFullYear()}`;
}

/** "Jun 12, 14:40" from an ISO timestamp (UTC). */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${time}`;
}

/** "09:00 – 10:30" */
export function formatTimeRange(start: string, end: string): string {
  return `${start} – ${end}`;
}

/** "1 h 30 min", "45 min", "2 h" */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
