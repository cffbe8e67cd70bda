import { RECIPES, TAGS } from './recipes.js';

/* ------------------------------------------------------------------ *
 * state (persisted in localStorage, seeded on first visit)
 * ------------------------------------------------------------------ */

const STORAGE_KEY = 'recipe-box/v1';

const seed = () => ({
  favorites: ['shakshuka', 'dark-chocolate-mousse'],
  ratings: { shakshuka: 4, 'banana-bread': 5, 'greek-salad': 3 },
  servings: {},
  list: [
    { id: 1, text: 'Olive oil', from: '', done: false },
    { id: 2, text: 'Sea salt flakes', from: '', done: true },
    { id: 3, text: '3 lemons', from: '', done: false },
    { id: 4, text: '500 g Greek yoghurt', from: '', done: false },
    { id: 5, text: '1 loaf sourdough bread', from: 'Smashed Avocado Toast', done: false },
  ],
  nextId: 6,
});

const load = () => {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) return JSON.parse(raw);
  } catch (_) { /* corrupted → reseed */ }
  const fresh = seed();
  localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh));
  return fresh;
};

let state = load();
let searchTerm = '';
let toastTimer = 0;

const commit = (next) => {
  state = next;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  render();
};

/* ------------------------------------------------------------------ *
 * helpers
 * ------------------------------------------------------------------ */

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const bySlug = (slug) => RECIPES.find((r) => r.slug === slug);
const isFav = (slug) => state.favorites.includes(slug);
const servingsFor = (r) => state.servings[r.slug] || r.serves;

const FRACTION = { 0.25: '¼', 0.5: '½', 0.75: '¾' };
const formatQty = (q) => {
  if (q >= 10) return String(Math.round(q));
  const quarters = Math.round(q * 4) / 4;
  const whole = Math.floor(quarters);
  const frac = FRACTION[quarters - whole] || '';
  return whole === 0 ? frac || '¼' : `${whole}${frac}`;
};
const SINGULAR = { cans: 'can', cloves: 'clove', slices: 'slice', bunches: 'bunch' };
const PLURAL = { can: 'cans', clove: 'cloves', slice: 'slices', bunch: 'bunches' };
const unitFor = (u, q) => (q <= 1 ? SINGULAR[u] || u : PLURAL[u] || u);
const ONE = { eggs: 'egg', carrots: 'carrot', 'ripe bananas': 'ripe banana', tomatoes: 'tomato', 'cherry tomatoes': 'cherry tomato', 'spring onions': 'spring onion', 'corn tortillas': 'corn tortilla', 'Bramley apples': 'Bramley apple' };

const ingredientText = ({ q, u, n }, scale = 1) => {
  if (q === null) return n;
  const amount = q * scale;
  const unit = unitFor(u, amount);
  const noun = !u && amount <= 1 && ONE[n] ? ONE[n] : n;
  return [formatQty(amount), unit, noun].filter(Boolean).join(' ');
};

const starsText = (n) => '★'.repeat(n) + '☆'.repeat(5 - n);

const parseHash = () => {
  const raw = location.hash.replace(/^#/, '') || '/recipes';
  const [path, qs = ''] = raw.split('?');
  return { path, query: new URLSearchParams(qs) };
};

/* ------------------------------------------------------------------ *
 * small render functions (all return HTML strings)
 * ------------------------------------------------------------------ */

const thumb = (r, size = 'sm') => `
  <div class="thumb thumb--${size}" style="--h:${r.hue}">
    <svg viewBox="0 0 120 80" aria-hidden="true" focusable="false">
      <ellipse cx="60" cy="46" rx="44" ry="24" fill="rgba(255,255,255,.85)"/>
      <ellipse cx="60" cy="44" rx="30" ry="15" fill="hsl(${r.hue} 70% 55%)"/>
      <circle cx="50" cy="40" r="5" fill="hsl(${(r.hue + 80) % 360} 55% 45%)"/>
      <circle cx="68" cy="46" r="4" fill="hsl(${(r.hue + 40) % 360} 75% 65%)"/>
      <circle cx="62" cy="36" r="3" fill="#fff6"/>
    </svg>
  </div>`;

const heartButton = (slug) => {
  const on = isFav(slug);
  return `<button type="button" class="heart${on ? ' heart--on' : ''}" data-action="toggle-fav" data-slug="${slug}" aria-pressed="${on}">${on ? '♥' : '♡'}</button>`;
};

const cartIcon = () => `
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.7L21 8H6.2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
    <circle cx="9" cy="19" r="1.6" fill="currentColor"/><circle cx="17" cy="19" r="1.6" fill="currentColor"/>
  </svg>`;

const cartButton = (slug) =>
  `<button type="button" class="icon-btn" data-action="add-to-list" data-slug="${slug}" title="Add to shopping list">${cartIcon()}</button>`;

const tagBadge = (tag) => `<span class="tag tag--${tag}">${tag}</span>`;

const recipeCard = (r) => {
  const rating = state.ratings[r.slug];
  return `
  <article class="card">
    <a class="card__media" href="#/recipes/${r.slug}" tabindex="-1" aria-hidden="true">${thumb(r)}</a>
    <div class="card__body">
      <h3 class="card__title"><a href="#/recipes/${r.slug}">${esc(r.name)}</a></h3>
      <p class="card__meta">${r.minutes} min · serves ${r.serves}</p>
      <div class="card__tags">${r.tags.map(tagBadge).join('')}</div>
    </div>
    <div class="card__foot">
      <span class="stars" title="${rating ? `Rated ${rating} of 5` : 'Not rated yet'}">${rating ? starsText(rating) : '☆☆☆☆☆'}</span>
      <span class="card__actions">${cartButton(r.slug)}${heartButton(r.slug)}</span>
    </div>
  </article>`;
};

const cardGrid = (list) =>
  list.length ? `<div class="grid">${list.map(recipeCard).join('')}</div>` : '';

const tagFilters = (active) => `
  <nav class="filters" aria-label="Filter by tag">
    <a class="filter${active ? '' : ' filter--on'}" href="#/recipes">All</a>
    ${TAGS.map((t) => `<a class="filter${t === active ? ' filter--on' : ''}" href="#/recipes?tag=${t}">${t}</a>`).join('')}
  </nav>`;

/* ------------------------------------------------------------------ *
 * views
 * ------------------------------------------------------------------ */

const recipesView = ({ query }) => {
  const tag = query.get('tag') || '';
  const term = searchTerm.trim().toLowerCase();
  const shown = RECIPES
    .filter((r) => !tag || r.tags.includes(tag))
    .filter((r) => !term || r.name.toLowerCase().includes(term));
  const heading = tag ? `Recipes tagged “${esc(tag)}”` : 'All recipes';
  const note = term ? ` matching “${esc(searchTerm.trim())}”` : '';
  return {
    title: tag ? `${tag} recipes` : 'Recipes',
    html: `
    <section class="page">
      <div class="page__head">
        <h1>${heading}</h1>
        <p class="muted">${shown.length} recipe${shown.length === 1 ? '' : 's'}${note}</p>
      </div>
      ${tagFilters(tag)}
      ${shown.length ? cardGrid(shown) : `<div class="empty"><p>No recipes found${note}.</p><a href="#/recipes" class="btn btn--ghost" data-action="clear-search">Show all recipes</a></div>`}
    </section>`,
  };
};

const ingredientsList = (r, scale) => `
  <ul class="ingredients">
    ${r.ingredients.map((ing) => `<li><span class="dot" aria-hidden="true"></span>${esc(ingredientText(ing, scale))}</li>`).join('')}
  </ul>`;

const servingsPicker = (r) => {
  const current = servingsFor(r);
  return `
  <div class="servings">
    <label for="servings">Servings</label>
    <select id="servings" data-slug="${r.slug}">
      ${[2, 4, 6, 8].map((n) => `<option value="${n}"${n === current ? ' selected' : ''}>${n}</option>`).join('')}
    </select>
  </div>`;
};

const ratingPicker = (r) => {
  const value = state.ratings[r.slug] || 0;
  const radios = [1, 2, 3, 4, 5].map((n) => `
      <input class="visually-hidden" type="radio" name="rating" id="rate-${n}" value="${n}"${n === value ? ' checked' : ''}>
      <label for="rate-${n}" class="star${n <= value ? ' star--lit' : ''}"><span aria-hidden="true">★</span><span class="visually-hidden">${n} star${n > 1 ? 's' : ''}</span></label>`).join('');
  return `
  <fieldset class="rating" data-slug="${r.slug}">
    <legend>Your rating</legend>
    <div class="rating__stars">${radios}</div>
    <span class="rating__note">${value ? `You rated this ${value}/5` : 'Not rated yet'}</span>
  </fieldset>`;
};

const detailView = ({ params }) => {
  const r = bySlug(params.slug);
  if (!r) return notFoundView();
  const servings = servingsFor(r);
  const scale = servings / r.serves;
  return {
    title: r.name,
    html: `
    <article class="page detail">
      <a class="back" href="#/recipes">← All recipes</a>
      <div class="detail__hero">
        ${thumb(r, 'lg')}
        <div class="detail__intro">
          <div class="card__tags">${r.tags.map((t) => `<a class="tag tag--${t}" href="#/recipes?tag=${t}">${t}</a>`).join('')}</div>
          <h1>${esc(r.name)}</h1>
          <p class="lead">${esc(r.blurb)}</p>
          <p class="muted">${r.minutes} minutes · original recipe serves ${r.serves}</p>
          <div class="detail__actions">
            ${heartButton(r.slug)}
            <button type="button" class="btn" data-action="add-to-list" data-slug="${r.slug}">Add ingredients to list</button>
          </div>
          ${ratingPicker(r)}
        </div>
      </div>
      <div class="detail__cols">
        <section class="panel">
          <div class="panel__head"><h2>Ingredients</h2>${servingsPicker(r)}</div>
          ${ingredientsList(r, scale)}
        </section>
        <section class="panel">
          <h2>Method</h2>
          <ol class="steps">${r.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>
        </section>
      </div>
    </article>`,
  };
};

const favoritesView = () => {
  const favs = RECIPES.filter((r) => isFav(r.slug));
  return {
    title: 'Favorites',
    html: `
    <section class="page">
      <div class="page__head">
        <h1>Favorites</h1>
        <p class="muted">${favs.length ? `${favs.length} saved recipe${favs.length === 1 ? '' : 's'}` : ''}</p>
      </div>
      ${favs.length ? cardGrid(favs) : `<div class="empty"><p>No favorites yet. Tap ♡ on a recipe to save it here.</p><a class="btn btn--ghost" href="#/recipes">Browse recipes</a></div>`}
    </section>`,
  };
};

const listItem = (item) => `
  <li class="item${item.done ? ' item--done' : ''}">
    <input type="checkbox" class="visually-hidden" id="item-${item.id}" data-id="${item.id}"${item.done ? ' checked' : ''}>
    <label for="item-${item.id}" class="item__label"><span class="box" aria-hidden="true"></span><span class="item__text">${esc(item.text)}</span></label>
    ${item.from ? `<span class="item__from">${esc(item.from)}</span>` : ''}
    <button type="button" class="item__remove" data-action="remove-item" data-id="${item.id}" aria-label="Remove">×</button>
  </li>`;

const shoppingView = () => {
  const items = state.list;
  const checked = items.filter((i) => i.done).length;
  return {
    title: 'Shopping list',
    html: `
    <section class="page page--narrow">
      <div class="page__head">
        <h1>Shopping list</h1>
        <p class="muted" id="list-summary">${items.length ? `${checked} of ${items.length} item${items.length === 1 ? '' : 's'} checked` : 'Your list is empty'}</p>
      </div>
      <div class="sheet">
        <form class="add-row" id="add-item-form" autocomplete="off">
          <label class="visually-hidden" for="new-item">Add item</label>
          <input id="new-item" name="item" type="text" placeholder="e.g. 2 avocados">
          <button type="submit" class="btn">Add</button>
        </form>
        ${items.length ? `<ul class="items">${items.map(listItem).join('')}</ul>` : '<p class="empty empty--flat">Nothing here yet. Add items above or from any recipe.</p>'}
        <div class="sheet__foot">
          <button type="button" class="btn btn--ghost" data-action="clear-checked"${checked ? '' : ' disabled'}>Clear checked items</button>
        </div>
      </div>
    </section>`,
  };
};

const notFoundView = () => ({
  title: 'Not found',
  html: `<section class="page"><h1>Recipe not found</h1><p>That page has wandered off. <a href="#/recipes">Back to all recipes</a></p></section>`,
});

/* ------------------------------------------------------------------ *
 * routing
 * ------------------------------------------------------------------ */

const routes = {
  '/recipes': recipesView,
  '/recipes/:slug': detailView,
  '/favorites': favoritesView,
  '/shopping-list': shoppingView,
};

const compiled = Object.entries(routes).map(([pattern, view]) => ({
  view,
  keys: (pattern.match(/:(\w+)/g) || []).map((k) => k.slice(1)),
  re: new RegExp(`^${pattern.replace(/:(\w+)/g, '([^/]+)')}/?$`),
}));

const resolve = (path) => {
  for (const { view, keys, re } of compiled) {
    const m = path.match(re);
    if (m) return { view, params: Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return null;
};

const section = (path) => path.split('/')[1] || 'recipes';

function render() {
  const { path, query } = parseHash();
  const match = resolve(path);
  if (!match) {
    location.replace('#/recipes');
    return;
  }
  const focusedId = document.activeElement && document.activeElement.id;
  const { title, html } = match.view({ params: match.params, query });
  document.getElementById('view').innerHTML = html;
  document.title = `${title} · Recipe Box`;

  const current = section(path);
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const on = a.dataset.nav === current;
    a.classList.toggle('is-active', on);
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  document.getElementById('fav-count').textContent = state.favorites.length;
  document.getElementById('list-count').textContent = state.list.filter((i) => !i.done).length;

  if (focusedId && focusedId !== 'q') {
    const again = document.getElementById(focusedId);
    if (again) again.focus();
  }
}

/* ------------------------------------------------------------------ *
 * actions
 * ------------------------------------------------------------------ */

const toast = (msg) => {
  const el = document.getElementById('toast');
  el.textContent = msg;
  el.classList.add('toast--show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('toast--show'), 2600);
};

const toggleFav = (slug) => commit({
  ...state,
  favorites: isFav(slug) ? state.favorites.filter((s) => s !== slug) : [...state.favorites, slug],
});

const addRecipeToList = (slug) => {
  const r = bySlug(slug);
  const onDetail = parseHash().path === `/recipes/${slug}`;
  const scale = onDetail ? servingsFor(r) / r.serves : 1;
  const existing = new Set(state.list.filter((i) => !i.done).map((i) => i.text.toLowerCase()));
  let nextId = state.nextId;
  const added = r.ingredients
    .map((ing) => ingredientText(ing, scale))
    .filter((text) => !existing.has(text.toLowerCase()))
    .map((text) => ({ id: nextId++, text, from: r.name, done: false }));
  commit({ ...state, list: [...state.list, ...added], nextId });
  toast(added.length ? `Added ${added.length} ingredient${added.length === 1 ? '' : 's'} from ${r.name} to your shopping list` : `${r.name} is already on your list`);
};

const addItem = (text) => {
  const clean = text.trim();
  if (!clean) return false;
  commit({ ...state, list: [...state.list, { id: state.nextId, text: clean, from: '', done: false }], nextId: state.nextId + 1 });
  return true;
};

const setDone = (id, done) => commit({ ...state, list: state.list.map((i) => (i.id === id ? { ...i, done } : i)) });
const removeItem = (id) => commit({ ...state, list: state.list.filter((i) => i.id !== id) });
const clearChecked = () => {
  const n = state.list.filter((i) => i.done).length;
  commit({ ...state, list: state.list.filter((i) => !i.done) });
  toast(`Cleared ${n} checked item${n === 1 ? '' : 's'}`);
};

const ACTIONS = {
  'toggle-fav': (el) => toggleFav(el.dataset.slug),
  'add-to-list': (el) => addRecipeToList(el.dataset.slug),
  'remove-item': (el) => removeItem(Number(el.dataset.id)),
  'clear-checked': () => clearChecked(),
  'clear-search': () => { searchTerm = ''; document.getElementById('q').value = ''; render(); },
};

document.addEventListener('click', (e) => {
  const el = e.target.closest('[data-action]');
  if (!el || !ACTIONS[el.dataset.action]) return;
  ACTIONS[el.dataset.action](el);
});

document.addEventListener('change', (e) => {
  const t = e.target;
  if (t.id === 'servings') {
    commit({ ...state, servings: { ...state.servings, [t.dataset.slug]: Number(t.value) } });
  } else if (t.name === 'rating') {
    const slug = t.closest('fieldset').dataset.slug;
    commit({ ...state, ratings: { ...state.ratings, [slug]: Number(t.value) } });
  } else if (t.matches('.items input[type=checkbox]')) {
    setDone(Number(t.dataset.id), t.checked);
  }
});

document.addEventListener('submit', (e) => {
  e.preventDefault();
  if (e.target.id === 'add-item-form') {
    const input = e.target.querySelector('#new-item');
    if (addItem(input.value)) {
      const fresh = document.getElementById('new-item');
      fresh.value = '';
      fresh.focus();
    }
  }
});

document.getElementById('q').addEventListener('input', (e) => {
  searchTerm = e.target.value;
  if (parseHash().path !== '/recipes') location.hash = '#/recipes';
  else render();
});

window.addEventListener('hashchange', render);
window.addEventListener('storage', () => { state = load(); render(); });

if (!location.hash) history.replaceState(null, '', '#/recipes');
render();
