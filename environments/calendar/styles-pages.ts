/** Tables and the page layouts: agenda, event detail and form, invitations, calendars, settings. */
export const PAGE_STYLES = `
/* Tables */
.table { width: 100%; border-collapse: collapse; }
.table th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); background: #fafbfd; padding: 9px 14px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.table td { padding: 10px 14px; border-bottom: 1px solid #eef1f5; vertical-align: middle; }
.table tbody tr:last-child td { border-bottom: none; }
.table tbody tr:hover { background: #fafbff; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; }
.table-card { overflow: hidden; }
.event-link { color: var(--text); font-weight: 600; }
.event-link:hover { color: var(--accent); }
.col-title { min-width: 240px; }
.col-check { width: 70px; text-align: center; }
.sub { display: block; margin-top: 2px; }
.sort-link { color: var(--muted); display: inline-flex; gap: 4px; align-items: center; }
.sort-link:hover { color: var(--text); text-decoration: none; }
.sort-link.active { color: var(--text); }
.sort-arrow { font-size: 11px; opacity: 0.6; }
.pagination { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-top: 1px solid var(--border); background: #fafbfd; }
.pager { display: flex; align-items: center; gap: 10px; }
.page-of { color: var(--muted); font-size: 13px; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 16px; }
.tab { display: inline-flex; align-items: center; gap: 2px; padding: 8px 14px; color: var(--muted); font-weight: 550; border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); text-decoration: none; }
.tab[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); }
.tab[aria-current="page"] .count { background: var(--accent-soft); color: var(--accent); }

/* Event detail */
.breadcrumb ol { display: flex; gap: 8px; color: var(--muted); font-size: 13px; margin-bottom: 12px; }
.breadcrumb li + li::before { content: "/" / ""; margin-right: 8px; color: #c3c9d4; }
.breadcrumb a { color: var(--muted); }
.breadcrumb [aria-current] { color: var(--text-2); font-weight: 550; }
.event-hero { display: flex; justify-content: space-between; align-items: center; gap: 20px; padding: 18px 20px; border-left: 5px solid var(--cal); margin-bottom: 16px; }
.event-hero h1 { font-size: 24px; margin-top: 6px; }
.eyebrow { display: flex; gap: 10px; align-items: center; font-size: 13px; }
.detail-grid { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 18px; align-items: start; }
.detail-side .card + .card { margin-top: 16px; }
.fact-list { padding: 4px 18px 8px; }
.fact { display: grid; grid-template-columns: 18px 110px minmax(0, 1fr); gap: 10px; align-items: start; padding: 10px 0; border-bottom: 1px solid #f0f2f6; }
.fact:last-child { border-bottom: none; }
.fact .icon { color: var(--muted); margin-top: 2px; }
.fact dt { color: var(--muted); font-size: 13px; }
.fact dd { color: var(--text); font-weight: 500; }
.facts { padding: 4px 18px 10px; }
.facts > div { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 9px 0; border-bottom: 1px solid #f0f2f6; }
.facts > div:last-child { border-bottom: none; }
.facts dt { color: var(--muted); font-size: 13px; }
.facts dd { text-align: right; font-weight: 550; display: flex; gap: 8px; flex-wrap: wrap; justify-content: flex-end; }
.attendees { display: flex; flex-direction: column; margin-bottom: 14px; }
.attendee { display: flex; align-items: center; gap: 10px; padding: 8px 0; border-bottom: 1px solid #f0f2f6; }
.attendee-text { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.attendee-form { border-top: 1px solid var(--border); padding-top: 14px; }
.attendee-form .form-error { margin-bottom: 10px; }
.dialog { border: none; border-radius: 14px; padding: 22px 24px; width: 440px; box-shadow: var(--shadow-lg); }
.dialog::backdrop { background: rgba(17, 24, 39, 0.45); }
.dialog h2 { font-size: 17px; margin-bottom: 8px; }
.dialog p { color: var(--text-2); }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }

/* Event form */
.form-layout { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 18px; align-items: start; }
.form-layout > .card, .detail-grid .card + aside, .day-layout > .card { margin-top: 0; }
.tips .tip-list { padding: 8px 18px 14px; display: flex; flex-direction: column; gap: 12px; }
.tip-list li { display: flex; gap: 10px; color: var(--text-2); font-size: 13px; }
.tip-list .icon { color: var(--accent); margin-top: 2px; }

/* Invitations, calendars, settings */
.respond { display: flex; gap: 6px; justify-content: flex-end; }
.two-col-wide { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 18px; align-items: start; }
.two-col-wide > .card { margin-top: 0; }
.cal-name { display: inline-flex; align-items: center; gap: 10px; }
.is-hidden td { color: var(--muted); }
.settings-layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 18px; align-items: start; }
.settings-layout > .card { margin-top: 0; }
`;
