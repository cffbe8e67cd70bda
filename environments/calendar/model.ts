/** The calendar's domain records, as kept in memory by the store, and their human labels. */

export const REPEATS = ['none', 'daily', 'weekly', 'monthly'] as const;
export type Repeats = (typeof REPEATS)[number];

export const REPEATS_LABELS: Record<Repeats, string> = {
  none: 'Does not repeat',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
};

export function isRepeats(value: string): value is Repeats {
  return (REPEATS as readonly string[]).includes(value);
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: 'Awaiting response',
  accepted: 'Accepted',
  declined: 'Declined',
};

export const VIEWS = ['month', 'week', 'day', 'list'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewName, string> = { month: 'Month', week: 'Week', day: 'Day', list: 'List' };

export function isViewName(value: string): value is ViewName {
  return (VIEWS as readonly string[]).includes(value);
}

export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];
export const WEEK_START_LABELS: Record<WeekStart, string> = { monday: 'Monday', sunday: 'Sunday' };

export function isWeekStart(value: string): value is WeekStart {
  return (WEEK_STARTS as readonly string[]).includes(value);
}

/** Time zones offered in the event form and settings (offsets as of June 2026). */
export const TIME_ZONES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'UTC', label: 'UTC (GMT+0)' },
  { value: 'Europe/London', label: 'London (GMT+1)' },
  { value: 'Europe/Berlin', label: 'Berlin (GMT+2)' },
  { value: 'Europe/Helsinki', label: 'Helsinki (GMT+3)' },
  { value: 'Asia/Kolkata', label: 'Kolkata (GMT+5:30)' },
  { value: 'Asia/Singapore', label: 'Singapore (GMT+8)' },
  { value: 'Asia/Tokyo', label: 'Tokyo (GMT+9)' },
  { value: 'Australia/Sydney', label: 'Sydney (GMT+10)' },
  { value: 'America/Sao_Paulo', label: 'São Paulo (GMT-3)' },
  { value: 'America/New_York', label: 'New York (GMT-4)' },
  { value: 'America/Chicago', label: 'Chicago (GMT-5)' },
  { value: 'America/Los_Angeles', label: 'Los Angeles (GMT-7)' },
];

export function timeZoneLabel(value: string): string {
  return TIME_ZONES.find((zone) => zone.value === value)?.label ?? value;
}

export function isTimeZone(value: string): boolean {
  return TIME_ZONES.some((zone) => zone.value === value);
}

export interface Person {
  id: number;
  name: string;
  initials: string;
  email: string;
  title: string;
}

export interface Calendar {
  id: number;
  name: string;
  color: string;
  description: string;
  visible: boolean;
  createdAt: string;
}

export interface CalendarEvent {
  id: number;
  title: string;
  /** YYYY-MM-DD of the first (or only) occurrence. */
  date: string;
  /** HH:MM, 24-hour, in the event's time zone. */
  startTime: string;
  endTime: string;
  calendarId: number;
  location: string;
  /** Email addresses, in the order they were added. */
  attendees: string[];
  repeats: Repeats;
  timeZone: string;
  description: string;
  organizerId: number;
  /** The invitation this event came from, when it was accepted from the inbox. */
  invitationId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Invitation {
  id: number;
  title: string;
  organizerId: number;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  description: string;
  status: InvitationStatus;
  /** The event created when the invitation was accepted. */
  eventId: number | null;
  receivedAt: string;
  respondedAt: string | null;
}

export interface Settings {
  timeZone: string;
  weekStart: WeekStart;
  defaultCalendarId: number;
  defaultView: ViewName;
}

export interface CalendarData {
  people: Person[];
  calendars: Calendar[];
  events: CalendarEvent[];
  invitations: Invitation[];
  settings: Settings;
}

/** One appearance of an event on a day (a recurring event has many). */
export interface Occurrence {
  event: CalendarEvent;
  date: string;
}
