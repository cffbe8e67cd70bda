import { html, type SafeHtml } from '../../kit/html.js';
import { NOW_TIME, TODAY, minutesOf } from '../clock.js';
import type { Occurrence } from '../model.js';
import type { CalendarStore } from '../store.js';
import { occurrenceHref } from './view-toolbar.js';

export const HOUR_HEIGHT = 48;

export interface HourRange {
  from: number;
  to: number;
}

/** 07:00–21:00, widened to whole hours around any earlier or later event. */
export function hourRange(occurrences: readonly Occurrence[]): HourRange {
  let from = 7;
  let to = 21;
  for (const { event } of occurrences) {
    from = Math.min(from, Math.floor(minutesOf(event.startTime) / 60));
    to = Math.max(to, Math.ceil(minutesOf(event.endTime) / 60));
  }
  return { from, to: Math.min(24, to) };
}

/** Side-by-side lanes for overlapping events: each gets a lane and its cluster's lane count. */
function layoutLanes(occurrences: readonly Occurrence[]): Array<{ occurrence: Occurrence; lane: number; lanes: number }> {
  const sorted = [...occurrences].sort(
    (a, b) => a.event.startTime.localeCompare(b.event.startTime) || b.event.endTime.localeCompare(a.event.endTime),
  );
  const placed: Array<{ occurrence: Occurrence; lane: number; lanes: number }> = [];
  let cluster: typeof placed = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    for (const entry of cluster) entry.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const occurrence of sorted) {
    const start = minutesOf(occurrence.event.startTime);
    const end = minutesOf(occurrence.event.endTime);
    if (start >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(end);
    } else laneEnds[lane] = end;
    const entry = { occurrence, lane, lanes: 1 };
    cluster.push(entry);
    placed.push(entry);
    clusterEnd = Math.max(clusterEnd, end);
  }
  closeCluster();
  return placed;
}

/** The hour labels down the left edge. */
export function hourGutter(range: HourRange): SafeHtml {
  const hours = Array.from({ length: range.to - range.from }, (_, index) => range.from + index);
  return html`<div class="gutter" aria-hidden="true">${hours.map((hour) => html`<div class="gutter-hour" style="height:${HOUR_HEIGHT}px"><span>${String(hour).padStart(2, '0')}:00</span></div>`)}</div>`;
}

/** One day's column: hour lines, the events as positioned links, and the now line on today. */
export function dayColumn(
  store: CalendarStore,
  date: string,
  occurrences: readonly Occurrence[],
  range: HourRange,
  detailed: boolean,
): SafeHtml {
  const top = (time: string) => ((minutesOf(time) - range.from * 60) / 60) * HOUR_HEIGHT;
  const blocks = layoutLanes(occurrences).map(({ occurrence, lane, lanes }) => {
    const { event } = occurrence;
    const calendar = store.calendarOf(event);
    const y = top(event.startTime);
    const height = Math.max(20, top(event.endTime) - y - 2);
    const compact = height < 40;
    const style = `top:${y}px;height:${height}px;left:calc(${(lane / lanes) * 100}% + 2px);width:calc(${100 / lanes}% - 5px);--cal:${calendar.color}`;
    const name = `${event.title}, ${event.startTime} – ${event.endTime}${detailed && event.location ? `, ${event.location}` : ''}`;
    return html`<a class="block${compact ? ' compact' : ''}" href="${occurrenceHref(occurrence)}" style="${style}" aria-label="${name}"><span class="block-title" aria-hidden="true">${event.title}</span> <span class="block-time" aria-hidden="true">${event.startTime} – ${event.endTime}</span>${detailed && event.location ? html` <span class="block-location" aria-hidden="true">${event.location}</span>` : ''}</a>`;
  });
  const nowLine =
    date === TODAY && minutesOf(NOW_TIME) >= range.from * 60 && minutesOf(NOW_TIME) <= range.to * 60
      ? html`<div class="now-line" style="top:${top(NOW_TIME)}px" aria-hidden="true"></div>`
      : '';
  return html`<div class="day-col${date === TODAY ? ' today' : ''}" style="height:${(range.to - range.from) * HOUR_HEIGHT}px">${nowLine}${blocks}</div>`;
}
