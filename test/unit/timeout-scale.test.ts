import { describe, expect, it } from 'vitest';
import { BASE_LIMITS, scaledLimits } from '../../src/browser/limits.js';
import {
  calibrateTimeoutScale,
  fixedTimeoutScale,
  MAX_CALIBRATED_SCALE,
  resolveTimeoutScale,
  TIMEOUT_SCALE_ENV,
} from '../../src/browser/timeout-scale.js';

describe('the timeout scale', () => {
  it('is fixed by the option, else by TRAJSYNTH_TIMEOUT_SCALE, else measured', () => {
    expect(fixedTimeoutScale({ timeoutScale: 2.5, env: { [TIMEOUT_SCALE_ENV]: '7' } })).toBe(2.5);
    expect(fixedTimeoutScale({ env: { [TIMEOUT_SCALE_ENV]: ' 3 ' } })).toBe(3);
    expect(fixedTimeoutScale({ timeoutScale: 'auto', env: {} })).toBeUndefined();
    expect(resolveTimeoutScale({ env: { [TIMEOUT_SCALE_ENV]: '0.5' } })).toBe(0.5);
    const measured = resolveTimeoutScale({ env: {} });
    expect(measured).toBeGreaterThanOrEqual(1);
    expect(measured).toBeLessThanOrEqual(MAX_CALIBRATED_SCALE);
    expect(calibrateTimeoutScale()).toBeGreaterThanOrEqual(1);
  });

  it('refuses a value that is not a positive number, naming the variable', () => {
    for (const value of ['fast', '0', '-2', '1e9']) {
      expect(() => fixedTimeoutScale({ env: { [TIMEOUT_SCALE_ENV]: value } })).toThrow(
        expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining(`${TIMEOUT_SCALE_ENV}="${value}"`) }),
      );
    }
  });

  it('multiplies every browser time limit', () => {
    const limits = scaledLimits(3);
    expect(limits.scale).toBe(3);
    for (const [name, ms] of Object.entries(BASE_LIMITS)) expect(limits[name as keyof typeof BASE_LIMITS]).toBe(ms * 3);
  });
});
