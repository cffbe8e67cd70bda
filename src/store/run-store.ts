import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { ChainRecordSchema, ChainTasksSchema, type ChainRecord, type ChainTasks } from '../core/chain.js';
import { TrajsynthError } from '../core/errors.js';
import { RunMetaSchema, type RunMeta } from '../core/run.js';
import { StepSchema, type Step } from '../core/step.js';
import { ModelCallSchema, type ModelCall } from '../core/usage.js';
import { writeFileAtomic } from './atomic-write.js';
import { runKind } from './eval-store.js';
import { chainLayout, runLayout, type RunLayout } from './layout.js';
import { readJsonFile, readJsonLines, readTrajectoryFile } from './parse-file.js';

export async function writeRunMeta(layout: RunLayout, meta: RunMeta): Promise<void> {
  await writeFileAtomic(layout.runFile, `${JSON.stringify(meta, null, 2)}\n`);
}

export function runExists(layout: RunLayout): boolean {
  return existsSync(layout.runFile);
}

export async function readRunMeta(layout: RunLayout): Promise<RunMeta> {
  if (!runExists(layout)) {
    throw new TrajsynthError(`Expected a run at ${layout.runDir}, found no run.json there`, {
      code: 'RUN_NOT_FOUND',
      hint: 'Pass the run id printed by `trajsynth synth` and the same --out directory.',
    });
  }
  if ((await runKind(layout)) === 'eval') {
    throw new TrajsynthError(`Expected a synthesis run at ${layout.runDir}, found an evaluation run`, {
      code: 'BAD_INPUT',
      hint: `Use \`trajsynth report ${layout.runId}\` for an evaluation run.`,
    });
  }
  return readJsonFile(layout.runFile, RunMetaSchema, 'run metadata (run.json)');
}

/** Chain ids present on disk, sorted. */
export async function listChainIds(layout: RunLayout): Promise<string[]> {
  if (!existsSync(layout.chainsDir)) return [];
  const entries = await readdir(layout.chainsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The chain's record, or undefined when the chain never got as far as writing one. */
export async function readChain(layout: RunLayout, chainId: string): Promise<ChainRecord | undefined> {
  const file = chainLayout(layout, chainId).chainFile;
  if (!existsSync(file)) return undefined;
  return readJsonFile(file, ChainRecordSchema, 'a chain record (chain.json)');
}

export async function readSteps(
  layout: RunLayout,
  chainId: string,
  options: { onTornTail?: (line: number) => void } = {},
): Promise<Step[]> {
  return readJsonLines(chainLayout(layout, chainId).stepsFile, StepSchema, 'a step', { ...options, missingOk: true });
}

/** The chain's metered model calls, in order (none for heuristic roles). */
export async function readCalls(
  layout: RunLayout,
  chainId: string,
  options: { onTornTail?: (line: number) => void } = {},
): Promise<ModelCall[]> {
  return readJsonLines(chainLayout(layout, chainId).callsFile, ModelCallSchema, 'a model call', { ...options, missingOk: true });
}

/** Model calls of chain attempts that --resume redid (see ChainWriter.create). */
export async function readInterruptedCalls(layout: RunLayout, options: { onTornTail?: (line: number) => void } = {}): Promise<ModelCall[]> {
  return readJsonLines(layout.interruptedCallsFile, ModelCallSchema, 'a model call', { ...options, missingOk: true });
}

/** Writes tasks/<run>.jsonl atomically, one line per chain in chain order, so the same seed gives the same bytes. */
export async function writeTasksFile(layout: RunLayout, chains: readonly ChainTasks[]): Promise<void> {
  const sorted = [...chains].sort((a, b) => a.chainId.localeCompare(b.chainId));
  await writeFileAtomic(layout.tasksFile, sorted.map((chain) => JSON.stringify(chain)).join('\n') + (sorted.length ? '\n' : ''));
}

export async function readTasksFile(layout: RunLayout): Promise<ChainTasks[]> {
  return readJsonLines(layout.tasksFile, ChainTasksSchema, 'a chain of level-k tasks', { missingOk: true });
}

export { runLayout };

/**
 * The text of a file one of a chain's steps refers to (its accessibility snapshot), or undefined
 * when it is missing. Read only from inside the chain's directory: a reference that leads out of it
 * (an absolute path, `..`) in a run received from someone else is not followed.
 */
export async function readChainStepFile(layout: RunLayout, chainId: string, reference: string): Promise<string | undefined> {
  return readTrajectoryFile(chainLayout(layout, chainId).dir, reference);
}
