import { describe, expect, it } from 'vitest';
import type { CapturedObservation, PageView } from '../../src/core/observation.js';
import { Rng } from '../../src/core/random.js';
import type { Proposal, Subtask } from '../../src/core/task.js';
import { HeuristicReviser } from '../../src/agents/heuristic/reviser.js';
import { deriveChecker } from '../../src/pipeline/derive-checker.js';
import { evaluatePredicates } from '../../src/environments/predicates.js';

const page = (url: string): PageView => ({ url, text: '', elements: [] });
const proposal: Proposal = {
  description: 'Set the priority of “Fix login” to “High”.',
  predicates: [{ kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'priorityLabel', equals: 'High' }],
  interaction: 'form',
  entities: ['Fix login', 'High'],
  proposedAt: '/tasks/1',
};
const attempt = (url: string) => ({
  stepCount: 2,
  actions: [
    {
      action: { type: 'click' as const, target: { role: 'link', name: 'Apollo' } },
      element: { role: 'link', name: 'Apollo', groundedBy: 'role-name' as const },
      outcome: { ok: true as const },
      urlAfter: url,
    },
  ],
  finalObservation: { url, title: 'Fix login · Trackly' } as CapturedObservation,
});
const before = { tasks: [{ id: 1, title: 'Fix login', priority: 'low', priorityLabel: 'Low', updatedAt: 'a' }], comments: [] };

async function revise(stateAfter: typeof before | Record<string, unknown[]>, urlAfter = 'http://x/tasks/1') {
  return new HeuristicReviser().revise({
    proposal,
    attempt: attempt(urlAfter),
    stateBefore: before,
    stateAfter: stateAfter as typeof before,
    pageBefore: page('http://x/tasks/1'),
    pageAfter: page(urlAfter),
    rng: new Rng(1),
  });
}

describe('heuristic reviser', () => {
  it('checks a created record whose label others share (a restored version) by its count, false before and true after', async () => {
    const versionsBefore = {
      ...before,
      versions: [
        { id: 1, title: 'Fix login', version: 1 },
        { id: 2, title: 'Fix login', version: 2 },
      ],
    };
    const after = { ...versionsBefore, versions: [...versionsBefore.versions, { id: 3, title: 'Fix login', version: 3 }] };
    const revised = await new HeuristicReviser().revise({
      proposal,
      attempt: attempt('http://x/tasks/1'),
      stateBefore: versionsBefore,
      stateAfter: after,
      pageBefore: page('http://x/tasks/1'),
      pageAfter: page('http://x/tasks/1'),
      rng: new Rng(1),
    });
    expect(revised?.predicates).toEqual([
      { kind: 'state-count', collection: 'versions', where: { title: 'Fix login' }, op: 'gte', count: 3 },
    ]);
    expect(await evaluatePredicates(revised!.predicates, { state: versionsBefore, page: page('http://x/') })).toEqual([false]);
    expect(await evaluatePredicates(revised!.predicates, { state: after, page: page('http://x/') })).toEqual([true]);
  });

  it('relabels a slipped edit to the value the attempt actually set, preferring the visible label', async () => {
    const revised = await revise({
      ...before,
      tasks: [{ ...before.tasks[0]!, priority: 'urgent', priorityLabel: 'Urgent', updatedAt: 'b' }],
    });
    expect(revised?.description).toBe('Set the priority of the task “Fix login” to “Urgent”.');
    expect(revised?.predicates).toEqual([
      { kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'priorityLabel', equals: 'Urgent' },
    ]);
    const [heldBefore] = await evaluatePredicates(revised!.predicates, { state: before, page: page('http://x/') });
    expect(heldBefore).toBe(false);
  });

  it('relabels a created record (e.g. a typo in the title) and a removed one', async () => {
    const created = await revise({ ...before, comments: [{ id: 9, body: 'Lokos good', taskId: 1 }] });
    expect(created?.description).toMatch(/^(Create a comment|Add the comment) “Lokos good”\.$/);
    expect(created?.entities).toEqual(['Lokos good']);
    const removed = await revise({ ...before, tasks: [] });
    expect(removed?.description).toBe('Delete the task “Fix login”.');
  });

  it('falls back to the page change, and gives up when nothing changed', async () => {
    const moved = await revise(before, 'http://x/projects/2');
    expect(moved?.predicates).toEqual([{ kind: 'url', includes: '/projects/2', exact: true }]);
    expect(await revise(before)).toBeUndefined();
  });

  it('does not relabel the page a rejected form post landed on as a navigation', async () => {
    const posted = attempt('http://x/tasks/1/comments');
    posted.actions[0] = {
      ...posted.actions[0]!,
      action: { type: 'click', target: { role: 'button', name: 'Post comment' } },
      element: { role: 'button', name: 'Post comment', groundedBy: 'role-name' },
    };
    const revised = await new HeuristicReviser().revise({
      proposal,
      attempt: posted,
      stateBefore: before,
      stateAfter: before,
      pageBefore: page('http://x/tasks/1'),
      pageAfter: page('http://x/tasks/1/comments'),
      rng: new Rng(1),
    });
    expect(revised).toBeUndefined();
  });
});

describe('heuristic reviser on a form that only navigates', () => {
  const goTo: Proposal = {
    description: 'Using the “Go to date” form, submit “2026-07-31” as the date.',
    predicates: [{ kind: 'state-value', value: '2026-07-31', present: true }],
    interaction: 'form',
    entities: ['2026-07-31'],
    affordance: 'form:Go to date',
    proposedAt: '/week/2026-06-15',
    plan: [
      { type: 'type', target: { role: 'textbox', name: 'Date' }, text: '2026-07-31' },
      { type: 'click', target: { role: 'button', name: 'Go' } },
    ],
  };
  const submitted = (urlAfter: string, text = '2026-07-31') => ({
    stepCount: 2,
    actions: [
      {
        action: { type: 'type' as const, target: { role: 'textbox', name: 'Date' }, text },
        outcome: { ok: true as const },
        urlAfter: 'http://x/week/2026-06-15',
      },
      { action: { type: 'click' as const, target: { role: 'button', name: 'Go' } }, outcome: { ok: true as const }, urlAfter },
    ],
    finalObservation: { url: urlAfter, title: 'Week' } as CapturedObservation,
  });
  const reviseGoTo = (urlAfter: string, stateAfter: Record<string, unknown[]> = before, typed?: string) =>
    new HeuristicReviser().revise({
      proposal: goTo,
      attempt: submitted(urlAfter, typed),
      stateBefore: before,
      stateAfter: stateAfter as typeof before,
      pageBefore: page('http://x/week/2026-06-15'),
      pageAfter: page(urlAfter),
      rng: new Rng(1),
    });

  it('keeps the task and checks the address it led to, which carries the typed value', async () => {
    const revised = await reviseGoTo('http://x/week/2026-07-31');
    expect(revised).toMatchObject({
      description: goTo.description,
      affordance: 'form:Go to date',
      interaction: 'form',
      entities: ['2026-07-31'],
      plan: [],
    });
    expect(revised?.predicates).toEqual([{ kind: 'url', includes: '/week/2026-07-31', exact: true }]);
    expect(await evaluatePredicates(revised!.predicates, { state: before, page: page('http://x/week/2026-06-15') })).toEqual([false]);
  });

  it('leaves alone a submit that landed on an address without the value, a slipped value, or a changed record', async () => {
    expect(await reviseGoTo('http://x/week/2026-06-22')).toBeUndefined();
    expect(await reviseGoTo('http://x/week/2026-07-13', before, '2026-07-13')).toBeUndefined();
    const changed = await reviseGoTo('http://x/week/2026-07-31', { ...before, comments: [{ id: 9, body: '2026-07-31', taskId: 1 }] });
    expect(changed?.predicates[0]?.kind).not.toBe('url');
  });
});

describe('derived level-k checker', () => {
  const subtask = (id: string, predicates: Subtask['predicates']): Subtask =>
    ({
      id,
      predicates,
      entities: [],
      description: id,
      interaction: 'form',
      proposedAt: '/',
      origin: 'proposed',
      status: 'accepted',
    }) as unknown as Subtask;

  it('keeps earlier predicates that still hold and every answer, drops the rest, and adds all of the last', async () => {
    const accepted = [
      subtask('s1', [{ kind: 'state-value', value: 'Fix login', present: true }]),
      subtask('s2', [
        { kind: 'url', includes: '/projects/1', exact: true },
        { kind: 'answer', includes: 'Low' },
      ]),
      subtask('s3', [{ kind: 'state-value', value: 'Ship it', present: true }]),
    ];
    const checker = await deriveChecker(accepted, {
      state: { tasks: [{ title: 'Fix login' }, { title: 'Ship it' }] },
      page: page('http://x/tasks/4'),
    });
    // The URL of step 2 no longer holds (its order is checked by the level being ordered); its
    // answer is read from the final answer, which lists every value asked for.
    expect(checker).toEqual([
      { kind: 'state-value', value: 'Fix login', present: true },
      { kind: 'answer', includes: 'Low' },
      { kind: 'state-value', value: 'Ship it', present: true },
    ]);
  });

  it('is the net change: an earlier predicate that already held where the chain started is left out', async () => {
    const accepted = [
      subtask('s1', [
        { kind: 'state-value', value: 'Fix login', present: true },
        { kind: 'state-value', value: 'Old task', present: true },
      ]),
      subtask('s2', [{ kind: 'state-value', value: 'Ship it', present: true }]),
    ];
    const start = { state: { tasks: [{ title: 'Old task' }] }, page: page('http://x/tasks') };
    const now = { state: { tasks: [{ title: 'Old task' }, { title: 'Fix login' }, { title: 'Ship it' }] }, page: page('http://x/tasks/4') };
    expect(await deriveChecker(accepted, now, start)).toEqual([
      { kind: 'state-value', value: 'Fix login', present: true },
      { kind: 'state-value', value: 'Ship it', present: true },
    ]);
    // Without the start, the same predicates are kept as before.
    expect(await deriveChecker(accepted, now)).toHaveLength(3);
  });

  it('keeps an earlier predicate that reads another page without evaluating it at the start', async () => {
    const accepted = [
      subtask('s1', [{ kind: 'text', path: '/tasks/4', text: 'Fix login', present: true }]),
      subtask('s2', [{ kind: 'state-value', value: 'Ship it', present: true }]),
    ];
    // The page at /tasks/4 shows the text both at the start and now: only the start is not read.
    const reads: string[] = [];
    const reader = { read: async (path?: string) => (reads.push(path ?? ''), { ...page('http://x/tasks/4'), text: 'Fix login' }) };
    const start = { state: { tasks: [] }, page: page('http://x/tasks'), reader };
    const now = { state: { tasks: [{ title: 'Ship it' }] }, page: page('http://x/tasks'), reader };
    const checker = await deriveChecker(accepted, now, start);
    expect(reads).toEqual(['/tasks/4']);
    expect(checker.map((predicate) => predicate.kind)).toEqual(['text', 'state-value']);
  });
});
