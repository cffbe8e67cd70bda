import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { TrajsynthError, errorMessage, throwIfAborted } from '../core/errors.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { consensusOptions, type ConsensusOptions } from '../core/review-consensus.js';
import type { RunLayout } from '../store/layout.js';
import { buildPairUnits, buildUnits, type UnitOptions } from './build-units.js';
import { pairSamples } from './preference-pairs.js';
import { ImageEncoder } from './encode-image.js';
import { datasetFingerprint, sha256Hex } from './fingerprint.js';
import { datasetFormat } from './formats/index.js';
import { loadSource, type LoadedSource } from './load-samples.js';
import { MANIFEST_FILE, MANIFEST_VERSION, type DatasetManifest } from './manifest.js';
import type { EncodedImage, ImageFormat, TrajectorySample } from './sample.js';
import { checkFiltersApply, exclusionReason, type SampleFilters } from './select-samples.js';
import { splitOf, splitRuleText, type SplitRule } from './split.js';
import { exportSystemPrompt } from './system-prompt.js';

export interface ExportOptions extends UnitOptions {
  sources: RunLayout[];
  format: string;
  /** The dataset directory; must not exist or be empty, unless `force`. */
  dest: string;
  force?: boolean;
  imageFormat: ImageFormat;
  maxSide?: number;
  filters: SampleFilters;
  /** How human reviews become a sample's label for `filters.reviewed` (default majority, 2 reviewers). */
  consensus?: Partial<ConsensusOptions>;
  split: SplitRule;
  signal?: AbortSignal;
  onProgress?: (progress: { phase: 'load' | 'write'; done: number; total: number }) => void;
}

export interface ExportResult {
  dest: string;
  manifest: DatasetManifest;
  /** Chains or episodes the sources hold but could not contribute (unfinished, harness errors). */
  skipped: string[];
  /** Samples left out by each filter. */
  excluded: Record<string, number>;
}

/**
 * Exports runs as a dataset: loads every source (refusing damaged ones), selects and splits samples,
 * lets the format write its files into a temporary directory beside `dest`, adds the images and
 * manifest.json, and renames the directory into place. Nothing half-written is ever left at `dest`:
 * a failure removes the temporary directory and leaves an existing `dest` as it was.
 */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  const format = datasetFormat(options.format);
  const dest = resolve(options.dest);
  await checkDestination(dest, options.force === true);
  const consensus = consensusOptions(options.consensus);
  const sources: LoadedSource[] = [];
  for (const layout of options.sources) {
    throwIfAborted(options.signal);
    sources.push(await loadSource(layout, { consensus }));
    options.onProgress?.({ phase: 'load', done: sources.length, total: options.sources.length });
  }
  const duplicate = sources.find((source, index) => sources.findIndex((other) => other.runId === source.runId) !== index);
  if (duplicate) throw new TrajsynthError(`Expected each source run once, got ${duplicate.runId} twice`, { code: 'BAD_INPUT' });
  // Preference formats also draw on retried subtasks (a failed attempt and its accepted retry).
  const all = sources.flatMap((source) => (format.preference ? [...source.samples, ...source.retrySamples] : source.samples));
  checkFiltersApply(
    options.filters,
    all,
    sources.map((source) => ({
      runId: source.runId,
      kind: source.kind,
      hasReplay: source.samples.some((sample) => sample.replayValid !== undefined),
      hasAudit: source.samples.some((sample) => sample.checkerSound !== undefined),
    })),
  );
  const excluded: Record<string, number> = {};
  const samples: TrajectorySample[] = [];
  for (const sample of all) {
    const reason = exclusionReason(sample, options.filters);
    if (reason) excluded[reason] = (excluded[reason] ?? 0) + 1;
    else samples.push({ ...sample, split: splitOf(options.split, sample.sourceRunId, sample.chainId) });
  }
  if (samples.length === 0) {
    const why = Object.entries(excluded)
      .map(([filter, count]) => `${filter} left out ${count}`)
      .join(', ');
    throw new TrajsynthError(
      `Expected the filters to select at least one ${sources.every((source) => source.kind === 'eval') ? 'episode' : 'level-k task'}, got none of ${all.length}${why ? ` (${why})` : ''}`,
      {
        code: 'BAD_INPUT',
        hint: all.length === 0 ? 'The sources hold no finished chains or episodes yet; finish them with --resume.' : 'Loosen the filters.',
      },
    );
  }
  const pairs = format.preference ? pairSamples(samples) : undefined;
  if (pairs && pairs.length === 0) throw noPairsError(samples);
  const temporary = join(dirname(dest), `.${basename(dest)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(temporary, { recursive: true }).catch((error: unknown) => {
    throw new TrajsynthError(`Expected to create ${temporary} next to --dest, got ${errorMessage(error)}`, {
      code: 'OUTPUT_UNWRITABLE',
      cause: error,
    });
  });
  try {
    const images = new ImageEncoder({
      format: options.imageFormat,
      ...(options.maxSide !== undefined ? { maxSide: options.maxSide } : {}),
    });
    const written = new Map<string, Promise<void>>();
    const writtenHashes = new Set<string>();
    const writeImage = (image: EncodedImage): Promise<string> => {
      let pending = written.get(image.path);
      if (!pending) {
        pending = mkdir(join(temporary, 'images'), { recursive: true }).then(() => writeFile(join(temporary, image.path), image.bytes));
        written.set(image.path, pending);
        writtenHashes.add(basename(image.path).replace(/\.[a-z]+$/, ''));
      }
      return pending.then(() => image.path);
    };
    const splits = options.split.ratios.map(([name]) => name);
    const onDone = (total: number) => (done: number) => {
      throwIfAborted(options.signal);
      options.onProgress?.({ phase: 'write', done, total });
    };
    const units = pairs
      ? buildPairUnits(pairs, options, images, onDone(pairs.length))
      : buildUnits(samples, options, images, onDone(samples.length));
    const output = await format.write(units, {
      root: temporary,
      writeImage,
      systemPrompt: exportSystemPrompt(options.actionSpace, options.coords),
      splits,
    });
    throwIfAborted(options.signal);
    // A preference export uses only the samples its pairs hold.
    const used = pairs
      ? [...new Map(pairs.flatMap((pair) => [pair.chosen, pair.rejected]).map((sample) => [sample.id, sample])).values()]
      : samples;
    const manifest: DatasetManifest = {
      manifestVersion: MANIFEST_VERSION,
      generator: { name: 'trajsynth', version: TOOL_VERSION },
      format: format.id,
      unit: options.unit,
      fingerprint: datasetFingerprint(output.records, writtenHashes),
      sources: sources.map((source) => ({
        runId: source.runId,
        kind: source.kind,
        status: source.status,
        config: source.config,
        toolVersion: source.toolVersion,
      })),
      options: {
        unit: options.unit,
        history: options.history,
        actionSpace: options.actionSpace,
        coords: options.coords,
        imageFormat: options.imageFormat,
        ...(options.maxSide !== undefined ? { maxSide: options.maxSide } : {}),
        filters: options.filters,
        ...(options.filters.reviewed !== undefined ? { reviewConsensus: consensus } : {}),
      },
      split: {
        rule: `sha256("<source run>/<chain>") cut by ${splitRuleText(options.split)}`,
        ratios: Object.fromEntries(options.split.ratios),
      },
      counts: {
        samples: used.length,
        records: output.records.length,
        images: writtenHashes.size > 0 ? writtenHashes.size : images.hashes.size,
        bySplit: countBy(output.records.map((record) => record.split)),
        byLevel: countBy(used.map((sample) => `L${sample.level}`)),
        byEnvironment: countBy(used.map((sample) => sample.environment)),
        ...(output.pairs !== undefined ? { pairs: output.pairs } : {}),
      },
      files: await listFiles(temporary, output.files),
      records: [...output.records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      notes: [...output.notes, ...sources.flatMap((source) => source.skipped.map((line) => `skipped ${line}`))],
    };
    await writeFile(join(temporary, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await moveIntoPlace(temporary, dest);
    return { dest, manifest, skipped: sources.flatMap((source) => source.skipped), excluded };
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** No pairs: says what the sources held, so the user knows what would give some. */
function noPairsError(samples: readonly TrajectorySample[]): TrajsynthError {
  const episodes = samples.filter((sample) => sample.kind === 'eval');
  const tasks = new Set(episodes.map((sample) => sample.pairKey));
  const held = episodes.length
    ? `${episodes.length} evaluation episode(s) of ${tasks.size} task(s), none of them both solved and failed`
    : `only synthesis runs (${samples.length} level-k task(s)) and no retried subtask in them (a failed attempt the reviser relabelled, or one followed by a different proposal, is not a pair)`;
  return new TrajsynthError(`Expected at least one preference pair, got none: ${held}`, {
    code: 'BAD_INPUT',
    hint: 'Pairs come from evaluation runs with several episodes per task whose outcomes differ (trajsynth eval RUN --agent SPEC --episodes 4, then export that evaluation run), and from subtasks a chain retried after a failed attempt that left the page unchanged.',
  });
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function checkDestination(dest: string, force: boolean): Promise<void> {
  if (!existsSync(dest)) return;
  const info = await stat(dest);
  if (!info.isDirectory()) {
    throw new TrajsynthError(`Expected --dest to be a directory, got a file at ${dest}`, {
      code: 'BAD_INPUT',
      hint: 'Pass a new directory path.',
    });
  }
  const entries = await readdir(dest);
  if (entries.length > 0 && !force) {
    throw new TrajsynthError(
      `Expected --dest ${dest} to be empty or absent, got ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
      {
        code: 'BAD_INPUT',
        hint: 'Choose a new directory, or pass --force to replace it (the old one is removed only after the new dataset is complete).',
      },
    );
  }
}

/** Every file under root (except manifest.json), sorted, with its sha256 and size, and its split and records where the format said. */
async function listFiles(
  root: string,
  described: readonly { path: string; split: string; records: number }[],
): Promise<DatasetManifest['files']> {
  const files: DatasetManifest['files'] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const rel = relative(root, path).split('\\').join('/');
        if (rel === MANIFEST_FILE) continue;
        const bytes = await readFile(path);
        const info = described.find((file) => file.path === rel);
        files.push({
          path: rel,
          sha256: sha256Hex(bytes),
          bytes: bytes.length,
          ...(info ? { split: info.split, records: info.records } : {}),
        });
      }
    }
  };
  await walk(root);
  return files;
}

/** Renames the finished dataset into place; an existing `dest` (with --force) is removed only after. */
async function moveIntoPlace(temporary: string, dest: string): Promise<void> {
  let old: string | undefined;
  if (existsSync(dest)) {
    old = `${temporary}.old`;
    await rename(dest, old);
  }
  try {
    await rename(temporary, dest);
  } catch (error) {
    if (old) await rename(old, dest);
    throw new TrajsynthError(`Expected to move the finished dataset to ${dest}, got ${errorMessage(error)}`, {
      code: 'OUTPUT_UNWRITABLE',
      cause: error,
    });
  }
  if (old) await rm(old, { recursive: true, force: true });
}
