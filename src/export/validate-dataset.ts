import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import { errorMessage, isTrajsynthError } from '../core/errors.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { decodeImages } from './decode-images.js';
import { datasetFingerprint } from './fingerprint.js';
import { datasetFormat } from './formats/index.js';
import { DatasetManifestSchema, MANIFEST_FILE, MANIFEST_VERSION, type DatasetManifest } from './manifest.js';
import { sampleIdsOf } from './record-key.js';
import type { DatasetFormat } from './sample.js';
import { ProblemList, fieldPath, type ValidationReport } from './validation-problem.js';

export interface ValidateDatasetOptions {
  /** Images decoded at once. */
  concurrency?: number;
  /** Looks a format up by id (default: the export registry); throws for an unknown id. */
  formatFor?: (id: string) => DatasetFormat;
}

/** Image files are named by the sha256 of their bytes: images/<64 hex>.<ext>. */
const IMAGE_NAME = /^images\/([0-9a-f]{64})\.(webp|png|jpe?g)$/;

/**
 * Checks an exported dataset against its manifest.json: the manifest parses; every listed file
 * exists with its size and sha256 and nothing else is there; image files are named by their
 * content hash and decode; the fingerprint recomputes from the records and the image hashes; the
 * counts add up; and each data file passes its format's own reader (`DatasetFormat.checkFile`).
 */
export async function validateDataset(rootIn: string, options: ValidateDatasetOptions = {}): Promise<ValidationReport> {
  const root = resolve(rootIn);
  const problems = new ProblemList(root);
  const manifestFile = join(root, MANIFEST_FILE);
  const counts: Record<string, number> = {};
  const report = (): ValidationReport => ({ kind: 'dataset', source: root, problems: problems.problems, counts });
  const manifest = await readManifest(problems, manifestFile);
  if (!manifest) return report();
  counts.samples = manifest.counts.samples;
  counts.records = manifest.records.length;
  counts.files = manifest.files.length;

  // Files: listed ones present and intact, nothing unlisted.
  const listed = new Map<string, number>();
  const contentHash = new Map<string, string>();
  for (const [index, entry] of manifest.files.entries()) {
    const field = `files[${index}].path`;
    const path = resolve(root, entry.path);
    if (!path.startsWith(root + sep) || entry.path === MANIFEST_FILE) {
      problems.add(manifestFile, `Expected a path inside the dataset other than ${MANIFEST_FILE}, got ${JSON.stringify(entry.path)}`, {
        field,
      });
      continue;
    }
    if (listed.has(entry.path)) {
      problems.add(manifestFile, `Expected each file listed once, got ${entry.path} again (first at files[${listed.get(entry.path)}])`, {
        field,
      });
      continue;
    }
    listed.set(entry.path, index);
    const size = await stat(path).then(
      (info) => (info.isFile() ? info.size : undefined),
      () => undefined,
    );
    if (size === undefined) {
      problems.add(path, 'is listed in manifest.json but does not exist');
      continue;
    }
    const hash = await fileSha256(path);
    contentHash.set(entry.path, hash);
    if (size !== entry.bytes) problems.add(path, `Expected ${entry.bytes} bytes (manifest.json), got ${size}`);
    if (hash !== entry.sha256) problems.add(path, `Expected sha256 ${entry.sha256} (manifest.json), got ${hash}`);
  }
  for (const file of await listFiles(root)) {
    if (file !== MANIFEST_FILE && !listed.has(file))
      problems.add(join(root, file), 'is not listed in manifest.json files (remove it, or re-export)');
  }

  // Images: named by their hash, decodable.
  const imagePaths = [...contentHash.keys()].filter((path) => path.startsWith('images/'));
  for (const path of imagePaths) {
    const match = IMAGE_NAME.exec(path);
    if (!match) problems.add(join(root, path), 'Expected an image named images/<sha256>.<webp|png|jpeg>, got another name');
    else if (match[1] !== contentHash.get(path))
      problems.add(join(root, path), `Expected the name to be the sha256 of the bytes, got content hashing to ${contentHash.get(path)}`);
  }
  const decoded = await decodeImages(
    imagePaths.map((path) => join(root, path)),
    options,
  );
  for (const result of decoded) if (result.problem !== undefined) problems.add(result.path, result.problem);
  counts.imagesDecoded = decoded.filter((result) => result.problem === undefined).length;

  // The fingerprint, as the exporter computes it: records, plus the hashes of the image files (none for formats that embed images).
  const fingerprint = datasetFingerprint(
    manifest.records,
    imagePaths.map((path) => contentHash.get(path)!),
  );
  if (fingerprint !== manifest.fingerprint)
    problems.add(manifestFile, `Expected ${fingerprint} (recomputed from records and image files), got ${manifest.fingerprint}`, {
      field: 'fingerprint',
    });

  let format: DatasetFormat | undefined;
  try {
    format = (options.formatFor ?? datasetFormat)(manifest.format);
  } catch (error) {
    problems.add(
      manifestFile,
      `Expected a format this build (trajsynth ${TOOL_VERSION}) can read, got "${manifest.format}"${isTrajsynthError(error) ? ` (${error.message})` : ''}`,
      { field: 'format' },
    );
  }
  checkCounts(problems, manifestFile, manifest, imagePaths.length, format);
  if (format) await checkDataFiles(problems, root, manifest, format);
  return report();
}

async function readManifest(problems: ProblemList, manifestFile: string): Promise<DatasetManifest | undefined> {
  if (!existsSync(manifestFile)) {
    problems.add(manifestFile, 'does not exist: this is not an exported dataset');
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch (error) {
    problems.add(manifestFile, `Expected JSON, got unparseable text (${errorMessage(error)})`);
    return undefined;
  }
  const version = (raw as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (version !== MANIFEST_VERSION) {
    problems.add(
      manifestFile,
      `Expected manifestVersion ${MANIFEST_VERSION} (what trajsynth ${TOOL_VERSION} reads), got ${JSON.stringify(version)}`,
      { field: 'manifestVersion' },
    );
    return undefined;
  }
  const parsed = DatasetManifestSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20))
      problems.add(manifestFile, issue.message, { field: fieldPath(issue.path) || undefined });
    return undefined;
  }
  return parsed.data;
}

function checkCounts(
  problems: ProblemList,
  manifestFile: string,
  manifest: DatasetManifest,
  imageFiles: number,
  format: DatasetFormat | undefined,
): void {
  const expect = (field: string, want: number, got: number, what: string) => {
    if (want !== got) problems.add(manifestFile, `Expected ${want} (${what}), got ${got}`, { field });
  };
  const { counts, records } = manifest;
  expect('counts.records', records.length, counts.records, 'records listed');
  const keys = new Set<string>();
  records.forEach((record, index) => {
    if (keys.has(record.key))
      problems.add(manifestFile, `Expected each record key once, got "${record.key}" again`, { field: `records[${index}].key` });
    keys.add(record.key);
  });
  const samples = new Set(records.flatMap((record) => sampleIdsOf(record.key)));
  expect('counts.samples', samples.size, counts.samples, 'distinct sample ids among the records');
  const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);
  expect('counts.byLevel', counts.samples, sum(counts.byLevel), 'counts.samples; the sum by level');
  expect('counts.byEnvironment', counts.samples, sum(counts.byEnvironment), 'counts.samples; the sum by environment');
  const recordsBySplit = tally(records.map((record) => record.split));
  for (const split of new Set([...Object.keys(counts.bySplit), ...Object.keys(recordsBySplit)])) {
    expect(`counts.bySplit.${split}`, recordsBySplit[split] ?? 0, counts.bySplit[split] ?? 0, `records listed in split "${split}"`);
  }
  const fileRecords = manifest.files.filter((file) => file.records !== undefined);
  if (fileRecords.length > 0)
    expect(
      'files',
      records.length,
      fileRecords.reduce((total, file) => total + file.records!, 0),
      'records listed; the sum of files[].records',
    );
  if (imageFiles > 0 || format?.imageFiles === true) expect('counts.images', imageFiles, counts.images, 'image files listed');
}

/** Every data file (not an image) read back by its format's own checker: one call per file. */
async function checkDataFiles(problems: ProblemList, root: string, manifest: DatasetManifest, format: DatasetFormat): Promise<void> {
  for (const file of manifest.files) {
    if (file.path.startsWith('images/') || !existsSync(join(root, file.path))) continue;
    let lines: string[];
    try {
      lines = await format.checkFile(root, file.path);
    } catch (error) {
      lines = [`${file.path}: Expected a file the ${format.id} format can read, got ${errorMessage(error)}`];
    }
    for (const line of lines) {
      const match = /^([^:\s]+?)(?::(\d+))?: (.*)$/s.exec(line);
      if (match) problems.add(join(root, match[1]!), match[3]!, { line: match[2] === undefined ? undefined : Number(match[2]) });
      else problems.add(join(root, file.path), line);
    }
  }
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files under root, relative, with forward slashes. */
async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relativePath)));
    else files.push(relativePath);
  }
  return files.sort();
}
