import { TrajsynthError } from '../core/index.js';

/** Environment variable that fixes the timeout scale (a positive number), instead of measuring it. */
export const TIMEOUT_SCALE_ENV = 'TRAJSYNTH_TIMEOUT_SCALE';
/** Largest scale a calibration gives (an explicit scale may be larger). */
export const MAX_CALIBRATED_SCALE = 10;
const MAX_EXPLICIT_SCALE = 100;

/**
 * A fixed piece of CPU work and the CPU time it takes on the reference machine (a 2-vCPU cloud VM,
 * Node 20): ~11 ms.
 */
const CALIBRATION_ITERATIONS = 3_000_000;
const REFERENCE_CPU_MS = 11;
const CALIBRATION_SAMPLES = 3;

export interface TimeoutScaleOptions {
  /** A fixed scale; 'auto' (the default) reads TRAJSYNTH_TIMEOUT_SCALE, else calibrates. */
  timeoutScale?: number | 'auto';
  /** Environment to read TRAJSYNTH_TIMEOUT_SCALE from (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The factor every browser time limit is multiplied by: the option when it is a number, else
 * TRAJSYNTH_TIMEOUT_SCALE when set, else a quick calibration of this machine right now.
 */
export function resolveTimeoutScale(options: TimeoutScaleOptions = {}): number {
  return fixedTimeoutScale(options) ?? calibrateTimeoutScale();
}

/** The scale fixed by the option or by TRAJSYNTH_TIMEOUT_SCALE, if either is; throws BAD_INPUT on a bad value. */
export function fixedTimeoutScale(options: TimeoutScaleOptions = {}): number | undefined {
  const option = options.timeoutScale ?? 'auto';
  if (option !== 'auto') return checkedScale(option, 'the timeoutScale option');
  const text = (options.env ?? process.env)[TIMEOUT_SCALE_ENV]?.trim();
  return text ? checkedScale(Number(text), `${TIMEOUT_SCALE_ENV}=${JSON.stringify(text)}`) : undefined;
}

/** `value` if it is a usable scale, else a BAD_INPUT error naming `source`. */
export function checkedScale(value: number, source = 'the timeout scale'): number {
  if (Number.isFinite(value) && value > 0 && value <= MAX_EXPLICIT_SCALE) return value;
  throw new TrajsynthError(`Expected ${source} to be a number above 0 and at most ${MAX_EXPLICIT_SCALE}, got ${String(value)}`, {
    code: 'BAD_INPUT',
    hint: `Set ${TIMEOUT_SCALE_ENV} to a factor such as 2 (twice the default timeouts), or unset it to measure the machine`,
  });
}

/**
 * Measures how much slower than the reference machine this one runs now, from a few milliseconds
 * of fixed CPU work: the wall time it took over the CPU time it got (how many processes compete for
 * the cores: 1 on an idle machine, ~4 with three CPU hogs on two cores) times the CPU time over the
 * reference's (a slower processor). The largest of three samples, clamped to 1..10. Takes ~35 ms
 * of CPU (longer in wall time on a busy machine).
 */
export function calibrateTimeoutScale(): number {
  spin(CALIBRATION_ITERATIONS / 10); // warm up the JIT
  const factors: number[] = [];
  for (let sample = 0; sample < CALIBRATION_SAMPLES; sample += 1) {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    spin(CALIBRATION_ITERATIONS);
    const cpu = process.cpuUsage(cpuStart);
    const wallMs = performance.now() - wallStart;
    const cpuMs = Math.max((cpu.user + cpu.system) / 1000, 0.1);
    factors.push(Math.max(1, wallMs / cpuMs) * Math.max(1, cpuMs / REFERENCE_CPU_MS));
  }
  // The largest: load comes in bursts, and a limit too long costs only time where an action fails.
  const factor = Math.max(...factors);
  return Math.round(Math.min(MAX_CALIBRATED_SCALE, factor) * 10) / 10;
}

/** Work the optimizer cannot drop. */
let sink = 0;
function spin(iterations: number): void {
  let total = 0;
  for (let index = 1; index <= iterations; index += 1) total += Math.sqrt(index) / index;
  sink = (sink + total) % 1;
}
