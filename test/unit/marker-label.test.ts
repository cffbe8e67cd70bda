import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/core/step.js';
import { markerLabel } from '../../src/core/step-label.js';

const step = (executed: Partial<Step['executed']>): Step =>
  ({ index: 6, executed: { outcome: { ok: true }, ...executed } }) as unknown as Step;

describe('marker labels', () => {
  it('name the key a press step pressed, and the element it pressed it in', () => {
    expect(
      markerLabel(
        step({ action: { type: 'press', key: 'Enter' }, element: { role: 'textbox', name: 'Message #design' } } as Partial<
          Step['executed']
        >),
      ),
    ).toBe('#6 press Enter textbox "Message #design"');
    expect(
      markerLabel(
        step({ action: { type: 'type', target: { ref: 'e1' }, text: 'Hi' }, element: { role: 'textbox', name: 'Title' } } as Partial<
          Step['executed']
        >),
      ),
    ).toBe('#6 type textbox "Title" ← "Hi"');
    expect(
      markerLabel(
        step({ action: { type: 'dblclick', target: { ref: 'e2' } }, element: { role: 'cell', name: 'Q3' } } as Partial<Step['executed']>),
      ),
    ).toBe('#6 dblclick cell "Q3"');
  });
});
