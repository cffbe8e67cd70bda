import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256Hex } from '../fingerprint.js';
import type { FormatOutput } from '../sample.js';

/**
 * Collects JSON lines per split and writes `data/<split>.jsonl` files, recording each line's key and
 * sha256 for the manifest. Lines keep the order they were added in (sample order), so the same
 * input gives the same bytes.
 */
export class JsonlSplitWriter {
  private readonly lines = new Map<string, string[]>();
  private readonly records: FormatOutput['records'] = [];

  add(split: string, key: string, record: unknown): void {
    const line = JSON.stringify(record);
    const list = this.lines.get(split) ?? [];
    list.push(line);
    this.lines.set(split, list);
    this.records.push({ key, sha256: sha256Hex(line), split });
  }

  async finish(root: string, splits: readonly string[], notes: string[] = []): Promise<FormatOutput> {
    const files: FormatOutput['files'] = [];
    for (const split of splits) {
      const lines = this.lines.get(split);
      if (!lines?.length) continue;
      const path = `data/${split}.jsonl`;
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), `${lines.join('\n')}\n`);
      files.push({ path, split, records: lines.length });
    }
    return { files, records: this.records, notes };
  }
}

/** Reads a JSONL file back: each line parsed, or a problem naming the line. */
export async function readJsonlRecords(root: string, file: string): Promise<{ records: { line: number; value: unknown }[]; problems: string[] }> {
  const text = await readFile(join(root, file), 'utf8');
  const records: { line: number; value: unknown }[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    try {
      records.push({ line: index + 1, value: JSON.parse(line) });
    } catch (error) {
      problems.push(`${file}:${index + 1}: not JSON (${(error as Error).message})`);
    }
  });
  return { records, problems };
}
