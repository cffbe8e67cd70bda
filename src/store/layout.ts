import { join } from 'node:path';

/**
 * On-disk layout of a run, relative to an output directory:
 *   tasks/<run>.jsonl                                  level-k tasks, one line per chain
 *   trajectories/<run>/run.json                        run metadata and summary
 *   trajectories/<run>/interrupted-calls.jsonl         model calls of chain attempts redone on --resume
 *   trajectories/<run>/chains/<chain>/chain.json       subtasks with lineage, levels, usage
 *   trajectories/<run>/chains/<chain>/steps.jsonl      one line per executed action
 *   trajectories/<run>/chains/<chain>/calls.jsonl      one line per model call (role, model, tokens, USD)
 *   trajectories/<run>/chains/<chain>/screens/NNNN.webp
 *   trajectories/<run>/chains/<chain>/snapshots/NNNN.yaml
 */
export interface RunLayout {
  outDir: string;
  runId: string;
  tasksFile: string;
  runDir: string;
  runFile: string;
  chainsDir: string;
  /** Model calls of unfinished chain attempts that --resume discarded: spent money is never forgotten. */
  interruptedCallsFile: string;
}

export function runLayout(outDir: string, runId: string): RunLayout {
  const runDir = join(outDir, 'trajectories', runId);
  return {
    outDir,
    runId,
    tasksFile: join(outDir, 'tasks', `${runId}.jsonl`),
    runDir,
    runFile: join(runDir, 'run.json'),
    chainsDir: join(runDir, 'chains'),
    interruptedCallsFile: join(runDir, 'interrupted-calls.jsonl'),
  };
}

export interface ChainLayout {
  dir: string;
  chainFile: string;
  stepsFile: string;
  callsFile: string;
  screensDir: string;
  snapshotsDir: string;
}

export function chainLayout(run: RunLayout, chainId: string): ChainLayout {
  const dir = join(run.chainsDir, chainId);
  return {
    dir,
    chainFile: join(dir, 'chain.json'),
    stepsFile: join(dir, 'steps.jsonl'),
    callsFile: join(dir, 'calls.jsonl'),
    screensDir: join(dir, 'screens'),
    snapshotsDir: join(dir, 'snapshots'),
  };
}

export function chainIdFor(index: number): string {
  return `c${String(index + 1).padStart(4, '0')}`;
}

export function observationFileStem(index: number): string {
  return String(index).padStart(4, '0');
}
