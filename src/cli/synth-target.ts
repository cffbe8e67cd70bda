/**
 * What an aimed synthesis run aims at (`synth --target-eval RUN | --target-agent SPEC [--target P]
 * [--keep-band L-H]`): the target agent's weakness model, from an evaluation already made or from a
 * calibration made first, and the lines the run's summary adds about it.
 */
import type { ChainRecord } from '../core/chain.js';
import type { UrlSite } from '../core/environment.js';
import { isTrajsynthError } from '../core/errors.js';
import type { SynthesisTarget } from '../core/target.js';
import { ALL_ENVIRONMENTS } from '../environments/environment-source.js';
import { listEnvironments } from '../environments/registry.js';
import type { AgentConfig } from '../pipeline/agent-config.js';
import { bandFlag, integerFlag, probabilityFlag, stringFlag, UsageError, type ParsedCommand } from './args.js';
import { resolveRun } from './inspect-command.js';

/** `--target-eval RUN | --target-agent SPEC [--target P] [--keep-band L-H]`: what an aimed run aims at, from the agent's weakness model. */
export async function targetFromFlags(
  parsed: ParsedCommand,
  context: {
    outDir: string;
    environment: string;
    site?: UrlSite;
    seed: number;
    concurrency: number;
    runId: string;
    agentConfig: AgentConfig;
    budgetUsd?: number;
    quiet: boolean;
    signal: AbortSignal;
  },
): Promise<SynthesisTarget | undefined> {
  const { outDir, environment } = context;
  let evalRun = stringFlag(parsed, 'target-eval');
  const targetAgent = stringFlag(parsed, 'target-agent');
  const bandRaw = stringFlag(parsed, 'keep-band');
  const targetRaw = stringFlag(parsed, 'target');
  if (evalRun !== undefined && targetAgent !== undefined)
    throw new UsageError('Expected --target-eval EVAL_RUN or --target-agent SPEC, not both: the first aims at an evaluation already made');
  if (evalRun === undefined && targetAgent === undefined) {
    if (bandRaw !== undefined || targetRaw !== undefined)
      throw new UsageError(
        `Expected --target-eval EVAL_RUN or --target-agent SPEC with ${bandRaw !== undefined ? '--keep-band' : '--target'}: the band and the target are the agent's predicted success`,
      );
    return undefined;
  }
  const keepBand = bandFlag('keep-band', bandRaw);
  if (targetAgent !== undefined)
    evalRun = await calibrate(
      targetAgent,
      integerFlag('calibration-chains', stringFlag(parsed, 'calibration-chains'), 8, { min: 2, max: 1000 }),
      context,
    );
  const targetRate = probabilityFlag('target', targetRaw);
  const { loadWeaknessReport } = await import('../eval/frontier.js');
  const { synthesisTargetOf } = await import('../eval/weakness.js');
  const { readEvalRunMeta } = await import('../store/index.js');
  const layout = resolveRun(evalRun!, outDir);
  try {
    await readEvalRunMeta(layout);
  } catch (error) {
    if (isTrajsynthError(error) && (error.code === 'RUN_NOT_FOUND' || error.code === 'CORRUPT_FILE'))
      throw new UsageError(
        `Expected --target-eval to name an evaluation run under ${outDir}/trajectories, got "${evalRun}": ${error.message}. Evaluate the agent first: trajsynth eval RUN --agent SPEC`,
      );
    throw error;
  }
  const report = await loadWeaknessReport(layout, targetRate !== undefined ? { target: targetRate } : {});
  const apps = environment === ALL_ENVIRONMENTS ? listEnvironments().map((manifest) => manifest.id) : [environment];
  return synthesisTargetOf(report, { ...(keepBand ? { keepBand } : {}), apps });
}

export function targetText(target: SynthesisTarget, records: readonly ChainRecord[]): string {
  const outside = records
    .flatMap((record) => record.skippedLevels ?? [])
    .filter((skipped) => skipped.reason.startsWith('outside the kept band'));
  const stopped = records.filter((record) => record.stopReason?.includes('below the band')).length;
  const kept = records.flatMap((record) => record.levels);
  const weights = Object.entries(target.kindWeights)
    .filter(([, weight]) => weight > 1.5)
    .map(([kind, weight]) => `${kind} ×${weight.toFixed(1)}`);
  const lines = [
    `  aimed at     ${target.agent} (evaluation ${target.evalRun}): frontier L${target.frontierLevel}, weak kinds ${target.weakKinds.join(', ') || 'none'}${weights.length ? `; proposals weighted ${weights.join(', ')}` : ''}`,
  ];
  if (target.keepBand)
    lines.push(
      `  band         predicted success ${target.keepBand.low}–${target.keepBand.high}: ${kept.length} level-k task(s) kept (mean predicted ${(kept.reduce((sum, level) => sum + (level.predictedSuccess ?? 0), 0) / Math.max(1, kept.length)).toFixed(2)}), ${outside.length} outside it skipped, ${stopped} chain(s) stopped below it`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * `--target-agent SPEC`: a calibration evaluation made first. Its tasks are a small uniform run of
 * their own (`<run>-calibration-tasks`, another seed than the aimed run's, so the aimed tasks are
 * new to the agent), evaluated with 2 episodes per task (`<run>-calibration`). Both resume if there.
 */
async function calibrate(spec: string, chains: number, context: Parameters<typeof targetFromFlags>[1]): Promise<string> {
  const { agentSpecProblem, createEvalAgent, AGENT_SPEC_HELP } = await import('../eval/agent-spec.js');
  const problem = agentSpecProblem(spec);
  if (problem) throw new UsageError(`${problem}. Agents: ${AGENT_SPEC_HELP}`);
  const { synthesize } = await import('../pipeline/synthesize.js');
  const { loadTaskSource } = await import('../eval/task-source.js');
  const { evaluate } = await import('../eval/evaluate.js');
  const { modelBuilder } = await import('../pipeline/agent-config.js');
  const tasksRun = `${context.runId}-calibration-tasks`;
  const evalRun = `${context.runId}-calibration`;
  const say = (text: string) => (context.quiet ? undefined : process.stderr.write(`${text}\n`));
  say(`calibration: ${chains} chain(s) to level 3 (run ${tasksRun}), then ${spec} on their tasks (run ${evalRun})`);
  await synthesize({
    outDir: context.outDir,
    runId: tasksRun,
    environment: context.environment,
    ...(context.site ? { site: context.site } : {}),
    chains,
    maxLevel: 3,
    seed: context.seed + 7919,
    concurrency: context.concurrency,
    resume: true,
    signal: context.signal,
  });
  const source = await loadTaskSource(tasksRun, context.outDir);
  const agent = createEvalAgent(spec, { source, models: modelBuilder(context.agentConfig) });
  const result = await evaluate({
    outDir: context.outDir,
    runId: evalRun,
    source,
    agent,
    episodes: 2,
    seed: 1,
    concurrency: context.concurrency,
    resume: true,
    ...(context.budgetUsd !== undefined ? { budgetUsd: context.budgetUsd } : {}),
    signal: context.signal,
  });
  if (result.meta.budget?.reached)
    throw new UsageError(
      `Expected the calibration of ${spec} to fit in --budget-usd ${context.budgetUsd}, but it spent it all ($${result.meta.budget.spentUsd.toFixed(4)}); raise --budget-usd or pass fewer --calibration-chains (the evaluation resumes where it stopped)`,
    );
  const finished = result.episodes.filter((episode) => episode.status === 'finished').length;
  say(`calibration: ${finished} episode(s) of ${spec} finished`);
  return evalRun;
}

export function budgetValue(parsed: ParsedCommand): number | undefined {
  const raw = stringFlag(parsed, 'budget-usd');
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value <= 0)
    throw new UsageError(`Expected --budget-usd to be a positive number of dollars, got "${raw}". Example: --budget-usd 2.50`);
  return value;
}
