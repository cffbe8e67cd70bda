import { RESET_STYLES } from '../kit/reset-styles.js';

/** Shell, sidebar tree, typography, buttons, forms, badges and avatars. */
export const BASE_STYLES = `
:root {
  --bg: #f7f7f4;
  --surface: #ffffff;
  --border: #e6e4de;
  --border-strong: #d5d2ca;
  --text: #1d1f1e;
  --text-2: #4a4f4c;
  --muted: #737873;
  --accent: #0f766e;
  --accent-hover: #0b5f58;
  --accent-soft: #e3f3f0;
  --danger: #c2332b;
  --sidebar: #fbfaf8;
  --radius: 10px;
  --shadow: 0 1px 2px rgba(28, 25, 18, 0.05), 0 1px 3px rgba(28, 25, 18, 0.04);
  --shadow-lg: 0 20px 44px rgba(28, 25, 18, 0.2);
}
${RESET_STYLES}body {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif;
  font-size: 14px; line-height: 1.5; color: var(--text); background: var(--bg); -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { margin: 0; font-weight: 650; letter-spacing: -0.01em; }
h1 { font-size: 24px; line-height: 1.25; }
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
.center { text-align: center; padding-bottom: 24px; }
form.inline { display: inline; }

/* Shell */
.app { display: flex; min-height: 100vh; }
.sidebar { width: 260px; flex: none; background: var(--sidebar); border-right: 1px solid var(--border); display: flex; flex-direction: column; padding: 16px 12px; position: sticky; top: 0; height: 100vh; overflow-y: auto; }
.brand { display: flex; align-items: center; gap: 10px; color: var(--text); font-weight: 750; font-size: 18px; padding: 2px 8px 12px; letter-spacing: -0.02em; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 30px; height: 30px; border-radius: 9px; background: linear-gradient(135deg, #14b8a6, #0f766e); display: grid; place-items: center; color: #fff; box-shadow: 0 2px 6px rgba(15,118,110,0.35); }
.brand-mark .icon { width: 17px; height: 17px; stroke-width: 2.2; }
.workspace { display: flex; align-items: center; gap: 8px; padding: 7px 8px; margin-bottom: 10px; border-radius: 8px; color: var(--text-2); font-weight: 550; font-size: 13px; border: 1px solid var(--border); background: #fff; }
.workspace-mark { width: 20px; height: 20px; border-radius: 5px; background: #f59e0b; color: #3b2503; display: grid; place-items: center; font-size: 11px; font-weight: 800; }
.new-page-button { width: 100%; margin-bottom: 12px; }
.nav ul { display: flex; flex-direction: column; gap: 1px; }
.nav-link { display: flex; align-items: center; gap: 10px; padding: 6px 10px; border-radius: 7px; color: var(--text-2); font-weight: 520; }
.nav-link:hover { background: #efeee9; text-decoration: none; color: var(--text); }
.nav-link[aria-current="page"] { background: var(--accent-soft); color: var(--accent-hover); font-weight: 600; }
.nav-count { margin-left: auto; font-size: 11.5px; color: var(--muted); font-weight: 600; }
.nav-tree { margin-top: 18px; }
.nav-heading { font-size: 11px; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-weight: 650; padding: 0 10px 6px; }
.tree { display: flex; flex-direction: column; gap: 1px; }
.tree .tree { margin-left: 14px; padding-left: 6px; border-left: 1px solid #e9e7e1; }
.tree-branch { position: relative; }
.tree-node > summary { list-style: none; position: absolute; left: 0; top: 3px; width: 20px; height: 22px; display: grid; place-items: center; border-radius: 5px; cursor: pointer; }
.tree-node > summary::-webkit-details-marker { display: none; }
.tree-node > summary:hover { background: #e6e4de; }
.tree-caret { width: 14px; height: 14px; color: #9a9d97; transition: transform 0.12s; }
.tree-node[open] > summary .tree-caret { transform: rotate(90deg); }
.tree-link { display: flex; align-items: center; gap: 7px; padding: 4px 8px 4px 22px; border-radius: 6px; color: var(--text-2); font-size: 13px; min-width: 0; }
.tree-link:hover { background: #efeee9; }
.tree-link span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tree-link .icon { width: 14px; height: 14px; color: #9a9d97; }
.tree-link:hover { text-decoration: none; color: var(--text); }
.tree-link[aria-current="page"] { color: var(--accent-hover); font-weight: 600; background: var(--accent-soft); }
.tree-link[aria-current="page"] .icon { color: var(--accent); }
.sidebar-footer { margin-top: auto; display: flex; gap: 10px; align-items: center; padding: 12px 8px 0; border-top: 1px solid var(--border); }
.sidebar-user { color: var(--text); font-weight: 600; font-size: 13px; }
.sidebar-role { font-size: 12px; color: var(--muted); }
.main { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.topbar { height: 58px; background: rgba(255,255,255,0.9); border-bottom: 1px solid var(--border); display: flex; align-items: center; justify-content: space-between; padding: 0 28px; position: sticky; top: 0; z-index: 5; backdrop-filter: blur(6px); }
.search-form { position: relative; display: flex; align-items: center; width: 460px; }
.search-icon { position: absolute; left: 11px; color: var(--muted); }
.search-form input { flex: 1; height: 36px; border: 1px solid var(--border); background: #f4f3ef; border-radius: 8px 0 0 8px; padding: 0 12px 0 34px; font: inherit; color: var(--text); border-right: none; }
.search-form input:focus { background: #fff; border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px var(--accent-soft); }
.search-button { height: 36px; border: 1px solid var(--border); background: #fff; border-radius: 0 8px 8px 0; padding: 0 14px; font: inherit; font-weight: 550; color: var(--text-2); cursor: pointer; }
.search-button:hover { background: #f4f3ef; }
.topbar-right { display: flex; align-items: center; gap: 16px; }
.today { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); font-size: 13px; }
.content { padding: 22px 28px 48px; max-width: 1200px; width: 100%; }

/* Generic pieces */
.page-header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; margin-bottom: 18px; }
.subtitle { color: var(--muted); margin-top: 4px; }
.page-actions { display: flex; gap: 8px; align-items: flex-start; flex: none; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card + .card, .card + section, section + .card { margin-top: 16px; }
.card-header { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 12px 18px; border-bottom: 1px solid var(--border); }
.card-header h2 { display: flex; align-items: center; gap: 7px; }
.card-body { padding: 14px 18px; }
.count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 999px; background: #efeee9; color: var(--text-2); font-size: 12px; font-weight: 600; text-align: center; margin-left: 4px; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--accent-soft); color: var(--accent-hover); font-size: 11.5px; font-weight: 600; vertical-align: middle; }
.muted-pill { background: #efeee9; color: var(--muted); }
.empty { padding: 34px 18px; text-align: center; }
.empty-title { font-weight: 600; margin-bottom: 4px; }
.stack-lg > * + * { margin-top: 16px; }
.stack-lg > .card + .card, .stack-lg > section + section { margin-top: 16px; }

/* Buttons */
.button { display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 34px; padding: 0 14px; border-radius: 8px; border: 1px solid var(--border-strong); background: #fff; color: var(--text); font: inherit; font-weight: 550; cursor: pointer; white-space: nowrap; box-shadow: 0 1px 1px rgba(28,25,18,0.04); text-decoration: none; }
.button:hover { background: #f6f5f1; text-decoration: none; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger:hover { background: #a3261f; }
.button.danger-outline { color: var(--danger); border-color: #efc7c3; }
.button.danger-outline:hover { background: #fdf2f1; }
.button.small { height: 28px; padding: 0 10px; font-size: 13px; }
.button.ghost { border-color: transparent; background: transparent; box-shadow: none; color: var(--muted); }
.button.ghost:hover { background: #efeee9; color: var(--text); }
.button.disabled { opacity: 0.45; pointer-events: none; }
.star-button.is-starred { color: #b7791f; border-color: #f3d98b; background: #fffaeb; }
.star-button.is-starred .icon { fill: #f6c343; stroke: #b7791f; }

/* Forms */
.field { display: flex; flex-direction: column; gap: 5px; min-width: 0; }
.field label { font-size: 12.5px; font-weight: 600; color: var(--text-2); }
.hint { font-size: 12px; color: var(--muted); }
input[type="text"], input[type="date"], select, textarea { font: inherit; color: var(--text); background: #fff; border: 1px solid var(--border-strong); border-radius: 8px; height: 36px; padding: 0 10px; min-width: 0; }
textarea { height: auto; padding: 10px 12px; resize: vertical; line-height: 1.55; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
select { padding-right: 28px; appearance: none; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23737873' stroke-width='2'%3E%3Cpath d='m7 10 5 5 5-5'/%3E%3C/svg%3E"); background-repeat: no-repeat; background-position: right 8px center; background-size: 16px; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"], .editor.is-invalid { border-color: var(--danger) !important; box-shadow: 0 0 0 3px #fde2df; }
.stack > * + * { margin-top: 14px; }
.form-actions { display: flex; justify-content: flex-end; gap: 8px; }
.field-row { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.form-error { display: flex; gap: 10px; align-items: flex-start; background: #fdf2f1; border: 1px solid #f5c9c4; color: #8f1f18; border-radius: 8px; padding: 10px 12px; font-weight: 550; }
.form-error .icon { margin-top: 2px; }
.flash { display: flex; align-items: center; gap: 10px; background: #ecfdf5; border: 1px solid #a7f3d0; color: #065f46; border-radius: 9px; padding: 10px 14px; margin-bottom: 16px; font-weight: 550; box-shadow: var(--shadow); }
.flash .icon { color: #059669; stroke-width: 2.6; }
.banner { display: flex; align-items: center; gap: 12px; background: #fffbeb; border: 1px solid #fde68a; color: #92400e; border-radius: 9px; padding: 10px 14px; margin-bottom: 16px; }
.banner p { flex: 1; }
.banner.info { background: #eff6ff; border-color: #cfe0fb; color: #1e429f; }
.star-check { appearance: none; width: 20px; height: 20px; margin: 0; cursor: pointer; vertical-align: middle; border-radius: 5px; background: no-repeat center / 17px url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23a3a69f' stroke-width='1.8' stroke-linejoin='round'%3E%3Cpath d='m12 3.5 2.6 5.3 5.9.9-4.25 4.1 1 5.8L12 16.9l-5.25 2.7 1-5.8L3.5 9.7l5.9-.9z'/%3E%3C/svg%3E"); }
.star-check:hover { background-color: #f3f2ee; }
.star-check:checked { background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='%23f6c343' stroke='%23b7791f' stroke-width='1.6' stroke-linejoin='round'%3E%3Cpath d='m12 3.5 2.6 5.3 5.9.9-4.25 4.1 1 5.8L12 16.9l-5.25 2.7 1-5.8L3.5 9.7l5.9-.9z'/%3E%3C/svg%3E"); }

/* Badges, avatars */
.tag { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 560; line-height: 19px; border: 1px solid transparent; white-space: nowrap; }
.tag .icon { width: 11px; height: 11px; }
a.tag:hover { text-decoration: none; filter: brightness(0.97); }
.tag-teal { background: #e3f3f0; color: #0b5f58; border-color: #c5e6e0; }
.tag-blue { background: #e8f0fe; color: #1f4fb5; border-color: #d0defb; }
.tag-violet { background: #f1ebfe; color: #6230c4; border-color: #e2d6fc; }
.tag-rose { background: #fdecf1; color: #b0234f; border-color: #f8d3de; }
.tag-amber { background: #fdf3de; color: #8f5a06; border-color: #f6e0b0; }
.tag-slate { background: #eef0f2; color: #46505c; border-color: #dde1e6; }
.tag-green { background: #e8f6e9; color: #26712d; border-color: #cde9d0; }
.tag-indigo { background: #ebedfd; color: #3a3fb5; border-color: #d6d9fa; }
.avatar { display: inline-grid; place-items: center; border-radius: 50%; color: #fff; font-weight: 650; flex: none; letter-spacing: 0.02em; }
.avatar-sm { width: 22px; height: 22px; font-size: 10px; }
.avatar-md { width: 32px; height: 32px; font-size: 12px; }
.avatar-lg { width: 56px; height: 56px; font-size: 19px; }
.person { display: inline-flex; align-items: center; gap: 8px; white-space: nowrap; }
.due-overdue { color: #b42318; font-weight: 600; }
.due-soon { color: #b45309; font-weight: 550; }
.due-hint { font-size: 11px; font-weight: 650; padding: 0 6px; border-radius: 5px; background: #fee4e2; color: #b42318; }
`;
