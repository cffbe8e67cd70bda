import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/core/step.js';
import type { ModelCall } from '../../src/core/usage.js';
import { attributeCalls } from '../../src/view/trajectory-steps.js';

const call = (role: string, subtaskId: string, inputTokens: number): ModelCall => ({
  role,
  provider: 'anthropic',
  model: 'claude-haiku-4-5',
  inputTokens,
  outputTokens: 10,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  images: 1,
  latencyMs: 100,
  costUsd: 0.001,
  subtaskId,
});
const step = (index: number, subtaskId: string) => ({ index, subtaskId }) as Step;

describe('model calls on the step timeline', () => {
  const steps = [step(0, 's1'), step(1, 's1'), step(2, 's2'), step(3, 's2')];
  const stepsOf = (subtaskId: string | undefined) => steps.filter((item) => item.subtaskId === subtaskId);

  it('gives each step the executor call that chose its action, in order, and leaves the rest with the subtask', () => {
    const { byStep, bySubtask } = attributeCalls(
      [call('proposer', 's1', 1), call('executor', 's1', 2), call('executor', 's1', 3), call('verifier', 's1', 4)],
      stepsOf,
    );
    expect(byStep.get(0)?.map((item) => item.inputTokens)).toEqual([2]);
    expect(byStep.get(1)?.map((item) => item.inputTokens)).toEqual([3]);
    expect(bySubtask.get('s1')?.map((item) => item.role)).toEqual(['proposer', 'verifier']);
  });

  it('keeps every call with the subtask when the executor calls do not match its steps one to one', () => {
    const { byStep, bySubtask } = attributeCalls(
      [call('executor', 's2', 5), call('executor', 's2', 6), call('executor', 's2', 7)],
      stepsOf,
    );
    expect(byStep.size).toBe(0);
    expect(bySubtask.get('s2')).toHaveLength(3);
  });
});
