import type { Redis } from 'ioredis';
import { TrajsynthError, abortError } from '../core/errors.js';
import type { ModelCall } from '../core/usage.js';
import { heuristicAgents } from '../agents/heuristic/index.js';
import type { AgentSet } from '../agents/roles.js';
import type { LanguageModel, ModelRequest, ModelResponse } from '../model/language-model.js';
import { buildAgents, modelBuilder, usesModels, type AgentConfig, type ModelBuilder } from '../pipeline/agent-config.js';
import { RunChannel } from './run-channel.js';

/** What a worker keeps per run while it has jobs of that run: its agents, its stop signal, its budget. */
export interface RunContext {
  channel: RunChannel;
  /** The synthesis agents the run's agent config names (built once per run context). */
  synthAgents(): AgentSet;
  /** Models for the run (eval agents and judges): metered, cached per the run, gated by its shared budget. */
  models(): ModelBuilder;
  /** A value built once per run context (e.g. an evaluation's task source and agent). */
  memo<T>(key: string, build: () => Promise<T>): Promise<T>;
  /** Aborted when the run must stop: Ctrl-C on the follower, or its shared budget reached. */
  stop: AbortSignal;
  /** Records a model call's cost in the run's shared counter (after the call). */
  onCall(call: ModelCall): Promise<number | undefined>;
  /** Adds a cost an agent under evaluation reported itself. */
  addReported(usd: number): Promise<number | undefined>;
}

interface Entry {
  context: Promise<RunContext>;
  users: number;
  dispose(): void;
}

/**
 * The worker's run contexts, made when a run's first job starts and dropped when its last one ends.
 * The stop key is polled while a run has jobs here, so a stop reaches chains within a poll.
 */
export class RunContexts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly redis: Redis,
    private readonly pollMs: number,
  ) {}

  async use<T>(
    run: { runKey: string; agentConfig: AgentConfig; budgetUsd?: number; cache?: { dir: string; mode: 'read-write' | 'read-only' } },
    work: (context: RunContext) => Promise<T>,
  ): Promise<T> {
    let entry = this.entries.get(run.runKey);
    if (!entry) {
      entry = this.create(run);
      this.entries.set(run.runKey, entry);
    }
    entry.users += 1;
    try {
      return await work(await entry.context);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) {
        entry.dispose();
        this.entries.delete(run.runKey);
      }
    }
  }

  private create(run: {
    runKey: string;
    agentConfig: AgentConfig;
    budgetUsd?: number;
    cache?: { dir: string; mode: 'read-write' | 'read-only' };
  }): Entry {
    const channel = new RunChannel(this.redis, run.runKey);
    const controller = new AbortController();
    const stopWith = (reason: string) => {
      if (!controller.signal.aborted)
        controller.abort(new TrajsynthError(reason, { code: reason.startsWith('Budget reached') ? 'BUDGET_EXCEEDED' : 'ABORTED' }));
    };
    let polling = false;
    const timer = setInterval(() => {
      if (polling || controller.signal.aborted) return;
      polling = true;
      channel
        .stopReason()
        .then((reason) => reason !== undefined && stopWith(reason))
        .catch(() => undefined)
        .finally(() => (polling = false));
    }, this.pollMs);
    const budgetUsd = run.budgetUsd;
    const reached = (spentUsd: number) => `Budget reached: spent $${spentUsd.toFixed(4)} of $${budgetUsd!.toFixed(4)}`;
    // Checked before each model call: a call is not made once the run's calls, over every worker, cost the budget.
    const gate = async (signal: AbortSignal | undefined) => {
      if (budgetUsd === undefined) return;
      const spentUsd = (await channel.spentUsd()) ?? 0;
      if (spentUsd >= budgetUsd) {
        await channel.requestStop(reached(spentUsd)).catch(() => undefined);
        stopWith(reached(spentUsd));
      }
      if (controller.signal.aborted) throw abortError(controller.signal);
      if (signal?.aborted) throw abortError(signal);
    };
    const add = async (usd: number | undefined): Promise<number | undefined> => {
      if (usd === undefined || usd === 0) return budgetUsd === undefined ? undefined : channel.spentUsd();
      const total = await channel.addSpent(usd);
      if (budgetUsd !== undefined && total >= budgetUsd) {
        await channel.requestStop(reached(total));
        stopWith(reached(total));
      }
      return total;
    };
    const context = (async (): Promise<RunContext> => {
      const initial = await channel.stopReason();
      if (initial !== undefined) stopWith(initial);
      const buildOptions = {
        ...(run.cache ? { cache: run.cache } : {}),
        wrapModel: (model: LanguageModel) => new BudgetGatedModel(model, gate),
      };
      let agents: AgentSet | undefined;
      let models: ModelBuilder | undefined;
      const memos = new Map<string, Promise<unknown>>();
      return {
        channel,
        synthAgents: () =>
          (agents ??= usesModels(run.agentConfig)
            ? builtOnThisWorker(() => buildAgents(run.agentConfig, buildOptions).agents)
            : heuristicAgents()),
        models: () => (models ??= modelBuilder(run.agentConfig, buildOptions)),
        memo: <T>(key: string, build: () => Promise<T>): Promise<T> => {
          let value = memos.get(key) as Promise<T> | undefined;
          if (!value) memos.set(key, (value = build()));
          return value;
        },
        stop: controller.signal,
        onCall: (call) => add(call.costUsd),
        addReported: (usd) => add(usd),
      };
    })();
    // A context that failed (agents that cannot be built) is not kept for the next job.
    context.catch(() => undefined);
    return { context, users: 0, dispose: () => clearInterval(timer) };
  }
}

/**
 * Builds the run's models in this worker's environment. A model that cannot be built here (no API key
 * in this worker's environment) says so: keys and endpoints are read where the model runs, never sent
 * through the queue, so every worker needs them, not only the follower.
 */
export function builtOnThisWorker<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof TrajsynthError) || error.code !== 'MODEL_ERROR') throw error;
    throw new TrajsynthError(`This worker cannot build the run's models: ${error.message}`, {
      code: 'MODEL_ERROR',
      cause: error,
      hint:
        "give every worker the run's model keys and endpoints in its own environment (ANTHROPIC_API_KEY, OPENAI_API_KEY, " +
        `their *_BASE_URL); the follower's are not sent through the queue. ${error.hint ?? ''}`.trim(),
    });
  }
}

/** A model whose every call first asks the run's shared budget. */
class BudgetGatedModel implements LanguageModel {
  readonly provider: string;
  readonly model: string;

  constructor(
    private readonly inner: LanguageModel,
    private readonly gate: (signal: AbortSignal | undefined) => Promise<void>,
  ) {
    this.provider = inner.provider;
    this.model = inner.model;
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    await this.gate(request.signal);
    return this.inner.generate(request);
  }
}
