import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import type { z } from 'zod';
import { TrajsynthError, errorMessage } from '../core/errors.js';

/** Describes the first zod issue as "field `a.b.c`: message". */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `field \`${field}\`: ${issue.message}`;
}

export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new TrajsynthError(`Expected ${what} at ${path}, ${missing ? 'but the file does not exist' : `got ${errorMessage(error)}`}`, {
      code: missing ? 'RUN_NOT_FOUND' : 'CORRUPT_FILE',
      cause: error,
    });
  }
}

/** Reads and validates a JSON file; a corrupt one names the file and the field. */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const text = await readTextFile(path, what);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new TrajsynthError(`Expected ${path} to be ${what} in JSON, got unparseable text: ${errorMessage(error)}`, {
      code: 'CORRUPT_FILE',
      hint: 'The file is damaged; restore it or re-run the chain with --resume after deleting it.',
    });
  }
  return parseValue(raw, schema, `${path}`, what);
}

export function parseValue<T>(raw: unknown, schema: z.ZodType<T>, where: string, what: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new TrajsynthError(`Expected ${where} to be ${what}, ${describeIssue(result.error)}`, {
      code: 'CORRUPT_FILE',
    });
  }
  return result.data;
}

/**
 * Reads a JSONL file line by line through a schema. A torn last line (an interrupted append) is
 * dropped and reported through `onTornTail`, not treated as corruption; any other bad line throws,
 * naming the file, the line number and the field.
 */
export async function readJsonLines<T>(
  path: string,
  schema: z.ZodType<T>,
  what: string,
  options: { onTornTail?: (line: number) => void; missingOk?: boolean } = {},
): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (options.missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return readTextFile(path, what).then(() => []);
  }
  const lines = text.split('\n');
  const values: T[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '');
      if (isLast && !text.endsWith('\n')) {
        options.onTornTail?.(index + 1);
        continue;
      }
      throw new TrajsynthError(`Expected ${path}:${index + 1} to be ${what} in JSON, got unparseable text: ${errorMessage(error)}`, {
        code: 'CORRUPT_FILE',
      });
    }
    values.push(parseValue(raw, schema, `${path}:${index + 1}`, what));
  }
  return values;
}

/** A file a trajectory's step refers to, read from inside `dir` only (undefined when missing or outside). */
export async function readTrajectoryFile(dir: string, reference: string): Promise<string | undefined> {
  const path = resolve(dir, reference);
  if (isAbsolute(reference) || !path.startsWith(`${resolve(dir)}${sep}`)) return undefined;
  return readFile(path, 'utf8').catch(() => undefined);
}
