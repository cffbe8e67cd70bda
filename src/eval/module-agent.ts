import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TrajsynthError, errorMessage, isTrajsynthError } from '../core/errors.js';
import type { AgentStepRequest } from '../core/agent-protocol.js';
import type { EpisodePolicy, EpisodeStart } from '../agents/policy.js';
import type { EvalAgent } from './eval-agent.js';
import { decisionFromResponse, stepRequest } from './protocol-messages.js';

/** What a `module:` agent file exports: `act` (named, or on the default export), optionally the episode hooks. */
interface AgentModule {
  act(request: AgentStepRequest): unknown;
  startEpisode?(info: { episodeId: string; task: string }): unknown;
  endEpisode?(info: { episodeId: string }): unknown;
}

/**
 * A JavaScript module as the agent: `export async function act(request) { return { action } }`,
 * taking and returning the same objects as the HTTP protocol. A module that throws is an error of
 * the episode (like an endpoint that is down), not the agent's failure.
 */
export class ModuleAgent implements EvalAgent {
  readonly spec: string;
  private loaded: Promise<AgentModule> | undefined;

  constructor(
    private readonly path: string,
    /** How long one call into the module may take (default 60 s). */
    private readonly timeoutMs = 60_000,
  ) {
    this.spec = `module:${path}`;
  }

  async startEpisode(start: EpisodeStart): Promise<EpisodePolicy> {
    const agent = await this.load();
    await this.call(() => agent.startEpisode?.({ episodeId: start.episodeId, task: start.task }), 'startEpisode');
    return {
      next: async (input) => decisionFromResponse(await this.call(() => agent.act(stepRequest(start, input)), 'act')),
      end: async () => void (await this.call(() => agent.endEpisode?.({ episodeId: start.episodeId }), 'endEpisode')),
    };
  }

  /** Imports the module once; a missing file or a module without `act` is a usage error. */
  load(): Promise<AgentModule> {
    this.loaded ??= (async () => {
      const file = resolve(this.path);
      let exports: Record<string, unknown>;
      try {
        exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      } catch (error) {
        throw new TrajsynthError(`Expected a JavaScript module agent at ${file}, got: ${errorMessage(error)}`, {
          code: 'BAD_INPUT',
          hint: 'Pass --agent module:PATH to an .mjs file that exports `async function act(request)` (see examples/js-agent/agent.mjs).',
        });
      }
      const candidate = (typeof exports.act === 'function' ? exports : exports.default) as Partial<AgentModule> | undefined;
      if (!candidate || typeof candidate.act !== 'function') {
        throw new TrajsynthError(
          `Expected ${file} to export a function \`act(request)\`, got exports: ${Object.keys(exports).join(', ') || 'none'}`,
          {
            code: 'BAD_INPUT',
            hint: 'Export `async function act(request) { return { action: { type: "done" } } }` (see examples/js-agent/agent.mjs).',
          },
        );
      }
      return candidate as AgentModule;
    })();
    return this.loaded;
  }

  private async call<T>(run: () => T, what: string): Promise<Awaited<T>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new TrajsynthError(`Expected the module agent ${this.path} to answer within ${this.timeoutMs} ms, but its ${what}() did not`, {
              code: 'TIMEOUT',
              hint: 'Allow it longer with --agent-timeout SECONDS.',
            }),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([Promise.resolve().then(run), timeout]);
    } catch (error) {
      if (isTrajsynthError(error)) throw error;
      throw new TrajsynthError(`Expected the module agent ${this.path} to answer, but its ${what}() threw: ${errorMessage(error)}`, {
        code: 'AGENT_UNAVAILABLE',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
