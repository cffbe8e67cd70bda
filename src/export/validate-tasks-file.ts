import { ChainTasksSchema, type ChainRecord, type ChainTasks } from '../core/chain.js';
import { tasksLine } from '../pipeline/run-meta.js';
import type { RunLayout } from '../store/layout.js';
import { canonicalJson, readRawJsonLines, schemaVersionProblem } from './raw-json.js';
import type { ProblemList } from './validation-problem.js';

export interface TasksFileLines {
  /** Parsed lines by chain id, with their line numbers. */
  byChain: Map<string, { line: number; tasks: ChainTasks }>;
  /** Lines whose schemaVersion is unknown (already reported), so their damage is not reported twice. */
  versionLines: Set<number>;
}

/** Reads tasks/<run>.jsonl, reporting unknown schema versions and chains listed twice. */
export async function readTasksLines(problems: ProblemList, layout: RunLayout): Promise<TasksFileLines> {
  const byChain = new Map<string, { line: number; tasks: ChainTasks }>();
  const versionLines = new Set<number>();
  for (const { line, value } of await readRawJsonLines(layout.tasksFile)) {
    const version = schemaVersionProblem(value);
    if (version) {
      problems.add(layout.tasksFile, version, { line, field: 'schemaVersion' });
      versionLines.add(line);
      continue;
    }
    const parsed = ChainTasksSchema.safeParse(value);
    if (!parsed.success) continue; // findRunDamage names it
    const earlier = byChain.get(parsed.data.chainId);
    if (earlier)
      problems.add(
        layout.tasksFile,
        `Expected one line per chain, got chain ${parsed.data.chainId} again (first at line ${earlier.line})`,
        { line, field: 'chainId' },
      );
    else byChain.set(parsed.data.chainId, { line, tasks: parsed.data });
  }
  return { byChain, versionLines };
}

/**
 * The tasks file holds, for every finished chain with levels, exactly chain.json's levels (without
 * usage), environment, seed and start path; and no chain that is not in the run.
 */
export function checkTasksFile(
  problems: ProblemList,
  layout: RunLayout,
  lines: TasksFileLines,
  chains: ReadonlyMap<string, { record: ChainRecord; file: string }>,
  chainIdsOnDisk: ReadonlySet<string>,
): void {
  for (const [chainId, { line }] of lines.byChain) {
    if (!chainIdsOnDisk.has(chainId))
      problems.add(
        layout.tasksFile,
        `Expected a chain of this run, got ${chainId}, which has no directory under ${problems.relative(layout.chainsDir)}`,
        { line, field: 'chainId' },
      );
  }
  for (const [chainId, { record, file }] of chains) {
    if (record.status === 'running' || record.levels.length === 0) continue;
    const entry = lines.byChain.get(chainId);
    if (!entry) {
      problems.add(
        layout.tasksFile,
        `Expected a line for chain ${chainId} (${problems.relative(file)} has ${record.levels.length} level(s)), got none`,
      );
      continue;
    }
    const expected = tasksLine(record, record.startPath ?? entry.tasks.startPath);
    for (const key of ['environment', 'envSeed', 'startPath'] as const) {
      if (expected[key] !== entry.tasks[key])
        problems.add(
          layout.tasksFile,
          `Expected ${JSON.stringify(expected[key])} (as in ${problems.relative(file)}), got ${JSON.stringify(entry.tasks[key])}`,
          { line: entry.line, field: key },
        );
    }
    const count = Math.max(expected.levels.length, entry.tasks.levels.length);
    for (let index = 0; index < count; index += 1) {
      const want = expected.levels[index];
      const got = entry.tasks.levels[index];
      if (canonicalJson(want) === canonicalJson(got)) continue;
      const what = !want ? 'a level chain.json does not have' : !got ? 'nothing' : `a different ${differingKey(want, got)}`;
      problems.add(layout.tasksFile, `Expected level ${want?.level ?? got?.level} as in ${problems.relative(file)}, got ${what}`, {
        line: entry.line,
        field: `levels[${index}]`,
      });
    }
  }
}

function differingKey(a: object, b: object): string {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (canonicalJson((a as Record<string, unknown>)[key]) !== canonicalJson((b as Record<string, unknown>)[key])) return key;
  }
  return 'content';
}
