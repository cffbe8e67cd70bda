/** The shop's fixed clock: "today" is Monday 2026-06-15, 09:30 UTC, and the wall clock is never read. */
export const TODAY = '2026-06-15';
/** 09:30 UTC on TODAY; new records are stamped one minute apart after it. */
export const NOW_BASE_MS = Date.UTC(2026, 5, 15, 9, 30, 0);

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

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

/** A timestamp on `isoDate` at `minuteOfDay` (minutes after midnight UTC). */
export function timestampOn(isoDate: string, minuteOfDay: number): string {
  return new Date(parseDay(isoDate).getTime() + minuteOfDay * 60_000).toISOString().replace('.000Z', 'Z');
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
