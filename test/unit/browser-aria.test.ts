import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ElementSchema, type Element } from '../../src/core/index.js';
import { flattenAriaElements, parseAriaSnapshot, renderAriaSnapshot } from '../../src/browser/index.js';

/** Snapshots captured from Chromium with Playwright 1.65: ariaSnapshotJSON and ariaSnapshot of the same page. */
function fixture(name: string): { json: unknown; yaml: string; yamlWithBoxes: string } {
  const read = (file: string) => readFileSync(new URL(`../fixtures/browser/${file}`, import.meta.url), 'utf8');
  return {
    json: JSON.parse(read(`aria-${name}.json`)),
    yaml: read(`aria-${name}.yaml`).trimEnd(),
    yamlWithBoxes: read(`aria-${name}.boxes.yaml`).trimEnd(),
  };
}

function find(elements: Element[], role: string, name: string): Element {
  const element = elements.find((e) => e.role === role && e.name === name);
  if (!element)
    throw new Error(`Expected ${role} ${JSON.stringify(name)} among ${elements.map((e) => `${e.role} "${e.name}"`).join(', ')}`);
  return element;
}

describe('renderAriaSnapshot', () => {
  for (const name of ['tasks', 'widgets']) {
    it(`renders the ${name} page's JSON exactly as Playwright's ariaSnapshot does`, () => {
      const { json, yaml, yamlWithBoxes } = fixture(name);
      const nodes = parseAriaSnapshot(json);
      expect(renderAriaSnapshot(nodes)).toBe(yaml);
      expect(renderAriaSnapshot(nodes, { boxes: true })).toBe(yamlWithBoxes);
    });
  }

  it('renders a bare top-level text fragment and drops malformed nodes', () => {
    expect(renderAriaSnapshot(parseAriaSnapshot(['hello', { role: 'button', name: 'Go', ref: 'e1' }, { name: 'no role' }, 42]))).toBe(
      '- text: hello\n- button "Go" [ref=e1]',
    );
  });
});

describe('flattenAriaElements', () => {
  const tasks = flattenAriaElements(parseAriaSnapshot(fixture('tasks').json));
  const widgets = flattenAriaElements(parseAriaSnapshot(fixture('widgets').json));

  it('produces schema-valid elements, one per ref', () => {
    for (const element of [...tasks, ...widgets]) expect(() => ElementSchema.parse(element)).not.toThrow();
    expect(new Set(tasks.map((e) => e.ref)).size).toBe(tasks.length);
  });

  it('lists ancestors outermost first, skipping unnamed wrappers and naming rows by their cells', () => {
    expect(find(tasks, 'textbox', 'Title').path).toEqual(['main', 'form "New task"']);
    expect(find(tasks, 'cell', 'Write docs').path).toEqual(['main', 'table "Task list"', 'row "Write docs To do Jul 1"']);
    expect(find(tasks, 'columnheader', 'Due').path).toEqual(['main', 'table "Task list"', 'row "Title Status Due"']);
    expect(find(widgets, 'button', 'Delete').path).toEqual(['list', 'listitem "Item A Delete"']);
    expect(find(widgets, 'button', 'OK').path).toEqual(['dialog "Confirm"']);
  });

  it('records values, options, states, text and clickability', () => {
    expect(find(tasks, 'textbox', 'Title')).toMatchObject({ value: 'Buy milk', placeholder: 'What needs doing?' });
    expect(find(tasks, 'textbox', 'Title').text).toBeUndefined();
    expect(find(tasks, 'combobox', 'Status')).toMatchObject({ value: 'In progress', options: ['To do', 'In progress', 'Done'] });
    expect(find(widgets, 'combobox', 'Pick')).toMatchObject({ value: 'B', options: ['A', 'B'] });
    expect(find(widgets, 'listbox', 'Multi')).toMatchObject({ value: 'M1', options: ['M1', 'M2'] });
    expect(find(widgets, 'option', 'M2').selected).toBe(false);
    expect(find(widgets, 'spinbutton', 'Qty').value).toBe('3');
    expect(find(widgets, 'checkbox', 'Unchecked').checked).toBe(false);
    expect(find(widgets, 'radio', 'One').checked).toBe(false);
    expect(find(widgets, 'switch', 'Dark mode').checked).toBe(true);
    expect(find(widgets, 'button', 'Nope').disabled).toBe(true);
    expect(find(widgets, 'link', 'Item A')).toMatchObject({ url: '/a', clickable: true });
    expect(find(widgets, 'button', 'Delete').clickable).toBeUndefined();
    expect(widgets.find((e) => e.role === 'paragraph' && e.text === 'Hidden text bold here')).toBeDefined();
    expect(find(tasks, 'heading', 'Tasks')).toMatchObject({ level: 1, text: 'Tasks' });
  });

  it('restores names Playwright leaves out because they repeat the content', () => {
    expect(find(widgets, 'heading', 'Linked heading').level).toBe(2);
    expect(find(tasks, 'row', 'Fix login bug In progress Jun 20').box).toBeDefined();
  });

  it('leaves aria-hidden content out of restored names', () => {
    const nodes = parseAriaSnapshot([
      {
        role: 'row',
        ref: 'e1',
        children: [{ role: 'cell', ref: 'e2', children: [{ role: 'generic', ariaHidden: true, ref: 'e3', text: 'DO' }, 'Daniel Okafor'] }],
      },
    ]);
    const elements = flattenAriaElements(nodes);
    expect(find(elements, 'row', 'Daniel Okafor').ref).toBe('e1');
    expect(find(elements, 'cell', 'Daniel Okafor').path).toEqual(['row "Daniel Okafor"']);
  });

  it('shifts boxes of elements inside iframes into page coordinates', () => {
    const nodes = parseAriaSnapshot([
      {
        role: 'iframe',
        ref: 'e1',
        box: { x: 100, y: 50, width: 300, height: 150 },
        children: [{ role: 'button', name: 'In frame', ref: 'f1e2', box: { x: 8, y: 8, width: 60, height: 20 } }],
      },
    ]);
    const button = find(flattenAriaElements(nodes), 'button', 'In frame');
    expect(button.box).toEqual({ x: 108, y: 58, width: 60, height: 20 });
    expect(button.path).toEqual(['iframe']);
  });
});
