import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TrajsynthError } from '../core/errors.js';
import { MANIFEST_FILE } from '../export/manifest.js';
import type { RunLayout } from '../store/layout.js';
import { runExists } from '../store/run-store.js';
import { resolveRun } from './inspect-command.js';

export type ExportToolSource = { kind: 'dataset'; dir: string } | { kind: 'run'; layout: RunLayout };

/**
 * SOURCE as the export tools take it: a directory holding manifest.json (an exported dataset), a
 * run id under --out, or a run's directory. Anything else is one clear error naming what was looked for.
 */
export function resolveExportSource(source: string, outDir: string | undefined, options: { datasets: boolean }): ExportToolSource {
  const path = resolve(source);
  if (options.datasets && existsSync(join(path, MANIFEST_FILE))) return { kind: 'dataset', dir: path };
  const layout = resolveRun(source, outDir);
  if (runExists(layout)) return { kind: 'run', layout };
  const isDirectory = existsSync(path) && statSync(path).isDirectory();
  const looked = `no run "${source}" under ${resolve(outDir ?? '.')}/trajectories${options.datasets ? `, and ${isDirectory ? `${path} has no ${MANIFEST_FILE}` : `no dataset directory ${path}`}` : ''}`;
  throw new TrajsynthError(
    `Expected SOURCE to be a run id${options.datasets ? ' or an exported dataset directory' : ''}, got "${source}": ${looked}`,
    {
      code: 'BAD_INPUT',
      hint: `Pass a run id printed by \`trajsynth synth\` or \`trajsynth eval\` with the same --out${options.datasets ? ', or the directory `trajsynth export` wrote (it holds manifest.json)' : ''}.`,
    },
  );
}
