import { RESET_STYLES } from '../kit/reset-styles.js';

/** Shell, typography, buttons, forms, badges and avatars. */
export const BASE_STYLES = `
:root {
  --bg: #f6f7fb;
  --surface: #ffffff;
  --border: #e4e7ee;
  --border-strong: #d3d8e2;
  --text: #161b26;
  --text-2: #475066;
  --muted: #6b7488;
  --accent: #4f46e5;
  --accent-hover: #4338ca;
  --accent-soft: #eef0ff;
  --danger: #dc2626;
  --sidebar: #111827;
  --sidebar-text: #aeb6c6;
  --radius: 10px;
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
.small { font-size: 12.5px; }
.strong { font-weight: 600; color: var(--text); }
.meta { color: var(--muted); font-size: 12.5px; }
.muted-link { color: var(--text-2); }

/* Shell */
.app { display: flex; min-height: 100vh; }
.sidebar {
  width: 236px; flex: none; background: var(--sidebar); color: var(--sidebar-text);
  display: flex; flex-direction: column; padding: 18px 12px; position: sticky; top: 0; height: 100vh;
}
.brand { display: flex; align-items: center; gap: 10px; color: #fff; font-weight: 700; font-size: 17px; padding: 2px 8px 14px; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 28px; height: 28px; border-radius: 8px; background: linear-gradient(135deg, #6366f1, #8b5cf6); display: grid; place-items: center; }
.brand-mark .icon { width: 17px; height: 17px; stroke-width: 3; color: #fff; }
.workspace { display: flex; align-items: center; gap: 8px; padding: 8px; margin-bottom: 14px; border-radius: 8px; background: rgba(255,255,255,0.06); color: #e5e7eb; font-weight: 550; font-size: 13px; }
.workspace-mark { width: 20px; height: 20px; border-radius: 5px; background: #f59e0b; color: #111827; display: grid; place-items: center; font-size: 11px; font-weight: 800; }
.nav ul { display: flex; flex-direction: column; gap: 2px; }
.nav-link { display: flex; align-items: center; gap: 10px; padding: 7px 10px; border-radius: 7px; color: var(--sidebar-text); font-weight: 500; }
.nav-link:hover { background: rgba(255,255,255,0.06); color: #fff; text-decoration: none; }
.nav-link[aria-current="page"] { background: rgba(99,102,241,0.22); color: #fff; }
.nav-link[aria-current="page"] .icon { color: #a5b4fc; }
.nav-projects { margin-top: 22px; }
.nav-heading { font-size: 11px; text-transform: uppercase; letter-spacing: 0.08em; color: #6b7385; font-weight: 650; padding: 0 10px 8px; }
.nav-project span:last-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.swatch { width: 9px; height: 9px; border-radius: 3px; display: inline-block; flex: none; }
.nav-project .swatch { margin: 0 3px; }
.sidebar-footer { margin-top: auto; display: flex; gap: 10px; align-items: center; padding: 12px 8px 0; border-top: 1px solid rgba(255,255,255,0.08); }
.sidebar-user { color: #f3f4f6; font-weight: 600; font-size: 13px; }
.sidebar-role { font-size: 12px; color: #8a93a6; }
.main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.topbar {
  height: 58px; background: rgba(255,255,255,0.92); border-bottom: 1px solid var(--border);
  display: flex; align-items: center; justify-content: space-between; padding: 0 28px; position: sticky; top: 0; z-index: 5;
  backdrop-filter: blur(6px);
}
.search-form { position: relative; display: flex; align-items: center; width: 440px; }
.search-icon { position: absolute; left: 11px; color: var(--muted); }
.search-form input {
  flex: 1; height: 36px; border: 1px solid var(--border); background: #f3f4f8; border-radius: 8px 0 0 8px;
  padding: 0 12px 0 34px; font: inherit; color: var(--text); border-right: none;
}
.search-form input:focus { background: #fff; border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px var(--accent-soft); }
.search-button { height: 36px; border: 1px solid var(--border); background: #fff; border-radius: 0 8px 8px 0; padding: 0 14px; font: inherit; font-weight: 550; color: var(--text-2); cursor: pointer; }
.search-button:hover { background: #f3f4f8; }
.topbar-right { display: flex; align-items: center; gap: 16px; }
.today { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); font-size: 13px; }
.content { padding: 24px 28px 48px; max-width: 1240px; width: 100%; }

/* Generic pieces */
.page-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; margin-bottom: 20px; }
.subtitle { color: var(--muted); margin-top: 4px; }
.page-actions { display: flex; gap: 8px; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card + .card, .card + section, section + .card { margin-top: 18px; }
.card-header { display: flex; justify-content: space-between; align-items: center; padding: 14px 18px; border-bottom: 1px solid var(--border); }
.card-body { padding: 16px 18px; }
.card-title { display: flex; align-items: center; gap: 6px; font-size: 14px; }
.count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 999px; background: #eef0f4; color: var(--text-2); font-size: 12px; font-weight: 600; text-align: center; margin-left: 4px; }
.pill { display: inline-block; padding: 1px 7px; border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-size: 11.5px; font-weight: 600; }
.key { display: inline-block; padding: 1px 6px; border-radius: 5px; background: #eef0f4; color: var(--text-2); font-size: 12px; font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; vertical-align: middle; }
.empty { padding: 36px 18px; text-align: center; }
.empty-title { font-weight: 600; margin-bottom: 4px; }
.stack-lg > * + * { margin-top: 18px; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.two-col > .card { margin-top: 0; }

/* Buttons */
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 34px; padding: 0 14px;
  border-radius: 8px; border: 1px solid var(--border-strong); background: #fff; color: var(--text);
  font: inherit; font-weight: 550; cursor: pointer; white-space: nowrap; box-shadow: 0 1px 1px rgba(16,24,40,0.04);
}
.button:hover { background: #f7f8fb; text-decoration: none; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger:hover { background: #b91c1c; }
.button.danger-outline { color: var(--danger); border-color: #f3c4c4; }
.button.danger-outline:hover { background: #fef2f2; }
.button.small { height: 28px; padding: 0 10px; font-size: 13px; }
.button.ghost { border-color: transparent; background: transparent; box-shadow: none; color: var(--muted); }
.button.ghost:hover { background: #f1f2f6; color: var(--text); }
.button.disabled { opacity: 0.45; pointer-events: none; }

/* Forms */
.field { display: flex; flex-direction: column; gap: 5px; }
.field label { font-size: 12.5px; font-weight: 600; color: var(--text-2); }
input[type="text"], input[type="date"], select, textarea {
  font: inherit; color: var(--text); background: #fff; border: 1px solid var(--border-strong); border-radius: 8px;
  height: 34px; padding: 0 10px; min-width: 0;
}
textarea { height: auto; padding: 8px 10px; resize: vertical; line-height: 1.45; }
select { padding-right: 28px; appearance: none; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%236b7488' stroke-width='2'%3E%3Cpath d='m7 10 5 5 5-5'/%3E%3C/svg%3E"); background-repeat: no-repeat; background-position: right 8px center; background-size: 16px; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"] { border-color: var(--danger) !important; box-shadow: 0 0 0 3px #fee2e2; }
.stack > * + * { margin-top: 14px; }
.form-card { padding: 18px; }
.form-card h2 { margin-bottom: 4px; }
.form-card form { margin-top: 14px; }
.form-card .button { width: 100%; }
.form-actions { display: flex; justify-content: flex-end; gap: 8px; }
.field-grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
.form-error { display: flex; gap: 10px; align-items: flex-start; background: #fef2f2; border: 1px solid #fecaca; color: #991b1b; border-radius: 8px; padding: 10px 12px; font-weight: 550; }
.form-error .icon { margin-top: 1px; }
.flash { display: flex; align-items: center; gap: 10px; background: #ecfdf5; border: 1px solid #a7f3d0; color: #065f46; border-radius: 9px; padding: 10px 14px; margin-bottom: 18px; font-weight: 550; box-shadow: var(--shadow); }
.flash .icon { color: #059669; stroke-width: 2.6; }
.banner { display: flex; align-items: center; gap: 12px; background: #fffbeb; border: 1px solid #fde68a; color: #92400e; border-radius: 9px; padding: 10px 14px; margin-bottom: 16px; }
.banner p { flex: 1; }
.checkbox { width: 17px; height: 17px; accent-color: #10b981; cursor: pointer; margin: 0; vertical-align: middle; }

/* Badges, avatars */
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 9px 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge .dot, .column-header .dot { width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
.status-todo { background: #f1f3f7; color: #4b5567; border-color: #e3e6ed; }
.status-in-progress { background: #eff6ff; color: #1d5fd6; border-color: #d3e3fd; }
.status-in-review { background: #f5f0ff; color: #7138d6; border-color: #e6dafd; }
.status-done { background: #ecfdf3; color: #0b7a48; border-color: #c9f0da; }
.priority { display: inline-flex; align-items: center; gap: 7px; font-size: 13px; font-weight: 550; white-space: nowrap; color: var(--text-2); }
.priority .bars { display: inline-flex; align-items: flex-end; gap: 2px; height: 12px; }
.priority .bars i { width: 3px; border-radius: 1px; background: #d5d9e2; }
.priority .bars i:nth-child(1) { height: 5px; } .priority .bars i:nth-child(2) { height: 8px; } .priority .bars i:nth-child(3) { height: 12px; }
.priority-low .bars i:nth-child(1) { background: #94a3b8; }
.priority-medium .bars i:nth-child(-n+2) { background: #3b82f6; }
.priority-high .bars i { background: #f97316; }
.priority-high { color: #c2410c; }
.priority-urgent { color: #b91c1c; }
.priority-urgent .bars i { background: #dc2626; }
.label { display: inline-block; padding: 0 7px; border-radius: 5px; background: #f1f3f7; color: #586176; font-size: 11.5px; font-weight: 550; line-height: 18px; }
.avatar { display: inline-grid; place-items: center; border-radius: 50%; color: #fff; font-weight: 650; flex: none; letter-spacing: 0.02em; }
.avatar-sm { width: 24px; height: 24px; font-size: 10.5px; }
.avatar-md { width: 32px; height: 32px; font-size: 12px; }
.avatar-lg { width: 56px; height: 56px; font-size: 19px; }
.avatar-empty { background: #e5e7eb; color: #6b7280; }
.person { display: inline-flex; align-items: center; gap: 8px; white-space: nowrap; }
.person a { color: var(--text); }
.due { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; color: var(--text-2); }
.due-overdue { color: #b91c1c; font-weight: 600; }
.due-soon { color: #b45309; font-weight: 550; }
.due-hint { font-size: 11px; font-weight: 650; padding: 0 6px; border-radius: 5px; background: #fee2e2; color: #b91c1c; }
.due-soon .due-hint { background: #fef3c7; color: #92400e; }

`;
