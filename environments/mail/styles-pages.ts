/** The message table, message page, compose, drafts, settings and dialogs. */
export const PAGE_STYLES = `
/* Message table */
.table-card { overflow: hidden; }
.list-toolbar { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 10px 16px; border-bottom: 1px solid var(--border); background: #fbfcfe; }
.filter-bar { display: flex; align-items: center; gap: 12px; }
.field.inline { flex-direction: row; align-items: center; gap: 8px; }
.filter-bar select { height: 30px; min-width: 140px; font-size: 13px; }
.clear-link { font-size: 13px; }
.table { width: 100%; border-collapse: collapse; }
.table th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); background: #fafbfd; padding: 8px 10px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.table td { padding: 7px 10px; border-bottom: 1px solid #eef1f5; vertical-align: middle; }
.table tbody tr:last-child td { border-bottom: none; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; }
.mail-table { table-layout: fixed; }
.mail-table tbody tr { transition: background 0.1s; }
.mail-table tbody tr:hover { background: #f5f8ff; box-shadow: inset 3px 0 0 var(--accent); }
.mail-table tr.is-unread { background: #fff; }
.mail-table tr.is-read { background: #f9fafc; }
.mail-table tr.is-unread .subject-link, .mail-table tr.is-unread .sender-name { font-weight: 700; color: var(--text); }
.mail-table tr.is-read .subject-link { font-weight: 500; }
.mail-table tr.is-read .sender-name { color: var(--text-2); }
.is-dragging .nav-link[data-drop-folder], .is-dragging .nav-link[data-drop-label] { outline: 1px dashed #9db6ef; }
.mail-table tr[draggable="true"] { cursor: grab; }
.col-check { width: 40px; padding-left: 16px !important; }
.col-star { width: 34px; padding-left: 2px !important; padding-right: 2px !important; }
.col-sender { width: 190px; }
.mail-table .col-subject { width: auto; }
.col-labels { width: 150px; }
.col-folder { width: 84px; }
.col-date { width: 82px; text-align: right; white-space: nowrap; color: var(--text-2); font-size: 13px; font-variant-numeric: tabular-nums; }
.mail-table th.col-date { text-align: right; }
.mail-table tr.is-unread .col-date { color: var(--text); font-weight: 650; }
.col-actions { width: 128px; text-align: right; }
.col-to { width: 190px; }
.drafts-table .col-date { text-align: left; width: 110px; }
.col-snippet { width: 34%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.sender { display: flex; align-items: center; gap: 9px; min-width: 0; }
.to-prefix { color: var(--muted); font-weight: 500; }
.sender-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.col-subject { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.subject-link { color: var(--text); }
.subject-link:hover { color: var(--accent); }
.snippet { color: var(--muted); font-weight: 400; }
.sort-link { color: var(--muted); display: inline-flex; gap: 4px; align-items: center; }
.sort-link:hover { color: var(--text); text-decoration: none; }
.sort-link.active { color: var(--text); }
.sort-arrow { font-size: 11px; opacity: 0.6; }
.star-toggle { appearance: none; -webkit-appearance: none; width: 20px; height: 20px; margin: 0; cursor: pointer; vertical-align: middle; border-radius: 4px;
  background: no-repeat center/18px url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23a3adc0' stroke-width='1.8' stroke-linejoin='round'%3E%3Cpath d='m12 3.8 2.5 5.2 5.7.8-4.1 4 1 5.6L12 16.8l-5.1 2.6 1-5.6-4.1-4 5.7-.8z'/%3E%3C/svg%3E"); }
.star-toggle:checked { background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='%23f5b301' stroke='%23e0a100' stroke-width='1.6' stroke-linejoin='round'%3E%3Cpath d='m12 3.8 2.5 5.2 5.7.8-4.1 4 1 5.6L12 16.8l-5.1 2.6 1-5.6-4.1-4 5.7-.8z'/%3E%3C/svg%3E"); }
.star-toggle:hover { background-color: #fff6d6; }
.star-toggle.large { width: 26px; height: 26px; background-size: 24px; }
.read-toggle { appearance: none; -webkit-appearance: none; width: 20px; height: 20px; margin: 0; cursor: pointer; vertical-align: middle; border-radius: 50%;
  background: radial-gradient(circle, var(--accent) 0 5px, transparent 5.5px); }
.read-toggle:checked { background: radial-gradient(circle, transparent 0 3.8px, #c2cad8 4.2px 5.6px, transparent 6px); }
.read-toggle:hover { background-color: #e6edfb; }
.row-action { opacity: 0.75; }
tr:hover .row-action { opacity: 1; }
.pagination { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-top: 1px solid var(--border); background: #fafbfd; }
.pager { display: flex; align-items: center; gap: 10px; }
.page-of { color: var(--muted); font-size: 13px; }
.heading-label { display: inline-flex; align-items: center; gap: 10px; }
.heading-label .swatch { width: 14px; height: 14px; border-radius: 4px; }

/* Message page */
.message-toolbar { display: flex; align-items: center; gap: 7px; padding: 8px 10px; margin-bottom: 16px; flex-wrap: wrap; }
.toolbar-divider { width: 1px; height: 22px; background: var(--border); margin: 0 4px; }
.toolbar-spacer { flex: 1; }
.toolbar-select { display: flex; align-items: center; gap: 8px; }
.toolbar-select label { font-size: 12.5px; font-weight: 600; color: var(--text-2); white-space: nowrap; }
.toolbar-select select { height: 34px; min-width: 112px; }
.icon-button { width: 34px; padding: 0; }
.message-layout { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 18px; align-items: start; }
.message-card { padding: 22px 26px; margin-top: 0 !important; }
.subject-row { display: flex; align-items: center; gap: 12px; }
.subject-row h1 { flex: 0 1 auto; }
.star-form { margin-left: auto; }
.applied-labels { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 10px; }
.applied-labels li { display: inline-flex; align-items: center; gap: 2px; }
.applied-labels form { display: inline; }
.chip-remove { border: none; background: #eef1f6; color: var(--muted); width: 20px; height: 20px; border-radius: 6px; cursor: pointer; font-size: 14px; line-height: 1; }
.chip-remove:hover { background: #fde2e2; color: var(--danger); }
.message-meta { display: flex; align-items: center; gap: 12px; margin-top: 18px; padding-bottom: 18px; border-bottom: 1px solid var(--border); }
.meta-lines { flex: 1; min-width: 0; }
.message-date { display: flex; flex-direction: column; align-items: flex-end; font-size: 13px; color: var(--text-2); }
.message-body { padding: 20px 0 6px; font-size: 15px; line-height: 1.6; color: #1f2940; max-width: 720px; }
.message-body p + p { margin-top: 14px; }
.signature { margin-top: 18px; color: var(--muted); font-size: 13.5px; }
.message-side .card { margin-top: 0; }
.message-side .card + .card { margin-top: 16px; }
.contact-card { padding: 20px; display: flex; flex-direction: column; align-items: center; text-align: center; gap: 4px; }
.contact-card .avatar { margin-bottom: 6px; }
.contact-stat { margin: 8px 0 12px; color: var(--text-2); font-size: 13px; }
.contact-stat span { font-weight: 700; color: var(--text); }
.thread-list li { display: flex; gap: 10px; padding: 10px 16px; border-bottom: 1px solid #f0f2f5; }
.thread-list li:last-child { border-bottom: none; }
.thread-list a { font-size: 13px; }

/* Compose */
.compose-card { max-width: 860px; }
.compose-form { padding: 6px 22px 20px; }
.compose-form .form-error { margin-top: 14px; }
.compose-fields .row-field { flex-direction: row; align-items: center; gap: 0; border-bottom: 1px solid var(--border); }
.compose-fields .row-field label { width: 80px; flex: none; color: var(--muted); font-size: 13.5px; font-weight: 550; }
.compose-fields .row-field input { flex: 1; border: none; box-shadow: none; height: 44px; padding: 0; font-size: 14.5px; }
.compose-fields .row-field input:focus { box-shadow: none; }
.compose-fields .row-field:focus-within { border-bottom-color: var(--accent); }
.body-field { margin-top: 14px; }
.body-field label { color: var(--muted); }
.body-field textarea { font-size: 14.5px; min-height: 220px; }
.signature-preview { margin-top: 12px; padding: 10px 12px; border-left: 3px solid #dbe2ee; color: var(--text-2); font-size: 13.5px; }
.signature-preview .meta { display: flex; align-items: center; gap: 6px; margin-bottom: 4px; }
.signature-preview .icon { width: 14px; height: 14px; }
.quoted > summary { cursor: pointer; display: inline-flex; align-items: center; gap: 6px; color: var(--muted); font-weight: 550; list-style: none; }
.quoted > summary::-webkit-details-marker { display: none; }
.quoted[open] > summary { margin-bottom: 10px; }
.quoted { margin-top: 14px; padding: 12px 14px; background: #f7f9fc; border-radius: 10px; border: 1px solid #edf0f5; color: var(--text-2); font-size: 13.5px; }
.quote-head { color: var(--muted); margin-bottom: 8px; }
.quoted blockquote { margin: 0; padding-left: 12px; border-left: 3px solid #cfd8e6; }
.quoted blockquote p + p { margin-top: 8px; }
.compose-actions { display: flex; align-items: center; gap: 8px; margin-top: 18px; }
.compose-actions .button.primary { padding: 0 22px; }
.discard-link { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); font-weight: 550; }
.discard-link:hover { color: var(--danger); }
.draft-tag { display: inline-block; margin-right: 8px; padding: 0 6px; border-radius: 5px; background: #fdeaea; color: #b42318; font-size: 11px; font-weight: 700; line-height: 18px; }
.draft-to { font-weight: 600; }

/* Settings */
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 18px; }
.tab { display: inline-flex; align-items: center; gap: 7px; padding: 9px 14px; color: var(--muted); font-weight: 580; border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); text-decoration: none; }
.tab[aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); }
.settings-form { max-width: 760px; }
.settings-card { padding: 18px 20px; }
.settings-card-head { margin-bottom: 14px; }
.settings-card-head h2 { display: flex; align-items: center; gap: 8px; }
.settings-card-head .meta { margin-top: 3px; }
.settings-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.static-value { height: 36px; display: flex; align-items: center; color: var(--text-2); }
.narrow input { width: 200px; }
.sticky-actions { margin-top: 16px; }
.signature-layout, .labels-layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 18px; align-items: start; }
.signature-layout .card, .labels-layout .card { margin-top: 0; }
.preview-mail { border: 1px solid var(--border); border-radius: 10px; padding: 14px; background: #fbfcfe; }
.preview-mail p + p { margin-top: 8px; }
.label-link { display: inline-flex; align-items: center; gap: 9px; color: var(--text); font-weight: 600; }
.labels-table td { padding: 10px 12px; }

/* Dialog */
.dialog { border: none; border-radius: 14px; padding: 22px 24px; width: 420px; box-shadow: var(--shadow-lg); text-align: left; }
.dialog::backdrop { background: rgba(17, 24, 39, 0.45); }
.dialog h2 { font-size: 17px; margin-bottom: 8px; }
.dialog p { color: var(--text-2); white-space: normal; }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }
`;
