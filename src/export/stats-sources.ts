import type { ChainRecord } from '../core/chain.js';
import { taskKey } from '../core/eval.js';
import type { AppCoverage } from '../core/run.js';
import type { AuditReport } from '../core/audit.js';
import { listEpisodeIds, readAuditReport, readEpisode, readEvalRunMeta, runKind } from '../store/eval-store.js';
import { runLayout, type RunLayout } from '../store/layout.js';
import { assertRunIntact } from '../store/run-damage.js';
import { listChainIds, readChain, readRunMeta, runExists } from '../store/run-store.js';
import type { StatsSample } from './dataset-stats.js';

export interface StatsSource {
  runId: string;
  kind: 'synth' | 'eval';
  samples: StatsSample[];
  coverage: AppCoverage[];
}

const DAMAGE_HINT =
  'Run `trajsynth validate RUN` for every problem; restore the files or redo those chains with `trajsynth synth ... --resume --redo-damaged`.';

/**
 * Reads a run into stats samples: each stored level-k task of a finished chain (synthesis), or each
 * finished episode (evaluation; its task's interactions and persona come from the source run when
 * that run is in the same store). A damaged run is refused, naming its damaged files.
 */
export async function readStatsSource(layout: RunLayout): Promise<StatsSource> {
  await assertRunIntact(layout, DAMAGE_HINT);
  if ((await runKind(layout)) === 'eval') return readEvalSource(layout);
  const meta = await readRunMeta(layout);
  const audit = await readAuditReport(layout);
  const samples: StatsSample[] = [];
  for (const chainId of await listChainIds(layout)) {
    const chain = await readChain(layout, chainId);
    if (!chain || chain.status === 'running' || chain.status === 'error') continue;
    samples.push(...chainSamples(layout.runId, chain, audit));
  }
  return { runId: layout.runId, kind: 'synth', samples, coverage: meta.coverage };
}

function chainSamples(runId: string, chain: ChainRecord, audit: AuditReport | undefined): StatsSample[] {
  return chain.levels.map((level) => {
    const audited = audit?.tasks.find((task) => task.chainId === chain.chainId && task.level === level.level);
    return {
      id: `${runId}/${chain.chainId}/L${level.level}`,
      runId,
      sourceRunId: runId,
      chainId: chain.chainId,
      environment: chain.environment,
      level: level.level,
      interactions: level.subtaskIds.flatMap((id) => chain.subtasks.find((subtask) => subtask.id === id)?.interaction ?? []),
      persona: chain.persona,
      task: level.task,
      steps: goldSteps(level.gold),
      ...(level.audit ? { synthAudit: { mode: level.audit.mode, killed: level.audit.killed, stuck: level.audit.stuck } } : {}),
      ...(audited
        ? {
            checkerAudit: {
              sound: audited.sound,
              killed: audited.score.killed,
              replayed: audited.score.replayed,
              stuck: audited.score.stuck,
            },
          }
        : {}),
    };
  });
}

function goldSteps(gold: { start: number; end: number }): number[] {
  return Array.from({ length: Math.max(0, gold.end - gold.start) }, (_, offset) => gold.start + offset);
}

async function readEvalSource(layout: RunLayout): Promise<StatsSource> {
  await readEvalRunMeta(layout);
  const chains = new Map<string, ChainRecord | undefined>();
  const sourceChain = async (source: string, chainId: string): Promise<ChainRecord | undefined> => {
    const key = `${source}/${chainId}`;
    if (!chains.has(key)) {
      const sourceLayout = runLayout(layout.outDir, source);
      const found =
        /^[\w.-]+$/.test(source) && runExists(sourceLayout) ? await readChain(sourceLayout, chainId).catch(() => undefined) : undefined;
      chains.set(key, found);
    }
    return chains.get(key);
  };
  const samples: StatsSample[] = [];
  for (const episodeId of await listEpisodeIds(layout)) {
    const episode = await readEpisode(layout, episodeId);
    if (!episode || episode.status !== 'finished') continue;
    const { task } = episode;
    const chain = await sourceChain(task.source, task.chainId);
    const level = chain?.levels.find((candidate) => candidate.level === task.level);
    samples.push({
      id: taskKey(task),
      runId: layout.runId,
      sourceRunId: task.source,
      chainId: task.chainId,
      environment: task.environment,
      level: task.level,
      interactions: level ? level.subtaskIds.flatMap((id) => chain!.subtasks.find((subtask) => subtask.id === id)?.interaction ?? []) : [],
      ...(chain ? { persona: chain.persona } : {}),
      task: task.text,
      steps: goldSteps(task.gold),
      outcome: {
        success: episode.success === true,
        progress: episode.progress ?? 0,
        ...(episode.endedBy ? { endedBy: episode.endedBy } : {}),
      },
    });
  }
  return { runId: layout.runId, kind: 'eval', samples, coverage: [] };
}
