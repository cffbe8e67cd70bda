import { describe, expect, it } from 'vitest';
import type { Element, Observation } from '../../src/core/observation.js';
import { Rng } from '../../src/core/random.js';
import { findAffordances, withoutCount } from '../../src/agents/heuristic/affordances.js';
import { attributePhrase } from '../../src/agents/heuristic/phrasing.js';
import { proposalFromAffordance } from '../../src/agents/heuristic/propose-from-affordance.js';
import { PERSONAS } from '../../src/agents/personas.js';

/**
 * Pages in the shapes foreign sites have (an aria snapshot flattened as the browser layer does):
 * unlabeled row checkboxes, glyph buttons, a name repeated in every row, live counts in link names,
 * bulk actions, radio groups and switches.
 */
let refs = 0;
function el(role: string, name: string, path: string[], extra: Partial<Element> = {}): Element {
  refs += 1;
  return { ref: `e${refs}`, role, name, path, box: { x: 10, y: 10 * refs, width: 20, height: 20 }, ...extra };
}

const row = (text: string) => ['main', 'list', `listitem "${text}"`];
const page = (elements: Element[]): Observation => ({
  url: 'http://site.test/',
  title: 'Site',
  snapshot: '',
  elements,
  viewport: { width: 1280, height: 800 },
});

const todo = page([
  el('heading', 'errands', ['main'], { level: 1, text: 'errands' }),
  el('checkbox', '', row('Buy milk and eggs ☆'), { checked: false }),
  el('generic', '', row('Buy milk and eggs ☆'), { text: 'Buy milk and eggs' }),
  el('button', '☆', row('Buy milk and eggs ☆')),
  el('checkbox', '', row('Return library books ★'), { checked: true }),
  el('generic', '', row('Return library books ★'), { text: 'Return library books' }),
  el('button', '★', row('Return library books ★')),
  el('button', 'Clear completed', ['contentinfo']),
  el('button', 'Archive selected', ['main']),
  el('link', 'design 3', ['navigation', 'list', 'listitem "design 3"'], { url: '/c/design' }),
  el('generic', '', ['navigation', 'list', 'listitem "design 3"', 'link "design 3"'], { text: '3' }),
  el('link', 'Chapter 3', ['navigation'], { url: '/chapters/3' }),
  el('link', 'Manage', ['main'], { url: '/profile' }),
  el('link', 'Manage', ['main'], { url: '/billing' }),
  el('radio', 'Daily', ['main', 'radiogroup "Email digest"'], { checked: false }),
  el('radio', 'Weekly', ['main', 'radiogroup "Email digest"'], { checked: true }),
  el('switch', 'Mute channel', ['main'], { checked: false }),
  el('button', 'Jan', ['navigation "Months"'], { pressed: true }),
  el('button', 'Feb', ['navigation "Months"']),
  el('button', 'Mar', ['navigation "Months"']),
  el('button', 'Add to shopping list', ['main', 'article "Greek Salad"']),
  el('button', '♥', ['main', 'article "Greek Salad"'], { pressed: true }),
  el('button', 'Bold', ['toolbar'], { pressed: true }),
  el('button', 'Italic', ['toolbar'], { pressed: true }),
  el('button', 'Underline', ['toolbar']),
]);

describe('affordances on foreign-style pages', () => {
  const affordances = findAffordances(todo);
  const keys = affordances.map((affordance) => affordance.key);

  it('names unlabeled row checkboxes and glyph buttons by their row, and knows what a glyph does', () => {
    expect(affordances.find((a) => a.key === 'toggle:row “Buy milk and eggs”')).toMatchObject({
      kind: 'toggle',
      item: 'Buy milk and eggs',
      within: 'Buy milk and eggs',
    });
    expect(keys).toContain('item:Star “Buy milk and eggs”');
    expect(keys).toContain('item:Unstar “Return library books”');
  });

  it('sees bulk actions, radio choices and switches, and does not take "Archive selected" for an item', () => {
    expect(affordances.find((a) => a.key === 'bulk:Clear completed')?.kind).toBe('bulk');
    expect(affordances.find((a) => a.key === 'bulk:Archive selected')?.kind).toBe('bulk');
    expect(keys.filter((key) => key.startsWith('item:Archive'))).toEqual([]);
    expect(affordances.find((a) => a.kind === 'choice')).toMatchObject({ key: 'select:Email digest', group: 'Email digest' });
    expect(keys).not.toContain('select:Weekly');
    expect(keys).toContain('toggle:Mute channel');
    // One of a segmented control (one button pressed); not a toolbar whose buttons press on their own.
    expect(affordances.find((a) => a.key === 'select:Months')).toMatchObject({ kind: 'choice', element: { name: 'Feb' } });
    expect(affordances.filter((a) => a.kind === 'choice' && a.element.name === 'Underline')).toEqual([]);
    expect(affordances.filter((a) => a.kind === 'choice' && a.element.name === 'Add to shopping list')).toEqual([]);
  });

  it('drops a live count from a link name only when the link shows it as a badge, and skips ambiguous links', () => {
    const design = todo.elements.find((e) => e.name === 'design 3')!;
    expect(withoutCount(design, todo.elements)).toBe('design');
    expect(
      withoutCount(
        todo.elements.find((e) => e.name === 'Chapter 3')!,
        todo.elements,
      ),
    ).toBe('Chapter 3');
    expect(keys.filter((key) => key === 'navigate:Manage')).toEqual([]);
  });

  it('writes tasks that name the row, never the glyph, with checks scoped to the row', () => {
    const build = (key: string) =>
      proposalFromAffordance({
        affordance: affordances.find((a) => a.key === key)!,
        observation: todo,
        persona: PERSONAS[0]!,
        rng: new Rng(3),
        hasStateProbe: false,
        chainEntities: [],
      })!;
    const tick = build('toggle:row “Buy milk and eggs”');
    expect(tick.description).toMatch(/“Buy milk and eggs”/);
    expect(tick.description).not.toMatch(/[☆★]/);
    expect(tick.predicates).toEqual([
      { kind: 'element', role: 'checkbox', name: '', present: true, checked: true, within: 'Buy milk and eggs', path: '/' },
    ]);
    expect(tick.plan).toEqual([
      { type: 'click', target: { role: 'checkbox', name: '', ref: expect.any(String), within: 'Buy milk and eggs', nth: 0 } },
    ]);
    const star = build('item:Star “Buy milk and eggs”');
    expect(star.description).toMatch(/^(Star|Please star) (the item )?“Buy milk and eggs”\.$/);
    expect(star.predicates).toEqual([
      { kind: 'element', role: 'button', name: '☆', present: false, within: 'Buy milk and eggs', path: '/' },
    ]);
    const bulk = build('bulk:Clear completed');
    expect(bulk.predicates).toEqual([
      { kind: 'element', role: 'button', name: 'Clear completed', present: false, enabled: true, path: '/' },
    ]);
    expect(build('select:Months').predicates).toEqual([
      { kind: 'element', role: 'button', name: 'Feb', present: true, pressed: true, path: '/' },
    ]);
    expect(build('select:Email digest').predicates).toEqual([
      { kind: 'element', role: 'radio', name: 'Daily', present: true, checked: true, path: '/' },
    ]);
  });

  it('never asks to read a cell that repeats the row’s label (the answer would be in the question)', () => {
    const table = ['main', 'table "Tasks"'];
    const tableRow = (text: string) => [...table, `row "${text}"`];
    const tasks = page([
      el('columnheader', 'Open', [...table, 'row "Open Name Due"'], { text: 'Open' }),
      el('columnheader', 'Name', [...table, 'row "Open Name Due"'], { text: 'Name' }),
      el('columnheader', 'Due', [...table, 'row "Open Name Due"'], { text: 'Due' }),
      el('cell', '', tableRow('Plan the offsite Plan the offsite Jun 3')),
      el('link', 'Plan the offsite', [...tableRow('Plan the offsite Plan the offsite Jun 3'), 'cell'], { url: '/t/1' }),
      el('cell', 'Plan the offsite', tableRow('Plan the offsite Plan the offsite Jun 3'), { text: 'Plan the offsite' }),
      el('cell', 'Jun 3', tableRow('Plan the offsite Plan the offsite Jun 3'), { text: 'Jun 3' }),
    ]);
    const reads = findAffordances(tasks).filter((a) => a.kind === 'read');
    expect(reads.map((read) => (read.kind === 'read' ? [read.item, read.attribute] : []))).toEqual([['Plan the offsite', 'Due']]);
  });

  it('says column labels as a sentence would', () => {
    expect(attributePhrase('Due')).toBe('due');
    expect(attributePhrase('SKU')).toBe('SKU');
    expect(attributePhrase('Planned')).toBe('“Planned” value');
    expect(attributePhrase('Last edited')).toBe('last edited');
  });

  it('edits a spreadsheet cell in place: double-click, type into the editor that appears in the row, Enter', () => {
    const grid = ['main', 'grid "January 2026"'];
    const gridRow = (text: string) => [...grid, `row "${text}"`];
    const sheet = page([
      el('columnheader', 'Category', [...grid, 'row "Category Planned"'], { text: 'Category' }),
      el('columnheader', 'Planned', [...grid, 'row "Category Planned"'], { text: 'Planned' }),
      el('gridcell', 'Groceries', gridRow('Groceries $650.00'), { text: 'Groceries' }),
      el('gridcell', '$650.00', gridRow('Groceries $650.00'), { text: '$650.00' }),
      el('gridcell', 'Rent', gridRow('Rent $1,850.00'), { text: 'Rent' }),
      el('gridcell', '$1,850.00', gridRow('Rent $1,850.00'), { text: '$1,850.00' }),
    ]);
    const edits = findAffordances(sheet).filter((a) => a.kind === 'cell-edit');
    expect(edits.map((a) => a.key)).toEqual(['edit:Planned', 'edit:Planned']);
    const proposal = proposalFromAffordance({
      affordance: edits[1]!,
      observation: sheet,
      persona: PERSONAS[0]!,
      rng: new Rng(1),
      hasStateProbe: false,
      chainEntities: [],
    })!;
    expect(proposal.interaction).toBe('form');
    const shown = proposal.entities[1]!;
    expect(shown).toMatch(/^\$\d,\d{3}\.00$/);
    expect(shown).not.toBe('$1,850.00');
    expect(proposal.description).toContain('“Planned” value of “Rent”');
    expect(proposal.predicates).toEqual([{ kind: 'element', role: 'gridcell', name: shown, within: 'Rent', present: true, path: '/' }]);
    expect(proposal.plan!.map((action) => action.type)).toEqual(['dblclick', 'type', 'press']);
    expect(proposal.plan![1]).toEqual({ type: 'type', target: { role: 'textbox', within: 'Rent' }, text: shown.replace(/[$,]/g, '') });
  });
});
