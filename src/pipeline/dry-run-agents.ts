import type { AgentSet, Executor, Proposer, Reviser, Summarizer, Verifier } from '../agents/roles.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import { ComputerUseExecutor } from '../agents/model/computer-use-executor.js';
import { ModelExecutor } from '../agents/model/model-executor.js';
import { ModelProposer } from '../agents/model/model-proposer.js';
import { ModelReviser } from '../agents/model/model-reviser.js';
import { ModelSummarizer } from '../agents/model/model-summarizer.js';
import { JudgeVerifier } from '../agents/model/model-verifier.js';
import type { LanguageModel, ModelRequest, ModelResponse } from '../model/language-model.js';
import { scaledDisplay } from '../model/image-scaling.js';
import { imageTokens } from '../cost/token-estimate.js';
import { verifierSpecs, type AgentConfig, type RoleName } from './agent-config.js';

/** A request a model-backed role would have sent, where in the chain, and the conversation it grows (computer use). */
export interface DryRunRequest {
  role: RoleName;
  request: ModelRequest;
  level: number;
  /** Tokens of earlier turns a multi-turn conversation carries along (screenshots kept, text). */
  extraMessageTokens: number;
  /** The model the request is for, where the role has several (a verifier jury); else the role's spec. */
  spec?: string;
}

/**
 * The dry run's agent set: the heuristic agents drive the chain (real pages, real steps), and at
 * every point where a model-backed role of `config` would be called, that role renders its real
 * request (prompt, screenshot, snapshot) against a model that records it and answers nothing.
 */
export function dryRunAgents(config: AgentConfig, specs: Record<RoleName, string>, onRequest: (captured: DryRunRequest) => void): AgentSet {
  const heuristic = heuristicAgents();
  const models = new Map<string, LanguageModel>();
  const modelFor = (role: RoleName, spec = specs[role]): LanguageModel => {
    const [provider, ...rest] = spec.split(':');
    const model = models.get(spec) ?? new CaptureModel(provider === 'openai' ? 'openai-compatible' : provider!, rest.join(':'));
    models.set(spec, model);
    return model;
  };
  const isModel = (role: RoleName) => specs[role] !== 'heuristic';
  let level = 1;
  const account = async (role: RoleName, render: () => Promise<unknown>, atLevel = level, extraMessageTokens = 0, spec?: string) => {
    const request = await capture(render);
    if (request) onRequest({ role, request, level: atLevel, extraMessageTokens, ...(spec ? { spec } : {}) });
  };

  const proposerFor = (role: 'proposer' | 'follow-up', inner: Proposer): Proposer => ({
    id: `estimate-${role}`,
    async propose(input) {
      level = input.chain.accepted.length + 1;
      if (isModel(role))
        await account(role, () => new ModelProposer({ model: modelFor(role), followUp: role === 'follow-up' }).propose(input));
      return inner.propose(input);
    },
  });
  const executor: Executor = {
    id: 'estimate-executor',
    async run(input) {
      if (!isModel('executor')) return heuristic.executor.run(input);
      const computer = config.executorMode === 'computer';
      const model = modelFor('executor');
      const renderAt = (observation: typeof input.observation, step: number) => () =>
        computer
          ? new ComputerUseExecutor(model).run({ ...input, observation })
          : new ModelExecutor(model).run({ ...input, observation, maxSteps: Math.max(1, input.maxSteps - step) });
      // The computer-use conversation grows: each turn adds the last screenshot (at most 3 kept) and a little text.
      const display = scaledDisplay(input.observation.viewport);
      const growth = (step: number) => (computer ? Math.min(step, 3) * imageTokens(display.width, display.height) + step * 60 : 0);
      let step = 0;
      const attempt = await heuristic.executor.run({
        ...input,
        recordStep: async (record) => {
          await account('executor', renderAt(record.before, step), level, growth(step));
          step += 1;
          await input.recordStep(record);
        },
      });
      await account('executor', renderAt(attempt.finalObservation, step), level, growth(step)); // the call that says done
      return attempt;
    },
  };
  const verifier: Verifier = {
    id: 'estimate-verifier',
    async verify(input) {
      // A jury asks each of its judges the same question.
      const jurors = verifierSpecs(specs.verifier);
      if (isModel('verifier'))
        for (const spec of jurors)
          await account(
            'verifier',
            () => new JudgeVerifier({ model: modelFor('verifier', spec) }).verify(input),
            level,
            0,
            jurors.length > 1 ? spec : undefined,
          );
      return heuristic.verifier.verify(input);
    },
  };
  const reviser: Reviser = {
    id: 'estimate-reviser',
    async revise(input) {
      if (isModel('reviser')) await account('reviser', () => new ModelReviser(modelFor('reviser')).revise(input));
      return heuristic.reviser.revise(input);
    },
  };
  const summarizer: Summarizer = {
    id: 'estimate-summarizer',
    async summarize(input) {
      if (isModel('summarizer') && input.subtasks.length > 1)
        await account('summarizer', () => new ModelSummarizer(modelFor('summarizer')).summarize(input), input.subtasks.length);
      return heuristic.summarizer.summarize(input);
    },
  };
  return {
    proposer: proposerFor('proposer', heuristic.proposer),
    followUp: proposerFor('follow-up', heuristic.followUp),
    executor,
    verifier,
    reviser,
    summarizer,
  };
}

class Captured extends Error {
  constructor(readonly request: ModelRequest) {
    super('captured for the dry run');
  }
}

/** A LanguageModel that records the request it is given and answers nothing: the dry run never calls a model. */
class CaptureModel implements LanguageModel {
  constructor(
    readonly provider: string,
    readonly model: string,
  ) {}
  async generate(request: ModelRequest): Promise<ModelResponse> {
    throw new Captured(request);
  }
}

async function capture(render: () => Promise<unknown>): Promise<ModelRequest | undefined> {
  try {
    await render();
  } catch (error) {
    if (error instanceof Captured) return error.request;
    throw error;
  }
  return undefined;
}
