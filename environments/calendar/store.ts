import { timestampAt } from './clock.js';
import { CURRENT_USER_ID, generateData } from './data.js';
import type { Calendar, CalendarData, CalendarEvent, Invitation, Person, Repeats, Settings } from './model.js';

export interface EventInput {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  calendarId: number;
  location: string;
  attendees: string[];
  repeats: Repeats;
  timeZone: string;
  description: string;
}

export interface CalendarInput {
  name: string;
  color: string;
  description: string;
}

/** One episode's in-memory calendar. Every mutation stamps records from the fixed app clock. */
export class CalendarStore {
  private data: CalendarData;
  /** Minutes past NOW_BASE; advances by one per mutation so new records sort after seeded ones. */
  private tick = 0;
  /** Highest event id ever deleted, so ids are never reused within an episode. */
  private retiredEventId = 0;

  constructor(seed: number) {
    this.data = generateData(seed);
  }

  reset(seed: number): void {
    this.data = generateData(seed);
    this.tick = 0;
    this.retiredEventId = 0;
  }

  get people(): readonly Person[] {
    return this.data.people;
  }
  get calendars(): readonly Calendar[] {
    return this.data.calendars;
  }
  get events(): readonly CalendarEvent[] {
    return this.data.events;
  }
  get invitations(): readonly Invitation[] {
    return this.data.invitations;
  }
  get settings(): Readonly<Settings> {
    return this.data.settings;
  }

  now(): string {
    return timestampAt(this.tick);
  }

  currentUser(): Person {
    return this.person(CURRENT_USER_ID)!;
  }

  person(id: number): Person | undefined {
    return this.data.people.find((person) => person.id === id);
  }

  personByEmail(email: string): Person | undefined {
    return this.data.people.find((person) => person.email.toLowerCase() === email.toLowerCase());
  }

  calendar(id: number): Calendar | undefined {
    return this.data.calendars.find((calendar) => calendar.id === id);
  }

  calendarOf(event: CalendarEvent): Calendar {
    return this.calendar(event.calendarId) ?? this.data.calendars[0]!;
  }

  event(id: number): CalendarEvent | undefined {
    return this.data.events.find((event) => event.id === id);
  }

  invitation(id: number): Invitation | undefined {
    return this.data.invitations.find((invitation) => invitation.id === id);
  }

  /** Events on calendars that are switched on. */
  visibleEvents(): CalendarEvent[] {
    const shown = new Set(this.data.calendars.filter((calendar) => calendar.visible).map((calendar) => calendar.id));
    return this.data.events.filter((event) => shown.has(event.calendarId));
  }

  pendingInvitations(): Invitation[] {
    return this.data.invitations.filter((invitation) => invitation.status === 'pending');
  }

  createEvent(input: EventInput, organizerId = CURRENT_USER_ID, invitationId: number | null = null): CalendarEvent {
    const at = this.advance();
    const event: CalendarEvent = {
      id: Math.max(this.retiredEventId, ...this.data.events.map((candidate) => candidate.id), 0) + 1,
      ...input,
      attendees: [...input.attendees],
      organizerId,
      invitationId,
      createdAt: at,
      updatedAt: at,
    };
    this.data.events.push(event);
    return event;
  }

  updateEvent(event: CalendarEvent, input: EventInput): void {
    Object.assign(event, input, { attendees: [...input.attendees], updatedAt: this.advance() });
  }

  deleteEvent(event: CalendarEvent): void {
    this.advance();
    this.retiredEventId = Math.max(this.retiredEventId, event.id);
    this.data.events = this.data.events.filter((candidate) => candidate.id !== event.id);
    for (const invitation of this.data.invitations) if (invitation.eventId === event.id) invitation.eventId = null;
  }

  /** A copy titled "<title> (copy)" on the same day, organized by the current user. */
  duplicateEvent(event: CalendarEvent): CalendarEvent {
    const { title, date, startTime, endTime, calendarId, location, attendees, repeats, timeZone, description } = event;
    return this.createEvent({
      title: `${title} (copy)`,
      date,
      startTime,
      endTime,
      calendarId,
      location,
      attendees,
      repeats,
      timeZone,
      description,
    });
  }

  addAttendee(event: CalendarEvent, email: string): boolean {
    if (event.attendees.some((existing) => existing.toLowerCase() === email.toLowerCase())) return false;
    event.attendees.push(email);
    event.updatedAt = this.advance();
    return true;
  }

  removeAttendee(event: CalendarEvent, email: string): boolean {
    const before = event.attendees.length;
    event.attendees = event.attendees.filter((existing) => existing.toLowerCase() !== email.toLowerCase());
    if (event.attendees.length === before) return false;
    event.updatedAt = this.advance();
    return true;
  }

  /** Accepting adds the meeting to the default calendar, with the organizer as an attendee. */
  respond(invitation: Invitation, accept: boolean): CalendarEvent | undefined {
    const at = this.advance();
    invitation.status = accept ? 'accepted' : 'declined';
    invitation.respondedAt = at;
    if (!accept || invitation.eventId !== null) return undefined;
    const organizer = this.person(invitation.organizerId);
    const event = this.createEvent(
      {
        title: invitation.title,
        date: invitation.date,
        startTime: invitation.startTime,
        endTime: invitation.endTime,
        calendarId: this.calendar(this.settings.defaultCalendarId)?.id ?? this.data.calendars[0]!.id,
        location: invitation.location,
        attendees: organizer ? [organizer.email] : [],
        repeats: 'none',
        timeZone: this.settings.timeZone,
        description: invitation.description,
      },
      invitation.organizerId,
      invitation.id,
    );
    invitation.eventId = event.id;
    return event;
  }

  setCalendarVisible(calendar: Calendar, visible: boolean): void {
    this.advance();
    calendar.visible = visible;
  }

  createCalendar(input: CalendarInput): Calendar {
    const calendar: Calendar = {
      id: Math.max(0, ...this.data.calendars.map((candidate) => candidate.id)) + 1,
      ...input,
      visible: true,
      createdAt: this.advance(),
    };
    this.data.calendars.push(calendar);
    return calendar;
  }

  updateSettings(settings: Settings): void {
    this.advance();
    this.data.settings = { ...settings };
  }

  private advance(): string {
    this.tick += 1;
    return timestampAt(this.tick);
  }
}
