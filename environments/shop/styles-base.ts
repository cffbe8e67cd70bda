import { RESET_STYLES } from '../kit/reset-styles.js';

/** Tokens, shell (promo strip, masthead, departments bar, footer), buttons, forms, badges, menus. */
export const BASE_STYLES = `
:root {
  --bg: #f8f6f2;
  --surface: #ffffff;
  --border: #e8e4dd;
  --border-strong: #d6d0c6;
  --text: #1f1c17;
  --text-2: #4c463d;
  --muted: #7a7266;
  --accent: #17663a;
  --accent-hover: #115230;
  --accent-soft: #e7f3ec;
  --warm: #c2410c;
  --danger: #c0262d;
  --radius: 12px;
  --shadow: 0 1px 2px rgba(40, 30, 10, 0.05), 0 1px 3px rgba(40, 30, 10, 0.04);
  --shadow-md: 0 6px 18px rgba(40, 30, 10, 0.08);
  --shadow-lg: 0 24px 48px rgba(30, 20, 5, 0.2);
}
${RESET_STYLES}body {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif;
  font-size: 14px; line-height: 1.45; color: var(--text); background: var(--bg); -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { margin: 0; font-weight: 680; letter-spacing: -0.015em; }
h1 { font-size: 24px; line-height: 1.2; }
h2 { font-size: 16px; }
h3 { font-size: 14px; }
dl, dd { margin: 0; }
fieldset { border: none; margin: 0; padding: 0; min-width: 0; }
.defs { position: absolute; }
.icon { width: 16px; height: 16px; flex: none; }
.skip-link { position: absolute; left: -999px; top: 8px; background: #fff; padding: 8px 12px; border-radius: 6px; z-index: 20; }
.skip-link:focus { left: 8px; }
.muted { color: var(--muted); }
.meta { color: var(--muted); font-size: 12.5px; }
.strong { font-weight: 650; color: var(--text); }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; letter-spacing: 0.01em; }
.muted-link, .muted-link:hover { color: inherit; text-decoration: none; }
.count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 999px; background: #f0ece5; color: var(--text-2); font-size: 11.5px; font-weight: 650; text-align: center; line-height: 18px; margin-left: 6px; }

/* Promo strip and masthead */
.promo { display: flex; align-items: center; justify-content: center; gap: 8px; background: #123d27; color: #d9efe1; font-size: 12.5px; padding: 6px 0; font-weight: 500; }
.promo .icon { width: 15px; height: 15px; color: #86d0a3; }
.promo-sep { opacity: 0.5; }
.masthead { background: var(--surface); border-bottom: 1px solid var(--border); position: sticky; top: 0; z-index: 10; }
.masthead-inner { max-width: 1232px; margin: 0 auto; padding: 12px 24px; display: flex; align-items: center; gap: 28px; }
.brand { display: flex; align-items: center; gap: 10px; color: var(--text); font-weight: 760; font-size: 19px; letter-spacing: -0.02em; white-space: nowrap; }
.brand:hover { text-decoration: none; }
.brand-mark { width: 34px; height: 34px; border-radius: 10px; background: linear-gradient(140deg, #1f7a47, #0f4d2b); display: grid; place-items: center; box-shadow: inset 0 -2px 0 rgba(0,0,0,0.15); }
.brand-mark .icon { width: 19px; height: 19px; color: #fff; stroke-width: 2.2; }
.search-form { flex: 1; display: flex; align-items: center; position: relative; max-width: 560px; }
.search-form input { width: 100%; height: 40px; border: 1px solid var(--border-strong); border-radius: 999px; padding: 0 92px 0 40px; font: inherit; background: #fbfaf8; }
.search-form input:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); background: #fff; }
.search-icon { position: absolute; left: 14px; color: var(--muted); }
.search-button { position: absolute; right: 4px; height: 32px; padding: 0 16px; border-radius: 999px; border: none; background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.search-button:hover { background: var(--accent-hover); }
.account-nav { margin-left: auto; }
.account-nav > ul { display: flex; align-items: center; gap: 4px; }
.head-link { display: inline-flex; align-items: center; gap: 7px; padding: 7px 10px; border-radius: 9px; color: var(--text-2); font-weight: 560; cursor: pointer; list-style: none; white-space: nowrap; }
.head-link::-webkit-details-marker { display: none; }
.head-link:hover { background: #f4f1ec; color: var(--text); text-decoration: none; }
.head-link[aria-current="page"] { color: var(--accent); background: var(--accent-soft); }
.head-link .icon { width: 18px; height: 18px; }
.cart-link { background: #f4f1ec; }
.pill { display: inline-grid; place-items: center; min-width: 20px; height: 20px; padding: 0 6px; border-radius: 999px; background: #ece7df; color: var(--text-2); font-size: 11.5px; font-weight: 700; }
.pill-accent { background: var(--accent); color: #fff; }
.avatar { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%; background: linear-gradient(140deg, #f59e0b, #c2410c); color: #fff; font-size: 11px; font-weight: 700; flex: none; }
.avatar-sm { width: 32px; height: 32px; font-size: 12px; background: linear-gradient(140deg, #86a897, #4e7a63); }
.caret { width: 14px; height: 14px; color: var(--muted); }
.departments { border-top: 1px solid #f1ede7; }
.departments ul { max-width: 1232px; margin: 0 auto; padding: 0 24px; display: flex; gap: 4px; }
.departments a { display: inline-block; padding: 10px 12px; color: var(--text-2); font-weight: 550; font-size: 13.5px; border-bottom: 2px solid transparent; }
.departments a:hover { color: var(--text); text-decoration: none; }
.departments a[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); }
.content { max-width: 1232px; margin: 0 auto; padding: 20px 24px 48px; min-height: 60vh; }
.footer { border-top: 1px solid var(--border); background: #f3f0ea; }
.footer-inner { max-width: 1232px; margin: 0 auto; padding: 18px 24px; display: flex; justify-content: space-between; color: var(--text-2); font-size: 13px; }
.footer .meta { display: inline-flex; gap: 6px; align-items: center; }

/* Menus */
.menu { position: relative; }
.menu > summary { list-style: none; }
.menu > summary::-webkit-details-marker { display: none; }
.menu-panel { position: absolute; right: 0; top: calc(100% + 6px); min-width: 220px; background: #fff; border: 1px solid var(--border); border-radius: 12px; box-shadow: var(--shadow-md); padding: 6px; z-index: 30; }
.menu-head { display: flex; flex-direction: column; padding: 8px 10px 10px; border-bottom: 1px solid var(--border); margin-bottom: 4px; }
.menu-panel a, .menu-item { display: flex; align-items: center; gap: 9px; width: 100%; padding: 8px 10px; border-radius: 8px; color: var(--text-2); font: inherit; font-weight: 520; background: none; border: none; cursor: pointer; text-align: left; }
.menu-panel a:hover, .menu-item:hover { background: #f4f1ec; color: var(--text); text-decoration: none; }

/* Cards, headers */
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card-header { display: flex; justify-content: space-between; align-items: center; padding: 14px 18px; border-bottom: 1px solid var(--border); }
.card-body { padding: 16px 18px; }
.page-header { display: flex; justify-content: space-between; align-items: flex-end; gap: 16px; margin-bottom: 18px; }
.subtitle { color: var(--muted); margin-top: 5px; display: flex; align-items: center; gap: 6px; }
.subtitle strong { color: var(--text); }
.page-actions { display: flex; gap: 8px; align-items: center; }
.section-head { display: flex; justify-content: space-between; align-items: center; margin: 28px 0 12px; }
.section-head h2 { font-size: 18px; }
.section-head a { display: inline-flex; align-items: center; gap: 2px; font-weight: 600; }
.breadcrumb ol { display: flex; gap: 8px; color: var(--muted); font-size: 13px; margin-bottom: 12px; }
.breadcrumb li + li::before { content: "/" / ""; margin-right: 8px; color: #c9c1b4; }
.breadcrumb a { color: var(--muted); }
.breadcrumb [aria-current] { color: var(--text-2); font-weight: 560; }

/* Buttons */
.button { display: inline-flex; align-items: center; justify-content: center; gap: 7px; height: 36px; padding: 0 14px; border-radius: 9px; border: 1px solid var(--border-strong); background: #fff; color: var(--text); font: inherit; font-weight: 600; cursor: pointer; white-space: nowrap; box-shadow: var(--shadow); }
.button:hover { background: #f7f4ef; text-decoration: none; }
.button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-hover); }
.button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
.button.danger-outline { color: var(--danger); border-color: #efc5c5; }
.button.danger-outline:hover { background: #fdf2f2; }
.button.ghost { border-color: transparent; background: transparent; box-shadow: none; color: var(--muted); }
.button.ghost:hover { background: #f4f1ec; color: var(--text); }
.button.light { background: rgba(255,255,255,0.9); border-color: transparent; }
.button.small { height: 30px; padding: 0 10px; font-size: 13px; }
.button.large { height: 44px; padding: 0 20px; font-size: 15px; border-radius: 10px; }
.button.block { width: 100%; }
.button.disabled, .button:disabled { opacity: 0.5; pointer-events: none; }

/* Forms */
.field { display: flex; flex-direction: column; gap: 5px; min-width: 0; }
.field label { font-size: 12.5px; font-weight: 620; color: var(--text-2); }
.hint { font-size: 12px; color: var(--muted); }
input[type="text"], input[type="date"], select, textarea { font: inherit; color: var(--text); background: #fff; border: 1px solid var(--border-strong); border-radius: 9px; height: 38px; padding: 0 11px; min-width: 0; width: 100%; }
textarea { height: auto; padding: 9px 11px; resize: vertical; line-height: 1.45; }
select { padding-right: 30px; appearance: none; background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%237a7266' stroke-width='2'%3E%3Cpath d='m7 10 5 5 5-5'/%3E%3C/svg%3E"); background-repeat: no-repeat; background-position: right 9px center; background-size: 16px; }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
[aria-invalid="true"] { border-color: var(--danger) !important; box-shadow: 0 0 0 3px #fde2e2; }
.stack > * + * { margin-top: 14px; }
.form-card { padding: 18px; }
.form-card h2 { display: flex; align-items: center; gap: 8px; }
.form-card form { margin-top: 14px; }
.form-actions { display: flex; justify-content: flex-end; gap: 10px; align-items: center; }
.field-grid { display: grid; gap: 14px; }
.field-grid.two { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.span-2 { grid-column: span 2; }
.form-error { display: flex; gap: 10px; align-items: flex-start; background: #fdf2f2; border: 1px solid #f6c9c9; color: #8f1d22; border-radius: 9px; padding: 10px 12px; font-weight: 560; }
.form-error .icon { margin-top: 1px; }
.page-error { margin-bottom: 14px; }
.flash { display: flex; align-items: center; gap: 10px; background: #ecf8f0; border: 1px solid #b5e2c4; color: #14532d; border-radius: 10px; padding: 10px 14px; margin-bottom: 16px; font-weight: 580; box-shadow: var(--shadow); }
.flash .icon { color: #16a34a; stroke-width: 2.6; }
.banner { display: flex; align-items: center; gap: 12px; border-radius: 10px; padding: 12px 16px; margin-bottom: 16px; }
.banner-muted { background: #f3f0ea; border: 1px solid var(--border); color: var(--text-2); }

/* Badges */
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 640; white-space: nowrap; border: 1px solid transparent; }
.badge .dot, .stock .dot { width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
.order-processing { background: #fff7e6; color: #a15c00; border-color: #fbe3b5; }
.order-shipped { background: #eaf3ff; color: #1d5fc4; border-color: #cfe2fc; }
.order-delivered { background: #eaf7ef; color: #17663a; border-color: #c4e8d1; }
.order-return-requested { background: #f6effe; color: #7c3aed; border-color: #e6d8fb; }
.order-returned { background: #f1f0ee; color: #5b544a; border-color: #e2ded7; }
.order-cancelled { background: #fdf0f0; color: #b42318; border-color: #f7d0cd; }
.return-requested { background: #f6effe; color: #7c3aed; border-color: #e6d8fb; }
.return-refunded { background: #eaf7ef; color: #17663a; border-color: #c4e8d1; }
.tag { display: inline-flex; align-items: center; gap: 3px; font-size: 11px; font-weight: 650; padding: 1px 7px; border-radius: 5px; background: #f1ede6; color: var(--text-2); margin-left: 4px; vertical-align: 1px; }
.tag .icon { width: 11px; height: 11px; stroke-width: 2.6; }
.tag-green { background: #eaf7ef; color: #17663a; }
.stock { display: inline-flex; align-items: center; gap: 6px; font-size: 12.5px; font-weight: 600; white-space: nowrap; }
.stock-in-stock { color: #17663a; }
.stock-low-stock { color: #b45309; }
.stock-out-of-stock { color: #9b2c2c; }
`;
