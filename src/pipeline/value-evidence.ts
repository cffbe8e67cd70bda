import type { EnvironmentState } from '../core/environment.js';
import type { PageView } from '../core/observation.js';
import { rowTexts } from '../core/page-text.js';
import type { Predicate, Scalar } from '../core/predicate.js';
import { normalizeText, normalizedIncludes } from '../core/text-match.js';
import { labelField, type RecordChange } from '../agents/heuristic/state-diff.js';

/**
 * Where a value a task states shows in what the work produced: a field of a record it created or
 * changed (through the probe), the URL's query, a row beside the new item's name, new text on the
 * page, or a saved setting's field after a reload. Each finder returns a predicate that holds after
 * the work and did not before, or undefined when the value is not there. (strengthen-checks uses them.)
 */

/**
 * A saved setting: the field shows the value after the page that holds it is loaded afresh (so it
 * was saved, not only typed), where it showed another value before.
 */
export async function savedFieldEvidence(
  value: string,
  fields: ReadonlyArray<{ value: string; role?: string; name?: string }>,
  before: PageView,
  readFresh: ((path: string) => Promise<PageView | undefined>) | undefined,
): Promise<Predicate | undefined> {
  const field = fields.find((entry) => sameText(entry.value, value) && entry.role && entry.name);
  if (!field || !readFresh) return undefined;
  const path = pathOption(before.url).path;
  if (path === undefined) return undefined;
  const same = (element: PageView['elements'][number]) => element.role === field.role && element.name === field.name;
  if (before.elements.some((element) => same(element) && matchesValue(element.value, value))) return undefined;
  const reloaded = await readFresh(path).catch(() => undefined);
  if (!reloaded?.elements.some((element) => same(element) && matchesValue(element.value, value))) return undefined;
  return { kind: 'element', role: field.role!, name: field.name!, present: true, value, path, fresh: true };
}

/** The field of a created or changed record that holds `value`, checked on that record (found by its name). */
export function stateEvidence(
  value: string,
  primary: string | undefined,
  changes: readonly RecordChange[],
  entities: readonly string[],
  after: EnvironmentState | undefined,
): Predicate | undefined {
  if (!after) return undefined;
  const candidates: Array<{ change: RecordChange; field: string }> = [];
  for (const change of changes) {
    if (change.kind === 'removed') continue;
    const changed = change.kind === 'created' ? Object.keys(change.record) : change.fields.map((field) => field.field);
    for (const field of changed) if (matchesValue(change.record[field], value)) candidates.push({ change, field });
  }
  // The record the form made holds its other values too: prefer the one that holds its name.
  const holdsName = (change: RecordChange) =>
    primary !== undefined && Object.values(change.record).some((field) => matchesValue(field, primary));
  const named = (change: RecordChange) =>
    entities.some((entity) => Object.values(change.record).some((field) => matchesValue(field, entity)));
  const chosen =
    candidates.find((candidate) => holdsName(candidate.change)) ?? candidates.find((candidate) => named(candidate.change)) ?? candidates[0];
  if (!chosen) return undefined;
  const { change, field } = chosen;
  const key = recordKey(change, undefined, after, field);
  const equals = change.record[field];
  if (!isScalar(equals)) return undefined;
  return { kind: 'state-field', collection: change.collection, match: key, field, equals };
}

/**
 * How to find a record again: by a name field whose value no other record of its collection has
 * (names survive an agent that creates something else first; ids of new records do not), else by id.
 */
export function recordKey(
  change: RecordChange,
  before: EnvironmentState | undefined,
  after: EnvironmentState,
  exclude?: string,
): Record<string, Scalar> {
  const records = after[change.collection] ?? [];
  const unique = (field: string) => {
    const value = change.record[field];
    if (typeof value !== 'string' || value.trim() === '') return false;
    const count = (list: ReadonlyArray<Record<string, unknown>>) => list.filter((record) => record[field] === value).length;
    return count(records) <= 1 && (!before || count(before[change.collection] ?? []) <= 1);
  };
  const label = labelField(change.record);
  const fields = [...(label ? [label] : []), 'key', 'email', 'number', 'slug'].filter((field) => field !== exclude);
  const named = fields.find((field) => unique(field));
  if (named) return { [named]: change.record[named] as string };
  const id = change.record.id;
  return isScalar(id) && id !== null ? { id } : { [label ?? 'id']: (change.record[label ?? 'id'] ?? null) as Scalar };
}

/**
 * The URL's query now carries the value under a parameter it did not carry it under before (a filter
 * applied). A form of one field whose option goes into the query by id (`?label=7` for “Receipts”)
 * is checked by the one parameter the submission set.
 */
export function urlEvidence(value: string, beforeUrl: string, afterUrl: string, onlyValue: boolean): Predicate | undefined {
  const pairs = (url: string) => {
    try {
      const parsed = new URL(url);
      const hashQuery = parsed.hash.includes('?') ? parsed.hash.slice(parsed.hash.indexOf('?') + 1) : '';
      return [...new URLSearchParams(parsed.search), ...new URLSearchParams(hashQuery)];
    } catch {
      return [];
    }
  };
  const before = pairs(beforeUrl);
  const found = pairs(afterUrl).find(
    ([key, candidate]) => sameText(candidate, value) && !before.some(([oldKey, old]) => oldKey === key && sameText(old, value)),
  );
  if (found) return { kind: 'url', includes: `${found[0]}=${found[1]}` };
  if (!onlyValue) return undefined;
  const set = pairs(afterUrl).filter(
    ([key, candidate]) => candidate !== '' && !before.some(([oldKey, old]) => oldKey === key && old === candidate),
  );
  return set.length === 1 ? { kind: 'url', includes: `${set[0]![0]}=${set[0]![1]}` } : undefined;
}

/** A row that shows the value beside the new item's name, where no row did before. */
export function rowEvidence(value: string, primary: string | undefined, before: PageView, after: PageView): Predicate | undefined {
  if (primary === undefined || sameText(primary, value) || !after.snapshot) return undefined;
  const shows = (view: PageView) =>
    rowTexts(view.snapshot ?? '').some((row) => normalizedIncludes(row, primary) && rowShowsValue(row, value));
  if (!shows(after) || shows(before)) return undefined;
  const text = renderingIn(
    rowTexts(after.snapshot).find((row) => normalizedIncludes(row, primary) && rowShowsValue(row, value))!,
    value,
  );
  return { kind: 'text', text, within: primary, present: true, ...pathOption(after.url) };
}

/** Text the page shows now (outside any field) and did not before. */
export function textEvidence(value: string, before: PageView, after: PageView): Predicate | undefined {
  for (const text of renderings(value)) {
    if (normalizedIncludes(after.text, text) && !normalizedIncludes(before.text, text))
      return { kind: 'text', text, present: true, ...pathOption(after.url) };
  }
  return undefined;
}

function rowShowsValue(row: string, value: string): boolean {
  return renderings(value).some((text) => normalizedIncludes(row, text));
}

function renderingIn(row: string, value: string): string {
  return renderings(value).find((text) => normalizedIncludes(row, text)) ?? value;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * How a page may show a value: as typed; an ISO date as people write it ("Jun 24, 2026", "24 June
 * 2026"); a number as an amount ("-12.5" as "-$12.50", "1850" as "1,850.00"), most specific first.
 */
function renderings(value: string): string[] {
  const number = /^([-+]?)(\d+(?:\.\d+)?)$/.exec(value.trim());
  if (number) {
    const [, sign, digits] = number;
    const amount = Number(digits);
    const fixed = amount.toFixed(2);
    const grouped = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const signed = sign === '-' ? '-' : '';
    const forms = [`${signed}$${grouped}`, `${signed}$${fixed}`, `${signed}${grouped}`, `${signed}${fixed}`, value.trim()];
    return forms.filter((form, index) => forms.indexOf(form) === index);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!date) return [value];
  const [, year, month, day] = date;
  const name = MONTHS[Number(month) - 1];
  if (!name) return [value];
  const d = String(Number(day));
  return [
    value,
    `${name.slice(0, 3)} ${d}, ${year}`,
    `${name} ${d}, ${year}`,
    `${d} ${name} ${year}`,
    `${d} ${name.slice(0, 3)} ${year}`,
    `${Number(month)}/${d}/${year}`,
  ];
}

/** The page of a URL as a predicate names it: path, query and client-side route (`/#/recipes?tag=quick`). */
export function pathOption(url: string): { path?: string } {
  try {
    const parsed = new URL(url);
    const route = /^#!?\/./.test(parsed.hash) ? parsed.hash : '';
    return { path: parsed.pathname + parsed.search + route };
  } catch {
    return {};
  }
}

/**
 * A stored value against a stated one: the same text (case and spacing aside), or the same number,
 * also where an option's label leads with it ("2 stars — Poor" is a rating of 2).
 */
export function matchesValue(stored: unknown, stated: string): boolean {
  if (typeof stored === 'string') return sameText(stored, stated);
  if (typeof stored !== 'number' || stated.trim() === '') return false;
  if (Number(stated.replace(/[,$€£\s]/g, '')) === stored) return true;
  const leading = /^(\d+(?:\.\d+)?)\s+\p{L}/u.exec(stated.trim());
  return leading !== null && Number(leading[1]) === stored;
}

export function sameText(a: string, b: string): boolean {
  return normalizeText(a).toLowerCase() === normalizeText(b).toLowerCase();
}

export function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
