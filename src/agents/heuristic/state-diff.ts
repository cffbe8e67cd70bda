import type { EnvironmentState } from '../../core/environment.js';

export interface RecordChange {
  collection: string;
  kind: 'created' | 'updated' | 'removed';
  record: Record<string, unknown>;
  /** For updates: the fields whose values changed, with their new values. */
  fields: Array<{ field: string; before: unknown; after: unknown }>;
}

const VOLATILE_FIELD = /(At|Ms|Count|count)$|^(updated|modified|version|order|position|rank)/;
const LABEL_FIELDS = ['title', 'name', 'subject', 'label', 'summary', 'body', 'text'];

/** Differences between two probe states, matched by `id` (or by content when records have none). */
export function diffStates(before: EnvironmentState, after: EnvironmentState): RecordChange[] {
  const changes: RecordChange[] = [];
  const collections = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const collection of [...collections].sort()) {
    const previous = indexRecords(before[collection] ?? []);
    const next = indexRecords(after[collection] ?? []);
    for (const [key, record] of next) {
      const old = previous.get(key);
      if (!old) {
        changes.push({ collection, kind: 'created', record, fields: [] });
        continue;
      }
      const fields = Object.keys(record)
        .filter((field) => !VOLATILE_FIELD.test(field) && JSON.stringify(old[field]) !== JSON.stringify(record[field]))
        .map((field) => ({ field, before: old[field], after: record[field] }));
      if (fields.length) changes.push({ collection, kind: 'updated', record, fields });
    }
    for (const [key, record] of previous) {
      if (!next.has(key)) changes.push({ collection, kind: 'removed', record, fields: [] });
    }
  }
  return changes;
}

function indexRecords(records: Array<Record<string, unknown>>): Map<string, Record<string, unknown>> {
  return new Map(records.map((record) => [record.id !== undefined ? String(record.id) : JSON.stringify(record), record]));
}

/** The field that names a record for a person (title, name, …), if any. */
export function labelField(record: Record<string, unknown>): string | undefined {
  return LABEL_FIELDS.find((field) => typeof record[field] === 'string' && (record[field] as string).trim() !== '');
}

export function singular(collection: string): string {
  if (collection === 'people') return 'person';
  if (collection.endsWith('ies')) return `${collection.slice(0, -3)}y`;
  if (collection.endsWith('ses')) return collection.slice(0, -2);
  if (collection.endsWith('s')) return collection.slice(0, -1);
  return collection;
}

/** "assigneeName" → "assignee", "dueDate" → "due date". */
export function humanizeField(field: string): string {
  return field
    .replace(/(Name|Id|Label)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}
