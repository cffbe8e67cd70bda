import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { RunLayout } from '../store/layout.js';
import { runKind } from '../store/eval-store.js';
import type { ViewSource } from '../view/build-site.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, untilInterrupted } from './args.js';
import { resolveExportSource } from './export-source.js';

export const VIEW_HELP = `Usage: trajsynth view RUN... [--dest DIR] [--serve [--port P]] [--out DIR]

Writes a static HTML site for synthesis and evaluation runs, which opens from disk with no network:
  - an overview: status, counts, levels reached (or success by level), cost by role and level,
    coverage per app, replay results, and every level-k task (or episode) with filters by app,
    level, status, interaction kind and review, and a search over the task text;
  - a page per chain: the level-k tasks with their checkers and gold steps, the subtask lineage
    (proposed, failed, revised, accepted) with each postcondition before and after and the judge's
    opinion, and the step timeline: the screenshot with the action's marker (element box, pixel,
    label), the action as recorded, the page, what it changed in the accessibility snapshot,
    timings and model calls; keys ← → (or j k), Home and End, and a filmstrip;
  - a page per evaluation episode, with its outcome, progress and checker.
RUN is a run id (looked up under --out) or a run's directory; several runs get a list of runs.

Flags:
  --dest DIR     where to write the site (default: views/<run> under --out); a directory that holds
                 anything but an earlier site is refused
  --serve        also serve the site on 127.0.0.1 until Ctrl-C (without --dest, from a temporary
                 directory removed at exit)
  --port P       port for --serve (default: any free port)
  --out DIR      store directory holding trajectories/ (default .)
`;

export async function viewCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'view',
    argv,
    {
      dest: { type: 'string' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(VIEW_HELP);
    return 0;
  }
  if (parsed.positionals.length === 0)
    throw new UsageError('Expected at least one RUN. Usage: trajsynth view RUN... [--dest DIR] [--serve [--port P]] [--out DIR]');
  const serve = booleanFlag(parsed, 'serve');
  const portRaw = stringFlag(parsed, 'port');
  if (portRaw !== undefined && !serve)
    throw new UsageError('Expected --serve together with --port (the site is written to disk otherwise).');
  const port = integerFlag('port', portRaw, 0, { min: 0, max: 65_535 });
  const outDir = stringFlag(parsed, 'out');
  const layouts: RunLayout[] = [];
  for (const source of parsed.positionals) {
    const resolved = resolveExportSource(source, outDir, { datasets: false });
    if (resolved.kind === 'run') layouts.push(resolved.layout);
  }
  const destFlag = stringFlag(parsed, 'dest');
  const temporary = serve && destFlag === undefined ? await mkdtemp(join(tmpdir(), 'trajsynth-view-')) : undefined;
  const dest =
    destFlag !== undefined
      ? resolve(destFlag)
      : temporary
        ? join(temporary, 'site')
        : resolve(outDir ?? '.', 'views', layouts.map((layout) => layout.runId).join('+'));
  try {
    const { buildSite } = await import('../view/build-site.js');
    const started = performance.now();
    const built = await buildSite(await Promise.all(layouts.map(viewSource)), { dest, signal });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const steps = built.runs.reduce((sum, run) => sum + run.steps, 0);
    const pages = built.runs.reduce((sum, run) => sum + run.pages, 0);
    const nearby = relative(process.cwd(), built.dest);
    const shown = temporary || nearby.startsWith('..') ? built.dest : nearby || '.';
    process.stdout.write(
      `Wrote ${pages} chain and episode pages (${steps} steps) of ${built.runs.map((run) => `${run.runId} (${run.kind})`).join(', ')}: ${built.files} files, ${(built.bytes / 1e6).toFixed(1)} MB in ${seconds} s\n`,
    );
    if (!serve) {
      process.stdout.write(`Open ${join(shown, 'index.html')} in a browser.\n`);
      return 0;
    }
    const { startSiteServer } = await import('../view/site-server.js');
    const server = await startSiteServer({ root: built.dest, port });
    process.stdout.write(`Serving at ${server.origin}/ (127.0.0.1 only). Ctrl-C to stop.\n`);
    await untilInterrupted(signal);
    await server.close();
    return 0;
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

/** An evaluation run gets the report's success-by-level chart, with intervals, when it has finished episodes. */
async function viewSource(layout: RunLayout): Promise<ViewSource> {
  if ((await runKind(layout)) !== 'eval') {
    // Review consensus labels (default rule) join the task table and its filters, where reviews exist.
    const { readReviewVerdicts } = await import('../store/reviews-file.js');
    const { consensusByTask } = await import('../core/review-consensus.js');
    const verdicts = await readReviewVerdicts(layout);
    if (verdicts.length === 0) return { layout };
    return { layout, reviews: new Map([...consensusByTask(verdicts)].map(([taskId, consensus]) => [taskId, consensus.label])) };
  }
  try {
    const { loadEvalRun, buildResults } = await import('../eval/results.js');
    const { renderResultsChart } = await import('../eval/report-chart.js');
    return { layout, resultsSvg: renderResultsChart(buildResults([await loadEvalRun(layout)])) };
  } catch {
    return { layout };
  }
}
