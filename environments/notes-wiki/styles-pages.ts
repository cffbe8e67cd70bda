/** Tables, page view (prose, tabs, menu, dialogs), forms with the editor, home, search, history. */
export const PAGE_STYLES = `
/* Tables */
.table { width: 100%; border-collapse: collapse; }
.table th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); background: #fafaf8; padding: 9px 12px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.table td { padding: 9px 12px; border-bottom: 1px solid #efede8; vertical-align: middle; }
.table tbody tr:last-child td { border-bottom: none; }
.table tbody tr:hover { background: #fbfbf9; }
.table.compact td { padding: 8px 12px; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; }
.table-card { overflow: hidden; }
.title-link { color: var(--text); font-weight: 580; }
.title-link:hover { color: var(--accent); }
.row-tags { display: flex; gap: 4px; flex-wrap: wrap; margin-top: 4px; }
.row-tags .tag { font-size: 11px; line-height: 16px; padding: 0 6px; }
.row-tags .tag .icon { display: none; }
.col-check { width: 44px; padding-left: 16px !important; }
.col-actions { width: 110px; text-align: right; }
.col-title { min-width: 260px; }
.summary-cell { color: var(--text-2); }
.is-current td { background: #f6fbfa; }
.version-link { font-weight: 650; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.sort-link { color: var(--muted); display: inline-flex; gap: 4px; align-items: center; }
.sort-link:hover { color: var(--text); text-decoration: none; }
.sort-link.active { color: var(--text); }
.sort-arrow { font-size: 11px; opacity: 0.6; }
.pagination { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-top: 1px solid var(--border); background: #fafaf8; }
.pager { display: flex; align-items: center; gap: 10px; }
.page-of { color: var(--muted); font-size: 13px; }
.filter-bar { display: flex; align-items: center; gap: 14px; padding: 12px 16px; border-bottom: 1px solid var(--border); }
.filter-bar .field { flex-direction: row; align-items: center; gap: 8px; }
.filter-bar select { min-width: 160px; height: 32px; }
.clear-link { font-size: 13px; }
.tag-link { display: inline-flex; align-items: center; gap: 6px; font-weight: 600; }
.star-mark .icon { width: 14px; height: 14px; fill: #f6c343; stroke: #b7791f; margin-right: 8px; vertical-align: -2px; }

/* Tabs, breadcrumb, menu, dialogs */
.breadcrumb ol { display: flex; flex-wrap: wrap; gap: 8px; color: var(--muted); font-size: 13px; margin-bottom: 10px; }
.breadcrumb li + li::before { content: "/" / ""; margin-right: 8px; color: #c8c5bd; }
.breadcrumb a { color: var(--muted); }
.breadcrumb [aria-current] { color: var(--text-2); font-weight: 550; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 18px; }
.tab { display: inline-flex; align-items: center; gap: 6px; padding: 8px 14px; color: var(--muted); font-weight: 550; border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); text-decoration: none; }
.tab[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); }
.doc-header h1 { font-size: 28px; letter-spacing: -0.02em; }
.doc-meta { display: flex; align-items: center; gap: 8px; margin-top: 6px; }
.tag-row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.menu { position: relative; }
.menu > summary { list-style: none; }
.menu > summary::-webkit-details-marker { display: none; }
.menu-panel { position: absolute; right: 0; top: 40px; z-index: 20; width: 210px; background: #fff; border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow-lg); padding: 6px; }
.menu-item { display: flex; width: 100%; align-items: center; gap: 9px; padding: 7px 10px; border-radius: 7px; color: var(--text); background: none; border: none; font: inherit; text-align: left; cursor: pointer; }
.menu-item:hover { background: #f3f2ee; text-decoration: none; }
.menu-item .icon { color: var(--muted); }
.dialog { border: none; border-radius: 14px; padding: 22px 24px; width: 440px; box-shadow: var(--shadow-lg); }
.dialog::backdrop { background: rgba(28, 25, 18, 0.45); }
.dialog h2 { font-size: 17px; margin-bottom: 8px; }
.dialog p { color: var(--text-2); }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }

/* Page view */
.doc-grid { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 20px; align-items: start; }
.doc-side .card { margin-top: 0; }
.doc-side .card + .card { margin-top: 16px; }
.doc { padding: 24px 30px 28px; }
.prose { font-size: 15px; line-height: 1.65; color: #2a2d2b; max-width: 720px; }
.prose > * + * { margin-top: 12px; }
.prose h2 { font-size: 19px; margin-top: 26px; padding-bottom: 6px; border-bottom: 1px solid #efede8; }
.prose h3 { font-size: 16px; margin-top: 20px; }
.prose > h2:first-child, .prose > h3:first-child { margin-top: 0; }
.prose ul { list-style: disc; padding-left: 22px; }
.prose ol { list-style: decimal; padding-left: 22px; }
.prose li + li { margin-top: 4px; }
.prose code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; background: #f3f2ee; border: 1px solid #e9e7e1; padding: 1px 5px; border-radius: 5px; }
.prose pre { background: #1f2422; color: #e6ede9; padding: 12px 14px; border-radius: 8px; overflow-x: auto; }
.prose pre code { background: none; border: none; color: inherit; padding: 0; }
.prose blockquote { margin: 12px 0 0; padding: 8px 14px; border-left: 3px solid var(--accent); background: #f3faf8; border-radius: 0 8px 8px 0; }
.wikilink { color: var(--accent); font-weight: 550; border-bottom: 1px dashed rgba(15,118,110,0.45); }
.wikilink:hover { text-decoration: none; border-bottom-style: solid; }
.wikilink.missing { color: #b42318; border-bottom-color: rgba(180,35,24,0.45); }
.wikilink.archived { color: var(--muted); text-decoration: line-through; }
.side-card { padding: 14px 16px; }
.side-title { font-size: 12px; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); margin-bottom: 10px; }
.toc li { padding: 3px 0; font-size: 13px; }
.toc .toc-3 { padding-left: 12px; }
.toc a { color: var(--text-2); }
.facts > div { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 7px 0; border-bottom: 1px solid #f1efea; font-size: 13px; }
.facts > div:last-child { border-bottom: none; }
.facts dt { color: var(--muted); }
.facts dd { text-align: right; font-weight: 550; }
.link-list li { display: flex; align-items: center; gap: 9px; padding: 9px 18px; border-bottom: 1px solid #f1efea; }
.link-list li:last-child { border-bottom: none; }
.link-list .icon { color: #9a9d97; }
.link-list a { font-weight: 550; color: var(--text); }
.link-list a:hover { color: var(--accent); }
.link-list .meta { margin-left: auto; text-align: right; }
.diff { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; display: flex; flex-direction: column; gap: 3px; margin-bottom: 12px; }
.diff li { padding: 3px 6px; border-radius: 4px; overflow-wrap: anywhere; }
.diff-added { background: #e8f6e9; color: #1f5f25; }
.diff-removed { background: #fdecec; color: #8f1f18; }

/* Forms with the editor */
.form-grid { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 20px; align-items: start; }
.form-card { padding: 20px 22px; }
.form-card > h2 { margin-bottom: 4px; }
.form-card > p + form { margin-top: 16px; }
.editor { border: 1px solid var(--border-strong); border-radius: 9px; overflow: hidden; background: #fff; }
.editor:focus-within { border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
.editor textarea { border: none; border-radius: 0; width: 100%; display: block; box-shadow: none !important; min-height: 240px; }
.toolbar { display: flex; align-items: center; gap: 2px; padding: 5px 6px; border-bottom: 1px solid var(--border); background: #fafaf8; }
.tool { width: 30px; height: 28px; display: grid; place-items: center; border: 1px solid transparent; background: none; border-radius: 6px; color: var(--text-2); cursor: pointer; }
.tool:hover { background: #fff; border-color: var(--border); color: var(--text); }
.toolbar-hint { margin-left: auto; font-size: 11.5px; color: var(--muted); padding-right: 6px; }
.syntax > div { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; border-bottom: 1px solid #f1efea; font-size: 12.5px; }
.syntax > div:last-child { border-bottom: none; }
.syntax code { font-size: 12px; background: #f3f2ee; padding: 1px 5px; border-radius: 4px; }
.syntax dd { color: var(--muted); }

/* Home */
.stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin-bottom: 18px; }
.stat { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 14px 18px; box-shadow: var(--shadow); position: relative; overflow: hidden; }
.stat::before { content: ""; position: absolute; left: 0; top: 0; bottom: 0; width: 3px; }
.stat-teal::before { background: #0f766e; } .stat-blue::before { background: #2563eb; } .stat-violet::before { background: #7c3aed; } .stat-amber::before { background: #f59e0b; }
.stat dt { color: var(--muted); font-size: 12.5px; font-weight: 600; }
.stat dd { display: flex; align-items: baseline; gap: 8px; margin-top: 4px; }
.stat-value { font-size: 26px; font-weight: 700; letter-spacing: -0.02em; font-variant-numeric: tabular-nums; }
.stat-hint { color: var(--muted); font-size: 12.5px; }
.home-grid { display: grid; grid-template-columns: minmax(0, 1.7fr) minmax(0, 1fr); gap: 18px; align-items: start; }
.home-grid > * > .card, .home-grid > * > section { margin-top: 0; }
.home-grid .stack-lg > * + * { margin-top: 16px; }
.section-title { font-size: 13px; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); margin-bottom: 10px; }
.space-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; }
.space-grid .card + .card { margin-top: 0; }
.space-card { display: flex; gap: 12px; padding: 14px 16px; }
.space-card h3 { font-size: 14.5px; }
.space-card h3 a { color: var(--text); }
.space-icon { width: 34px; height: 34px; border-radius: 9px; background: var(--accent-soft); color: var(--accent); display: grid; place-items: center; flex: none; }
.space-intro { color: var(--text-2); font-size: 13px; margin-top: 4px; }
.tag-cloud { display: flex; flex-wrap: wrap; gap: 6px; }

/* Search */
.results .result { display: flex; gap: 12px; padding: 14px 18px; border-bottom: 1px solid #f1efea; }
.results .result:last-child { border-bottom: none; }
.result-icon { width: 30px; height: 30px; border-radius: 8px; background: #f3f2ee; color: var(--muted); display: grid; place-items: center; flex: none; }
.result-title a { font-size: 15px; font-weight: 620; }
.snippet { color: var(--text-2); margin-top: 4px; }
.snippet mark { background: #fdf0b8; color: inherit; padding: 0 1px; border-radius: 3px; }
`;
