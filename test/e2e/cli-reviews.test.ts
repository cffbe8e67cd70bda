import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReviewVerdict, type ReviewReason, type ReviewVerdict } from '../../src/core/review.js';
import type { DatasetManifest } from '../../src/export/manifest.js';
import { runLayout } from '../../src/store/layout.js';
import { runCli } from '../support/cli.js';
import { FIXTURE_RUN_ID, writeFixtureRun } from '../support/export-fixture.js';

/**
 * `trajsynth reviews` and the consensus it shares with `export --reviewed`, on the fixture run (four
 * level-k tasks, no browser): alice's verdicts are in the run's reviews.jsonl, bob's come from a copy
 * merged with --merge (one of his lines is in both).
 *
 *   task            alice            bob                 consensus (majority, 2 reviewers)
 *   c0001/L1        valid            valid               accepted
 *   c0001/L2        valid            invalid/trivial     disputed
 *   c0002/L1        invalid/unclear  invalid/unclear     rejected (unclear)
 *   c0002/L2        valid (her earlier invalid/trivial line no longer counts)   valid   accepted
 *
 * Cohen's kappa, valid/invalid/unsure: p_o = 3/4; alice 3 valid 1 invalid, bob 2 and 2:
 * p_e = (3/4)(2/4) + (1/4)(2/4) = 1/2; κ = (3/4 − 1/2)/(1 − 1/2) = 0.500.
 * Fine categories: alice valid 3, invalid:unclear 1; bob valid 2, invalid:trivial 1, invalid:unclear 1;
 * p_o = 3/4, p_e = (3/4)(2/4) + (1/4)(1/4) = 7/16; κ = (12/16 − 7/16)/(9/16) = 5/9 = 0.556.
 * No replay.json, so the checkers' view is valid for all four: alice agrees on 3/4, bob on 2/4.
 */
let temp: string;
let out: string;

const task = (chain: number, level: number) => `${FIXTURE_RUN_ID}/c000${chain}/L${level}`;
const line = (
  reviewer: string,
  taskId: string,
  kind: ReviewVerdict['verdict'],
  minute: number,
  extra: { reason?: ReviewReason; comment?: string } = {},
) =>
  JSON.stringify(
    newReviewVerdict({ taskId, reviewer, verdict: kind, at: new Date(Date.UTC(2026, 1, 1, 9, minute)).toISOString(), ...extra }),
  );

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-reviews-'));
  out = join(temp, 'out');
  const layout = await writeFixtureRun(out);
  await writeFixtureRun(out, 'unreviewed');
  const bobFirst = line('bob', task(1, 1), 'valid', 20);
  await writeFile(
    layout.reviewsFile,
    [
      line('alice', task(2, 2), 'invalid', 1, { reason: 'trivial' }),
      line('alice', task(1, 1), 'valid', 2),
      line('alice', task(1, 2), 'valid', 3),
      line('alice', task(2, 1), 'invalid', 4, { reason: 'unclear', comment: 'which message?' }),
      line('alice', task(2, 2), 'valid', 5),
      bobFirst,
    ].join('\n') + '\n',
  );
  await writeFile(
    join(temp, 'bob.jsonl'),
    [
      bobFirst,
      line('bob', task(1, 2), 'invalid', 21, { reason: 'trivial', comment: 'one click' }),
      line('bob', task(2, 1), 'invalid', 22, { reason: 'unclear' }),
      line('bob', task(2, 2), 'valid', 23),
    ].join('\n') + '\n',
  );
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('trajsynth reviews', () => {
  it('merges a copy, then prints verdicts, consensus, disagreements and the hand-computed kappa', async () => {
    const result = await runCli(['reviews', FIXTURE_RUN_ID, '--out', out, '--merge', join(temp, 'bob.jsonl')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/Merged 3 new line\(s\) from 1 file\(s\) into .*reviews\.jsonl \(1 already present\)/);
    expect(text).toContain(`${task(1, 1)}  accepted`);
    expect(text).toContain(`${task(1, 2)}  disputed`);
    expect(text).toContain(`${task(2, 1)}  rejected (unclear)`);
    expect(text).toContain(`${task(2, 2)}  accepted`);
    expect(text).toContain('bob: invalid/trivial "one click"');
    expect(text).toMatch(new RegExp(`Disagreements \\(1 disputed task\\(s\\)\\)\\n  ${task(1, 2)}  alice: valid · bob: invalid/trivial`));
    expect(text).toMatch(/Cohen's kappa\s+0\.500 on 4 task\(s\) both judged \(valid\/invalid\/unsure\)/);
    expect(text).toMatch(/fine categories\s+0\.556 on 4 task\(s\)/);
    expect(text).toMatch(/percent agreement\s+75\.0% over 4 task\(s\)/);
    expect(text).toMatch(/alice\s+with consensus 3\/3 \(100\.0%\) · with checkers 3\/4 \(75\.0%\)/);
    expect(text).toMatch(/bob\s+with consensus 3\/3 \(100\.0%\) · with checkers 2\/4 \(50\.0%\)/);
    expect(text).toMatch(/labels\s+accepted 2 · rejected 1 · unsure 0 · disputed 1 · pending 0/);
    expect(text).toContain('model judge         did not run');
    // Merging again adds nothing; the file only ever grows.
    const before = await readFile(runLayout(out, FIXTURE_RUN_ID).reviewsFile, 'utf8');
    const again = await runCli(['reviews', FIXTURE_RUN_ID, '--out', out, '--merge', join(temp, 'bob.jsonl'), '--json']);
    expect(again.code).toBe(0);
    expect(await readFile(runLayout(out, FIXTURE_RUN_ID).reviewsFile, 'utf8')).toBe(before);
    const report = JSON.parse(again.stdout);
    expect(report.merge.added).toBe(0);
    expect(report.verdictLines).toBe(9);
    expect(report.agreement.coarse.kappa).toMatchObject({ method: 'cohen', tasks: 4, kappa: 0.5 });
    expect(report.agreement.fine.kappa.kappa).toBeCloseTo(5 / 9, 12);
    expect(report.agreement.judge).toBeNull();
    expect(report.disagreements).toEqual([task(1, 2)]);
    expect(report.tasks.map((entry: { taskId: string; label: string }) => [entry.taskId, entry.label])).toEqual([
      [task(1, 1), 'accepted'],
      [task(1, 2), 'disputed'],
      [task(2, 1), 'rejected'],
      [task(2, 2), 'accepted'],
    ]);
  });

  it('under the unanimous rule with three reviewers required, every task is pending', async () => {
    const result = await runCli(['reviews', FIXTURE_RUN_ID, '--out', out, '--rule', 'unanimous', '--min-reviewers', '3', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).labels).toEqual({ accepted: 0, rejected: 0, unsure: 0, disputed: 0, pending: 4 });
  });

  it('says a run has no reviews yet and exits 0; usage mistakes exit 2', async () => {
    const none = await runCli(['reviews', 'unreviewed', '--out', out]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No reviews of run unreviewed yet/);
    const badRule = await runCli(['reviews', FIXTURE_RUN_ID, '--out', out, '--rule', 'plurality']);
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toMatch(/Expected --rule to be majority or unanimous, got "plurality"/);
    const missing = await runCli(['reviews', FIXTURE_RUN_ID, '--out', out, '--merge', join(temp, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const noRun = await runCli(['reviews', 'no-such-run', '--out', out]);
    expect(noRun.code).toBe(1);
    expect(noRun.stderr).toMatch(/no run\.json/);
    const help = await runCli(['reviews', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/exits 0/);
  });

  it('refuses a damaged middle line, naming file and line', async () => {
    const copy = join(temp, 'damaged.jsonl');
    await writeFile(copy, `${line('cy', task(1, 1), 'valid', 40)}\n{"schemaVersion":1}\n`);
    const result = await runCli(['reviews', FIXTURE_RUN_ID, '--out', out, '--merge', copy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/damaged\.jsonl:2 to be a review verdict/);
  });
});

describe('export --reviewed', () => {
  it('exports exactly the accepted tasks', async () => {
    const dest = join(temp, 'accepted');
    const result = await runCli([
      'export',
      FIXTURE_RUN_ID,
      '--out',
      out,
      '--format',
      'raw',
      '--dest',
      dest,
      '--reviewed',
      'accepted',
      '--min-reviewers',
      '2',
      '--json',
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(dest, 'manifest.json'), 'utf8')) as DatasetManifest;
    expect(manifest.records.map((record) => record.key).sort()).toEqual([task(1, 1), task(2, 2)]);
    expect(manifest.options).toMatchObject({ filters: { reviewed: 'accepted' }, reviewConsensus: { rule: 'majority', minReviewers: 2 } });
    expect(JSON.parse(result.stdout).excluded).toEqual({ '--reviewed': 2 });
  });

  it('selects nothing when a consensus needs more reviewers than there are, and checks the label', async () => {
    const none = await runCli([
      'export',
      FIXTURE_RUN_ID,
      '--out',
      out,
      '--format',
      'raw',
      '--dest',
      join(temp, 'none'),
      '--reviewed',
      'accepted',
      '--min-reviewers',
      '3',
      '--quiet',
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/got none of 4 \(--reviewed left out 4\)/);
    const bad = await runCli(['export', FIXTURE_RUN_ID, '--out', out, '--format', 'raw', '--dest', join(temp, 'bad'), '--reviewed', 'yes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Expected --reviewed to be one of accepted, rejected, unsure, disputed, pending, got "yes"/);
  });
});
