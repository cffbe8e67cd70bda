import { resolve } from 'node:path';
import { isTrajsynthError } from '../core/errors.js';
import { InteractionKindSchema } from '../core/task.js';
import type { SetComparison } from '../eval/compare-sets.js';
import {
  browserFlagHelp,
  BROWSER_FLAG_OPTIONS,
  booleanFlag,
  bandFlag,
  browserEndpointFlag,
  integerFlag,
  parseCommandArgs,
  stringFlag,
  UsageError,
} from './args.js';
import { levelsFlag } from './eval-command.js';
import { CountingBar } from './progress.js';
import { connectRemoteBrowser } from './remote-browser.js';

export const COMPARE_SETS_HELP = `Usage: trajsynth compare-sets UNIFORM_RUN ADAPTIVE_RUN --agent SPEC [--agent SPEC2] [flags]

Is an aimed task set (\`synth --target-eval\`) more informative than a uniform one of the same size?
Evaluates the agent(s) on both sets with fresh episodes (a seed of their own, never the calibration
evaluation's) and reports, per set: success by level, the share of tasks whose success lies in the
band (neither trivial nor hopeless), the spread of success across tasks, the share of subtasks of
the weak kinds, and, with two agents, how well the set separates them: the difference in success
over its bootstrap standard error (resampling chains) and the tasks needed for two standard errors.
The evaluations are stored as runs (<set>-fresh-<agent>-s<seed>); the same command again reuses
their finished episodes.

Flags:
  --agent SPEC         an agent (see \`trajsynth eval --help\`); give two to measure separation
  --episodes N         episodes per task and agent (default 3: a task's success rate needs a few)
  --seed S             seed of the fresh episodes (default 1001; must differ from the calibration's)
  --levels L           levels to evaluate: 3, 1-6 or 1,2,5 (default all)
  --band L-H           the band of per-task success counted as informative (default 0.2-0.8)
  --weak-kinds K,…     the weak kinds to count (default: those ADAPTIVE_RUN's target recorded)
  --concurrency C      episodes in parallel (default 2)
  --out DIR            store directory holding trajectories/ (default .)
  --json               print the comparison as JSON
  --quiet              no progress bars
${browserFlagHelp(23)}
`;

export async function compareSetsCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'compare-sets',
    argv,
    {
      agent: { type: 'string', multiple: true },
      episodes: { type: 'string' },
      seed: { type: 'string' },
      levels: { type: 'string' },
      band: { type: 'string' },
      'weak-kinds': { type: 'string' },
      concurrency: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      ...BROWSER_FLAG_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(COMPARE_SETS_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 2)
    throw new UsageError(
      `Expected two runs, UNIFORM_RUN and ADAPTIVE_RUN, got ${parsed.positionals.length}. Usage: trajsynth compare-sets UNIFORM_RUN ADAPTIVE_RUN --agent SPEC`,
    );
  const { agentSpecProblem, createEvalAgent, AGENT_SPEC_HELP } = await import('../eval/agent-spec.js');
  const agents = ((parsed.values.agent as string[] | undefined) ?? []).filter(Boolean);
  if (agents.length < 1 || agents.length > 2)
    throw new UsageError(
      `Expected one or two --agent SPEC, got ${agents.length}. Example: --agent noisy-gold:0.02,form=0.4 --agent noisy-gold:0.02,toggle=0.4`,
    );
  for (const spec of agents) {
    const problem = agentSpecProblem(spec);
    if (problem) throw new UsageError(`${problem}. Agents: ${AGENT_SPEC_HELP}`);
  }
  if (agents.length === 2 && agents[0] === agents[1]) throw new UsageError(`Expected two different agents, got "${agents[0]}" twice`);
  const outDir = resolve(stringFlag(parsed, 'out') ?? '.');
  const episodes = integerFlag('episodes', stringFlag(parsed, 'episodes'), 3, { min: 1, max: 1000 });
  const seed = integerFlag('seed', stringFlag(parsed, 'seed'), 1001, { min: 0, max: 2_147_483_647 });
  const concurrency = integerFlag('concurrency', stringFlag(parsed, 'concurrency'), 2, { min: 1, max: 64 });
  const levels = levelsFlag(stringFlag(parsed, 'levels'));
  const band = bandFlag('band', stringFlag(parsed, 'band')) ?? { low: 0.2, high: 0.8 };
  const { loadTaskSource, selectTasks } = await import('../eval/task-source.js');
  const { readRunMeta } = await import('../store/index.js');
  const sources = await Promise.all(
    parsed.positionals.map((arg) =>
      loadTaskSource(arg, outDir).catch((error: unknown) => {
        if (isTrajsynthError(error) && error.code === 'RUN_NOT_FOUND')
          throw new UsageError(`${error.message}. Pass synthesis run ids under --out ${outDir}, or their directories.`);
        throw error;
      }),
    ),
  );
  const adaptive = sources[1]!;
  const aimed = adaptive.layout ? (await readRunMeta(adaptive.layout)).config.target : undefined;
  const weakKinds = weakKindsFlag(stringFlag(parsed, 'weak-kinds')) ?? aimed?.weakKinds;
  if (!weakKinds)
    throw new UsageError(
      `Expected ADAPTIVE_RUN to be an aimed run (synth --target-eval), or --weak-kinds K,…: ${adaptive.id} records no target, so there are no weak kinds to count`,
    );
  if (aimed && seed === aimed.evalSeed)
    throw new UsageError(
      `Expected fresh episodes, but --seed ${seed} is the seed of the calibration evaluation ${aimed.evalRun}: pass another --seed`,
    );
  const browser = await connectRemoteBrowser(browserEndpointFlag(parsed), signal);
  const { agentSlug, evaluate } = await import('../eval/evaluate.js');
  const inputs = [];
  try {
    for (const [index, source] of sources.entries()) {
      const runs = [];
      for (const spec of agents) {
        const runId = `${source.id}-fresh-${agentSlug(spec)}-s${seed}`;
        if (aimed && runId === aimed.evalRun) throw new UsageError(`Expected fresh episodes, but ${runId} is the calibration evaluation`);
        const bar = booleanFlag(parsed, 'quiet') ? undefined : new CountingBar(`episodes (${index === 0 ? 'uniform' : 'aimed'}, ${spec})`);
        const result = await evaluate({
          outDir,
          runId,
          source,
          agent: createEvalAgent(spec, { source }),
          selection: { ...(levels ? { levels } : {}) },
          episodes,
          seed,
          concurrency,
          resume: true,
          ...(browser ? { browser } : {}),
          signal,
          ...(bar
            ? {
                onEvent: (event) => {
                  if (event.type === 'eval-started') bar.start(event.episodes, event.resumed);
                  else if (event.type === 'episode-finished')
                    bar.tick(event.episode.status === 'error' ? 'errors' : event.episode.success ? 'successes' : 'failures');
                },
              }
            : {}),
        });
        bar?.finish();
        if (result.meta.status === 'interrupted') return 130;
        const errors = result.episodes.filter((episode) => episode.status === 'error').length;
        if (errors > 0) {
          process.stderr.write(
            `${errors} episode(s) of ${runId} ended in a harness error; the comparison leaves them out. Run the same command again to redo them.\n`,
          );
        }
        runs.push({ agent: spec, evalRun: runId, episodes: result.episodes });
      }
      inputs.push({
        label: index === 0 ? 'uniform' : 'aimed',
        source: source.id,
        tasks: selectTasks(source, { ...(levels ? { levels } : {}) }),
        runs,
      });
    }
  } finally {
    await browser?.close();
  }
  const { compareSets } = await import('../eval/compare-sets.js');
  const comparison = compareSets(inputs, { weakKinds, band, seed });
  process.stdout.write(
    booleanFlag(parsed, 'json') ? `${JSON.stringify(comparison, null, 2)}\n` : compareSetsText(comparison, episodes, seed),
  );
  return 0;
}

function weakKindsFlag(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const kinds = raw
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  for (const kind of kinds) {
    if (!InteractionKindSchema.safeParse(kind).success)
      throw new UsageError(`Expected --weak-kinds to list kinds among ${InteractionKindSchema.options.join(', ')}, got "${kind}"`);
  }
  return kinds;
}

const f2 = (value: number) => value.toFixed(2);
const pct = (value: number) => `${(value * 100).toFixed(0)}%`;

export function compareSetsText(comparison: SetComparison, episodes: number, seed: number): string {
  const [first, second] = comparison.sets;
  if (!first || !second) return '';
  const width = 34;
  const column = 28;
  const row = (label: string, a: string, b: string) => `  ${label.padEnd(width)}${a.padEnd(column)}${b}`;
  const lines = [
    '',
    `Task sets compared on fresh episodes (seed ${seed}, ${episodes} per task and agent):`,
    row('', `${first.label} (${first.source})`, `${second.label} (${second.source})`),
    row('level-k tasks', String(first.tasks), String(second.tasks)),
    row(
      `weak-kind subtasks (${comparison.weakKinds.join(', ') || 'none'})`,
      `${first.weakSubtasks}/${first.subtasks} (${pct(first.weakShare)})`,
      `${second.weakSubtasks}/${second.subtasks} (${pct(second.weakShare)})`,
    ),
  ];
  first.agents.forEach((agentA, index) => {
    const agentB = second.agents[index]!;
    const levels = [...new Set([...agentA.byLevel, ...agentB.byLevel].map((entry) => entry.level))].sort((a, b) => a - b);
    const level = (agent: typeof agentA, at: number) => {
      const entry = agent.byLevel.find((candidate) => candidate.level === at);
      return entry ? `${f2(entry.rate)} (${entry.successes}/${entry.episodes})` : '-';
    };
    lines.push(
      '',
      `  ${agentA.agent}`,
      row(
        '  success',
        `${f2(agentA.success)} [${f2(agentA.successInterval.low)}–${f2(agentA.successInterval.high)}]`,
        `${f2(agentB.success)} [${f2(agentB.successInterval.low)}–${f2(agentB.successInterval.high)}]`,
      ),
      ...levels.map((at) => row(`    L${at}`, level(agentA, at), level(agentB, at))),
      row(
        `  tasks with success in ${comparison.band.low}–${comparison.band.high}`,
        `${agentA.tasksInBand}/${agentA.tasks} (${pct(agentA.shareInBand)})`,
        `${agentB.tasksInBand}/${agentB.tasks} (${pct(agentB.shareInBand)})`,
      ),
      row('  spread of success across tasks', `sd ${f2(agentA.spread)}`, `sd ${f2(agentB.spread)}`),
    );
  });
  if (first.separation && second.separation) {
    const text = (separation: NonNullable<typeof first.separation>) =>
      `${Number.isFinite(separation.separation) ? separation.separation.toFixed(1) : '∞'} SE (Δ ${f2(separation.difference)}, SE ${f2(separation.standardError)})`;
    const needed = (separation: NonNullable<typeof first.separation>) =>
      separation.tasksForTwoSe === undefined ? 'never (no difference)' : `${separation.tasksForTwoSe}`;
    lines.push(
      '',
      `  separation of ${first.separation.a} and ${first.separation.b} (bootstrap over chains, ${comparison.bootstrap.resamples} resamples)`,
      row('  difference / standard error', text(first.separation), text(second.separation)),
      row('  tasks needed for 2 SE', needed(first.separation), needed(second.separation)),
    );
  }
  lines.push('');
  return lines.join('\n');
}
