import { describe, expect, it } from 'vitest';
import type { Action, ExecutedAction } from '../../src/core/action.js';
import type { Element, Observation } from '../../src/core/observation.js';
import { Rng } from '../../src/core/random.js';
import type { Proposal } from '../../src/core/task.js';
import { findAffordances } from '../../src/agents/heuristic/affordances.js';
import { taskAsExecuted } from '../../src/agents/heuristic/as-executed.js';
import { proposalFromAffordance } from '../../src/agents/heuristic/propose-from-affordance.js';
import { HeuristicReviser } from '../../src/agents/heuristic/reviser.js';
import { PERSONAS } from '../../src/agents/personas.js';

/** A to-do page as a site with no state probe shows it: unlabeled row checkboxes, an Enter-submitted field, a select. */
let refs = 0;
function el(role: string, name: string, path: string[], extra: Partial<Element> = {}): Element {
  refs += 1;
  return { ref: `e${refs}`, role, name, path, box: { x: 10, y: 30 * refs, width: 20, height: 20 }, ...extra };
}
const row = (text: string) => ['main', 'list', `listitem "${text}"`];
const todo: Observation = {
  url: 'http://site.test/',
  title: 'Errands',
  snapshot: '',
  viewport: { width: 1280, height: 2000 },
  elements: [
    el('heading', 'errands', ['main'], { level: 1, text: 'errands' }),
    el('textbox', 'What needs to be done?', ['main'], { value: '' }),
    el('checkbox', '', row('Buy milk and eggs'), { checked: false }),
    el('generic', '', row('Buy milk and eggs'), { text: 'Buy milk and eggs' }),
    el('checkbox', '', row('Return library books'), { checked: false }),
    el('generic', '', row('Return library books'), { text: 'Return library books' }),
    el('combobox', 'Sort by', ['main'], { value: 'Newest', options: ['Newest', 'Oldest', 'Alphabetical'] }),
  ],
};
const persona = PERSONAS[0]!;

function proposalFor(key: string): Proposal {
  const affordance = findAffordances(todo).find((candidate) => candidate.key === key);
  expect(affordance, key).toBeDefined();
  const proposal = proposalFromAffordance({
    affordance: affordance!,
    observation: todo,
    persona,
    rng: new Rng(4),
    hasStateProbe: false,
    chainEntities: [],
  });
  expect(proposal?.plan?.length).toBeGreaterThan(0);
  return proposal!;
}

/** The plan as an executor carried it out, with `change` applied to step `at` (a slip), and the closing `done`. */
function carriedOut(plan: readonly Action[], change?: { at: number; action: Action; ref?: string }): ExecutedAction[] {
  const steps = plan.map((action, index): ExecutedAction => {
    const taken = change && change.at === index ? change.action : action;
    const ref = change && change.at === index ? change.ref : 'target' in action && action.target ? action.target.ref : undefined;
    return {
      action: taken,
      ...(ref ? { element: { ref, groundedBy: 'role-name' as const } } : {}),
      outcome: { ok: true },
      urlAfter: todo.url,
    };
  });
  return [...steps, { action: { type: 'done' }, outcome: { ok: true }, urlAfter: todo.url }];
}

const checkboxOf = (item: string) =>
  todo.elements.find((element) => element.role === 'checkbox' && element.path.at(-1) === `listitem "${item}"`)!;

describe('relabeling a slip as what was done (no state probe needed)', () => {
  it('turns a click on the neighbouring row’s checkbox into the task for that row', async () => {
    const intended = proposalFor('toggle:row “Buy milk and eggs”');
    const neighbour = checkboxOf('Return library books');
    const slipped: Action = { type: 'click', target: { role: 'checkbox', name: '', ref: neighbour.ref } };
    const revised = taskAsExecuted({
      proposal: intended,
      actions: carriedOut(intended.plan!, { at: 0, action: slipped, ref: neighbour.ref }),
      observationBefore: todo,
      persona,
      hasStateProbe: false,
    });
    expect(revised?.description).toContain('Return library books');
    expect(revised?.description).not.toContain('Buy milk');
    expect(revised?.predicates).toEqual([
      expect.objectContaining({ kind: 'element', role: 'checkbox', within: 'Return library books', checked: true }),
    ]);
    expect(revised?.affordance).toBe('toggle:row “Return library books”');
    // The reviser gives the same relabel on a site without a state probe.
    const page = { url: todo.url, text: '', elements: todo.elements };
    const viaReviser = await new HeuristicReviser().revise({
      proposal: intended,
      attempt: {
        stepCount: 2,
        actions: carriedOut(intended.plan!, { at: 0, action: slipped, ref: neighbour.ref }),
        finalObservation: { ...todo, screenshot: Buffer.alloc(0) } as never,
      },
      stateBefore: undefined,
      stateAfter: undefined,
      pageBefore: page,
      pageAfter: page,
      rng: new Rng(1),
      observationBefore: { ...todo, screenshot: Buffer.alloc(0) } as never,
      persona,
    });
    expect(viaReviser?.description).toBe(revised?.description);
  });

  it('puts the text really typed, or the option really chosen, in place of the planned one', () => {
    const entry = proposalFor('entry:What needs to be done?');
    const typing = entry.plan!.findIndex((action) => action.type === 'type');
    const planned = entry.plan![typing]! as Extract<Action, { type: 'type' }>;
    const typo = planned.text.slice(0, 2) + planned.text[3] + planned.text[2] + planned.text.slice(4);
    const revised = taskAsExecuted({
      proposal: entry,
      actions: carriedOut(entry.plan!, { at: typing, action: { ...planned, text: typo } }),
      observationBefore: todo,
      persona,
      hasStateProbe: false,
    })!;
    expect(revised.description).toContain(typo);
    expect(revised.description).not.toContain(planned.text);
    expect(JSON.stringify(revised.predicates)).toContain(typo);
    expect(JSON.stringify(revised.predicates)).not.toContain(planned.text);

    const sort = proposalFor('select:Sort by');
    const choosing = sort.plan![0]! as Extract<Action, { type: 'select' }>;
    const other = ['Oldest', 'Alphabetical'].find((option) => option !== choosing.value)!;
    const chosen = taskAsExecuted({
      proposal: sort,
      actions: carriedOut(sort.plan!, { at: 0, action: { ...choosing, value: other } }),
      observationBefore: todo,
      persona,
      hasStateProbe: false,
    })!;
    expect(chosen.description).toContain(other);
    expect(chosen.predicates).toEqual([expect.objectContaining({ role: 'combobox', name: 'Sort by', value: other })]);
  });

  it('relabels nothing when the attempt did as planned, stopped early or had a step fail', () => {
    const intended = proposalFor('toggle:row “Buy milk and eggs”');
    const exact = carriedOut(intended.plan!);
    expect(taskAsExecuted({ proposal: intended, actions: exact, observationBefore: todo, persona, hasStateProbe: false })).toBeUndefined();
    const entry = proposalFor('entry:What needs to be done?');
    const typing = entry.plan!.findIndex((action) => action.type === 'type');
    const planned = entry.plan![typing]! as Extract<Action, { type: 'type' }>;
    const typo = carriedOut(entry.plan!, { at: typing, action: { ...planned, text: `${planned.text}x` } });
    expect(
      taskAsExecuted({ proposal: entry, actions: typo.slice(0, typing + 1), observationBefore: todo, persona, hasStateProbe: false }),
    ).toBeUndefined();
    const failed = typo.map((executed, index) =>
      index === typo.length - 2 ? { ...executed, outcome: { ok: false as const, error: 'timeout' } } : executed,
    );
    expect(taskAsExecuted({ proposal: entry, actions: failed, observationBefore: todo, persona, hasStateProbe: false })).toBeUndefined();
  });
});

describe('trying again a control the executor missed', () => {
  it('proposes it again at the next level after its attempt was relabeled to another control, never otherwise', async () => {
    const { HeuristicProposer } = await import('../../src/agents/heuristic/proposer.js');
    const key = 'toggle:row “Buy milk and eggs”';
    const failed = { id: 'c1-s01', proposedAt: '/', interaction: 'toggle', affordance: key, status: 'failed' } as never;
    const relabeled = {
      id: 'c1-s02',
      proposedAt: '/',
      interaction: 'toggle',
      affordance: 'toggle:row “Return library books”',
      status: 'accepted',
      origin: 'revised',
      revisedFrom: 'c1-s01',
      entities: [],
    } as never;
    const failedElsewhere = { ...(relabeled as object), revisedFrom: undefined } as never;
    const count = async (accepted: never[], retry: number) => {
      let times = 0;
      for (let seed = 0; seed < 40; seed += 1) {
        const proposal = await new HeuristicProposer({ followUp: true }).propose({
          observation: todo,
          persona,
          chain: { accepted, attempted: [failed, ...accepted], explored: new Set([key]), avoid: new Set([key]) },
          rng: new Rng(seed),
          retry,
          hasStateProbe: false,
        });
        if (proposal?.affordance === key) times += 1;
      }
      return times;
    };
    expect(await count([relabeled], 0)).toBeGreaterThan(0);
    expect(await count([relabeled], 1)).toBe(0);
    expect(await count([failedElsewhere], 0)).toBe(0);
  });
});
