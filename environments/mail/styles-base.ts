import { RESET_STYLES } from '../kit/reset-styles.js';

/** Shell (sidebar, top bar), typography, buttons, forms, menus, badges and avatars. */
export const BASE_STYLES = `
:root {
  --bg: #f3f5f9;
  --surface: #ffffff;
  --border: #e3e7ef;
  --border-strong: #d1d7e2;
  --text: #172033;
  --text-2: #465069;
  --muted: #6a7489;
  --accent: #2563eb;
  --accent-hover: #1d4fd8;
  --accent-soft: #e9f0ff;
  --danger: #dc2626;
  --star: #f5b301;
  --radius: 12px;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.05), 0 1px 3px rgba(16, 24, 40, 0.04);
  --shadow-lg: 0 20px 40px rgba(16, 24, 40, 0.18);
}
${RESET_STYLES}body {
  /* The system UI font stack; system-ui comes last because on bare Linux it resolves to wide DejaVu Sans. */
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--text); background: var(--bg); -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { margin: 0; font-weight: 650; letter-spacing: -0.01em; }
h1 { font-size: 22px; line-height: 1.25; }
h2 { font-size: 15px; }
.icon { width: 17px; height: 17px; flex: none; }
.skip-link { position: absolute; left: -999px; top: 8px; background: #fff; padding: 8px 12px; border-radius: 6px; z-index: 10; }
.skip-link:focus { left: 8px; }
.muted { color: var(--muted); }
.strong { font-weight: 600; color: var(--text); }
.meta { color: var(--muted); font-size: 12.5px; }
.center { text-align: center; padding-bottom: 24px; }

/* Shell */
.app { display: flex; min-height: 100vh; }
.sidebar { width: 232px; flex: none; background: #eef2f8; border-right: 1px solid var(--border); display: flex; flex-direction: column; padding: 16px 12px; position: sticky; top: 0; height: 100vh; }
.brand { display: flex; align-items: center; gap: 10px; color: var(--text); font-weight: 750; font-size: 18px; padding: 2px 8px 16px; letter-spacing: -0.02em; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 30px; height: 30px; border-radius: 9px; background: linear-gradient(135deg, #3b82f6, #6366f1); display: grid; place-items: center; color: #fff; box-shadow: 0 2px 6px rgba(59,130,246,0.35); }
.brand-mark .icon { width: 18px; height: 18px; stroke-width: 2.2; }
.compose-button { display: inline-flex; align-items: center; gap: 10px; padding: 11px 18px; margin: 0 4px 16px; border-radius: 14px; background: #fff; color: var(--text); font-weight: 650; box-shadow: 0 1px 3px rgba(16,24,40,0.12), 0 1px 2px rgba(16,24,40,0.06); width: fit-content; }
.compose-button:hover, .compose-button.active { text-decoration: none; background: var(--accent-soft); color: var(--accent-hover); }
.compose-button .icon { color: var(--accent); }
.nav ul { display: flex; flex-direction: column; gap: 1px; }
.nav-link { display: flex; align-items: center; gap: 12px; padding: 7px 12px; border-radius: 999px; color: var(--text-2); font-weight: 520; }
.nav-link:hover { background: #e2e8f3; text-decoration: none; color: var(--text); }
.nav-link[aria-current="page"] { background: #d8e4fd; color: #0f3fae; font-weight: 650; }
.nav-link[aria-current="page"] .icon { color: #1d4fd8; }
.nav-link.drop-hover { background: #c7d7fb; outline: 2px dashed var(--accent); }
.nav-text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.nav-count { font-size: 12px; font-weight: 600; color: var(--text-2); font-variant-numeric: tabular-nums; }
.nav-count.strong-count { color: var(--text); font-weight: 750; }
.nav-labels { margin-top: 20px; }
.nav-heading-row { display: flex; align-items: center; justify-content: space-between; padding: 0 8px 6px 12px; }
.nav-heading { font-size: 12px; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); font-weight: 650; }
.nav-heading-action { color: var(--muted); display: grid; place-items: center; width: 24px; height: 24px; border-radius: 6px; }
.nav-heading-action:hover { background: #e2e8f3; color: var(--text); }
.nav-heading-action .icon { width: 15px; height: 15px; }
.swatch { width: 10px; height: 10px; border-radius: 3px; display: inline-block; flex: none; }
.nav-label .swatch { margin: 0 3px 0 4px; }
.storage { margin-top: auto; padding: 12px; font-size: 12px; color: var(--muted); }
.storage-bar { height: 5px; border-radius: 999px; background: #dbe2ee; overflow: hidden; margin-bottom: 6px; }
.storage-bar span { display: block; height: 100%; background: linear-gradient(90deg, #3b82f6, #6366f1); }
.main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.topbar { height: 60px; background: rgba(255,255,255,0.94); border-bottom: 1px solid var(--border); display: flex; align-items: center; justify-content: space-between; padding: 0 24px; position: sticky; top: 0; z-index: 5; backdrop-filter: blur(6px); }
.search-form { position: relative; display: flex; align-items: center; width: 520px; }
.search-icon { position: absolute; left: 14px; color: var(--muted); }
.search-form input { flex: 1; height: 40px; border: 1px solid transparent; background: #eef2f8; border-radius: 999px 0 0 999px; padding: 0 14px 0 40px; font: inherit; color: var(--text); }
.search-form input:focus { background: #fff; border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px var(--accent-soft); }
.search-button { height: 40px; border: none; background: #e3e9f4; border-radius: 0 999px 999px 0; padding: 0 18px; font: inherit; font-weight: 600; color: var(--text-2); cursor: pointer; }
.search-button:hover { background: #d7dfee; }
.topbar-right { display: flex; align-items: center; gap: 12px; }
.icon-link { width: 36px; height: 36px; border-radius: 50%; display: grid; place-items: center; color: var(--text-2); }
.icon-link:hover { background: #eef2f8; }
.icon-link .icon { width: 20px; height: 20px; }
.vacation-pill { display: inline-flex; align-items: center; gap: 6px; padding: 5px 12px; border-radius: 999px; background: #fff7e0; color: #8a5a00; font-weight: 600; font-size: 12.5px; border: 1px solid #fde68a; }
.content { padding: 22px 28px 48px; max-width: 1240px; width: 100%; }

/* Menus (details/summary) */
.menu { position: relative; }
.menu > summary { list-style: none; cursor: pointer; }
.menu > summary::-webkit-details-marker { display: none; }
.menu-trigger { display: flex; align-items: center; gap: 8px; padding: 3px 10px 3px 3px; border-radius: 999px; border: 1px solid var(--border); background: #fff; }
.menu-trigger:hover { background: #f6f8fc; }
.account-name { font-weight: 600; font-size: 13px; }
.menu-panel { position: absolute; right: 0; top: calc(100% + 6px); min-width: 230px; background: #fff; border: 1px solid var(--border); border-radius: 12px; box-shadow: var(--shadow-lg); padding: 6px; z-index: 20; }
.menu-head { display: flex; flex-direction: column; padding: 8px 10px 10px; border-bottom: 1px solid var(--border); margin-bottom: 4px; }
.menu-panel a, .menu-panel button { display: flex; align-items: center; gap: 10px; width: 100%; padding: 8px 10px; border-radius: 8px; color: var(--text); background: none; border: none; font: inherit; cursor: pointer; text-align: left; }
.menu-panel a:hover, .menu-panel button:hover { background: #f1f4fa; text-decoration: none; }
.menu-panel .icon { color: var(--muted); }

/* Generic pieces */
.page-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; margin-bottom: 16px; }
.subtitle { color: var(--muted); margin-top: 4px; }
.page-actions { display: flex; gap: 8px; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card + .card { margin-top: 16px; }
.card-header { display: flex; justify-content: space-between; align-items: center; padding: 14px 18px; border-bottom: 1px solid var(--border); }
.count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 999px; background: #eef0f4; color: var(--text-2); font-size: 12px; font-weight: 600; text-align: center; margin-left: 4px; }
.empty { padding: 44px 18px; text-align: center; }
.empty-icon { width: 38px; height: 38px; color: #b3bdd0; margin-bottom: 8px; }
.empty-title { font-weight: 650; margin-bottom: 4px; font-size: 15px; }

/* Buttons */
.button { display: inline-flex; align-items: center; justify-content: center; gap: 7px; height: 34px; padding: 0 14px; border-radius: 9px; border: 1px solid var(--border-strong); background: #fff; color: var(--text); font: inherit; font-weight: 560; cursor: pointer; white-space: nowrap; box-shadow: 0 1px 1px rgba(16,24,40,0.04); }
.button:hover { background: #f6f8fc; text-decoration: none; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger:hover { background: #b91c1c; }
.button.danger-outline { color: var(--danger); border-color: #f3c4c4; }
.button.danger-outline:hover { background: #fef2f2; }
.button.small { height: 30px; padding: 0 11px; font-size: 13px; }
.button.ghost { border-color: transparent; background: transparent; box-shadow: none; color: var(--muted); }
.button.ghost:hover { background: #eef2f8; color: var(--text); }
.button.disabled { opacity: 0.45; pointer-events: none; }

/* Forms */
.field { display: flex; flex-direction: column; gap: 5px; }
.field label, .field-label { font-size: 12.5px; font-weight: 600; color: var(--text-2); }
.field-hint { font-size: 12px; color: var(--muted); }
input[type="text"], input[type="email"], input[type="date"], select, textarea { font: inherit; color: var(--text); background: #fff; border: 1px solid var(--border-strong); border-radius: 9px; height: 36px; padding: 0 11px; min-width: 0; }
textarea { height: auto; padding: 9px 11px; resize: vertical; line-height: 1.5; }
select { padding-right: 30px; appearance: none; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%236a7489' stroke-width='2'%3E%3Cpath d='m7 10 5 5 5-5'/%3E%3C/svg%3E"); background-repeat: no-repeat; background-position: right 8px center; background-size: 16px; cursor: pointer; }
select:disabled { opacity: 0.55; cursor: default; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"] { border-color: var(--danger) !important; box-shadow: 0 0 0 3px #fee2e2; }
.stack > * + * { margin-top: 14px; }
.form-actions { display: flex; justify-content: flex-end; gap: 8px; }
.form-error { display: flex; gap: 10px; align-items: flex-start; background: #fef2f2; border: 1px solid #fecaca; color: #991b1b; border-radius: 9px; padding: 10px 12px; font-weight: 550; margin-bottom: 14px; }
.flash { display: flex; align-items: center; gap: 10px; background: #ecfdf5; border: 1px solid #a7f3d0; color: #065f46; border-radius: 10px; padding: 10px 14px; margin-bottom: 16px; font-weight: 550; box-shadow: var(--shadow); }
.flash .icon { color: #059669; stroke-width: 2.6; }
.checkbox { width: 17px; height: 17px; accent-color: var(--accent); cursor: pointer; margin: 0; vertical-align: middle; }
.check-field { display: flex; gap: 10px; align-items: flex-start; }
.check-field .checkbox { margin-top: 2px; }
.check-field label { font-weight: 600; }

/* Badges, avatars */
.label-badge { display: inline-block; padding: 0 8px; border-radius: 6px; font-size: 11.5px; font-weight: 650; line-height: 20px; white-space: nowrap; }
.badges { display: inline-flex; gap: 4px; flex-wrap: wrap; }
.folder-chip { display: inline-block; padding: 0 8px; border-radius: 6px; background: #eef1f6; color: var(--text-2); font-size: 11.5px; font-weight: 600; line-height: 20px; }
.avatar { display: inline-grid; place-items: center; border-radius: 50%; color: #fff; font-weight: 650; flex: none; letter-spacing: 0.02em; }
.avatar-sm { width: 26px; height: 26px; font-size: 10.5px; }
.avatar-md { width: 32px; height: 32px; font-size: 12px; }
.avatar-lg { width: 44px; height: 44px; font-size: 15px; }
.status-pill { display: inline-block; margin-left: 6px; padding: 0 8px; border-radius: 999px; font-size: 11.5px; line-height: 20px; background: #eef1f6; color: var(--muted); font-weight: 650; }
.status-pill.on { background: #e6f6ec; color: #15803d; }
`;
