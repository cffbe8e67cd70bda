import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditReportSchema } from '../../src/core/audit.js';
import type { ChainRecord } from '../../src/core/chain.js';
import type { Predicate } from '../../src/core/predicate.js';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { auditRun } from '../../src/eval/audit.js';
import { loadTaskSource, selectTasks } from '../../src/eval/task-source.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { chainLayout } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';

/**
 * `trajsynth audit` on a small run in real Chromium: every near-miss of every level is replayed from
 * the seeded reset and judged; a run made now has no survivor. A checker weakened the way checkers
 * were derived before (the created task's name only, its end state only) lets wrong work through,
 * and the audit says which, where, and why the task is no longer valid.
 */
let browser: BrowserHandle;
let out: string;

beforeAll(async () => {
  browser = await launchBrowser();
  out = await mkdtemp(join(tmpdir(), 'trajsynth-audit-'));
});

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('trajsynth audit', () => {
  it('kills every near-miss of a run made now, and reports the survivors of a weakened checker', { timeout: 300_000 }, async () => {
    // Chain 1 reads a value, opens a project and creates a task in it; chain 2 ticks, reads and archives.
    const { layout, records } = await synthesize({
      outDir: out,
      environment: 'project-tracker',
      chains: 2,
      maxLevel: 3,
      seed: 6,
      concurrency: 2,
      browser,
    });
    const form = records[0]!.subtasks.find((subtask) => subtask.status === 'accepted' && subtask.interaction === 'form')!;
    expect(form.predicates.filter((predicate) => predicate.kind === 'state-field').length).toBeGreaterThanOrEqual(2);
    expect(records.flatMap((record) => record.levels).every((level) => level.ordered && level.audit?.mode === 'fast')).toBe(true);

    const report = await auditRun({ layout, browser });
    expect(AuditReportSchema.parse(JSON.parse(await readFile(layout.auditFile, 'utf8')))).toMatchObject({ runId: layout.runId });
    expect(report.tasks).toHaveLength(6);
    expect(report.tasks.every((task) => task.goldPasses && task.sound)).toBe(true);
    expect(report.overall.survived).toBe(0);
    expect(report.mutationScore).toBe(1);
    for (const kind of ['drop-subtask', 'change-value', 'wrong-answer', 'no-submit'])
      expect(report.byKind[kind]?.killed, `${kind}: ${JSON.stringify(report.byKind)}`).toBeGreaterThan(0);
    // A mutant that could not be replayed to its end is apart, never counted as killed.
    expect(report.overall.replayed).toBe(report.overall.killed);

    // Weaken chain 1's checkers: the created task is checked by its name alone, at the end only.
    const file = chainLayout(layout, records[0]!.chainId).chainFile;
    const record = JSON.parse(await readFile(file, 'utf8')) as ChainRecord;
    const nameOnly = (predicates: Predicate[]) => predicates.filter((predicate) => predicate.kind !== 'state-field');
    for (const level of record.levels) {
      level.checker = nameOnly(level.checker);
      level.subtaskChecks = level.subtaskChecks?.map(nameOnly);
      delete level.ordered;
    }
    await writeFile(file, JSON.stringify(record));
    const weakened = await auditRun({ layout, browser, levels: [3] });
    const survivors = weakened.mutants.filter((mutant) => mutant.outcome === 'survived');
    expect(survivors.length).toBeGreaterThan(0);
    expect(survivors.every((mutant) => mutant.chainId === records[0]!.chainId && mutant.level === 3)).toBe(true);
    expect(survivors.map((mutant) => mutant.kind)).toContain('change-value');
    expect(weakened.tasks.find((task) => task.chainId === records[0]!.chainId)).toMatchObject({ goldPasses: true, sound: false });
    expect(weakened.mutationScore).toBeLessThan(1);

    // An unsound task is not valid: eval --valid-only leaves it out, and the CLI lists its survivors.
    const source = await loadTaskSource(layout.runId, out);
    const valid = selectTasks(source, { validOnly: true }).map((task) => `${task.chainId}/L${task.level}`);
    expect(valid).toEqual([`${records[1]!.chainId}/L3`]);
    const cli = await runCli(['audit', layout.runId, '--out', out, '--levels', '3', '--kinds', 'change-value,wrong-answer', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const summary = JSON.parse(cli.stdout) as {
      mutationScore: number;
      unsoundTasks: string[];
      survivors: Array<{ kind: string; mutation: string }>;
    };
    expect(summary.unsoundTasks).toEqual([`${records[0]!.chainId}/L3`]);
    expect(summary.survivors.every((mutant) => mutant.kind === 'change-value')).toBe(true);
    expect(summary.survivors[0]!.mutation).toMatch(/instead of|another option/);

    // The viewer says why: the chain's level is marked unsound, with the near-miss its checker passed.
    const view = await runCli(['view', layout.runId, '--out', out, '--dest', join(out, 'site')]);
    expect(view.code, view.stderr).toBe(0);
    const page = await readFile(join(out, 'site', 'chains', `${records[0]!.chainId}.html`), 'utf8');
    expect(page).toContain('checker audit');
    expect(page).toMatch(/status bad">unsound/);
    expect(page).toContain('the checker passed these near-misses');
    expect(page).toContain('change-value, subtask 3');
  });
});
