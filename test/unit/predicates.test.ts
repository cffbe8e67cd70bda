import { describe, expect, it } from 'vitest';
import type { Element, PageView } from '../../src/core/observation.js';
import { describePredicate, PredicateSchema, type Predicate } from '../../src/core/predicate.js';
import { evaluatePredicates } from '../../src/environments/predicates.js';

const state = {
  tasks: [
    { id: 1, title: 'Fix login bug', status: 'todo', priority: 'high', projectId: 2 },
    { id: 2, title: 'Write docs', status: 'done', priority: 'low', projectId: 2 },
  ],
  projects: [{ id: 2, name: 'Apollo' }],
};

function element(partial: Partial<Element> & Pick<Element, 'role' | 'name'>): Element {
  return { ref: 'e1', path: [], ...partial };
}

const page: PageView = {
  url: 'http://127.0.0.1:1234/search?q=Fix+login',
  text: 'Results for “Fix login”  1 task',
  elements: [
    element({ role: 'checkbox', name: 'Mark “Fix login bug” done', checked: false }),
    element({ role: 'combobox', name: 'Priority', value: 'High' }),
  ],
};

async function check(predicate: Predicate, extra: { answer?: string } = {}): Promise<boolean> {
  PredicateSchema.parse(predicate);
  const [value] = await evaluatePredicates([predicate], { state, page, ...extra });
  return value!;
}

describe('predicates over the probe state', () => {
  it('state-value finds a value in any collection, or in a named collection and field', async () => {
    expect(await check({ kind: 'state-value', value: 'Fix login bug', present: true })).toBe(true);
    expect(await check({ kind: 'state-value', value: 'Fix login bug', collection: 'projects', present: true })).toBe(false);
    expect(await check({ kind: 'state-value', value: 'Apollo', collection: 'projects', field: 'name', present: true })).toBe(true);
    expect(await check({ kind: 'state-value', value: 'Missing', present: false })).toBe(true);
    expect(await check({ kind: 'state-value', value: 'Write docs', present: false })).toBe(false);
  });

  it('state-field matches a record and compares one field', async () => {
    expect(await check({ kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'status', equals: 'todo' })).toBe(true);
    expect(await check({ kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'status', equals: 'done' })).toBe(false);
  });

  it('state-count compares counts with a filter', async () => {
    expect(await check({ kind: 'state-count', collection: 'tasks', where: { projectId: 2 }, op: 'eq', count: 2 })).toBe(true);
    expect(await check({ kind: 'state-count', collection: 'tasks', where: { status: 'done' }, op: 'gt', count: 1 })).toBe(false);
  });

  it('state predicates are false without a probe', async () => {
    const [value] = await evaluatePredicates([{ kind: 'state-value', value: 'Apollo', present: true }], { state: undefined, page });
    expect(value).toBe(false);
  });
});

describe('predicates over the page and the answer', () => {
  it('url matches the decoded path and query', async () => {
    expect(await check({ kind: 'url', includes: 'q=Fix login' })).toBe(true);
    expect(await check({ kind: 'url', includes: '/projects' })).toBe(false);
  });

  it('url predicates that name a hash route compare the hash too', async () => {
    const at = (url: string) => ({ state: undefined, page: { url, text: '', elements: [] } });
    expect(await evaluatePredicates([{ kind: 'url', includes: '/#/active', exact: true }], at('http://app.test/#/active'))).toEqual([true]);
    expect(await evaluatePredicates([{ kind: 'url', includes: '/#/active', exact: true }], at('http://app.test/#/completed'))).toEqual([
      false,
    ]);
    expect(await evaluatePredicates([{ kind: 'url', includes: '/', exact: true }], at('http://app.test/#/completed'))).toEqual([true]);
    // `#/` is the root route, the same view as no hash.
    expect(await evaluatePredicates([{ kind: 'url', includes: '/#/completed', exact: true }], at('http://app.test/#/'))).toEqual([false]);
  });

  it('text and element predicates normalize quotes and whitespace', async () => {
    expect(await check({ kind: 'text', text: 'Results for "Fix login"', present: true })).toBe(true);
    expect(await check({ kind: 'element', role: 'checkbox', name: 'Mark "Fix login bug" done', present: true, checked: false })).toBe(true);
    expect(await check({ kind: 'element', role: 'checkbox', name: 'Mark "Fix login bug" done', present: true, checked: true })).toBe(false);
    expect(await check({ kind: 'element', role: 'combobox', name: 'Priority', present: true, value: 'High' })).toBe(true);
    expect(await check({ kind: 'element', role: 'button', name: 'Archive', present: false })).toBe(true);
  });

  it('answer predicates compare case-insensitively', async () => {
    expect(await check({ kind: 'answer', includes: 'Jun 20' }, { answer: 'The due date is jun 20.' })).toBe(true);
    expect(await check({ kind: 'answer', includes: 'Jun 20' })).toBe(false);
  });

  it('reads pages at a path through the reader, once per path', async () => {
    let reads = 0;
    const reader = {
      read: async (path?: string) => {
        reads += 1;
        return { url: `http://x${path}`, text: 'Task archived', elements: [] };
      },
    };
    const values = await evaluatePredicates(
      [
        { kind: 'text', text: 'archived', present: true, path: '/p/1' },
        { kind: 'element', role: 'button', name: 'Archive', present: false, path: '/p/1' },
      ],
      { state, page, reader },
    );
    expect(values).toEqual([true, true]);
    expect(reads).toBe(1);
  });

  it('reads the page the episode is on live (an anchor is a view of it; another client-side route is another page), and loads only other pages', async () => {
    const reads: string[] = [];
    const reader = {
      read: async (path: string) => {
        reads.push(path);
        return { url: `http://app.test${path}`, text: 'a fresh copy, without what the agent did', elements: [] };
      },
    };
    const live = {
      url: 'http://app.test/todos?list=home#/active',
      text: 'Buy stamps',
      elements: [element({ role: 'checkbox', name: 'Buy stamps', checked: true })],
    };
    const values = await evaluatePredicates(
      [
        { kind: 'text', text: 'Buy stamps', present: true, path: '/todos?list=home#/active' },
        { kind: 'element', role: 'checkbox', name: 'Buy stamps', present: true, checked: true, path: '/todos?list=home#/all' },
        { kind: 'text', text: 'Buy stamps', present: true, path: '/todos?list=home' },
        { kind: 'text', text: 'Buy stamps', present: true, path: '/todos?list=work' },
      ],
      { state: undefined, page: live, reader },
    );
    // The active view is read live; the "all" view, the root view and another list are loaded.
    expect(values).toEqual([true, false, false, false]);
    expect(reads).toEqual(['/todos?list=home#/all', '/todos?list=home', '/todos?list=work']);
    const anchored = { ...live, url: 'http://app.test/todos?list=home#comments' };
    expect(
      await evaluatePredicates([{ kind: 'text', text: 'Buy stamps', present: true, path: '/todos?list=home' }], {
        state: undefined,
        page: anchored,
        reader,
      }),
    ).toEqual([true]);
    expect(reads).toHaveLength(3);
  });

  it('tells row controls apart by their row, and counts only enabled elements when asked', async () => {
    const rows: PageView = {
      url: 'http://app.test/',
      text: '',
      elements: [
        element({ role: 'checkbox', name: '', checked: false, path: ['list', 'listitem "Buy milk ☆"'] }),
        element({ role: 'checkbox', name: '', checked: true, path: ['list', 'listitem "Return books ★"'] }),
        element({ role: 'button', name: 'Mark all as read', disabled: true }),
      ],
    };
    const values = await evaluatePredicates(
      [
        { kind: 'element', role: 'checkbox', name: '', within: 'Return books', present: true, checked: true },
        { kind: 'element', role: 'checkbox', name: '', within: 'buy  MILK', present: true, checked: true },
        { kind: 'element', role: 'checkbox', name: '', within: 'Pay rent', present: false },
        { kind: 'element', role: 'button', name: 'Mark all as read', present: false, enabled: true },
        { kind: 'element', role: 'button', name: 'Mark all as read', present: false },
      ],
      { state: undefined, page: rows },
    );
    expect(values).toEqual([true, false, true, true, false]);
    expect(
      describePredicate({ kind: 'element', role: 'checkbox', name: '', within: 'Return books', present: true, checked: true, path: '/' }),
    ).toBe('checkbox "" checked in the row "Return books" at /');
    expect(describePredicate({ kind: 'element', role: 'button', name: 'Mark all as read', present: false, enabled: true })).toBe(
      'no enabled button "Mark all as read"',
    );
  });

  it('rejects malformed predicates at the schema', () => {
    expect(PredicateSchema.safeParse({ kind: 'state-count', collection: 'tasks', op: 'about', count: 2 }).success).toBe(false);
    expect(PredicateSchema.safeParse({ kind: 'telepathy' }).success).toBe(false);
  });
});
