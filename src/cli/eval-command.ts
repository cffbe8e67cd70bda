import { resolve } from 'node:path';
import { isTrajsynthError } from '../core/errors.js';
import type { EpisodeRecord } from '../core/eval.js';
import { judgeSpecsProblem, splitSpecs } from '../core/jury.js';
import type { LanguageModel } from '../model/language-model.js';
import { modelBuilder, readAgentConfig, type AgentConfig } from '../pipeline/agent-config.js';
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
import { CountingBar, formatDuration } from './progress.js';
import type { FollowEvent } from '../queue/index.js';
import { followEventText } from './queue-text.js';

export const EVAL_HELP = `Usage: trajsynth eval SOURCE --agent SPEC [flags]

Run an agent on level-k tasks and measure its success by level. Each episode starts the task's app
from its seeded reset on the task's start page and gives the agent the task text; the agent acts
until it says done (with an optional answer) or spends its step budget. The checker decides
success (the agent never sees it); progress counts the subtasks completed in order. Episodes are
stored as trajectories (steps, screenshots, snapshots, calls) in an evaluation run.
SOURCE is a synthesis run (id under --out, or its directory) or a tasks file (tasks/<run>.jsonl).

Agents (--agent SPEC):
  gold                 replay each task's gold steps (the ceiling, and a check of the harness)
  noisy-gold:P         gold with a seeded slip of probability P per step (an offline baseline);
                       noisy-gold:P,KIND=R,… slips with R on steps of subtasks of that kind
                       (e.g. noisy-gold:0.02,form=0.4: an agent with a known weakness)
  anthropic:MODEL      a model acting on element refs (or pixels with --agent-mode computer)
  openai:MODEL         any OpenAI-compatible server (OPENAI_BASE_URL: vLLM, Ollama, llama.cpp)
  http://HOST:PORT/P   an agent in any language: one JSON POST per step (schemas/agent-step-*.json)
  module:./agent.mjs   a JavaScript module exporting act(request) (the same JSON objects)

Flags:
  --levels L           levels to run: 3, 1-6 or 1,2,5 (default all)
  --env ID             only tasks of this app (repeatable)
  --limit N            at most N tasks (in chain, then level order)
  --valid-only         only valid tasks: those \`trajsynth replay\` validated, when the run has
                       replay.json, and those human review accepted (consensus "accepted", see
                       \`trajsynth reviews\`), when it has reviews.jsonl; with both, tasks must pass both.
                       A run with neither is an error: run \`trajsynth replay RUN\` or review its tasks
  --min-reviewers N    with --valid-only on a reviewed run: reviewers a task needs for a consensus
                       (majority rule; default 2)
  --episodes N         episodes per task, each with its own agent seed (default 1)
  --max-steps N        step budget per episode (default 15 per subtask, i.e. 15·k)
  --agent-mode M       refs (default) or computer, for model agents
  --agent-timeout S    seconds an HTTP or module agent may take per step (default 60)
  --judge SPEC         also ask a model judge (anthropic:MODEL or openai:MODEL) about every
                       episode; the report measures its agreement with the checker. Repeat it
                       (or comma-separate) for a jury: each judge is asked, the majority decides
                       (a tie fails), and the report gives each judge's and the jury's accuracy,
                       precision, recall and kappa on a sample balanced by checker verdict
  --config FILE        provider settings and prices (as for synth)
  --cache DIR          record model responses and answer repeated requests from them
  --cache-only         with --cache: never call a model
  --budget-usd N       stop cleanly once model calls and agent-reported costs reach N dollars
  --seed S             seed for agent seeds (default 1)
  --concurrency C      episodes in parallel (default 2)
  --out DIR            store directory holding trajectories/ (default .)
  --run NAME           evaluation run id (default <source>-eval-<agent>)
  --resume             continue: finished episodes are kept; interrupted and errored ones are redone
  --redo-damaged       with --resume: redo finished episodes whose files are damaged (default: refuse)
  --quiet              no progress bar
${browserFlagHelp(23)}
  --queue URL          queue mode: one job per episode on the Redis at URL (redis://HOST:PORT), run by
                       \`trajsynth worker --queue URL\` processes sharing --out; this process follows them
`;

export async function evalCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'eval',
    argv,
    {
      agent: { type: 'string' },
      'agent-mode': { type: 'string' },
      'agent-timeout': { type: 'string' },
      judge: { type: 'string', multiple: true },
      levels: { type: 'string' },
      env: { type: 'string', multiple: true },
      limit: { type: 'string' },
      'valid-only': { type: 'boolean' },
      'min-reviewers': { type: 'string' },
      episodes: { type: 'string' },
      'max-steps': { type: 'string' },
      config: { type: 'string' },
      cache: { type: 'string' },
      'cache-only': { type: 'boolean' },
      'budget-usd': { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      run: { type: 'string' },
      resume: { type: 'boolean' },
      'redo-damaged': { type: 'boolean' },
      quiet: { type: 'boolean' },
      ...BROWSER_FLAG_OPTIONS,
      queue: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(EVAL_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one SOURCE argument (a run or a tasks file), got ${parsed.positionals.length}. Usage: trajsynth eval SOURCE --agent SPEC`,
    );
  const { agentSpecProblem, createEvalAgent, AGENT_SPEC_HELP } = await import('../eval/agent-spec.js');
  const spec = stringFlag(parsed, 'agent');
  if (!spec) throw new UsageError(`Expected --agent SPEC: ${AGENT_SPEC_HELP}. Example: --agent noisy-gold:0.05`);
  const problem = agentSpecProblem(spec);
  if (problem) throw new UsageError(`${problem}. Agents: ${AGENT_SPEC_HELP}`);
  const mode = stringFlag(parsed, 'agent-mode');
  if (mode !== undefined && mode !== 'refs' && mode !== 'computer')
    throw new UsageError(`Expected --agent-mode to be refs or computer, got "${mode}"`);
  const judgeSpecs = splitSpecs((parsed.values.judge as string[] | undefined) ?? []);
  const judgeProblem = judgeSpecsProblem(judgeSpecs);
  if (judgeProblem)
    throw new UsageError(
      `${judgeProblem.replace('Expected each judge', 'Expected each --judge')}. Pass --judge anthropic:MODEL or openai:MODEL, once per judge or comma-separated (e.g. --judge anthropic:claude-haiku-4-5,openai:qwen3)`,
    );
  const runId = stringFlag(parsed, 'run');
  if (runId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId))
    throw new UsageError(`Expected --run to be a name of letters, digits, '.', '_' or '-', got "${runId}"`);
  const wsEndpoint = browserEndpointFlag(parsed);
  const outDir = resolve(stringFlag(parsed, 'out') ?? '.');
  const levels = levelsFlag(stringFlag(parsed, 'levels'));
  const environments = (parsed.values.env as string[] | undefined)?.flatMap((value) => value.split(',')).filter(Boolean);
  const limitRaw = stringFlag(parsed, 'limit');
  const minReviewers = integerFlag('min-reviewers', stringFlag(parsed, 'min-reviewers'), 2, { min: 1, max: 1000 });
  const maxStepsRaw = stringFlag(parsed, 'max-steps');
  const timeoutSeconds = integerFlag('agent-timeout', stringFlag(parsed, 'agent-timeout'), 60, { min: 1, max: 3600 });
  const budgetUsd = budgetFlag(parsed);
  const cacheDir = stringFlag(parsed, 'cache');
  if (booleanFlag(parsed, 'cache-only') && !cacheDir) throw new UsageError('Expected --cache DIR together with --cache-only');
  const config = await configFlag(parsed);
  const options = {
    episodes: integerFlag('episodes', stringFlag(parsed, 'episodes'), 1, { min: 1, max: 1000 }),
    seed: integerFlag('seed', stringFlag(parsed, 'seed'), 1, { min: 0, max: 2_147_483_647 }),
    concurrency: integerFlag('concurrency', stringFlag(parsed, 'concurrency'), 2, { min: 1, max: 64 }),
    ...(maxStepsRaw !== undefined ? { maxSteps: integerFlag('max-steps', maxStepsRaw, 30, { min: 1, max: 1000 }) } : {}),
  };

  const { loadTaskSource } = await import('../eval/task-source.js');
  const source = await loadTaskSource(parsed.positionals[0]!, outDir).catch((error: unknown) => {
    if (isTrajsynthError(error) && error.code === 'RUN_NOT_FOUND')
      throw new UsageError(`${error.message}. Pass a synthesis run id with the same --out, its directory, or a tasks/<run>.jsonl file.`);
    throw error;
  });
  const models = modelBuilder(
    config,
    cacheDir ? { cache: { dir: resolve(cacheDir), mode: booleanFlag(parsed, 'cache-only') ? 'read-only' : 'read-write' } } : {},
  );
  let agent;
  let judges: Array<{ spec: string; model: LanguageModel }> = [];
  try {
    agent = createEvalAgent(spec, { source, models, ...(mode ? { agentMode: mode } : {}), http: { timeoutMs: timeoutSeconds * 1000 } });
    judges = judgeSpecs.map((judgeSpec) => ({ spec: judgeSpec, model: models.modelFor(judgeSpec) }));
  } catch (error) {
    if (isTrajsynthError(error) && error.code === 'BAD_INPUT')
      throw new UsageError(`${error.message}${error.hint ? `. ${error.hint}` : ''}`);
    throw error;
  }
  const { evaluate } = await import('../eval/evaluate.js');
  const queueUrl = stringFlag(parsed, 'queue');
  if (queueUrl !== undefined && wsEndpoint !== undefined) {
    throw new UsageError('Expected --browser on `trajsynth worker` in queue mode: the workers run the episodes, not this process');
  }
  const queued = queueUrl === undefined ? undefined : await import('../queue/index.js');
  if (queued && queueUrl !== undefined) {
    try {
      queued.parseRedisUrl(queueUrl);
    } catch (error) {
      if (isTrajsynthError(error)) throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
      throw error;
    }
  }
  const run: typeof evaluate =
    queued && queueUrl !== undefined
      ? (evaluateOptions) =>
          queued.evaluateOnQueue({
            ...evaluateOptions,
            queueUrl,
            sourceRef: {
              arg:
                /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(parsed.positionals[0]!) && !parsed.positionals[0]!.endsWith('.jsonl')
                  ? parsed.positionals[0]!
                  : resolve(parsed.positionals[0]!),
              outDir,
            },
            ...(judgeSpecs.length ? { judges: judgeSpecs.map((judgeSpec) => ({ spec: judgeSpec })) } : {}),
            agentConfig: config,
            ...(cacheDir
              ? {
                  cache: {
                    dir: resolve(cacheDir),
                    mode: booleanFlag(parsed, 'cache-only') ? ('read-only' as const) : ('read-write' as const),
                  },
                }
              : {}),
            agentTimeoutMs: timeoutSeconds * 1000,
            ...(bar ? { onQueueEvent: (event: FollowEvent) => bar.line(followEventText(event, queueUrl, outDir)) } : {}),
          })
      : evaluate;
  // Connected before the run is touched: an unreachable --browser stops here, with nothing written.
  const browser = queueUrl === undefined ? await connectRemoteBrowser(wsEndpoint, signal) : undefined;
  const bar = booleanFlag(parsed, 'quiet') ? undefined : new CountingBar('episodes');
  const started = Date.now();
  let result;
  try {
    result = await run({
      ...(browser ? { browser } : {}),
      outDir,
      ...(runId ? { runId } : {}),
      source,
      agent,
      ...(mode ? { agentMode: mode } : {}),
      ...(judges.length ? { judges } : {}),
      selection: {
        ...(levels ? { levels } : {}),
        ...(environments?.length ? { environments } : {}),
        ...(limitRaw !== undefined ? { limit: integerFlag('limit', limitRaw, 10, { min: 1 }) } : {}),
        validOnly: booleanFlag(parsed, 'valid-only'),
        consensus: { minReviewers },
      },
      ...options,
      resume: booleanFlag(parsed, 'resume'),
      redoDamaged: booleanFlag(parsed, 'redo-damaged') ?? false,
      ...(budgetUsd !== undefined ? { budgetUsd } : {}),
      signal,
      ...(bar
        ? {
            onEvent: (event) => {
              if (event.type === 'eval-started') bar.start(event.episodes, event.resumed);
              else if (event.type === 'episode-finished')
                bar.tick(
                  event.episode.status === 'error' ? 'errors' : event.episode.success ? 'successes' : 'failures',
                  episodeLine(event.episode),
                );
              else if (event.type === 'model-call') bar.note(`$${event.spentUsd.toFixed(4)}`);
            },
          }
        : {}),
    });
  } catch (error) {
    if (isTrajsynthError(error) && (error.code === 'BAD_INPUT' || error.code === 'RUN_EXISTS'))
      throw new UsageError(`${error.message}${error.hint ? `. ${error.hint}` : ''}`);
    throw error;
  } finally {
    await browser?.close();
  }
  bar?.finish();
  process.stdout.write(
    evalSummaryText(
      result.episodes,
      result.meta.status,
      Date.now() - started,
      result.layout.runId,
      result.layout.runDir,
      result.meta.budget,
    ),
  );
  const lost =
    result.meta.status === 'interrupted'
      ? undefined
      : browserServerLostText(
          wsEndpoint,
          result.episodes.filter((episode) => episode.status === 'error').map((episode) => episode.error?.code),
          'episode(s)',
        );
  if (lost) process.stderr.write(lost);
  if (result.meta.budget?.reached) return 0;
  if (result.meta.status === 'interrupted') return 130;
  // An episode the harness could not run (a crashed browser, an endpoint that is down) measured
  // nothing about the agent: the run is not a result until it is redone.
  const errors = result.episodes.filter((episode) => episode.status === 'error').length;
  if (errors > 0) {
    process.stderr.write(
      `\n${errors} episode(s) ended in a harness error, not an agent failure; the rest are kept. Fix the cause above, then run the same command with --resume to redo them.\n`,
    );
    return 1;
  }
  return 0;
}

function episodeLine(episode: EpisodeRecord): string {
  if (episode.status === 'error') return `episode ${episode.episodeId}: error: ${episode.error?.message ?? ''}`;
  const progress = episode.progress === undefined ? '' : `, progress ${episode.progress}/${episode.task.level}`;
  return `episode ${episode.episodeId}: ${episode.success ? 'success' : 'failure'} (${episode.stepCount} steps${progress})`;
}

/** `3`, `1-6` or `1,2,5`. */
export function levelsFlag(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const levels = new Set<number>();
  for (const part of raw.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    const low = Number(range?.[1]);
    const high = Number(range?.[2] ?? range?.[1]);
    if (!range || low < 1 || high < low || high > 50) throw new UsageError(`Expected --levels such as 3, 1-6 or 1,2,5, got "${raw}"`);
    for (let level = low; level <= high; level += 1) levels.add(level);
  }
  return [...levels].sort((a, b) => a - b);
}

function budgetFlag(parsed: ParsedCommand): number | undefined {
  const raw = stringFlag(parsed, 'budget-usd');
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(value > 0))
    throw new UsageError(`Expected --budget-usd to be a positive number of dollars, got "${raw}". Example: --budget-usd 2.50`);
  return value;
}

async function configFlag(parsed: ParsedCommand): Promise<AgentConfig> {
  const file = stringFlag(parsed, 'config');
  if (!file) return {};
  try {
    return await readAgentConfig(resolve(file));
  } catch (error) {
    if (isTrajsynthError(error) && error.code === 'BAD_INPUT') throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
    throw error;
  }
}

function evalSummaryText(
  episodes: readonly EpisodeRecord[],
  status: string,
  wallMs: number,
  runId: string,
  runDir: string,
  budget: { limitUsd: number; spentUsd: number; reached: boolean } | undefined,
): string {
  const finished = episodes.filter((episode) => episode.status === 'finished');
  const errors = episodes.filter((episode) => episode.status === 'error');
  const levels = [...new Set(finished.map((episode) => episode.task.level))].sort((a, b) => a - b);
  const byLevel = levels.map((level) => {
    const at = finished.filter((episode) => episode.task.level === level);
    return `L${level} ${at.filter((episode) => episode.success).length}/${at.length}`;
  });
  const cost = episodes.reduce<number | undefined>(
    (total, episode) =>
      total === undefined || episode.usage.costUsd === undefined
        ? undefined
        : total + episode.usage.costUsd + (episode.agentUsage?.costUsd ?? 0),
    0,
  );
  const row = (label: string, value: string) => `  ${label.padEnd(13)}${value}`;
  const lines = [
    '',
    `Evaluation ${runId}: ${status}`,
    row(
      'episodes',
      `${finished.length} finished, ${finished.filter((episode) => episode.success).length} successes, ${errors.length} errors`,
    ),
    row('by level', byLevel.join('  ') || '-'),
    row(
      'wall time',
      `${formatDuration(wallMs)}${episodes.length ? ` (${(finished.reduce((total, episode) => total + episode.usage.wallMs, 0) / Math.max(1, finished.length) / 1000).toFixed(1)}s per episode)` : ''}`,
    ),
    row('cost', cost === undefined ? 'unpriced model used' : `$${cost.toFixed(4)}`),
    row('episodes in', runDir),
    ...errors.slice(0, 5).map((episode) => `  ! ${episode.episodeId}: ${episode.error?.message ?? 'error'}`),
    ...(errors.length > 5 ? [`  ! … and ${errors.length - 5} more errors (see the report)`] : []),
  ];
  if (budget)
    lines.push(
      row(
        'budget',
        `$${budget.spentUsd.toFixed(4)} of $${budget.limitUsd.toFixed(4)}${budget.reached ? ' — reached: stopped cleanly; raise --budget-usd and add --resume to go on' : ''}`,
      ),
    );
  if (status === 'interrupted') lines.push('', 'Interrupted. Continue with the same flags plus --resume.');
  lines.push('', `Next: trajsynth report ${runId}`, '');
  return lines.join('\n');
}
