import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256Hex } from '../fingerprint.js';
import type { FormatOutput } from '../sample.js';

/**
 * Writes records into one file per split as they come (a record can carry megabytes of base64, so
 * nothing is held back), hashing each record's exact line for the manifest. Two layouts: JSON Lines
 * (`data/<split>.jsonl`) and a JSON array with one record per line (`data/<split>.json`), whose
 * record lines are hashed without the separating comma.
 */
export class RecordFiles {
  private readonly handles = new Map<string, { handle: FileHandle; path: string; records: number }>();
  private readonly records: FormatOutput['records'] = [];

  constructor(
    private readonly root: string,
    private readonly layout: 'jsonl' | 'json-array',
  ) {}

  /** The path (relative to root) of a split's file. */
  pathOf(split: string): string {
    return `data/${split}.${this.layout === 'jsonl' ? 'jsonl' : 'json'}`;
  }

  async append(split: string, key: string, record: unknown): Promise<void> {
    const line = JSON.stringify(record);
    let file = this.handles.get(split);
    const first = !file;
    if (!file) {
      const path = this.pathOf(split);
      await mkdir(dirname(join(this.root, path)), { recursive: true });
      file = { handle: await open(join(this.root, path), 'w'), path, records: 0 };
      this.handles.set(split, file);
    }
    const text = this.layout === 'jsonl' ? `${line}\n` : `${first ? '[\n' : ',\n'}${line}`;
    await file.handle.write(text);
    file.records += 1;
    this.records.push({ key, sha256: sha256Hex(line), split });
  }

  /** Closes every file (a JSON array gets its closing bracket) and lists what was written, by split name. */
  async finish(): Promise<Pick<FormatOutput, 'files' | 'records'>> {
    const files: FormatOutput['files'] = [];
    for (const [split, file] of [...this.handles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.layout === 'json-array') await file.handle.write('\n]\n');
      files.push({ path: file.path, split, records: file.records });
    }
    await this.close();
    return { files, records: this.records };
  }

  /** Closes every open file without finishing (for a failed write). */
  async close(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    await Promise.all(handles.map((file) => file.handle.close()));
  }
}
