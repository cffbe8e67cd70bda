import { TrajsynthError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import { InteractionKindSchema, type InteractionKind } from '../core/task.js';
import type { EvalTask } from '../core/eval.js';
import type { Step } from '../core/step.js';
import { ModelRefsPolicy } from '../agents/model/model-executor.js';
import { ComputerUsePolicy } from '../agents/model/computer-use-executor.js';
import type { ModelBuilder } from '../pipeline/agent-config.js';
import type { EvalAgent } from './eval-agent.js';
import { GoldPolicy, goldSteps } from './gold-policy.js';
import { HttpAgent, type HttpAgentOptions } from './http-agent.js';
import { ModuleAgent } from './module-agent.js';
import type { TaskSource } from './task-source.js';

export const AGENT_SPEC_HELP = 'gold, noisy-gold:P[,KIND=R…], anthropic:MODEL, openai:MODEL, http://HOST:PORT/PATH or module:./agent.mjs';

export interface AgentContext {
  source: TaskSource;
  /** Builds model agents (anthropic:/openai: specs). */
  models?: ModelBuilder;
  agentMode?: 'refs' | 'computer';
  /** HTTP agents' settings; its timeout also bounds a module agent's calls. */
  http?: HttpAgentOptions;
}

/** Checks a spec's form without building anything (for flags); returns a problem or undefined. */
export function agentSpecProblem(spec: string): string | undefined {
  if (spec === 'gold' || /^(anthropic|openai):\S+$/.test(spec) || /^module:.+/.test(spec)) return undefined;
  if (spec.startsWith('noisy-gold:')) {
    const parsed = parseNoisyGold(spec);
    return typeof parsed === 'string' ? parsed : undefined;
  }
  if (/^https?:\/\//.test(spec)) {
    try {
      new URL(spec);
      return undefined;
    } catch {
      return `Expected an agent URL such as http://127.0.0.1:8000/act, got "${spec}"`;
    }
  }
  return `Expected --agent to be ${AGENT_SPEC_HELP}, got "${spec}"`;
}

/** noisy-gold's slip probabilities: `base` per step, or the rate of the step's subtask kind. */
export interface SlipRates {
  base: number;
  byKind: Partial<Record<InteractionKind, number>>;
}

const NOISY_GOLD_EXAMPLE = 'Example: noisy-gold:0.05, or noisy-gold:0.02,form=0.4,search=0.3';

/**
 * `noisy-gold:P` slips with probability P per step; `noisy-gold:P,KIND=R,…` slips with R on the
 * steps of subtasks of interaction kind KIND (an agent with known weaknesses). A problem is returned
 * as a message.
 */
export function parseNoisyGold(spec: string): SlipRates | string {
  const parts = spec.slice('noisy-gold:'.length).split(',');
  const probability = (raw: string) => (/^\s*\d*\.?\d+\s*$/.test(raw) && Number(raw) <= 1 ? Number(raw) : undefined);
  const base = probability(parts[0]!);
  if (base === undefined) return `Expected noisy-gold:P with P a probability from 0 to 1, got "${spec}". ${NOISY_GOLD_EXAMPLE}`;
  const byKind: Partial<Record<InteractionKind, number>> = {};
  for (const part of parts.slice(1)) {
    const [rawKind, rawRate] = part.split('=');
    const kind = InteractionKindSchema.safeParse(rawKind?.trim());
    if (!kind.success)
      return `Expected KIND=R in "${spec}" with KIND one of ${InteractionKindSchema.options.join(', ')}, got "${part}". ${NOISY_GOLD_EXAMPLE}`;
    const rate = rawRate === undefined ? undefined : probability(rawRate);
    if (rate === undefined)
      return `Expected ${kind.data}=R in "${spec}" with R a probability from 0 to 1, got "${part}". ${NOISY_GOLD_EXAMPLE}`;
    if (byKind[kind.data] !== undefined) return `Expected each kind once in "${spec}", got ${kind.data} twice`;
    byKind[kind.data] = rate;
  }
  return { base, byKind };
}

/** Builds the agent a spec names. */
export function createEvalAgent(spec: string, context: AgentContext): EvalAgent {
  const problem = agentSpecProblem(spec);
  if (problem) throw new TrajsynthError(problem, { code: 'BAD_INPUT' });
  if (spec === 'gold') return goldAgent(spec, context.source, { base: 0, byKind: {} });
  if (spec.startsWith('noisy-gold:')) return goldAgent(spec, context.source, parseNoisyGold(spec) as SlipRates);
  if (spec.startsWith('module:')) return new ModuleAgent(spec.slice('module:'.length), context.http?.timeoutMs);
  if (/^https?:\/\//.test(spec)) return new HttpAgent(spec, context.http ?? {});
  if (!context.models) throw new TrajsynthError(`Expected model settings to build the agent "${spec}"`, { code: 'INTERNAL' });
  const model = context.models.modelFor(spec);
  const computer = context.agentMode === 'computer';
  if (computer && !spec.startsWith('anthropic:')) {
    throw new TrajsynthError(`Expected an Anthropic agent for --agent-mode computer, got "${spec}"`, {
      code: 'BAD_INPUT',
      hint: "The computer-use tool is Anthropic's: use anthropic:MODEL, or --agent-mode refs.",
    });
  }
  return {
    spec,
    startEpisode: async (start) => (computer ? new ComputerUsePolicy(model, start.task) : new ModelRefsPolicy(model, start.task)),
  };
}

/**
 * `gold` replays the task's gold steps (the ceiling, and a check of the harness); `noisy-gold:P`
 * slips with probability P per step, seeded per episode: an offline baseline whose success falls
 * with the number of steps, hence with k. With per-kind rates, a step slips with the rate of the
 * kind of the subtask it belongs to (the final answer with that of the last subtask), and a slip
 * stops the episode at that step (a subtask of n steps succeeds with exactly (1−r)^n), where plain
 * `noisy-gold:P` acts out a plausible wrong step that may happen to change nothing checked.
 */
function goldAgent(spec: string, source: TaskSource, rates: SlipRates): EvalAgent {
  const readSteps = source.steps;
  if (!readSteps) {
    throw new TrajsynthError(`Expected a run as the source of the ${spec} agent, got the tasks file ${source.id}`, {
      code: 'BAD_INPUT',
      hint: 'Gold agents replay the recorded trajectories: pass the run (e.g. `trajsynth eval all-seed3 --agent gold`), not its tasks file.',
    });
  }
  const cache = new Map<string, Promise<Step[]>>();
  const stepsOf = (chainId: string) => {
    let steps = cache.get(chainId);
    if (!steps) cache.set(chainId, (steps = readSteps(chainId)));
    return steps;
  };
  const noisy = rates.base > 0 || Object.values(rates.byKind).some((rate) => rate > 0);
  // With per-kind rates it is an agent of known weaknesses: every slip fails its step, so the rates
  // an evaluation measures are the ones it was given.
  const perKind = Object.keys(rates.byKind).length > 0;
  return {
    spec,
    minimumSteps: async (task) => goldSteps(await stepsOf(task.chainId), task.gold).length + 1,
    startEpisode: async (start, task) =>
      new GoldPolicy(
        goldSteps(await stepsOf(task.chainId), task.gold),
        task.answer,
        noisy ? { slipRateOf: slipRateFor(rates, task), slipStops: perKind, rng: new Rng(start.seed) } : {},
      ),
  };
}

/** The slip rate of a gold step (its index in steps.jsonl), or of the final answer (undefined). */
function slipRateFor(rates: SlipRates, task: EvalTask): (stepIndex: number | undefined) => number {
  if (Object.keys(rates.byKind).length === 0) return () => rates.base;
  const subtasks = task.subtasks ?? [];
  return (stepIndex) => {
    const subtask =
      stepIndex === undefined
        ? subtasks[subtasks.length - 1]
        : subtasks.find((candidate) => stepIndex >= candidate.steps.start && stepIndex < candidate.steps.end);
    return (subtask ? rates.byKind[subtask.interaction] : undefined) ?? rates.base;
  };
}
