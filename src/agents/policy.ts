import type { Action } from '../core/action.js';
import type { AgentReportedUsage } from '../core/agent-protocol.js';
import type { CapturedObservation, Viewport } from '../core/index.js';
import type { CallRecorder } from '../model/language-model.js';

/**
 * An agent that acts one step at a time: given the task and what is on screen, the next action.
 * Model executors, the agents under evaluation (HTTP, module, gold) and their baselines are all
 * policies; one loop (policy-loop.ts) drives any of them through a browser session.
 */
export interface PolicyHistoryEntry {
  step: number;
  /** The action performed; absent when the answer was not a valid action. */
  action?: Action;
  ok: boolean;
  error?: string;
}

export interface PolicyStepInput {
  observation: CapturedObservation;
  /** Every earlier step of the episode, oldest first. */
  history: readonly PolicyHistoryEntry[];
  /** 0-based number of this decision. */
  step: number;
  maxSteps: number;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

export type PolicyDecision =
  | { kind: 'action'; action: Action; usage?: AgentReportedUsage; thought?: string }
  /** The agent answered, but not with a valid action: it sees `error` at its next step. */
  | { kind: 'invalid'; error: string; usage?: AgentReportedUsage };

export interface EpisodePolicy {
  next(input: PolicyStepInput): Promise<PolicyDecision>;
  /** Called once when the episode ends, however it ends. */
  end?(): Promise<void>;
}

export interface EpisodeStart {
  episodeId: string;
  task: string;
  viewport: Viewport;
  /** Seed for agents that make random choices. */
  seed: number;
  maxSteps: number;
  signal?: AbortSignal;
}

/** Makes one policy per episode (policies may keep per-episode memory). */
export interface Agent {
  readonly id: string;
  startEpisode(start: EpisodeStart): Promise<EpisodePolicy>;
  /** Releases what the agent holds (a child process, a connection); called once at the end of a run. */
  close?(): Promise<void>;
}
