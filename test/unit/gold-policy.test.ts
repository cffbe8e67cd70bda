import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/action.js';
import type { CapturedObservation, Element } from '../../src/core/observation.js';
import { Rng } from '../../src/core/random.js';
import type { Step } from '../../src/core/step.js';
import type { PolicyDecision } from '../../src/agents/policy.js';
import { GoldPolicy, goldSteps } from '../../src/eval/gold-policy.js';
import { agentSpecProblem, createEvalAgent, parseNoisyGold } from '../../src/eval/agent-spec.js';

const ORIGIN = 'http://127.0.0.1:4000';

function observation(elements: Array<Partial<Element> & { ref: string; role: string; name: string }>): CapturedObservation {
  return {
    url: `${ORIGIN}/mail/inbox`,
    title: 'Inbox',
    snapshot: '',
    elements: elements.map((element) => ({ path: [], box: { x: 10, y: 10, width: 50, height: 20 }, ...element })),
    viewport: { width: 1280, height: 800 },
    screenshotWebp: new Uint8Array(0),
    timings: { observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0 },
  };
}

function step(index: number, action: Action, element?: Step['executed']['element']): Step {
  const ref = { index, url: `http://127.0.0.1:3999/mail/inbox`, title: '', screenshot: '', snapshot: '' };
  return {
    index,
    subtaskId: 's',
    before: ref,
    after: ref,
    executed: { action, ...(element ? { element } : {}), outcome: { ok: true }, urlAfter: ref.url },
    timings: { actionMs: 0, observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0, writeMs: 0 },
  };
}

const actionOf = (decision: PolicyDecision) => (decision.kind === 'action' ? decision.action : undefined);
const input = (obs: CapturedObservation) => ({ observation: obs, history: [], step: 0, maxSteps: 10 });

describe('GoldPolicy', () => {
  const recorded = [
    step(0, { type: 'click', target: { ref: 'e9' } }, { ref: 'e9', role: 'link', name: 'Archive 1 unread', groundedBy: 'ref' }),
    step(1, { type: 'done' }),
    step(2, { type: 'navigate', url: 'http://127.0.0.1:3999/mail/archive?page=2' }),
    step(3, { type: 'done', answer: 'x' }),
  ];

  it('replays the gold range without the middle dones, on the live server, then says done with the answer', async () => {
    const gold = goldSteps(recorded, { start: 0, end: 4 });
    expect(gold.map((entry) => entry.index)).toEqual([0, 2]);
    const live = observation([{ ref: 'e3', role: 'link', name: 'Archive 1 unread' }]);
    const policy = new GoldPolicy(gold, 'Jul 19');
    // A ref-only recorded click is found again by the role and name it resolved to.
    expect(actionOf(await policy.next(input(live)))).toMatchObject({
      type: 'click',
      target: { ref: 'e3', role: 'link', name: 'Archive 1 unread' },
    });
    expect(actionOf(await policy.next(input(live)))).toEqual({ type: 'navigate', url: `${ORIGIN}/mail/archive?page=2` });
    expect(actionOf(await policy.next(input(live)))).toEqual({ type: 'done', answer: 'Jul 19' });
  });

  it('drops a ref that names another element on the live page and falls back to the recorded point', async () => {
    const gold = goldSteps(
      [step(0, { type: 'click', target: { role: 'link', name: 'Archive 1 unread', ref: 'e9', point: { x: 40, y: 300 } } })],
      { start: 0, end: 1 },
    );
    const live = observation([
      { ref: 'e9', role: 'link', name: 'Inbox 10 unread' },
      { ref: 'e10', role: 'link', name: 'Archive 2 unread' },
    ]);
    const action = actionOf(await new GoldPolicy(gold, undefined).next(input(live)));
    expect(action).toEqual({ type: 'click', target: { role: 'link', name: 'Archive 1 unread', point: { x: 40, y: 300 } } });
  });

  it('as noisy-gold, slips every step it can when P = 1 (a variant, or the step left out) and never when P = 0', async () => {
    const live = observation([
      { ref: 'e1', role: 'combobox', name: 'Status', value: 'Open', options: ['Open', 'Done', 'Blocked'] },
      { ref: 'e2', role: 'link', name: 'Billing' },
    ]);
    const gold = goldSteps(
      [
        step(0, { type: 'select', target: { role: 'combobox', name: 'Status' }, value: 'Done' }),
        step(1, { type: 'click', target: { role: 'link', name: 'Billing' } }),
      ],
      { start: 0, end: 2 },
    );
    const noisy = new GoldPolicy(gold, 'Done', { slipRate: 1, rng: new Rng(7) });
    expect(actionOf(await noisy.next(input(live)))).toMatchObject({ type: 'select', value: 'Blocked' });
    // The link has no plausible variant: it is left out, and the answer slips too.
    expect(actionOf(await noisy.next(input(live)))).toEqual({ type: 'done' });
    expect(noisy.slips).toEqual([0, 1]);
    const exact = new GoldPolicy(gold, 'Done', { slipRate: 0, rng: new Rng(7) });
    expect(actionOf(await exact.next(input(live)))).toMatchObject({ type: 'select', value: 'Done' });
  });

  it('slips a double click the way it slips a click: onto the next element of the same kind, still double-clicked', async () => {
    const live = observation([
      { ref: 'e1', role: 'cell', name: 'Q3' },
      { ref: 'e2', role: 'cell', name: 'Q4' },
    ]);
    const gold = goldSteps([step(0, { type: 'dblclick', target: { role: 'cell', name: 'Q3' } })], { start: 0, end: 1 });
    const noisy = new GoldPolicy(gold, undefined, { slipRate: 1, rng: new Rng(7) });
    expect(actionOf(await noisy.next(input(live)))).toEqual({ type: 'dblclick', target: { role: 'cell', name: 'Q4', ref: 'e2', nth: 0 } });
  });
});

describe('noisy-gold with per-kind slip rates', () => {
  it('parses P and KIND=R, and names the problem of a bad spec', () => {
    expect(parseNoisyGold('noisy-gold:0.05')).toEqual({ base: 0.05, byKind: {} });
    expect(parseNoisyGold('noisy-gold:0.02,form=0.4,search=.3')).toEqual({ base: 0.02, byKind: { form: 0.4, search: 0.3 } });
    expect(parseNoisyGold('noisy-gold:1.5')).toMatch(/probability from 0 to 1, got "noisy-gold:1.5"/);
    expect(parseNoisyGold('noisy-gold:0.1,forms=0.4')).toMatch(
      /KIND one of form, toggle, select, navigate, item-action, search, read, got "forms=0.4"/,
    );
    expect(parseNoisyGold('noisy-gold:0.1,form=2')).toMatch(/form=R .* got "form=2"/);
    expect(parseNoisyGold('noisy-gold:0.1,form=0.2,form=0.3')).toMatch(/each kind once/);
    expect(agentSpecProblem('noisy-gold:0.02,form=0.4')).toBeUndefined();
    expect(agentSpecProblem('noisy-gold:0.02,form')).toMatch(/form=R/);
  });

  it('slips each step at the rate of its subtask kind, the answer at the rate of the last subtask, and stops at a slip', async () => {
    // Steps 0-1 belong to a form subtask (always slips), step 2 to a navigate one (never), then the answer of a read.
    const recorded = [
      step(0, { type: 'select', target: { role: 'combobox', name: 'Status' }, value: 'Done' }),
      step(1, { type: 'select', target: { role: 'combobox', name: 'Status' }, value: 'Open' }),
      step(2, { type: 'select', target: { role: 'combobox', name: 'Status' }, value: 'Blocked' }),
    ];
    const live = observation([{ ref: 'e1', role: 'combobox', name: 'Status', value: 'Open', options: ['Open', 'Done', 'Blocked'] }]);
    const source = { id: 'run', kind: 'run' as const, tasks: [], steps: async () => recorded };
    const task = {
      source: 'run',
      chainId: 'c0001',
      level: 3,
      environment: 'app',
      envSeed: 1,
      startPath: '/',
      text: 't',
      checker: [],
      subtaskChecks: [],
      answer: '42',
      gold: { start: 0, end: 3 },
      subtasks: [
        { interaction: 'form' as const, steps: { start: 0, end: 2 } },
        { interaction: 'navigate' as const, steps: { start: 2, end: 3 } },
        { interaction: 'read' as const, steps: { start: 3, end: 3 } },
      ],
    };
    const run = async (spec: string, seed = 3) => {
      const policy = (await createEvalAgent(spec, { source }).startEpisode({ seed } as never, task)) as GoldPolicy;
      const actions = [];
      for (let index = 0; index < 5; index += 1) {
        const action = actionOf(await policy.next(input(live)));
        actions.push(action);
        if (action?.type === 'done') break;
      }
      return { actions, slips: policy.slips };
    };
    // With per-kind rates a slip is a failure at that step: the episode stops there, without the answer.
    const weakForm = await run('noisy-gold:0,form=1');
    expect(weakForm.slips).toEqual([0]);
    expect(weakForm.actions).toEqual([{ type: 'done' }]);
    const weakNavigate = await run('noisy-gold:0,navigate=1');
    expect(weakNavigate.slips).toEqual([2]);
    expect(weakNavigate.actions.map((action) => action?.type)).toEqual(['select', 'select', 'done']);
    expect(weakNavigate.actions[1]).toMatchObject({ value: 'Open' });
    expect(weakNavigate.actions[2]).toEqual({ type: 'done' });
    const weakRead = await run('noisy-gold:0,read=1');
    expect(weakRead.actions.at(-1)).toEqual({ type: 'done' });
    expect(weakRead.actions).toHaveLength(4);
    // The same task with every kind reliable: the answer is given.
    expect((await run('noisy-gold:0,form=0')).actions.at(-1)).toEqual({ type: 'done', answer: '42' });

    // A subtask of n steps at rate r is completed with probability (1−r)^n: here the form's two steps at 0.3.
    const episodes = 2000;
    let formDone = 0;
    for (let seed = 0; seed < episodes; seed += 1) if ((await run('noisy-gold:0,form=0.3', seed)).actions.length > 2) formDone += 1;
    const expected = 0.7 ** 2;
    expect(Math.abs(formDone / episodes - expected)).toBeLessThan(3 * Math.sqrt((expected * (1 - expected)) / episodes));
  });
});
