import type { EnvironmentState } from '../../../core/environment.js';

/**
 * The probe's state, outlined for a model that writes state predicates: each collection with its
 * record count, field names and a few example records (long values cut). Enough to name fields and
 * values exactly, without sending the whole state.
 */
export function stateOutline(state: EnvironmentState, examplesPerCollection = 2): string {
  const lines: string[] = [];
  for (const [collection, records] of Object.entries(state)) {
    const fields = [...new Set(records.flatMap((record) => Object.keys(record)))];
    lines.push(`- ${collection} (${records.length} records; fields: ${fields.join(', ')})`);
    for (const record of records.slice(0, examplesPerCollection)) lines.push(`    e.g. ${compact(record)}`);
  }
  return lines.join('\n');
}

function compact(record: Record<string, unknown>): string {
  const entries = Object.entries(record).map(([key, value]) => {
    const text = JSON.stringify(value) ?? 'null';
    return `${key}: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
  });
  return `{ ${entries.join(', ')} }`;
}
