import type { RunningEnvironment } from '../core/environment.js';
import type { CapturedObservation, PageReader, PageView } from '../core/observation.js';
import type { EnvironmentState } from '../core/environment.js';
import { isStatePredicate, type Predicate } from '../core/predicate.js';
import { TrajsynthError } from '../core/errors.js';
import { evaluatePredicates, holdsAll } from '../environments/predicates.js';
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

/** How an episode is opened: with screenshots or not, and in a session to reuse (see openAtReset). */
export interface OpenOptions {
  screenshot?: boolean;
  signal?: AbortSignal;
  /**
   * A session to start the episode in instead of a new one, for an app whose state is all on its
   * server (it has a probe): its cookies are cleared and it is not closed on failure. Opening a
   * context costs a renderer start.
   */
  session?: PipelineSession;
}

/**
 * Resets the environment to its seeded state (where it has a probe; a website is whatever it is
 * now) and opens a fresh browser context on the task's start page.
 */
export async function openAtReset(start: TaskStart, browser: SessionFactory, options: OpenOptions = {}): Promise<OpenedEpisode> {
  if (start.environment.manifest.hasStateProbe) await start.environment.reset(start.envSeed, options.signal);
  return openOn(start, browser, options);
}

/**
 * Opens an episode where a recorded chain was: the app's state set back from a snapshot of it, the
 * page at `start.startPath` (in `options.session`, its cookies cleared, or a new context).
 */
export async function openAtSnapshot(
  start: TaskStart,
  snapshot: string,
  browser: SessionFactory,
  options: OpenOptions = {},
): Promise<OpenedEpisode> {
  const { environment } = start;
  if (!environment.restore)
    throw new TrajsynthError(`Expected ${environment.manifest.id} to restore a snapshot of its state`, { code: 'INTERNAL' });
  await environment.restore(snapshot, options.signal);
  return openOn(start, browser, options);
}

/** The start page, in the session to reuse (an app with a probe) or a new context. */
async function openOn(start: TaskStart, browser: SessionFactory, options: OpenOptions): Promise<OpenedEpisode> {
  const { environment } = start;
  const { signal } = options;
  const observe = { ...(signal ? { signal } : {}), ...(options.screenshot === false ? { screenshot: false } : {}) };
  const reused = environment.manifest.hasStateProbe && options.session?.clearCookies ? options.session : undefined;
  if (reused) {
    await reused.clearCookies!();
    await reused.goto(start.startPath, signal);
    return { session: reused, observation: await reused.observe(observe) };
  }
  const session = await browser.newSession({
    viewport: environment.manifest.viewport,
    origin: environment.origin,
    allowedOrigins: environment.manifest.allowedOrigins,
    ...(signal ? { signal } : {}),
  });
  try {
    await session.goto(start.startPath, signal);
    return { session, observation: await session.observe(observe) };
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
  episode: {
    environment: RunningEnvironment;
    session: PipelineSession;
    observation: CapturedObservation;
    answer?: string | undefined;
    pages?: FreshPages;
  },
  signal?: AbortSignal,
): Promise<boolean[]> {
  const state = await episode.environment.readState(signal);
  return evaluatePredicates(predicates, {
    state,
    page: pageViewOf(episode.observation),
    reader: episode.pages ? episode.pages.at(state) : episode.session.reader,
    ...(episode.answer !== undefined ? { answer: episode.answer } : {}),
    ...(signal ? { signal } : {}),
  });
}

/**
 * Other pages an episode's predicates read, loaded afresh, kept while the app's state is the same: a
 * page of an app with a state probe shows what its state holds, so it need not be loaded again after
 * every step that changed nothing (a progress check after each step reads the same page many times).
 * Without a probe nothing is kept.
 */
export class FreshPages {
  private readonly pages = new Map<string, { stateKey: string; view: Promise<PageView> }>();

  constructor(private readonly reader: PageReader) {}

  /** A reader for the moment whose state is `state` (undefined: no probe, nothing kept). */
  at(state: EnvironmentState | undefined): PageReader {
    if (state === undefined) return this.reader;
    const stateKey = JSON.stringify(state);
    return {
      read: (path, signal) => {
        if (path === undefined) return this.reader.read(path, signal);
        const kept = this.pages.get(path);
        if (kept && kept.stateKey === stateKey) return kept.view;
        const view = this.reader.read(path, signal);
        this.pages.set(path, { stateKey, view });
        view.catch(() => this.pages.delete(path));
        return view;
      },
    };
  }
}

/** Whether every predicate holds on the live episode now, reading as little as it can (see holdsAll). */
export async function holdsOnEpisode(
  predicates: readonly Predicate[],
  episode: { environment: RunningEnvironment; session: PipelineSession; observation: CapturedObservation; pages?: FreshPages },
  signal?: AbortSignal,
): Promise<boolean> {
  const readsPages = predicates.some((predicate) => 'path' in predicate && predicate.path !== undefined);
  const wantsState =
    predicates.some(isStatePredicate) || (readsPages && episode.pages !== undefined && episode.environment.manifest.hasStateProbe);
  const state = wantsState ? await episode.environment.readState(signal) : undefined;
  return holdsAll(predicates, {
    state,
    page: pageViewOf(episode.observation),
    reader: episode.pages ? episode.pages.at(state) : episode.session.reader,
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
  private kept:
    { observation: CapturedObservation; state: EnvironmentState | undefined; pages: Map<string, Promise<PageView>> } | undefined;

  /**
   * `untouched`: nothing else acts on the environment, so after the first reset its state, its start
   * page and every page read there stay as they were, and are kept instead of read again (an app with
   * a probe; reads change no state).
   */
  constructor(
    private readonly start: TaskStart,
    private readonly browser: SessionFactory,
    private readonly options: { untouched?: boolean } = {},
  ) {}

  async evaluate(predicates: readonly Predicate[], signal?: AbortSignal): Promise<boolean[]> {
    const { environment } = this.start;
    const kept = this.kept;
    if (kept) {
      const reader = (await this.session)!.reader;
      return evaluatePredicates(predicates, {
        state: kept.state,
        page: pageViewOf(kept.observation),
        reader: {
          read: (path, readSignal) => {
            if (path === undefined) return reader.read(path, readSignal);
            let view = kept.pages.get(path);
            if (!view) {
              view = reader.read(path, readSignal);
              kept.pages.set(path, view);
              view.catch(() => kept.pages.delete(path));
            }
            return view;
          },
        },
        ...(signal ? { signal } : {}),
      });
    }
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
    if (this.options.untouched && environment.manifest.hasStateProbe) {
      this.kept = { observation, state: await environment.readState(signal), pages: new Map() };
      return this.evaluate(predicates, signal);
    }
    return evaluateOnEpisode(predicates, { environment, session, observation }, signal);
  }

  async close(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    await session?.close().catch(() => undefined);
  }
}
