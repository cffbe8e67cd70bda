/** Home, cart, checkout, orders, order detail, dialogs, wishlist, returns and addresses. */
export const PAGE_STYLES = `
/* Home */
.hero { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 24px; align-items: center; padding: 30px 44px 36px; border-radius: 18px; background: linear-gradient(120deg, #173d2a 0%, #1f5a3a 55%, #2f7350 100%); color: #f2f7f3; box-shadow: var(--shadow-md); overflow: hidden; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.12em; font-size: 12px; font-weight: 700; color: #a7dcb9; }
.hero h1 { font-size: 34px; line-height: 1.12; margin: 10px 0 12px; color: #fff; letter-spacing: -0.025em; }
.hero-sub { color: #cfe5d7; font-size: 15px; max-width: 52ch; }
.hero-actions { display: flex; gap: 10px; margin-top: 22px; }
.hero .button.primary { background: #f6b24a; border-color: #f6b24a; color: #2a1d05; }
.hero .button.primary:hover { background: #f3a32c; }
.hero-art { display: grid; grid-template-columns: repeat(2, 1fr); gap: 12px; transform: rotate(-4deg); width: 100%; max-width: 330px; justify-self: center; }
.hero-tile { aspect-ratio: 1.25; border-radius: 16px; background: var(--tile-bg); color: var(--tile-ink); display: grid; place-items: center; box-shadow: 0 10px 24px rgba(0,0,0,0.22); }
.hero-tile:nth-child(2), .hero-tile:nth-child(4) { transform: translateY(14px); }
.hero-icon { width: 46%; height: 46%; stroke-width: 1.3; }
.order-strip { margin-top: 16px; padding: 12px 18px; display: flex; gap: 20px; align-items: center; }
.order-strip h2 { display: flex; align-items: center; gap: 8px; font-size: 14px; white-space: nowrap; }
.order-strip h2 .icon { color: var(--accent); }
.order-strip ul { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.order-strip li { display: flex; align-items: center; gap: 10px; }
.home-section .section-head { margin-top: 26px; }
.dept-grid { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; }
.dept-tile { display: flex; flex-direction: column; gap: 4px; padding: 16px; border-radius: 14px; background: var(--tile-bg); border: 1px solid rgba(0,0,0,0.04); color: var(--text); transition: transform .15s; }
.dept-tile:hover { text-decoration: none; transform: translateY(-2px); }
.dept-icon { width: 30px; height: 30px; color: var(--tile-ink); margin-bottom: 8px; stroke-width: 1.6; }
.dept-name { font-weight: 680; }

/* Cart and checkout */
.cart-layout, .checkout-layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 20px; align-items: start; }
.cart-table .row-sub { margin-top: 3px; }
.qty-select { width: 76px; height: 34px; }
.summary-card { padding: 18px; display: flex; flex-direction: column; gap: 14px; position: sticky; top: 128px; }
.totals > div { display: flex; justify-content: space-between; padding: 6px 0; color: var(--text-2); }
.totals dd { font-variant-numeric: tabular-nums; font-weight: 580; color: var(--text); }
.totals .total-row { border-top: 1px solid var(--border); margin-top: 6px; padding-top: 12px; font-size: 16px; font-weight: 700; color: var(--text); }
.totals .total-row dd { font-weight: 760; }
.ship-note { display: flex; gap: 8px; align-items: center; background: var(--accent-soft); color: #14532d; padding: 9px 12px; border-radius: 9px; font-size: 13px; }
.continue-link { text-align: center; font-weight: 600; }
.checkout-form { padding: 22px 24px; display: flex; flex-direction: column; gap: 22px; }
.checkout-form legend { float: left; width: 100%; display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 16px; margin-bottom: 14px; padding: 0; }
.checkout-form legend + * { clear: both; }
.checkout-form fieldset + fieldset { border-top: 1px solid var(--border); padding-top: 20px; }
.step { display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 50%; background: var(--accent); color: #fff; font-size: 12.5px; font-weight: 700; }
.secure-note { display: flex; gap: 8px; align-items: flex-start; color: var(--muted); font-size: 12.5px; padding-top: 24px; }
.secure-note .icon { color: var(--accent); }
.mini-lines { display: flex; flex-direction: column; gap: 10px; }
.mini-lines li { display: flex; align-items: center; gap: 10px; }
.mini-name { flex: 1; display: flex; flex-direction: column; font-weight: 580; font-size: 13px; }

/* Orders */
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--border); margin-bottom: 16px; }
.tab { display: inline-flex; align-items: center; padding: 9px 14px; color: var(--muted); font-weight: 600; border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); text-decoration: none; }
.tab[aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); }
.tab[aria-selected="true"] .count { background: var(--accent-soft); color: var(--accent); }
.items-cell .meta { white-space: nowrap; }
.task-meta { gap: 12px; }
.progress-card { padding: 18px 24px; margin-bottom: 18px; display: flex; align-items: center; gap: 24px; }
.steps { display: flex; flex: 1; }
.steps li { flex: 1; display: flex; flex-direction: column; gap: 2px; position: relative; padding-top: 34px; }
.steps li::before { content: ""; position: absolute; top: 12px; left: 26px; right: 0; height: 3px; background: #ebe6de; border-radius: 3px; }
.steps li:last-child::before { display: none; }
.steps li.done::before { background: #8fd0a9; }
.step-dot { position: absolute; top: 0; left: 0; width: 26px; height: 26px; border-radius: 50%; background: #ebe6de; display: grid; place-items: center; color: #fff; }
.steps li.done .step-dot { background: var(--accent); }
.step-dot .icon { width: 14px; height: 14px; stroke-width: 3; }
.step-label { font-weight: 650; }
.eta { display: flex; gap: 8px; align-items: center; background: #f4f1ec; padding: 10px 14px; border-radius: 10px; font-weight: 560; white-space: nowrap; }
.detail-grid { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 20px; align-items: start; }
.detail-main, .detail-side { display: flex; flex-direction: column; gap: 18px; }
.facts { padding: 6px 18px 12px; }
.facts > div { display: flex; justify-content: space-between; gap: 12px; padding: 9px 0; border-bottom: 1px solid #f0ece6; }
.facts > div:last-child { border-bottom: none; }
.facts dt { color: var(--muted); }
.facts dd { text-align: right; font-weight: 560; }
.address { line-height: 1.55; }
.pay-line { display: flex; gap: 8px; align-items: center; margin-top: 12px; padding-top: 12px; border-top: 1px solid var(--border); font-weight: 580; }
.return-list li { display: grid; grid-template-columns: 90px 1fr auto auto; gap: 12px; align-items: center; padding: 8px 0; border-bottom: 1px solid #f0ece6; }
.menu-right .menu-panel { right: 0; }
.dialog { border: none; border-radius: 16px; padding: 24px; width: 440px; box-shadow: var(--shadow-lg); }
.dialog::backdrop { background: rgba(28, 22, 12, 0.45); }
.dialog h2 { font-size: 18px; margin-bottom: 8px; }
.dialog p { color: var(--text-2); }
.dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 22px; }

/* Addresses */
.addresses-layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 20px; align-items: start; }
.address-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
.address-card { padding: 16px 18px; display: flex; flex-direction: column; gap: 10px; }
.address-top { display: flex; align-items: center; gap: 10px; }
.address-icon { width: 32px; height: 32px; border-radius: 9px; background: var(--accent-soft); color: var(--accent); display: grid; place-items: center; }
.address-foot { display: flex; justify-content: space-between; align-items: center; border-top: 1px solid var(--border); padding-top: 10px; }
.not-found { padding: 40px; text-align: center; display: flex; flex-direction: column; gap: 10px; align-items: center; }
`;
