import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describePredicate } from '../core/predicate.js';
import type { ChainRecord } from '../core/chain.js';
import { listChainIds, readChain, readRunMeta, readSteps, readTasksFile, runLayout, type RunLayout } from '../store/index.js';
import { coverageText } from './coverage-text.js';
import { assertReadable, shownStatus } from './run-health.js';
import { booleanFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';

export const INSPECT_HELP = `Usage: trajsynth inspect RUN [flags]

Print each chain's level-k tasks and the lineage of its subtasks (proposed, revised, accepted, failed).
RUN is a run id (looked up under --out) or the path of a run directory.

Flags:
  --out DIR       output directory the run was written to (default .)
  --chain ID      only this chain (e.g. c0001)
  --steps         also list every step's action and outcome
  --markers DIR   write each step's screenshot with its action drawn on it (PNG) into DIR
`;

/** Resolves "RUN" as a run id under --out, or as a path to trajectories/<run>. */
export function resolveRun(run: string, outDir: string | undefined): RunLayout {
  const asPath = resolve(run);
  if (existsSync(join(asPath, 'run.json'))) return runLayout(dirname(dirname(asPath)), basename(asPath));
  return runLayout(resolve(outDir ?? '.'), run);
}

export async function inspectCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'inspect',
    argv,
    {
      out: { type: 'string' },
      chain: { type: 'string' },
      steps: { type: 'boolean' },
      markers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(INSPECT_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(`Expected one RUN argument, got ${parsed.positionals.length}. Usage: trajsynth inspect RUN [--out DIR]`);
  const layout = resolveRun(parsed.positionals[0]!, stringFlag(parsed, 'out'));
  const meta = await readRunMeta(layout);
  await assertReadable(layout);
  const only = stringFlag(parsed, 'chain');
  const tasks = await readTasksFile(layout);
  const out: string[] = [];
  out.push(
    `Run ${meta.runId} (${await shownStatus(layout, meta.status)}) · env ${meta.config.environment} · seed ${meta.config.seed} · ${meta.config.chains} chains to level ${meta.config.maxLevel}`,
  );
  out.push(`  created ${meta.createdAt} · ${tasks.length} chain(s) with tasks in ${layout.tasksFile}`);
  const coverage = coverageText(meta.coverage, meta.config.environment === 'all' ? meta.spread : undefined);
  if (coverage && !only) out.push(coverage.trimEnd());
  const chainIds = only ? [only] : await listChainIds(layout);
  for (const chainId of chainIds) {
    const record = await readChain(layout, chainId);
    if (!record && only)
      throw new UsageError(`No chain "${only}" in run ${meta.runId}; see \`trajsynth inspect ${meta.runId}\` for its chains`);
    if (!record) {
      out.push('', `${chainId}: not started (no chain.json)`);
      continue;
    }
    let torn: number | undefined;
    const steps = await readSteps(layout, chainId, { onTornTail: (line) => (torn = line) });
    out.push('', ...chainLines(record, steps.length, torn));
    const markers = stringFlag(parsed, 'markers');
    if (markers) {
      const { renderStepMarkers } = await import('./render-markers.js');
      const files = await renderStepMarkers(layout, chainId, steps, resolve(markers));
      out.push(`  wrote ${files.length} marked screenshot(s) to ${resolve(markers)}`);
    }
    if (booleanFlag(parsed, 'steps')) {
      for (const step of steps) {
        const action = step.executed.action;
        const target = step.executed.element ? ` ${step.executed.element.role ?? ''} "${step.executed.element.name ?? ''}"` : '';
        const extra =
          action.type === 'type'
            ? ` ${JSON.stringify(action.text)}`
            : action.type === 'select'
              ? ` ${JSON.stringify(action.value)}`
              : action.type === 'done' && action.answer
                ? ` answer=${JSON.stringify(action.answer)}`
                : '';
        const outcome = step.executed.outcome.ok ? 'ok' : `error: ${step.executed.outcome.error}`;
        out.push(`      #${step.index} [${step.subtaskId}] ${action.type}${target}${extra} → ${outcome}  (${step.before.screenshot})`);
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function chainLines(record: ChainRecord, stepCount: number, tornLine: number | undefined): string[] {
  const lines = [
    `${record.chainId} · ${record.status} · env seed ${record.envSeed} · persona ${record.persona} · ${record.levels.length} level(s) · ${stepCount} steps${tornLine ? ` (torn last line ${tornLine} ignored)` : ''}`,
  ];
  if (record.stopReason) lines.push(`  stopped: ${record.stopReason}`);
  lines.push('  lineage:');
  for (const subtask of record.subtasks) {
    const mark = subtask.status === 'accepted' ? '✓' : '✗';
    const origin = subtask.origin === 'revised' ? ` revised from ${subtask.revisedFrom}` : '';
    lines.push(
      `    ${mark} ${subtask.id} [${subtask.interaction}${origin}] steps ${subtask.steps.start}-${subtask.steps.end - 1}: ${subtask.description}`,
    );
    lines.push(`        ${subtask.verdict.reason}${subtask.answer !== undefined ? ` · answer ${JSON.stringify(subtask.answer)}` : ''}`);
  }
  lines.push('  levels:');
  for (const skipped of record.skippedLevels ?? []) lines.push(`    L${skipped.level} not stored: ${skipped.reason}`);
  for (const level of record.levels) {
    lines.push(`    L${level.level} (gold steps ${level.gold.start}-${level.gold.end - 1}): ${level.task}`);
    lines.push(
      `        checker: ${level.checker.map(describePredicate).join(' AND ')}${level.ordered ? ' (and its subtasks done in order)' : ''}`,
    );
    if (level.audit) {
      const { audit } = level;
      lines.push(
        `        audit (${audit.mode}): ${audit.killed} near-misses rejected${audit.stuck ? `, ${audit.stuck} stuck` : ''}${audit.strengthened?.length ? `; strengthened with ${audit.strengthened.join(' AND ')}` : ''}`,
      );
    }
  }
  return lines;
}
