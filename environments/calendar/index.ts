import type { AppServer, AppStartOptions, BundledApp } from '../../src/core/environment.js';
import { startServer } from './server.js';

/**
 * Meridian, a team calendar: month, week and day views with recurring events, an agenda list, event
 * details with attendees, invitations to accept or decline, calendars to show or hide, settings and
 * search. Server-rendered HTML; the only script auto-submits toggles and opens the delete dialog.
 */
export const calendar: BundledApp = {
  manifest: {
    id: 'calendar',
    title: 'Meridian (team calendar)',
    domain: 'calendar and scheduling',
    description:
      'A team calendar: month, week, day and agenda views with recurring events, event details and attendees, invitations, calendars to show or hide, settings and search.',
    startPath: '/month/2026-06',
    viewport: { width: 1280, height: 800 },
    allowedOrigins: [],
    hasStateProbe: true,
    affordances: [
      { route: '*', kind: 'search', description: 'search events from the top bar' },
      {
        route: '/month/:month',
        kind: 'navigate',
        description: 'step months with Previous/Next/Today, switch to week, day or list, open an event or a day',
      },
      { route: '*', kind: 'toggle', name: 'Show', description: 'show or hide a calendar from the sidebar' },
      { route: '/week/:date', kind: 'navigate', description: 'step weeks or days, open a day from its header or an event block' },
      { route: '/week/:date', kind: 'form', name: 'Go to date', description: 'jump to a date with the date picker' },
      {
        route: '/list',
        kind: 'navigate',
        description: 'switch between upcoming, past and all events, sort columns and page through the agenda',
      },
      { route: '/list', kind: 'read', description: 'read an event’s date, time, calendar or location from the agenda table' },
      {
        route: '/events/new',
        kind: 'form',
        name: 'New event',
        description: 'create an event with date, times, calendar, attendee, repeat rule and time zone',
      },
      { route: '/events/:id', kind: 'form', name: 'Add attendee', description: 'invite one more attendee by email' },
      { route: '/events/:id', kind: 'item-action', name: 'Remove', description: 'remove an attendee from the event' },
      { route: '/events/:id', kind: 'item-action', name: 'Duplicate', description: 'duplicate the event' },
      { route: '/events/:id', kind: 'item-action', name: 'Delete', description: 'delete the event through its confirmation dialog' },
      { route: '/events/:id/edit', kind: 'form', name: 'Edit event', description: 'reschedule or edit an event (prefilled form)' },
      { route: '/invitations', kind: 'item-action', name: 'Accept', description: 'accept a pending invitation, adding it to the calendar' },
      { route: '/invitations', kind: 'item-action', name: 'Decline', description: 'decline a pending invitation' },
      { route: '/invitations', kind: 'read', description: 'read an invitation’s organizer, date or time' },
      { route: '/calendars', kind: 'toggle', name: 'Show', description: 'show or hide a calendar from the calendars table' },
      { route: '/calendars', kind: 'form', name: 'New calendar', description: 'create a calendar with a name and color' },
      {
        route: '/settings',
        kind: 'form',
        name: 'Calendar settings',
        description: 'change time zone, first day of the week, default calendar and view',
      },
    ],
  },
  start(options: AppStartOptions): Promise<AppServer> {
    return startServer(options);
  },
};

export default calendar;
