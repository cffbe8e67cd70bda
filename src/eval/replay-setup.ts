import { TrajsynthError } from '../core/errors.js';
import type { RunMeta } from '../core/run.js';
import { browserProcessesFor, launchBrowser } from '../browser/index.js';
import { environmentSource, type EnvironmentSource } from '../environments/environment-source.js';
import type { SessionFactory } from '../pipeline/chain-runner.js';
import { siteAtNewAddress } from '../pipeline/run-meta.js';

/**
 * What replays of a stored run (`replay`, `audit`) start their episodes with: the run's environments,
 * a website's at its new address when it moved (`--url`, only for a run made with one).
 */
export function runEnvironments(meta: RunMeta, siteUrl: string | undefined): EnvironmentSource {
  if (siteUrl && !meta.config.site) {
    throw new TrajsynthError(`Expected --url only for a run made with --url, but run "${meta.runId}" is on ${meta.config.environment}`, {
      code: 'BAD_INPUT',
      hint: 'Drop --url: bundled apps are started by trajsynth itself.',
    });
  }
  const site = meta.config.site && siteUrl ? siteAtNewAddress(meta.config.site, siteUrl, meta.runId) : meta.config.site;
  return environmentSource(meta.config.environment, site, meta.config.target?.appWeights);
}

/** The browser replays run in: the caller's, or one launched for `concurrency` replays (closed by `release`). */
export async function replayBrowser(options: {
  browser?: SessionFactory | undefined;
  executablePath?: string | undefined;
  concurrency: number;
  signal?: AbortSignal | undefined;
}): Promise<{ browser: SessionFactory; release(): Promise<void> }> {
  if (options.browser) return { browser: options.browser, release: async () => {} };
  const browser = await launchBrowser({
    ...(options.executablePath ? { executablePath: options.executablePath } : {}),
    processes: browserProcessesFor(options.concurrency),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { browser, release: () => browser.close().catch(() => undefined) };
}
