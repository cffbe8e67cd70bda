import { RESET_STYLES } from '../kit/reset-styles.js';

/** Shell, typography, buttons, forms, badges and avatars. */
export const BASE_STYLES = `
:root {
  --bg: #f4f6fa;
  --surface: #ffffff;
  --border: #e3e7ef;
  --border-strong: #cfd6e2;
  --text: #141a26;
  --text-2: #444e63;
  --muted: #687389;
  --accent: #2f5bea;
  --accent-hover: #2149cf;
  --accent-soft: #ebf0fe;
  --danger: #dc2626;
  --radius: 12px;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.05), 0 1px 3px rgba(16, 24, 40, 0.04);
  --shadow-lg: 0 20px 40px rgba(16, 24, 40, 0.18);
}
${RESET_STYLES}body {
  /* The system UI font stack; system-ui comes last because on bare Linux it resolves to wide DejaVu Sans. */
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--text); background: var(--bg);
  -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { margin: 0; font-weight: 650; letter-spacing: -0.01em; }
h1 { font-size: 22px; line-height: 1.25; }
h2 { font-size: 15px; }
dl, dd { margin: 0; }
.icon { width: 16px; height: 16px; flex: none; }
.skip-link { position: absolute; left: -999px; top: 8px; background: #fff; padding: 8px 12px; border-radius: 6px; z-index: 10; }
.skip-link:focus { left: 8px; }
.muted { color: var(--muted); }
.strong { font-weight: 600; color: var(--text); }
.meta { color: var(--muted); font-size: 12.5px; }
.muted-link { color: var(--text-2); }
.nowrap { white-space: nowrap; }
.tabular { font-variant-numeric: tabular-nums; }
.center { text-align: center; padding-bottom: 24px; }

/* Shell */
.app { display: flex; min-height: 100vh; }
.sidebar {
  width: 232px; flex: none; background: var(--surface); border-right: 1px solid var(--border);
  display: flex; flex-direction: column; padding: 16px 14px; position: sticky; top: 0; height: 100vh;
}
.brand { display: flex; align-items: center; gap: 10px; color: var(--text); font-weight: 700; font-size: 18px; padding: 2px 6px 16px; letter-spacing: -0.02em; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 30px; height: 30px; border-radius: 9px; background: linear-gradient(135deg, #3b6cf6, #6d4aff); display: grid; place-items: center; box-shadow: 0 4px 10px rgba(47, 91, 234, 0.3); }
.brand-mark .icon { width: 17px; height: 17px; stroke-width: 2.4; color: #fff; }
.new-event { width: 100%; height: 40px; border-radius: 10px; margin-bottom: 16px; box-shadow: 0 4px 12px rgba(47, 91, 234, 0.25); }
.nav ul { display: flex; flex-direction: column; gap: 2px; }
.nav-link { display: flex; align-items: center; gap: 10px; padding: 7px 10px; border-radius: 8px; color: var(--text-2); font-weight: 550; }
.nav-link:hover { background: #f1f4f9; color: var(--text); text-decoration: none; }
.nav-link[aria-current="page"] { background: var(--accent-soft); color: var(--accent); }
.nav-label { flex: 1; }
.nav-badge { min-width: 20px; padding: 0 6px; border-radius: 999px; background: var(--accent); color: #fff; font-size: 11.5px; font-weight: 700; text-align: center; line-height: 19px; }
.my-calendars { margin-top: 22px; }
.nav-heading { font-size: 11px; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-weight: 650; padding: 0 10px 8px; }
.cal-toggle { display: flex; align-items: center; gap: 10px; padding: 5px 10px; border-radius: 8px; color: var(--text-2); font-weight: 500; }
.cal-toggle:hover { background: #f6f8fb; }
.cal-toggle label { cursor: pointer; flex: 1; }
.cal-check {
  appearance: none; width: 17px; height: 17px; border-radius: 5px; margin: 0; cursor: pointer; flex: none;
  border: 2px solid var(--cal, var(--accent)); background: #fff; display: inline-grid; place-items: center;
}
.cal-check:checked { background: var(--cal, var(--accent)); }
.cal-check:checked::after { content: ""; width: 8px; height: 4px; border: 2px solid #fff; border-top: 0; border-right: 0; transform: rotate(-45deg) translate(1px, -1px); }
.swatch { width: 9px; height: 9px; border-radius: 3px; display: inline-block; flex: none; }
.swatch-lg { width: 14px; height: 14px; border-radius: 4px; display: inline-block; flex: none; background: var(--cal); }
.sidebar-footer { margin-top: auto; display: flex; gap: 10px; align-items: center; padding: 12px 6px 0; border-top: 1px solid var(--border); }
.sidebar-user-text { min-width: 0; }
.sidebar-user { font-weight: 600; font-size: 13px; }
.sidebar-role { font-size: 12px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.topbar {
  height: 58px; background: rgba(255,255,255,0.94); border-bottom: 1px solid var(--border);
  display: flex; align-items: center; justify-content: space-between; padding: 0 24px; position: sticky; top: 0; z-index: 5;
  backdrop-filter: blur(6px);
}
.search-form { position: relative; display: flex; align-items: center; width: 420px; }
.search-icon { position: absolute; left: 11px; color: var(--muted); }
.search-form input {
  flex: 1; height: 36px; border: 1px solid var(--border); background: #f3f5f9; border-radius: 9px 0 0 9px;
  padding: 0 12px 0 34px; font: inherit; color: var(--text); border-right: none;
}
.search-form input:focus { background: #fff; border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px var(--accent-soft); }
.search-button { height: 36px; border: 1px solid var(--border); background: #fff; border-radius: 0 9px 9px 0; padding: 0 14px; font: inherit; font-weight: 550; color: var(--text-2); cursor: pointer; }
.search-button:hover { background: #f3f5f9; }
.topbar-right { display: flex; align-items: center; gap: 10px; }
.today-chip, .tz-chip { display: inline-flex; gap: 6px; align-items: center; color: var(--text-2); font-size: 13px; padding: 5px 10px; border-radius: 8px; }
.today-chip:hover, .tz-chip:hover { background: #f1f4f9; text-decoration: none; }
.tz-chip { color: var(--muted); }
.menu { position: relative; }
.menu summary { list-style: none; }
.menu summary::-webkit-details-marker { display: none; }
.menu-list { position: absolute; right: 0; top: calc(100% + 6px); background: #fff; border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow-lg); padding: 6px; width: 190px; z-index: 20; }
.menu-list a { display: flex; gap: 9px; align-items: center; padding: 8px 10px; border-radius: 7px; color: var(--text); font-weight: 500; }
.menu-list a:hover { background: #f1f4f9; text-decoration: none; }
.content { padding: 22px 26px 48px; width: 100%; max-width: 1240px; }

/* Generic pieces */
.page-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; margin-bottom: 18px; }
.subtitle { color: var(--muted); margin-top: 3px; }
.page-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card + .card { margin-top: 16px; }
.card-header { display: flex; justify-content: space-between; align-items: center; gap: 10px; padding: 13px 18px; border-bottom: 1px solid var(--border); }
.card-header h2 { display: flex; align-items: center; gap: 8px; }
.card-body { padding: 16px 18px; }
.card-title { display: flex; align-items: center; gap: 6px; font-size: 15px; }
.count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 999px; background: #edf0f5; color: var(--text-2); font-size: 12px; font-weight: 600; text-align: center; margin-left: 6px; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-size: 11.5px; font-weight: 600; }
.empty { padding: 40px 18px; text-align: center; }
.empty-icon { width: 28px; height: 28px; color: #b4bdcc; margin-bottom: 8px; }
.empty-title { font-weight: 600; margin-bottom: 4px; }
.footnote { display: flex; gap: 8px; align-items: center; color: var(--muted); font-size: 13px; margin-top: 14px; }

/* Buttons */
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 34px; padding: 0 14px;
  border-radius: 8px; border: 1px solid var(--border-strong); background: #fff; color: var(--text);
  font: inherit; font-weight: 550; cursor: pointer; white-space: nowrap; box-shadow: 0 1px 1px rgba(16,24,40,0.04);
}
.button:hover { background: #f6f8fb; text-decoration: none; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger:hover { background: #b91c1c; }
.button.danger-outline { color: var(--danger); border-color: #f3c4c4; }
.button.danger-outline:hover { background: #fef2f2; }
.button.small { height: 30px; padding: 0 10px; font-size: 13px; }
.button.ghost { border-color: transparent; background: transparent; box-shadow: none; color: var(--muted); }
.button.ghost:hover { background: #f1f3f7; color: var(--text); }
.button.accept { color: #047857; border-color: #a7e3c8; background: #f0fbf6; }
.button.accept:hover { background: #dcf5e9; }
.button.disabled { opacity: 0.45; pointer-events: none; }
.icon-button { width: 34px; padding: 0; }

/* Forms */
.field { display: flex; flex-direction: column; gap: 5px; min-width: 0; }
.field label { font-size: 12.5px; font-weight: 600; color: var(--text-2); }
.hint { font-size: 12px; color: var(--muted); }
input[type="text"], input[type="date"], input[type="time"], input[type="email"], select, textarea {
  font: inherit; color: var(--text); background: #fff; border: 1px solid var(--border-strong); border-radius: 8px;
  height: 36px; padding: 0 10px; min-width: 0; width: 100%;
}
textarea { height: auto; padding: 8px 10px; resize: vertical; line-height: 1.45; }
select { padding-right: 28px; appearance: none; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23687389' stroke-width='2'%3E%3Cpath d='m7 10 5 5 5-5'/%3E%3C/svg%3E"); background-repeat: no-repeat; background-position: right 8px center; background-size: 16px; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"] { border-color: var(--danger) !important; box-shadow: 0 0 0 3px #fee2e2; }
.stack > * + * { margin-top: 14px; }
.field-title input { height: 42px; font-size: 17px; font-weight: 550; }
.field-grid { display: grid; gap: 12px; }
.grid-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.grid-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.form-actions { display: flex; justify-content: flex-end; gap: 8px; padding-top: 4px; }
.form-card { padding: 18px; }
.form-card form { margin-top: 14px; }
.form-card .button.primary { width: 100%; }
.inline-fields { display: flex; gap: 10px; align-items: flex-end; }
.inline-fields .grow { flex: 1; }
.form-error { display: flex; gap: 10px; align-items: flex-start; background: #fef2f2; border: 1px solid #fecaca; color: #991b1b; border-radius: 8px; padding: 10px 12px; font-weight: 550; }
.form-error .icon { margin-top: 1px; }
.flash { display: flex; align-items: center; gap: 10px; background: #ecfdf5; border: 1px solid #a7f3d0; color: #065f46; border-radius: 10px; padding: 10px 14px; margin-bottom: 16px; font-weight: 550; box-shadow: var(--shadow); }
.flash .icon { color: #059669; stroke-width: 2.6; }

/* Badges, avatars */
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.status-accepted { background: #ecfdf3; color: #0b7a48; border-color: #c9f0da; }
.status-declined { background: #fdf2f2; color: #b42318; border-color: #f8d4d4; }
.status-pending { background: #fff7e6; color: #a15c07; border-color: #fde3b0; }
.cal-chip { display: inline-flex; align-items: center; gap: 7px; white-space: nowrap; color: var(--text-2); }
.repeat-badge { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px; border-radius: 6px; background: #f1f3f8; color: var(--text-2); font-size: 12px; font-weight: 550; white-space: nowrap; }
.repeat-badge .icon { width: 13px; height: 13px; }
.avatar { display: inline-grid; place-items: center; border-radius: 50%; color: #fff; font-weight: 650; flex: none; letter-spacing: 0.02em; }
.avatar-sm { width: 26px; height: 26px; font-size: 10.5px; }
.avatar-md { width: 34px; height: 34px; font-size: 12.5px; }
.avatar-lg { width: 56px; height: 56px; font-size: 19px; }
.person { display: inline-flex; align-items: center; gap: 8px; white-space: nowrap; }
`;
