import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import {
  EpisodeRecordSchema,
  EvalRunMetaSchema,
  ReplayReportSchema,
  type EpisodeRecord,
  type EvalRunMeta,
  type ReplayReport,
} from '../core/eval.js';
import { TrajsynthError } from '../core/errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { installAttempt } from './chain-writer.js';
import { episodeAttemptLayout, episodeLayout, type EpisodeLayout, type RunLayout } from './layout.js';
import { readJsonFile, readJsonLines, readTextFile } from './parse-file.js';
import { StepSchema, type Step } from '../core/step.js';
import { AuditReportSchema, type AuditReport } from '../core/audit.js';
import { prepareDirectory, TrajectoryWriter } from './trajectory-writer.js';

/** Writes one evaluation episode's trajectory (see TrajectoryWriter) and its episode.json. */
export class EpisodeWriter extends TrajectoryWriter<EpisodeLayout> {
  /**
   * Starts the episode's directory from scratch (an unfinished earlier attempt's calls are kept
   * aside). With `attempt` (queue mode), the episode is written apart in attempts/<episode>.<attempt>/
   * and moved into episodes/ whole by `install()`, as a chain is (see ChainWriter.create).
   */
  static async create(run: RunLayout, episodeId: string, options: { attempt?: string } = {}): Promise<EpisodeWriter> {
    const layout = options.attempt !== undefined ? episodeAttemptLayout(run, episodeId, options.attempt) : episodeLayout(run, episodeId);
    await prepareDirectory(layout, run.interruptedCallsFile);
    return new EpisodeWriter(layout, run, episodeId);
  }

  private constructor(
    layout: EpisodeLayout,
    private readonly run: RunLayout,
    readonly episodeId: string,
  ) {
    super(layout);
  }

  /** Moves an attempt written apart into episodes/<episode>/ whole; a no-op for an in-place writer. */
  async install(): Promise<void> {
    const target = episodeLayout(this.run, this.episodeId).dir;
    if (this.layout.dir !== target) await installAttempt(this.layout.dir, target, this.run);
  }

  /** Writes episode.json once the steps and observations queued before it are on disk. */
  async writeEpisode(record: EpisodeRecord): Promise<void> {
    await this.drain();
    await writeFileAtomic(this.layout.episodeFile, `${JSON.stringify(record, null, 2)}\n`);
  }
}

/** What kind of run a run.json holds, without validating the rest. */
export async function runKind(layout: RunLayout): Promise<'synth' | 'eval'> {
  if (!existsSync(layout.runFile)) {
    throw new TrajsynthError(`Expected a run at ${layout.runDir}, found no run.json there`, {
      code: 'RUN_NOT_FOUND',
      hint: 'Pass the run id printed by `trajsynth synth` or `trajsynth eval` and the same --out directory.',
    });
  }
  try {
    const raw = JSON.parse(await readTextFile(layout.runFile, 'run metadata (run.json)')) as { kind?: unknown };
    return raw.kind === 'eval' ? 'eval' : 'synth';
  } catch {
    return 'synth';
  }
}

export async function readEvalRunMeta(layout: RunLayout): Promise<EvalRunMeta> {
  if ((await runKind(layout)) !== 'eval') {
    throw new TrajsynthError(`Expected an evaluation run at ${layout.runDir}, found a synthesis run`, {
      code: 'BAD_INPUT',
      hint: `Evaluate it first: trajsynth eval ${layout.runId} --agent SPEC, then report the evaluation run.`,
    });
  }
  return readJsonFile(layout.runFile, EvalRunMetaSchema, 'evaluation run metadata (run.json)');
}

export async function writeEvalRunMeta(layout: RunLayout, meta: EvalRunMeta): Promise<void> {
  await writeFileAtomic(layout.runFile, `${JSON.stringify(meta, null, 2)}\n`);
}

/** Episode ids present on disk, sorted. */
export async function listEpisodeIds(layout: RunLayout): Promise<string[]> {
  if (!existsSync(layout.episodesDir)) return [];
  const entries = await readdir(layout.episodesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The episode's record, or undefined when it never got as far as writing one. */
export async function readEpisode(layout: RunLayout, episodeId: string): Promise<EpisodeRecord | undefined> {
  const file = episodeLayout(layout, episodeId).episodeFile;
  if (!existsSync(file)) return undefined;
  return readJsonFile(file, EpisodeRecordSchema, 'an evaluation episode (episode.json)');
}

/** The episode's steps, in order (none when it never took one). */
export async function readEpisodeSteps(layout: RunLayout, episodeId: string): Promise<Step[]> {
  return readJsonLines(episodeLayout(layout, episodeId).stepsFile, StepSchema, 'a step', { missingOk: true });
}

export async function writeReplayReport(layout: RunLayout, report: ReplayReport): Promise<void> {
  await writeFileAtomic(layout.replayFile, `${JSON.stringify(report, null, 2)}\n`);
}

export async function writeAuditReport(layout: RunLayout, report: AuditReport): Promise<void> {
  await writeFileAtomic(layout.auditFile, `${JSON.stringify(report, null, 2)}\n`);
}

/** The run's audit.json, or undefined when `trajsynth audit` has not been run on it. */
export async function readAuditReport(layout: RunLayout): Promise<AuditReport | undefined> {
  if (!existsSync(layout.auditFile)) return undefined;
  return readJsonFile(layout.auditFile, AuditReportSchema, 'a checker audit (audit.json)');
}

/** The run's replay.json, or undefined when `trajsynth replay` has not been run on it. */
export async function readReplayReport(layout: RunLayout): Promise<ReplayReport | undefined> {
  if (!existsSync(layout.replayFile)) return undefined;
  return readJsonFile(layout.replayFile, ReplayReportSchema, 'a replay report (replay.json)');
}
