import { SCHEMA_VERSION } from '../core/chain.js';
import { TrajsynthError } from '../core/errors.js';
import type { EpisodeRecord, EvalConfig, EvalRunMeta } from '../core/eval.js';
import { addReportedUsage } from '../core/agent-protocol.js';
import { addUsage, emptyUsage } from '../core/usage.js';
import { runExistsError } from '../pipeline/run-meta.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { readEvalRunMeta, runExists, writeEvalRunMeta, type RunLayout } from '../store/index.js';

/** Settings a resumed evaluation must share with the original (concurrency may change). */
const FIXED: ReadonlyArray<keyof EvalConfig> = [
  'source',
  'agent',
  'agentMode',
  'judge',
  'judges',
  'levels',
  'environments',
  'limit',
  'validOnly',
  'episodes',
  'maxSteps',
  'maxStepsPerSubtask',
  'seed',
];

/** Creates the evaluation run's run.json, or reopens it for --resume after checking the settings match. */
export async function openEvalRun(layout: RunLayout, config: EvalConfig, resume: boolean): Promise<EvalRunMeta> {
  if (runExists(layout)) {
    if (!resume) throw runExistsError(layout);
    const existing = await readEvalRunMeta(layout);
    for (const key of FIXED) {
      if (JSON.stringify(existing.config[key]) !== JSON.stringify(config[key])) {
        throw new TrajsynthError(
          `Expected --resume to use the evaluation's own ${key} (${JSON.stringify(existing.config[key])}), got ${JSON.stringify(config[key])}`,
          {
            code: 'BAD_INPUT',
            hint: `Pass the original value to resume run "${layout.runId}", or start a new run with --run NAME.`,
          },
        );
      }
    }
    const meta: EvalRunMeta = { ...existing, config: { ...existing.config, concurrency: config.concurrency }, status: 'running' };
    await writeEvalRunMeta(layout, meta);
    return meta;
  }
  const now = new Date().toISOString();
  const meta: EvalRunMeta = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'eval',
    runId: layout.runId,
    tool: { name: 'trajsynth', version: TOOL_VERSION },
    createdAt: now,
    updatedAt: now,
    status: 'running',
    config,
    counts: { planned: 0, finished: 0, successes: 0, errors: 0 },
    usage: emptyUsage(),
  };
  await writeEvalRunMeta(layout, meta);
  return meta;
}

/** run.json as of now: counts and usage summed over the episodes on record. */
export function evalMetaFor(
  meta: EvalRunMeta,
  planned: number,
  episodes: Iterable<EpisodeRecord>,
  status: EvalRunMeta['status'],
  ending: Pick<EvalRunMeta, 'stopReason' | 'budget'>,
): EvalRunMeta {
  const list = [...episodes];
  const finished = list.filter((episode) => episode.status === 'finished');
  const agentUsage = list.reduce<EvalRunMeta['agentUsage']>((total, episode) => addReportedUsage(total, episode.agentUsage), undefined);
  const { stopReason: _previous, ...rest } = meta;
  return {
    ...rest,
    ...ending,
    status,
    counts: {
      planned,
      finished: finished.length,
      successes: finished.filter((episode) => episode.success).length,
      errors: list.filter((episode) => episode.status === 'error').length,
    },
    usage: list.reduce((total, episode) => addUsage(total, episode.usage), emptyUsage()),
    ...(agentUsage ? { agentUsage } : {}),
    updatedAt: new Date().toISOString(),
  };
}
