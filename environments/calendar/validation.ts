import { isValidIsoDate, isValidTime, minutesOf, normalizeTime } from './clock.js';
import { isRepeats, isTimeZone, isViewName, isWeekStart, type Repeats, type Settings } from './model.js';
import type { CalendarInput, CalendarStore, EventInput } from './store.js';
import { CALENDAR_COLORS } from './vocabulary-people.js';

export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E };

export const TITLE_MAX_LENGTH = 120;
const EMAIL = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"()]{2,}$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

/** "a@x.com, b@y.org" (commas, semicolons or spaces) → distinct addresses, and the first malformed one. */
export function parseEmailList(value: string): { emails: string[]; invalid: string | undefined } {
  const parts = value
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const invalid = parts.find((part) => !isEmail(part));
  const emails: string[] = [];
  for (const part of parts) if (!emails.some((email) => email.toLowerCase() === part.toLowerCase())) emails.push(part);
  return { emails, invalid };
}

export interface EventFormValues {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  calendarId: string;
  location: string;
  attendees: string;
  repeats: string;
  timeZone: string;
  description: string;
}

export type EventField = keyof EventFormValues;
export type EventFieldErrors = Partial<Record<EventField, string>>;

export const EVENT_FIELDS: readonly EventField[] = [
  'title',
  'date',
  'startTime',
  'endTime',
  'calendarId',
  'location',
  'attendees',
  'repeats',
  'timeZone',
  'description',
];

export function eventFormValues(form: URLSearchParams): EventFormValues {
  const get = (name: EventField) => form.get(name) ?? '';
  return {
    title: get('title'),
    date: get('date'),
    startTime: get('startTime'),
    endTime: get('endTime'),
    calendarId: get('calendarId'),
    location: get('location'),
    attendees: get('attendees'),
    repeats: get('repeats') || 'none',
    timeZone: get('timeZone'),
    description: get('description'),
  };
}

/** Reads the New event and Edit event forms. */
export function parseEventForm(store: CalendarStore, values: EventFormValues): Result<EventInput, EventFieldErrors> {
  const errors: EventFieldErrors = {};
  const title = values.title.trim().replace(/\s+/g, ' ');
  if (title === '') errors.title = 'Title is required';
  else if (title.length > TITLE_MAX_LENGTH) errors.title = `Title must be at most ${TITLE_MAX_LENGTH} characters`;

  const date = values.date.trim();
  if (date === '') errors.date = 'Date is required';
  else if (!isValidIsoDate(date)) errors.date = 'Date must be a valid date (YYYY-MM-DD)';

  const startTime = normalizeTime(values.startTime);
  const endTime = normalizeTime(values.endTime);
  if (startTime === '') errors.startTime = 'Start time is required';
  else if (!isValidTime(startTime)) errors.startTime = 'Start time must be a time like 09:30';
  if (endTime === '') errors.endTime = 'End time is required';
  else if (!isValidTime(endTime)) errors.endTime = 'End time must be a time like 17:00';
  else if (errors.startTime === undefined && minutesOf(endTime) <= minutesOf(startTime))
    errors.endTime = 'End time must be after the start time';

  const calendar = /^\d+$/.test(values.calendarId.trim()) ? store.calendar(Number(values.calendarId)) : undefined;
  if (calendar === undefined) errors.calendarId = 'Choose a calendar';

  const { emails, invalid } = parseEmailList(values.attendees);
  if (invalid !== undefined) errors.attendees = `\u201c${invalid}\u201d is not a valid email address`;

  const repeats = values.repeats.trim() || 'none';
  if (!isRepeats(repeats)) errors.repeats = 'Choose how the event repeats';

  const timeZone = values.timeZone.trim() || store.settings.timeZone;
  if (!isTimeZone(timeZone)) errors.timeZone = 'Choose a valid time zone';

  const location = values.location.trim().replace(/\s+/g, ' ');
  if (location.length > 200) errors.location = 'Location must be at most 200 characters';

  if (Object.keys(errors).length > 0 || calendar === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      date,
      startTime,
      endTime,
      calendarId: calendar.id,
      location,
      attendees: emails,
      repeats: repeats as Repeats,
      timeZone,
      description: values.description.trim(),
    },
  };
}

export interface CalendarFieldErrors {
  name?: string;
  color?: string;
}

export function parseCalendarForm(store: CalendarStore, form: URLSearchParams): Result<CalendarInput, CalendarFieldErrors> {
  const errors: CalendarFieldErrors = {};
  const name = (form.get('name') ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = 'Name is required';
  else if (name.length > 60) errors.name = 'Name must be at most 60 characters';
  else if (store.calendars.some((calendar) => calendar.name.toLowerCase() === name.toLowerCase())) {
    errors.name = `A calendar named \u201c${name}\u201d already exists`;
  }
  const used = new Set(store.calendars.map((calendar) => calendar.color));
  const fallback = CALENDAR_COLORS.find((color) => !used.has(color.value))?.value ?? CALENDAR_COLORS[0]!.value;
  const color = (form.get('color') ?? '').trim() || fallback;
  if (!CALENDAR_COLORS.some((option) => option.value === color)) errors.color = 'Choose a color';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, color, description: (form.get('description') ?? '').trim() } };
}

export type SettingsFieldErrors = Partial<Record<keyof Settings, string>>;

export function parseSettingsForm(store: CalendarStore, form: URLSearchParams): Result<Settings, SettingsFieldErrors> {
  const errors: SettingsFieldErrors = {};
  const current = store.settings;
  const timeZone = form.get('timeZone') ?? current.timeZone;
  if (!isTimeZone(timeZone)) errors.timeZone = 'Choose a valid time zone';
  const weekStart = form.get('weekStart') ?? current.weekStart;
  if (!isWeekStart(weekStart)) errors.weekStart = 'Choose Monday or Sunday';
  const defaultView = form.get('defaultView') ?? current.defaultView;
  if (!isViewName(defaultView)) errors.defaultView = 'Choose a default view';
  const calendarValue = form.get('defaultCalendarId') ?? String(current.defaultCalendarId);
  const calendar = /^\d+$/.test(calendarValue) ? store.calendar(Number(calendarValue)) : undefined;
  if (calendar === undefined) errors.defaultCalendarId = 'Choose a default calendar';
  if (Object.keys(errors).length > 0 || calendar === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      timeZone,
      weekStart: weekStart as Settings['weekStart'],
      defaultView: defaultView as Settings['defaultView'],
      defaultCalendarId: calendar.id,
    },
  };
}

/** A same-origin path to go back to after a row action; anything else falls back. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
