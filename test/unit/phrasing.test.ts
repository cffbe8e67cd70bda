import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/agents/heuristic/phrasing.js';

describe('control names in task text', () => {
  it('says developer labels as a person would', () => {
    expect(displayName('Toggle All Input')).toBe('Toggle all');
    expect(displayName('toggleAll')).toBe('Toggle all');
    expect(displayName('due_date')).toBe('Due date');
    expect(displayName('Newsletter checkbox')).toBe('Newsletter');
  });

  it('leaves names that already read as prose alone, case included', () => {
    expect(displayName('Greek Salad')).toBe('Greek Salad');
    expect(displayName('Show completed tasks')).toBe('Show completed tasks');
    expect(displayName('Mute channel')).toBe('Mute channel');
    expect(displayName('Input')).toBe('Input');
  });
});
