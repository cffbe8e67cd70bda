import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/chain.js';
import type { EpisodeRecord, EvalRunMeta } from '../../src/core/eval.js';
import { ResultsSchema, type Results } from '../../src/core/results.js';
import { emptyUsage } from '../../src/core/usage.js';
import { compareRuns } from '../../src/eval/compare.js';
import { findRegressions } from '../../src/eval/gate.js';
import { buildResults, failureCategory, type EvalRunData } from '../../src/eval/results.js';

interface EpisodeSpec {
  chain: string;
  level: number;
  success?: boolean;
  progress?: number;
  steps?: number;
  wallMs?: number;
  costUsd?: number | undefined;
  agentCostUsd?: number;
  error?: string;
  endedBy?: EpisodeRecord['endedBy'];
  checkerAtEnd?: boolean[];
  judge?: boolean;
  repeat?: number;
}

function episode(spec: EpisodeSpec): EpisodeRecord {
  const id = `${spec.chain}-L${spec.level}-e${(spec.repeat ?? 0) + 1}`;
  const base: EpisodeRecord = {
    schemaVersion: SCHEMA_VERSION,
    episodeId: id,
    task: {
      source: 'fixture',
      chainId: spec.chain,
      level: spec.level,
      environment: 'project-tracker',
      envSeed: 1,
      startPath: '/',
      text: `task ${id}`,
      checker: [
        { kind: 'element', role: 'checkbox', name: 'Mark “A” done', present: true, checked: true },
        { kind: 'answer', includes: 'Jul 1' },
      ],
      subtaskChecks: [],
      gold: { start: 0, end: 3 },
    },
    repeat: spec.repeat ?? 0,
    agent: 'fixture-agent',
    agentSeed: 1,
    maxSteps: 15 * spec.level,
    status: spec.error ? 'error' : 'finished',
    invalidAnswers: [],
    stepCount: spec.steps ?? 4,
    usage: { ...emptyUsage(), steps: spec.steps ?? 4, wallMs: spec.wallMs ?? 1000, costUsd: 'costUsd' in spec ? spec.costUsd : 0.01 },
    startedAt: '2026-11-29T00:00:00.000Z',
  };
  if (spec.error)
    return {
      ...base,
      endedBy: 'error',
      error: { code: 'AGENT_UNAVAILABLE', message: `Expected the agent to answer step 3 of ${id}: ${spec.error}` },
    };
  return {
    ...base,
    endedBy: spec.endedBy ?? 'done',
    success: spec.success ?? false,
    ...(spec.progress !== undefined ? { progress: spec.progress } : {}),
    checkerAtEnd: spec.checkerAtEnd ?? (spec.success ? [true, true] : [false, true]),
    ...(spec.agentCostUsd !== undefined ? { agentUsage: { costUsd: spec.agentCostUsd } } : {}),
    ...(spec.judge !== undefined ? { judge: { success: spec.judge, confidence: 0.9, reasons: ['seen'], model: 'anthropic:judge' } } : {}),
  };
}

function run(runId: string, agent: string, episodes: EpisodeRecord[]): EvalRunData {
  const meta: EvalRunMeta = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'eval',
    runId,
    tool: { name: 'trajsynth', version: 'test' },
    createdAt: '2026-11-29T00:00:00.000Z',
    updatedAt: '2026-11-29T00:00:00.000Z',
    status: 'complete',
    config: {
      source: 'fixture',
      sourceKind: 'run',
      agent,
      levels: [1, 2],
      validOnly: false,
      episodes: 1,
      maxStepsPerSubtask: 15,
      seed: 1,
      concurrency: 1,
    },
    counts: { planned: episodes.length, finished: 0, successes: 0, errors: 0 },
    usage: emptyUsage(),
  };
  return { meta, episodes };
}

/** Three chains; level 1: 2 of 3 succeed; level 2: 1 of 2 finished succeed, one error. */
const FIXTURE = run('fixture-eval', 'fixture-agent', [
  episode({ chain: 'c0001', level: 1, success: true, progress: 1, steps: 2, wallMs: 1000, judge: true }),
  episode({ chain: 'c0002', level: 1, success: true, progress: 1, steps: 4, wallMs: 2000, agentCostUsd: 0.02, judge: true }),
  episode({ chain: 'c0003', level: 1, success: false, progress: 0, steps: 6, wallMs: 3000, judge: true }),
  episode({ chain: 'c0001', level: 2, success: true, progress: 2, steps: 8, wallMs: 4000, judge: false }),
  episode({
    chain: 'c0002',
    level: 2,
    success: false,
    progress: 1,
    steps: 30,
    wallMs: 5000,
    endedBy: 'step-limit',
    checkerAtEnd: [true, false],
    judge: false,
  }),
  episode({ chain: 'c0003', level: 2, error: 'could not reach it (ECONNREFUSED)' }),
]);

describe('report numbers (checked by hand)', () => {
  const results = buildResults([FIXTURE]);
  const agent = results.agents[0]!;
  const [level1, level2] = agent.levels;

  it('is a valid, versioned results file', () => {
    expect(ResultsSchema.parse(results)).toBeTruthy();
    expect(results).toMatchObject({ schema: 'trajsynth-results', version: 1, bootstrap: { resamples: 2000, seed: 0 } });
  });

  it('gives success by level with 95% Wilson intervals, errors left out of the denominator', () => {
    // Level 1: 2/3. Wilson with z = 1.95996: center (p + z²/2n)/(1 + z²/n) = 0.57278,
    // half-width 0.36513 → [0.20766, 0.93851].
    expect(level1).toMatchObject({ level: 1, tasks: 3, episodes: 3, successes: 2, errors: 0 });
    expect(level1!.success).toBeCloseTo(2 / 3, 10);
    expect(level1!.successCi!.low).toBeCloseTo(0.20766, 4);
    expect(level1!.successCi!.high).toBeCloseTo(0.93851, 4);
    // Level 2: 1/2 finished (the error is not a failure) → [0.09453, 0.90547].
    expect(level2).toMatchObject({ level: 2, tasks: 2, episodes: 2, successes: 1, errors: 1 });
    expect(level2!.successCi!.low).toBeCloseTo(0.09453, 4);
    expect(level2!.successCi!.high).toBeCloseTo(0.90547, 4);
  });

  it('averages progress, steps, wall time and dollars per episode and per success', () => {
    expect(level1!.meanProgress).toBeCloseTo(2 / 3, 10);
    expect(level1!.meanSteps).toBeCloseTo(4, 10);
    expect(level1!.wallMsPerEpisode).toBeCloseTo(2000, 10);
    // $0.01 metered per episode, plus $0.02 one agent reported: 0.05 over 3 episodes, 2 successes.
    expect(level1!.costUsdPerEpisode).toBeCloseTo(0.05 / 3, 10);
    expect(level1!.costUsdPerSuccess).toBeCloseTo(0.025, 10);
    expect(level2!.meanProgress).toBeCloseTo(1.5, 10);
    // A progress interval from a bootstrap over chains lies within the observed per-chain values.
    expect(level2!.progressCi!.low).toBeGreaterThanOrEqual(1);
    expect(level2!.progressCi!.high).toBeLessThanOrEqual(2);
  });

  it('pools over chains with a clustered bootstrap and counts errors and failures by reason', () => {
    expect(agent.pooled).toMatchObject({ episodes: 5, successes: 3, chains: 3 });
    expect(agent.pooled.success).toBeCloseTo(0.6, 10);
    // Progress as a fraction of the level: (1 + 1 + 0 + 1 + 0.5) / 5.
    expect(agent.pooled.progressFraction).toBeCloseTo(0.7, 10);
    expect(agent.pooled.successCi!.low).toBeLessThanOrEqual(0.6);
    expect(agent.pooled.successCi!.high).toBeGreaterThanOrEqual(0.6);
    expect(agent.errors).toBe(1);
    expect(agent.errorReasons).toEqual([
      { reason: 'AGENT_UNAVAILABLE: Expected the agent to answer step <n> of <episode>: could not reach it (ECONNREFUSED)', count: 1 },
    ]);
    expect(agent.failureReasons).toEqual([
      { reason: 'said done; unmet element', count: 1 },
      { reason: 'step limit reached; unmet answer', count: 1 },
    ]);
    expect(failureCategory(episode({ chain: 'c9', level: 1, endedBy: 'invalid-actions' }))).toBe('ended by invalid answers');
  });

  it('leaves dollars undefined when a call was unpriced, never $0', () => {
    const unpriced = buildResults([run('u', 'a', [episode({ chain: 'c0001', level: 1, success: true, costUsd: undefined })])]);
    expect(unpriced.agents[0]!.levels[0]!.costUsdPerEpisode).toBeUndefined();
    expect(unpriced.agents[0]!.pooled.costUsd).toBeUndefined();
  });

  it("measures the judge's agreement with the checker: agreement, precision, recall, kappa", () => {
    // Judge says success on the 3 level-1 episodes (checker: 2 yes, 1 no) and failure on the 2
    // level-2 ones (checker: 1 yes, 1 no): TP 2, FP 1, FN 1, TN 1.
    const judge = agent.judge!.overall;
    expect(judge.episodes).toBe(5);
    expect(judge.agreement).toBeCloseTo(3 / 5, 10);
    expect(judge.precision).toBeCloseTo(2 / 3, 10);
    expect(judge.recall).toBeCloseTo(2 / 3, 10);
    // po = 0.6; pe = (3/5)(3/5) + (2/5)(2/5) = 0.52; kappa = 0.08 / 0.48.
    expect(judge.kappa).toBeCloseTo(0.08 / 0.48, 10);
    expect(agent.judge!.levels.map((level) => level.level)).toEqual([1, 2]);
    expect(agent.judge!.levels[0]!.precision).toBeCloseTo(2 / 3, 10);
  });
});

describe('regression gate', () => {
  const results = (rates: Record<number, number>, agent = 'fixture-agent'): Results => ({
    schema: 'trajsynth-results',
    version: 1,
    generatedAt: '',
    tool: { name: 'trajsynth', version: 'test' },
    bootstrap: { resamples: 10, seed: 0 },
    agents: [
      {
        label: agent,
        agent,
        runs: ['r'],
        levels: Object.entries(rates).map(([level, success]) => ({
          level: Number(level),
          tasks: 10,
          episodes: 10,
          successes: Math.round(success * 10),
          success,
          errors: 0,
        })),
        pooled: { episodes: 0, successes: 0, chains: 0 },
        errors: 0,
        errorReasons: [],
        failureReasons: [],
      },
    ],
  });

  it('names the levels where success fell by more than the threshold', () => {
    const outcome = findRegressions(results({ 1: 0.9, 2: 0.5, 3: 0.3 }), results({ 1: 0.9, 2: 0.6, 3: 0.31 }), 0.02);
    expect(outcome.compared).toBe(3);
    expect(outcome.regressions).toHaveLength(1);
    expect(outcome.regressions[0]).toMatchObject({ level: 2, baseline: 0.6, current: 0.5 });
    expect(outcome.regressions[0]!.drop).toBeCloseTo(0.1, 10);
  });

  it('passes a drop at the threshold, a rise, and an agent renamed when each side has one', () => {
    expect(findRegressions(results({ 1: 0.88, 2: 0.7 }, 'v2'), results({ 1: 0.9, 2: 0.6 }, 'v1'), 0.02).regressions).toEqual([]);
  });
});

describe('compare', () => {
  it('counts wins by success then progress, and rates the stronger agent higher', () => {
    const strong = run('strong-eval', 'strong', [
      episode({ chain: 'c0001', level: 1, success: true, progress: 1 }),
      episode({ chain: 'c0002', level: 1, success: true, progress: 1 }),
      episode({ chain: 'c0003', level: 1, success: false, progress: 0 }),
      episode({ chain: 'c0003', level: 2, success: false, progress: 1 }),
      episode({ chain: 'c0004', level: 1, success: true, progress: 1 }),
    ]);
    const weak = run('weak-eval', 'weak', [
      episode({ chain: 'c0001', level: 1, success: false, progress: 0 }),
      episode({ chain: 'c0002', level: 1, success: true, progress: 1 }),
      episode({ chain: 'c0003', level: 1, success: false, progress: 0 }),
      episode({ chain: 'c0003', level: 2, success: false, progress: 0 }),
    ]);
    const comparison = compareRuns([strong, weak], { resamples: 200 });
    // Shared: c0001/L1 (win), c0002/L1 (tie), c0003/L1 (tie), c0003/L2 (win on progress); c0004 only in one run.
    expect(comparison.sharedTasks).toBe(4);
    expect(comparison.sharedChains).toBe(3);
    expect(comparison.pairs[0]).toMatchObject({ a: 'strong', b: 'weak', winsA: 2, winsB: 0, ties: 2, winRateA: 0.75 });
    expect(comparison.ratings.map((rating) => rating.agent)).toEqual(['strong', 'weak']);
    expect(comparison.ratings[0]!.rating).toBeGreaterThan(1000);
    expect(comparison.ratings[0]!.rating + comparison.ratings[1]!.rating).toBeCloseTo(2000, 6);
    expect(comparison.ratings[0]!.ci!.low).toBeLessThanOrEqual(comparison.ratings[0]!.rating);
    expect(comparison.ratings[0]!.ci!.high).toBeGreaterThanOrEqual(comparison.ratings[0]!.rating);
  });
});
