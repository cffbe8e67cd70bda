import PQueue from 'p-queue';
import {
  MUTANT_KINDS,
  mutationScoreOf,
  mutationScoresBy,
  type AuditReport,
  type AuditTask,
  type MutantKind,
  type MutantResult,
} from '../core/audit.js';
import { SCHEMA_VERSION, type ChainRecord } from '../core/chain.js';
import { throwIfAborted } from '../core/errors.js';
import { describePredicate } from '../core/predicate.js';
import type { Step } from '../core/step.js';
import type { Level } from '../core/task.js';
import { goldSteps } from '../agents/gold-policy.js';
import type { SessionFactory } from '../pipeline/chain-runner.js';
import { acceptedSubtasks, levelAnswerValues, noOpSubmitSteps, planMutants, wrongAnswers, type MutantPlan } from '../pipeline/mutants.js';
import { replayVariant, type VariantLevel } from '../pipeline/variant-replay.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { listChainIds, readChain, readChainStepFile, readRunMeta, readSteps, writeAuditReport, type RunLayout } from '../store/index.js';
import { levelAnswer } from './task-source.js';
import { replayBrowser, runEnvironments } from './replay-setup.js';

export type AuditEvent =
  | { type: 'audit-started'; runId: string; chains: number; tasks: number }
  | { type: 'audit-chain'; chainId: string; mutants: number; survived: number }
  | { type: 'audit-mutant'; mutant: MutantResult };

export interface AuditOptions {
  layout: RunLayout;
  /** Mutant kinds to try (default every kind). */
  kinds?: readonly MutantKind[];
  /** Only these levels (default every level). */
  levels?: readonly number[];
  /** Only chains in these apps. */
  environments?: readonly string[];
  /** Chains audited in parallel (default 2). */
  concurrency?: number;
  browser?: SessionFactory;
  executablePath?: string;
  /** Where the run's website is served now, when it has moved since the run. */
  siteUrl?: string;
  /** Store the result as the run's audit.json (default true). */
  write?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: AuditEvent) => void;
}

/**
 * Mutation testing of a run's checkers in the browser: for every chain, the gold trajectory and each
 * of its near-misses (core/audit's kinds) are replayed from the seeded reset, and every level-k task
 * that includes the mutated subtask is judged as an evaluation would judge it. A sound checker
 * rejects every mutant; a mutant that could not be replayed to its end (stuck) proves nothing and
 * counts in no score. A level whose gold does not pass is reported, not audited.
 */
export async function auditRun(options: AuditOptions): Promise<AuditReport> {
  const { layout, signal } = options;
  const started = performance.now();
  const kinds = new Set(options.kinds ?? MUTANT_KINDS);
  const meta = await readRunMeta(layout);
  const source = runEnvironments(meta, options.siteUrl);
  const selected = (level: Level) => !options.levels || options.levels.includes(level.level);
  const chains: Array<{ record: ChainRecord; steps: Step[] }> = [];
  for (const chainId of await listChainIds(layout)) {
    const record = await readChain(layout, chainId);
    if (!record || record.status === 'running' || !record.levels.some(selected)) continue;
    if (options.environments && !options.environments.includes(record.environment)) continue;
    chains.push({ record, steps: await readSteps(layout, chainId) });
  }
  options.onEvent?.({
    type: 'audit-started',
    runId: layout.runId,
    chains: chains.length,
    tasks: chains.reduce((sum, chain) => sum + chain.record.levels.filter(selected).length, 0),
  });
  const { browser, release } = await replayBrowser({ ...options, concurrency: options.concurrency ?? 2 });
  const tasks: AuditTask[] = [];
  const mutants: MutantResult[] = [];
  try {
    const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
    await Promise.all(
      chains.map(({ record, steps }) =>
        queue.add(async () => {
          const manifest = source.manifests.find((candidate) => candidate.id === record.environment) ?? source.manifestFor(record.index);
          const environment = await source.start(manifest, record.envSeed, signal);
          try {
            const start = { environment, envSeed: record.envSeed, startPath: record.startPath ?? manifest.startPath };
            const audited = await auditChain({
              record,
              steps,
              levels: record.levels.filter(selected),
              kinds,
              start,
              browser,
              snapshotOf: (reference) => readChainStepFile(layout, record.chainId, reference),
              signal,
              onEvent: options.onEvent,
            });
            tasks.push(...audited.tasks);
            mutants.push(...audited.mutants);
            options.onEvent?.({
              type: 'audit-chain',
              chainId: record.chainId,
              mutants: audited.mutants.length,
              survived: audited.mutants.filter((mutant) => mutant.outcome === 'survived').length,
            });
          } finally {
            await environment.close().catch(() => undefined);
          }
        }),
      ),
    );
  } finally {
    await release();
  }
  tasks.sort((a, b) => a.chainId.localeCompare(b.chainId) || a.level - b.level);
  mutants.sort((a, b) => a.chainId.localeCompare(b.chainId) || a.level - b.level || a.subtask - b.subtask || a.kind.localeCompare(b.kind));
  const report = auditReportOf(layout.runId, [...kinds], tasks, mutants, Math.round(performance.now() - started));
  if (options.write !== false) await writeAuditReport(layout, report);
  return report;
}

/** The report of audited tasks and their mutants: the scores overall and by level, app, mutant kind and predicate kind. */
export function auditReportOf(
  runId: string,
  kinds: readonly MutantKind[],
  tasks: AuditTask[],
  mutants: MutantResult[],
  wallMs: number,
): AuditReport {
  const overall = mutationScoreOf(mutants.map((mutant) => mutant.outcome));
  return {
    schemaVersion: SCHEMA_VERSION,
    runId,
    tool: { name: 'trajsynth', version: TOOL_VERSION },
    createdAt: new Date().toISOString(),
    wallMs,
    kinds: MUTANT_KINDS.filter((kind) => kinds.includes(kind)),
    ...(overall.score !== undefined ? { mutationScore: overall.score } : {}),
    overall,
    byLevel: mutationScoresBy(mutants, (mutant) => [String(mutant.level)]),
    byEnvironment: mutationScoresBy(mutants, (mutant) => [mutant.environment]),
    byKind: mutationScoresBy(mutants, (mutant) => [mutant.kind]),
    byPredicateKind: mutationScoresBy(mutants, (mutant) => [...new Set(mutant.predicateKinds)]),
    tasks,
    mutants,
  };
}

interface ChainAuditInput {
  record: ChainRecord;
  steps: readonly Step[];
  levels: readonly Level[];
  kinds: ReadonlySet<MutantKind>;
  start: Parameters<typeof replayVariant>[0]['start'];
  browser: SessionFactory;
  /** Reads a file a step refers to (its snapshot). */
  snapshotOf: (reference: string) => Promise<string | undefined>;
  signal?: AbortSignal | undefined;
  onEvent?: ((event: AuditEvent) => void) | undefined;
}

/** One chain: its gold (with the wrong answers judged on it), then each mutant, one replay each. */
async function auditChain(input: ChainAuditInput): Promise<{ tasks: AuditTask[]; mutants: MutantResult[] }> {
  const { record, steps, levels, kinds, start, browser, signal } = input;
  const end = Math.max(...levels.map((level) => level.gold.end));
  const gold = goldSteps(steps, { start: 0, end });
  const subtasks = acceptedSubtasks(record);
  const kindsOf = (position: number, level: Level) =>
    (level.subtaskChecks?.[position - 1] ?? subtasks[position - 1]?.predicates ?? []).map((predicate) => predicate.kind);
  const base = (level: Level) => ({ chainId: record.chainId, level: level.level, environment: record.environment });
  const mutants: MutantResult[] = [];
  const emit = (mutant: MutantResult) => {
    mutants.push(mutant);
    input.onEvent?.({ type: 'audit-mutant', mutant });
  };

  // The gold, judged with its own answer and with each wrong one.
  const wrong = new Map(levels.map((level) => [level, kinds.has('wrong-answer') ? wrongAnswers(levelAnswerValues(record, level)) : []]));
  const goldResult = await replayVariant({
    start,
    browser,
    gold,
    levels: levels.map((level) =>
      variantLevel(record, level, [levelAnswer(record, level), ...wrong.get(level)!.map((entry) => entry.answer)]),
    ),
    ...(signal ? { signal } : {}),
  });
  const goldPasses = new Map<number, { passes: boolean; reason?: string }>();
  const goldProducts = new Map<number, string | undefined>();
  for (const result of goldResult.levels) {
    const outcome = result.outcomes?.[0];
    goldPasses.set(result.level, { passes: outcome?.success === true, ...(outcome?.reason ? { reason: outcome.reason } : {}) });
    goldProducts.set(result.level, result.product);
  }
  const audited = levels.filter((level) => goldPasses.get(level.level)?.passes);
  for (const level of audited) {
    const outcomes = goldResult.levels.find((result) => result.level === level.level)?.outcomes ?? [];
    const readPositions = subtasks
      .slice(0, level.level)
      .map((subtask, index) =>
        subtask.predicates.some((predicate) => predicate.kind === 'answer') && subtask.answer?.trim() ? index + 1 : 0,
      )
      .filter((position) => position > 0);
    wrong.get(level)!.forEach((entry, index) => {
      const outcome = outcomes[index + 1];
      const position = readPositions[entry.value] ?? level.level;
      emit({
        ...base(level),
        kind: 'wrong-answer',
        subtask: position,
        mutation: entry.mutation,
        outcome: outcome?.success ? 'survived' : 'killed',
        predicateKinds: kindsOf(position, level),
        ...(outcome?.reason ? { reason: outcome.reason } : {}),
      });
    });
  }

  // Each mutant of the actions: one replay judges every audited level that includes its subtask.
  const noOpSteps = await noOpSubmitSteps(record, steps, input.snapshotOf);
  const plans: MutantPlan[] = planMutants(record, steps, kinds, { noOpSteps }).filter((plan) =>
    audited.some((level) => level.level >= plan.subtask),
  );
  for (const plan of plans) {
    throwIfAborted(signal);
    const judged = audited.filter((level) => level.level >= plan.subtask);
    const result = await replayVariant({
      start,
      browser,
      gold,
      plan,
      levels: judged.map((level) => variantLevel(record, level, [levelAnswer(record, level)])),
      ...(signal ? { signal } : {}),
    });
    if (result.notApplicable) continue;
    for (const level of judged) {
      const outcome = result.levels.find((entry) => entry.level === level.level);
      const verdict = outcome?.outcomes?.[0];
      // A value changed or a submit left out that made no difference (the app saved the field on
      // blur) is no wrong work: the changed subtask was completed all the same, and the work ends as
      // the gold's did. One whose difference a later subtask erased (the task deleted) is wrong work.
      // A subtask left out or another row acted on always is.
      const equivalent =
        (plan.kind === 'no-submit' || plan.kind === 'change-value') &&
        outcome?.product !== undefined &&
        outcome.product === goldProducts.get(level.level) &&
        (outcome.progress ?? 0) >= plan.subtask;
      emit({
        ...base(level),
        kind: plan.kind,
        subtask: plan.subtask,
        mutation: `${plan.mutation}${result.detail ?? ''}`,
        outcome: outcome?.stuck || !verdict ? 'stuck' : verdict.success ? (equivalent ? 'equivalent' : 'survived') : 'killed',
        predicateKinds: kindsOf(plan.subtask, level),
        ...(verdict?.reason && !outcome?.stuck ? { reason: verdict.reason } : {}),
        ...(outcome?.stuck ? { stuckAt: outcome.stuck } : {}),
      });
    }
  }

  const tasks: AuditTask[] = levels.map((level) => {
    const own = mutants.filter((mutant) => mutant.level === level.level);
    const score = mutationScoreOf(own.map((mutant) => mutant.outcome));
    const gold = goldPasses.get(level.level);
    return {
      ...base(level),
      goldPasses: gold?.passes === true,
      ...(gold && !gold.passes ? { goldFailure: gold.reason ?? 'the gold replay did not reach the level' } : {}),
      sound: gold?.passes === true && score.survived === 0,
      score,
      checker: level.checker.map(describePredicate),
    };
  });
  return { tasks, mutants };
}

function variantLevel(record: ChainRecord, level: Level, answers: ReadonlyArray<string | undefined>): VariantLevel {
  const subtaskChecks =
    level.subtaskChecks ??
    acceptedSubtasks(record)
      .slice(0, level.level)
      .map((subtask) => subtask.predicates);
  return { level: level.level, checker: level.checker, subtaskChecks, ordered: level.ordered, end: level.gold.end, answers };
}
