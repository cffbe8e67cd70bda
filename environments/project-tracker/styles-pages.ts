/** Tables and the page-specific layouts (dashboard, projects, board, task detail, search, people). */
export const PAGE_STYLES = `
/* Tables */
.table { width: 100%; border-collapse: collapse; }
.table th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: none; background: #fafbfc; padding: 9px 12px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.table td { padding: 10px 12px; border-bottom: 1px solid #eef0f4; vertical-align: middle; }
.table tbody tr:last-child td { border-bottom: none; }
.table tbody tr:hover { background: #fafbff; }
.table.compact td { padding: 9px 12px; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; }
.table-card { overflow: hidden; }
.task-link { color: var(--text); font-weight: 550; }
.task-link:hover { color: var(--accent); }
.task-sub { display: flex; gap: 6px; align-items: center; margin-top: 3px; flex-wrap: wrap; }
.task-key { color: var(--muted); font-size: 12px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.is-done .task-link { color: var(--muted); text-decoration: line-through; text-decoration-color: #b8bfcc; }
.col-check { width: 44px; padding-left: 16px !important; }
.col-actions { width: 96px; text-align: right; }
.col-title { min-width: 300px; }
.sort-link { color: var(--muted); display: inline-flex; gap: 4px; align-items: center; }
.sort-link:hover { color: var(--text); text-decoration: none; }
.sort-link.active { color: var(--text); }
.sort-arrow { font-size: 11px; opacity: 0.6; }
.project-ref { display: inline-flex; align-items: center; gap: 7px; color: var(--text-2); white-space: nowrap; }
.pagination { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-top: 1px solid var(--border); background: #fafbfc; }
.pager { display: flex; align-items: center; gap: 10px; }
.page-of { color: var(--muted); font-size: 13px; }
.filter-bar { display: flex; align-items: flex-end; gap: 12px; padding: 12px 16px; border-bottom: 1px solid var(--border); }
.filter-bar .field { flex-direction: row; align-items: center; gap: 8px; }
.filter-bar select { min-width: 150px; }
.clear-link { font-size: 13px; align-self: center; }

/* Dashboard */
.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; margin-bottom: 18px; }
.stat { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px; box-shadow: var(--shadow); position: relative; overflow: hidden; }
.stat::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 3px; }
.stat-blue::before { background: #4f46e5; } .stat-amber::before { background: #f59e0b; } .stat-red::before { background: #ef4444; } .stat-green::before { background: #10b981; }
.stat dt { color: var(--muted); font-size: 12.5px; font-weight: 600; }
.stat dd { display: flex; align-items: baseline; gap: 8px; margin-top: 6px; }
.stat-value { font-size: 28px; font-weight: 700; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; }
.stat-hint { color: var(--muted); font-size: 12.5px; }
.dashboard-grid { display: grid; grid-template-columns: minmax(0, 1.75fr) minmax(0, 1fr); gap: 18px; align-items: start; }
.dashboard-grid > .card { margin-top: 0; }
.activity { padding: 6px 18px 12px; }
.activity li { display: flex; gap: 10px; padding: 9px 0; border-bottom: 1px solid #f0f2f5; }
.activity li:last-child { border-bottom: none; }
.activity p { font-size: 13px; color: var(--text-2); }
.progress-list { padding: 8px 18px 16px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px 28px; }
.progress-head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 6px; }
.progress-head a { display: inline-flex; gap: 8px; align-items: center; color: var(--text); font-weight: 550; }
.progress { height: 6px; border-radius: 999px; background: #eef0f4; overflow: hidden; }
.progress span { display: block; height: 100%; border-radius: 999px; }

/* Projects */
.projects-layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 20px; align-items: start; }
.project-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
.project-grid > .card { margin-top: 0; }
.project-card { padding: 16px 18px; display: flex; flex-direction: column; gap: 12px; }
.project-card-top { display: flex; gap: 12px; align-items: center; }
.project-card h2 a { color: var(--text); }
.project-icon { width: 34px; height: 34px; border-radius: 9px; display: grid; place-items: center; color: #fff; font-weight: 750; flex: none; }
.project-icon-lg { width: 46px; height: 46px; border-radius: 12px; font-size: 19px; }
.project-description { color: var(--text-2); min-height: 40px; }
.project-stats { display: flex; gap: 24px; }
.project-stats dt { font-size: 12px; color: var(--muted); }
.project-stats dd { font-size: 17px; font-weight: 650; }
.project-card-foot { display: flex; justify-content: space-between; align-items: center; font-size: 13px; color: var(--text-2); }
.breadcrumb ol { display: flex; gap: 8px; color: var(--muted); font-size: 13px; margin-bottom: 12px; }
.breadcrumb li + li::before { content: "/" / ""; margin-right: 8px; color: #c3c8d2; }
.breadcrumb a { color: var(--muted); }
.breadcrumb [aria-current] { color: var(--text-2); font-weight: 550; }
.project-header { display: flex; gap: 14px; align-items: center; margin-bottom: 16px; }
.project-header-text { flex: 1; min-width: 0; }
.project-header h1 .key { font-size: 12px; margin-left: 6px; }
.header-facts { display: flex; gap: 22px; }
.header-facts dt { font-size: 12px; color: var(--muted); }
.header-facts dd { font-weight: 650; font-size: 15px; margin-top: 2px; }
.header-facts .person { font-size: 13.5px; font-weight: 550; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 18px; }
.tab { display: inline-flex; align-items: center; gap: 6px; padding: 8px 14px; color: var(--muted); font-weight: 550; border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); text-decoration: none; }
.tab[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); }
.quick-add { padding: 14px 16px; }
.quick-add .card-title { margin-bottom: 10px; }
.quick-add + .card { margin-top: 16px; }
.inline-form .form-error { margin-bottom: 10px; }
.inline-fields { display: flex; gap: 12px; align-items: flex-end; }
.inline-fields .grow { flex: 1; }
.inline-fields select { min-width: 150px; }

/* Board */
.board { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px; align-items: start; }
.board-column { background: #eef0f5; border-radius: 12px; padding: 10px; border: 1px solid #e5e8ef; }
.column-header { display: flex; justify-content: space-between; align-items: center; padding: 4px 6px 10px; }
.column-header h2 { display: flex; align-items: center; gap: 8px; font-size: 13px; }
.column-todo .dot { background: #8792a6; } .column-in-progress .dot { background: #2f6fe4; }
.column-in-review .dot { background: #8b5cf6; } .column-done .dot { background: #10b981; }
.column-header h2 { color: var(--text); }
.column-header .count { background: #fff; }
.board-cards { display: flex; flex-direction: column; gap: 8px; }
.board-card { background: #fff; border: 1px solid var(--border); border-radius: 9px; padding: 10px 12px; box-shadow: var(--shadow); display: flex; flex-direction: column; gap: 8px; }
.board-card-top { display: flex; justify-content: space-between; align-items: center; }
.board-card-title { color: var(--text); font-weight: 580; line-height: 1.35; }
.board-card-meta { display: flex; justify-content: space-between; align-items: center; font-size: 12.5px; }
.board-card-move select { width: 100%; height: 28px; font-size: 12.5px; background-color: #f8f9fb; }
.column-empty { color: var(--muted); text-align: center; padding: 18px 0; font-size: 13px; }

/* Task detail */
.task-meta { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-top: 8px; }
.detail-grid { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 20px; align-items: start; }
.detail-side .card { margin-top: 0; }
.facts { padding: 6px 18px 12px; }
.facts > div { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 9px 0; border-bottom: 1px solid #f0f2f5; }
.facts > div:last-child { border-bottom: none; }
.facts dt { color: var(--muted); font-size: 13px; }
.facts dd { text-align: right; font-weight: 550; display: flex; gap: 4px; flex-wrap: wrap; justify-content: flex-end; }
.facts dd a { color: var(--text); display: inline-flex; align-items: center; gap: 7px; }
.comments { display: flex; flex-direction: column; gap: 16px; margin-bottom: 18px; }
.comment { display: flex; gap: 12px; }
.comment-body { flex: 1; background: #f8f9fb; border: 1px solid #eef0f4; border-radius: 10px; padding: 9px 12px; }
.comment-head { display: flex; gap: 8px; align-items: baseline; margin-bottom: 3px; }
.comment-form { border-top: 1px solid var(--border); padding-top: 14px; }
.comment-form .form-actions { margin-top: 10px; }
.comment-form .form-error { margin-bottom: 10px; }
.dialog { border: none; border-radius: 14px; padding: 22px 24px; width: 420px; box-shadow: var(--shadow-lg); }
.dialog::backdrop { background: rgba(17, 24, 39, 0.45); }
.dialog h2 { font-size: 17px; margin-bottom: 8px; }
.dialog p { color: var(--text-2); }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }

/* Search, people */
.result-list li { display: flex; gap: 12px; padding: 12px 18px; border-bottom: 1px solid #f0f2f5; }
.result-list li:last-child { border-bottom: none; }
.profile { display: flex; gap: 16px; align-items: center; padding: 18px 20px; margin-bottom: 18px; }
.profile-text { flex: 1; }
`;
