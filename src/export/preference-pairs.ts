import type { ExportAction, ExportTurn, ExportUnit, TrajectorySample } from './sample.js';

/**
 * Pairs a success with a failure among samples that share a `pairKey` (same task, same start state):
 * the i-th success with the i-th failure in sample order, so each attempt is used at most once and the
 * pairing is deterministic. The pair takes the chosen sample's split (keys share the chain, so the
 * rejected one's split is the same).
 */
export function pairSamples(samples: readonly TrajectorySample[]): { chosen: TrajectorySample; rejected: TrajectorySample }[] {
  const groups = new Map<string, TrajectorySample[]>();
  for (const sample of samples) {
    if (sample.pairKey === undefined || sample.outcome === undefined) continue;
    const group = groups.get(sample.pairKey) ?? [];
    group.push(sample);
    groups.set(sample.pairKey, group);
  }
  const pairs: { chosen: TrajectorySample; rejected: TrajectorySample }[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const successes = group.filter((sample) => sample.outcome!.success);
    const failures = group.filter((sample) => !sample.outcome!.success);
    for (let index = 0; index < Math.min(successes.length, failures.length); index += 1)
      pairs.push({ chosen: successes[index]!, rejected: failures[index]! });
  }
  return pairs;
}

function sameAction(a: ExportAction, b: ExportAction): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A pair as a unit. Trajectory units keep both attempts whole. Step units cut both at the first turn
 * where they act differently (the shared turns before it, at most `history`, are context): the one
 * place where a learner can be told which action was better from the same screen.
 */
export function pairUnit(
  chosenTurns: ExportTurn[],
  rejectedTurns: ExportTurn[],
  chosen: TrajectorySample,
  rejected: TrajectorySample,
  unit: 'trajectory' | 'step',
  history: number,
  base: Pick<ExportUnit, 'coords' | 'actionSpace'>,
): ExportUnit {
  const id = `${chosen.id}#pair:${rejected.id}`;
  if (unit === 'trajectory')
    return { id, unit, sample: chosen, turns: chosenTurns, rejected: { sample: rejected, turns: rejectedTurns }, ...base };
  let divergence = 0;
  while (
    divergence < chosenTurns.length - 1 &&
    divergence < rejectedTurns.length - 1 &&
    sameAction(chosenTurns[divergence]!.action, rejectedTurns[divergence]!.action)
  )
    divergence += 1;
  const context = chosenTurns.slice(Math.max(0, divergence - history), divergence).map(({ snapshot: _snapshot, ...rest }) => rest);
  return {
    id,
    unit,
    sample: chosen,
    turns: [...context, chosenTurns[divergence]!],
    rejected: {
      sample: rejected,
      turns: [
        ...context,
        { ...rejectedTurns[divergence]!, ...(chosenTurns[divergence]!.image ? { image: chosenTurns[divergence]!.image } : {}) },
      ],
    },
    ...base,
  };
}
