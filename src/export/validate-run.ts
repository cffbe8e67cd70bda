import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ChainRecordSchema, type ChainRecord } from '../core/chain.js';
import { EpisodeRecordSchema, EvalRunMetaSchema } from '../core/eval.js';
import { RunMetaSchema } from '../core/run.js';
import { runKind, listEpisodeIds } from '../store/eval-store.js';
import { chainLayout, episodeLayout, runLayout, type RunLayout } from '../store/layout.js';
import { findReviewsDamage, findRunDamage } from '../store/run-damage.js';
import { listChainIds } from '../store/run-store.js';
import { decodeImages } from './decode-images.js';
import { environmentFacts, type EnvironmentFacts } from './environment-facts.js';
import { readRawJson, schemaVersionProblem, splitIssue } from './raw-json.js';
import { checkChainLevels, checkChecker, checkDuplicateTasks, checkGoldShape, type TaskIdentity } from './validate-levels.js';
import { checkSteps, readStepLines, type ScreenshotReference } from './validate-steps.js';
import { checkTasksFile, readTasksLines } from './validate-tasks-file.js';
import { ProblemList, type ValidationReport } from './validation-problem.js';

export interface ValidateOptions {
  /** Screenshots decoded at once (default: up to 8, one per core). */
  concurrency?: number;
}

/** A screenshot to decode, the size it must have, and where it is first referenced. */
interface ScreenshotCheck extends ScreenshotReference {
  viewport: { width: number; height: number } | undefined;
}

/**
 * Everything a publisher needs to hold of a run (synthesis or evaluation) before it ships: every
 * file readable through its schema at a known schema version (findRunDamage, plus the version by
 * name), every referenced screenshot and snapshot present, every screenshot decoding at the viewport
 * size, steps numbered 0..n-1, and for synthesis runs well-formed level-k tasks (gold ranges,
 * checkers, summaries that keep their constants, no duplicates) that agree with the tasks file,
 * and every line of reviews.jsonl a valid verdict.
 * Problems name the file (relative to the store directory), line and field; none means valid.
 */
export async function validateRun(runLayoutIn: RunLayout, options: ValidateOptions = {}): Promise<ValidationReport> {
  const layout = runLayout(resolve(runLayoutIn.outDir), runLayoutIn.runId);
  const problems = new ProblemList(layout.outDir);
  /** Record files (and tasks lines) whose version was reported: their schema damage is the same problem. */
  const versionReported = new Set<string>();
  const observationFiles = new Set<string>();
  const screenshots: ScreenshotCheck[] = [];
  const counts: Record<string, number> = {};

  const kind = await runKind(layout);
  const rawMeta = await readRawJson(layout.runFile);
  const metaVersion = schemaVersionProblem(rawMeta);
  if (metaVersion) {
    problems.add(layout.runFile, metaVersion, { field: 'schemaVersion' });
    versionReported.add(layout.runFile);
  }

  const addScreenshots = (references: ScreenshotReference[], facts: EnvironmentFacts) => {
    for (const reference of references) screenshots.push({ ...reference, viewport: facts.viewport });
  };
  const noteObservationFiles = (dir: string, lines: Awaited<ReturnType<typeof readStepLines>>) => {
    for (const { step } of lines)
      for (const ref of [step.before, step.after])
        for (const name of [ref.screenshot, ref.snapshot]) observationFiles.add(resolve(dir, name));
  };

  if (kind === 'synth') {
    const metaParsed = RunMetaSchema.safeParse(rawMeta);
    const meta = metaParsed.success ? metaParsed.data : undefined;
    const tasksLines = await readTasksLines(problems, layout);
    for (const line of tasksLines.versionLines) versionReported.add(`${layout.tasksFile}:${line}`);
    const chainIds = await listChainIds(layout);
    const chains = new Map<string, { record: ChainRecord; file: string }>();
    const identities: TaskIdentity[] = [];
    counts.chains = 0;
    counts.levelTasks = 0;
    counts.steps = 0;
    for (const chainId of chainIds) {
      const files = chainLayout(layout, chainId);
      const summary = meta?.chains.find((chain) => chain.chainId === chainId);
      if (!existsSync(files.chainFile)) {
        if (summary && summary.status !== 'pending' && summary.status !== 'running')
          problems.add(files.chainFile, `does not exist, but run.json lists chain ${chainId} as ${summary.status}`);
        continue;
      }
      const raw = await readRawJson(files.chainFile);
      const version = schemaVersionProblem(raw);
      if (version) {
        problems.add(files.chainFile, version, { field: 'schemaVersion' });
        versionReported.add(files.chainFile);
        continue;
      }
      const parsed = ChainRecordSchema.safeParse(raw);
      if (!parsed.success) continue; // findRunDamage names the field
      const record = parsed.data;
      chains.set(chainId, { record, file: files.chainFile });
      counts.chains += 1;
      counts.levelTasks += record.levels.length;
      const facts = environmentFacts(record.environment, meta?.config.site);
      if (!facts.known)
        problems.add(files.chainFile, `Expected a bundled environment id or "url", got "${record.environment}"`, { field: 'environment' });
      const lines = await readStepLines(files.stepsFile);
      counts.steps += lines.length;
      noteObservationFiles(files.dir, lines);
      addScreenshots(
        await checkSteps(
          problems,
          files,
          lines,
          record.status === 'running' ? undefined : { count: record.stepCount, file: files.chainFile },
        ),
        facts,
      );
      checkChainLevels(problems, files.chainFile, record, record.stepCount, facts.hasStateProbe && meta?.config.environment !== 'url');
      const startPath = record.startPath ?? tasksLines.byChain.get(chainId)?.tasks.startPath ?? '/';
      record.levels.forEach((level, position) =>
        identities.push({
          environment: record.environment,
          startPath,
          task: level.task,
          label: `${chainId} L${level.level}`,
          file: files.chainFile,
          field: `levels[${position}].task`,
        }),
      );
    }
    for (const summary of meta?.chains ?? []) {
      if (!chainIds.includes(summary.chainId) && (summary.status === 'complete' || summary.status === 'failed')) {
        problems.add(layout.runFile, `Expected a directory for chain ${summary.chainId} (listed as ${summary.status}), got none`, {
          field: 'chains',
        });
      }
    }
    checkTasksFile(problems, layout, tasksLines, chains, new Set(chainIds));
    checkDuplicateTasks(problems, identities);
  } else {
    const metaParsed = EvalRunMetaSchema.safeParse(rawMeta);
    counts.episodes = 0;
    counts.steps = 0;
    for (const episodeId of await listEpisodeIds(layout)) {
      const files = episodeLayout(layout, episodeId);
      if (!existsSync(files.episodeFile)) {
        problems.add(files.episodeFile, `does not exist: episode ${episodeId} has a directory but no record`);
        continue;
      }
      const raw = await readRawJson(files.episodeFile);
      const version = schemaVersionProblem(raw);
      if (version) {
        problems.add(files.episodeFile, version, { field: 'schemaVersion' });
        versionReported.add(files.episodeFile);
        continue;
      }
      const parsed = EpisodeRecordSchema.safeParse(raw);
      if (!parsed.success) continue;
      const episode = parsed.data;
      counts.episodes += 1;
      const facts = environmentFacts(episode.task.environment);
      if (!facts.known)
        problems.add(files.episodeFile, `Expected a bundled environment id or "url", got "${episode.task.environment}"`, {
          field: 'task.environment',
        });
      if (!existsSync(files.stepsFile) && episode.stepCount > 0)
        problems.add(files.stepsFile, `does not exist, but episode.json counts ${episode.stepCount} step(s)`);
      const lines = await readStepLines(files.stepsFile);
      counts.steps += lines.length;
      noteObservationFiles(files.dir, lines);
      addScreenshots(
        await checkSteps(
          problems,
          files,
          lines,
          episode.status === 'running' ? undefined : { count: episode.stepCount, file: files.episodeFile },
        ),
        facts,
      );
      checkChecker(problems, files.episodeFile, 'task.checker', episode.task.checker, facts.hasStateProbe);
      checkGoldShape(problems, files.episodeFile, 'task.gold', episode.task.gold);
    }
    if (metaParsed.success && metaParsed.data.counts.finished > counts.episodes) {
      problems.add(
        layout.runFile,
        `Expected at least ${metaParsed.data.counts.finished} episode record(s) (counts.finished), got ${counts.episodes}`,
        { field: 'counts.finished' },
      );
    }
  }

  counts.screenshotsDecoded = await decodeScreenshots(problems, screenshots, options);

  for (const damage of [...(await findRunDamage(layout)), ...(kind === 'synth' ? await findReviewsDamage(layout) : [])]) {
    const file = resolve(damage.file);
    if (observationFiles.has(file)) continue; // named above, at the step that references it
    if (versionReported.has(file) || versionReported.has(`${file}:${damage.line}`)) continue;
    const { field, message } = splitIssue(damage.problem);
    problems.add(file, message, { field, line: damage.line });
  }
  return { kind: kind === 'eval' ? 'eval-run' : 'synth-run', source: layout.runId, problems: sortProblems(problems), counts };
}

async function decodeScreenshots(
  problems: ProblemList,
  screenshots: readonly ScreenshotCheck[],
  options: ValidateOptions,
): Promise<number> {
  const results = await decodeImages(
    screenshots.map((screenshot) => screenshot.path),
    options,
  );
  let decoded = 0;
  results.forEach((result, index) => {
    const reference = screenshots[index]!;
    const name = relative(dirname(reference.stepsFile), reference.path).split('\\').join('/');
    if (result.problem !== undefined)
      return problems.add(reference.stepsFile, `${name} ${result.problem}`, { line: reference.line, field: reference.field });
    decoded += 1;
    const viewport = reference.viewport;
    if (viewport && (result.width !== viewport.width || result.height !== viewport.height)) {
      problems.add(
        reference.stepsFile,
        `${name}: Expected ${viewport.width}x${viewport.height} (the viewport), got ${result.width}x${result.height}`,
        { line: reference.line, field: reference.field },
      );
    }
  });
  return decoded;
}

/** Problems by file, then line, keeping the order checks found them in otherwise. */
function sortProblems(problems: ProblemList): ValidationReport['problems'] {
  return problems.problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) =>
      a.problem.file < b.problem.file
        ? -1
        : a.problem.file > b.problem.file
          ? 1
          : (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order,
    )
    .map(({ problem }) => problem);
}
