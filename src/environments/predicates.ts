import type { EnvironmentState } from '../core/environment.js';
import { isWithin, type PageReader, type PageView } from '../core/observation.js';
import type { Predicate, Scalar } from '../core/predicate.js';
import { rowTexts } from '../core/page-text.js';
import { normalizedEquals, normalizedIncludes, normalizedIncludesWhole } from '../core/text-match.js';

/**
 * What a predicate can look at. `state` is the probe's ground truth (undefined without a probe),
 * `page` the agent's current page, `reader` loads other paths (absent when evaluating a recorded
 * moment), `answer` the executor's final answer.
 */
export interface PredicateContext {
  state: EnvironmentState | undefined;
  page: PageView;
  reader?: PageReader;
  answer?: string;
  signal?: AbortSignal;
}

/** Evaluates predicates in order; page reads of the same path are shared. */
export async function evaluatePredicates(predicates: readonly Predicate[], context: PredicateContext): Promise<boolean[]> {
  const pageAt = pageLoader(context);
  const results: boolean[] = [];
  for (const predicate of predicates) {
    results.push(await evaluatePredicate(predicate, context, pageAt));
  }
  return results;
}

/** The page a predicate reads: the live one, or another path loaded once per evaluation. */
function pageLoader(context: PredicateContext): (path: string | undefined, fresh?: boolean) => Promise<PageView | undefined> {
  const pages = new Map<string, Promise<PageView | undefined>>();
  return (path, fresh) => {
    // The page the episode is on is read live, in the state the agent left it: most web apps keep
    // state in the page, and a freshly loaded copy would not show it. Only another page is loaded,
    // or this one when the predicate asks what a reload shows.
    if (path === undefined || (!fresh && showsPath(context.page.url, path))) return Promise.resolve(context.page);
    let view = pages.get(path);
    if (!view) {
      view = context.reader ? context.reader.read(path, context.signal).catch(() => undefined) : Promise.resolve(undefined);
      pages.set(path, view);
    }
    return view;
  };
}

/**
 * Whether every predicate holds, reading as little as it can: predicates on the state, the answer and
 * the live page first, another page (a fresh load) only when all of those hold, stopping at the
 * first that does not. For checks made after every step (progress, milestones), where one answer is
 * all that is needed.
 */
export async function holdsAll(predicates: readonly Predicate[], context: PredicateContext): Promise<boolean> {
  if (predicates.length === 0) return false;
  const elsewhere = (predicate: Predicate) =>
    'path' in predicate &&
    predicate.path !== undefined &&
    (('fresh' in predicate && predicate.fresh === true) || !showsPath(context.page.url, predicate.path));
  const pageAt = pageLoader(context);
  for (const group of [predicates.filter((predicate) => !elsewhere(predicate)), predicates.filter(elsewhere)]) {
    for (const predicate of group) if (!(await evaluatePredicate(predicate, context, pageAt))) return false;
  }
  return true;
}

async function evaluatePredicate(
  predicate: Predicate,
  context: PredicateContext,
  pageAt: (path: string | undefined, fresh?: boolean) => Promise<PageView | undefined>,
): Promise<boolean> {
  switch (predicate.kind) {
    case 'state-value': {
      if (!context.state) return false;
      const found = recordsOf(context.state, predicate.collection).some((record) =>
        Object.entries(record).some(
          ([field, value]) => (predicate.field === undefined || predicate.field === field) && scalarEquals(value, predicate.value),
        ),
      );
      return found === predicate.present;
    }
    case 'state-field': {
      if (!context.state) return false;
      return recordsOf(context.state, predicate.collection)
        .filter((record) => matches(record, predicate.match))
        .some((record) => scalarEquals(record[predicate.field], predicate.equals));
    }
    case 'state-count': {
      if (!context.state) return false;
      const count = recordsOf(context.state, predicate.collection).filter((record) => matches(record, predicate.where ?? {})).length;
      return compare(count, predicate.op, predicate.count);
    }
    case 'url':
      return urlHolds(predicate, context.page.url);
    case 'text': {
      const view = await pageAt(predicate.path);
      if (!view) return false;
      if (predicate.within === undefined) return normalizedIncludes(view.text, predicate.text) === predicate.present;
      const shown = rowsOf(view).some((row) => normalizedIncludes(row, predicate.within!) && normalizedIncludes(row, predicate.text));
      return shown === predicate.present;
    }
    case 'element': {
      const view = await pageAt(predicate.path, predicate.fresh);
      if (!view) return false;
      const candidates = view.elements.filter(
        (element) =>
          element.role === predicate.role &&
          normalizedEquals(element.name, predicate.name) &&
          isWithin(element, predicate.within) &&
          (predicate.enabled === undefined || (element.disabled !== true) === predicate.enabled),
      );
      if (!predicate.present) return candidates.length === 0;
      return candidates.some(
        (element) =>
          (predicate.checked === undefined || element.checked === predicate.checked) &&
          (predicate.pressed === undefined || (element.pressed === true) === predicate.pressed) &&
          (predicate.value === undefined || normalizedEquals(element.value ?? '', predicate.value)),
      );
    }
    case 'answer':
      return context.answer !== undefined && normalizedIncludesWhole(context.answer, predicate.includes);
  }
}

/** A URL predicate on a page's URL. */
export function urlHolds(predicate: Extract<Predicate, { kind: 'url' }>, pageUrl: string): boolean {
  const url = new URL(pageUrl);
  // A predicate that names a hash route (`/#/active`) compares the hash too.
  const hash = /^#!?\/$/.test(url.hash) ? '' : url.hash;
  const current = decodeSafe(url.pathname + url.search + (predicate.includes.includes('#') ? hash : ''));
  const expected = decodeSafe(predicate.includes);
  return predicate.exact ? current === expected : current.includes(expected);
}

/**
 * Whether the live page is the document at `path`: the same path and query, and, where `path` names
 * a client-side route (`/#/active`), the same route. An in-page anchor is a view of the same page.
 */
export function showsPath(pageUrl: string, path: string): boolean {
  try {
    const page = new URL(pageUrl);
    const wanted = new URL(path, page);
    const sameDocument =
      wanted.origin === page.origin && decodeSafe(wanted.pathname + wanted.search) === decodeSafe(page.pathname + page.search);
    // A path without a route is the root route of a page that has routes (`/` is not `/#/active`).
    return sameDocument && decodeSafe(routeOf(wanted.hash)) === decodeSafe(routeOf(page.hash));
  } catch {
    return false;
  }
}

/** A hash that is a client-side route (`#/active`, `#!/inbox`), not an in-page anchor. */
function isRouteHash(hash: string): boolean {
  return /^#!?\//.test(hash);
}

/** A route hash without its `#`/`#!` (the root `#/` is the same view as no hash). */
function routeOf(hash: string): string {
  if (!isRouteHash(hash)) return '/';
  return hash.replace(/^#!?/, '') || '/';
}

const rowCache = new WeakMap<PageView, string[]>();

/** The text of each row of a page (computed once per view); none for a view read without its snapshot. */
function rowsOf(view: PageView): string[] {
  let rows = rowCache.get(view);
  if (!rows) {
    rows = view.snapshot === undefined ? [] : rowTexts(view.snapshot);
    rowCache.set(view, rows);
  }
  return rows;
}

function recordsOf(state: EnvironmentState, collection: string | undefined): Record<string, unknown>[] {
  if (collection !== undefined) return state[collection] ?? [];
  return Object.values(state).flat();
}

function matches(record: Record<string, unknown>, match: Record<string, Scalar>): boolean {
  return Object.entries(match).every(([field, value]) => scalarEquals(record[field], value));
}

function scalarEquals(actual: unknown, expected: Scalar): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') return normalizedEquals(actual, expected);
  if (typeof expected === 'number' && typeof actual === 'string') return actual.trim() === String(expected);
  if (typeof expected === 'string' && typeof actual === 'number') return expected.trim() === String(actual);
  return actual === expected;
}

function compare(actual: number, op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte', expected: number): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
  }
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
