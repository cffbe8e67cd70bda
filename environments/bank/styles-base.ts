import { RESET_STYLES } from '../kit/reset-styles.js';

/** Shell, typography, buttons, forms, badges, menus and dialogs. */
export const BASE_STYLES = `
:root {
  --bg: #f4f6f8;
  --surface: #ffffff;
  --border: #e2e6eb;
  --border-strong: #cfd6de;
  --text: #122031;
  --text-2: #44546a;
  --muted: #6a7789;
  --accent: #0e7c66;
  --accent-hover: #0b6654;
  --accent-soft: #e5f4ef;
  --danger: #c8322b;
  --in: #0a7a4b;
  --sidebar: #0b1f33;
  --sidebar-text: #a9b7c7;
  --radius: 12px;
  --shadow: 0 1px 2px rgba(16, 32, 48, 0.05), 0 1px 3px rgba(16, 32, 48, 0.04);
  --shadow-lg: 0 24px 48px rgba(11, 31, 51, 0.22);
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
dl, dd { margin: 0; }
.icon { width: 16px; height: 16px; flex: none; }
.skip-link { position: absolute; left: -999px; top: 8px; background: #fff; padding: 8px 12px; border-radius: 6px; z-index: 10; }
.skip-link:focus { left: 8px; }
.muted { color: var(--muted); }
.strong { font-weight: 600; color: var(--text); }
.meta { color: var(--muted); font-size: 12.5px; display: inline-flex; align-items: center; gap: 6px; }
p.meta { display: flex; }
.meta-link { font-size: 13px; font-weight: 550; }
.nowrap { white-space: nowrap; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.center { text-align: center; }
.money { font-variant-numeric: tabular-nums; }

/* Shell */
.app { display: flex; min-height: 100vh; }
.sidebar { width: 248px; flex: none; background: var(--sidebar); color: var(--sidebar-text); display: flex; flex-direction: column; padding: 18px 12px; position: sticky; top: 0; height: 100vh; }
.brand { display: flex; align-items: center; gap: 10px; color: #fff; font-weight: 700; font-size: 18px; padding: 2px 8px 18px; letter-spacing: -0.01em; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 30px; height: 30px; border-radius: 9px; background: linear-gradient(135deg, #14b890, #0e7c66); display: grid; place-items: center; color: #fff; }
.brand-mark .icon { width: 19px; height: 19px; }
.nav ul { display: flex; flex-direction: column; gap: 2px; }
.nav-link { display: flex; align-items: center; gap: 10px; padding: 8px 10px; border-radius: 8px; color: var(--sidebar-text); font-weight: 500; }
.nav-link:hover { background: rgba(255,255,255,0.06); color: #fff; text-decoration: none; }
.nav-link[aria-current="page"] { background: rgba(20,184,144,0.16); color: #fff; }
.nav-link[aria-current="page"] > .icon { color: #5eead4; }
.nav-accounts { margin-top: 24px; }
.nav-heading { font-size: 11px; text-transform: uppercase; letter-spacing: 0.08em; color: #6d7f93; font-weight: 650; padding: 0 10px 8px; }
.nav-account { align-items: center; }
.nav-account-text { display: flex; flex-direction: column; min-width: 0; }
.nav-account-name { color: #e6edf5; font-weight: 550; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.nav-account-balance { font-size: 12px; color: #7f91a5; font-variant-numeric: tabular-nums; }
.sidebar-footer { margin-top: auto; display: flex; gap: 10px; align-items: flex-start; padding: 14px 8px 0; border-top: 1px solid rgba(255,255,255,0.08); font-size: 11.5px; color: #7f91a5; }
.sidebar-footer .icon { color: #5eead4; margin-top: 1px; }
.main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.topbar { height: 60px; background: rgba(255,255,255,0.94); border-bottom: 1px solid var(--border); display: flex; align-items: center; justify-content: space-between; padding: 0 28px; position: sticky; top: 0; z-index: 5; backdrop-filter: blur(6px); }
.search-form { position: relative; display: flex; align-items: center; width: 420px; }
.search-icon { position: absolute; left: 11px; color: var(--muted); }
.search-form input[type="search"] { flex: 1; height: 36px; border: 1px solid var(--border); background: #f2f4f7; border-radius: 8px 0 0 8px; padding: 0 12px 0 34px; font: inherit; color: var(--text); border-right: none; }
.search-form input[type="search"]:focus { background: #fff; border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px var(--accent-soft); }
.search-button { height: 36px; border: 1px solid var(--border); background: #fff; border-radius: 0 8px 8px 0; padding: 0 14px; font: inherit; font-weight: 550; color: var(--text-2); cursor: pointer; }
.search-button:hover { background: #f2f4f7; }
.topbar-right { display: flex; align-items: center; gap: 18px; }
.today { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); font-size: 13px; }
.content { padding: 24px 28px 48px; max-width: 1240px; width: 100%; }

/* Menus (details/summary) */
.menu { position: relative; }
.menu > summary { list-style: none; cursor: pointer; display: inline-flex; align-items: center; gap: 8px; }
.menu > summary::-webkit-details-marker { display: none; }
.user-menu > summary { padding: 4px 8px 4px 4px; border-radius: 999px; border: 1px solid var(--border); background: #fff; font-weight: 550; }
.user-menu > summary:hover { background: #f7f8fa; }
.menu-panel { position: absolute; right: 0; top: calc(100% + 6px); min-width: 230px; background: #fff; border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow-lg); padding: 6px; z-index: 20; }
.menu-panel a { display: block; padding: 8px 10px; border-radius: 7px; color: var(--text); font-weight: 500; }
.menu-panel a:hover { background: var(--accent-soft); text-decoration: none; }
.menu-caption { font-size: 12px; color: var(--muted); padding: 6px 10px 8px; border-bottom: 1px solid var(--border); margin-bottom: 4px; }

/* Generic pieces */
.page-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; margin-bottom: 20px; }
.subtitle { color: var(--muted); margin-top: 4px; }
.page-actions { display: flex; gap: 8px; align-items: center; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card + .card, .card + section, section + .card, .detail-grid + .card, .overview-grid + .card, .tabs + .card + .card { margin-top: 18px; }
.card-header { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 14px 18px; border-bottom: 1px solid var(--border); min-height: 54px; }
.card-body { padding: 16px 18px; }
.card-title { display: flex; align-items: center; gap: 6px; font-size: 15px; }
.count { display: inline-block; min-width: 20px; padding: 0 7px; border-radius: 999px; background: #edf0f3; color: var(--text-2); font-size: 12px; font-weight: 600; text-align: center; margin-left: 4px; }
.empty { padding: 36px 18px; text-align: center; }
.empty-title { font-weight: 600; margin-bottom: 4px; }
.stack-col { display: flex; flex-direction: column; gap: 18px; min-width: 0; }
.stack-col > .card { margin-top: 0; }

/* Buttons */
.button { display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 36px; padding: 0 14px; border-radius: 8px; border: 1px solid var(--border-strong); background: #fff; color: var(--text); font: inherit; font-weight: 560; cursor: pointer; white-space: nowrap; box-shadow: 0 1px 1px rgba(16,32,48,0.04); }
.button:hover { background: #f6f8fa; text-decoration: none; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger:hover { background: #a82923; }
.button.danger-outline { color: var(--danger); border-color: #f0c5c2; }
.button.danger-outline:hover { background: #fdf1f0; }
.button.small { height: 30px; padding: 0 10px; font-size: 13px; }
.button.ghost { border-color: transparent; background: transparent; box-shadow: none; color: var(--muted); }
.button.ghost:hover { background: #eef1f4; color: var(--text); }
.button.danger-text:hover { color: var(--danger); background: #fdf1f0; }
.button.disabled { opacity: 0.45; pointer-events: none; }

/* Forms */
.field { display: flex; flex-direction: column; gap: 5px; min-width: 0; }
.field label { font-size: 12.5px; font-weight: 600; color: var(--text-2); }
.hint { font-size: 12px; color: var(--muted); }
input[type="text"], input[type="email"], input[type="number"], input[type="date"], input[type="search"], select, textarea {
  font: inherit; color: var(--text); background: #fff; border: 1px solid var(--border-strong); border-radius: 8px; height: 38px; padding: 0 11px; min-width: 0; width: 100%;
}
textarea { height: auto; padding: 9px 11px; resize: vertical; line-height: 1.45; }
select { padding-right: 30px; appearance: none; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%236a7789' stroke-width='2'%3E%3Cpath d='m7 10 5 5 5-5'/%3E%3C/svg%3E"); background-repeat: no-repeat; background-position: right 9px center; background-size: 16px; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"] { border-color: var(--danger) !important; box-shadow: 0 0 0 3px #fde3e1; }
.input-prefix { position: relative; display: flex; }
.input-prefix > span { position: absolute; left: 11px; top: 50%; transform: translateY(-50%); color: var(--muted); font-weight: 550; }
.input-prefix > input { padding-left: 24px; }
.stack > * + * { margin-top: 14px; }
.form-actions { display: flex; justify-content: flex-end; gap: 8px; }
.field-pair { display: flex; gap: 12px; align-items: flex-start; }
.field-pair > .field { flex: 1; }
.pair-arrow { align-self: center; margin-top: 22px; color: var(--muted); }
.form-error { display: flex; gap: 10px; align-items: flex-start; background: #fdf1f0; border: 1px solid #f4c7c3; color: #962620; border-radius: 8px; padding: 10px 12px; font-weight: 550; }
.form-error .icon { margin-top: 1px; }
.flash { display: flex; align-items: center; gap: 10px; background: #e9f8f1; border: 1px solid #a9e3c9; color: #0b5b3e; border-radius: 10px; padding: 10px 14px; margin-bottom: 18px; font-weight: 550; box-shadow: var(--shadow); }
.flash .icon { color: #0e9f6e; stroke-width: 2.6; }
.banner { display: flex; align-items: center; gap: 12px; background: #f0f7ff; border: 1px solid #cfe3fb; color: #1e4a7a; border-radius: 10px; padding: 12px 14px; margin-top: 18px; }

/* Badges, avatars, amounts */
.badge { display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px; border-radius: 999px; font-size: 11.5px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; vertical-align: middle; }
.badge .icon { width: 12px; height: 12px; }
.badge-pending { background: #fff7e6; color: #9a5b00; border-color: #fbe1ad; }
.badge-posted { background: #eaf7f1; color: #0a6e45; border-color: #c5ead8; }
.badge-scheduled { background: #eef4ff; color: #2754b3; border-color: #d4e1fb; }
.badge-frozen { background: #e8f4fd; color: #0b5ea8; border-color: #c4def6; }
.avatar { display: inline-grid; place-items: center; border-radius: 50%; color: #fff; font-weight: 650; flex: none; letter-spacing: 0.02em; }
.avatar-sm { width: 26px; height: 26px; font-size: 10.5px; }
.avatar-md { width: 34px; height: 34px; font-size: 12.5px; }
.avatar-lg { width: 58px; height: 58px; font-size: 20px; }
.avatar-user { background: linear-gradient(135deg, #14b890, #0e7c66); }
.amount { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.amount-in { color: var(--in); }
.amount-out { color: var(--text); }
.category { display: inline-flex; align-items: center; gap: 7px; white-space: nowrap; color: var(--text-2); }
.category-dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.account-glyph { display: inline-grid; place-items: center; border-radius: 9px; flex: none; }
.account-glyph-sm { width: 30px; height: 30px; }
.account-glyph-lg { width: 50px; height: 50px; border-radius: 13px; }
.account-glyph-lg .icon { width: 24px; height: 24px; }
.account-glyph-checking { background: #e3f3ee; color: #0e7c66; }
.account-glyph-savings { background: #eaf0ff; color: #2f5fd0; }
.account-glyph-credit { background: #f6ecff; color: #8140c9; }
.sidebar .account-glyph { background: rgba(255,255,255,0.08); color: #9fe7d3; width: 28px; height: 28px; }

/* Dialogs */
.dialog { border: none; border-radius: 14px; padding: 22px 24px; width: 440px; box-shadow: var(--shadow-lg); }
.dialog::backdrop { background: rgba(11, 31, 51, 0.5); }
.dialog h2 { font-size: 17px; margin-bottom: 8px; }
.dialog p { color: var(--text-2); }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }
`;
