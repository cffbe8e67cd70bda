import type { ModelCall } from '../core/usage.js';
import { costReport, type CostBucket, type LevelTaskCost } from '../cost/cost-report.js';
import { chainLayout, listChainIds, readCalls, readChain, readInterruptedCalls, readRunMeta } from '../store/index.js';
import { booleanFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';
import { assertReadable, shownStatus } from './run-health.js';
import { resolveRun } from './inspect-command.js';

export const COST_HELP = `Usage: trajsynth cost RUN [flags]

Print what a run's model calls cost: totals, by role, by model, by level, and the mean USD per
accepted level-k task (a chain's calls at levels 1..k, failed attempts and summaries included).
RUN is a run id (looked up under --out) or the path of a run directory.
Calls to a model missing from the price table show as "unpriced", never as $0.

Flags:
  --out DIR   output directory the run was written to (default .)
  --json      print the cost report as JSON
`;

export async function costCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'cost',
    argv,
    { out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(COST_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(`Expected one RUN argument, got ${parsed.positionals.length}. Usage: trajsynth cost RUN [--out DIR] [--json]`);
  const layout = resolveRun(parsed.positionals[0]!, stringFlag(parsed, 'out'));
  const meta = await readRunMeta(layout);
  await assertReadable(layout);
  const status = await shownStatus(layout, meta.status);
  const notes: string[] = [];
  const chains: Array<{ chainId: string; levelsReached: number; calls: ModelCall[] }> = [];
  for (const chainId of await listChainIds(layout)) {
    const record = await readChain(layout, chainId);
    const calls = await readCalls(layout, chainId, {
      onTornTail: (line) => notes.push(`${chainLayout(layout, chainId).callsFile}: torn last line ${line} ignored (an interrupted append)`),
    });
    const levelsReached = record?.levels.length ?? meta.chains.find((chain) => chain.chainId === chainId)?.levelsReached ?? 0;
    chains.push({ chainId, levelsReached, calls });
  }
  // Unfinished attempts that --resume redid: paid for, so in every total, but they produced no level.
  const interrupted = await readInterruptedCalls(layout, {
    onTornTail: (line) => notes.push(`${layout.interruptedCallsFile}: torn last line ${line} ignored`),
  });
  if (interrupted.length > 0) {
    chains.push({ chainId: 'interrupted attempts', levelsReached: 0, calls: interrupted });
    notes.push(`${interrupted.length} call(s) from chain attempts interrupted and redone on --resume are included in the totals`);
  }
  const report = costReport({ chains });
  if (booleanFlag(parsed, 'json')) {
    for (const note of notes) process.stderr.write(`trajsynth: note: ${note}\n`);
    process.stdout.write(`${JSON.stringify({ runId: meta.runId, status: meta.status, ...report }, null, 2)}\n`);
    return 0;
  }
  const modelRoles = Object.entries(meta.config.roles).filter(([, id]) => id.includes(':'));
  const out: string[] = [];
  if (report.totals.calls + report.totals.cacheHitCalls === 0) {
    out.push(
      modelRoles.length === 0
        ? `Run ${meta.runId} (${status}): heuristic agents only: 0 model calls, $0.0000.`
        : `Run ${meta.runId} (${status}): 0 model calls recorded, $0.0000 (model-backed roles configured: ${modelRoles.map(([role]) => role).join(', ')}).`,
    );
    out.push(...notes.map((note) => `  note: ${note}`));
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  }
  const tables = report.priceTables.length ? `price table ${report.priceTables.join(', ')}` : 'no price table (every call unpriced)';
  out.push(`Run ${meta.runId} (${status}) · ${report.chains} chain(s) · ${tables}`);
  out.push(...notes.map((note) => `  note: ${note}`));
  out.push(`  total: ${totalLine(report.totals)}`);
  out.push('  (cached = answered from the response cache, no money spent; cache write/read = prompt-cache tokens)');
  out.push(
    '',
    'By role',
    ...table(
      ['role'],
      report.byRole.map((row) => ({ keys: [row.role], bucket: row })),
    ),
  );
  out.push(
    '',
    'By model',
    ...table(
      ['model'],
      report.byModel.map((row) => ({ keys: [`${row.provider}:${row.model}`], bucket: row })),
    ),
  );
  out.push(
    '',
    'By level (the level the chain was working on)',
    ...table(
      ['level'],
      report.byLevel.map((row) => ({ keys: [row.level === undefined ? 'none' : `L${row.level}`], bucket: row })),
    ),
  );
  out.push('', '$ per accepted level-k task (mean over the chains that reached k of their calls at levels 1..k)');
  out.push(...report.perLevelTask.map(levelTaskLine));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function formatUsd(usd: number): string {
  return `$${usd.toFixed(4)}`;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function usdOf(bucket: Pick<CostBucket, 'costUsd'>): string {
  return bucket.costUsd === undefined ? 'unpriced' : formatUsd(bucket.costUsd);
}

function totalLine(totals: CostBucket): string {
  const parts = [
    `${formatCount(totals.calls)} model call(s)${totals.cacheHitCalls ? ` + ${formatCount(totals.cacheHitCalls)} from the response cache` : ''}`,
    `input ${formatCount(totals.inputTokens)}`,
    `output ${formatCount(totals.outputTokens)}`,
    `cache write ${formatCount(totals.cacheWriteTokens)}`,
    `cache read ${formatCount(totals.cacheReadTokens)}`,
    `images ${formatCount(totals.images)}`,
  ];
  const usd =
    totals.costUsd === undefined
      ? `unpriced: ${formatCount(totals.unpricedCalls)} call(s) to ${totals.unpricedModels.join(', ')} (priced part ${formatUsd(totals.pricedUsd)})`
      : formatUsd(totals.costUsd);
  return `${parts.join(' · ')} · ${usd}`;
}

function table(keyHeaders: string[], rows: Array<{ keys: string[]; bucket: CostBucket }>): string[] {
  const headers = [...keyHeaders, 'calls', 'cached', 'input', 'output', 'cache write', 'cache read', 'images', 'USD'];
  const cells = rows.map(({ keys, bucket }) => [
    ...keys,
    ...[
      bucket.calls,
      bucket.cacheHitCalls,
      bucket.inputTokens,
      bucket.outputTokens,
      bucket.cacheWriteTokens,
      bucket.cacheReadTokens,
      bucket.images,
    ].map(formatCount),
    usdOf(bucket),
  ]);
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => row[column]!.length)));
  const render = (row: string[]) =>
    `  ${row.map((cell, column) => (column < keyHeaders.length ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`.trimEnd();
  return [render(headers), ...cells.map(render)];
}

function levelTaskLine(entry: LevelTaskCost): string {
  const details = [`mean over ${entry.chains} chain${entry.chains === 1 ? '' : 's'}`];
  if (entry.meanUsd === undefined) details.push(`${entry.unpricedCalls} unpriced call(s), priced part ${formatUsd(entry.pricedMeanUsd)}`);
  if (entry.unleveledCalls) details.push(`${entry.unleveledCalls} call(s) stored without a level not included`);
  return `  level ${entry.level}: ${entry.meanUsd === undefined ? 'unpriced' : formatUsd(entry.meanUsd)} per task (${details.join('; ')})`;
}
