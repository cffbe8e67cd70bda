/**
 * The weakness report of an evaluation run on disk: its episodes, with the source run's chains for
 * the subtasks' kinds (when an episode predates them) and its steps for the per-step slip rates.
 */
import { TrajsynthError, errorMessage, oneLine } from '../core/errors.js';
import { taskKey, type EvalTask } from '../core/eval.js';
import type { Step } from '../core/step.js';
import type { RunLayout } from '../store/index.js';
import { loadEvalRun } from './results.js';
import { loadTaskSource, type TaskSource } from './task-source.js';
import { weaknessReport, type ActionsOf, type WeaknessReport } from './weakness.js';

export async function loadWeaknessReport(layout: RunLayout, options: { target?: number } = {}): Promise<WeaknessReport> {
  const { meta, episodes } = await loadEvalRun(layout);
  let source: TaskSource | undefined;
  const notes: string[] = [];
  try {
    source = meta.config.sourceKind === 'run' ? await loadTaskSource(meta.config.source, layout.outDir) : undefined;
  } catch (error) {
    notes.push(`the source run ${meta.config.source} could not be read: ${oneLine(errorMessage(error), 200)}`);
  }
  // Episodes stored before tasks carried their subtasks get them from the source run.
  const sourceTasks = new Map((source?.tasks ?? []).map((task) => [taskKey(task), task]));
  const withSubtasks = episodes.map((episode) =>
    episode.task.subtasks || !sourceTasks.get(taskKey(episode.task))?.subtasks
      ? episode
      : { ...episode, task: { ...episode.task, subtasks: sourceTasks.get(taskKey(episode.task))!.subtasks! } },
  );
  const steps = new Map<string, Step[]>();
  if (source?.steps) {
    for (const chainId of new Set(withSubtasks.map((episode) => episode.task.chainId))) {
      steps.set(chainId, await source.steps(chainId).catch(() => []));
    }
  }
  const actionsOf: ActionsOf | undefined = source?.steps ? (task, index) => goldActions(task, index, steps.get(task.chainId)) : undefined;
  try {
    const report = weaknessReport(
      { evalRun: meta.runId, agent: meta.config.agent, evalSeed: meta.config.seed, episodes: withSubtasks },
      { ...(options.target !== undefined ? { target: options.target } : {}), ...(actionsOf ? { actionsOf } : {}) },
    );
    return {
      ...report,
      notes: [...notes, ...report.notes.filter((note) => !(notes.length > 0 && note.includes('steps were not at hand')))],
    };
  } catch (error) {
    if (error instanceof RangeError)
      throw new TrajsynthError(error.message, {
        code: 'BAD_INPUT',
        hint: 'Evaluate the agent on a synthesis run (not a tasks file), e.g. `trajsynth eval RUN --agent SPEC`',
      });
    throw error;
  }
}

/** The agent's steps subtask `index` takes in the gold trajectory: its actions (not `done`), and the final answer for the last one. */
function goldActions(task: EvalTask, index: number, steps: readonly Step[] | undefined): number | undefined {
  const range = task.subtasks?.[index]?.steps;
  if (!range || !steps || steps.length === 0) return undefined;
  const actions = steps.filter(
    (step) =>
      step.index >= Math.max(range.start, task.gold.start) &&
      step.index < Math.min(range.end, task.gold.end) &&
      step.executed.action.type !== 'done',
  ).length;
  const answers = index === task.level - 1 && task.answer !== undefined ? 1 : 0;
  return actions + answers;
}
