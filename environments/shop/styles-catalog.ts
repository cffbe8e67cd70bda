/** Product art, cards, the catalog (filters, tabs, grid, list), product page and reviews. */
export const CATALOG_STYLES = `
/* Product art */
.art { position: relative; display: grid; place-items: center; overflow: hidden; background: radial-gradient(circle at 30% 25%, #ffffffaa, transparent 60%), var(--art-bg); color: var(--art-ink); border-radius: 10px; }
.art-blob { position: absolute; width: 62%; height: 62%; border-radius: 42% 58% 52% 48% / 50% 42% 58% 50%; background: var(--art-ink); opacity: 0.09; }
.art-icon { position: relative; width: 42%; height: 42%; stroke-width: 1.3; filter: drop-shadow(0 6px 8px rgba(0,0,0,0.08)); }
.art-md { width: 100%; aspect-ratio: 4 / 3; }
.art-lg { width: 100%; aspect-ratio: 1 / 1; border-radius: 12px; }
.art-lg .art-icon { width: 36%; height: 36%; stroke-width: 1.1; }
.art-sm { width: 44px; height: 44px; border-radius: 8px; flex: none; }
.art-sm .art-icon { width: 24px; height: 24px; stroke-width: 1.6; }
.art-sm .art-blob { display: none; }

/* Stars, price */
.stars { display: inline-flex; gap: 1px; vertical-align: -2px; }
.star { width: 14px; height: 14px; }
.star path { fill: #dfe3ea; }
.star-full path { fill: #f59e0b; }
.star-half path { fill: url(#star-half); }
.stars-lg .star { width: 20px; height: 20px; }
.rating { display: inline-flex; align-items: center; gap: 5px; font-size: 12.5px; }
.rating-value { font-weight: 650; color: var(--text); }
.rating-count { color: var(--muted); }
.price { display: inline-flex; align-items: baseline; gap: 7px; }
.price-now { font-weight: 720; font-size: 15.5px; color: var(--text); letter-spacing: -0.01em; }
.price-sale { color: var(--warm); }
.price-was { color: var(--muted); font-size: 12.5px; }
.sale-tag { position: absolute; left: 10px; top: 10px; background: var(--warm); color: #fff; font-size: 11px; font-weight: 700; padding: 2px 8px; border-radius: 6px; letter-spacing: 0.02em; }
.sale-tag-lg { left: 16px; top: 16px; font-size: 12.5px; padding: 3px 10px; }

/* Heart checkbox */
.heart { appearance: none; margin: 0; width: 34px; height: 34px; border-radius: 50%; cursor: pointer; background: #fff url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%235b544a' stroke-width='1.9' stroke-linejoin='round'%3E%3Cpath d='M12 20s-7.5-4.4-7.5-10.1A4.2 4.2 0 0 1 12 7.6a4.2 4.2 0 0 1 7.5 2.3C19.5 15.6 12 20 12 20z'/%3E%3C/svg%3E") center / 18px no-repeat; box-shadow: 0 1px 4px rgba(0,0,0,0.14); border: none; }
.heart:checked { background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='%23e11d48' stroke='%23e11d48' stroke-width='1.9' stroke-linejoin='round'%3E%3Cpath d='M12 20s-7.5-4.4-7.5-10.1A4.2 4.2 0 0 1 12 7.6a4.2 4.2 0 0 1 7.5 2.3C19.5 15.6 12 20 12 20z'/%3E%3C/svg%3E"); }
.heart:hover { transform: scale(1.06); }
.heart-sm { width: 30px; height: 30px; background-size: 16px; box-shadow: none; border: 1px solid var(--border); }
.heart-inline { box-shadow: none; border: 1px solid var(--border-strong); }
.card-media .save-form { position: absolute; right: 10px; top: 10px; }

/* Product cards */
.product-grid { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 16px; }
.product-card { background: #fff; border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; display: flex; flex-direction: column; box-shadow: var(--shadow); transition: box-shadow .15s, transform .15s; }
.product-card:hover { box-shadow: var(--shadow-md); transform: translateY(-1px); }
.card-media { position: relative; padding: 8px 8px 0; }
.card-media .art { border-radius: 9px; }
.card-info { padding: 10px 14px 14px; display: flex; flex-direction: column; gap: 5px; flex: 1; }
.brand-line { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 650; }
.product-title { font-size: 14.5px; font-weight: 620; line-height: 1.3; }
.product-title a { color: var(--text); }
.card-bottom { display: flex; justify-content: space-between; align-items: center; margin-top: auto; padding-top: 4px; gap: 6px; }
.card-info .quick-add { margin-top: 8px; }

/* Catalog */
.catalog { display: grid; grid-template-columns: 220px minmax(0, 1fr); gap: 20px; align-items: start; }
.catalog-side { display: flex; flex-direction: column; gap: 14px; position: sticky; top: 128px; }
.side-card { padding: 14px 10px; }
.side-title { font-size: 12px; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); padding: 0 8px 8px; }
.dept-list a { display: flex; align-items: center; gap: 9px; padding: 7px 8px; border-radius: 8px; color: var(--text-2); font-weight: 540; }
.dept-list a:hover { background: #f6f3ee; text-decoration: none; color: var(--text); }
.dept-list a[aria-current] { background: var(--accent-soft); color: var(--accent); font-weight: 650; }
.dept-label { flex: 1; }
.dept-all { background: conic-gradient(#c2410c 0 17%, #4f46e5 0 34%, #15803d 0 51%, #0369a1 0 68%, #a16207 0 85%, #be185d 0); border-radius: 50%; }
.dept-dot { width: 8px; height: 8px; border-radius: 3px; flex: none; }
.promo-card { padding: 16px; background: linear-gradient(160deg, #fff5eb, #fff); display: flex; flex-direction: column; gap: 4px; }
.promo-card .icon { color: var(--warm); width: 20px; height: 20px; margin-bottom: 4px; }
.filter-bar { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)) auto; gap: 12px; align-items: end; padding: 14px 16px; margin-bottom: 14px; }
.filter-actions { display: flex; gap: 12px; align-items: center; }
.clear-link { font-size: 13px; white-space: nowrap; }
.toolbar { display: flex; justify-content: space-between; align-items: center; margin-bottom: 12px; }
.view-tabs { display: inline-flex; background: #efebe4; border-radius: 9px; padding: 3px; gap: 2px; }
.view-tab { display: inline-flex; align-items: center; gap: 6px; padding: 5px 12px; border-radius: 7px; color: var(--text-2); font-weight: 600; font-size: 13px; }
.view-tab:hover { text-decoration: none; color: var(--text); }
.view-tab[aria-selected="true"] { background: #fff; color: var(--text); box-shadow: var(--shadow); }
.pager-card { margin-top: 16px; overflow: hidden; }

/* Tables */
.table { width: 100%; border-collapse: collapse; }
.table th { text-align: left; font-size: 12px; font-weight: 650; color: var(--muted); background: #faf8f5; padding: 10px 14px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.table td { padding: 11px 14px; border-bottom: 1px solid #f0ece6; vertical-align: middle; }
.table tbody tr:last-child td { border-bottom: none; }
.table tbody tr:hover { background: #fcfbf8; }
.table .num { text-align: right; font-variant-numeric: tabular-nums; }
.table-card { overflow: hidden; }
.row-product { display: flex; align-items: center; gap: 12px; }
.row-link { color: var(--text); font-weight: 620; }
.row-link:hover { color: var(--accent); }
.row-sub { display: block; margin-top: 2px; }
.col-save, .col-actions { width: 60px; text-align: right; }
.col-actions.wide { width: 230px; }
.row-actions { display: inline-flex; gap: 6px; justify-content: flex-end; }
.sort-link { color: var(--muted); display: inline-flex; gap: 4px; align-items: center; }
.sort-link:hover { color: var(--text); text-decoration: none; }
.sort-link.active { color: var(--text); }
.sort-arrow { font-size: 11px; opacity: 0.6; }
.num .sort-link { justify-content: flex-end; }
.pagination { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; border-top: 1px solid var(--border); background: #faf8f5; }
.pager-card .pagination { border-top: none; }
.pager { display: flex; align-items: center; gap: 10px; }
.page-of { color: var(--muted); font-size: 13px; }
.empty { text-align: center; padding: 44px 20px; display: flex; flex-direction: column; align-items: center; gap: 6px; }
.empty-title { font-weight: 650; font-size: 15px; }
.empty .button { margin-top: 10px; }

/* Product page */
.product-layout { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 32px; align-items: start; }
.product-media { padding: 14px; position: relative; }
.product-info { display: flex; flex-direction: column; gap: 10px; }
.product-info h1 { font-size: 28px; }
.product-price { display: flex; align-items: center; gap: 12px; }
.product-price .price-now { font-size: 26px; }
.product-price .price-was { font-size: 15px; }
.save-badge { background: #fff1e7; color: var(--warm); font-weight: 700; font-size: 12px; padding: 3px 8px; border-radius: 6px; }
.product-description { color: var(--text-2); font-size: 15px; line-height: 1.55; max-width: 56ch; }
.buy-box { padding: 16px; display: flex; flex-direction: column; gap: 12px; margin-top: 4px; }
.buy-row { display: flex; justify-content: space-between; align-items: center; }
.buy-row .meta { display: inline-flex; align-items: center; gap: 6px; }
.buy-form { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; }
.buy-form .form-error { width: 100%; }
.quantity-field { width: 110px; }
.buy-form .button { flex: 1; }
.in-cart { display: flex; align-items: center; gap: 6px; color: var(--accent); font-weight: 600; }
.sold-out { display: flex; gap: 8px; align-items: center; color: #9b2c2c; background: #fdf2f2; border-radius: 8px; padding: 10px 12px; font-weight: 560; }
.save-row { display: flex; align-items: center; gap: 10px; }
.reassurance { display: flex; align-items: center; gap: 6px; border-top: 1px solid var(--border); padding-top: 10px; }
.specs { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 24px; margin-top: 6px; }
.specs > div { display: flex; justify-content: space-between; gap: 12px; padding: 8px 0; border-bottom: 1px solid var(--border); }
.specs dt { color: var(--muted); }
.specs dd { font-weight: 560; text-align: right; }

/* Reviews */
.reviews-layout { display: grid; grid-template-columns: 340px minmax(0, 1fr); gap: 20px; align-items: start; }
.reviews-side { display: flex; flex-direction: column; gap: 16px; }
.rating-card { padding: 18px; display: flex; flex-direction: column; align-items: flex-start; gap: 6px; }
.rating-big { font-size: 40px; font-weight: 750; letter-spacing: -0.03em; line-height: 1; }
.bars { width: 100%; margin-top: 8px; display: flex; flex-direction: column; gap: 6px; }
.bars li { display: grid; grid-template-columns: 44px 1fr 24px; gap: 10px; align-items: center; font-size: 12.5px; color: var(--text-2); }
.bar { height: 8px; border-radius: 999px; background: #f0ece5; overflow: hidden; }
.bar span { display: block; height: 100%; background: #f59e0b; border-radius: 999px; }
.bar-count { text-align: right; color: var(--muted); }
.review-list { padding: 4px 20px; }
.review { padding: 16px 0; border-bottom: 1px solid #f0ece6; display: flex; flex-direction: column; gap: 6px; }
.review:last-child { border-bottom: none; }
.review-head { display: flex; gap: 10px; align-items: center; }
.review-title { font-size: 14.5px; }
.review-body { color: var(--text-2); }
`;
