import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TrajsynthError } from '../core/errors.js';
import { readJsonFile } from '../store/parse-file.js';
import { DatasetManifestSchema, MANIFEST_FILE, type DatasetManifest } from './manifest.js';
import { canonicalJson } from './raw-json.js';
import { sampleIdOf } from './record-key.js';

/** One sample's records that differ between two datasets. */
export interface SampleDiff {
  sampleId: string;
  /** `added`: the sample is only in B; `removed`: only in A; `changed`: in both, some records differ. */
  status: 'added' | 'removed' | 'changed';
  added: string[];
  removed: string[];
  /** Same key, different sha256. */
  changed: string[];
}

/** A manifest field that differs (format, unit, split, an option, a source). */
export interface FieldDiff {
  field: string;
  a: unknown;
  b: unknown;
}

export interface DatasetDiff {
  identical: boolean;
  a: { dir: string; fingerprint: string; format: string; records: number };
  b: { dir: string; fingerprint: string; format: string; records: number };
  samples: SampleDiff[];
  counts: {
    samples: { added: number; removed: number; changed: number };
    records: { added: number; removed: number; changed: number; unchanged: number };
  };
  fields: FieldDiff[];
}

/** Reads DIR/manifest.json; a directory without one is not an exported dataset. */
export async function readDatasetManifest(dir: string): Promise<DatasetManifest> {
  const root = resolve(dir);
  const file = join(root, MANIFEST_FILE);
  if (!existsSync(file)) {
    const what = !existsSync(root) ? 'does not exist' : statSync(root).isDirectory() ? `has no ${MANIFEST_FILE}` : 'is a file';
    throw new TrajsynthError(`Expected an exported dataset directory, got ${root}, which ${what}: it is not an exported dataset`, {
      code: 'BAD_INPUT',
      hint: 'Pass the directory `trajsynth export` wrote (the one holding manifest.json).',
    });
  }
  return readJsonFile(file, DatasetManifestSchema, 'a dataset manifest');
}

/**
 * Compares two datasets by their manifests: records added, removed and changed (same key,
 * different hash), grouped by sample; and the format, unit, split, options and sources that differ.
 * Identical fingerprints mean identical content.
 */
export function diffManifests(a: DatasetManifest, b: DatasetManifest, dirs: { a: string; b: string }): DatasetDiff {
  const side = (manifest: DatasetManifest, dir: string) => ({
    dir,
    fingerprint: manifest.fingerprint,
    format: manifest.format,
    records: manifest.records.length,
  });
  const base = { a: side(a, dirs.a), b: side(b, dirs.b) };
  if (a.fingerprint === b.fingerprint) {
    return {
      identical: true,
      ...base,
      samples: [],
      counts: { samples: { added: 0, removed: 0, changed: 0 }, records: { added: 0, removed: 0, changed: 0, unchanged: a.records.length } },
      fields: [],
    };
  }
  const inA = new Map(a.records.map((record) => [record.key, record.sha256]));
  const inB = new Map(b.records.map((record) => [record.key, record.sha256]));
  const bySample = new Map<string, SampleDiff>();
  const entry = (key: string) => {
    const sampleId = sampleIdOf(key);
    let diff = bySample.get(sampleId);
    if (!diff) bySample.set(sampleId, (diff = { sampleId, status: 'changed', added: [], removed: [], changed: [] }));
    return diff;
  };
  let unchanged = 0;
  for (const [key, hash] of inA) {
    const other = inB.get(key);
    if (other === undefined) entry(key).removed.push(key);
    else if (other !== hash) entry(key).changed.push(key);
    else unchanged += 1;
  }
  for (const key of inB.keys()) if (!inA.has(key)) entry(key).added.push(key);
  const samplesA = new Set(a.records.map((record) => sampleIdOf(record.key)));
  const samplesB = new Set(b.records.map((record) => sampleIdOf(record.key)));
  const samples = [...bySample.values()]
    .map((diff): SampleDiff => ({
      ...diff,
      status: !samplesA.has(diff.sampleId) ? 'added' : !samplesB.has(diff.sampleId) ? 'removed' : 'changed',
    }))
    .sort((x, y) => (x.sampleId < y.sampleId ? -1 : x.sampleId > y.sampleId ? 1 : 0));
  const countStatus = (status: SampleDiff['status']) => samples.filter((diff) => diff.status === status).length;
  const total = (pick: (diff: SampleDiff) => string[]) => samples.reduce((sum, diff) => sum + pick(diff).length, 0);
  return {
    identical: false,
    ...base,
    samples,
    counts: {
      samples: { added: countStatus('added'), removed: countStatus('removed'), changed: countStatus('changed') },
      records: {
        added: total((diff) => diff.added),
        removed: total((diff) => diff.removed),
        changed: total((diff) => diff.changed),
        unchanged,
      },
    },
    fields: fieldDiffs(a, b),
  };
}

function fieldDiffs(a: DatasetManifest, b: DatasetManifest): FieldDiff[] {
  const fields: FieldDiff[] = [];
  const compare = (field: string, x: unknown, y: unknown) => {
    if (canonicalJson(x) !== canonicalJson(y)) fields.push({ field, a: x, b: y });
  };
  compare('format', a.format, b.format);
  compare('unit', a.unit, b.unit);
  compare('split', a.split, b.split);
  for (const key of [...new Set([...Object.keys(a.options), ...Object.keys(b.options)])].sort())
    compare(`options.${key}`, a.options[key], b.options[key]);
  const sourcesA = new Map(a.sources.map((source) => [source.runId, source]));
  const sourcesB = new Map(b.sources.map((source) => [source.runId, source]));
  for (const runId of [...new Set([...sourcesA.keys(), ...sourcesB.keys()])].sort()) {
    const x = sourcesA.get(runId);
    const y = sourcesB.get(runId);
    if (!x || !y) {
      compare(`sources.${runId}`, x ? `${x.kind} run, ${x.status}` : undefined, y ? `${y.kind} run, ${y.status}` : undefined);
      continue;
    }
    for (const key of ['kind', 'status', 'toolVersion'] as const) compare(`sources.${runId}.${key}`, x[key], y[key]);
    for (const key of [...new Set([...Object.keys(x.config), ...Object.keys(y.config)])].sort())
      compare(`sources.${runId}.config.${key}`, x.config[key], y.config[key]);
  }
  return fields;
}
