import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { readJsonlRecords } from './formats/jsonl-files.js';
import { SCHEMA_VERSION } from '../core/chain.js';
import { TOOL_VERSION } from '../pipeline/version.js';

/** A JSON file's value, or undefined when it is missing or not JSON (findRunDamage names those). */
export async function readRawJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Each line of a JSONL file that is JSON, with its 1-based line number (findRunDamage names the rest). */
export async function readRawJsonLines(file: string): Promise<{ line: number; value: unknown }[]> {
  return (await readJsonlRecords(dirname(file), basename(file))).records;
}

/**
 * A record whose schemaVersion this build does not read: the message names both versions. Undefined
 * when the version is the known one, or the value has none to judge (the schema check names that).
 */
export function schemaVersionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('schemaVersion' in value)) return undefined;
  const version = (value as { schemaVersion: unknown }).schemaVersion;
  if (version === SCHEMA_VERSION) return undefined;
  return `Expected schemaVersion ${SCHEMA_VERSION} (what trajsynth ${TOOL_VERSION} reads), got ${JSON.stringify(version)}; read it with the trajsynth version that wrote it`;
}

/** Splits run-damage's "field `a.b`: message" into a field and a message. */
export function splitIssue(problem: string): { field?: string; message: string } {
  const match = /^field `([^`]*)`: (.*)$/s.exec(problem);
  if (!match) return { message: problem };
  const field = match[1]!.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  return field === '(root)' ? { message: match[2]! } : { field, message: match[2]! };
}

/** JSON with object keys sorted, so two values compare by content alone. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
