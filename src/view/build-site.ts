import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { TrajsynthError } from '../core/errors.js';
import type { RunLayout } from '../store/layout.js';
import { runKind } from '../store/eval-store.js';
import { html, page } from './html.js';
import { loadEvalSite } from './load-eval-site.js';
import { loadSynthSite } from './load-synth-site.js';
import { renderOverview } from './render-overview.js';
import { renderTrajectory } from './render-trajectory.js';
import type { RunSite } from './site-model.js';

/** Marks a directory as a site this builder wrote, so a rebuild may replace it and nothing else. */
export const SITE_MARKER = '.trajsynth-view';
const ASSETS = ['view.js', 'view.css'];

export interface ViewSource {
  layout: RunLayout;
  /** Trusted SVG of the success-by-level chart (evaluation runs), drawn by the caller. */
  resultsSvg?: string;
  /** Consensus review labels by task id, where reviews exist. */
  reviews?: ReadonlyMap<string, string>;
}

export interface BuiltSite {
  dest: string;
  runs: Array<{ runId: string; kind: 'synth' | 'eval'; pages: number; steps: number; index: string }>;
  files: number;
  bytes: number;
}

/**
 * Writes a static HTML site for one or more runs into `dest`: an overview per run (and a list of
 * runs when there are several), one page per chain or episode, the stylesheet and script, and the
 * screenshots (hard-linked where the filesystem allows, else copied). It is built beside `dest` and
 * swapped in, so a failed build leaves the previous site whole; a `dest` holding anything but a
 * site this builder wrote is refused.
 */
export async function buildSite(sources: readonly ViewSource[], options: { dest: string; signal?: AbortSignal }): Promise<BuiltSite> {
  if (sources.length === 0) throw new TrajsynthError('Expected at least one run to view, got none', { code: 'BAD_INPUT' });
  const dest = resolve(options.dest);
  await refuseForeign(dest);
  const staging = join(dirname(dest), `.${basename(dest)}.partial-${process.pid}-${Date.now().toString(36)}`);
  await mkdir(join(staging, 'assets'), { recursive: true });
  try {
    const several = sources.length > 1;
    const runs: BuiltSite['runs'] = [];
    for (const source of sources) {
      options.signal?.throwIfAborted();
      const prefix = several ? `${source.layout.runId}/` : '';
      const siteOptions = {
        prefix,
        ...(source.resultsSvg ? { resultsSvg: source.resultsSvg } : {}),
        ...(source.reviews ? { reviews: source.reviews } : {}),
      };
      const kind = await runKind(source.layout);
      const site = kind === 'eval' ? await loadEvalSite(source.layout, siteOptions) : await loadSynthSite(source.layout, siteOptions);
      await writeRunPages(staging, site, prefix, several);
      await placeImages(staging, site.images, options.signal);
      runs.push({
        runId: site.overview.runId,
        kind,
        pages: site.pages.length,
        steps: site.pages.reduce((sum, item) => sum + item.steps.length, 0),
        index: `${prefix}index.html`,
      });
    }
    if (several) await writeFile(join(staging, 'index.html'), runsIndex(runs));
    for (const asset of ASSETS)
      await writeFile(join(staging, 'assets', asset), await readFile(new URL(`./assets/${asset}`, import.meta.url)));
    await writeFile(join(staging, SITE_MARKER), `trajsynth view\n`);
    const totals = await sizeOf(staging);
    await swapIn(staging, dest);
    return { dest, runs, ...totals };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeRunPages(root: string, site: RunSite, prefix: string, several: boolean): Promise<void> {
  const depth = (path: string) => '../'.repeat(path.split('/').length - 1);
  const overviewPath = `${prefix}index.html`;
  await mkdir(join(root, prefix, 'chains'), { recursive: true });
  await mkdir(join(root, prefix, 'episodes'), { recursive: true });
  const overviewRoot = depth(overviewPath);
  await writeFile(
    join(root, overviewPath),
    renderOverview(site.overview, {
      root: overviewRoot,
      hrefPrefix: overviewRoot,
      ...(several ? { home: `${overviewRoot}index.html` } : {}),
    }),
  );
  for (const trajectory of site.pages) {
    const pageRoot = depth(trajectory.href);
    await writeFile(
      join(root, trajectory.href),
      renderTrajectory(trajectory, { root: pageRoot, overviewHref: `${pageRoot}${overviewPath}`, runId: site.overview.runId }),
    );
  }
}

async function placeImages(root: string, images: ReadonlyMap<string, string>, signal: AbortSignal | undefined): Promise<void> {
  const made = new Set<string>();
  for (const [destination, source] of images) {
    signal?.throwIfAborted();
    const target = join(root, destination);
    const folder = dirname(target);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    if (!existsSync(source)) continue;
    await link(source, target).catch(() => copyFile(source, target));
  }
}

function runsIndex(runs: BuiltSite['runs']): string {
  const body = html`<h1>trajsynth runs</h1>
<table class="data runs"><thead><tr><th>run</th><th>kind</th><th class="num">chains or episodes</th><th class="num">steps</th></tr></thead>
<tbody>${runs.map((run) => html`<tr><td><a href="${run.index}">${run.runId}</a></td><td>${run.kind}</td><td class="num">${run.pages}</td><td class="num">${run.steps}</td></tr>`)}</tbody></table>`;
  return page({ title: 'trajsynth runs', root: '', body, bodyClass: 'runs-index' });
}

async function refuseForeign(dest: string): Promise<void> {
  if (!existsSync(dest)) return;
  const entries = await readdir(dest);
  if (entries.length === 0 || entries.includes(SITE_MARKER)) return;
  throw new TrajsynthError(
    `Expected --dest to be a new directory or a site trajsynth view wrote, got ${dest} holding ${entries.length} other file(s)`,
    {
      code: 'OUTPUT_UNWRITABLE',
      hint: 'Pass a new --dest directory (nothing in an existing one is overwritten).',
    },
  );
}

async function swapIn(staging: string, dest: string): Promise<void> {
  const old = `${staging}-old`;
  const hadOld = existsSync(dest);
  if (hadOld) await rename(dest, old);
  await rename(staging, dest);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function sizeOf(root: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        files += 1;
        bytes += (await stat(path)).size;
      }
    }
  };
  await walk(root);
  return { files, bytes };
}
