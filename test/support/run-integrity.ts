import { readFile } from 'node:fs/promises';
import { findRunDamage, damageLine } from '../../src/store/run-damage.js';
import { listChainIds, readChain, readRunMeta, readSteps, runLayout } from '../../src/store/index.js';

/**
 * Everything that must hold of a finished run after any fault: every chain present and finished,
 * no step recorded twice (indexes 0..n-1 in order, as many as chain.json counts), no failed action
 * inside the gold steps of a stored level, no damaged file, and no lock left behind. Returns the
 * problems found (empty when the run is whole).
 */
export async function runProblems(outDir: string, runId: string, chains: number): Promise<string[]> {
  const layout = runLayout(outDir, runId);
  const problems: string[] = [];
  for (const damage of await findRunDamage(layout)) problems.push(`damaged: ${damageLine(damage)}`);
  const meta = await readRunMeta(layout);
  if (meta.status !== 'complete') problems.push(`run status ${meta.status}`);
  const ids = await listChainIds(layout);
  if (ids.length !== chains) problems.push(`expected ${chains} chains on disk, found ${ids.length}`);
  for (const chainId of ids) {
    const record = await readChain(layout, chainId);
    if (!record) {
      problems.push(`${chainId}: no chain.json`);
      continue;
    }
    if (record.status !== 'complete') problems.push(`${chainId}: status ${record.status} (${record.stopReason ?? ''})`);
    const steps = await readSteps(layout, chainId);
    if (steps.length !== record.stepCount) problems.push(`${chainId}: ${steps.length} steps stored, chain.json counts ${record.stepCount}`);
    steps.forEach((step, position) => {
      if (step.index !== position) problems.push(`${chainId}: step at line ${position + 1} has index ${step.index} (doubled or lost)`);
    });
    for (const level of record.levels) {
      const { start, end } = level.gold;
      const failed = steps.filter((step) => step.index >= start && step.index < end && !step.executed.outcome.ok);
      if (failed.length)
        problems.push(
          `${chainId} L${level.level}: failed action(s) ${failed.map((step) => step.index).join(', ')} inside gold steps ${start}-${end - 1}`,
        );
    }
  }
  const lock = await readFile(`${layout.runDir}/run.lock`, 'utf8').catch(() => undefined);
  if (lock !== undefined) problems.push(`lock left behind: ${lock.trim()}`);
  return problems;
}
