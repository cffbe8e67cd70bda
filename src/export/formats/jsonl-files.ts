import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../core/errors.js';

/** Reads a JSONL file back: each line parsed, or a problem naming the file and line. */
export async function readJsonlRecords(
  root: string,
  file: string,
): Promise<{ records: { line: number; value: unknown }[]; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    return { records: [], problems: [`${file}: cannot be read: ${errorMessage(error)}`] };
  }
  const records: { line: number; value: unknown }[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    try {
      records.push({ line: index + 1, value: JSON.parse(line) });
    } catch (error) {
      problems.push(`${file}:${index + 1}: (line): Expected one JSON object per line, got invalid JSON (${errorMessage(error)})`);
    }
  });
  return { records, problems };
}
