import type { RunningEnvironment } from '../core/environment.js';
import type { CapturedObservation } from '../core/observation.js';
import type { Predicate } from '../core/predicate.js';
import { evaluatePredicates } from '../environments/predicates.js';
import type { PipelineSession, SessionFactory } from './chain-runner.js';
import { pageViewOf } from './chain-runner.js';

/** Where a level-k task starts: the environment reset with the chain's seed, on its start page. */
export interface TaskStart {
  environment: RunningEnvironment;
  envSeed: number;
  startPath: string;
}

export interface OpenedEpisode {
  session: PipelineSession;
  observation: CapturedObservation;
}

/**
 * Resets the environment to its seeded state (where it has a probe; a website is whatever it is
 * now) and opens a fresh browser context on the task's start page.
 */
export async function openAtReset(
  start: TaskStart,
  browser: SessionFactory,
  options: { screenshot?: boolean; signal?: AbortSignal } = {},
): Promise<OpenedEpisode> {
  const { environment, signal } = { ...start, signal: options.signal };
  if (environment.manifest.hasStateProbe) await environment.reset(start.envSeed, signal);
  const session = await browser.newSession({
    viewport: environment.manifest.viewport,
    origin: environment.origin,
    allowedOrigins: environment.manifest.allowedOrigins,
    ...(signal ? { signal } : {}),
  });
  try {
    await session.goto(start.startPath, signal);
    const observation = await session.observe({
      ...(signal ? { signal } : {}),
      ...(options.screenshot === false ? { screenshot: false } : {}),
    });
    return { session, observation };
  } catch (error) {
    await session.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Evaluates predicates on the live episode: the probe's state, the agent's page as the observation
 * shows it, other pages read fresh in the same browser context, and the final answer.
 */
export async function evaluateOnEpisode(
  predicates: readonly Predicate[],
  episode: { environment: RunningEnvironment; session: PipelineSession; observation: CapturedObservation; answer?: string | undefined },
  signal?: AbortSignal,
): Promise<boolean[]> {
  const state = await episode.environment.readState(signal);
  return evaluatePredicates(predicates, {
    state,
    page: pageViewOf(episode.observation),
    reader: episode.session.reader,
    ...(episode.answer !== undefined ? { answer: episode.answer } : {}),
    ...(signal ? { signal } : {}),
  });
}

/**
 * Evaluates level-k checkers at a task's start: reset the environment, load the start page, evaluate
 * with no answer. An agent that does nothing must fail, so a checker whose predicates all hold here
 * is not a task. One browser context serves every check of a chain (its page is reloaded after each
 * reset; opening a context costs a renderer start); `close` releases it.
 */
export class ResetProbe {
  private session: Promise<PipelineSession> | undefined;

  constructor(
    private readonly start: TaskStart,
    private readonly browser: SessionFactory,
  ) {}

  async evaluate(predicates: readonly Predicate[], signal?: AbortSignal): Promise<boolean[]> {
    const { environment } = this.start;
    if (environment.manifest.hasStateProbe) await environment.reset(this.start.envSeed, signal);
    this.session ??= this.browser.newSession({
      viewport: environment.manifest.viewport,
      origin: environment.origin,
      allowedOrigins: environment.manifest.allowedOrigins,
      ...(signal ? { signal } : {}),
    });
    const session = await this.session;
    await session.goto(this.start.startPath, signal);
    const observation = await session.observe({ screenshot: false, ...(signal ? { signal } : {}) });
    return evaluateOnEpisode(predicates, { environment, session, observation }, signal);
  }

  async close(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    await session?.close().catch(() => undefined);
  }
}
