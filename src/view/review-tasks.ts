import { createHash } from 'node:crypto';
import type { ChainRecord } from '../core/chain.js';
import type { ReplayReport } from '../core/eval.js';
import type { Predicate } from '../core/predicate.js';
import { reviewTaskId } from '../core/review.js';
import type { InteractionKind, StepRange, Subtask } from '../core/task.js';
import { readReplayReport } from '../store/eval-store.js';
import type { RunLayout } from '../store/layout.js';
import { listChainIds, readChain, readRunMeta } from '../store/run-store.js';
import type { MachineView } from './agreement.js';
import { uncertaintyScore, type QueueCandidate, type ReviewSignals } from './review-queue.js';

/** A level-k task as a reviewer sees it, with the machine signals the review queue orders by. */
export interface ReviewTask extends QueueCandidate {
  /** `<run>/<chain>/L<k>`, the exporter's sample id. */
  taskId: string;
  runId: string;
  chainId: string;
  level: number;
  environment: string;
  envSeed: number;
  startPath: string;
  /** The level-k task text the agent is given. */
  text: string;
  /** sha256 (hex) of `text`: store it in the verdict as taskTextSha256. */
  textSha256: string;
  /** The level's subtasks, in order. */
  subtasks: Array<{ id: string; description: string; origin: Subtask['origin']; interaction: InteractionKind }>;
  checker: Predicate[];
  answer?: string;
  /** The gold steps: a range of the chain's steps.jsonl (readSteps). */
  gold: StepRange;
  /** What the checkers say: replay's verdict on the gold steps, else valid (every stored level passed its checker). */
  checkerView: MachineView;
  /** What the model judge says, where it judged the level's subtasks: valid iff it passed every one it judged. */
  judgeView: MachineView | undefined;
  signals: ReviewSignals;
  /** In [0, 1], higher is less sure (see uncertaintyScore). */
  uncertainty: number;
}

/** A subtask set aside for a person: no probe decided, and its jury of judges split (never accepted). */
export interface FlaggedSubtask {
  chainId: string;
  subtaskId: string;
  description: string;
  /** The level it would have been in its chain. */
  level: number;
  environment: string;
  /** Each judge's say: "model: success|failure|no verdict". */
  jurors: string[];
  reason: string;
}

export interface ReviewRun {
  runId: string;
  layout: RunLayout;
  /** In chain, then level order. */
  tasks: ReviewTask[];
  /** Subtasks whose judges split where no probe decided, in chain order. */
  flagged: FlaggedSubtask[];
  /** Whether `trajsynth replay` ran on the run (replay.json). */
  hasReplay: boolean;
}

export function taskTextSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A synthesis run's reviewable level-k tasks: every level of every chain that finished (status
 * complete or failed) and stored levels, with its signals. Reads through the store's readers, so a
 * damaged file is a CORRUPT_FILE error naming it; an evaluation run is refused (BAD_INPUT).
 */
export async function loadReviewTasks(layout: RunLayout): Promise<ReviewRun> {
  const meta = await readRunMeta(layout);
  const replay = await readReplayReport(layout);
  const chains: ChainRecord[] = [];
  for (const chainId of await listChainIds(layout)) {
    const chain = await readChain(layout, chainId);
    if (chain) chains.push(chain);
  }
  return {
    runId: meta.runId,
    layout,
    tasks: reviewTasksOf(meta.runId, chains, replay),
    flagged: flaggedSubtasksOf(chains),
    hasReplay: replay !== undefined,
  };
}

/** Subtasks flagged for human review (their jury split where no probe decided), in chain order (pure). */
export function flaggedSubtasksOf(chains: readonly ChainRecord[]): FlaggedSubtask[] {
  return [...chains]
    .sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0))
    .flatMap((chain) => {
      let acceptedSoFar = 0;
      return chain.subtasks.flatMap((subtask) => {
        if (subtask.status === 'accepted') acceptedSoFar += 1;
        if (!subtask.verdict.flaggedForReview) return [];
        return [
          {
            chainId: chain.chainId,
            subtaskId: subtask.id,
            description: subtask.description,
            level: acceptedSoFar + 1,
            environment: chain.environment,
            jurors: (subtask.verdict.jury?.jurors ?? []).map(
              (juror) => `${juror.model}: ${juror.success === undefined ? 'no verdict' : juror.success ? 'success' : 'failure'}`,
            ),
            reason: subtask.verdict.reason,
          },
        ];
      });
    });
}

/** The reviewable tasks of chain records (pure; see loadReviewTasks). */
export function reviewTasksOf(runId: string, chains: readonly ChainRecord[], replay: ReplayReport | undefined): ReviewTask[] {
  const tasks: ReviewTask[] = [];
  for (const chain of chains) {
    if (chain.status !== 'complete' && chain.status !== 'failed') continue;
    for (const level of chain.levels) {
      const subtasks = level.subtaskIds
        .map((id) => chain.subtasks.find((subtask) => subtask.id === id))
        .filter((subtask): subtask is Subtask => subtask !== undefined);
      const judged = subtasks.map((subtask) => subtask.verdict.judge).filter((judge) => judge !== undefined);
      const replayed = replay?.tasks.find((task) => task.chainId === chain.chainId && task.level === level.level);
      const signals: ReviewSignals = {
        judgeDisagrees:
          judged.some((judge) => judge.agreesWithChecker === false) ||
          subtasks.some((subtask) => subtask.verdict.jury?.jurors.some((juror) => juror.agreesWithChecker === false)),
        minJudgeConfidence: judged.length ? Math.min(...judged.map((judge) => judge.confidence)) : undefined,
        revisedSubtasks: subtasks.filter((subtask) => subtask.origin === 'revised').length,
        replayFailed: replayed ? !replayed.valid : undefined,
        level: level.level,
      };
      tasks.push({
        taskId: reviewTaskId(runId, chain.chainId, level.level),
        runId,
        chainId: chain.chainId,
        level: level.level,
        environment: chain.environment,
        envSeed: chain.envSeed,
        startPath: chain.startPath ?? '/',
        text: level.task,
        textSha256: taskTextSha256(level.task),
        subtasks: subtasks.map((subtask) => ({
          id: subtask.id,
          description: subtask.description,
          origin: subtask.origin,
          interaction: subtask.interaction,
        })),
        checker: level.checker,
        ...(level.answer !== undefined ? { answer: level.answer } : {}),
        gold: level.gold,
        checkerView: replayed && !replayed.valid ? 'invalid' : 'valid',
        judgeView: judged.length ? (judged.every((judge) => judge.success) ? 'valid' : 'invalid') : undefined,
        signals,
        uncertainty: uncertaintyScore(signals),
      });
    }
  }
  return tasks.sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : a.level - b.level));
}

/** The checkers' and the judge's views by task id, for reviewAgreement. */
export function machineViews(tasks: readonly ReviewTask[]): {
  checkerViews: Map<string, MachineView>;
  judgeViews: Map<string, MachineView>;
} {
  const checkerViews = new Map<string, MachineView>();
  const judgeViews = new Map<string, MachineView>();
  for (const task of tasks) {
    checkerViews.set(task.taskId, task.checkerView);
    if (task.judgeView) judgeViews.set(task.taskId, task.judgeView);
  }
  return { checkerViews, judgeViews };
}
