import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ChainRecord, ChainTasks } from '../core/chain.js';
import { ChainTasksSchema, SCHEMA_VERSION } from '../core/chain.js';
import { TrajsynthError } from '../core/errors.js';
import type { EvalTask, ReplayReport } from '../core/eval.js';
import type { AuditReport } from '../core/audit.js';
import type { Level } from '../core/task.js';
import { consensusByTask, consensusLabelOf, type ConsensusOptions } from '../core/review-consensus.js';
import type { ReviewVerdict } from '../core/review.js';
import type { UrlSite } from '../core/environment.js';
import {
  listChainIds,
  readChain,
  readReplayReport,
  readAuditReport,
  readReviewVerdicts,
  readRunMeta,
  readSteps,
  readTextFile,
  parseValue,
  runLayout,
  type RunLayout,
} from '../store/index.js';
import type { Step } from '../core/step.js';

/** Where an evaluation's tasks come from: a synthesis run (with its gold trajectories) or a tasks file. */
export interface TaskSource {
  id: string;
  kind: 'run' | 'tasks-file';
  tasks: EvalTask[];
  /** The run's layout, when the source is a run (gold agents read its steps). */
  layout?: RunLayout;
  replay?: ReplayReport;
  /** The run's checker audit (audit.json), when `trajsynth audit` has been run on it. */
  audit?: AuditReport;
  /** Human review verdicts on the run's tasks (reviews.jsonl), when there are any. */
  reviews?: ReviewVerdict[];
  /** Why reviews.jsonl could not be read (a damaged line): an error only for --valid-only, which needs it. */
  reviewsError?: TrajsynthError;
  /** The website, when the run synthesized on one (--url). */
  site?: UrlSite;
  /** The chain's recorded steps (runs only). */
  steps?(chainId: string): Promise<Step[]>;
}

/** The answer the gold trajectory gave, when the level-k task asks for one. */
export function levelAnswer(record: ChainRecord, level: Level): string | undefined {
  if (level.answer !== undefined) return level.answer;
  const last = record.subtasks.find((subtask) => subtask.id === level.subtaskIds[level.subtaskIds.length - 1]);
  return last?.predicates.some((predicate) => predicate.kind === 'answer') ? last.answer : undefined;
}

/**
 * Resolves SOURCE: a run directory, a run id under `outDir`, or a tasks file (tasks/<run>.jsonl).
 * A run gives every level of every chain with its subtasks' postconditions and gold steps.
 */
export async function loadTaskSource(source: string, outDir: string): Promise<TaskSource> {
  const asPath = resolve(source);
  if (
    source.endsWith('.jsonl') ||
    (existsSync(asPath) && !existsSync(resolve(asPath, 'run.json')) && !existsSync(resolve(outDir, 'trajectories', source, 'run.json')))
  ) {
    return loadTasksFile(asPath);
  }
  const layout = existsSync(resolve(asPath, 'run.json'))
    ? runLayout(resolve(asPath, '..', '..'), basename(asPath))
    : runLayout(outDir, source);
  const meta = await readRunMeta(layout);
  const tasks: EvalTask[] = [];
  for (const chainId of await listChainIds(layout)) {
    const record = await readChain(layout, chainId);
    if (!record || record.status === 'running') continue;
    for (const level of record.levels) tasks.push(taskOf(meta.runId, record, level));
  }
  const replay = await readReplayReport(layout);
  const audit = await readAuditReport(layout);
  let reviews: ReviewVerdict[] = [];
  let reviewsError: TrajsynthError | undefined;
  try {
    reviews = await readReviewVerdicts(layout);
  } catch (error) {
    if (!(error instanceof TrajsynthError)) throw error;
    reviewsError = error;
  }
  return {
    id: meta.runId,
    kind: 'run',
    tasks,
    layout,
    ...(replay ? { replay } : {}),
    ...(audit ? { audit } : {}),
    ...(reviews.length > 0 ? { reviews } : {}),
    ...(reviewsError ? { reviewsError } : {}),
    ...(meta.config.site ? { site: meta.config.site } : {}),
    steps: (chainId) => readSteps(layout, chainId),
  };
}

function taskOf(source: string, record: ChainRecord, level: Level): EvalTask {
  const subtasks = level.subtaskIds.map((id) => record.subtasks.find((subtask) => subtask.id === id));
  const answer = levelAnswer(record, level);
  return {
    source,
    chainId: record.chainId,
    level: level.level,
    environment: record.environment,
    envSeed: record.envSeed,
    startPath: record.startPath ?? '/',
    text: level.task,
    checker: level.checker,
    subtaskChecks: level.subtaskChecks ?? (subtasks.every(Boolean) ? subtasks.map((subtask) => subtask!.predicates) : []),
    ...(level.ordered ? { ordered: true } : {}),
    ...(answer !== undefined ? { answer } : {}),
    gold: level.gold,
    ...(subtasks.every(Boolean)
      ? { subtasks: subtasks.map((subtask) => ({ interaction: subtask!.interaction, steps: subtask!.steps })) }
      : {}),
  };
}

async function loadTasksFile(path: string): Promise<TaskSource> {
  const text = await readTextFile(path, 'a tasks file (tasks/<run>.jsonl)');
  const id = basename(path).replace(/\.jsonl$/, '');
  const tasks: EvalTask[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new TrajsynthError(`Expected ${path}:${index + 1} to be a JSON line of level-k tasks, got unparseable text`, {
        code: 'CORRUPT_FILE',
      });
    }
    const version = (raw as { schemaVersion?: unknown }).schemaVersion;
    if (version !== SCHEMA_VERSION) {
      throw new TrajsynthError(
        `Expected tasks of schema version ${SCHEMA_VERSION} in ${path}, got version ${JSON.stringify(version)} on line ${index + 1}`,
        {
          code: 'SCHEMA_VERSION',
          hint: `This trajsynth reads schema version ${SCHEMA_VERSION}: use the trajsynth version that wrote the file, or synthesize the tasks again with this one.`,
        },
      );
    }
    const chain: ChainTasks = parseValue(raw, ChainTasksSchema, `${path}:${index + 1}`, 'a chain of level-k tasks');
    for (const level of chain.levels) {
      tasks.push({
        source: id,
        chainId: chain.chainId,
        level: level.level,
        environment: chain.environment,
        envSeed: chain.envSeed,
        startPath: chain.startPath,
        text: level.task,
        checker: level.checker,
        subtaskChecks: level.subtaskChecks ?? [],
        ...(level.ordered && level.subtaskChecks ? { ordered: true } : {}),
        ...(level.answer !== undefined ? { answer: level.answer } : {}),
        gold: level.gold,
      });
    }
  });
  return { id, kind: 'tasks-file', tasks };
}

export interface TaskSelection {
  levels?: readonly number[];
  environments?: readonly string[];
  limit?: number;
  /**
   * Only valid tasks: replay-valid where the run has replay.json, sound where it has audit.json (the
   * gold passes and no near-miss does), and accepted by human review (consensus label `accepted`)
   * where it has reviews; at least one of the three is needed.
   */
  validOnly?: boolean;
  /** How reviews become a consensus for validOnly (default majority of at least 2 reviewers). */
  consensus?: Partial<ConsensusOptions>;
}

/** The tasks an evaluation runs, in chain then level order. */
export function selectTasks(source: TaskSource, selection: TaskSelection): EvalTask[] {
  let tasks = [...source.tasks].sort((a, b) => a.chainId.localeCompare(b.chainId) || a.level - b.level);
  if (selection.levels) tasks = tasks.filter((task) => selection.levels!.includes(task.level));
  if (selection.environments) tasks = tasks.filter((task) => selection.environments!.includes(task.environment));
  if (selection.validOnly) {
    if (source.reviewsError) throw source.reviewsError;
    if (!source.replay && !source.audit && !source.reviews?.length) {
      throw new TrajsynthError(`Expected a replay report, a checker audit or human reviews for --valid-only, but ${source.id} has none`, {
        code: 'BAD_INPUT',
        hint:
          source.kind === 'run'
            ? `Run \`trajsynth audit ${source.id}\` (audit.json: the gold replayed and every near-miss rejected) or \`trajsynth replay ${source.id}\` first, or review its tasks (trajectories/${source.id}/reviews.jsonl, see \`trajsynth reviews\`).`
            : '--valid-only needs a run (replay and audit check its gold trajectories and checkers; reviewers judge its tasks), not a tasks file.',
      });
    }
    if (source.replay) {
      const valid = new Set(source.replay.tasks.filter((task) => task.valid).map((task) => `${task.chainId}/${task.level}`));
      tasks = tasks.filter((task) => valid.has(`${task.chainId}/${task.level}`));
    }
    if (source.audit) {
      const sound = soundTaskKeys(source.audit);
      tasks = tasks.filter((task) => sound.has(`${task.chainId}/${task.level}`));
    }
    if (source.reviews?.length) {
      const consensus = consensusByTask(source.reviews, selection.consensus);
      tasks = tasks.filter((task) => consensusLabelOf(consensus, `${source.id}/${task.chainId}/L${task.level}`) === 'accepted');
    }
  }
  if (selection.limit !== undefined) tasks = tasks.slice(0, selection.limit);
  return tasks;
}

/** The tasks an audit found sound (`chain/level`): the gold passes, and no near-miss does. */
export function soundTaskKeys(audit: Pick<AuditReport, 'tasks'>): Set<string> {
  return new Set(audit.tasks.filter((task) => task.sound).map((task) => `${task.chainId}/${task.level}`));
}
