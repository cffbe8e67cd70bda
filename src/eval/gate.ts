import type { Results } from '../core/results.js';

export interface Regression {
  agent: string;
  level: number;
  baseline: number;
  current: number;
  /** baseline - current, in rate units (0.05 = five points). */
  drop: number;
}

export interface GateOutcome {
  regressions: Regression[];
  /** Agent and level pairs compared. */
  compared: number;
  /** Agents of the current results with no counterpart in the baseline. */
  unmatched: string[];
}

/**
 * The regression gate: every level where an agent's success rate fell by more than `maxDrop` from
 * the baseline. Agents are matched by their spec; when each side has exactly one agent, those two
 * are compared whatever their specs (a new version of the same agent).
 */
export function findRegressions(current: Results, baseline: Results, maxDrop: number): GateOutcome {
  const regressions: Regression[] = [];
  const unmatched: string[] = [];
  let compared = 0;
  for (const agent of current.agents) {
    const before =
      current.agents.length === 1 && baseline.agents.length === 1
        ? baseline.agents[0]
        : baseline.agents.find((candidate) => candidate.agent === agent.agent);
    if (!before) {
      unmatched.push(agent.label);
      continue;
    }
    for (const level of agent.levels) {
      const old = before.levels.find((candidate) => candidate.level === level.level);
      if (level.success === undefined || old?.success === undefined) continue;
      compared += 1;
      const drop = old.success - level.success;
      if (drop > maxDrop + 1e-12)
        regressions.push({ agent: agent.label, level: level.level, baseline: old.success, current: level.success, drop });
    }
  }
  return { regressions, compared, unmatched };
}
