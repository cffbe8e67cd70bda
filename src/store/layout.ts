import { join } from 'node:path';

/**
 * On-disk layout of a run, relative to an output directory:
 *   tasks/<run>.jsonl                                  level-k tasks, one line per chain
 *   trajectories/<run>/run.json                        run metadata and summary
 *   trajectories/<run>/interrupted-calls.jsonl         model calls of chain attempts redone on --resume
 *   trajectories/<run>/replay.json                     replay validation of every level-k task (trajsynth replay)
 *   trajectories/<run>/reviews.jsonl                   human review verdicts on level-k tasks, append-only,
 *                                                      one line per verdict (trajsynth reviews)
 *   trajectories/<eval-run>/episodes/<episode>/...     an evaluation run's episodes: episode.json, steps.jsonl,
 *                                                      calls.jsonl, screens/, snapshots/ (as a chain's)
 *   trajectories/<run>/chains/<chain>/chain.json       subtasks with lineage, levels, usage
 *   trajectories/<run>/chains/<chain>/steps.jsonl      one line per executed action
 *   trajectories/<run>/chains/<chain>/calls.jsonl      one line per model call (role, model, tokens, USD)
 *   trajectories/<run>/chains/<chain>/screens/NNNN.webp
 *   trajectories/<run>/chains/<chain>/snapshots/NNNN.yaml
 *   trajectories/<run>/attempts/<item>.<attempt>/       queue mode: a chain's or episode's attempt written apart and moved
 *                                                      into chains/ whole when it ends (a killed worker's
 *                                                      attempt is never half-kept)
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
  replayFile: string;
  /** The mutation audit of the run's checkers (`trajsynth audit`; AuditReportSchema). */
  auditFile: string;
  /** Human review verdicts (ReviewVerdictSchema), one per line; a reviewer's latest on a task counts. */
  reviewsFile: string;
  /** An evaluation run's episodes. */
  episodesDir: string;
  /** Queue mode: chain and episode attempts being written, each moved into place whole when it ends. */
  attemptsDir: string;
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
    replayFile: join(runDir, 'replay.json'),
    auditFile: join(runDir, 'audit.json'),
    reviewsFile: join(runDir, 'reviews.jsonl'),
    episodesDir: join(runDir, 'episodes'),
    attemptsDir: join(runDir, 'attempts'),
  };
}

/** Where one trajectory (a chain, or an evaluation episode) keeps its files. */
export interface TrajectoryLayout {
  dir: string;
  stepsFile: string;
  callsFile: string;
  screensDir: string;
  snapshotsDir: string;
}

export function trajectoryLayout(dir: string): TrajectoryLayout {
  return {
    dir,
    stepsFile: join(dir, 'steps.jsonl'),
    callsFile: join(dir, 'calls.jsonl'),
    screensDir: join(dir, 'screens'),
    snapshotsDir: join(dir, 'snapshots'),
  };
}

export interface EpisodeLayout extends TrajectoryLayout {
  episodeFile: string;
}

export function episodeLayout(run: RunLayout, episodeId: string): EpisodeLayout {
  const dir = join(run.episodesDir, episodeId);
  return { ...trajectoryLayout(dir), episodeFile: join(dir, 'episode.json') };
}

export interface ChainLayout extends TrajectoryLayout {
  chainFile: string;
}

export function chainLayout(run: RunLayout, chainId: string): ChainLayout {
  const dir = join(run.chainsDir, chainId);
  return { ...trajectoryLayout(dir), chainFile: join(dir, 'chain.json') };
}

/** Where one attempt at an episode is written in queue mode before it is moved into episodes/ whole. */
export function episodeAttemptLayout(run: RunLayout, episodeId: string, attempt: string): EpisodeLayout {
  const dir = join(run.attemptsDir, `${episodeId}.${attempt}`);
  return { ...trajectoryLayout(dir), episodeFile: join(dir, 'episode.json') };
}

/** Where one attempt at a chain is written in queue mode before it is moved into chains/ whole. */
export function chainAttemptLayout(run: RunLayout, chainId: string, attempt: string): ChainLayout {
  const dir = join(run.attemptsDir, `${chainId}.${attempt}`);
  return { ...trajectoryLayout(dir), chainFile: join(dir, 'chain.json') };
}

export function chainIdFor(index: number): string {
  return `c${String(index + 1).padStart(4, '0')}`;
}

export function observationFileStem(index: number): string {
  return String(index).padStart(4, '0');
}
