import { WEEKDAYS, formatDate, formatTimeRange, minutesOf, weekdayOf } from './clock.js';
import { INVITATION_STATUS_LABELS, REPEATS_LABELS, VIEW_LABELS, WEEK_START_LABELS, timeZoneLabel } from './model.js';
import type { CalendarStore } from './store.js';
import { colorLabel } from './vocabulary-people.js';

type Scalar = string | number | boolean | null;
export type StateRecord = Record<string, Scalar>;
export type CollectionName = 'events' | 'invitations' | 'calendars' | 'settings' | 'people';

/**
 * The state probe's JSON: flat records of scalars carrying both ids and the values the pages show
 * (names, labels, formatted dates), so a checker can match on either.
 */
export function buildState(store: CalendarStore): Record<CollectionName, StateRecord[]> {
  const settings = store.settings;
  return {
    events: store.events.map((event) => {
      const calendar = store.calendarOf(event);
      const organizer = store.person(event.organizerId);
      return {
        id: event.id,
        title: event.title,
        date: event.date,
        dateLabel: formatDate(event.date),
        weekday: WEEKDAYS[weekdayOf(event.date)]!,
        startTime: event.startTime,
        endTime: event.endTime,
        timeLabel: formatTimeRange(event.startTime, event.endTime),
        durationMinutes: minutesOf(event.endTime) - minutesOf(event.startTime),
        calendarId: calendar.id,
        calendarName: calendar.name,
        calendarVisible: calendar.visible,
        location: event.location,
        attendees: event.attendees.join(', '),
        attendeeCount: event.attendees.length,
        repeats: event.repeats,
        repeatsLabel: REPEATS_LABELS[event.repeats],
        recurring: event.repeats !== 'none',
        timeZone: event.timeZone,
        timeZoneLabel: timeZoneLabel(event.timeZone),
        description: event.description,
        organizerName: organizer?.name ?? null,
        organizerEmail: organizer?.email ?? null,
        invitationId: event.invitationId,
        createdAt: event.createdAt,
        updatedAt: event.updatedAt,
      };
    }),
    invitations: store.invitations.map((invitation) => {
      const organizer = store.person(invitation.organizerId);
      return {
        id: invitation.id,
        title: invitation.title,
        organizerName: organizer?.name ?? null,
        organizerEmail: organizer?.email ?? null,
        date: invitation.date,
        dateLabel: formatDate(invitation.date),
        startTime: invitation.startTime,
        endTime: invitation.endTime,
        timeLabel: formatTimeRange(invitation.startTime, invitation.endTime),
        location: invitation.location,
        description: invitation.description,
        status: invitation.status,
        statusLabel: INVITATION_STATUS_LABELS[invitation.status],
        eventId: invitation.eventId,
        receivedAt: invitation.receivedAt,
        respondedAt: invitation.respondedAt,
      };
    }),
    calendars: store.calendars.map((calendar) => ({
      id: calendar.id,
      name: calendar.name,
      color: calendar.color,
      colorLabel: colorLabel(calendar.color),
      description: calendar.description,
      visible: calendar.visible,
      eventCount: store.events.filter((event) => event.calendarId === calendar.id).length,
      isDefault: calendar.id === settings.defaultCalendarId,
      createdAt: calendar.createdAt,
    })),
    settings: [
      {
        id: 1,
        timeZone: settings.timeZone,
        timeZoneLabel: timeZoneLabel(settings.timeZone),
        weekStart: settings.weekStart,
        weekStartLabel: WEEK_START_LABELS[settings.weekStart],
        defaultCalendarId: settings.defaultCalendarId,
        defaultCalendarName: store.calendar(settings.defaultCalendarId)?.name ?? null,
        defaultView: settings.defaultView,
        defaultViewLabel: VIEW_LABELS[settings.defaultView],
      },
    ],
    people: store.people.map((person) => ({
      id: person.id,
      name: person.name,
      email: person.email,
      title: person.title,
      isCurrentUser: person.id === store.currentUser().id,
    })),
  };
}
