/**
 * Fitting a model of one agent's weakness to the subtasks its episodes reached: the ridge logistic
 * model of completion, and the per-step slip rate of a group of subtasks. Pure numerics; what the
 * observations are and how they are reported is in weakness.ts.
 */
import type { Interval } from '../core/results.js';
import type { SubtaskFeatures, WeaknessModel } from '../core/target.js';

/** One subtask an episode reached: was it completed (given the ones before it were)? */
export interface SubtaskObservation {
  features: SubtaskFeatures;
  success: boolean;
  /** The agent's steps the subtask takes in the gold trajectory (its actions, plus the final answer), when known. */
  actions?: number;
  chainId: string;
  level: number;
}

const EFFECT_GROUPS = ['interaction', 'environment', 'predicate'] as const;

/**
 * Fits the logistic model by Newton's method (iteratively reweighted least squares) with a ridge
 * penalty `ridge` on every effect and on the position slope (the intercept is free), so that a kind
 * seen a few times is pulled toward the pooled rate instead of to 0 or 1.
 */
export function fitWeaknessModel(observations: readonly SubtaskObservation[], options: { ridge?: number } = {}): WeaknessModel {
  const ridge = options.ridge ?? 1;
  type Column = { group: (typeof EFFECT_GROUPS)[number] | 'intercept' | 'position' | 'actions' | 'kindActions'; value?: string };
  const columns: Column[] = [{ group: 'intercept' }];
  for (const group of EFFECT_GROUPS) {
    const values = [...new Set(observations.map((observation) => observation.features[group]).filter((value) => value !== undefined))];
    for (const value of values.sort()) columns.push({ group, value: value! });
  }
  const withActions = observations.some((observation) => observation.features.actions !== undefined);
  if (withActions) {
    columns.push({ group: 'actions' });
    const kinds = [...new Set(observations.map((observation) => observation.features.interaction).filter((value) => value !== undefined))];
    for (const kind of kinds.sort()) columns.push({ group: 'kindActions', value: kind! });
  }
  columns.push({ group: 'position' });
  const rows = observations.map((observation) =>
    columns.map((column) => {
      const extra = (observation.features.actions ?? 1) - 1;
      if (column.group === 'intercept') return 1;
      if (column.group === 'position') return observation.features.position - 1;
      if (column.group === 'actions') return extra;
      if (column.group === 'kindActions') return observation.features.interaction === column.value ? extra : 0;
      return observation.features[column.group] === column.value ? 1 : 0;
    }),
  );
  const outcomes: number[] = observations.map((observation) => (observation.success ? 1 : 0));
  const size = columns.length;
  let beta = new Array<number>(size).fill(0);
  const mean = outcomes.reduce((sum, value) => sum + value, 0) / Math.max(1, outcomes.length);
  beta[0] = Math.log((mean + 0.5 / Math.max(1, outcomes.length)) / (1 - mean + 0.5 / Math.max(1, outcomes.length)));
  const logitOf = (row: readonly number[], coefficients: readonly number[]) =>
    row.reduce((sum, value, column) => sum + value * coefficients[column]!, 0);
  // The penalized log-likelihood, which every Newton step must raise (else the step is halved).
  const objective = (coefficients: readonly number[]) =>
    rows.reduce((sum, row, index) => {
      const logit = logitOf(row, coefficients);
      // log σ(z) and log(1 − σ(z)), computed without overflow.
      const logP = -Math.log1p(Math.exp(-Math.abs(logit))) + Math.min(0, logit);
      const logQ = -Math.log1p(Math.exp(-Math.abs(logit))) + Math.min(0, -logit);
      return sum + (outcomes[index] === 1 ? logP : logQ);
    }, 0) -
    (ridge / 2) * coefficients.reduce((sum, value, index) => sum + (index === 0 ? 0 : value * value), 0);
  let current = objective(beta);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    rows.forEach((row, index) => {
      const p = 1 / (1 + Math.exp(-logitOf(row, beta)));
      const weight = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < size; a += 1) {
        if (row[a] === 0) continue;
        gradient[a]! += (outcomes[index]! - p) * row[a]!;
        for (let b = 0; b < size; b += 1) if (row[b] !== 0) hessian[a]![b]! += weight * row[a]! * row[b]!;
      }
    });
    for (let a = 1; a < size; a += 1) {
      gradient[a]! -= ridge * beta[a]!;
      hessian[a]![a]! += ridge;
    }
    hessian[0]![0]! += 1e-6;
    const step = solve(hessian, gradient);
    let scale = 1;
    let next = beta.map((value, index) => value + step[index]!);
    let value = objective(next);
    while (!(value >= current - 1e-12) && scale > 1e-6) {
      scale /= 2;
      next = beta.map((coefficient, index) => coefficient + scale * step[index]!);
      value = objective(next);
    }
    if (!(value >= current - 1e-12)) break;
    const moved = Math.max(...step.map((entry) => Math.abs(entry * scale)));
    beta = next;
    current = value;
    if (moved < 1e-9) break;
  }
  const model: WeaknessModel = {
    intercept: beta[0]!,
    interaction: {},
    environment: {},
    predicate: {},
    position: beta[size - 1]!,
    actions: 0,
    kindActions: {},
  };
  columns.forEach((column, index) => {
    if (column.group === 'actions') model.actions = beta[index]!;
    else if (column.group !== 'intercept' && column.group !== 'position') model[column.group][column.value!] = beta[index]!;
  });
  return model;
}

/** Gaussian elimination with partial pivoting (the systems here are small and positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const lead = a[column]![column]!;
    if (Math.abs(lead) < 1e-15) continue;
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = a[row]![column]! / lead;
      if (factor === 0) continue;
      for (let k = column; k <= size; k += 1) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  return a.map((row, index) => (Math.abs(row[index]!) < 1e-15 ? 0 : row[size]! / row[index]!));
}

/**
 * The per-step slip rate that best explains a group's subtask outcomes, when each step succeeds
 * with the same probability q (a subtask of n steps then succeeds with q^n): the maximum-likelihood
 * estimate of 1 − q, with a 95% likelihood-ratio interval. Undefined without subtasks of known length.
 */
export function perStepSlip(
  observations: readonly SubtaskObservation[],
): { estimate: number; interval: Interval; subtasks: number } | undefined {
  const usable = observations.filter((observation) => observation.actions !== undefined && observation.actions > 0);
  if (usable.length === 0) return undefined;
  const logLikelihood = (q: number) =>
    usable.reduce((sum, observation) => {
      const p = q ** observation.actions!;
      return sum + (observation.success ? Math.log(Math.max(p, 1e-300)) : Math.log(Math.max(1 - p, 1e-300)));
    }, 0);
  const grid = 2000;
  let best = 1;
  let bestValue = -Infinity;
  const values: Array<[number, number]> = [];
  for (let index = 0; index <= grid; index += 1) {
    const q = index / grid;
    const value = logLikelihood(q);
    values.push([q, value]);
    if (value > bestValue) [best, bestValue] = [q, value];
  }
  // χ²(1) at 95%: 3.841 / 2 of log-likelihood below the maximum.
  const inside = values.filter(([, value]) => value >= bestValue - 3.841 / 2).map(([q]) => q);
  return { estimate: 1 - best, interval: { low: 1 - Math.max(...inside), high: 1 - Math.min(...inside) }, subtasks: usable.length };
}
