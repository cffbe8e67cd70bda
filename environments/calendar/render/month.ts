import { html, type SafeHtml } from '../../kit/html.js';
import { LONG_MONTHS, SHORT_WEEKDAYS, TODAY, addDays, addMonths, dayOfMonth, formatMonth, startOfWeek, weekdayOf } from '../clock.js';
import type { Occurrence } from '../model.js';
import { occurrencesBetween } from '../recurrence.js';
import type { CalendarStore } from '../store.js';
import { layout } from './layout.js';
import { countLabel, hiddenNote, occurrenceHref, viewToolbar } from './view-toolbar.js';

const MAX_PER_CELL = 3;

/** Month grid: whole weeks covering the month, up to three events per day and a "+N more" link. */
export function renderMonth(store: CalendarStore, month: string, flash: string | undefined, path: string): string {
  const weekStart = store.settings.weekStart === 'sunday' ? 0 : 1;
  const first = `${month}-01`;
  const gridStart = startOfWeek(first, weekStart);
  const nextMonthFirst = `${addMonths(month, 1)}-01`;
  const weeks = Math.ceil(Math.round((Date.parse(nextMonthFirst) - Date.parse(gridStart)) / 86_400_000) / 7);
  const gridEnd = addDays(gridStart, weeks * 7 - 1);
  const occurrences = occurrencesBetween(store.visibleEvents(), gridStart, gridEnd);
  const byDay = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) byDay.set(occurrence.date, [...(byDay.get(occurrence.date) ?? []), occurrence]);
  const inMonth = occurrences.filter((occurrence) => occurrence.date.startsWith(month)).length;

  const headers = Array.from(
    { length: 7 },
    (_, index) => html`<div class="month-dow" aria-hidden="true">${SHORT_WEEKDAYS[(weekStart + index) % 7]}</div>`,
  );
  const cells: SafeHtml[] = [];
  for (let index = 0; index < weeks * 7; index += 1) {
    const date = addDays(gridStart, index);
    cells.push(dayCell(store, date, byDay.get(date) ?? [], date.startsWith(month)));
  }
  const body = html`
    ${viewToolbar({
      view: 'month',
      heading: formatMonth(month),
      subtitle: `${countLabel(inMonth)} this month`,
      anchor: month === TODAY.slice(0, 7) ? TODAY : first,
      previous: `/month/${addMonths(month, -1)}`,
      next: `/month/${addMonths(month, 1)}`,
      today: `/month/${TODAY.slice(0, 7)}`,
      unit: 'month',
    })}
    ${hiddenNote(store)}
    <section class="card month" aria-label="${formatMonth(month)}">
      <div class="month-head">${headers}</div>
      <div class="month-grid" style="--weeks:${weeks}">${cells}</div>
    </section>`;
  return layout(store, { title: formatMonth(month), section: 'calendar', path, flash, body });
}

function dayCell(store: CalendarStore, date: string, occurrences: Occurrence[], inMonth: boolean): SafeHtml {
  const [, month] = date.split('-').map(Number);
  const dayName = `${LONG_MONTHS[(month ?? 1) - 1]} ${dayOfMonth(date)}`;
  const shown = occurrences.slice(0, occurrences.length > MAX_PER_CELL ? MAX_PER_CELL - 1 : MAX_PER_CELL);
  const more = occurrences.length - shown.length;
  const classes = ['month-cell', inMonth ? '' : 'outside', date === TODAY ? 'today' : '', weekdayOf(date) % 6 === 0 ? 'weekend' : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="${classes}">
    <a class="day-number" href="/day/${date}" aria-label="${dayName}"${date === TODAY ? html` aria-current="date"` : ''}>${dayOfMonth(date) === 1 ? `${dayName.slice(0, 3)} 1` : dayOfMonth(date)}</a>
    ${
      shown.length > 0
        ? html`<ul class="month-events">${shown.map((occurrence) => {
            const calendar = store.calendarOf(occurrence.event);
            return html`<li><a class="chip" href="${occurrenceHref(occurrence)}" style="--cal:${calendar.color}" aria-label="${occurrence.event.startTime} ${occurrence.event.title}"><span class="chip-dot"></span><span class="chip-time" aria-hidden="true">${occurrence.event.startTime}</span> <span class="chip-title" aria-hidden="true">${occurrence.event.title}</span></a></li>`;
          })}</ul>`
        : ''
    }
    ${more > 0 ? html`<a class="more-link" href="/day/${date}" aria-label="${more} more on ${dayName}">+${more} more</a>` : ''}
  </div>`;
}
