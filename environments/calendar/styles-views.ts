/** The calendar views: toolbar, month grid, week and day timelines. */
export const VIEW_STYLES = `
/* Toolbar */
.view-toolbar { display: flex; justify-content: space-between; align-items: center; gap: 16px; margin-bottom: 14px; }
.view-title { display: flex; align-items: center; gap: 16px; }
.view-title h1 { font-size: 21px; }
.view-title .subtitle { margin-top: 1px; font-size: 13px; }
.stepper { display: flex; gap: 6px; }
.view-tools { display: flex; align-items: center; gap: 12px; }
.goto-form { display: flex; gap: 6px; align-items: center; }
.goto-form input[type="date"] { width: 150px; height: 34px; }
.segmented { display: inline-flex; background: #e9edf4; border-radius: 9px; padding: 3px; gap: 2px; }
.seg { padding: 5px 14px; border-radius: 7px; color: var(--text-2); font-weight: 550; font-size: 13px; }
.seg:hover { color: var(--text); text-decoration: none; background: rgba(255,255,255,0.6); }
.seg.active { background: #fff; color: var(--text); box-shadow: 0 1px 2px rgba(16,24,40,0.12); }
.hidden-note { display: flex; gap: 8px; align-items: center; color: #8a5a00; background: #fff8e8; border: 1px solid #fbe3ad; border-radius: 9px; padding: 7px 12px; margin-bottom: 12px; font-size: 13px; }

/* Month */
.month { overflow: hidden; }
.month-head { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); border-bottom: 1px solid var(--border); background: #fafbfd; }
.month-dow { padding: 8px 10px; font-size: 11.5px; font-weight: 650; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.month-grid { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); grid-auto-rows: minmax(100px, auto); }
.month-cell { border-right: 1px solid #edf0f5; border-bottom: 1px solid #edf0f5; padding: 5px 6px 6px; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.month-cell:nth-child(7n) { border-right: none; }
.month-cell.weekend { background: #fcfcfe; }
.month-cell.outside { background: #f8f9fb; }
.month-cell.outside .day-number { color: #a3acbb; }
.day-number { align-self: flex-start; min-width: 26px; height: 26px; padding: 0 6px; border-radius: 13px; display: inline-grid; place-items: center; font-size: 12.5px; font-weight: 600; color: var(--text-2); }
.day-number:hover { background: #eef1f6; text-decoration: none; }
.month-cell.today .day-number { background: var(--accent); color: #fff; }
.month-events { display: flex; flex-direction: column; gap: 2px; }
.chip { display: flex; align-items: center; gap: 5px; padding: 1px 6px; border-radius: 5px; font-size: 12px; color: var(--text); white-space: nowrap; overflow: hidden; line-height: 19px; }
.chip:hover { background: color-mix(in srgb, var(--cal) 12%, white); text-decoration: none; }
.chip-dot { width: 7px; height: 7px; border-radius: 50%; background: var(--cal); flex: none; }
.chip-time { color: var(--muted); font-variant-numeric: tabular-nums; flex: none; }
.chip-title { overflow: hidden; text-overflow: ellipsis; font-weight: 550; }
.more-link { font-size: 12px; font-weight: 600; color: var(--text-2); padding: 0 6px; }

/* Timelines */
.timeline { overflow: hidden; }
.timeline-head { display: flex; border-bottom: 1px solid var(--border); background: #fafbfd; }
.gutter-head, .gutter { width: 58px; flex: none; }
.week-day-head { flex: 1; display: flex; flex-direction: column; align-items: center; padding: 7px 0 8px; color: var(--text-2); border-left: 1px solid #edf0f5; }
.week-day-head:hover { background: #f1f4f9; text-decoration: none; }
.week-day-head .dow { font-size: 11.5px; font-weight: 650; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.week-day-head .dom { font-size: 19px; font-weight: 650; width: 34px; height: 34px; border-radius: 50%; display: grid; place-items: center; }
.week-day-head.today .dom { background: var(--accent); color: #fff; }
.week-day-head.today .dow { color: var(--accent); }
.timeline-body { display: flex; max-height: 590px; overflow-y: auto; }
.gutter-hour { position: relative; border-top: 1px solid transparent; }
.gutter-hour span { position: absolute; top: -8px; right: 8px; font-size: 11px; color: var(--muted); font-variant-numeric: tabular-nums; }
.gutter-hour:first-child span { top: 2px; }
.cols { flex: 1; display: grid; min-width: 0; }
.cols-7 { grid-template-columns: repeat(7, minmax(0, 1fr)); }
.cols-1 { grid-template-columns: minmax(0, 1fr); }
.day-col {
  position: relative; border-left: 1px solid #edf0f5;
  background-image: repeating-linear-gradient(to bottom, #edf0f5 0, #edf0f5 1px, transparent 1px, transparent 48px);
}
.day-col.today { background-color: #f8faff; }
.block {
  position: absolute; overflow: hidden; border-radius: 7px; padding: 3px 7px; font-size: 12px; line-height: 1.3;
  background: color-mix(in srgb, var(--cal) 14%, white); border-left: 3px solid var(--cal); color: var(--text);
  display: flex; flex-direction: column; box-shadow: 0 1px 2px rgba(16,24,40,0.06);
}
.block:hover { background: color-mix(in srgb, var(--cal) 22%, white); text-decoration: none; z-index: 2; }
.block > span { flex: none; max-width: 100%; }
.block-title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.block-time { color: var(--text-2); font-variant-numeric: tabular-nums; white-space: nowrap; }
.block-location { color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.block.compact { flex-direction: row; gap: 6px; align-items: center; padding-top: 1px; padding-bottom: 1px; }
.block.compact .block-time { font-size: 11px; }
.now-line { position: absolute; left: 0; right: 0; height: 2px; background: #e5484d; z-index: 3; }
.now-line::before { content: ""; position: absolute; left: -5px; top: -4px; width: 10px; height: 10px; border-radius: 50%; background: #e5484d; }
.day-layout { display: grid; grid-template-columns: minmax(0, 1fr) 290px; gap: 18px; align-items: start; }
.day .block { padding: 4px 10px; font-size: 13px; flex-direction: row; flex-wrap: wrap; align-content: flex-start; column-gap: 8px; }
.day .block.compact { align-items: center; align-content: center; }
.day-side .card + .card { margin-top: 16px; }
.side-list li { display: flex; justify-content: space-between; gap: 10px; padding: 9px 18px; border-bottom: 1px solid #f0f2f6; }
.side-list li:last-child { border-bottom: none; }
`;
