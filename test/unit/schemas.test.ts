import { describe, expect, it } from 'vitest';
import { ActionSchema, ExecutedActionSchema } from '../../src/core/action.js';
import { ChainRecordSchema, SCHEMA_VERSION } from '../../src/core/chain.js';
import { Rng, deriveSeed } from '../../src/core/random.js';
import { ProposalSchema } from '../../src/core/task.js';
import { addUsage, emptyUsage } from '../../src/core/usage.js';

describe('core schemas', () => {
  it('accepts every action type and rejects unknown ones', () => {
    const actions = [
      { type: 'click', target: { role: 'button', name: 'Save' } },
      { type: 'dblclick', target: { role: 'cell', name: 'Q3' } },
      { type: 'type', target: { ref: 'e4' }, text: 'hello' },
      { type: 'press', key: 'Enter' },
      { type: 'select', target: { role: 'combobox', name: 'Priority' }, value: 'High' },
      { type: 'scroll', deltaY: 300 },
      { type: 'hover', target: { point: { x: 10, y: 20 } } },
      { type: 'navigate', url: '/projects' },
      { type: 'back' },
      { type: 'wait', ms: 200 },
      { type: 'done', answer: '42' },
    ];
    for (const action of actions) expect(ActionSchema.parse(action)).toEqual(action);
    expect(ActionSchema.safeParse({ type: 'teleport' }).success).toBe(false);
    expect(ActionSchema.safeParse({ type: 'type', target: {} }).success).toBe(false);
  });

  it('records a failed action as an outcome with its error, never without one', () => {
    const failed = {
      action: { type: 'click', target: { name: 'Gone' } },
      outcome: { ok: false, error: 'no element' },
      urlAfter: 'http://x/',
    };
    expect(ExecutedActionSchema.parse(failed).outcome).toEqual({ ok: false, error: 'no element' });
    expect(ExecutedActionSchema.safeParse({ ...failed, outcome: { ok: false } }).success).toBe(false);
  });

  it('requires a postcondition on every proposal', () => {
    const proposal = { description: 'Do it.', predicates: [], interaction: 'form', entities: [], proposedAt: '/' };
    expect(ProposalSchema.safeParse(proposal).success).toBe(false);
    expect(ProposalSchema.safeParse({ ...proposal, predicates: [{ kind: 'url', includes: '/x' }] }).success).toBe(true);
  });

  it('rejects a chain record of another schema version', () => {
    const record = {
      schemaVersion: SCHEMA_VERSION + 1,
      chainId: 'c',
      index: 0,
      environment: 'e',
      envSeed: 1,
      agentSeed: 1,
      persona: 'p',
      status: 'complete',
      subtasks: [],
      levels: [],
      stepCount: 0,
      usage: emptyUsage(),
    };
    expect(ChainRecordSchema.safeParse(record).success).toBe(false);
    expect(ChainRecordSchema.safeParse({ ...record, schemaVersion: SCHEMA_VERSION }).success).toBe(true);
  });

  it('adds usage and keeps an unpriced total unpriced, never free', () => {
    const priced = { ...emptyUsage(), calls: 2, costUsd: 0.5 };
    const unpriced = { ...emptyUsage(), calls: 1, costUsd: undefined };
    expect(addUsage(priced, priced).costUsd).toBe(1);
    expect(addUsage(priced, unpriced).costUsd).toBeUndefined();
    expect(addUsage(priced, unpriced).calls).toBe(3);
  });

  it('seeded randomness is reproducible and seeds derive stably', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const drawn = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(drawn);
    expect(new Rng(8).next()).not.toBe(drawn[0]);
    expect(deriveSeed(1, 'chain', 2)).toBe(deriveSeed(1, 'chain', 2));
    expect(deriveSeed(1, 'chain', 2)).not.toBe(deriveSeed(1, 'chain', 3));
  });
});
