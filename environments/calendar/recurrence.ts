import { addDays, dayOfMonth, daysBetween } from './clock.js';
import type { CalendarEvent, Occurrence } from './model.js';

/** Whether `event` has an occurrence on `date` (recurring events repeat forever from their date). */
export function occursOn(event: CalendarEvent, date: string): boolean {
  const offset = daysBetween(event.date, date);
  if (offset < 0) return false;
  switch (event.repeats) {
    case 'none':
      return offset === 0;
    case 'daily':
      return true;
    case 'weekly':
      return offset % 7 === 0;
    case 'monthly':
      // Months without that day (e.g. the 31st) are skipped.
      return dayOfMonth(date) === dayOfMonth(event.date);
  }
}

/** Every occurrence of `events` from `from` to `to` (inclusive), by date, then start time. */
export function occurrencesBetween(events: readonly CalendarEvent[], from: string, to: string): Occurrence[] {
  const result: Occurrence[] = [];
  const days = daysBetween(from, to);
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addDays(from, offset);
    for (const event of events) if (occursOn(event, date)) result.push({ event, date });
  }
  return result.sort(compareOccurrences);
}

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return (
    a.date.localeCompare(b.date) ||
    a.event.startTime.localeCompare(b.event.startTime) ||
    a.event.endTime.localeCompare(b.event.endTime) ||
    a.event.id - b.event.id
  );
}

/** The first occurrence on or after `from`, if the event has one. */
export function nextOccurrence(event: CalendarEvent, from: string): string | undefined {
  if (event.repeats === 'none') return event.date >= from ? event.date : undefined;
  if (event.date >= from) return event.date;
  for (let offset = 0; offset <= 62; offset += 1) {
    const date = addDays(from, offset);
    if (occursOn(event, date)) return date;
  }
  return undefined;
}
