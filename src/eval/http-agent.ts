import { TrajsynthError, errorMessage, throwIfAborted } from '../core/errors.js';
import type { EpisodePolicy, EpisodeStart, PolicyDecision, PolicyStepInput } from '../agents/policy.js';
import type { EvalAgent } from './eval-agent.js';
import { decisionFromResponse, stepRequest } from './protocol-messages.js';

export interface HttpAgentOptions {
  /** How long one step may take the agent to answer (default 60 s). */
  timeoutMs?: number;
  /** Retries of a step whose request could not be delivered or got a 429/5xx (default 2). */
  retries?: number;
  /** Delay before the first retry; doubles each time (default 500 ms). */
  retryDelayMs?: number;
}

/**
 * An agent in any language behind an HTTP endpoint: one POST per step with the step request JSON,
 * answered by `{"action": ACTION}`. An endpoint that is down, times out or answers 4xx/5xx is an
 * error of the episode (AGENT_UNAVAILABLE), never the agent's failure; a 200 whose body is not a
 * valid action is an invalid answer, which the agent sees at its next step.
 */
export class HttpAgent implements EvalAgent {
  readonly spec: string;

  constructor(
    private readonly url: string,
    private readonly options: HttpAgentOptions = {},
  ) {
    this.spec = url;
  }

  async startEpisode(start: EpisodeStart): Promise<EpisodePolicy> {
    return { next: (input) => this.step(start, input) };
  }

  private async step(start: EpisodeStart, input: PolicyStepInput): Promise<PolicyDecision> {
    const body = JSON.stringify(stepRequest(start, input));
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    const retries = this.options.retries ?? 2;
    let delayMs = this.options.retryDelayMs ?? 500;
    let problem = '';
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      throwIfAborted(input.signal);
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
      } catch (error) {
        throwIfAborted(input.signal);
        if (timeout.aborted) {
          throw new TrajsynthError(
            `Expected the agent at ${this.url} to answer step ${input.step} of ${start.episodeId} within ${timeoutMs} ms, got no answer`,
            {
              code: 'TIMEOUT',
              hint: 'Check the agent is not stuck, or allow it longer with --agent-timeout SECONDS.',
            },
          );
        }
        problem = `could not reach it (${causeOf(error)})`;
        if (attempt < retries) await pause(delayMs, input.signal);
        delayMs *= 2;
        continue;
      }
      const text = await response.text().catch(() => '');
      if (response.status === 429 || response.status >= 500) {
        problem = `it answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
        if (attempt < retries) await pause(delayMs, input.signal);
        delayMs *= 2;
        continue;
      }
      if (!response.ok) {
        throw new TrajsynthError(
          `Expected HTTP 200 from the agent at ${this.url}, got ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
          {
            code: 'AGENT_UNAVAILABLE',
            hint: 'The agent rejected the step request; see schemas/agent-step-request.schema.json for its format.',
          },
        );
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return { kind: 'invalid', error: `Expected a JSON body {"action": ACTION}, got ${JSON.stringify(text.slice(0, 200))}` };
      }
      return decisionFromResponse(raw);
    }
    throw new TrajsynthError(
      `Expected the agent at ${this.url} to answer step ${input.step} of ${start.episodeId}, but ${problem} (${retries + 1} tries)`,
      {
        code: 'AGENT_UNAVAILABLE',
        isRetryable: true,
        hint: 'Start the agent (or fix its URL), then continue the evaluation with --resume: episodes that ended in an error are redone.',
      },
    );
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? errorMessage(error);
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
