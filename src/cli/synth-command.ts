import { resolve } from 'node:path';
import { DEFAULT_ENVIRONMENT_ID, getBundledApp } from '../environments/registry.js';
import { ALL_ENVIRONMENTS } from '../environments/environment-source.js';
import { URL_ENVIRONMENT_ID, readUrlSiteManifest, urlSite } from '../environments/url-environment.js';
import type { UrlSite } from '../core/environment.js';
import { coverageText } from './coverage-text.js';
import type { ChainRecord } from '../core/chain.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, type ParsedCommand } from './args.js';
import { formatDuration, ProgressBar } from './progress.js';
import { isTrajsynthError } from '../core/errors.js';

export const SYNTH_HELP = `Usage: trajsynth synth [flags]

Synthesize chains of subtasks in a bundled environment and store level-k tasks and trajectories.

Flags:
  --env ID            environment (default ${DEFAULT_ENVIRONMENT_ID}; see \`trajsynth envs\`), or "all" to
                      spread chains over every bundled app
  --url URL           use a website as the environment (no state probe: page predicates check tasks)
  --allow-origin O    with --url: another origin navigation may reach (repeatable)
  --manifest FILE     a website from a JSON manifest: {"url", "title", "allowedOrigins", "viewport"}
  --chains N          number of chains (default 4)
  --max-level K       subtasks to chain, i.e. the highest level (default 3)
  --seed S            seed: same seed, same tasks and actions (default 1)
  --concurrency C     chains run in parallel (default 2)
  --out DIR           output directory holding tasks/ and trajectories/ (default .)
  --run NAME          run id (default <env>-seed<S>)
  --resume            continue an interrupted run; finished chains are kept
  --max-steps N       step limit per subtask (default 12)
  --retries N         new proposals per level after a failure (default 2)
  --quiet             no progress bar
`;

export async function synthCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'synth',
    argv,
    {
      env: { type: 'string' },
      chains: { type: 'string' },
      'max-level': { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      run: { type: 'string' },
      resume: { type: 'boolean' },
      'max-steps': { type: 'string' },
      retries: { type: 'string' },
      quiet: { type: 'boolean' },
      url: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      manifest: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(SYNTH_HELP);
    return 0;
  }
  const site = await siteFromFlags(parsed);
  const environment = site ? URL_ENVIRONMENT_ID : (stringFlag(parsed, 'env') ?? DEFAULT_ENVIRONMENT_ID);
  if (site && stringFlag(parsed, 'env')) throw new UsageError('Expected either --env or --url/--manifest, got both');
  if (environment !== ALL_ENVIRONMENTS && !site) {
    try {
      getBundledApp(environment);
    } catch (error) {
      if (isTrajsynthError(error)) throw new UsageError(`Unknown environment "${environment}". ${error.hint ?? ''} or "all", or --url URL`.trim());
      throw error;
    }
  }
  const runId = stringFlag(parsed, 'run') ?? (site ? `url-${new URL(site.url).host.replace(/[^A-Za-z0-9]+/g, '-')}-seed${stringFlag(parsed, 'seed') ?? 1}` : undefined);
  if (runId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId)) {
    throw new UsageError(`Expected --run to be a name of letters, digits, '.', '_' or '-', got "${runId}"`);
  }
  const options = {
    outDir: resolve(stringFlag(parsed, 'out') ?? '.'),
    environment,
    chains: integerFlag('chains', stringFlag(parsed, 'chains'), 4, { min: 1, max: 10_000 }),
    maxLevel: integerFlag('max-level', stringFlag(parsed, 'max-level'), 3, { min: 1, max: 50 }),
    seed: integerFlag('seed', stringFlag(parsed, 'seed'), 1, { min: 0, max: 2_147_483_647 }),
    concurrency: integerFlag('concurrency', stringFlag(parsed, 'concurrency'), 2, { min: 1, max: 64 }),
    maxStepsPerSubtask: integerFlag('max-steps', stringFlag(parsed, 'max-steps'), 12, { min: 2, max: 200 }),
    maxRetriesPerLevel: integerFlag('retries', stringFlag(parsed, 'retries'), 2, { min: 0, max: 20 }),
    resume: booleanFlag(parsed, 'resume') ?? false,
    ...(runId ? { runId } : {}),
    ...(site ? { site } : {}),
  };
  const progress = booleanFlag(parsed, 'quiet') ? undefined : new ProgressBar();
  const started = Date.now();
  const { synthesize } = await import('../pipeline/synthesize.js');
  const result = await synthesize({ ...options, signal, ...(progress ? { onEvent: (event) => progress.handle(event) } : {}) });
  progress?.finish();
  process.stdout.write(summaryText(result.records, result.meta.status, Date.now() - started, options.maxLevel, result.layout));
  process.stdout.write(coverageText(result.meta.coverage, environment === ALL_ENVIRONMENTS ? result.meta.spread : undefined));
  return result.meta.status === 'interrupted' ? 130 : 0;
}

async function siteFromFlags(parsed: ParsedCommand): Promise<UrlSite | undefined> {
  const manifest = stringFlag(parsed, 'manifest');
  const url = stringFlag(parsed, 'url');
  const origins = (parsed.values['allow-origin'] as string[] | undefined) ?? [];
  if (manifest && url) throw new UsageError('Expected either --url or --manifest, got both');
  try {
    if (manifest) return await readUrlSiteManifest(resolve(manifest));
    if (url) return urlSite(url, origins);
  } catch (error) {
    if (isTrajsynthError(error) && error.code === 'BAD_INPUT') throw new UsageError(`${error.message}${error.hint ? `. ${error.hint}` : ''}`);
    throw error;
  }
  if (origins.length) throw new UsageError('Expected --allow-origin together with --url');
  return undefined;
}

function summaryText(
  records: ChainRecord[],
  status: string,
  wallMs: number,
  maxLevel: number,
  layout: { runId: string; tasksFile: string; runDir: string },
): string {
  const subtasks = records.flatMap((record) => record.subtasks);
  const acceptedProposed = subtasks.filter((subtask) => subtask.status === 'accepted' && subtask.origin === 'proposed').length;
  const revised = subtasks.filter((subtask) => subtask.status === 'accepted' && subtask.origin === 'revised').length;
  const failed = subtasks.filter((subtask) => subtask.status === 'failed').length;
  const steps = records.reduce((total, record) => total + record.stepCount, 0);
  const reaching = Array.from({ length: maxLevel }, (_, index) => records.filter((record) => record.levels.length >= index + 1).length);
  const cost = records.reduce<number | undefined>((total, record) => (total === undefined || record.usage.costUsd === undefined ? undefined : total + record.usage.costUsd), 0);
  const failedChains = records.filter((record) => record.status === 'failed');
  const row = (label: string, value: string) => `  ${label.padEnd(13)}${value}`;
  const lines = [
    '',
    `Run ${layout.runId}: ${status}`,
    row('chains', `${records.length} finished${failedChains.length ? ` (${failedChains.length} failed with an error)` : ''}`),
    row('subtasks', `${acceptedProposed + revised} accepted (${acceptedProposed} as proposed, ${revised} revised), ${failed} failed attempts`),
    row('levels', `${reaching.map((count, index) => `L${index + 1}: ${count}`).join('  ')}  (chains reaching each level)`),
    row('steps', String(steps)),
    row('wall time', formatDuration(wallMs)),
    row('cost', cost === undefined ? 'unpriced model used' : `$${cost.toFixed(4)}`),
    row('tasks', layout.tasksFile),
    row('trajectories', layout.runDir),
    ...failedChains.map((record) => `  ! ${record.chainId}: ${record.stopReason}`),
    '',
  ];
  if (status === 'interrupted') lines.push(`Interrupted. Continue with the same flags plus --resume.`, '');
  return lines.join('\n');
}
