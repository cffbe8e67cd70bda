import { TODAY, addDays, minutesOf, timestampAt, weekdayOf } from './clock.js';
import type { Calendar, CalendarData, CalendarEvent, Invitation, Person, Settings } from './model.js';
import { createRandom, type Random } from '../kit/random.js';
import {
  CALENDAR_TEMPLATES,
  DESCRIPTIONS,
  EVENT_TITLES,
  INVITATION_TITLES,
  LOCATIONS,
  RECURRING_TEMPLATES,
  TITLE_LOCATIONS,
  type CalendarKind,
} from './vocabulary-events.js';
import { EMAIL_DOMAIN, EXTERNAL_EMAILS, JOB_TITLES, PERSON_NAMES } from './vocabulary-people.js';

/** The signed-in user is always person 1. */
export const CURRENT_USER_ID = 1;

const SEASON_START = '2026-05-01';
const SEASON_DAYS = 92; // May 1 – Jul 31
const MINUTES_PER_DAY = 1440;

const CALENDAR_WEIGHTS: ReadonlyArray<readonly [CalendarKind, number]> = [
  ['Work', 45],
  ['Team', 14],
  ['Personal', 20],
  ['Travel', 8],
  ['Fitness', 13],
];

type Draft = Omit<CalendarEvent, 'id'>;

/** Deterministic calendar data: the same seed always gives byte-identical records. */
export function generateData(seed: number): CalendarData {
  const random = createRandom(seed);
  const people = generatePeople(random);
  const calendars = generateCalendars(random);
  const settings: Settings = {
    timeZone: random.weighted([
      ['Europe/Berlin', 4],
      ['Europe/London', 2],
      ['America/New_York', 2],
      ['UTC', 1],
    ]),
    weekStart: random.chance(0.7) ? 'monday' : 'sunday',
    defaultCalendarId: 1,
    defaultView: 'month',
  };
  const drafts = [...recurringEvents(random, calendars, settings), ...oneOffEvents(random, calendars, people, settings)];
  drafts.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.title.localeCompare(b.title));
  const events: CalendarEvent[] = drafts.map((draft, index) => ({ id: index + 1, ...draft }));
  const invitations = generateInvitations(random, people, events, calendars, settings);
  return { people, calendars, events, invitations, settings };
}

function generatePeople(random: Random): Person[] {
  const count = random.int(10, 13);
  const titles = random.shuffle(JOB_TITLES);
  return random
    .shuffle(PERSON_NAMES)
    .slice(0, count)
    .map(([first, last], index) => ({
      id: index + 1,
      name: `${first} ${last}`,
      initials: `${first[0]}${last[0]}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}@${EMAIL_DOMAIN}`,
      title: titles[index % titles.length]!,
    }));
}

function generateCalendars(random: Random): Calendar[] {
  const hidden = random.chance(0.5) ? random.pick(['Travel', 'Fitness', 'Personal']) : undefined;
  return CALENDAR_TEMPLATES.map((template, index) => ({
    id: index + 1,
    name: template.name,
    color: template.color,
    description: template.description,
    visible: template.name !== hidden,
    createdAt: timestampAt(-(400 - index) * MINUTES_PER_DAY),
  }));
}

function calendarId(calendars: readonly Calendar[], kind: CalendarKind): number {
  return calendars.find((calendar) => calendar.name === kind)!.id;
}

function stamp(random: Random, daysBack: [number, number]): string {
  return timestampAt(-random.int(daysBack[0] * MINUTES_PER_DAY, daysBack[1] * MINUTES_PER_DAY));
}

function recurringEvents(random: Random, calendars: readonly Calendar[], settings: Settings): Draft[] {
  const chosen = random.shuffle(RECURRING_TEMPLATES).slice(0, random.int(3, 4));
  return chosen.map((template) => {
    const weekday = random.int(1, 5);
    let date = addDays(SEASON_START, random.int(0, 10));
    if (template.repeats !== 'daily') while (weekdayOf(date) !== weekday) date = addDays(date, 1);
    const createdAt = stamp(random, [50, 80]);
    return {
      title: template.title,
      date,
      startTime: template.start,
      endTime: template.end,
      calendarId: calendarId(calendars, template.calendar),
      location: template.location,
      attendees: [],
      repeats: template.repeats,
      timeZone: settings.timeZone,
      description: random.pick(DESCRIPTIONS),
      organizerId: CURRENT_USER_ID,
      invitationId: null,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A start and end that fit the kind of event: office hours for work, evenings for personal plans. */
function eventTimes(random: Random, kind: CalendarKind, weekend: boolean): [string, string] {
  let start: number;
  let duration: number;
  if (kind === 'Work' || kind === 'Team') {
    start = random.int(17, 33) * 30; // 08:30 – 16:30
    duration = random.pick([30, 45, 60, 60, 60, 90, 120]);
  } else if (kind === 'Fitness') {
    start = minutesOf(random.pick(['07:00', '07:30', '12:00', '18:00', '18:30', '19:00']));
    duration = random.pick([45, 60, 75]);
  } else if (kind === 'Travel') {
    start = random.int(12, 38) * 30; // 06:00 – 19:00
    duration = random.pick([60, 90, 120, 150, 180]);
  } else {
    start = weekend ? random.int(20, 30) * 30 : random.int(35, 39) * 30; // 10:00-15:00 or 17:30-19:30
    duration = random.pick([30, 45, 60, 90, 120]);
  }
  return [clock(start), clock(Math.min(start + duration, 23 * 60 + 45))];
}

function oneOffEvents(random: Random, calendars: readonly Calendar[], people: readonly Person[], settings: Settings): Draft[] {
  const pools = new Map<CalendarKind, string[]>(
    CALENDAR_TEMPLATES.map((template) => [template.name, random.shuffle(EVENT_TITLES[template.name])]),
  );
  const colleagues = people.filter((person) => person.id !== CURRENT_USER_ID);
  const count = random.int(44, 48);
  const drafts: Draft[] = [];
  for (let index = 0; index < count; index += 1) {
    let kind = random.weighted(CALENDAR_WEIGHTS);
    if ((pools.get(kind) ?? []).length === 0) kind = CALENDAR_TEMPLATES.map((t) => t.name).find((name) => pools.get(name)!.length > 0)!;
    const title = pools.get(kind)!.pop()!;
    const office = kind === 'Work' || kind === 'Team';
    // The first few land today and in the current week so the default views are busy.
    let date = index < 2 ? TODAY : index < 8 ? addDays(TODAY, random.int(1, 4)) : addDays(SEASON_START, random.int(0, SEASON_DAYS - 1));
    if (office) while (weekdayOf(date) === 0 || weekdayOf(date) === 6) date = addDays(date, 1);
    const weekend = weekdayOf(date) === 0 || weekdayOf(date) === 6;
    const [startTime, endTime] = eventTimes(random, kind, weekend);
    const attendees = office
      ? random
          .shuffle(colleagues)
          .slice(0, random.int(1, 4))
          .map((person) => person.email)
      : kind === 'Personal' && random.chance(0.4)
        ? [random.pick(EXTERNAL_EMAILS)]
        : [];
    if (kind === 'Work' && /Globex|Initech|Acme|Customer|Partner|Vendor/.test(title)) attendees.push(random.pick(EXTERNAL_EMAILS));
    const organizerId = kind === 'Team' && random.chance(0.5) ? random.pick(colleagues).id : CURRENT_USER_ID;
    const createdAt = stamp(random, [2, 45]);
    drafts.push({
      title,
      date,
      startTime,
      endTime,
      calendarId: calendarId(calendars, kind),
      location: kind === 'Personal' && random.chance(0.1) ? '' : (TITLE_LOCATIONS[title] ?? random.pick(LOCATIONS[kind])),
      attendees: [...new Set(attendees)],
      repeats: 'none',
      timeZone:
        kind === 'Travel' && random.chance(0.5) ? random.pick(['Europe/London', 'Europe/Berlin', 'America/New_York']) : settings.timeZone,
      description: random.chance(0.7) ? random.pick(DESCRIPTIONS) : '',
      organizerId,
      invitationId: null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return drafts;
}

function generateInvitations(
  random: Random,
  people: readonly Person[],
  events: CalendarEvent[],
  calendars: readonly Calendar[],
  settings: Settings,
): Invitation[] {
  const organizers = people.filter((person) => person.id !== CURRENT_USER_ID);
  const titles = random.shuffle(INVITATION_TITLES);
  const pending = random.int(6, 7);
  const statuses: Array<Invitation['status']> = [
    ...Array.from({ length: pending }, () => 'pending' as const),
    'accepted',
    'declined',
    'declined',
  ];
  const invitations: Invitation[] = statuses.map((status, index) => {
    let date = addDays('2026-06-16', random.int(0, 38));
    while (weekdayOf(date) === 0 || weekdayOf(date) === 6) date = addDays(date, 1);
    const [startTime, endTime] = eventTimes(random, 'Work', false);
    const receivedAt = stamp(random, [1, 12]);
    return {
      id: index + 1,
      title: titles[index]!,
      organizerId: random.pick(organizers).id,
      date,
      startTime,
      endTime,
      location: random.pick(LOCATIONS.Work),
      description: random.pick(DESCRIPTIONS),
      status,
      eventId: null,
      receivedAt,
      respondedAt: status === 'pending' ? null : timestampAt(-random.int(10, 600)),
    };
  });
  invitations.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  invitations.forEach((invitation, index) => (invitation.id = index + 1));
  for (const invitation of invitations.filter((candidate) => candidate.status === 'accepted')) {
    const organizer = people.find((person) => person.id === invitation.organizerId)!;
    const event: CalendarEvent = {
      id: events.length + 1,
      title: invitation.title,
      date: invitation.date,
      startTime: invitation.startTime,
      endTime: invitation.endTime,
      calendarId: calendarId(calendars, 'Work'),
      location: invitation.location,
      attendees: [organizer.email],
      repeats: 'none',
      timeZone: settings.timeZone,
      description: invitation.description,
      organizerId: organizer.id,
      invitationId: invitation.id,
      createdAt: invitation.respondedAt!,
      updatedAt: invitation.respondedAt!,
    };
    events.push(event);
    invitation.eventId = event.id;
  }
  return invitations;
}
