/** Tables and page layouts: overview, account, transfer, payees, payments, statements, cards, search. */
export const PAGE_STYLES = `
/* Tables */
.table { width: 100%; border-collapse: collapse; }
.table th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); background: #f9fafb; padding: 9px 14px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.table td { padding: 11px 14px; border-bottom: 1px solid #edf0f3; vertical-align: middle; }
.table tbody tr:last-child td { border-bottom: none; }
.table tbody tr:hover { background: #fafcfb; }
.table.compact td { padding: 9px 14px; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table th.num .sort-link { justify-content: flex-end; }
.table-card { overflow: hidden; }
.row-link { color: var(--text); font-weight: 560; }
.row-link:hover { color: var(--accent); }
.sub { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
.note-line { display: flex; align-items: center; gap: 5px; }
.note-line .icon { width: 12px; height: 12px; }
.account-cell { display: inline-flex; align-items: center; gap: 11px; }
.balance-big { font-size: 16px; font-weight: 650; color: var(--text); }
.muted-money { color: var(--text-2); }
.col-description { min-width: 280px; }
.col-actions { text-align: right; white-space: nowrap; width: 1%; }
.col-actions .button + .button { margin-left: 4px; }
.quick-add { padding: 16px 18px; }
.quick-add-head { display: flex; align-items: baseline; gap: 12px; margin-bottom: 10px; }
.inline-form { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
.inline-form > .field { flex: 1; min-width: 180px; }
.inline-form > .form-error { flex-basis: 100%; }
.inline-form > .button { height: 38px; }
.icon-button { width: 30px; padding: 0; }
.col-payee { min-width: 230px; }
.sort-link { color: var(--muted); display: inline-flex; gap: 4px; align-items: center; }
.sort-link:hover { color: var(--text); text-decoration: none; }
.sort-link.active { color: var(--text); }
.sort-arrow { font-size: 11px; opacity: 0.6; }
.pagination { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-top: 1px solid var(--border); background: #f9fafb; }
.pager { display: flex; align-items: center; gap: 10px; }
.page-of { color: var(--muted); font-size: 13px; }
.filter-bar { display: flex; align-items: flex-end; gap: 8px; padding: 12px 18px; border-bottom: 1px solid var(--border); background: #fbfcfd; }
.filter-form { display: flex; align-items: flex-end; gap: 12px; }
.filter-bar + .form-error { margin: 10px 18px; }
.filter-bar .field { width: 180px; }
.filter-bar input[type="date"], .filter-bar select { height: 34px; }
.filter-bar .button { height: 34px; }
.clear-link { font-size: 13px; align-self: center; margin-top: 18px; }
.filter-summary { padding: 10px 18px; color: var(--text-2); background: #f3faf7; border-bottom: 1px solid var(--border); font-size: 13px; }
.table-search { position: relative; display: flex; align-items: center; gap: 8px; width: 400px; }
.table-search .search-icon { left: 10px; }
.table-search input { height: 34px; padding-left: 32px; }
.table-search .button { height: 34px; }

/* Overview */
.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; margin-bottom: 18px; }
.stat { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 15px 18px; box-shadow: var(--shadow); position: relative; overflow: hidden; }
.stat::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 3px; }
.stat-green::before { background: #0e9f6e; } .stat-blue::before { background: #2f6fe4; } .stat-amber::before { background: #f59e0b; } .stat-violet::before { background: #8b5cf6; }
.stat dt { color: var(--muted); font-size: 12.5px; font-weight: 600; }
.stat dd { display: flex; flex-direction: column; gap: 2px; margin-top: 6px; }
.stat-value { font-size: 24px; font-weight: 700; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; }
.stat-hint { color: var(--muted); font-size: 12.5px; }
.overview-grid { display: grid; grid-template-columns: minmax(0, 1.65fr) minmax(0, 1fr); gap: 18px; align-items: start; margin-top: 18px; }
.overview-grid > .card { margin-top: 0; }
.upcoming { padding: 4px 18px 8px; }
.upcoming li { display: flex; align-items: center; gap: 12px; padding: 10px 0; border-bottom: 1px solid #eef1f4; }
.upcoming li:last-child { border-bottom: none; }
.upcoming-text { flex: 1; min-width: 0; }
.upcoming-icon { width: 34px; height: 34px; border-radius: 9px; background: var(--accent-soft); color: var(--accent); display: grid; place-items: center; }
.bars { padding: 10px 18px 16px; display: flex; flex-direction: column; gap: 12px; }
.bar-head { display: flex; justify-content: space-between; font-size: 13px; margin-bottom: 5px; color: var(--text-2); }
.bar { height: 7px; border-radius: 999px; background: #edf0f3; overflow: hidden; display: block; }
.bar > span { display: block; height: 100%; border-radius: 999px; }
.small-bar { width: 90px; height: 6px; display: inline-block; vertical-align: middle; margin-right: 8px; }
.share { display: inline-flex; align-items: center; font-variant-numeric: tabular-nums; color: var(--text-2); }

/* Account */
.breadcrumb ol { display: flex; gap: 8px; color: var(--muted); font-size: 13px; margin-bottom: 12px; }
.breadcrumb li + li::before { content: "/" / ""; margin-right: 8px; color: #c0c8d2; }
.breadcrumb a { color: var(--muted); }
.breadcrumb [aria-current] { color: var(--text-2); font-weight: 550; }
.account-hero { padding: 18px 20px 0; margin-bottom: 16px; }
.account-hero-top { display: flex; gap: 14px; align-items: center; }
.account-hero-text { flex: 1; min-width: 0; }
.hero-facts { display: flex; gap: 0; margin-top: 16px; border-top: 1px solid var(--border); }
.hero-facts > div { padding: 12px 24px 14px 0; margin-right: 24px; }
.hero-facts > div + div { border-left: 1px solid var(--border); padding-left: 24px; }
.hero-facts dt { font-size: 12px; color: var(--muted); font-weight: 550; }
.hero-facts dd { font-size: 16px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
.hero-facts .hero-main dd { font-size: 24px; letter-spacing: -0.02em; }
.actions-menu .menu-panel { min-width: 240px; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 18px; }
.tab { display: inline-flex; align-items: center; gap: 6px; padding: 9px 14px; color: var(--muted); font-weight: 560; border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); text-decoration: none; }
.tab[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); }
.hero-amount { font-size: 26px; font-weight: 700; letter-spacing: -0.02em; }
.hero-amount .amount { font-weight: 700; }
.task-meta { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }

/* Two-column layouts and facts */
.detail-grid { display: grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr); gap: 18px; align-items: start; }
.detail-grid > .card { margin-top: 0; }
.side-layout { display: grid; grid-template-columns: minmax(0, 1fr) 310px; gap: 18px; align-items: start; }
.side-layout > .card { margin-top: 0; }
.form-card { padding: 18px; }
.form-card form { margin-top: 14px; }
.form-card form > .button { width: 100%; height: 38px; }
.facts { padding: 4px 18px 10px; }
.facts > div { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 9px 0; border-bottom: 1px solid #eef1f4; }
.facts > div:last-child { border-bottom: none; }
.facts dt { color: var(--muted); font-size: 13px; }
.facts dd { text-align: right; font-weight: 560; }
.balance-list { padding: 4px 18px 8px; }
.balance-list li { display: flex; align-items: center; gap: 12px; padding: 11px 0; border-bottom: 1px solid #eef1f4; }
.balance-list li:last-child { border-bottom: none; }
.balance-list li > div { flex: 1; }
.repeat { display: inline-flex; align-items: center; gap: 6px; color: var(--text-2); }
.repeat .icon { width: 14px; height: 14px; color: var(--muted); }
.profile { display: flex; gap: 16px; align-items: center; padding: 18px 20px; margin-bottom: 18px; }
.profile-text { flex: 1; min-width: 0; }
.profile-stats { display: flex; gap: 26px; margin-right: 10px; }
.profile-stats dt { font-size: 12px; color: var(--muted); }
.profile-stats dd { font-weight: 650; font-size: 16px; margin-top: 2px; }

/* Statements */
.statement-table .strong { font-weight: 650; }

/* Cards */
.card-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 18px; }
.card-grid > .card { margin-top: 0; }
.card-tile { display: flex; gap: 28px; padding: 20px; align-items: stretch; }
.card-tile-body { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 8px; }
.card-tile-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.card-tile-head h2 a { color: var(--text); }
.card-tile-actions { display: flex; gap: 18px; align-items: center; margin-top: auto; padding-top: 12px; border-top: 1px solid var(--border); }
.limit-facts { display: grid; grid-template-columns: repeat(3, auto); gap: 6px 40px; justify-content: start; margin-top: 6px; }
.limit-facts dt { white-space: nowrap; }
.limit-facts dt { font-size: 11.5px; color: var(--muted); }
.limit-facts dd { font-weight: 650; font-size: 15px; }
.bank-card { position: relative; width: 250px; height: 156px; flex: none; border-radius: 14px; padding: 16px 18px; color: #fff; display: flex; flex-direction: column; justify-content: space-between; overflow: hidden; box-shadow: 0 10px 24px rgba(11,31,51,0.25); }
.bank-card-debit { background: radial-gradient(circle at 85% 15%, rgba(255,255,255,0.18), transparent 45%), linear-gradient(135deg, #0e7c66, #0b3d4f); }
.bank-card-credit { background: radial-gradient(circle at 85% 15%, rgba(255,255,255,0.2), transparent 45%), linear-gradient(135deg, #3b2a7a, #0b1f33); }
.bank-card-top, .bank-card-bottom { display: flex; justify-content: space-between; align-items: center; font-size: 12px; }
.bank-card-brand { font-weight: 750; font-size: 15px; letter-spacing: 0.01em; }
.bank-card-kind { opacity: 0.8; text-transform: uppercase; letter-spacing: 0.12em; font-size: 10.5px; }
.chip { width: 34px; height: 25px; border-radius: 5px; background: linear-gradient(135deg, #f6d98b, #c9a24a); }
.bank-card-number { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; letter-spacing: 0.08em; font-size: 14.5px; }
.network { font-weight: 800; font-style: italic; font-size: 15px; letter-spacing: 0.02em; }
.bank-card.is-frozen { filter: saturate(0.25) brightness(0.95); }
.frozen-overlay { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; gap: 8px; background: rgba(214,236,252,0.55); color: #0b3f70; font-weight: 700; font-size: 16px; backdrop-filter: blur(1.5px); }
.frozen-overlay .icon { width: 22px; height: 22px; }
.toggle-form { display: inline-flex; }
.switch { display: inline-flex; align-items: center; gap: 9px; cursor: pointer; font-weight: 560; color: var(--text-2); position: relative; }
.switch input { position: absolute; left: 0; top: 50%; transform: translateY(-50%); opacity: 0; width: 38px; height: 22px; margin: 0; cursor: pointer; z-index: 1; }
.switch-track { pointer-events: none; width: 38px; height: 22px; border-radius: 999px; background: #cfd6de; position: relative; transition: background 0.15s; flex: none; }
.switch-track::after { content: ""; position: absolute; top: 3px; left: 3px; width: 16px; height: 16px; border-radius: 50%; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,0.2); transition: left 0.15s; }
.switch input:checked + .switch-track { background: #2b7bd0; }
.switch input:checked + .switch-track::after { left: 19px; }
.switch input:focus-visible + .switch-track { outline: 2px solid var(--accent); outline-offset: 2px; }
.card-detail-grid { display: grid; grid-template-columns: 300px minmax(0, 1fr); gap: 18px; align-items: start; }
.card-detail-grid > .card { margin-top: 0; }
.card-side { padding: 20px 20px 4px; display: flex; flex-direction: column; align-items: center; }
.card-side .card-body { padding: 16px 0; width: 100%; }
.freeze-hint { margin-top: 8px; }

/* Search */
.search-grid { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 18px; align-items: start; }
.search-grid > .card { margin-top: 0; }
.result-list li { display: flex; gap: 12px; padding: 12px 18px; border-bottom: 1px solid #eef1f4; align-items: center; }
.result-list li:last-child { border-bottom: none; }
`;
