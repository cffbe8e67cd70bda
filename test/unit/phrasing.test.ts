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

describe('articles', () => {
  it('gives a noun the article it takes, in templates too', async () => {
    const { withArticle, phrase } = await import('../../src/agents/heuristic/phrasing.js');
    const { Rng } = await import('../../src/core/random.js');
    expect(['task', 'event', 'invoice', 'order', 'user', 'unit', 'update'].map(withArticle)).toEqual([
      'a task',
      'an event',
      'an invoice',
      'an order',
      'a user',
      'a unit',
      'an update',
    ]);
    expect(phrase(new Rng(1), ['Set up a {noun} called {quoted}.'], { noun: 'event', quoted: '“Standup”' })).toBe(
      'Set up an event called “Standup”.',
    );
  });
});
