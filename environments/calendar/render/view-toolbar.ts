import { html, type SafeHtml } from '../../kit/html.js';
import { TODAY } from '../clock.js';
import { VIEWS, VIEW_LABELS, type Occurrence, type ViewName } from '../model.js';
import type { CalendarStore } from '../store.js';
import { icon } from './icons.js';

export interface ToolbarOptions {
  view: ViewName;
  heading: string;
  subtitle: string;
  /** The date the view is anchored on (for switching views and the date picker). */
  anchor: string;
  previous: string;
  next: string;
  today: string;
  /** What "Previous"/"Next" step by, for their tooltips: "month", "week", "day". */
  unit: string;
}

export function viewHref(view: ViewName, date: string): string {
  if (view === 'month') return `/month/${date.slice(0, 7)}`;
  if (view === 'list') return '/list';
  return `/${view}/${date}`;
}

/** Where an occurrence links: the event, with the occurrence date for recurring events. */
export function occurrenceHref(occurrence: Occurrence): string {
  return occurrence.event.repeats === 'none' ? `/events/${occurrence.event.id}` : `/events/${occurrence.event.id}?on=${occurrence.date}`;
}

/** Heading, Today / Previous / Next, the view tabs and the Go to date picker. */
export function viewToolbar(options: ToolbarOptions): SafeHtml {
  const tabs = VIEWS.map(
    (view) =>
      html`<a class="seg${view === options.view ? ' active' : ''}" href="${viewHref(view, options.anchor)}"${view === options.view ? html` aria-current="page"` : ''}>${VIEW_LABELS[view]}</a>`,
  );
  const stepper =
    options.view === 'list'
      ? ''
      : html`<div class="stepper">
          <a class="button" href="${options.today}"${options.anchor === TODAY ? html` aria-current="date"` : ''}>Today</a>
          <a class="button icon-button" href="${options.previous}" aria-label="Previous" title="Previous ${options.unit}">${icon('chevronLeft')}</a>
          <a class="button icon-button" href="${options.next}" aria-label="Next" title="Next ${options.unit}">${icon('chevronRight')}</a>
        </div>`;
  const picker =
    options.view === 'list'
      ? ''
      : html`<form method="get" action="/goto" aria-label="Go to date" class="goto-form">
          <input type="hidden" name="view" value="${options.view}">
          <label for="goto-date" class="visually-hidden">Date</label>
          <input type="date" id="goto-date" name="date" value="" min="2000-01-01" max="2099-12-31">
          <button type="submit" class="button">Go</button>
        </form>`;
  return html`<div class="view-toolbar">
    <div class="view-title">${stepper}<div><h1>${options.heading}</h1><p class="subtitle">${options.subtitle}</p></div></div>
    <div class="view-tools">${picker}<nav aria-label="Calendar views" class="segmented">${tabs}</nav></div>
  </div>`;
}

/** "3 events" / "1 event", counting occurrences. */
export function countLabel(count: number, noun = 'event'): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A note when some calendars are switched off, so empty views explain themselves. */
export function hiddenNote(store: CalendarStore): SafeHtml {
  const hidden = store.calendars.filter((calendar) => !calendar.visible);
  if (hidden.length === 0) return html``;
  return html`<p class="hidden-note">${icon('layers')}<span>Hidden: ${hidden.map((calendar) => calendar.name).join(', ')}. Turn calendars on under My calendars.</span></p>`;
}
