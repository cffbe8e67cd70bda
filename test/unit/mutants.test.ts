import { describe, expect, it } from 'vitest';
import type { Action, ExecutedAction } from '../../src/core/action.js';
import type { ChainRecord } from '../../src/core/chain.js';
import type { EnvironmentState } from '../../src/core/environment.js';
import type { Element, Observation } from '../../src/core/observation.js';
import { pageViewOf, readableText } from '../../src/core/page-text.js';
import type { Predicate } from '../../src/core/predicate.js';
import type { Step } from '../../src/core/step.js';
import type { Subtask } from '../../src/core/task.js';
import { emptyUsage } from '../../src/core/usage.js';
import { evaluatePredicates, holdsAll } from '../../src/environments/predicates.js';
import { decideLevel, ProgressTracker, type LevelDecider } from '../../src/pipeline/level-check.js';
import { editedText, planMutants, wrongAnswers, type MutantPlan } from '../../src/pipeline/mutants.js';

/**
 * Each kind of near-miss against a sound checker, which must reject it, and an unsound one, which
 * accepts it: the episode is given as the moments after each of its steps (state and page), and
 * judged as an evaluation judges it (subtasks in order for an ordered level, the checker at the end).
 */
interface Moment {
  state: EnvironmentState | undefined;
  url: string;
  snapshot: string;
  elements?: Element[];
}

async function passes(level: LevelDecider, moments: readonly Moment[], answer?: string): Promise<boolean> {
  const views = moments.map((moment) => ({
    state: moment.state,
    page: pageViewOf({ url: moment.url, snapshot: moment.snapshot, elements: moment.elements ?? [] }),
  }));
  let at = 0;
  const tracker = new ProgressTracker(level.subtaskChecks, (predicates) => holdsAll(predicates, views[at]!));
  for (at = 0; at < views.length; at += 1) await tracker.update(at + 1);
  at = views.length - 1;
  await tracker.finish(views.length, answer);
  const checkerAtEnd = await evaluatePredicates(level.checker, { ...views[at]!, ...(answer !== undefined ? { answer } : {}) });
  return decideLevel(level, checkerAtEnd, tracker.progress).success;
}

const element = (role: string, name: string, extra: Partial<Element> = {}): Element => ({
  ref: `e${name.length}`,
  role,
  name,
  path: [],
  ...extra,
});
const row = (label: string) => [`listitem "${label}"`];

/** A recorded chain of accepted subtasks, each with its steps (a `done` closes each). */
function chain(
  subtasks: Array<Pick<Subtask, 'interaction' | 'entities' | 'description' | 'predicates'> & { actions: Action[]; answer?: string }>,
): {
  record: Pick<ChainRecord, 'subtasks'>;
  steps: Step[];
} {
  const steps: Step[] = [];
  const records: Subtask[] = subtasks.map((subtask, index) => {
    const start = steps.length;
    for (const action of [...subtask.actions, { type: 'done' } as Action]) {
      const executed: ExecutedAction = { action, outcome: { ok: true }, urlAfter: 'http://app.test/' };
      const ref = {
        index: steps.length,
        url: 'http://app.test/',
        title: 't',
        screenshot: 's.webp',
        snapshot: `snapshots/${steps.length}.yaml`,
      };
      steps.push({
        index: steps.length,
        subtaskId: `c1-s${index + 1}`,
        before: ref,
        executed,
        after: ref,
        timings: { actionMs: 0, observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0, writeMs: 0 },
      });
    }
    return {
      ...subtask,
      id: `c1-s${index + 1}`,
      origin: 'proposed',
      status: 'accepted',
      level: index + 1,
      proposedAt: '/',
      steps: { start, end: steps.length },
      verdict: { success: true, before: [false], after: [true], reason: 'ok', method: 'checker' },
      usage: emptyUsage(),
      ...(subtask.answer !== undefined ? { answer: subtask.answer } : {}),
    } as Subtask;
  });
  return { record: { subtasks: records }, steps };
}

const kinds = (plans: MutantPlan[]) => plans.map((plan) => `${plan.kind} ${plan.subtask}`);

describe('drop a subtask', () => {
  // Filter the list to open tasks (a page, then left), then star "Fix login" (which opens the task).
  const filter: Predicate = { kind: 'url', includes: 'status=open' };
  const starred: Predicate = { kind: 'state-field', collection: 'tasks', match: { title: 'Fix login' }, field: 'starred', equals: true };
  const at = (url: string, isStarred: boolean): Moment => ({
    state: { tasks: [{ title: 'Fix login', starred: isStarred }] },
    url,
    snapshot: '',
  });
  const gold = [at('http://app.test/tasks?status=open', false), at('http://app.test/tasks/1', true)];
  const dropped = [at('http://app.test/tasks/1', true)];

  it('is rejected by an ordered level, which checks the filter where it happened, and passed by an end-state checker', async () => {
    const sound: LevelDecider = { checker: [starred], subtaskChecks: [[filter], [starred]], ordered: true };
    const unsound: LevelDecider = { checker: [starred], subtaskChecks: [[filter], [starred]] };
    for (const level of [sound, unsound]) expect(await passes(level, gold)).toBe(true);
    expect(await passes(sound, dropped)).toBe(false);
    expect(await passes(unsound, dropped)).toBe(true);
  });

  it('is planned for each subtask with steps, leaving out exactly its steps', () => {
    const { record, steps } = chain([
      {
        interaction: 'form',
        entities: ['Open'],
        description: 'Filter by “Open”.',
        predicates: [filter],
        actions: [
          { type: 'select', target: { role: 'combobox', name: 'Status' }, value: 'Open' },
          { type: 'click', target: { role: 'button', name: 'Apply' } },
        ],
      },
      {
        interaction: 'read',
        entities: ['Fix login'],
        description: 'Report the due date.',
        predicates: [{ kind: 'answer', includes: 'Jun 2' }],
        actions: [],
        answer: 'Jun 2',
      },
      {
        interaction: 'toggle',
        entities: ['Fix login'],
        description: 'Star “Fix login”.',
        predicates: [starred],
        actions: [{ type: 'click', target: { role: 'checkbox', name: 'Star “Fix login”' } }],
      },
    ]);
    const plans = planMutants(record, steps, new Set(['drop-subtask']));
    // The read has no step to leave out (its wrong answers are the near-misses there).
    expect(kinds(plans)).toEqual(['drop-subtask 1', 'drop-subtask 3']);
    expect([...plans[0]!.drop]).toEqual([0, 1]);
    expect([...plans[1]!.drop]).toEqual([4]);
  });
});

describe('change a stated value', () => {
  const created = (priority: string): EnvironmentState => ({ tasks: [{ id: 7, title: 'Ship it', priorityLabel: priority }] });
  const named: Predicate = { kind: 'state-value', value: 'Ship it', present: true };
  const priority: Predicate = {
    kind: 'state-field',
    collection: 'tasks',
    match: { title: 'Ship it' },
    field: 'priorityLabel',
    equals: 'High',
  };
  const moment = (label: string): Moment => ({ state: created(label), url: 'http://app.test/tasks/7', snapshot: '' });

  it('is rejected by a checker of every stated value and passed by one of the name alone', async () => {
    const sound: LevelDecider = { checker: [named, priority], subtaskChecks: [[named, priority]], ordered: true };
    const unsound: LevelDecider = { checker: [named], subtaskChecks: [[named]], ordered: true };
    expect(await passes(sound, [moment('High')])).toBe(true);
    expect(await passes(sound, [moment('Low')])).toBe(false);
    expect(await passes(unsound, [moment('Low')])).toBe(true);
  });

  it('edits each typed value the task states and picks another option of the same select, on the live page', () => {
    const { record, steps } = chain([
      {
        interaction: 'form',
        entities: ['Ship it', 'High'],
        description: 'Create “Ship it” with priority “High”.',
        predicates: [named],
        actions: [
          { type: 'type', target: { role: 'textbox', name: 'Title' }, text: 'Ship it' },
          { type: 'select', target: { role: 'combobox', name: 'Sort by' }, value: 'Newest' },
          { type: 'select', target: { role: 'combobox', name: 'Priority' }, value: 'High' },
          { type: 'click', target: { role: 'button', name: 'Add task' } },
        ],
      },
    ]);
    const plans = planMutants(record, steps, new Set(['change-value']));
    // The sort order the steps picked on the way is no stated value: any would do.
    expect(plans.map((plan) => plan.mutation)).toEqual([
      'type “Ship iu” instead of “Ship it” in “Title”',
      'pick another option than “High” in “Priority”',
    ]);
    const observation: Observation = {
      url: 'http://app.test/tasks/new',
      title: 'New task',
      snapshot: '',
      viewport: { width: 1280, height: 800 },
      elements: [element('combobox', 'Priority', { options: ['— choose —', 'Low', 'Medium', 'High', 'Urgent'] })],
    };
    const picked = plans[1]!.change!.apply({ type: 'select', target: { role: 'combobox', name: 'Priority' }, value: 'High' }, observation);
    expect(picked).toMatchObject({ action: { value: 'Urgent' }, detail: ': “Urgent”' });
    const typed = plans[0]!.change!.apply({ type: 'type', target: { role: 'textbox', name: 'Title' }, text: 'Ship it' }, observation);
    expect(typed?.action).toMatchObject({ text: 'Ship iu' });
  });

  it('never edits a value into one that contains it, and keeps dates and amounts valid', () => {
    for (const value of ['Ship it', '2026-06-24', '45', '$45.00', 'ana@example.com', 'Zz', '9'])
      expect(editedText(value).toLowerCase().includes(value.toLowerCase()), value).toBe(false);
    expect(editedText('2026-06-24')).toBe('2026-06-25');
    expect(editedText('ana@example.com')).toBe('anb@example.com');
  });
});

describe('act on the wrong row', () => {
  const rows = (starred: string): Moment => ({
    state: undefined,
    url: 'http://app.test/',
    snapshot: `- list:\n  - listitem "Buy milk"\n  - listitem "Walk dog"`,
    elements: ['Buy milk', 'Walk dog'].map((label) => element('button', label === starred ? '★' : '☆', { path: row(label) })),
  });

  it('is rejected by a check within the named row and passed by one of the glyph anywhere', async () => {
    const sound: LevelDecider = {
      checker: [{ kind: 'element', role: 'button', name: '★', within: 'Buy milk', present: true }],
      subtaskChecks: [],
      ordered: true,
    };
    const unsound: LevelDecider = { checker: [{ kind: 'element', role: 'button', name: '★', present: true }], subtaskChecks: [] };
    expect(await passes(sound, [rows('Buy milk')])).toBe(true);
    expect(await passes(sound, [rows('Walk dog')])).toBe(false);
    expect(await passes(unsound, [rows('Walk dog')])).toBe(true);
  });

  it('moves the row action to the first sibling row with the same control', () => {
    const { record, steps } = chain([
      {
        interaction: 'item-action',
        entities: ['Buy milk'],
        description: 'Star “Buy milk”.',
        predicates: [],
        actions: [{ type: 'click', target: { role: 'button', name: '☆', within: 'Buy milk' } }],
      },
    ]);
    const [plan] = planMutants(record, steps, new Set(['wrong-row']));
    const observation = {
      url: 'http://app.test/',
      title: 't',
      snapshot: '',
      viewport: { width: 1, height: 1 },
      elements: rows('nothing').elements!,
    };
    const moved = plan!.change!.apply({ type: 'click', target: { role: 'button', name: '☆', within: 'Buy milk', ref: 'e1' } }, observation);
    expect(moved).toMatchObject({ action: { target: { role: 'button', name: '☆', within: 'Walk dog' } }, detail: ': the row “Walk dog”' });
  });
});

describe('leave the form unsubmitted', () => {
  // The name typed into the form's field, and the submit never clicked: no new row.
  const typed: Moment = {
    state: undefined,
    url: 'http://app.test/',
    snapshot: '- textbox "Text":\n  - /placeholder: Enter text...\n  - text: Lunch with Sam\n- list',
  };
  const added: Moment = {
    state: undefined,
    url: 'http://app.test/',
    snapshot: '- textbox "Text"\n- list:\n  - listitem:\n    - text: Lunch with Sam',
  };

  it('is rejected by a check of what the page shows and passed by one of what the field holds', async () => {
    expect(readableText(typed.snapshot)).not.toContain('Lunch with Sam');
    const sound: LevelDecider = { checker: [{ kind: 'text', text: 'Lunch with Sam', present: true }], subtaskChecks: [], ordered: true };
    const field: Element = element('textbox', 'Text', { value: 'Lunch with Sam' });
    const unsound: LevelDecider = {
      checker: [{ kind: 'element', role: 'textbox', name: 'Text', value: 'Lunch with Sam', present: true }],
      subtaskChecks: [],
    };
    expect(await passes(sound, [added])).toBe(true);
    expect(await passes(sound, [typed])).toBe(false);
    expect(await passes(unsound, [{ ...typed, elements: [field] }])).toBe(true);
  });

  it('leaves out the last click or Enter of a form after its fields, unless that step changed nothing', () => {
    const { record, steps } = chain([
      {
        interaction: 'form',
        entities: ['Lunch with Sam'],
        description: 'Add “Lunch with Sam”.',
        predicates: [],
        actions: [
          { type: 'type', target: { role: 'textbox', name: 'Text' }, text: 'Lunch with Sam' },
          { type: 'click', target: { role: 'button', name: 'Add transaction' } },
        ],
      },
      {
        interaction: 'search',
        entities: ['soup'],
        description: 'Filter by “soup”.',
        predicates: [],
        actions: [
          { type: 'type', target: { role: 'searchbox', name: 'Search' }, text: 'soup' },
          { type: 'press', key: 'Enter', target: { role: 'searchbox', name: 'Search' } },
        ],
      },
    ]);
    expect(kinds(planMutants(record, steps, new Set(['no-submit'])))).toEqual(['no-submit 1', 'no-submit 2']);
    // The Enter in a box that filters as one types changed nothing: there is no submit to leave out.
    const plans = planMutants(record, steps, new Set(['no-submit']), { noOpSteps: new Set([4]) });
    expect(plans.map((plan) => [...plan.drop])).toEqual([[1]]);
  });
});

describe('answer wrong', () => {
  // Report a due date (subtask 1), archive a task, then report a count (subtask 3).
  const archived: Predicate = { kind: 'state-value', value: true, field: 'archived', present: true };
  const end: Moment = { state: { tasks: [{ archived: true }] }, url: 'http://app.test/', snapshot: '' };
  const checks = [[{ kind: 'answer', includes: 'Jun 2' }], [archived], [{ kind: 'answer', includes: '3' }]] as Predicate[][];

  it('is rejected when any asked value is wrong or left out by a checker of every value, and passed by one of the last', async () => {
    const sound: LevelDecider = { checker: [archived, ...checks[0]!, ...checks[2]!], subtaskChecks: checks, ordered: true };
    const unsound: LevelDecider = { checker: [archived, ...checks[2]!], subtaskChecks: checks };
    expect(await passes(sound, [end], 'Jun 2; 3')).toBe(true);
    const wrong = wrongAnswers(['Jun 2', '3']);
    expect(wrong.map((entry) => entry.answer)).toEqual(['3', 'Jun 3; 3', 'Jun 2', 'Jun 2; 4']);
    for (const entry of wrong) expect(await passes(sound, [end], entry.answer), entry.mutation).toBe(false);
    // The unsound checker never asks for the date: both of its near-misses pass.
    const survivors = [];
    for (const entry of wrong) if (await passes(unsound, [end], entry.answer)) survivors.push(entry.mutation);
    expect(survivors).toEqual(['leave “Jun 2” out of the answer', 'answer “Jun 3” instead of “Jun 2”']);
  });

  it('reads a value as a whole: "3" is not in "13" nor in "3.5"', async () => {
    const level: LevelDecider = { checker: [{ kind: 'answer', includes: '3' }], subtaskChecks: [] };
    expect(await passes(level, [end], '13')).toBe(false);
    expect(await passes(level, [end], 'There are 3.')).toBe(true);
    expect(await passes(level, [end], '3.5')).toBe(false);
  });
});
