import { describe, expect, it } from 'vitest';
import type { Predicate } from '../../src/core/predicate.js';
import type { Proposal, Subtask } from '../../src/core/task.js';
import { refusedByGuard, reverses, undoesAction } from '../../src/pipeline/diversity-guard.js';

const proposal = (predicates: Predicate[], affordance?: string): Proposal =>
  ({
    description: 'next',
    interaction: 'toggle',
    entities: [],
    predicates,
    proposedAt: '/',
    ...(affordance ? { affordance } : {}),
  }) as Proposal;
const subtask = (id: string, predicates: Predicate[], affordance?: string): Subtask =>
  ({ ...proposal(predicates, affordance), id, description: `did ${id}` }) as Subtask;

describe('the diversity guard', () => {
  const checkedBox: Predicate = { kind: 'element', role: 'checkbox', name: 'Buy milk', present: true, checked: true };
  const accepted = [
    subtask('s01', [checkedBox], 'toggle:Buy milk'),
    subtask('s02', [{ kind: 'element', role: 'link', name: 'Q3 plan', present: true }], 'form:New task'),
  ];

  it('refuses a subtask that reverses an accepted one, whichever agent proposed it', () => {
    expect(refusedByGuard(proposal([{ ...checkedBox, checked: false }]), accepted)).toBe('it would undo s01 (“did s01”)');
    expect(refusedByGuard(proposal([{ kind: 'element', role: 'link', name: 'Q3  plan', present: false }]), accepted)).toMatch(/undo s02/);
    expect(
      reverses(
        { kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'done', equals: false },
        { kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'done', equals: true },
      ),
    ).toBe(true);
    expect(
      reverses(
        { kind: 'state-value', value: 'Q3', collection: 'tasks', present: false },
        { kind: 'state-value', value: 'Q3', collection: 'tasks', present: true },
      ),
    ).toBe(true);
  });

  it('refuses a subtask that writes another value over one an accepted subtask set, on a page or in the state', () => {
    const country: Predicate = {
      kind: 'element',
      role: 'combobox',
      name: 'Country',
      present: true,
      value: 'Germany',
      path: '/profile.html',
    };
    const withCountry = [subtask('s01', [country], 'form:Profile')];
    expect(refusedByGuard(proposal([{ ...country, value: 'France' }], 'form:Profile'), withCountry)).toBe('it would undo s01 (“did s01”)');
    // Another field of the same form, or the same field on another page, goes on.
    expect(
      refusedByGuard(proposal([{ ...country, name: 'Last name', role: 'textbox', value: 'Ng' }], 'form:Profile'), withCountry),
    ).toBeUndefined();
    expect(refusedByGuard(proposal([{ ...country, value: 'France', path: '/billing.html' }], 'form:Billing'), withCountry)).toBeUndefined();
    expect(
      reverses(
        { kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'priority', equals: 'Low' },
        { kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'priority', equals: 'High' },
      ),
    ).toBe(true);
  });

  it('refuses a second use of the same toggle, select or row action, but not of a form or a link', () => {
    expect(
      refusedByGuard(
        proposal([{ kind: 'element', role: 'checkbox', name: 'Other', present: true, checked: true }], 'toggle:Buy milk'),
        accepted,
      ),
    ).toBe('it uses the control of s01 again (toggle:Buy milk)');
    expect(
      refusedByGuard(proposal([{ kind: 'element', role: 'link', name: 'Q4 plan', present: true }], 'form:New task'), accepted),
    ).toBeUndefined();
  });

  it('lets a subtask on another control, or the same state again, go on', () => {
    expect(refusedByGuard(proposal([{ ...checkedBox, name: 'Buy stamps', checked: false }]), accepted)).toBeUndefined();
    expect(refusedByGuard(proposal([checkedBox]), accepted)).toBeUndefined();
    expect(
      reverses(
        { kind: 'state-field', collection: 'tasks', match: { id: 1 }, field: 'status', equals: 'todo' },
        { kind: 'state-field', collection: 'tasks', match: { id: 2 }, field: 'status', equals: 'done' },
      ),
    ).toBe(false);
  });

  it('knows a row action undone by its un-verb on the same item, and rows apart', () => {
    expect(undoesAction('item:Unfavorite “Greek Salad”', 'item:Favorite “Greek Salad”')).toBe(true);
    expect(undoesAction('item:Archive “Q3”', 'item:Unarchive “Q3”')).toBe(true);
    expect(undoesAction('item:Unfavorite “Greek Salad”', 'item:Favorite “Shakshuka”')).toBe(false);
    expect(undoesAction('item:Star “Q3”', 'item:Star “Q3”')).toBe(false);
    expect(refusedByGuard(proposal([], 'item:Unstar “Pay rent”'), [subtask('s01', [], 'item:Star “Pay rent”')])).toMatch(/undo s01/);
    // The same unlabeled checkbox in two rows is two controls: ticking one does not undo the other.
    const row = (within: string, checked: boolean): Predicate => ({
      kind: 'element',
      role: 'checkbox',
      name: '',
      within,
      present: true,
      checked,
    });
    expect(reverses(row('Buy milk', false), row('Buy milk', true))).toBe(true);
    expect(reverses(row('Buy milk', false), row('Return books', true))).toBe(false);
  });
});
