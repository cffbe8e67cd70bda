import { TrajsynthError } from '../core/errors.js';
import { Rng } from '../core/random.js';
import type { Step } from '../core/step.js';
import { ModelRefsPolicy } from '../agents/model/model-executor.js';
import { ComputerUsePolicy } from '../agents/model/computer-use-executor.js';
import type { ModelBuilder } from '../pipeline/agent-config.js';
import type { EvalAgent } from './eval-agent.js';
import { GoldPolicy, goldSteps } from './gold-policy.js';
import { HttpAgent, type HttpAgentOptions } from './http-agent.js';
import { ModuleAgent } from './module-agent.js';
import type { TaskSource } from './task-source.js';

export const AGENT_SPEC_HELP = 'gold, noisy-gold:P, anthropic:MODEL, openai:MODEL, http://HOST:PORT/PATH or module:./agent.mjs';

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
  const noisy = /^noisy-gold:(.*)$/.exec(spec);
  if (noisy) {
    const p = Number(noisy[1]);
    return /^\d*\.?\d+$/.test(noisy[1]!) && p >= 0 && p <= 1
      ? undefined
      : `Expected noisy-gold:P with P a probability from 0 to 1, got "${spec}". Example: noisy-gold:0.05`;
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

/** Builds the agent a spec names. */
export function createEvalAgent(spec: string, context: AgentContext): EvalAgent {
  const problem = agentSpecProblem(spec);
  if (problem) throw new TrajsynthError(problem, { code: 'BAD_INPUT' });
  if (spec === 'gold' || spec.startsWith('noisy-gold:'))
    return goldAgent(spec, context.source, spec === 'gold' ? 0 : Number(spec.slice('noisy-gold:'.length)));
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
 * with the number of steps, hence with k.
 */
function goldAgent(spec: string, source: TaskSource, slipRate: number): EvalAgent {
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
  return {
    spec,
    minimumSteps: async (task) => goldSteps(await stepsOf(task.chainId), task.gold).length + 1,
    startEpisode: async (start, task) =>
      new GoldPolicy(
        goldSteps(await stepsOf(task.chainId), task.gold),
        task.answer,
        slipRate > 0 ? { slipRate, rng: new Rng(start.seed) } : {},
      ),
  };
}
