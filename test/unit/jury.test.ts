import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/chain.js';
import { EpisodeRecordSchema, EvalConfigSchema, type EpisodeRecord, type EvalRunMeta } from '../../src/core/eval.js';
import { judgeSpecsProblem, splitSpecs, tallyJury } from '../../src/core/jury.js';
import { ResultsSchema } from '../../src/core/results.js';
import { emptyUsage } from '../../src/core/usage.js';
import { juryAgreement, type JudgedEpisode } from '../../src/eval/jury-agreement.js';
import { renderResultsHtml } from '../../src/eval/report-html.js';
import { buildResults } from '../../src/eval/results.js';
import { agreementStats, balancedSample } from '../../src/eval/statistics.js';
import { AgentConfigSchema, unpricedSpecs, verifierSpecProblem, verifierSpecs } from '../../src/pipeline/agent-config.js';

describe('the jury rule: majority of the seats, a tie fails', () => {
  it('decides by more than half of the jurors, and calls any disagreement a split', () => {
    expect(tallyJury([true])).toMatchObject({ success: true, split: false });
    expect(tallyJury([false])).toMatchObject({ success: false, split: false });
    expect(tallyJury([true, true, false])).toMatchObject({ success: true, split: true, successes: 2, failures: 1 });
    expect(tallyJury([true, false, false])).toMatchObject({ success: false, split: true });
    expect(tallyJury([false, false, false])).toMatchObject({ success: false, split: false });
    expect(tallyJury([true, true, true])).toMatchObject({ success: true, split: false });
  });

  it('fails a tie', () => {
    expect(tallyJury([true, false])).toMatchObject({ success: false, split: true });
    expect(tallyJury([true, true, false, false])).toMatchObject({ success: false, split: true });
  });

  it('counts a juror without a valid verdict as a seat that did not say success', () => {
    // One yes, one abstention: a tie of the seats, so a failure, and a split jury.
    expect(tallyJury([true, undefined])).toMatchObject({ success: false, split: true, abstentions: 1 });
    expect(tallyJury([true, true, undefined])).toMatchObject({ success: true, split: true });
    expect(tallyJury([undefined, undefined])).toMatchObject({ success: false, split: false, abstentions: 2 });
    expect(() => tallyJury([])).toThrow(/at least one juror/);
  });

  it('reads judge specs from repeated and comma-separated flags, and names what is wrong with them', () => {
    expect(splitSpecs(['anthropic:a,openai:b', ' openai:c '])).toEqual(['anthropic:a', 'openai:b', 'openai:c']);
    expect(judgeSpecsProblem(['anthropic:a', 'openai:b'])).toBeUndefined();
    expect(judgeSpecsProblem(['anthropic:a', 'foo'])).toMatch(/anthropic:MODEL or openai:MODEL, got "foo"/);
    expect(judgeSpecsProblem(['anthropic:a', 'anthropic:a'])).toMatch(/distinct judges, got "anthropic:a" twice/);
  });
});

describe('a sample balanced by checker verdict', () => {
  const items = Array.from({ length: 30 }, (_, index) => ({ id: `e${String(index).padStart(2, '0')}`, positive: index % 5 === 0 }));
  const options = { label: (item: { positive: boolean }) => item.positive, key: (item: { id: string }) => item.id, seed: 7 };

  it('keeps the smaller class whole and draws as many of the larger, the same for a seed whatever the order', () => {
    const { sample, positives, negatives } = balancedSample(items, options);
    expect(positives).toBe(6);
    expect(negatives).toBe(6);
    expect(sample.filter((item) => item.positive)).toHaveLength(6);
    expect(sample.filter((item) => !item.positive)).toHaveLength(6);
    expect(balancedSample([...items].reverse(), options).sample).toEqual(sample);
    const other = balancedSample(items, { ...options, seed: 8 }).sample;
    expect(other.filter((item) => !item.positive)).not.toEqual(sample.filter((item) => !item.positive));
  });

  it('is empty when every item has the same label', () => {
    expect(balancedSample(items.slice(1, 5), options)).toEqual({ sample: [], positives: 0, negatives: 0 });
  });
});

/** Constructed verdicts: the checker's, and three judges' by spec. */
function judged(key: string, checker: boolean, votes: Record<string, boolean>): JudgedEpisode {
  const tally = tallyJury(Object.values(votes));
  return { key, checker, votes: new Map(Object.entries(votes)), jury: tally.success, split: tally.split };
}

describe('each judge and the jury against the checker on the balanced sample', () => {
  it('shows a judge that always says failure for what it is: high raw agreement, kappa 0, 50% balanced', () => {
    // A high level: 2 checker successes in 20. "Always failure" agrees on 18 of 20 raw.
    const episodes = Array.from({ length: 20 }, (_, index) => judged(`e${String(index).padStart(2, '0')}`, index < 2, { lazy: false }));
    const result = juryAgreement(['lazy'], episodes, { seed: 0 });
    const lazy = result.jurors[0]!;
    expect(lazy.all.agreement).toBeCloseTo(0.9, 10);
    expect(lazy.all.kappa).toBeCloseTo(0, 10);
    expect(result.sample).toEqual({ seed: 0, from: 20, checkerSuccesses: 2, checkerFailures: 2 });
    expect(lazy.balanced).toEqual({ episodes: 4, agreement: 0.5, recall: 0, kappa: 0 });
    expect(lazy.balanced.precision).toBeUndefined();
  });

  it("gives each juror's and the majority's accuracy, precision, recall and kappa, with ties failing", () => {
    // 4 checker successes, 8 failures. Judge a finds every success and passes 2 failures; b is
    // cautious (misses 2 successes, never passes a failure); c says success to everything.
    const episodes: JudgedEpisode[] = [];
    for (let index = 0; index < 12; index += 1) {
      const checker = index < 4;
      episodes.push(
        judged(`e${String(index).padStart(2, '0')}`, checker, {
          'anthropic:a': checker || index >= 10,
          'openai:b': checker && index < 2,
          'openai:c': true,
        }),
      );
    }
    const result = juryAgreement(['anthropic:a', 'openai:b', 'openai:c'], episodes, { seed: 3 });
    expect(result.sample.checkerSuccesses).toBe(4);
    expect(result.sample.checkerFailures).toBe(4);
    const [a, b, c] = result.jurors;
    // Unbalanced: a agrees on 10 of 12, b on 10 of 12, c on 4 of 12.
    expect(a!.all.agreement).toBeCloseTo(10 / 12, 10);
    expect(b!.all).toMatchObject({ episodes: 12, precision: 1, recall: 0.5 });
    expect(c!.all).toMatchObject({ episodes: 12, agreement: 4 / 12, precision: 4 / 12, recall: 1, kappa: 0 });
    expect(c!.balanced).toMatchObject({ episodes: 8, agreement: 0.5, recall: 1, kappa: 0 });
    // The jury: a and c say success on every checker success (2 of 3), and on e10, e11; b's "no"
    // carries the rest. So the jury = a here.
    for (const episode of episodes) expect(episode.jury).toBe(episode.votes.get('anthropic:a'));
    expect(result.jury.judge).toBe('jury');
    expect(result.jury.all).toEqual(a!.all);
    expect(result.jury.balanced).toEqual(a!.balanced);
    // The balanced figures agree with agreementStats over the sample the function drew.
    const sample = balancedSample(episodes, { label: (episode) => episode.checker, key: (episode) => episode.key, seed: 3 }).sample;
    expect(b!.balanced).toEqual(
      agreementStats(sample.map((episode) => ({ predicted: episode.votes.get('openai:b')!, actual: episode.checker }))),
    );
    expect(result.splits).toBe(10);
  });
});

function episode(id: string, checker: boolean, opinions: Record<string, boolean | undefined>): EpisodeRecord {
  const answered = Object.entries(opinions).filter((entry): entry is [string, boolean] => entry[1] !== undefined);
  const tally = tallyJury(Object.values(opinions));
  return EpisodeRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    episodeId: id,
    task: {
      source: 'fixture',
      chainId: id.slice(0, 5),
      level: 3,
      environment: 'project-tracker',
      envSeed: 1,
      startPath: '/',
      text: `task ${id}`,
      checker: [{ kind: 'answer', includes: 'x' }],
      subtaskChecks: [],
      gold: { start: 0, end: 3 },
    },
    repeat: 0,
    agent: 'fixture-agent',
    agentSeed: 1,
    maxSteps: 45,
    status: 'finished',
    endedBy: 'done',
    success: checker,
    stepCount: 3,
    usage: { ...emptyUsage(), steps: 3 },
    startedAt: '2026-11-29T00:00:00.000Z',
    jury: {
      success: tally.success,
      split: tally.split,
      opinions: answered.map(([model, success]) => ({ model, success, confidence: 0.9, reasons: ['seen'] })),
      abstained: Object.keys(opinions).filter((model) => opinions[model] === undefined),
    },
  });
}

function meta(config: Record<string, unknown>): EvalRunMeta {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'eval',
    runId: 'jury-run',
    tool: { name: 'trajsynth', version: 'test' },
    createdAt: '2026-11-29T00:00:00.000Z',
    updatedAt: '2026-11-29T00:00:00.000Z',
    status: 'complete',
    config: EvalConfigSchema.parse({
      source: 'fixture',
      sourceKind: 'run',
      agent: 'fixture-agent',
      levels: [3],
      validOnly: false,
      episodes: 1,
      maxStepsPerSubtask: 15,
      seed: 1,
      concurrency: 1,
      ...config,
    }),
    counts: { planned: 0, finished: 0, successes: 0, errors: 0 },
    usage: emptyUsage(),
  };
}

describe('results.json and the report with a jury', () => {
  it('scores a stored jury: the majority as `judge`, each juror and the jury on the balanced sample', () => {
    const judges = ['anthropic:a', 'openai:b'];
    const episodes = [
      episode('c0001-L3-e1', true, { 'anthropic:a': true, 'openai:b': true }),
      episode('c0002-L3-e1', true, { 'anthropic:a': true, 'openai:b': false }),
      episode('c0003-L3-e1', false, { 'anthropic:a': false, 'openai:b': false }),
      episode('c0004-L3-e1', false, { 'anthropic:a': true, 'openai:b': undefined }),
      episode('c0005-L3-e1', false, { 'anthropic:a': false, 'openai:b': false }),
    ];
    const results = buildResults([{ meta: meta({ judges }), episodes }]);
    expect(() => ResultsSchema.parse(results)).not.toThrow();
    const agent = results.agents[0]!;
    // The jury says success on c0001 only (c0002 and c0004 are ties): 4 of 5 agree with the checker.
    expect(agent.judge!.overall).toMatchObject({ episodes: 5, agreement: 0.8, precision: 1, recall: 0.5 });
    const jury = agent.jury!;
    expect(jury.judges).toEqual(judges);
    expect(jury.sample).toMatchObject({ from: 5, checkerSuccesses: 2, checkerFailures: 2 });
    expect(jury.jurors.map((juror) => juror.all.episodes)).toEqual([5, 4]);
    expect(jury.splits).toBe(2);
    const html = renderResultsHtml(results, '<svg></svg>');
    expect(html).toContain('Judges and jury vs checker, balanced sample');
    expect(html).toContain('2 checker successes and 2 checker failures, drawn with seed 0 from 5 judged episodes');
    expect(html).toContain('jury (majority)');
  });

  it('still reads an evaluation with one judge as before, and adds its balanced figures', () => {
    const single = (id: string, checker: boolean, says: boolean): EpisodeRecord => {
      const { jury: _jury, ...rest } = episode(id, checker, { 'anthropic:j': says });
      return { ...rest, judge: { model: 'anthropic:j', success: says, confidence: 0.9, reasons: ['seen'] } };
    };
    const episodes = [single('c0001-L3-e1', true, true), single('c0002-L3-e1', false, true), single('c0003-L3-e1', false, false)];
    const results = buildResults([{ meta: meta({ judge: 'anthropic:j' }), episodes }]);
    const agent = results.agents[0]!;
    expect(agent.judge!.overall).toMatchObject({ episodes: 3, agreement: 2 / 3, precision: 0.5, recall: 1 });
    expect(agent.jury).toMatchObject({ judges: ['anthropic:j'], splits: 0, sample: { checkerSuccesses: 1, checkerFailures: 1 } });
    expect(agent.jury!.jury.all).toEqual(agent.jury!.jurors[0]!.all);
  });
});

describe('a verifier jury in the agent config', () => {
  it('accepts comma-separated distinct judges for the verifier only, and prices each of them', () => {
    const config = AgentConfigSchema.parse({ roles: { verifier: 'anthropic:claude-haiku-4-5,openai:qwen-judge' } });
    expect(verifierSpecs(config.roles!.verifier!)).toEqual(['anthropic:claude-haiku-4-5', 'openai:qwen-judge']);
    expect(unpricedSpecs(config)).toEqual(['openai:qwen-judge']);
    expect(verifierSpecProblem('anthropic:a,foo')).toMatch(
      /Expected each judge of a jury to be anthropic:MODEL or openai:MODEL, got "foo"/,
    );
    expect(verifierSpecProblem('anthropic:a,anthropic:a')).toMatch(/distinct judges/);
    expect(verifierSpecProblem('heuristic')).toBeUndefined();
    expect(AgentConfigSchema.safeParse({ roles: { verifier: 'anthropic:a,heuristic' } }).success).toBe(false);
    expect(AgentConfigSchema.safeParse({ roles: { executor: 'anthropic:a,openai:b' } }).success).toBe(false);
    expect(AgentConfigSchema.safeParse({ roles: { judge: 'anthropic:a' } }).success).toBe(false);
  });
});
