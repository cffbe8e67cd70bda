import { resolve } from 'node:path';
import { DEFAULT_ENVIRONMENT_ID, getBundledApp } from '../environments/registry.js';
import { budgetValue, targetFromFlags, targetText } from './synth-target.js';
import { ALL_ENVIRONMENTS } from '../environments/environment-source.js';
import { URL_ENVIRONMENT_ID, readUrlSiteManifest, urlSite } from '../environments/url-environment.js';
import type { UrlSite } from '../core/environment.js';
import { coverageText } from './coverage-text.js';
import { reachedLevel, type ChainRecord } from '../core/chain.js';
import {
  browserFlagHelp,
  BROWSER_FLAG_OPTIONS,
  booleanFlag,
  browserEndpointFlag,
  integerFlag,
  parseCommandArgs,
  stringFlag,
  UsageError,
  type ParsedCommand,
} from './args.js';
import { browserServerLostText, connectRemoteBrowser } from './remote-browser.js';
import { formatDuration, ProgressBar } from './progress.js';
import { isTrajsynthError } from '../core/errors.js';
import type { SynthesisEvent } from '../pipeline/events.js';
import type { FollowEvent } from '../queue/index.js';
import { AuditModeSchema, type AuditMode } from '../core/audit.js';
import { synthAuditLines } from './audit-command.js';
import { followEventText } from './queue-text.js';
import {
  buildAgents,
  mergeAgentConfig,
  readAgentConfig,
  unpricedSpecs,
  verifierSpecProblem,
  usesModels,
  type AgentConfig,
  type RoleName,
} from '../pipeline/agent-config.js';

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
  --resume            continue an interrupted run; finished chains are kept, unfinished ones and
                      those that ended on an infrastructure error (a crashed browser) are redone
  --redo-damaged      with --resume: redo finished chains whose files are damaged (default: refuse)
  --max-steps N       step limit per subtask (default 12)
  --retries N         new proposals per level after a failure (default 2)
  --audit MODE        audit each chain's levels by their near-misses before keeping them: fast
                      (default: an earlier subtask left out, an earlier form left unsubmitted, a
                      wrong answer), full (also each stated value changed, each row action on a
                      sibling row) or off; a level a near-miss passes is strengthened or skipped
  --quiet             no progress bar
${browserFlagHelp(22)}

Aimed at one agent's frontier (see \`trajsynth frontier\`):
  --target-eval RUN   an evaluation of the agent (with progress by subtask): proposals lean toward
                      the kinds it fails, chains toward the apps where it fails, and --max-level
                      defaults to its frontier level + 2. run.json records what the run aimed at
  --target-agent SPEC instead: calibrate first (synthesize --calibration-chains chains, default 8, to
                      level 3 with another seed, evaluate SPEC on them, 2 episodes per task, within
                      --budget-usd for a model agent), then aim at what that evaluation found
  --target P          the success rate to aim at (default 0.5)
  --keep-band L-H     keep only level-k tasks whose predicted success lies in L–H (e.g. 0.2-0.8);
                      a chain stops once its predicted success falls below L
  --queue URL         queue mode: enqueue one job per chain on the Redis at URL (redis://HOST:PORT)
                      and follow the workers (\`trajsynth worker --queue URL\`) until every chain is
                      done; --out must be a directory every worker shares. Same run, same tasks file

Model-backed agents (default: every role heuristic, offline, no key):
  --model SPEC        a model for every role: anthropic:MODEL, or openai:MODEL for any
                      OpenAI-compatible server (OPENAI_BASE_URL: vLLM, Ollama, llama.cpp)
  --proposer SPEC     per role: heuristic, anthropic:MODEL or openai:MODEL; also --follow-up,
                      --executor, --verifier, --reviser, --summarizer
  --verifier A,B,C    a jury of judges (comma-separated): where a probe exists the checker decides
                      and each judge is compared with it; without one (--url) the majority decides,
                      a tie fails, and a subtask the judges split on is not accepted but flagged for
                      human review (\`trajsynth reviews RUN\` lists it)
  --executor-mode M   refs (element refs from the snapshot, default) or computer (Anthropic
                      computer use: pixels on a scaled screenshot)
  --config FILE       agent config JSON: {"model", "roles", "executorMode", "providers", "prices"}
  --budget-usd N      stop cleanly once model calls have cost N dollars (resume later with --resume)
  --cache DIR         record model responses in DIR and answer repeated requests from it
  --cache-only        with --cache: never call a model (a request not in the cache is an error)
  --dry-run           estimate tokens and USD per chain for the chosen models, calling none
Keys come from ANTHROPIC_API_KEY / OPENAI_API_KEY (or the variables the config names);
base URLs from ANTHROPIC_BASE_URL / OPENAI_BASE_URL or the config.
`;

export async function synthCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'synth',
    argv,
    {
      env: { type: 'string' },
      chains: { type: 'string' },
      'max-level': { type: 'string' },
      'target-eval': { type: 'string' },
      'target-agent': { type: 'string' },
      'calibration-chains': { type: 'string' },
      'keep-band': { type: 'string' },
      target: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      run: { type: 'string' },
      resume: { type: 'boolean' },
      'redo-damaged': { type: 'boolean' },
      'max-steps': { type: 'string' },
      retries: { type: 'string' },
      audit: { type: 'string' },
      quiet: { type: 'boolean' },
      url: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      manifest: { type: 'string' },
      model: { type: 'string' },
      proposer: { type: 'string' },
      'follow-up': { type: 'string' },
      executor: { type: 'string' },
      verifier: { type: 'string' },
      reviser: { type: 'string' },
      summarizer: { type: 'string' },
      'executor-mode': { type: 'string' },
      config: { type: 'string' },
      'budget-usd': { type: 'string' },
      cache: { type: 'string' },
      'cache-only': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      ...BROWSER_FLAG_OPTIONS,
      queue: { type: 'string' },
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
      if (isTrajsynthError(error))
        throw new UsageError(`Unknown environment "${environment}". ${error.hint ?? ''} or "all", or --url URL`.trim());
      throw error;
    }
  }
  const runId = stringFlag(parsed, 'run') ?? (site ? urlRunId(site.url, stringFlag(parsed, 'seed') ?? '1') : undefined);
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
    audit: auditFlag(stringFlag(parsed, 'audit')),
    resume: booleanFlag(parsed, 'resume') ?? false,
    redoDamaged: booleanFlag(parsed, 'redo-damaged') ?? false,
    ...(runId ? { runId } : {}),
    ...(site ? { site } : {}),
  };
  const wsEndpoint = browserEndpointFlag(parsed);
  const agentConfig = await agentConfigFromFlags(parsed);
  const targetAgent = stringFlag(parsed, 'target-agent');
  const calibrationBudget = targetAgent && /^(anthropic|openai):/.test(targetAgent) ? budgetValue(parsed) : undefined;
  const budgetUsd = calibrationBudget !== undefined && !usesModels(agentConfig) ? undefined : budgetFromFlags(parsed, agentConfig);
  const target = await targetFromFlags(parsed, {
    outDir: options.outDir,
    environment,
    ...(site ? { site } : {}),
    seed: options.seed,
    concurrency: options.concurrency,
    runId: options.runId ?? (environment === URL_ENVIRONMENT_ID ? 'url' : `${environment}-seed${options.seed}`),
    agentConfig,
    ...(calibrationBudget !== undefined ? { budgetUsd: calibrationBudget } : {}),
    quiet: booleanFlag(parsed, 'quiet') ?? false,
    signal,
  });
  if (target && stringFlag(parsed, 'max-level') === undefined) options.maxLevel = Math.min(50, target.frontierLevel + 2);
  if (booleanFlag(parsed, 'dry-run')) {
    const { estimateRun } = await import('../pipeline/estimate-run.js');
    const { estimateText } = await import('./estimate-text.js');
    const estimate = await estimateRun({ ...options, agentConfig, signal });
    process.stdout.write(estimateText(estimate));
    return 0;
  }
  if (options.redoDamaged && !options.resume) throw new UsageError('Expected --resume together with --redo-damaged');
  const cacheDir = stringFlag(parsed, 'cache');
  if (booleanFlag(parsed, 'cache-only') && !cacheDir) throw new UsageError('Expected --cache DIR together with --cache-only');
  const built = usesModels(agentConfig)
    ? buildAgentsOrUsageError(
        agentConfig,
        cacheDir ? { cache: { dir: resolve(cacheDir), mode: booleanFlag(parsed, 'cache-only') ? 'read-only' : 'read-write' } } : {},
      )
    : undefined;
  const started = Date.now();
  const queueUrl = stringFlag(parsed, 'queue');
  if (queueUrl !== undefined && wsEndpoint !== undefined) {
    throw new UsageError('Expected --browser on `trajsynth worker` in queue mode: the workers run the chains, not this process');
  }
  const progress = booleanFlag(parsed, 'quiet') ? undefined : new ProgressBar();
  const runOptions = {
    ...options,
    ...(target ? { target } : {}),
    signal,
    ...(built ? { agents: built.agents } : {}),
    ...(budgetUsd !== undefined ? { budgetUsd } : {}),
    ...(progress ? { onEvent: (event: SynthesisEvent) => progress.handle(event) } : {}),
  };
  let result;
  if (queueUrl !== undefined) {
    const { synthesizeOnQueue, parseRedisUrl } = await import('../queue/index.js');
    try {
      parseRedisUrl(queueUrl);
    } catch (error) {
      if (isTrajsynthError(error)) throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
      throw error;
    }
    result = await synthesizeOnQueue({
      ...runOptions,
      queueUrl,
      agentConfig,
      ...(cacheDir
        ? { cache: { dir: resolve(cacheDir), mode: booleanFlag(parsed, 'cache-only') ? ('read-only' as const) : ('read-write' as const) } }
        : {}),
      ...(progress ? { onQueueEvent: (event: FollowEvent) => progress.log(followEventText(event, queueUrl, options.outDir)) } : {}),
    });
  } else {
    const { synthesize } = await import('../pipeline/synthesize.js');
    // Connected before the run is touched: an unreachable --browser stops here, with nothing written.
    const browser = await connectRemoteBrowser(wsEndpoint, signal);
    try {
      result = await synthesize({ ...runOptions, ...(browser ? { browser } : {}) });
    } finally {
      await browser?.close();
    }
  }
  progress?.finish();
  process.stdout.write(summaryText(result.records, result.meta.status, Date.now() - started, options.maxLevel, result.layout));
  if (target) process.stdout.write(targetText(target, result.records));
  if (built && built.caches.length > 0 && queueUrl === undefined) {
    const hits = built.caches.reduce((total, cache) => total + cache.hits, 0);
    const misses = built.caches.reduce((total, cache) => total + cache.misses, 0);
    process.stdout.write(`  response cache ${hits} hit(s), ${misses} call(s) made and recorded in ${resolve(cacheDir!)}\n`);
  }
  if (result.meta.budget) {
    const { limitUsd, spentUsd, reached } = result.meta.budget;
    process.stdout.write(
      `  budget       $${spentUsd.toFixed(4)} of $${limitUsd.toFixed(4)} spent${reached ? ' — budget reached: the run stopped cleanly; finished chains are kept. Raise --budget-usd and add --resume to go on.' : ''}\n`,
    );
  }
  process.stdout.write(coverageText(result.meta.coverage, environment === ALL_ENVIRONMENTS ? result.meta.spread : undefined));
  if (result.meta.budget?.reached) return 0;
  if (result.meta.status === 'interrupted') return 130;
  const lost = browserServerLostText(
    wsEndpoint,
    result.records.filter((record) => record.status === 'error').map((record) => record.error?.code),
    'chain(s)',
  );
  if (lost) process.stderr.write(lost);
  if (result.records.some((record) => record.status === 'error')) return 1;
  const nothing = nothingSynthesizedText(result.records, site !== undefined);
  if (nothing) {
    process.stderr.write(nothing);
    return 1;
  }
  return 0;
}

/**
 * A finished run that accepted no subtask at all produced nothing usable: say what the chains found
 * on the page and what to try, rather than report success.
 */
function nothingSynthesizedText(records: ChainRecord[], isUrl: boolean): string | undefined {
  if (records.length === 0 || records.some((record) => record.subtasks.some((subtask) => subtask.status === 'accepted'))) return undefined;
  const reasons = [...new Set(records.map((record) => record.stopReason ?? 'no reason recorded'))];
  return [
    `Error: the run produced no task: none of its ${records.length} chain(s) had a subtask accepted.`,
    ...reasons.slice(0, 5).map((reason) => `  - ${reason}`),
    'Try:',
    ...(isUrl
      ? [
          '  - a start page deeper in the site, where things can be done (--url https://site/app/items rather than a landing page);',
          '  - a site manifest (--manifest FILE) naming extra allowed origins if the app lives on another origin;',
        ]
      : []),
    '  - a model-backed proposer, which reads pages the heuristics do not understand (--model anthropic:claude-haiku-4-5);',
    '  - more attempts per level (--retries 5) or steps per subtask (--max-steps 20); `trajsynth inspect RUN` shows what each attempt did.',
    '',
  ].join('\n');
}

const ROLE_FLAGS = ['proposer', 'follow-up', 'executor', 'verifier', 'reviser', 'summarizer'] as const;

/** The config file (if any), overridden by --model, then by per-role flags; every spec is checked. */
async function agentConfigFromFlags(parsed: ParsedCommand): Promise<AgentConfig> {
  const file = stringFlag(parsed, 'config');
  let config: AgentConfig = {};
  if (file) {
    try {
      config = await readAgentConfig(resolve(file));
    } catch (error) {
      if (isTrajsynthError(error) && error.code === 'BAD_INPUT') throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
      throw error;
    }
  }
  const roles: Partial<Record<RoleName, string>> = {};
  for (const role of ROLE_FLAGS) {
    const spec = stringFlag(parsed, role);
    if (spec !== undefined) roles[role] = role === 'verifier' ? checkVerifierSpec(spec) : checkSpec(`--${role}`, spec);
  }
  const model = stringFlag(parsed, 'model');
  const mode = stringFlag(parsed, 'executor-mode');
  if (mode !== undefined && mode !== 'refs' && mode !== 'computer')
    throw new UsageError(`Expected --executor-mode to be refs or computer, got "${mode}"`);
  return mergeAgentConfig(config, {
    ...(model !== undefined ? { model: checkSpec('--model', model) } : {}),
    roles,
    ...(mode ? { executorMode: mode } : {}),
  });
}

/** --verifier: one spec, or a jury of comma-separated model specs. */
function checkVerifierSpec(spec: string): string {
  if (!spec.includes(',')) return checkSpec('--verifier', spec);
  const problem = verifierSpecProblem(spec);
  if (!problem) return spec;
  throw new UsageError(
    `${problem.replace('Expected each judge of a jury', 'Expected each judge of --verifier')}. Example: --verifier anthropic:claude-haiku-4-5,openai:qwen2.5-vl-7b,anthropic:claude-sonnet-4-6`,
  );
}

function checkSpec(flag: string, spec: string): string {
  if (/^(heuristic|(anthropic|openai):[^\s,]+)$/.test(spec)) return spec;
  throw new UsageError(
    `Expected ${flag} to be heuristic, anthropic:MODEL or openai:MODEL, got "${spec}". Example: ${flag} anthropic:claude-haiku-4-5`,
  );
}

function budgetFromFlags(parsed: ParsedCommand, config: AgentConfig): number | undefined {
  const raw = stringFlag(parsed, 'budget-usd');
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`Expected --budget-usd to be a positive number of dollars, got "${raw}". Example: --budget-usd 2.50`);
  if (!usesModels(config)) {
    throw new UsageError(
      'Expected a model-backed role with --budget-usd, got every role heuristic (they cost nothing, so no budget applies). Add --model anthropic:MODEL, or drop --budget-usd',
    );
  }
  const unpriced = unpricedSpecs(config);
  if (unpriced.length > 0) {
    throw new UsageError(
      `Expected priced models with --budget-usd, got unpriced ${unpriced.join(', ')}. Add their prices under "prices" in --config (e.g. {"provider":"openai","model":"qwen2.5-vl","inputPerMTok":0,"outputPerMTok":0})`,
    );
  }
  return value;
}

function buildAgentsOrUsageError(config: AgentConfig, options: Parameters<typeof buildAgents>[1]): ReturnType<typeof buildAgents> {
  try {
    return buildAgents(config, options);
  } catch (error) {
    if (isTrajsynthError(error) && (error.code === 'BAD_INPUT' || error.code === 'MODEL_ERROR'))
      throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
    throw error;
  }
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
    if (isTrajsynthError(error) && error.code === 'BAD_INPUT')
      throw new UsageError(`${error.message}${error.hint ? `. ${error.hint}` : ''}`);
    throw error;
  }
  if (origins.length) throw new UsageError('Expected --allow-origin together with --url');
  return undefined;
}

/**
 * The default name of a run on a website: its host name and path, never its port, so that a site
 * served again on another port is still the same run for --resume.
 */
export function urlRunId(url: string, seed: string): string {
  const { hostname, pathname } = new URL(url);
  const slug = `${hostname}${pathname}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `url-${slug}-seed${seed}`;
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
  const reaching = Array.from({ length: maxLevel }, (_, index) => records.filter((record) => reachedLevel(record) >= index + 1).length);
  const cost = records.reduce<number | undefined>(
    (total, record) => (total === undefined || record.usage.costUsd === undefined ? undefined : total + record.usage.costUsd),
    0,
  );
  const failedChains = records.filter((record) => record.status === 'failed' || record.status === 'error');
  const harnessErrors = records.filter((record) => record.status === 'error').length;
  const row = (label: string, value: string) => `  ${label.padEnd(13)}${value}`;
  const lines = [
    '',
    `Run ${layout.runId}: ${status}`,
    row(
      'chains',
      `${records.length} finished${failedChains.length ? ` (${failedChains.length} ended on an error${harnessErrors ? `, ${harnessErrors} of them the harness's` : ''})` : ''}`,
    ),
    row(
      'subtasks',
      `${acceptedProposed + revised} accepted (${acceptedProposed} as proposed, ${revised} revised), ${failed} failed attempts`,
    ),
    row('levels', `${reaching.map((count, index) => `L${index + 1}: ${count}`).join('  ')}  (chains reaching each level)`),
    ...synthAuditLines(records, row),
    row('steps', String(steps)),
    row('wall time', formatDuration(wallMs)),
    row('cost', cost === undefined ? 'unpriced model used' : `$${cost.toFixed(4)}`),
    row('tasks', layout.tasksFile),
    row('trajectories', layout.runDir),
    ...failedChains.map((record) => `  ! ${record.chainId}: ${record.stopReason}`),
    '',
  ];
  if (status === 'interrupted') lines.push(`Interrupted. Continue with the same flags plus --resume.`, '');
  else if (harnessErrors)
    lines.push(
      `${harnessErrors} chain(s) ended on an infrastructure error, not an agent failure: fix the cause, then run the same command with --resume to redo them.`,
      '',
    );
  return lines.join('\n');
}

function auditFlag(raw: string | undefined): AuditMode {
  if (raw === undefined) return 'fast';
  const mode = AuditModeSchema.safeParse(raw.trim());
  if (!mode.success) throw new UsageError(`Expected --audit full, fast or off, got "${raw}"`);
  return mode.data;
}
